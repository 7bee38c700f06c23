"""Abbreviations and spelling variants of plan documents, matched in both directions.

Plans write "KH&CN" and "Khoa học và Công nghệ", "NSLĐ" and "năng suất lao động", "DNNVV" and "doanh nghiệp
nhỏ và vừa". :func:`expansion_text` returns the other forms of every form a text contains, so that a question
with one form finds a passage with the other (lexically, and in the answerer's word overlap).

>>> expansion_text("Sở KH&CN hỗ trợ DNNVV")
'khcn khoa hoc va cong nghe khoa hoc cong nghe doanh nghiep nho va vua'
>>> expansion_text("tăng năng suất lao động")
'nsld ns'
>>> expand_inline("ke hoach nscl khong ap dung cho nhung dn nao")
'ke hoach nang suat chat luong khong ap dung cho nhung doanh nghiep nao'
>>> fix_query_typos("Mục tiêu năng xuất lao động của Nam Định")
'Mục tiêu năng suất lao động của Nam Định'
>>> defined_acronyms("áp dụng Hệ thống quản lý chất lượng (HTQLCL) theo TCVN. Mọi HTQLCL ...")
{'htqlcl': 'he thong quan ly chat luong'}
"""

from __future__ import annotations

import functools
import re

from common.text import fold, tokens, words

# Each group lists equivalent forms, folded (lower-case, no diacritics); single-token forms are abbreviations.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("kh&cn", "khcn", "khoa hoc va cong nghe", "khoa hoc cong nghe"),
    ("nscl", "nang suat chat luong"),
    ("nsld", "nang suat lao dong"),
    ("dnnvv", "doanh nghiep nho va vua"),
    ("dn", "doanh nghiep"),
    ("htx", "hop tac xa"),
    ("tfp", "nang suat cac nhan to tong hop", "nang suat cac yeu to tong hop"),
    ("dmst", "doi moi sang tao"),
    ("tcdlcl", "tieu chuan do luong chat luong"),
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("sphh", "san pham hang hoa"),
    ("qd", "quyet dinh"),
    ("ttg", "thu tuong chinh phu", "thu tuong"),
    ("tp", "thanh pho"),
    ("kt-xh", "ktxh", "kinh te xa hoi"),
    ("cntt", "cong nghe thong tin"),
    ("nsnn", "ngan sach nha nuoc"),
    ("kcn", "khu cong nghiep"),
    ("ns", "nang suat"),
)

# Misspellings users type in questions (folded form → correct accented form, kept case-insensitive).
_QUERY_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bnăng xuất\b", re.IGNORECASE), "năng suất"),
    (re.compile(r"\bnang xuat\b", re.IGNORECASE), "nang suat"),
    (re.compile(r"\bchất lương\b", re.IGNORECASE), "chất lượng"),
)


def _present(form: str, toks: set[str], joined: str) -> bool:
    return form in toks if " " not in form else f" {form} " in joined


@functools.lru_cache(maxsize=20_000)  # a pure function of the text, asked again for the same passages
def expansion_text(text: str) -> str:
    """The equivalent forms (folded) of every abbreviation or long form in ``text`` that it does not already hold."""
    toks = set(tokens(text))
    joined = f" {' '.join(words(text))} "
    extra: list[str] = []
    for group in GROUPS:
        present = [f for f in group if _present(f, toks, joined)]
        if present:
            extra.extend(f for f in group if f not in present and f not in extra)
    return " ".join(extra)


def with_expansions(text: str) -> str:
    extra = expansion_text(text)
    return f"{text} ({extra})" if extra else text


_SHORT_FORMS = {g[0]: next(f for f in g if " " in f) for g in GROUPS if any(" " in f for f in g)}
_SHORT_FORMS.update({f: next(x for x in g if " " in x) for g in GROUPS for f in g if " " not in f and
                     any(" " in x for x in g)})
_INLINE = re.compile(r"(?<![\w&-])(" + "|".join(sorted(map(re.escape, _SHORT_FORMS), key=len, reverse=True))
                     + r")(?![\w&-])")


def expand_inline(folded: str) -> str:
    """Replace abbreviations in folded text with their long form, in place: "dn nao" → "doanh nghiep nao"."""
    return _INLINE.sub(lambda m: _SHORT_FORMS[m.group(1)], folded)


def fix_query_typos(question: str) -> str:
    for pattern, right in _QUERY_TYPOS:
        question = pattern.sub(right, question)
    return question


def folded_forms(text: str) -> str:
    """``fold(text)`` followed by its expansions: what word-overlap scoring should compare."""
    extra = expansion_text(text)
    return f"{fold(text)} {extra}".strip()


# An acronym a text defines: its long form, then the acronym in parentheses ("Hệ thống quản lý chất lượng (HTQLCL)",
# "Promoting Energy Conservation in Small and Medium Enterprises (PECSME)").
_ACRONYM_DEFINED = re.compile(r"([^()]{3,160}?)\s*\(\s*([A-ZĐ][A-ZĐ&]{1,11})\s*\)")
# Words an acronym leaves out ("và" / "and" may be its "&").
_SKIPPED = frozenset({"va", "and", "of", "in", "for", "the", "cua", "ve", "&"})


@functools.lru_cache(maxsize=4096)  # read for every unit of a passage, for every question
def defined_acronyms(text: str) -> dict[str, str]:
    """The acronyms ``text`` defines, folded, each with its long form: the words right before the parenthesis whose
    initials spell it (Vietnamese acronyms take each syllable's initial), skipping the small words an acronym
    leaves out and up to two words between the long form and the parenthesis. Documents coin their own
    ("HTQLCL"); a unit that uses one speaks of its long form."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEFINED.finditer(text):
        acronym = fold(m.group(2))
        letters = [ch for ch in acronym if ch != "&"]
        before = words(m.group(1))
        i, taken, head = len(letters) - 1, [], 0
        for w in reversed(before):
            if i < 0:
                break
            if w[0] == letters[i]:
                taken.append(w)
                i -= 1
            elif w in _SKIPPED and taken:
                taken.append(w)
            elif not taken and head < 2:  # a head noun between the long form and its acronym ("... Enterprises
                head += 1                 # project (PECSME)")
            else:
                break
        if i < 0 and acronym not in out:
            out[acronym] = " ".join(reversed(taken))
    return out
