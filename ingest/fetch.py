"""Fetch an http(s) URL and load it with the loader its content type calls for."""

from __future__ import annotations

import httpx

from common.errors import IngestError
from ingest.loaders import load_bytes, media_type_for
from ingest.types import LoadedSource

_CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
}


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch_bytes(url: str, timeout_s: float, max_bytes: int) -> tuple[bytes, str | None]:
    """GET ``url``; return its body and the media type its Content-Type names (None if unknown)."""
    try:
        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True) as resp:
            if resp.status_code >= 400:
                raise IngestError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(url, f"larger than the {max_bytes // 2**20} MB limit")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    except httpx.TimeoutException as exc:
        raise IngestError(url, f"timed out after {timeout_s:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from exc
    return b"".join(chunks), _CONTENT_TYPES.get(ctype)


def load_url(url: str, timeout_s: float = 20.0, max_bytes: int = 200 * 2**20) -> tuple[LoadedSource, bytes]:
    data, declared = fetch_bytes(url, timeout_s, max_bytes)
    declared = declared or media_type_for(url.split("?")[0]) or "html"
    return load_bytes(data, url, declared), data
