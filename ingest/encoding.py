"""Bytes → Unicode NFC text, including the legacy Vietnamese encodings plans were typed in before Unicode.

Three pure functions:

* :func:`decode_bytes` picks the byte encoding: UTF-8/UTF-16/UTF-32 by BOM, BOM-less UTF-16 by its NUL pattern,
  strict UTF-8, else Windows-1258 (the Vietnamese code page, tone marks stored as combining characters) — unless
  the bytes read better as a TCVN3/VNI font encoding seen through cp1252 — and cp1252 as the last resort.
* :func:`fix_legacy` repairs TCVN3 (.VnTime/ABC), VNI and VISCII mojibake line by line, so a document where some
  paragraphs were typed in a legacy font and others in Unicode is fixed only where needed. The conversion tables
  are viparse's (``viparse.normalize``); detection is ours, because viparse's content detector scores whole
  texts and misses short lines and lines dense with numbers (``Taêng 12,5%/naêm``).
* :func:`normalise_vietnamese` is NFC only; tone placement is left as typed (``common.text.unify_tones`` handles
  old/new placement for matching).

>>> fix_legacy("KÕ ho¹ch n©ng cao n¨ng suÊt lao ®éng")
'Kế hoạch nâng cao năng suất lao động'
>>> fix_legacy("Keá hoaïch naâng cao naêng suaát lao ñoäng")
'Kế hoạch nâng cao năng suất lao động'
>>> fix_legacy("Kế hoạch số 285/KH-UBND, tăng 12,5%/năm")
'Kế hoạch số 285/KH-UBND, tăng 12,5%/năm'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["decode_bytes", "fix_legacy", "legacy_encoding_of", "normalise_vietnamese"]

TCVN3 = "tcvn3"
VNI = "vni"
VISCII = "viscii"

# ----------------------------------------------------------------------------------- alphabets

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWELS = "aăâeêioôơuưy"
#: Every letter of the Vietnamese alphabet, both cases, NFC, plus ASCII letters (loanwords, codes).
_VIET_LETTERS = frozenset(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | {unicodedata.normalize("NFC", v + t).upper() for v in _VOWELS for t in _TONES}
    | set("đĐ")
    | {chr(c) for c in range(0x41, 0x5B)} | {chr(c) for c in range(0x61, 0x7B)}
)
#: Letters only Unicode Vietnamese has: none of them is in cp1252, so a line holding one is already Unicode.
_VIET_SPECIFIC = frozenset(ch for ch in _VIET_LETTERS if len(ch.encode("cp1252", errors="ignore")) == 0)
_COMBINING = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"[^\W\d_]+")
_TONE_MARKS = dict.fromkeys(map(ord, _TONES[1:]))
_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
           "ưa ưi ươ ưu ya yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu").split()
_SYLLABLE = re.compile("(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnpqrstvx])?(?:" + "|".join(
    sorted(_NUCLEI, key=len, reverse=True)) + ")(?:ch|ng|nh|[cmnpt])?")
_NEWLINE = re.compile(r"(\r\n|\n|\r)")

# ------------------------------------------------------------------------ legacy charmaps (viparse)


def _charmap(name: str):
    from viparse.normalize.encodings import get_charmap

    return get_charmap(name)


def _convert(text: str, encoding: str) -> str:
    """Convert one legacy-encoded line with viparse's table, keeping its whitespace exactly."""
    try:
        from viparse.normalize.tables import convert

        return convert(text, _charmap(encoding), "NFC")
    except ImportError:  # pragma: no cover - fallback if viparse reorganises its internals
        import viparse

        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        return lead + viparse.fix(core, encoding=encoding) + trail if core else text


def _tcvn3_evidence_chars() -> frozenset[str]:
    """TCVN3 surface characters that are not Vietnamese letters (``µ`` for à, ``¹`` for ạ, ``®`` for đ ...)."""
    sources = {src for src, _ in _charmap(TCVN3).pairs} | {"\u2212", "\u2219"}  # PDF glyph substitutions
    return frozenset(ch for ch in sources if ch not in _VIET_LETTERS)


def _vni_evidence_keys() -> tuple[frozenset[str], frozenset[str]]:
    """VNI sequences (base + mark) and single characters that real Vietnamese never contains.

    ``oà``/``oá``/``oã`` are left out: they are VNI for ồ/ố/ỗ but also old-style Unicode ``hoà``/``hoá``.
    """
    pairs, singles = set(), set()
    for src, _ in _charmap(VNI).pairs:
        if len(src) == 1:
            if src not in _VIET_LETTERS:  # ñ ö æ ... (ô ò ó are real letters too)
                singles.add(src)
        elif unicodedata.normalize("NFC", src).lower() not in {"oà", "oá", "oã"}:
            pairs.add(src)
    return frozenset(pairs), frozenset(singles)


