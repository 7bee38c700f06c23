"""Pure text helpers for Vietnamese: normalisation, diacritic folding, tokenising.

>>> fold("Sở Khoa học và Công nghệ")
'so khoa hoc va cong nghe'
>>> tokens("Kế hoạch 285/KH-UBND: 12,5%/năm")
['ke', 'hoach', '285/kh-ubnd', '285', 'kh', 'ubnd', '12,5%', '12,5', '12', '5', 'nam']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\ufeff]")
# Old-style tone placement ("hoà", "thuý") → the placement used by most current documents ("hòa", "thúy").
_OLD_TONES = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_NEW_TONES = {v: k for k, v in _OLD_TONES.items()}
# Only an open syllable ending in oa/oe/uy moves its tone ("hoà" → "hòa"); "hoàng", "toàn" and "quý" do not.
_NEW_TONE_RE = re.compile(
    r"(?<![qQ])(?:" + "|".join(map(re.escape, sorted(_NEW_TONES, key=len, reverse=True))) + r")(?!\w)",
    re.IGNORECASE,
)

# Upper-case Vietnamese letters, for a regular expression's character class. (A range "À-Ỹ" holds the lower-case
# letters with diacritics too: "á", "đ", "ư" lie between "À" and "Ỹ".)
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

# A token: a word, optionally joined to others by / - . , (doc numbers, decimals), optionally followed by %.
# A sentence ends at ". ! ? …" followed by a capital or a digit; an ellipsis followed by a lower-case word closes
# an enumeration inside the sentence ("ISO 9001, 14000, HACCP… với mức chi tối đa ...") and does not end it; nor
# does the dot of an abbreviation: a title before a name ("TS. Nguyễn Tùng Lâm", "Mr. Nguyen Tung Lam"), "TP."
# before a city's name, "No." before a number ("Directive No. 07/CT-TTg").
_SENTENCE_END = re.compile(rf"(?<=[.!?…])\s+(?=[\"“(]?[{UPPER}0-9])")
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-ZĐ]{1,4}|ThS|PGS|Tp|St|tr|\b(?:Mr|Mrs|Ms|Dr|Prof|Assoc|No)|(?<![\d/.,-])\d{1,2})\.$")


def sentence_breaks(line: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the spaces between the sentences of ``line``.

    >>> sentence_breaks("Directive No. 07/CT-TTg was issued. It asks TS. Lâm and TP. Huế to act.")
    [(35, 36)]
    """
    out: list[tuple[int, int]] = []
    for m in _SENTENCE_END.finditer(line):
        if not _ABBREVIATION_END.search(line[: m.start()]):
            out.append((m.start(), m.end()))
    return out


_TOKEN = re.compile(r"\w+(?:[/\-.,&]\w+)*%?", re.UNICODE)
_PART = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    """Unicode NFC, zero-width characters removed."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))


def unify_tones(text: str) -> str:
    """Map the "oà/uý" tone placement to "òa/úy" so that Hoà and Hòa compare equal (keeps case)."""

    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        out = _NEW_TONES[s.lower()]
        return out.upper() if s.isupper() else (out[0].upper() + out[1:] if s[0].isupper() else out)

    return _NEW_TONE_RE.sub(repl, nfc(text))


def _strip_table() -> dict[int, str | None]:
    """Every precomposed Latin letter with marks → its base letter; combining marks → nothing; đ/Đ → d/D.
    One ``str.translate`` then does in C what decomposing and filtering did character by character."""
    table: dict[int, str | None] = {c: None for c in range(0x10000) if unicodedata.combining(chr(c))}
    for c in range(0x00C0, 0x10000):
        base = "".join(ch for ch in unicodedata.normalize("NFD", chr(c)) if not unicodedata.combining(ch))
        if base != chr(c) and len(base) == 1:
            table[c] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    return table


_STRIP = _strip_table()


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case: "Đà Nẵng" → "Da Nang"."""
    return unicodedata.normalize("NFC", text).translate(_STRIP)


# Pure functions called on the same passage texts for every question (the reranker scores each unit of the
# retrieved passages): memoised, bounded. A cache of a pure function changes no result.
_MEMO = 20_000


@functools.lru_cache(maxsize=_MEMO)
def fold(text: str) -> str:
    """Lower-case, diacritics removed, white space collapsed: the form lexical matching works on."""
    return collapse_ws(strip_diacritics(nfc(text)).lower())


def collapse_ws(text: str) -> str:
    return " ".join(text.split())


def normalise_for_match(text: str) -> str:
    """NFC, case-folded, white space collapsed: how evaluation compares quotes with passages."""
    return collapse_ws(nfc(text)).casefold()


def clean_spaces(text: str) -> str:
    """Collapse runs of horizontal white space and trim each line; keep line breaks."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(lines)


def tokens(text: str) -> list[str]:
    """Folded tokens: compound tokens ("285/kh-ubnd", "12,5%") followed by their parts."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=_MEMO)
def _tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in _TOKEN.finditer(fold(text)):
        tok = m.group(0)
        out.append(tok)
        if not tok.isalnum():
            if tok.endswith("%") and not tok[:-1].isalnum():
                out.append(tok[:-1])
            out.extend(_PART.findall(tok))
    return tuple(out)


def words(text: str) -> list[str]:
    """Folded syllables only (no compounds), in order."""
    return _PART.findall(fold(text))


def bigrams(syllables: Sequence[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


def diacritic_share(text: str) -> float:
    """Share of letters outside ASCII: about a fifth in Vietnamese, close to none in English.

    >>> diacritic_share("Năng suất lao động") > 0.2, diacritic_share("Labour productivity in Vietnam")
    (True, 0.0)
    """
    letters = [c for c in text if c.isalpha()]
    return sum(ord(c) > 127 for c in letters) / len(letters) if letters else 0.0


def is_vietnamese_text(text: str) -> bool:
    """Written in Vietnamese with its diacritics (a Vietnamese name or two in an English text do not count)."""
    return diacritic_share(text) >= 0.05


def opens_in_vietnamese(passage: str) -> bool:
    """Whether a passage is in Vietnamese, judged by its opening (600 characters tell the language)."""
    return is_vietnamese_text(passage[:600])
