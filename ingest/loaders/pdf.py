"""PDF with pypdf, one Page per page (numbers from 1). A page without a usable text layer (a scan, or glyph
garbage from a font without a Unicode map) is rendered with pypdfium2 and read with Tesseract OCR instead; a PDF
with a real text layer on every page is read exactly as before, at no OCR cost.

Which pages need OCR is decided from pypdf's text alone, before anything is rendered: a scan over
``max_ocr_pages`` is refused there, and ``on_ocr_page`` hears ``(0, pages to OCR)`` there (its caller may stop the
load by raising, e.g. to OCR a long scan in the background), then ``(n, total)`` after each page."""

from __future__ import annotations

import io
import logging
import time

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from common.errors import EmptyDocumentError, IngestError
from ingest.loaders.pdf_tables import tables_by_page
from ingest.loaders.ocr import (MAX_OCR_PAGES, MIN_LETTERS, OCR_DPI, OcrProgress, letter_count, ocr_image,
                                render_pdf_page, usable_text_layer)
from ingest.types import LoadedSource, Page

log = logging.getLogger(__name__)


def _ocr_pages(data: bytes, source: str, password: str, indexes: list[int],
               on_page: OcrProgress | None = None) -> dict[int, str]:
    """OCR text of the pages at ``indexes`` (from 0), rendering each with pypdfium2; ``on_page(done, total)``
    after each page."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        raise IngestError(source, f"cannot render the PDF for OCR ({exc})") from exc
    out: dict[int, str] = {}
    try:
        for done, i in enumerate(indexes, start=1):
            t0 = time.perf_counter()
            try:
                image = render_pdf_page(doc, i, dpi=OCR_DPI)
            except pdfium.PdfiumError as exc:
                raise IngestError(source, f"cannot render page {i + 1} for OCR ({exc})") from exc
            out[i] = ocr_image(image, source=source)
            log.info("OCR %s page %d: %d chars in %.1fs", source, i + 1, len(out[i]), time.perf_counter() - t0)
            if on_page is not None:
                on_page(done, len(indexes))
    finally:
        doc.close()
    return out


def load_pdf(data: bytes, source: str, password: str = "", max_ocr_pages: int = MAX_OCR_PAGES,
             on_ocr_page: OcrProgress | None = None) -> LoadedSource:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt(password)
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types for bad crypto
                raise IngestError(source, f"encrypted PDF that cannot be decrypted ({exc})") from exc
            if not ok:
                raise IngestError(source, "encrypted PDF: a password is required")
        n = len(reader.pages)
        if n == 0:
            raise EmptyDocumentError(source, "the PDF has no pages")
        pages = [Page((page.extract_text() or ""), i + 1) for i, page in enumerate(reader.pages)]
    except FileNotDecryptedError as exc:
        raise IngestError(source, "encrypted PDF: a password is required") from exc
    except PdfReadError as exc:
        raise IngestError(source, f"broken or truncated PDF ({exc})") from exc
    except (IngestError, EmptyDocumentError):
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf fails in many ways on damaged files
        raise IngestError(source, f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    for i, text in tables_by_page(data, password).items():
        if usable_text_layer(pages[i].text):  # a table's rows and columns, not its cells run together
            pages[i] = Page(text, i + 1)
    had_text_layer = any(p.text.strip() for p in pages)
    scanned = [i for i, p in enumerate(pages) if not usable_text_layer(p.text)]
    ocr_numbers: list[int] = []
    if len(scanned) > max_ocr_pages:  # refused before any page is rendered: OCR costs ~1.5 s a page
        raise IngestError(source, f"{len(scanned)} pages need OCR, over the limit of {max_ocr_pages} pages "
                                  "(PLAN_ASSISTANT_MAX_OCR_PAGES)")
    if scanned:
        if on_ocr_page is not None:
            on_ocr_page(0, len(scanned))  # before any page is rendered: the caller may stop here
        ocr = _ocr_pages(data, source, password, scanned, on_ocr_page)
        for i in scanned:
            layer, read = pages[i].text, ocr[i]
            # A short but genuine text layer ("Trang 5", a signature block) wins over an OCR that finds no more
            # letters; a layer of glyph garbage loses to any OCR text.
            if letter_count(read) > letter_count(layer) or (read and letter_count(layer) >= MIN_LETTERS):
                pages[i] = Page(read, i + 1)
                ocr_numbers.append(i + 1)
    if not any(p.text.strip() for p in pages):
        what = "no text layer" if not had_text_layer else "no usable text layer"
        raise EmptyDocumentError(source, f"{what} on any of its {n} pages and OCR found no text on them either")
    title = (reader.metadata.title if reader.metadata else None) or None
    media_type = "pdf-ocr" if len(ocr_numbers) == n else "pdf"
    extra = {}
    if "ocr_pages" in LoadedSource.__dataclass_fields__:  # once ingest/types.py records OCR'd pages itself
        extra, media_type = {"ocr_pages": tuple(ocr_numbers)}, "pdf"
    return LoadedSource(source=source, pages=pages, media_type=media_type, title_hint=title, **extra)