_TCVN3_EVIDENCE: frozenset[str] | None = None
_VNI_PAIRS: frozenset[str] = frozenset()
_VNI_SINGLES: frozenset[str] = frozenset()
_VNI_PAIR_RE: re.Pattern[str] | None = None


def _load_tables() -> None:
    global _TCVN3_EVIDENCE, _VNI_PAIRS, _VNI_SINGLES, _VNI_PAIR_RE
    if _TCVN3_EVIDENCE is None:
        _VNI_PAIRS, _VNI_SINGLES = _vni_evidence_keys()
        _VNI_PAIR_RE = re.compile("|".join(sorted(map(re.escape, _VNI_PAIRS), key=len, reverse=True)))
        _TCVN3_EVIDENCE = _tcvn3_evidence_chars()


# ------------------------------------------------------------------------------------- detection


def _is_candidate(line: str) -> bool:
    """A line can be legacy mojibake only if it has non-ASCII text and no Unicode-only Vietnamese letter."""
    if line.isascii():
        return False
    return not any(ch in _VIET_SPECIFIC for ch in line) and not _COMBINING.search(line)


def _tcvn3_score(line: str) -> int:
    assert _TCVN3_EVIDENCE is not None
    score = 0
    for i, ch in enumerate(line):
        if ch in _TCVN3_EVIDENCE:
            before = line[i - 1] if i else " "
            after = line[i + 1] if i + 1 < len(line) else " "
            if before.isalpha() or after.isalpha():  # "ho¹ch", "§iÒu"; not "© 2024" or "½ cup"
                score += 1
        elif ch.isupper() and i and line[i - 1].islower() and not ch.isascii():
            score += 1  # "suÊt", "nghÖ": a TCVN3 lowercase letter that reads as an uppercase Latin-1 one
    return score


def _vni_score(line: str) -> int:
    assert _VNI_PAIR_RE is not None
    score = len(_VNI_PAIR_RE.findall(line))
    return score + sum(1 for i, ch in enumerate(line)
                       if ch in _VNI_SINGLES and ((i and line[i - 1].isalpha())
                                                  or (i + 1 < len(line) and line[i + 1].isalpha())))


def _line_verdict(line: str) -> tuple[str | None, int]:
    """(encoding, evidence) for one candidate line; evidence counts legacy sequences real Vietnamese lacks."""
    tcvn3, vni = _tcvn3_score(line), _vni_score(line)
    if tcvn3 == vni == 0:
        return None, 0
    return (TCVN3, tcvn3) if tcvn3 > vni else (VNI, vni)


def _viscii_line(line: str) -> bool:
    """VISCII has no cheap signature; trust viparse's content detector on lines long enough to score."""
    if len(line.strip()) < 20:
        return False
    try:
        from viparse import detect_text_encoding
    except ImportError:  # pragma: no cover
        return False
    return detect_text_encoding(line) == VISCII


def _is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of a Vietnamese syllable (onset, vowel nucleus, coda; at most one tone)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in nfd if ord(ch) in _TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", nfd.translate(_TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None or (bare.startswith("gi") and _SYLLABLE.fullmatch(bare[1:]) is not None)


def _reads_as_vietnamese(converted: str) -> bool:
    """A conversion is accepted only if it yields Vietnamese letters in Vietnamese-shaped syllables, which keeps
    German/Spanish/French (``Müller``, ``Señor``) from being "converted" into nonsense."""
    words = [w for w in _WORD.findall(converted) if not w.isascii()]
    if not words or not any(ch in _VIET_SPECIFIC for w in words for ch in w):
        return False
    if any(ch not in _VIET_LETTERS for w in words for ch in w):
        return False
    return sum(map(_is_syllable, words)) >= 0.8 * len(words)


def _plan(lines: list[str]) -> list[str | None]:
    """The encoding to convert each line from (``None``: leave it alone)."""
    _load_tables()
    verdicts: list[tuple[str | None, int]] = [_line_verdict(ln) if _is_candidate(ln) else (None, 0) for ln in lines]
    totals: dict[str, int] = {}
    for enc, ev in verdicts:
        if enc:
            totals[enc] = totals.get(enc, 0) + ev
    doc_enc = max(totals, key=totals.__getitem__) if totals and max(totals.values()) >= 3 else None
    plan: list[str | None] = []
    for line, (enc, ev) in zip(lines, verdicts):
        if enc and (ev >= 2 or enc == doc_enc):
            plan.append(enc if _reads_as_vietnamese(_convert(line, enc)) else None)
        elif enc is None and _is_candidate(line) and _viscii_line(line):
            plan.append(VISCII)
        else:
            plan.append(None)
    return plan


