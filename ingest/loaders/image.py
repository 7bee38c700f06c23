"""A scanned page as an image (PNG, JPEG, TIFF) read with Tesseract OCR: one Page per image frame, numbered from 1
(a single-page image gives one Page numbered 1). ``on_ocr_page`` hears ``(0, frames)`` before the first frame is
read, then ``(n, frames)`` after each (see :data:`ingest.loaders.ocr.OcrProgress`)."""

from __future__ import annotations

import io
import logging
import time

from common.errors import EmptyDocumentError, IngestError
from ingest.loaders.ocr import OcrProgress, ocr_image
from ingest.types import LoadedSource, Page

log = logging.getLogger(__name__)

_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"II*\x00": "TIFF", b"MM\x00*": "TIFF"}
MAX_FRAMES = 200


def image_format(data: bytes) -> str | None:
    """The image format named by the file's first bytes, or None."""
    return next((fmt for magic, fmt in _MAGIC.items() if data.startswith(magic)), None)


def load_image(data: bytes, source: str, on_ocr_page: OcrProgress | None = None) -> LoadedSource:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data or not data.strip():
        raise EmptyDocumentError(source, "the file is empty")
    if image_format(data) is None:
        if data[:1024].find(b"%PDF-") >= 0:
            raise IngestError(source, "named as an image but the content is a PDF")
        raise IngestError(source, "named as an image but the content is not a PNG, JPEG or TIFF image")
    pages: list[Page] = []
    try:
        with Image.open(io.BytesIO(data)) as img:
            frames = min(getattr(img, "n_frames", 1), MAX_FRAMES)
            if on_ocr_page is not None:
                on_ocr_page(0, frames)
            for frame in range(frames):
                img.seek(frame)
                t0 = time.perf_counter()
                page = ImageOps.exif_transpose(img.copy())  # phone photos carry their rotation in EXIF
                text = ocr_image(page, source=source)
                log.info("OCR %s frame %d: %d chars in %.1fs", source, frame + 1, len(text), time.perf_counter() - t0)
                pages.append(Page(text, frame + 1))
                if on_ocr_page is not None:
                    on_ocr_page(frame + 1, frames)
    except (IngestError, EmptyDocumentError):
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise IngestError(source, f"unreadable image ({type(exc).__name__}: {exc})") from exc
    if not any(p.text.strip() for p in pages):
        raise EmptyDocumentError(source, "OCR found no text in the image")
    extra = {}
    if "ocr_pages" in LoadedSource.__dataclass_fields__:  # once ingest/types.py records OCR'd pages itself
        extra = {"ocr_pages": tuple(p.number for p in pages if p.number is not None)}
    return LoadedSource(source=source, pages=pages, media_type="image", **extra)
