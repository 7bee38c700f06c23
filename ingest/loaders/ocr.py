"""OCR for scanned pages: Tesseract (Debian's ``tesseract-ocr`` + ``tesseract-ocr-vie``) through pytesseract, and
PDF page rendering with pypdfium2. Nothing is downloaded at run time: the ``vie`` model comes from the Debian package.

>>> usable_text_layer("I. MỤC TIÊU: tăng năng suất lao động 6,5%/năm")
True
>>> usable_text_layer("\\ufffd\\ufffd\\ufffd \\ufffd\\ufffd") or usable_text_layer("Trang 2")
False
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

from common.errors import IngestError

# Progress of the OCR of one document: called with (pages done, pages to OCR), first with (0, total) before any
# page is rendered, then after each page. An exception it raises stops the load there (nothing more is rendered).
OcrProgress = Callable[[int, int], None]

OCR_UNAVAILABLE = "OCR unavailable: install tesseract-ocr and tesseract-ocr-vie"
MIN_LETTERS = 20  # a page whose text layer has fewer letters than this is treated as a scan
MAX_GARBAGE_SHARE = 0.3  # ... and so is one where this share of its visible characters are not real text
OCR_DPI = 300
MAX_OCR_PAGES = 300  # default limit of pages OCR'd per document (Settings.max_ocr_pages)
_ENV_LOCK = threading.Lock()


@contextlib.contextmanager
def _single_threaded_tesseract():
    """Run Tesseract with OMP_THREAD_LIMIT=1 unless the caller set it: its OpenMP threads make it about 4x
    slower on a page here (5.7 s against 1.4 s for an A4 page at 300 dpi on 2 cores). Set only around the
    subprocess call, so this process's own OpenMP libraries (torch, numpy) keep their threads."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    with _ENV_LOCK:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        try:
            yield
        finally:
            os.environ.pop("OMP_THREAD_LIMIT", None)


def _is_garbage(ch: str) -> bool:
    """Replacement characters, private-use glyph codes and control characters left by fonts without a
    ToUnicode map."""
    if ch == "\ufffd":
        return True
    cat = unicodedata.category(ch)
    return cat in ("Co", "Cn", "Cs") or (cat == "Cc" and ch not in "\n\r\t")


def usable_text_layer(text: str) -> bool:
    """Whether a PDF page's extracted text is real text rather than nothing, a page number or glyph garbage."""
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(1 for ch in visible if ch.isalpha())
    if letters < MIN_LETTERS:
        return False
    garbage = sum(1 for ch in visible if _is_garbage(ch))
    return garbage <= MAX_GARBAGE_SHARE * len(visible)


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


@functools.lru_cache(maxsize=1)
def _check_tesseract() -> None:
    """Raise once (cached on success) when the binary or the Vietnamese model is missing."""
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise IngestError("OCR", f"{OCR_UNAVAILABLE} (tesseract binary not found)") from exc
    if "vie" not in langs:
        raise IngestError("OCR", f"{OCR_UNAVAILABLE} (the 'vie' language is not installed)")


def tesseract_available() -> bool:
    """True when OCR can run (binary present and the ``vie`` model installed)."""
    try:
        _check_tesseract()
    except IngestError:
        return False
    return True


def ocr_image(image: Any, lang: str = "vie", source: str = "OCR") -> str:
    """The text Tesseract reads on a PIL image, Unicode NFC. Raises :class:`IngestError` naming ``source`` when
    Tesseract or its ``vie`` model is missing or when Tesseract fails on the image."""
    import pytesseract

    try:
        _check_tesseract()
    except IngestError as exc:
        raise IngestError(source, exc.reason) from exc
    if lang != "vie":
        missing = set(lang.split("+")) - set(pytesseract.get_languages(config=""))
        if missing:
            raise IngestError(source, f"{OCR_UNAVAILABLE} (language {', '.join(sorted(missing))} not installed)")
    if image.mode not in ("RGB", "L", "1"):
        image = image.convert("RGB")
    try:
        # --psm 3: automatic page segmentation (columns, headings); no network, the model is local.
        with _single_threaded_tesseract():
            text = pytesseract.image_to_string(image, lang=lang, config="--psm 3")
    except pytesseract.TesseractNotFoundError as exc:
        raise IngestError(source, f"{OCR_UNAVAILABLE} (tesseract binary not found)") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(source, f"OCR failed ({exc})") from exc
    return unicodedata.normalize("NFC", text).replace("\x0c", "").strip()


def render_pdf_page(data: Any, index: int, dpi: int = OCR_DPI, password: str | None = None) -> Any:
    """Page ``index`` (from 0) of a PDF as a PIL image at ``dpi``. ``data`` is the PDF's bytes or an open
    ``pypdfium2.PdfDocument`` (to avoid re-parsing the file for every page)."""
    import pypdfium2 as pdfium

    doc = data if isinstance(data, pdfium.PdfDocument) else pdfium.PdfDocument(data, password=password)
    try:
        page = doc[index]
        try:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            return bitmap.to_pil()
        finally:
            page.close()
    finally:
        if doc is not data:
            doc.close()