def legacy_encoding_of(text: str) -> str | None:
    """The legacy encoding most of ``text``'s converted lines are in, or ``None`` when nothing would change."""
    plan = [enc for enc in _plan(_NEWLINE.split(text)[::2]) if enc]
    return max(set(plan), key=plan.count) if plan else None


# --------------------------------------------------------------------------------- public API


def normalise_vietnamese(text: str) -> str:
    """Unicode NFC (composes NFD input such as ``e`` + U+0302 + U+0301 into ``ế``); tone placement unchanged.

    >>> normalise_vietnamese("Ke\u0302\u0301 hoa\u0323ch") == "Kế hoạch"
    True
    """
    return unicodedata.normalize("NFC", text)


def fix_legacy(text: str) -> str:
    """Convert TCVN3 / VNI / VISCII mojibake to Unicode NFC, line by line; other lines are returned untouched.

    Lines are judged one at a time (a PDF or DOCX may mix a .VnTime paragraph with a Unicode one), by legacy
    sequences real Vietnamese never contains (``¹`` ``µ`` ``®`` for TCVN3, ``aï`` ``eâ`` ``ñ`` for VNI). A line
    with a single such sequence is converted only when the document as a whole is clearly in that encoding, so a
    stray ``®`` or ``©`` in a Unicode or English document is left alone. TCVN3 has no uppercase accented letters:
    a heading typed in .VnTimeH comes back with its accented letters lower-case (``KÕ HO¹CH`` → ``Kế HOạCH``).
    """
    if text.isascii():
        return text
    parts = _NEWLINE.split(text)  # lines at even indexes, their separators at odd ones
    lines = parts[::2]
    plan = _plan(lines)
    if not any(plan):
        return text
    for i, enc in enumerate(plan):
        if enc:
            parts[2 * i] = _convert(lines[i], enc)
    return "".join(parts)


# ------------------------------------------------------------------------------------------ bytes

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one parity only (ASCII letters, spaces and digits in UTF-16)."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    pairs = len(sample) // 2
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _badness(text: str) -> int:
    """Characters that Vietnamese text does not contain: non-Vietnamese letters/symbols of Latin-1, and tone
    marks left uncomposed after NFC (a tone mark on a consonant is cp1258 misreading a legacy font byte)."""
    bad = len(_COMBINING.findall(text))
    for ch in text:
        if ord(ch) > 127 and ch not in _VIET_LETTERS and ("\xa1" <= ch <= "\xff" or ch.isalpha()):
            bad += 1
    return bad


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to NFC text.

    BOM (UTF-32/UTF-8/UTF-16) → that codec; BOM-less UTF-16 by its NUL pattern; strict UTF-8; else Windows-1258
    with its combining tone marks composed — unless the bytes are a TCVN3/VNI font encoding, which is returned as
    cp1252 text for :func:`fix_legacy` (the form a PDF/DOCX extractor would give); cp1252 is the last resort.

    >>> decode_bytes("Kế hoạch".encode("utf-16"))
    'Kế hoạch'
    >>> decode_bytes(b"K\\xea\\xec hoa\\xf2ch")  # Windows-1258: ê + combining acute, a + combining dot below
    'Kế hoạch'
    >>> decode_bytes(b"K\\xd5 ho\\xb9ch n\\xa9ng cao")  # TCVN3 bytes, left for fix_legacy
    'KÕ ho¹ch n©ng cao'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return normalise_vietnamese(data[len(bom):].decode(codec, errors="replace"))
    codec = _bomless_utf16(data)
    if codec:
        return normalise_vietnamese(data.decode(codec, errors="replace"))
    try:
        return normalise_vietnamese(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        cp1258: str | None = normalise_vietnamese(data.decode("cp1258"))
    except UnicodeDecodeError:
        cp1258 = None
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        return cp1258 if cp1258 is not None else normalise_vietnamese(data.decode("cp1252", errors="replace"))
    if cp1258 is None:
        return normalise_vietnamese(cp1252)
    # Legacy font encodings are single-byte too: prefer cp1252 (then fix_legacy) only when that reads better.
    fixed = fix_legacy(cp1252)
    if fixed != cp1252 and _badness(fixed) < _badness(cp1258):
        return normalise_vietnamese(cp1252)
    return cp1258
