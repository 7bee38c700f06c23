"""Tell passages about the national programme from passages about a province's own plan.

News about a provincial plan often restates the national targets of Quyết định 36/QĐ-TTg ("tăng năng suất lao
động bình quân trên 7%/năm"); a question about the province must not be answered with them.

>>> chunk_scope("Thủ tướng Chính phủ ký Quyết định số 36/QĐ-TTg ... cả nước", ["Quảng Ninh"], "tỉnh")
'quốc gia'
>>> chunk_scope("Thủ tướng Chính phủ ký Quyết định số 36/QĐ-TTg", ["Nam Định"], "tỉnh", "kế hoạch")
'tỉnh'
>>> chunk_scope("góp phần tăng năng suất lao động của tỉnh trên 11%/năm", [], "tỉnh")
'tỉnh'
"""

from __future__ import annotations

import re

from common.text import fold

NATIONAL = "quốc gia"
PROVINCIAL = "tỉnh"

_NATIONAL_MARKERS = re.compile(
    r"\b(thu tuong chinh phu|chinh phu|cap quoc gia|ca nuoc|toan quoc|truc thuoc trung uong|chuong trinh quoc gia|"
    r"ke hoach tong the|qd-ttg|qd/ttg)\b")
_PROVINCIAL_MARKERS = re.compile(r"\b(cua tinh|tren dia ban tinh|toan tinh|cap tinh|tinh ta|ubnd tinh|so [a-z ]{3,30} tinh)\b")


def chunk_scope(text: str, province_words: list[str], doc_level: str, doc_type: str = "tin tức") -> str:
    """``quốc gia`` when a news passage speaks of the national programme and not of a province; else the
    document's own level. An official provincial document is the province's throughout (its national
    references are the legal basis, not its content)."""
    if doc_level == NATIONAL:
        return NATIONAL
    if doc_type != "tin tức":
        return doc_level or PROVINCIAL
    folded = fold(text)
    national = len(_NATIONAL_MARKERS.findall(folded))
    provincial = len(_PROVINCIAL_MARKERS.findall(folded)) + sum(folded.count(fold(p)) for p in province_words)
    return NATIONAL if national > 0 and provincial == 0 else (doc_level or PROVINCIAL)


def paragraph_scopes(text: str, province_words: list[str], doc_level: str, doc_type: str) -> list[tuple[int, int, str]]:
    """Scope of every line of ``text`` as (start, end, scope). In news, a line with no marker of its own carries
    on the scope of the line before it: "Về mục tiêu cụ thể, ... trên 7%/năm" after a paragraph on the national
    programme is national too, however the text is later cut into chunks."""
    out: list[tuple[int, int, str]] = []
    current = doc_level or PROVINCIAL
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        if doc_type == "tin tức" and doc_level != NATIONAL:
            folded = fold(line)
            national = len(_NATIONAL_MARKERS.findall(folded))
            provincial = len(_PROVINCIAL_MARKERS.findall(folded)) + sum(folded.count(fold(p)) for p in province_words)
            if provincial:
                current = doc_level or PROVINCIAL
            elif national:
                current = NATIONAL
        else:
            current = chunk_scope(line, province_words, doc_level, doc_type)
        out.append((start, start + len(line), current))
    return out


def span_scope(scopes: list[tuple[int, int, str]], start: int, end: int, default: str) -> str:
    """The scope covering most characters of ``text[start:end]``."""
    weight: dict[str, int] = {}
    for a, b, scope in scopes:
        overlap = min(b, end) - max(a, start)
        if overlap > 0:
            weight[scope] = weight.get(scope, 0) + overlap
    return max(weight, key=weight.__getitem__) if weight else default
