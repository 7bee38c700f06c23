"""Undo the line wrapping of PDF text: join a line to the next when the sentence runs on.

Headings, list items, upper-case header lines and short lines (titles, names) keep their own line.

>>> reflow("Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế\\nhoạch tổng thể;\\nI. MỤC TIÊU")
'Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể;\\nI. MỤC TIÊU'

Text files and web pages copied from a PDF or a legal site keep its hard line breaks, at any width; there only the
sure signs join lines: the next line starts in lower case, or the line ends on a word that cannot end a sentence.

>>> reflow("Theo đề nghị của Bộ trưởng Bộ\\nKế hoạch và Đầu tư.\\nQUYẾT ĐỊNH:", hard_wrapped=False)
'Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư.\\nQUYẾT ĐỊNH:'
>>> reflow("Điều 3. Tổ chức thực hiện\\n1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp\\nvới Sở Tài chính.",
...        hard_wrapped=False)
'Điều 3. Tổ chức thực hiện\\n1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính.'

Such a text's first line is its title, though a line in lower case follows it (a byline or date line: "date
2025-12-16 HÀ NỘI — ...", "by Minh Anh"), unless it breaks off on a word that cannot end a sentence:

>>> reflow("Pilot models spread to boost productivity\\ndate 2025-12-16 HÀ NỘI — The programme ...", hard_wrapped=False)
'Pilot models spread to boost productivity\\ndate 2025-12-16 HÀ NỘI — The programme ...'
"""

from __future__ import annotations

import re

from ingest.structure import heading_rank

_ITEM = re.compile(r"^(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s")
_ENDS_SENTENCE = re.compile(r"[.:;!?…]$|/\.$")
_BLOCK_WORDS = ("Số:", "Nơi nhận", "Căn cứ", "Thực hiện", "Xét ", "Theo đề nghị", "Trên đây", "TM.", "KT.")
MIN_FULL_LINE = 55
# Words a Vietnamese sentence cannot end on: prepositions, conjunctions, plural markers, and "Bộ" / "Sở" that always
# precede the ministry's or department's name, "ngày" / "tháng" / "số" that precede a number.
# (a date is not whole before its year: "Hà Nội, ngày 08" goes on into "tháng 11 năm 2023")
_DANGLING = re.compile(r"(?:\b(?:của|và|với|về|cho|các|những|theo|tại|từ|đến|là|được|để|hoặc|thuộc|ngày|tháng|số)|\bBộ|\bSở"
                       r"|\b(?:ngày|tháng)\s+\d{1,2})$")


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


def runs_on(prev: str, line: str, full: float, hard_wrapped: bool = True) -> bool:
    """Whether ``line`` continues the sentence that the physical line ``prev`` broke off. ``hard_wrapped``: the
    text was laid out to a width (PDF), so a full line without an end mark goes on too."""
    if not prev or not line or prev.isupper():
        return False
    if prev.count("(") > prev.count(")") and line.count(")") > line.count("("):
        return True  # the line closes the parenthesis the previous one opened: "... (Có\nPhụ lục II kèm theo)."
    if is_block_start(line):
        return False
    ends = _ENDS_SENTENCE.search(prev)
    if not hard_wrapped and heading_rank(prev) is not None:
        # a heading keeps its line and its text follows, but a numbered clause broken off mid-phrase goes on in
        # lower case ("1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp\nvới Sở Tài chính ...")
        return line[:1].islower() and not ends
    if line[:1].islower():  # "...cơ quan nhà nước;\nnâng cao ..." goes on whatever ends the line before (PDF)
        return hard_wrapped or not ends
    if _DANGLING.search(prev):
        return True
    return hard_wrapped and len(prev) >= full and not ends and heading_rank(prev) is None


def reflow(text: str, hard_wrapped: bool = True) -> str:
    lines = [ln.strip() for ln in text.split("\n")]
    full = full_width(lines)
    out: list[str] = []
    written = 0  # lines of ``out`` with text
    last_physical = ""
    for line in lines:
        # a text's first line followed by one in lower case: its title, unless it breaks off on a word that cannot
        # end a sentence
        title = (not hard_wrapped and written == 1 and out[-1] == last_physical
                 and line[:1].islower() and not _DANGLING.search(last_physical))
        if out and not title and runs_on(last_physical, line, full, hard_wrapped) and not (out[-1].isupper()):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
            written += bool(line)
        last_physical = line
    return "\n".join(out)
