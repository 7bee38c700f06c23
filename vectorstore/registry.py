"""The document registry's records and the rules derived from them: chunk ids, liveness, fingerprint.

The registry (one record per document, in the ``<collection>__docs`` collection) says which version of each
document is current. A chunk is visible to readers only if it belongs to that version.

>>> chunk_id("a1b2", "0123456789abcdef", 7)
'a1b2-0123456789ab-0007'
>>> reg = {"a1b2": StoredDoc("a1b2", "0123456789abcdef", "plan.pdf", "", 8, {})}
>>> is_live(reg, {"doc_id": "a1b2", "content_hash": "0123456789abcdef", "chunk_index": 7})
True
>>> is_live(reg, {"doc_id": "a1b2", "content_hash": "fedcba9876543210", "chunk_index": 7})
False
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from common.errors import StoreError

# Keys the store writes on a registry record besides the document's own metadata.
CONTENT_HASH = "content_hash"
SOURCE = "source"
ABS_PATH = "abs_path"
N_CHUNKS = "n_chunks"
INGESTED_AT = "ingested_at"
COMMITTED_AT = "committed_at"  # when the record was written (seconds since the epoch): readers catch up from it
DOC_LEVEL_KEYS = "doc_level_keys"  # JSON list of the record's keys every chunk carries unchanged (doc_filter.py)
RESERVED_KEYS = (CONTENT_HASH, SOURCE, ABS_PATH, N_CHUNKS, INGESTED_AT, COMMITTED_AT, DOC_LEVEL_KEYS)

# The constant vector of a registry record (Chroma requires an embedding; the registry is never queried by it).
REGISTRY_VECTOR = [1.0]


@dataclass(frozen=True)
class StoredDoc:
    """One registered document: the current version (``content_hash``) and how many chunks it has.

    ``metadata`` is the whole registry record: the document-level metadata given to ``put_document`` plus
    ``content_hash``, ``source``, ``abs_path``, ``n_chunks``, ``ingested_at``, ``committed_at`` and
    ``doc_level_keys``.
    """

    doc_id: str
    content_hash: str
    source: str
    abs_path: str
    n_chunks: int
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ingested_at(self) -> str:
        return str(self.metadata.get(INGESTED_AT, ""))

    @property
    def chunk_ids(self) -> list[str]:
        return [chunk_id(self.doc_id, self.content_hash, i) for i in range(self.n_chunks)]

    @classmethod
    def from_record(cls, doc_id: str, metadata: Mapping[str, Any] | None) -> "StoredDoc":
        meta = dict(metadata or {})
        try:
            return cls(
                doc_id=doc_id,
                content_hash=str(meta[CONTENT_HASH]),
                source=str(meta.get(SOURCE, "")),
                abs_path=str(meta.get(ABS_PATH, "")),
                n_chunks=int(meta[N_CHUNKS]),
                metadata=meta,
            )
        except (KeyError, TypeError, ValueError) as e:
            raise StoreError(f"registry record {doc_id!r} is malformed ({e!r}): {meta!r}") from e


Registry = dict[str, StoredDoc]


def chunk_id(doc_id: str, content_hash: str, chunk_index: int) -> str:
    """The id of a chunk: deterministic, so the current chunks of a registry can be read by id."""
    return f"{doc_id}-{content_hash[:12]}-{chunk_index:04d}"


def live_doc_of(registry: Mapping[str, StoredDoc], chunk: str) -> str | None:
    """The document of the chunk id ``chunk`` if the chunk belongs to its registered version, else None (read
    from the id alone, see :func:`chunk_id`).

    >>> reg = {"a-1": StoredDoc("a-1", "0123456789abcdef", "plan.pdf", "", 8, {})}
    >>> live_doc_of(reg, "a-1-0123456789ab-0007"), live_doc_of(reg, "a-1-0123456789ab-0008")
    ('a-1', None)
    """
    doc_id, _, rest = chunk.rpartition("-")
    doc_id, _, short_hash = doc_id.rpartition("-")
    doc = registry.get(doc_id)
    if doc is None or doc.content_hash[:12] != short_hash or not rest.isdigit() or int(rest) >= doc.n_chunks:
        return None
    return doc_id


def is_live(registry: Mapping[str, StoredDoc], metadata: Mapping[str, Any]) -> bool:
    """Whether a chunk (by its metadata) belongs to the registered version of its document."""
    doc = registry.get(str(metadata.get("doc_id", "")))
    if doc is None or metadata.get(CONTENT_HASH) != doc.content_hash:
        return False
    index = metadata.get("chunk_index")
    return isinstance(index, int) and not isinstance(index, bool) and 0 <= index < doc.n_chunks


def fingerprint(registry: Mapping[str, StoredDoc]) -> str:
    """Hash of the sorted ``doc_id:content_hash`` pairs (with ``n_chunks`` and ``ingested_at``, so a forced
    re-ingestion of unchanged content still counts as a change). Keys the lexical index."""
    h = hashlib.sha256()
    for doc_id in sorted(registry):
        doc = registry[doc_id]
        h.update(f"{doc_id}:{doc.content_hash}:{doc.n_chunks}:{doc.ingested_at}\n".encode("utf-8"))
    return h.hexdigest()


@dataclass(frozen=True)
class Catalog:
    """Lookups over the registered documents that questions need: the provinces they name and the documents of
    each document number (upper-cased).

    >>> Catalog.of({"a": StoredDoc("a", "h", "a.txt", "", 1, {"province": "Nam Định", "doc_number": "285/KH-UBND"})})
    Catalog(provinces=frozenset({'Nam Định'}), by_number={'285/KH-UBND': ('a',)})
    """

    provinces: frozenset[str]
    by_number: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, registry: Mapping[str, StoredDoc]) -> "Catalog":
        by_number: dict[str, list[str]] = {}
        for doc in registry.values():
            if number := str(doc.metadata.get("doc_number", "")).upper():
                by_number.setdefault(number, []).append(doc.doc_id)
        provinces = frozenset(str(d.metadata.get("province", "")) for d in registry.values()) - {""}
        return cls(provinces, {n: tuple(ids) for n, ids in by_number.items()})
