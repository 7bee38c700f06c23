"""DOCX with python-docx: paragraphs and tables in document order; list paragraphs become "- " items."""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from common.errors import IngestError
from ingest.types import LoadedSource, Page


def _paragraph_text(p: Paragraph) -> str:
    text = p.text.strip()
    if not text:
        return ""
    style = (p.style.name if p.style is not None else "") or ""
    is_list = "List" in style or p._p.pPr is not None and p._p.pPr.numPr is not None  # noqa: SLF001
    if is_list and not text[:1] in "-+•–":
        text = f"- {text}"
    return text


def _table_text(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            if cell._tc is last:  # noqa: SLF001 - a merged cell appears once per grid column it spans
                continue
            last = cell._tc  # noqa: SLF001
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def load_docx(data: bytes, source: str) -> LoadedSource:
    try:
        doc = open_docx(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError, BadZipFile...
        raise IngestError(source, f"unreadable Word document ({type(exc).__name__}: {exc})") from exc
    blocks: list[str] = []
    for item in doc.iter_inner_content():
        text = _table_text(item) if isinstance(item, Table) else _paragraph_text(item)
        if text:
            blocks.append(text)
    title = doc.core_properties.title or None
    return LoadedSource(source=source, pages=[Page("\n\n".join(blocks))], media_type="docx", title_hint=title)
