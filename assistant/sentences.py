"""Split a passage into answer units (list items and sentences) with their offsets in the passage.

>>> [u.text for u in split_units("a) Mục tiêu 2025\\n- Tăng 7%/năm.\\n- TFP 40%. Có 3 DN.")]
['a) Mục tiêu 2025', '- Tăng 7%/năm.', '- TFP 40%.', 'Có 3 DN.']
>>> [u.text for u in split_units("Chi 50% kinh phí áp dụng ISO 9001, HACCP... với mức chi tối đa 65 triệu đồng. Hết.")]
['Chi 50% kinh phí áp dụng ISO 9001, HACCP... với mức chi tối đa 65 triệu đồng.', 'Hết.']
>>> [u.text for u in split_units("Áp dụng ISO 9001, HACCP… áp dụng VietGAP… đạt 65 triệu đồng. Ủy ban họp.")]
['Áp dụng ISO 9001, HACCP… áp dụng VietGAP… đạt 65 triệu đồng.', 'Ủy ban họp.']
>>> [u.text for u in split_units("Deputy Director General Ha Minh Hiep and Mr. Nguyen Tung Lam spoke. Dr. Koh came.")]
['Deputy Director General Ha Minh Hiep and Mr. Nguyen Tung Lam spoke.', 'Dr. Koh came.']
>>> [u.text for u in split_units("| 5. | Xây dựng Đề án. | Bộ Nội vụ | 6/2025 |\\nSở X họp. Hết.")]
['| 5. | Xây dựng Đề án. | Bộ Nội vụ | 6/2025 |', 'Sở X họp.', 'Hết.']
>>> [u.text for u in split_units("Message to the Centre\\nAkira Tanaka\\nSecretary-General, Asian Productivity Organization")]
['Message to the Centre', 'Akira Tanaka\\nSecretary-General, Asian Productivity Organization']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.evidence import NAME_LINE
from common.text import sentence_breaks
from ingest.tables import SEPARATOR

# A name on a line of its own (:data:`assistant.evidence.NAME_LINE`) over its holder's title on the next line
# ("Akira Tanaka" / "Secretary-General, Asian Productivity Organization"), as a message or a letter is signed, is one
# statement: who holds the title.
_TITLE_LINE = re.compile(r"^(?:(?:Deputy|Vice|Executive|Acting)\s+)?(?:Secretary[- ]General|Director|President|"
                         r"Chairman|Chairwoman|Chair|Minister|Ambassador|Head|Chief|Giám đốc|Phó Giám đốc|"
                         r"Tổng Giám đốc|Chủ tịch|Phó Chủ tịch|Tổng Thư ký|Viện trưởng|Cục trưởng|Trưởng ban)\b")


def _table_row(line: str) -> bool:
    """A row of a table (cells joined by " | ", as the loaders write rows): one record, its cells read together
    ("| 5. | Xây dựng Đề án ... . | Bộ Nội vụ |": the task with its lead agency), not split at a cell's full stop."""
    return line.count(SEPARATOR) >= 2


@dataclass(frozen=True)
class Unit:
    text: str
    start: int
    end: int


def split_units(passage: str) -> list[Unit]:
    units: list[Unit] = []
    pos = 0
    for line in passage.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cur = line_start
        pieces: list[tuple[int, int]] = []
        for start, end in ([] if _table_row(line) else sentence_breaks(line)):
            pieces.append((cur, line_start + start))
            cur = line_start + end
        pieces.append((cur, line_start + len(line)))
        for a, b in pieces:
            text = passage[a:b].strip()
            if text:
                a = passage.index(text, a)
                units.append(Unit(text, a, a + len(text)))
    return _signed_names(passage, units)


def _signed_names(passage: str, units: list[Unit]) -> list[Unit]:
    """``units`` with each name alone on its line joined to the title on the next line (:data:`_TITLE_LINE`)."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and NAME_LINE.match(prev.text) and _TITLE_LINE.match(u.text) \
                and passage[prev.end:u.start].strip() == "" and passage.count("\n", prev.end, u.start) == 1 \
                and len(u.text.split()) <= 15:
            out[-1] = Unit(passage[prev.start:u.end], prev.start, u.end)
        else:
            out.append(u)
    return out
