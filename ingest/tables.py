"""Tables in text: rows are lines of cells joined by " | " (the DOCX and HTML loaders write them so). A table
split over several chunks keeps its meaning: every chunk after the first carries the header row in its
metadata (``table_header``), which the embedded and lexically indexed text repeat.

>>> text = "STT | Nhiệm vụ | Chủ trì\\n1 | Tập huấn | Sở KH&CN\\n2 | Mô hình điểm | Sở Công Thương"
>>> table_header_for(text, text.index("2 |"))
'STT | Nhiệm vụ | Chủ trì'
"""

from __future__ import annotations

SEPARATOR = " | "


def is_row(line: str) -> bool:
    return line.count(SEPARATOR) >= 1


def table_header_for(text: str, start: int) -> str:
    """The header row of the table that the chunk starting at ``start`` continues ("" when the chunk does not
    start inside a table, or starts with the header itself)."""
    line_start = text.rfind("\n", 0, start) + 1
    first = text[line_start:].split("\n", 1)[0]
    if not is_row(first):
        return ""
    header_pos = line_start
    pos = line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start : pos - 1]
        if not is_row(prev):
            break
        header_pos = prev_start
        pos = prev_start
    if header_pos == line_start:
        return ""
    return text[header_pos:].split("\n", 1)[0]
