"""Undo the line wrapping of PDF text: join a line to the next when the sentence runs on.

Headings, list items, upper-case header lines and short lines (titles, names) keep their own line.

>>> reflow("Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế\\nhoạch tổng thể;\\nI. MỤC TIÊU")
'Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể;\\nI. MỤC TIÊU'
"""

from __future__ import annotations

import re

from ingest.structure import heading_rank

_ITEM = re.compile(r"^(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s")
_ENDS_SENTENCE = re.compile(r"[.:;!?…]$|/\.$")
_BLOCK_WORDS = ("Số:", "Nơi nhận", "Căn cứ", "Thực hiện", "Xét ", "Theo đề nghị", "Trên đây", "TM.", "KT.")
MIN_FULL_LINE = 55


def is_block_start(line: str) -> bool:
    """A line that begins something new: a heading, a list item, an upper-case line, a preamble clause."""
    return bool(heading_rank(line) is not None or _ITEM.match(line) or line.isupper() or line.startswith(_BLOCK_WORDS))


def full_width(lines: list[str]) -> float:
    """How long a line that reached the right margin is: most of the longest lines' length."""
    lengths = sorted(len(ln) for ln in lines if len(ln) > 20)
    if not lengths:
        return float(MIN_FULL_LINE)
    p90 = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    return max(float(MIN_FULL_LINE), 0.8 * p90)


def runs_on(prev: str, line: str, full: float) -> bool:
    """Whether ``line`` continues the sentence that the physical line ``prev`` broke off."""
    if not prev or not line or prev.isupper() or is_block_start(line):
        return False
    if line[:1].islower():  # "...cơ quan nhà nước;\nnâng cao ..." goes on whatever ends the line before
        return True
    return len(prev) >= full and not _ENDS_SENTENCE.search(prev) and heading_rank(prev) is None


def reflow(text: str) -> str:
    lines = [ln.strip() for ln in text.split("\n")]
    full = full_width(lines)
    out: list[str] = []
    last_physical = ""
    for line in lines:
        if out and runs_on(last_physical, line, full) and not (out[-1].isupper()):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        last_physical = line
    return "\n".join(out)
