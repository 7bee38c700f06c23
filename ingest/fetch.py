"""Fetch an http(s) URL and load it with the loader its content type calls for.

Redirects are followed here, one hop at a time, at most :data:`MAX_REDIRECTS`; every hop's host is checked by
the :class:`~ingest.url_policy.UrlPolicy` (public addresses only unless allowed) and the request goes to the
address that was checked (the name is kept for the Host header and TLS), so a DNS answer that changes between
the check and the connection cannot reach a private address.
"""

from __future__ import annotations

from urllib.parse import urljoin

import httpx

from common.errors import IngestError
from ingest.loaders import load_bytes, media_type_for
from ingest.loaders.ocr import OcrProgress
from ingest.types import LoadedSource
from ingest.url_policy import UrlPolicy, UrlRefusedError

MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
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


def _open(client: httpx.Client, url: str, policy: UrlPolicy):  # noqa: ANN202 - a response context manager
    """GET ``url`` at an address the policy allows (each in turn until one connects)."""
    target = httpx.URL(url)
    addresses = policy.check(url)
    headers = {"Host": target.netloc.decode("ascii")}
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    last: httpx.ConnectError | None = None
    for addr in addresses:
        request = client.build_request("GET", target.copy_with(host=str(addr)), headers=headers,
                                       extensions=extensions)
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:
            last = exc
    assert last is not None
    raise last


def fetch_bytes(url: str, timeout_s: float, max_bytes: int,
                policy: UrlPolicy | None = None) -> tuple[bytes, str | None, str]:
    """GET ``url``; return its body, the media type its Content-Type names (None if unknown) and the final URL
    after redirects. Raises :class:`IngestError` (:class:`UrlRefusedError` for a URL the policy refuses)."""
    policy = policy or UrlPolicy()
    current = url
    try:
        with httpx.Client(timeout=timeout_s, follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                resp = _open(client, current, policy)
                try:
                    if resp.status_code in _REDIRECTS and resp.headers.get("location"):
                        current = urljoin(current, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise IngestError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise IngestError(url, f"larger than the {max_bytes // 2**20} MB limit")
                        chunks.append(chunk)
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    return b"".join(chunks), _CONTENT_TYPES.get(ctype), current
                finally:
                    resp.close()
    except UrlRefusedError as exc:
        if exc.source == url:
            raise
        raise UrlRefusedError(url, f"redirected to a refused URL: {exc.reason}") from exc
    except httpx.TimeoutException as exc:
        raise IngestError(url, f"timed out after {timeout_s:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from exc
    raise IngestError(url, f"too many redirects (more than {MAX_REDIRECTS})")


def fetch_document(url: str, timeout_s: float = 20.0, max_bytes: int = 200 * 2**20,
                   policy: UrlPolicy | None = None) -> tuple[bytes, str]:
    """GET ``url``: its body and the loader type to read it with (Content-Type, else the final URL's or the
    URL's extension, else HTML)."""
    data, declared, final = fetch_bytes(url, timeout_s, max_bytes, policy)
    return data, declared or media_type_for(final.split("?")[0]) or media_type_for(url.split("?")[0]) or "html"


def load_url(url: str, timeout_s: float = 20.0, max_bytes: int = 200 * 2**20, policy: UrlPolicy | None = None,
             max_ocr_pages: int | None = None, on_ocr_page: OcrProgress | None = None) -> tuple[LoadedSource, bytes]:
    data, declared = fetch_document(url, timeout_s, max_bytes, policy)
    return load_bytes(data, url, declared, max_ocr_pages=max_ocr_pages, on_ocr_page=on_ocr_page), data
