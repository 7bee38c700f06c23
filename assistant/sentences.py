"""Split a passage into answer units (list items and sentences) with their offsets in the passage.

>>> [u.text for u in split_units("a) Mục tiêu 2025\\n- Tăng 7%/năm.\\n- TFP 40%. Có 3 DN.")]
['a) Mục tiêu 2025', '- Tăng 7%/năm.', '- TFP 40%.', 'Có 3 DN.']
>>> [u.text for u in split_units("Chi 50% kinh phí áp dụng ISO 9001, HACCP... với mức chi tối đa 65 triệu đồng. Hết.")]
['Chi 50% kinh phí áp dụng ISO 9001, HACCP... với mức chi tối đa 65 triệu đồng.', 'Hết.']
>>> [u.text for u in split_units("Áp dụng ISO 9001, HACCP… áp dụng VietGAP… đạt 65 triệu đồng. Ủy ban họp.")]
['Áp dụng ISO 9001, HACCP… áp dụng VietGAP… đạt 65 triệu đồng.', 'Ủy ban họp.']
>>> [u.text for u in split_units("Deputy Director General Ha Minh Hiep and Mr. Nguyen Tung Lam spoke. Dr. Koh came.")]
['Deputy Director General Ha Minh Hiep and Mr. Nguyen Tung Lam spoke.', 'Dr. Koh came.']
"""

from __future__ import annotations

from dataclasses import dataclass

from common.text import sentence_breaks


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
        for start, end in sentence_breaks(line):
            pieces.append((cur, line_start + start))
            cur = line_start + end
        pieces.append((cur, line_start + len(line)))
        for a, b in pieces:
            text = passage[a:b].strip()
            if text:
                a = passage.index(text, a)
                units.append(Unit(text, a, a + len(text)))
    return units
