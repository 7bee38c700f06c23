"""PDF with pypdf, one Page per page (numbers from 1)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from common.errors import EmptyDocumentError, IngestError
from ingest.types import LoadedSource, Page


def load_pdf(data: bytes, source: str, password: str = "") -> LoadedSource:
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
    if not any(p.text.strip() for p in pages):
        raise EmptyDocumentError(source, f"no text layer on any of its {n} pages (a scanned PDF?)")
    title = (reader.metadata.title if reader.metadata else None) or None
    return LoadedSource(source=source, pages=pages, media_type="pdf", title_hint=title)
