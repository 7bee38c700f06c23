"""Loaders turn bytes into :class:`ingest.types.LoadedSource`, one module per format.

>>> from ingest.loaders import load_bytes
>>> load_bytes(b"I. MUC TIEU", "a.txt").pages[0].text
'I. MUC TIEU'
"""

from __future__ import annotations

from pathlib import Path

from common.errors import UnsupportedFormatError
from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.image import load_image
from ingest.loaders.ocr import MAX_OCR_PAGES, OcrProgress
from ingest.loaders.pdf import load_pdf
from ingest.loaders.sniff import sniff_media_type
from ingest.loaders.text import load_text
from ingest.types import LoadedSource

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx",
                     ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image"}

_LOADERS = {"text": load_text, "html": load_html, "pdf": load_pdf, "docx": load_docx, "image": load_image}


def media_type_for(name: str) -> str | None:
    return SUPPORTED_SUFFIXES.get(Path(name).suffix.lower())


def load_bytes(data: bytes, source: str, declared: str | None = None, password: str = "",
               max_ocr_pages: int | None = None, on_ocr_page: OcrProgress | None = None) -> LoadedSource:
    """Load ``data`` named ``source``: the declared type (from the extension or an HTTP header) must agree with
    what the bytes are, so a PDF that is really HTML or a .docx that is another zip gets a clear error. A PDF
    with more than ``max_ocr_pages`` pages to OCR is refused (default :data:`ingest.loaders.ocr.MAX_OCR_PAGES`).
    ``on_ocr_page(done, total)`` follows the OCR of a scanned PDF or image (:data:`ingest.loaders.ocr.OcrProgress`);
    other formats never call it."""
    declared = declared or media_type_for(source)
    if declared is None:
        raise UnsupportedFormatError(source, f"unsupported file type '{Path(source).suffix}'")
    # Images check their own magic bytes (sniff_media_type would reject them as binary text).
    actual = declared if declared == "image" else sniff_media_type(data, source, declared)
    if actual == "pdf":
        return load_pdf(data, source, password=password, max_ocr_pages=max_ocr_pages or MAX_OCR_PAGES,
                        on_ocr_page=on_ocr_page)
    if actual == "image":
        return load_image(data, source, on_ocr_page=on_ocr_page)
    return _LOADERS[actual](data, source)
