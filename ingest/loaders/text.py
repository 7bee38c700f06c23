"""Plain text: decode UTF-8 (with or without BOM) or UTF-16; fall back to Windows-1258 for legacy files."""

from __future__ import annotations

from ingest.types import LoadedSource, Page


def decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def load_text(data: bytes, source: str) -> LoadedSource:
    return LoadedSource(source=source, pages=[Page(decode_text(data))], media_type="text")
