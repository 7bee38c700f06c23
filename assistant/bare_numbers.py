"""A document named by its kind and bare number ("Quyết định 1322", "Kế hoạch số 8206", "QĐ 36/2021", "Decision
604") is the held document of that kind with that number when the library holds exactly one such: the question is
completed with its full number ("Quyết định 1322/QĐ-TTg"), so that whatever reads document numbers (the named
document checks, the number features, one line per named document) sees it. A number the library holds under two
documents of that kind (a Prime Minister's and a province's "Quyết định 1305") is left as written.

>>> complete_numbers("Quyết định 1322 ra ngày nào, và Kế hoạch số 8206 ngày nào?", ["1322/QĐ-TTg", "8206/KH-UBND"])
'Quyết định 1322/QĐ-TTg ra ngày nào, và Kế hoạch số 8206/KH-UBND ngày nào?'
>>> complete_numbers("Ai ký QĐ 1305/2023?", ["1305/QĐ-TTg", "1305/QĐ-UBND"])
'Ai ký QĐ 1305/2023?'
>>> complete_numbers("Nghị quyết 20/2021/NQ-HĐND và Kế hoạch 20", ["20/2021/NQ-HĐND"])
'Nghị quyết 20/2021/NQ-HĐND và Kế hoạch 20'
>>> complete_numbers("QĐ 1322 theo đề nghị của ai?", ["1322/QD-TTG", "1322/QĐ-TTG"])
'QĐ 1322/QĐ-TTG theo đề nghị của ai?'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.named_documents import number_key
from common.text import fold
from ingest.official_header import number_parts, type_from_number

# The words a question names a kind of document with (folded), and the kind as document numbers' codes give it.
_KIND_WORDS = {
    "quyet dinh": "quyết định", "qd": "quyết định", "decision": "quyết định",
    "ke hoach": "kế hoạch", "kh": "kế hoạch", "plan": "kế hoạch",
    "nghi quyet": "nghị quyết", "nq": "nghị quyết", "resolution": "nghị quyết",
    "thong tu": "thông tư", "tt": "thông tư", "circular": "thông tư",
    "nghi dinh": "nghị định", "nd": "nghị định", "decree": "nghị định",
    "chi thi": "chỉ thị", "ct": "chỉ thị", "directive": "chỉ thị",
    "cong van": "công văn", "cv": "công văn", "to trinh": "tờ trình",
    # a programme, scheme or project named by a number is the one the decision with that number approved
    # ("Chương trình 1322" is approved by Quyết định 1322/QĐ-TTg, "Đề án 1305" of Yên Bái by its QĐ 1305/QĐ-UBND)
    "chuong trinh": "quyết định", "programme": "quyết định", "program": "quyết định", "de an": "quyết định",
    "du an": "quyết định", "project": "quyết định",
}
_BARE = re.compile(r"\b(quyết định|quyet dinh|qđ|qd|kế hoạch|ke hoach|kh|nghị quyết|nghi quyet|nq|thông tư|thong tu|"
                   r"tt|nghị định|nghi dinh|nđ|nd|chỉ thị|chi thi|ct|công văn|cong van|cv|tờ trình|to trinh|"
                   r"chương trình|chuong trinh|đề án|de an|dự án|du an|programme|program|project|"
                   r"decision|plan|resolution|circular|decree|directive)\s+(?:số\s+|so\s+|No\.?\s*)?"
                   r"(\d{1,5})(?:/((?:19|20)\d{2}))?(?![\w/]|-[A-ZĐ])", re.IGNORECASE)  # ("52-NQ/TW": a whole number)


def names_by_kind(question: str) -> bool:
    """Whether ``question`` names a document by its kind and a bare number ("Quyết định 2722 của Tiền Giang").

    >>> names_by_kind("Quyết định 2722 viện dẫn quyết định số mấy?"), names_by_kind("bằng quyết định số mấy?")
    (True, False)
    """
    return bool(_BARE.search(question))


def complete_numbers(question: str, held: Iterable[str]) -> str:
    """``question`` with each document named by kind and bare number completed with the one held number that
    fits (see the module's doc); ``held``: the library's document numbers."""
    numbers = list(held)

    def complete(m: re.Match[str]) -> str:
        kind = _KIND_WORDS[fold(m.group(1))]
        bare, year = m.group(2).lstrip("0"), m.group(3)
        fits = {n for n in numbers if number_parts(n)[0].lstrip("0") == bare and type_from_number(n) == kind
                and (not year or not re.search(r"/(?:19|20)\d{2}/", n) or f"/{year}/" in n)}
        # one number written with and without its diacritics ("1322/QĐ-TTg" by most pages, "1322/QD-TTg" by an
        # English one) is one document number: completed as written with them
        if len({number_key(n) for n in fits}) != 1:
            return m.group(0)
        return m.group(0)[: m.start(2) - m.start(0)] + max(fits, key=lambda n: (fold(n) != n.lower(), n))

    return _BARE.sub(complete, question)
