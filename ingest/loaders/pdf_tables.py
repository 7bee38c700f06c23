"""Tables in PDF pages: pypdf runs a table's cells together; pdfplumber finds ruled tables and gives their
cells, which become " | " rows (like DOCX tables), placed where the table stands among the page's lines.

>>> page_text_with_tables(b"%PDF-1.4 not parsed", 0) is None  # doctest: +SKIP
True
"""

from __future__ import annotations

import io
import logging

log = logging.getLogger(__name__)


def _cell(value: object) -> str:
    return " ".join(str(value or "").split())


def _rows(table: list[list[object]]) -> list[str]:
    out = []
    for row in table:
        cells = [_cell(c) for c in row]
        if any(cells):
            out.append(" | ".join(cells))
    return out


def tables_by_page(data: bytes, password: str = "") -> dict[int, str]:
    """For every page (from 0) that holds a ruled table: its text with each table as " | " rows, in reading
    order. Pages without tables are not returned (their pypdf text stays)."""
    import pdfplumber

    out: dict[int, str] = {}
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or None)
    except Exception as exc:  # noqa: BLE001 - table finding is an improvement; pypdf's text still stands
        log.info("no table detection (%s)", exc)
        return out
    with pdf:
        for index, page in enumerate(pdf.pages):
            if not page.rects and not page.lines:
                continue  # no ruling, no table to find: skip the costly search
            tables = page.find_tables()
            if not tables:
                continue
            boxes = [t.bbox for t in tables]

            def outside(obj: dict, boxes: list = boxes) -> bool:
                x, top = (obj.get("x0", 0) + obj.get("x1", 0)) / 2, (obj.get("top", 0) + obj.get("bottom", 0)) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= top <= b[3] for b in boxes)

            blocks = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
            blocks += [(t.bbox[1], "\n".join(_rows(t.extract()))) for t in tables]
            out[index] = "\n".join(text for _, text in sorted(blocks, key=lambda b: b[0]) if text.strip())
    return out
