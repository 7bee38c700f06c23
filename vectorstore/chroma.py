"""Thin helpers around chromadb 1.x: clients from settings, collections, batching, metadata, errors.

Together with the rest of ``vectorstore/`` this is the only place that imports chromadb.

>>> parse_chroma_url("http://127.0.0.1:8000")
('127.0.0.1', 8000, False)
>>> parse_chroma_url("https://chroma.example.org")
('chroma.example.org', 443, True)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import chromadb
import chromadb.config
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection

from common.errors import PlanAssistantError, StoreError

logger = logging.getLogger(__name__)

T = TypeVar("T")
Scalar = str | int | float | bool

# Chroma's limit on records per write (5461 in 1.5); writes are split to stay under it.
DEFAULT_MAX_BATCH = 5000
# Page size for full scans (garbage collection).
PAGE_SIZE = 1000


def chroma_settings() -> chromadb.config.Settings:
    """Client settings used everywhere: telemetry off."""
    return chromadb.config.Settings(anonymized_telemetry=False)


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """``(host, port, ssl)`` from ``http(s)://host[:port]``; the port defaults to 8000 (http) or 443 (https)."""
    parts = urlsplit(url.strip() if "://" in url else f"http://{url.strip()}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"chroma_url must look like http://host:port, got {url!r}")
    if parts.path not in ("", "/"):
        raise StoreError(f"chroma_url must not have a path, got {url!r}")
    ssl = parts.scheme == "https"
    try:
        port = parts.port or (443 if ssl else 8000)
    except ValueError as e:
        raise StoreError(f"chroma_url has a bad port: {url!r}") from e
    return parts.hostname, port, ssl


def persistent_client(path: Path) -> ClientAPI:
    """An embedded Chroma storing its data under ``path`` (created if missing)."""
    with chroma_errors(f"opening the embedded Chroma at {path}"):
        Path(path).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


def http_client(url: str, timeout_s: float = 60.0) -> ClientAPI:
    """A client of the Chroma server at ``url``; fails at once if it does not answer."""
    host, port, ssl = parse_chroma_url(url)
    with chroma_errors(f"connecting to the Chroma server at {url}"):
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings())
    _set_http_timeout(client, timeout_s)
    return client


def client_kind(client: ClientAPI) -> tuple[str, Path | None]:
    """``("server", None)`` for an HTTP client, ``("embedded", its directory)`` for a persistent one, else
    ``("memory", None)`` (no other process can open it)."""
    try:
        settings = client.get_settings()
    except Exception:  # noqa: BLE001 - a test double
        return "memory", None
    if "fastapi" in str(getattr(settings, "chroma_api_impl", "")).lower():
        return "server", None
    if getattr(settings, "is_persistent", False) and getattr(settings, "persist_directory", None):
        return "embedded", Path(settings.persist_directory)
    return "memory", None


def _set_http_timeout(client: ClientAPI, timeout_s: float) -> None:
    # chromadb's HTTP client is created with timeout=None (wait forever); bound it so that a stuck server
    # cannot hang a request thread. Best effort: the attribute names are chromadb internals.
    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is None or not hasattr(session, "timeout"):
        logger.warning("cannot set a time-out on the Chroma HTTP client (chromadb internals changed)")
        return
    import httpx

    session.timeout = httpx.Timeout(max(timeout_s, 60.0), connect=timeout_s)


@contextmanager
def chroma_errors(action: str) -> Iterator[None]:
    """Re-raise anything chromadb (or the network) raises as :class:`StoreError` saying what failed."""
    try:
        yield
    except PlanAssistantError:
        raise
    except Exception as e:
        raise StoreError(f"{action}: {type(e).__name__}: {e}") from e


def open_collection(
    client: ClientAPI, name: str, metadata: Mapping[str, Scalar] | None = None, cosine: bool = True
) -> Collection:
    """Get or create ``name`` with no embedding function (we always pass vectors) and, for new collections,
    HNSW cosine space and ``metadata``."""
    configuration: dict[str, Any] = {"hnsw": {"space": "cosine"}} if cosine else {}
    with chroma_errors(f"opening Chroma collection {name!r}"):
        return client.get_or_create_collection(
            name=name,
            configuration=configuration,  # type: ignore[arg-type]
            metadata=dict(metadata) if metadata else None,
            embedding_function=None,
        )


def max_batch_size(client: ClientAPI) -> int:
    try:
        return max(1, min(int(client.get_max_batch_size()), DEFAULT_MAX_BATCH))
    except Exception as e:  # not fatal: fall back to a size every version accepts
        logger.warning("get_max_batch_size failed (%s); using %d", e, DEFAULT_MAX_BATCH)
        return DEFAULT_MAX_BATCH


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def clean_metadata(metadata: Mapping[str, Any], what: str) -> dict[str, Scalar]:
    """Flat scalar metadata as Chroma accepts it: ``None`` values dropped, anything else not a scalar refused."""
    out: dict[str, Scalar] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        if not isinstance(key, str) or not key:
            raise StoreError(f"{what}: metadata key {key!r} is not a non-empty string")
        if not isinstance(value, (str, int, float, bool)):
            raise StoreError(f"{what}: metadata {key}={value!r} is a {type(value).__name__}, not a str/int/float/bool")
        out[key] = value
    return out


def replacing(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata to upsert so that a stored record ends up holding exactly ``new``: Chroma merges an upsert's
    metadata into the stored one, so each key of ``old`` that ``new`` lacks is sent as None (which removes it).

    >>> replacing({"signer": "A", "province": "Huế"}, {"province": "Huế"})
    {'signer': None, 'province': 'Huế'}
    """
    return {**{key: None for key in (old or {}) if key not in new}, **new}


def scan(collection: Collection, include: list[str], page_size: int = PAGE_SIZE,
         where: Mapping[str, Any] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """All ``(id, metadata)`` of a collection (those matching ``where`` if given), page by page."""
    offset = 0
    while True:
        with chroma_errors(f"reading {collection.name!r} at offset {offset}"):
            page = collection.get(limit=page_size, offset=offset, include=include,  # type: ignore[arg-type]
                                  where=where)  # type: ignore[arg-type]
        ids = page["ids"]
        metas = page.get("metadatas") or [{} for _ in ids]
        yield from zip(ids, (dict(m or {}) for m in metas))
        if len(ids) < page_size:
            return
        offset += len(ids)
