"""Check that a file's bytes are what its name says, before a parser sees them."""

from __future__ import annotations

import io
import zipfile

from common.errors import EmptyDocumentError, IngestError


def _looks_like_html(head: bytes) -> bool:
    h = head.lstrip()[:512].lower()
    return h.startswith(b"<!doctype html") or h.startswith(b"<html") or b"<body" in h or b"<head" in h


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark is text
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def sniff_media_type(data: bytes, source: str, declared: str) -> str:
    """Return the media type to parse ``data`` as, or raise :class:`IngestError` naming the mismatch."""
    if not data or not data.strip():
        raise EmptyDocumentError(source, "the file is empty")
    if declared == "pdf":
        if data[:1024].find(b"%PDF-") >= 0:
            return "pdf"
        if _looks_like_html(data):
            raise IngestError(source, "named .pdf but the content is an HTML page, not a PDF")
        raise IngestError(source, "named .pdf but the content is not a PDF (no %PDF header)")
    if declared == "docx":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise IngestError(source, "named .docx but the content is not a Word document (not a zip archive)")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise IngestError(source, "named .docx but the zip archive holds no word/document.xml")
        return "docx"
    if data.startswith(b"%PDF-"):
        raise IngestError(source, f"named as {declared} but the content is a PDF")
    if _looks_binary(data):
        raise IngestError(source, f"named as {declared} but the content is binary, not text")
    if declared == "text" and _looks_like_html(data):
        return "html"
    return declared
