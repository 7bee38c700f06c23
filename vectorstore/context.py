"""The text that is embedded and lexically indexed for a chunk: its document context, then its own text.

Sixty-three provinces write the same headings; a chunk's words alone cannot tell Nam Định's 2025 target from
Bắc Ninh's. So the indexed text starts with the title, province, document number and section path. Chroma's
``documents`` field keeps only the chunk's own text, which is what citations quote.

>>> from langchain_core.documents import Document
>>> doc = Document(page_content="Tăng năng suất lao động bình quân 6,5%/năm.", metadata={
...     "title": "Kế hoạch nâng cao năng suất", "province": "Nam Định", "doc_number": "285/KH-UBND",
...     "section_path": "I. MỤC TIÊU > 2. Mục tiêu cụ thể"})
>>> print(contextual_text(doc))
Kế hoạch nâng cao năng suất | Nam Định | 285/KH-UBND
I. MỤC TIÊU > 2. Mục tiêu cụ thể
Tăng năng suất lao động bình quân 6,5%/năm.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from langchain_core.documents import Document

HEADER_KEYS = ("title", "province", "doc_number")
SECTION_KEY = "section_path"


def _value(metadata: Mapping[str, Any], key: str) -> str:
    value = metadata.get(key)
    return " ".join(str(value).split()) if value not in (None, "") else ""


def context_header(metadata: Mapping[str, Any]) -> str:
    """The header lines for a chunk's metadata ("" when it has none of the keys)."""
    first = " | ".join(v for v in (_value(metadata, k) for k in HEADER_KEYS) if v)
    return "\n".join(line for line in (first, _value(metadata, SECTION_KEY)) if line)


def contextual_text(doc: Document) -> str:
    """Header line(s) from ``title``, ``province``, ``doc_number``, ``section_path``, the header row of a table
    the chunk continues (``table_header``), then ``page_content``."""
    header = "\n".join(x for x in (context_header(doc.metadata), _value(doc.metadata, "table_header")) if x)
    return f"{header}\n{doc.page_content}" if header else doc.page_content
