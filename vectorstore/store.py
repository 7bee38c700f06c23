"""``PlanStore``: chunks in Chroma, a document registry beside them, a lexical index derived from both.

Versioning. Every chunk carries its document's ``content_hash``; the registry (``<collection>__docs``, one
record per document) names the current hash and the number of chunks. Readers only return chunks of the
registered version (:func:`vectorstore.registry.is_live`), so replacing a document is atomic as seen by
readers: the new chunks are added, the registry record is flipped (the commit point), then the old chunks
are deleted. A crash between the steps leaves invisible leftovers that :meth:`PlanStore.collect_garbage`
removes. A search judges liveness against one registry snapshot, so it never sees both versions of a
document; :meth:`PlanStore.read_view` gives a question one snapshot for its dense and lexical searches.

The lexical index follows the registry fingerprint (changed by this process or any other, embedded or
server): a large library's documents are spread over BM25 shards (``lexical_shard_chunks`` or more chunks
each), each cached in memory and on disk by the fingerprint of its documents, so a change rebuilds from Chroma
only the shards whose documents changed. The rebuild runs in a background thread: questions keep searching the
index they have (its hits judged against their own snapshot) and wait at most ``lexical_wait_s`` for the new one;
only the very first build of a process is waited for.

Writers are serialised across processes by the collection's writer lease (:mod:`vectorstore.writer_lease`): a
lock file beside an embedded Chroma, lease records in the registry collection on a Chroma server. Chunks are
written and committed within one hold of the lease, and :meth:`PlanStore.collect_garbage` holds it too, so it
never removes another live writer's uncommitted chunks.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np
from chromadb.api import ClientAPI
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from common.errors import EmbeddingError, PlanAssistantError, StoreError
from common.settings import Settings
from vectorstore.chroma import (
    batched,
    chroma_errors,
    client_kind,
    clean_metadata,
    http_client,
    max_batch_size,
    open_collection,
    parse_chroma_url,
    persistent_client,
    replacing,
    scan,
)
from vectorstore.context import contextual_text
from vectorstore.doc_filter import DocSelector, Selection, doc_level_keys
from vectorstore.embeddings import model_id_of
from vectorstore.filters import compile_where, normalize_where
from vectorstore.lexical import LexicalShard
from vectorstore.lexical_index import LexicalIndex, shard_count, shard_of
from vectorstore.lexical_cache import LexicalCache
from vectorstore.registry import (
    ABS_PATH,
    COMMITTED_AT,
    CONTENT_HASH,
    DOC_LEVEL_KEYS,
    INGESTED_AT,
    N_CHUNKS,
    REGISTRY_VECTOR,
    SOURCE,
    Catalog,
    Registry,
    StoredDoc,
    chunk_id,
    fingerprint,
    is_live,
    live_doc_of,
)
from vectorstore.writer_lease import LEASE_PREFIX, ChromaLease, FileLease, LocalLease, WriterLease

logger = logging.getLogger(__name__)

Hit = tuple[Document, float]

REGISTRY_SUFFIX = "__docs"
EMBEDDING_KEY = "embedding_model"  # collection metadata naming the model that made the vectors
EMBED_BATCH = 64  # texts per embed_documents call (progress is logged per batch)
READ_ATTEMPTS = 8  # reads of the whole registry (pages) repeated when it changed meanwhile; then the last good one
DENSE_ATTEMPTS = 2  # a dense search without a snapshot runs again once if the registry changed during it
# A question waits at most this long for a lexical rebuild (a small library's takes ~50 ms), then searches the index
# it has; once a wait for a registry version timed out, later questions of that version do not wait.
LEXICAL_WAIT_S = 0.5
# A record of the registry collection that every writer changes after changing the registry: readers read this
# one record to know whether their in-memory copy of the registry is still current (one small read per question
# instead of the whole registry several times).
VERSION_ID = "__registry_version__"
# Embedded Chroma appends a write to its log, then applies it to the collection; a writer killed between the two
# leaves a registry write that another process applies only when it writes to that collection itself (or opens it).
# A writer taking the lease writes this record first, so that what it then reads includes such a write: else garbage
# collection could judge a dead writer's last commit's chunks stale, delete them, and see the commit appear after.
APPLY_ID = LEASE_PREFIX + "applied"
# A reader whose registry is older than a change reads only the records committed since its last read, less this
# margin (clocks of writers on other machines, a batch's records written over a few seconds); after a deletion it
# reads the registry whole (the version record's DELETED_AT says when the last one happened).
CATCH_UP_MARGIN_S = 120.0
DELETED_AT = "deleted_at"
REGISTRY_PAGE = 10_000  # registry records per read (SQLite allows 32,766 variables in one statement)
QUERY_CACHE_SIZE = 512  # query embeddings kept per store (a repeated or suggested question is not re-embedded)
# A dense search filtered on document-level fields (doc_filter.py) compares all the selected chunks' vectors when
# they are at most this many (reading vectors by id at 1M chunks: 1,000 in ~70 ms, 4,000 in ~220 ms; the documents
# of a number used by many provinces are ~1,500 chunks), else asks HNSW unfiltered for OVERSAMPLING times the
# results expected to hold k selected chunks, up to MAX_UNFILTERED_RESULTS (20,000: ~150 ms).
EXACT_SEARCH_CHUNKS = 4_000
OVERSAMPLING = 3
MAX_UNFILTERED_RESULTS = 20_000


class RegistrySnapshot(NamedTuple):
    """One read of the registry: its version token, the documents, their fingerprint (a tuple: unpacks as one)."""

    version: str
    registry: Registry
    fingerprint: str


def _is_document(record_id: str) -> bool:
    return record_id != VERSION_ID and not record_id.startswith(LEASE_PREFIX)


@dataclass(frozen=True)
class DocumentVersion:
    """One document for :meth:`PlanStore.put_documents`; ``vectors`` (one per chunk) skip the embedding."""

    doc_id: str
    content_hash: str
    metadata: Mapping[str, Any]
    chunks: Sequence[Document]
    vectors: Sequence[Sequence[float]] | None = None


class PlanStore:
    """The Chroma-backed chunk store with a document registry and atomic document replacement.

    >>> from common.settings import Settings
    >>> from vectorstore import E5Embeddings, PlanStore
    >>> store = PlanStore.from_settings(Settings(data_dir="/tmp/pa"), E5Embeddings())  # doctest: +SKIP
    >>> store.put_document("a1b2", "9f86d081884c7d65", {"title": "Kế hoạch 285/KH-UBND"}, chunks)  # doctest: +SKIP
    >>> store.dense_search("Cơ quan nào chủ trì?", k=5)  # [(Document, cosine), ...]  # doctest: +SKIP
    >>> store.lexical_search("co quan nao chu tri", k=5, where={"province": "Nam Định"})  # doctest: +SKIP
    """

    def __init__(
        self,
        client: ClientAPI,
        embeddings: Embeddings,
        collection: str = "plans",
        lexical_dir: Path | str = Path("data/lexical"),
        lexical_shard_chunks: int = 25_000,
        writer_wait_s: float = 600.0,
        writer_lease_s: float = 30.0,
        writer_lease: WriterLease | None = None,
        lexical_wait_s: float = LEXICAL_WAIT_S,
    ):
        self.client = client
        self.embeddings = embeddings
        self.collection_name = collection
        self.embedding_model = model_id_of(embeddings)
        self._chunks = open_collection(client, collection, metadata={EMBEDDING_KEY: self.embedding_model})
        self._registry_col = open_collection(client, collection + REGISTRY_SUFFIX, cosine=False)
        stored_model = (self._chunks.metadata or {}).get(EMBEDDING_KEY)
        if stored_model and stored_model != self.embedding_model:
            raise StoreError(
                f"collection {collection!r} holds vectors from {stored_model!r}, but the embeddings given are "
                f"{self.embedding_model!r}; use another collection or re-ingest into a new one"
            )
        self._batch = max_batch_size(client)
        self._cache = LexicalCache(Path(lexical_dir) / collection)
        if lexical_shard_chunks < 1:
            raise StoreError(f"lexical_shard_chunks must be at least 1, got {lexical_shard_chunks}")
        self._shard_chunks = lexical_shard_chunks
        self._lexical: LexicalIndex | None = None
        self._lexical_lock = threading.Lock()  # held by the one thread (re)building the lexical index
        self._lexical_state = threading.Condition()  # guards _builder; notified when a build ends
        self._builder: threading.Thread | None = None
        self._build_error: BaseException | None = None
        self._lexical_wait_s = lexical_wait_s
        self._waited_for: str | None = None  # the fingerprint a question last waited for in vain
        self._embedded = client_kind(client)[0] == "embedded"
        self.lease = writer_lease or self._default_lease(writer_wait_s, writer_lease_s)
        self._registry_cache: RegistrySnapshot | None = None
        self._registry_read_at: float | None = None  # wall clock when the cached registry's read began
        self._catalog_cache: tuple[str, Catalog] | None = None
        self._selector_cache: DocSelector | None = None
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()
        self._query_lock = threading.Lock()

    def _default_lease(self, wait_s: float, ttl_s: float) -> WriterLease:
        kind, directory = client_kind(self.client)
        if kind == "server":
            return ChromaLease(self._registry_col, f"collection {self.collection_name!r} on the Chroma server",
                               wait_s=wait_s, ttl_s=ttl_s)
        if kind == "embedded" and directory is not None:
            return FileLease(directory / f"writer-{self.collection_name}.lock", wait_s=wait_s)
        return LocalLease(f"collection {self.collection_name!r}", wait_s=wait_s)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the collection's writer lease for the block (every write takes it; nest several writes in one
        hold to keep other writers out between them). Waits up to ``writer_wait_s``, then raises
        :class:`common.errors.WriterBusyError`."""
        with self.lease.hold():
            if self.lease.depth == 1 and self._embedded:
                with chroma_errors(f"applying pending writes of {self._registry_col.name!r}"):
                    self._registry_col.upsert(ids=[APPLY_ID], embeddings=[REGISTRY_VECTOR],  # type: ignore[arg-type]
                                              metadatas=[{"applied_at": time.time()}])
            yield

    @classmethod
    def from_settings(cls, settings: Settings, embeddings: Embeddings) -> "PlanStore":
        """Embedded Chroma under ``settings.chroma_path``, or the server at ``settings.chroma_url`` if set."""
        lexical_dir = Path(settings.lexical_path)
        if settings.chroma_url:
            client = http_client(settings.chroma_url, timeout_s=settings.http_timeout_s)
            host, port, _ = parse_chroma_url(settings.chroma_url)
            lexical_dir = lexical_dir / re.sub(r"[^A-Za-z0-9._-]", "_", f"server-{host}-{port}")
        else:
            client = persistent_client(settings.chroma_path)
        return cls(client, embeddings, collection=settings.collection, lexical_dir=lexical_dir,
                   lexical_shard_chunks=settings.lexical_shard_chunks, writer_wait_s=settings.writer_wait_s,
                   writer_lease_s=settings.writer_lease_s)

    # -- registry ----------------------------------------------------------------------------------------------

    def documents(self) -> Mapping[str, StoredDoc]:
        """The registered documents by ``doc_id`` (read-only): from memory while the registry's version record is
        unchanged (one small read), else one read of the whole registry."""
        return MappingProxyType(self._snapshot()[1])

    def catalog(self) -> Catalog:
        """What questions look up in the registry (provinces, document numbers), computed once per registry
        version instead of a pass over every document per question."""
        version, registry, _ = self._snapshot()
        cached = self._catalog_cache
        if cached is not None and cached[0] == version:
            return cached[1]
        catalog = Catalog.of(registry)
        self._catalog_cache = (version, catalog)
        return catalog

    def snapshot(self) -> RegistrySnapshot:
        """The current registry as one immutable read (``version, registry, fingerprint``): pass it to
        :meth:`dense_search` and :meth:`lexical_search` (or use :meth:`read_view`) so that a question's searches
        judge every chunk against the same versions."""
        return self._snapshot()

    def _snapshot(self) -> RegistrySnapshot:
        """``(version, registry, fingerprint)`` of the current registry; the version is the registry's version
        record when there is one (else the fingerprint itself), and the fingerprint is computed once per version.

        After a change without deletions since the last read, only the records written since (``committed_at``,
        less a margin for clocks and slow commits) are read and merged into the copy in memory."""
        record = self._version_record()
        version = str(record["version"]) if record else None
        cached = self._registry_cache
        if version is not None and cached is not None and cached[0] == version:
            return cached
        since = self._registry_read_at
        if version is not None and cached is not None and since is not None \
                and float(record.get(DELETED_AT, 0.0)) < since - CATCH_UP_MARGIN_S:  # type: ignore[union-attr]
            caught_up = self._catch_up(version, cached[1], since)
            if caught_up is not None:
                return caught_up
        read_at = time.time()
        consistent = False
        for _ in range(READ_ATTEMPTS):
            # Page by page: one read of a registry of more than ~32k documents exceeds SQLite's variable limit.
            records = list(scan(self._registry_col, include=["metadatas"], page_size=REGISTRY_PAGE))
            if version is None or (latest := self._registry_version()) == version:
                consistent = True
                break
            version = latest  # changed while we read the pages: read them again
            read_at = time.time()
        docs = {doc_id: StoredDoc.from_record(doc_id, meta) for doc_id, meta in records if _is_document(doc_id)}
        fp = fingerprint(docs)
        if not consistent:
            # Writers kept committing while the pages were read. Each record read is a committed version of its
            # document (its chunks were written before it), so the read is usable for this one reader; it is not
            # cached under a version it may not match. Never a failed question because a writer is busy.
            logger.warning("the registry changed during %d reads of it; using the last one uncached", READ_ATTEMPTS)
            return RegistrySnapshot(fp, docs, fp)
        snapshot = RegistrySnapshot(version or fp, docs, fp)
        if version is not None:  # read before the registry: a newer registry under an older version is refetched
            self._registry_cache, self._registry_read_at = snapshot, read_at
        return snapshot

    def _catch_up(self, version: str, docs: Registry, since: float) -> RegistrySnapshot | None:
        """The registry at ``version``: ``docs`` (read at ``since``) with the records written since then; None if
        the registry changed again meanwhile (the caller reads it whole)."""
        read_at = time.time()
        changed = list(scan(self._registry_col, include=["metadatas"], page_size=REGISTRY_PAGE,
                            where={COMMITTED_AT: {"$gte": since - CATCH_UP_MARGIN_S}}))
        if self._registry_version() != version:
            return None
        merged = dict(docs)
        merged.update((doc_id, StoredDoc.from_record(doc_id, meta)) for doc_id, meta in changed if _is_document(doc_id))
        snapshot = RegistrySnapshot(version, merged, fingerprint(merged))
        self._registry_cache, self._registry_read_at = snapshot, read_at
        logger.debug("registry caught up: %d records written since the last read", len(changed))
        return snapshot

    def version(self) -> str:
        """A token that changes whenever the registry changes (cheap: one small read when the store has a
        version record). Readers compare it before and after a multi-step read."""
        version = self._registry_version()
        return version if version is not None else self._snapshot()[0]

    def _registry_version(self) -> str | None:
        record = self._version_record()
        return str(record["version"]) if record else None

    def _version_record(self) -> dict[str, Any] | None:
        with chroma_errors(f"reading the version of the registry {self._registry_col.name!r}"):
            got = self._registry_col.get(ids=[VERSION_ID], include=["metadatas"])  # type: ignore[list-item]
        metas = got.get("metadatas") or []
        return dict(metas[0]) if metas and metas[0] and "version" in metas[0] else None

    def _bump_version(self, deleted: bool = False) -> None:
        """Called after every registry change, before old chunks are deleted (readers then refetch); ``deleted``:
        records were removed (readers then read the registry whole: a removed record cannot be read since)."""
        meta: dict[str, Any] = {"version": uuid.uuid4().hex, "bumped_at": time.time()}
        if deleted:
            meta[DELETED_AT] = time.time()
        with chroma_errors(f"updating the version of the registry {self._registry_col.name!r}"):
            self._registry_col.upsert(ids=[VERSION_ID], embeddings=[REGISTRY_VECTOR],  # type: ignore[arg-type]
                                      metadatas=[meta])

    def fingerprint(self) -> str:
        """Changes whenever any document is added, replaced or removed (by any process)."""
        return self._snapshot()[2]

    def count(self) -> int:
        """Number of current chunks (those of registered versions)."""
        return sum(doc.n_chunks for doc in self.documents().values())

    # -- writing -----------------------------------------------------------------------------------------------

    def put_document(
        self, doc_id: str, content_hash: str, doc_metadata: Mapping[str, Any], chunks: Sequence[Document],
        vectors: Sequence[Sequence[float]] | None = None,
    ) -> None:
        """Store ``chunks`` as the current version of ``doc_id``, replacing any other version atomically.

        Each chunk's ``chunk_index`` must be its position (it is set if missing). Putting the hash that is
        already current rewrites that version in place (for re-chunking), which is not atomic. ``vectors``, one
        per chunk from this store's embedding model, skip the embedding (batched embedding across documents,
        restoring from a backup).
        """
        if vectors is not None and len(vectors) != len(chunks):
            raise StoreError(f"{len(vectors)} vectors given for the {len(chunks)} chunks of {doc_id!r}")
        self._put_versions([DocumentVersion(doc_id, content_hash, doc_metadata, chunks, vectors)])

    def _prepare(
        self, doc_id: str, content_hash: str, chunks: Sequence[Document]
    ) -> tuple[list[str], list[str], list[dict[str, Any]], list[str]]:
        if not isinstance(doc_id, str) or not doc_id.strip():
            raise StoreError(f"doc_id must be a non-empty string, got {doc_id!r}")
        if not isinstance(content_hash, str) or not content_hash.strip():
            raise StoreError(f"content_hash of {doc_id!r} must be a non-empty string, got {content_hash!r}")
        if not chunks:
            raise StoreError(f"document {doc_id!r} has no chunks to store")
        ids, texts, metas, indexed = [], [], [], []
        for i, chunk in enumerate(chunks):
            meta = clean_metadata(chunk.metadata, f"chunk {i} of {doc_id!r}")
            for key, value in (("doc_id", doc_id), (CONTENT_HASH, content_hash), ("chunk_index", i)):
                if meta.setdefault(key, value) != value:
                    raise StoreError(f"chunk {i} of {doc_id!r} has {key}={meta[key]!r}, expected {value!r}")
            if not isinstance(chunk.page_content, str) or not chunk.page_content.strip():
                raise StoreError(f"chunk {i} of {doc_id!r} has no text: {chunk.page_content!r}")
            ids.append(chunk_id(doc_id, content_hash, i))
            texts.append(chunk.page_content)
            metas.append(meta)
            indexed.append(contextual_text(Document(page_content=chunk.page_content, metadata=meta)))
        return ids, texts, metas, indexed

    def _embed_documents(self, texts: list[str], what: str) -> list[list[float]]:
        vectors: list[list[float]] = []
        for batch in batched(texts, EMBED_BATCH):
            try:
                got = self.embeddings.embed_documents(list(batch))
            except PlanAssistantError:
                raise
            except Exception as e:
                raise EmbeddingError(f"{self.embedding_model} failed on {what}: {type(e).__name__}: {e}") from e
            if len(got) != len(batch):
                raise EmbeddingError(f"{self.embedding_model} returned {len(got)} vectors for {len(batch)} texts")
            vectors.extend(got)
            logger.debug("embedded %d/%d chunks of %s", len(vectors), len(texts), what)
        if len({len(v) for v in vectors}) > 1:
            raise EmbeddingError(f"{self.embedding_model} returned vectors of different lengths for {what}")
        return vectors

    def _embed_query(self, query: str) -> list[float]:
        with self._query_lock:
            if query in self._query_cache:
                self._query_cache.move_to_end(query)
                return self._query_cache[query]
        try:
            vector = list(self.embeddings.embed_query(query))
        except PlanAssistantError:
            raise
        except Exception as e:
            raise EmbeddingError(f"{self.embedding_model} failed on query {query[:80]!r}: {e}") from e
        with self._query_lock:
            self._query_cache[query] = vector
            while len(self._query_cache) > QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)
        return vector

    def embedding_texts(self, chunks: Sequence[Document]) -> list[str]:
        """The texts this store embeds for ``chunks`` (the chunk with its title, province and section)."""
        return [contextual_text(c) for c in chunks]

    def _add_version(self, doc_id: str, content_hash: str, chunks: Sequence[Document],
                     given: Sequence[Sequence[float]] | None = None, in_place: bool = False) -> list[dict[str, Any]]:
        """Step 1: embed and write the version's chunks (invisible until the registry names the hash; ``in_place``:
        the hash is the registered one, its chunks are rewritten); returns the chunks' metadata as stored."""
        ids, texts, metas, indexed = self._prepare(doc_id, content_hash, chunks)
        vectors = [list(v) for v in given] if given is not None else self._embed_documents(indexed, repr(doc_id))
        with self.writing():
            self._write_chunks(doc_id, ids, vectors, texts, self._rewriting(ids, metas) if in_place else metas)
        return metas

    def _write_chunks(self, what: str, ids: list[str], vectors: list[list[float]], texts: list[str],
                      written: list[dict[str, Any]]) -> None:
        for start in range(0, len(ids), self._batch):
            end = start + self._batch
            with chroma_errors(f"writing chunks {start}..{min(end, len(ids)) - 1} of {what}"):
                self._chunks.upsert(
                    ids=ids[start:end],
                    embeddings=vectors[start:end],  # type: ignore[arg-type]
                    documents=texts[start:end],
                    metadatas=written[start:end],  # type: ignore[arg-type]
                )

    def _rewriting(self, ids: list[str], metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The metadata to upsert over chunks stored already (the current version written again in place, e.g.
        re-chunked by a newer parser): keys the new chunks lack are removed, not kept from the old ones."""
        stored = self._read_chunks(ids)
        return [replacing(stored[cid][1] if cid in stored else None, meta) for cid, meta in zip(ids, metas)]

    @staticmethod
    def _registry_record(doc_id: str, content_hash: str, doc_metadata: Mapping[str, Any], chunks: Sequence[Document],
                         metas: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        """The registry record of a version whose chunks are stored with ``metas``."""
        meta = clean_metadata(doc_metadata, f"document metadata of {doc_id!r}")
        first = chunks[0].metadata
        meta.update(
            {
                CONTENT_HASH: content_hash,
                SOURCE: str(meta.get(SOURCE) or first.get(SOURCE) or ""),
                ABS_PATH: str(meta.get(ABS_PATH) or ""),
                N_CHUNKS: len(metas),
                INGESTED_AT: datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                COMMITTED_AT: time.time(),
            }
        )
        meta[DOC_LEVEL_KEYS] = doc_level_keys(meta, metas)
        return meta

    def put_documents(self, items: Sequence[DocumentVersion]) -> int:
        """Several documents at once, each replaced atomically as by :meth:`put_document`, with one write per
        step instead of four per document: the chunks of all (embedded together where no vectors are given),
        then their registry records (each document's commit point), one version change, then the chunks of the
        versions they replace. Returns the number of chunks written."""
        return self._put_versions(items)

    def _put_versions(self, items: Sequence[DocumentVersion]) -> int:
        if not items:
            return 0
        started = time.perf_counter()
        if len({it.doc_id for it in items}) != len(items):
            raise StoreError("put_documents was given the same doc_id twice")
        prepared = [self._prepare(it.doc_id, it.content_hash, it.chunks) for it in items]
        for it, p in zip(items, prepared):
            if it.vectors is not None and len(it.vectors) != len(p[0]):
                raise StoreError(f"{len(it.vectors)} vectors given for the {len(p[0])} chunks of {it.doc_id!r}")
        missing = [i for i, it in enumerate(items) if it.vectors is None]
        texts = [t for i in missing for t in prepared[i][3]]
        # Embedding (the slow part) happens before the writer lease is taken: other writers wait only for writes.
        fresh = iter(self._embed_documents(texts, f"{len(missing)} documents") if texts else [])
        vectors: list[list[float]] = []
        for it, p in zip(items, prepared):
            vectors += [list(v) for v in it.vectors] if it.vectors is not None else [next(fresh) for _ in p[0]]
        with self.writing():
            before = self._records([it.doc_id for it in items])
            ids: list[str] = []
            docs: list[str] = []
            metas: list[dict[str, Any]] = []
            for it, (c_ids, c_texts, c_metas, _) in zip(items, prepared):
                ids += c_ids
                docs += c_texts
                in_place = _same_version(before.get(it.doc_id), it.content_hash)
                metas += self._rewriting(c_ids, c_metas) if in_place else c_metas
            self._write_chunks(f"{len(items)} documents", ids, vectors, docs, metas)
            records = [replacing(before.get(it.doc_id),
                                 self._registry_record(it.doc_id, it.content_hash, it.metadata, it.chunks, p[2]))
                       for it, p in zip(items, prepared)]
            self.lease.check()  # fencing: a writer whose lease was taken over commits nothing
            for start in range(0, len(items), self._batch):
                batch = slice(start, start + self._batch)
                with chroma_errors(f"registering {len(records[batch])} documents"):
                    self._registry_col.upsert(ids=[it.doc_id for it in items[batch]],
                                              embeddings=[REGISTRY_VECTOR] * len(records[batch]),  # type: ignore[arg-type]
                                              metadatas=records[batch])  # type: ignore[arg-type]
            self._bump_version()
            dropped = sum(self._drop_other_versions(it.doc_id, it.content_hash, len(p[0]), before[it.doc_id])
                          for it, p in zip(items, prepared) if it.doc_id in before)
        logger.info("stored %d documents (%d chunks, %d old removed) in %.2fs", len(items), len(ids), dropped,
                    time.perf_counter() - started)
        return len(ids)

    def _records(self, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The registry records of those of ``doc_ids`` the registry holds now (not the whole registry)."""
        found: dict[str, dict[str, Any]] = {}
        for batch in batched(list(doc_ids), self._batch):
            with chroma_errors(f"reading {len(batch)} registry records"):
                got = self._registry_col.get(ids=list(batch), include=["metadatas"])  # type: ignore[list-item]
            found.update((doc_id, dict(meta or {})) for doc_id, meta in zip(got["ids"], got["metadatas"] or []))
        return found

    def _drop_other_versions(self, doc_id: str, content_hash: str, n: int, old: Mapping[str, Any] | None) -> int:
        """Step 3: delete the chunks of the version the registry named before (``old``), or the surplus ones of
        this version when it was rewritten in place with fewer chunks. By id: a filtered delete scans Chroma's
        metadata (2-5 s at a million chunks). Leftovers of a crashed write are :meth:`collect_garbage`'s."""
        if old is None:
            return 0
        try:
            previous = StoredDoc.from_record(doc_id, old)
        except StoreError as e:
            logger.warning("%s; its old chunks are left to garbage collection", e)
            return 0
        first = n if previous.content_hash == content_hash else 0
        ids = [chunk_id(doc_id, previous.content_hash, i) for i in range(first, previous.n_chunks)]
        if ids:
            logger.debug("dropping %s (registered: %s)", ids, content_hash)
        deleted = 0
        for batch in batched(ids, self._batch):
            with chroma_errors(f"deleting {len(batch)} old chunks of {doc_id!r}"):
                deleted += _deleted(self._chunks.delete(ids=list(batch)))
        return deleted

    def delete_document(self, doc_id: str) -> bool:
        """Unregister ``doc_id`` (readers stop seeing it at once), then delete its chunks. True if it was
        registered."""
        with self.writing():
            self.lease.check()
            with chroma_errors(f"deleting {doc_id!r}"):
                existed = bool(self._registry_col.get(ids=[doc_id], include=[])["ids"])
                self._registry_col.delete(ids=[doc_id])
            self._bump_version(deleted=True)
            with chroma_errors(f"deleting {doc_id!r}"):
                removed = _deleted(self._chunks.delete(where={"doc_id": doc_id}))
        logger.info("deleted %s (%s, %d chunks)", doc_id, "registered" if existed else "not registered", removed)
        return existed

    def collect_garbage(self) -> int:
        """Delete chunks of unregistered documents or of versions that are not current; return how many.

        Holds the writer lease: every other writer commits its chunks within its own hold of the lease, so what is
        not live now was left by a writer that died (or lost its lease and commits nothing)."""
        with self.writing():
            listed = list(scan(self._chunks, include=["metadatas"]))
            registry = self._fresh_registry()  # read after listing: chunks committed meanwhile count as live
            stale = [cid for cid, meta in listed if not is_live(registry, meta)]
            for batch in batched(stale, self._batch):
                with chroma_errors(f"deleting {len(batch)} stale chunks"):
                    self._chunks.delete(ids=list(batch))
        if stale:
            logger.info("garbage collection removed %d stale chunks of %d", len(stale), len(listed))
            logger.debug("garbage collection removed %s", stale)
        return len(stale)

    def _fresh_registry(self) -> Registry:
        """The registry read whole now, not from the copy in memory (a writer that died between its commit and
        its version change left a registry newer than its version record: a copy keyed by the version would be
        stale); if it differs from that copy, the version is changed so that readers refetch. Hold the lease."""
        docs = {doc_id: StoredDoc.from_record(doc_id, meta)
                for doc_id, meta in scan(self._registry_col, include=["metadatas"], page_size=REGISTRY_PAGE)
                if _is_document(doc_id)}
        record = self._version_record() or {}
        cached = self._registry_cache
        unbumped = cached is not None and cached.fingerprint != fingerprint(docs) \
            and cached.version == str(record.get("version"))
        latest = max((float(d.metadata.get(COMMITTED_AT, 0.0)) for d in docs.values()), default=0.0)
        if unbumped or ("bumped_at" in record and latest > float(record["bumped_at"])):
            logger.warning("the registry changed without a version change (a writer died between the two); "
                           "changing it now")
            self._bump_version(deleted=True)
        return docs

    def record_doc_level_keys(self, docs_per_read: int = 500) -> int:
        """Give the registry records written before the store recorded ``doc_level_keys`` that field (from their
        chunks' metadata, read by id), so filters on them are decided in memory; returns how many records changed.
        Holds the writer lease, like every write."""
        with self.writing():
            registry = self._fresh_registry()
            old = [doc for doc in registry.values() if DOC_LEVEL_KEYS not in doc.metadata]
            changed = 0
            for batch in batched(old, docs_per_read):
                found = self._read_chunks([cid for doc in batch for cid in doc.chunk_ids])
                ids, records = [], []
                for doc in batch:
                    metas = [found[cid][1] for cid in doc.chunk_ids if cid in found]
                    if len(metas) == doc.n_chunks and all(is_live(registry, m) for m in metas):
                        ids.append(doc.doc_id)
                        records.append({**doc.metadata, DOC_LEVEL_KEYS: doc_level_keys(doc.metadata, metas),
                                        COMMITTED_AT: time.time()})
                if ids:
                    with chroma_errors(f"recording the document-level keys of {len(ids)} documents"):
                        self._registry_col.upsert(ids=ids, embeddings=[REGISTRY_VECTOR] * len(ids),  # type: ignore[arg-type]
                                                  metadatas=records)  # type: ignore[arg-type]
                    changed += len(ids)
            if changed:
                self._bump_version()
                logger.info("recorded the document-level keys of %d of %d documents", changed, len(old))
        return changed

    # -- reading -----------------------------------------------------------------------------------------------

    def read_view(self) -> "ReadView":
        """One registry snapshot for all the searches of a question (dense and lexical judge every chunk against
        the same versions: a question never mixes two versions of a document, and never retries or fails
        because a writer is busy)."""
        return ReadView(self, self._snapshot())

    def dense_search(self, query: str, k: int, where: Mapping[str, Any] | None = None,
                     snapshot: RegistrySnapshot | None = None) -> list[Hit]:
        """The ``k`` chunks nearest to ``query`` among those live in ``snapshot`` (default: the registry now):
        ``(Document, cosine similarity)``, best first.

        ``Document.page_content`` is the chunk's own text; its metadata has ``chunk_id`` added. Without a
        snapshot, a search during which the registry changed runs once more (a document replaced meanwhile may have
        lost the chunks of the version read); it never fails because of a writer.
        """
        where_n = normalize_where(where)
        if k <= 0:
            return []
        vector = self._embed_query(query)
        if snapshot is not None:
            return self._dense_current(vector, k, where_n, snapshot.registry)
        hits: list[Hit] = []
        for attempt in range(DENSE_ATTEMPTS):
            version, before, _ = self._snapshot()
            hits = self._dense_current(vector, k, where_n, before)
            if self.version() == version:
                break
            logger.debug("registry changed during a dense search (attempt %d)", attempt + 1)
        return hits

    def _dense_current(self, vector: list[float], k: int, where: dict[str, Any] | None, registry: Registry) -> list[Hit]:
        if where is not None:
            selector = self._selector(registry)
            if (selection := selector.select(where)) is not None:
                hits = self._dense_selected(vector, k, where, selection, registry, selector.chunks)
                if hits is not None:
                    return hits
        return self._dense_filtered(vector, k, where, registry)

    def _selector(self, registry: Registry) -> DocSelector:
        """The filter decider of ``registry`` (one per registry version, like the catalog)."""
        cached = self._selector_cache
        if cached is not None and cached.registry is registry:  # the same snapshot: the same version
            return cached
        selector = DocSelector(registry)
        self._selector_cache = selector
        return selector

    def _dense_selected(self, vector: list[float], k: int, where: dict[str, Any], selection: Selection,
                        registry: Registry, total: int) -> list[Hit] | None:
        """The ``k`` nearest chunks of the selected documents without Chroma's metadata filter: all their vectors
        compared exactly when they are few, else an unfiltered HNSW query deep enough to hold ``k`` of them.
        None when that query did not reach ``k`` of them (the caller lets Chroma filter)."""
        if selection.chunks == 0:
            return []
        if selection.chunks <= EXACT_SEARCH_CHUNKS:
            ranked = self._nearest_exactly(vector, k, [cid for d in sorted(selection.doc_ids)
                                                       for cid in registry[d].chunk_ids])
        else:
            n = min(math.ceil(OVERSAMPLING * k * total / selection.chunks), MAX_UNFILTERED_RESULTS)
            if n < k:
                return None
            with chroma_errors(f"querying {self.collection_name!r} (n_results={n})"):
                got = self._chunks.query(query_embeddings=[vector], n_results=n,  # type: ignore[arg-type]
                                         include=["distances"])  # type: ignore[list-item]
            ranked = []
            for cid, dist in zip(got["ids"][0], got["distances"][0]):  # type: ignore[index]
                if live_doc_of(registry, cid) in selection.doc_ids:
                    ranked.append((cid, 1.0 - float(dist)))
                    if len(ranked) == k:
                        break
            if len(ranked) < min(k, selection.chunks):
                logger.debug("unfiltered query of %d reached %d of %d chunks wanted; Chroma filters", n, len(ranked), k)
                return None
        found = self._read_chunks([cid for cid, _ in ranked])
        matches = compile_where(where)
        hits = []
        for cid, score in ranked:
            if cid not in found:
                continue  # deleted since the registry was read: the caller's version check retries
            text, meta = found[cid]
            if not matches(meta):  # the registry said its document matches: it must (else let Chroma decide)
                logger.warning("chunk %s does not match %r although its registry record does", cid, where)
                return None
            if is_live(registry, meta):
                hits.append((Document(page_content=text, metadata={**meta, "chunk_id": cid}), score))
        return hits

    def _nearest_exactly(self, vector: list[float], k: int, ids: list[str]) -> list[tuple[str, float]]:
        """``(chunk id, cosine similarity)`` of the ``k`` of ``ids`` nearest to ``vector``, by comparing all."""
        found_ids: list[str] = []
        rows: list[Any] = []
        for batch in batched(ids, self._batch):
            with chroma_errors(f"reading the vectors of {len(batch)} chunks of {self.collection_name!r}"):
                got = self._chunks.get(ids=list(batch), include=["embeddings"])  # type: ignore[list-item]
            found_ids += got["ids"]
            rows.extend(got["embeddings"] if got["embeddings"] is not None else [])
        if not found_ids:
            return []
        matrix = np.asarray(rows, dtype=np.float32)
        query = np.asarray(vector, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1) * (np.linalg.norm(query) or 1.0)
        cosine = matrix @ query / np.where(norms == 0, 1.0, norms)
        best = np.argsort(-cosine, kind="stable")[:k]
        return [(found_ids[i], float(cosine[i])) for i in best]

    def _dense_filtered(self, vector: list[float], k: int, where: dict[str, Any] | None,
                        registry: Registry) -> list[Hit]:
        """The ``k`` nearest current chunks with Chroma applying ``where`` (its metadata filter)."""
        n = k + max(k, 20)
        while True:
            with chroma_errors(f"querying {self.collection_name!r} (n_results={n}, where={where!r})"):
                got = self._chunks.query(
                    query_embeddings=[vector],  # type: ignore[arg-type]
                    n_results=n,
                    where=where,
                    include=["documents", "metadatas", "distances"],  # type: ignore[list-item]
                )
            ids = got["ids"][0]
            rows = zip(ids, got["documents"][0], got["metadatas"][0], got["distances"][0])  # type: ignore[index]
            hits = [
                (Document(page_content=text or "", metadata={**(meta or {}), "chunk_id": cid}), 1.0 - float(dist))
                for cid, text, meta, dist in rows
                if is_live(registry, meta or {})
            ]
            # Stale chunks (a replacement in progress, a crash's leftovers) are skipped; fetch more if needed.
            if len(hits) >= k or len(ids) < n:
                return hits[:k]
            n *= 4

    def lexical_search(self, query: str, k: int, where: Mapping[str, Any] | None = None,
                       snapshot: RegistrySnapshot | None = None) -> list[Hit]:
        """The ``k`` best BM25 matches among the chunks live in ``snapshot`` (default: the registry now):
        ``(Document, score)``, best first; only chunks sharing at least one folded token or syllable bigram with
        ``query``.

        Searches the lexical index this store serves; if the registry changed since it was built, a rebuild
        starts in the background and this search waits for it at most ``lexical_wait_s``, then searches the
        index it has, keeping only the hits live in the snapshot (a document changed since is missing from the
        lexical results until the rebuild ends, never shown in another version)."""
        normalize_where(where)
        if k <= 0:
            return []
        wanted = snapshot or self._snapshot()
        index = self._served_index(wanted.fingerprint, self._lexical_wait_s)
        if index.fingerprint == wanted.fingerprint:
            return index.search(query, k, where)
        if snapshot is None:  # "the registry now": it may have moved on to the index's version meanwhile
            wanted = self._snapshot()
            if index.fingerprint == wanted.fingerprint:
                return index.search(query, k, where)
        n = k + max(k, 20)
        while True:
            hits = index.search(query, n, where)
            live = [(doc, score) for doc, score in hits if is_live(wanted.registry, doc.metadata)]
            if len(live) >= k or len(hits) < n:
                return live[:k]
            n *= 4

    def lexical_index(self) -> LexicalIndex:
        """The lexical index for the current registry: shards from memory, else from disk, else rebuilt from
        Chroma (only the shards whose documents changed). Waits for the build (ingest calls it so that the first
        question of a serving process loads the index from disk)."""
        for _ in range(READ_ATTEMPTS):
            current = self._snapshot().fingerprint
            index = self._served_index(current, None)
            builder = self._builder
            if builder is not None:  # let it finish (no thread left reading Chroma when the caller exits)
                builder.join(timeout=60)
            if index.fingerprint == current:
                return index
        raise StoreError(f"the registry kept changing during {READ_ATTEMPTS} builds of the lexical index")

    def _served_index(self, fp: str, wait_s: float | None) -> LexicalIndex:
        """The index to search for registry fingerprint ``fp``: the served one if it is ``fp``'s; else a
        background rebuild is started (one at a time) and waited for, at most ``wait_s`` (None: until it ends)
        unless nothing is served yet."""
        index = self._lexical
        if index is not None and index.fingerprint == fp:
            return index
        if wait_s is not None and fp == self._waited_for:
            wait_s = 0.0  # its build is slow: the question before waited already
        deadline = None if wait_s is None or index is None else time.monotonic() + wait_s
        with self._lexical_state:
            builder = self._start_build()
            while True:
                index = self._lexical
                if index is not None and (index.fingerprint == fp or not builder.is_alive()):
                    return index
                if index is None and not builder.is_alive():
                    error = self._build_error
                    if error is not None:
                        raise error if isinstance(error, PlanAssistantError) else StoreError(
                            f"building the lexical index failed: {type(error).__name__}: {error}")
                    builder = self._start_build()
                    continue
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    if fp != self._waited_for:
                        logger.info("lexical index rebuilding in the background; searching the previous one meanwhile")
                    self._waited_for = fp
                    return index  # type: ignore[return-value]  # not None: a deadline is set only then
                self._lexical_state.wait(timeout=remaining if remaining is not None else 1.0)

    def _start_build(self) -> threading.Thread:
        """The running background build, or a new one (called holding ``_lexical_state``)."""
        builder = self._builder
        if builder is not None and builder.is_alive():
            return builder
        self._build_error = None
        builder = threading.Thread(target=self._build_in_background, name="lexical-rebuild", daemon=True)
        self._builder = builder
        builder.start()
        return builder

    def _build_in_background(self) -> None:
        """Build the index of the latest registry, then serve it (a question that finds the registry changed
        again starts the next build). Holds ``_lexical_lock`` (only builders take it); questions keep searching the
        previous index meanwhile."""
        try:
            with self._lexical_lock:
                _, registry, fp = self._snapshot()
                index = self._lexical
                if index is None or index.fingerprint != fp:
                    index = self._assemble_lexical(registry, index)
                    with self._lexical_state:
                        self._lexical = index
                        self._lexical_state.notify_all()
        except BaseException as e:  # noqa: BLE001 - reported to the questions that wait; the old index serves on
            logger.warning("building the lexical index failed (the previous one serves on): %s", e)
            self._build_error = e
        finally:
            with self._lexical_state:
                self._lexical_state.notify_all()

    def _assemble_lexical(self, registry: Registry, previous: LexicalIndex | None) -> LexicalIndex:
        started = time.perf_counter()
        known = {shard.fingerprint: shard for shard in (previous.shards if previous else ())}
        for attempt in range(READ_ATTEMPTS):
            n = shard_count(sum(doc.n_chunks for doc in registry.values()), self._shard_chunks)
            groups: list[dict[str, StoredDoc]] = [{} for _ in range(n)]
            for doc_id, doc in registry.items():
                groups[shard_of(doc_id, n)][doc_id] = doc
            shards: list[LexicalShard] = []
            built = 0
            for group in groups:
                fp = fingerprint(group)
                shard = known.get(fp) or self._cache.load(fp)
                if shard is None:
                    shard = self._build_shard(fp, group)
                    if shard is None:  # a document was replaced while we read: start again
                        break
                    built += 1
                known[fp] = shard
                shards.append(shard)
            else:
                index = LexicalIndex(fingerprint(registry), tuple(shards))
                try:
                    self._cache.prune(keep={shard.fingerprint for shard in shards})
                except OSError as e:
                    logger.warning("cannot prune old lexical shards: %s", e)
                logger.info("lexical index %s: %d chunks in %d shards (%d built) in %.2fs", index.fingerprint[:12],
                            len(index), len(shards), built, time.perf_counter() - started)
                return index
            registry = self.documents()
        raise StoreError(f"the registry kept changing during {READ_ATTEMPTS} attempts to build the lexical index")

    def _build_shard(self, fp: str, group: Registry) -> LexicalShard | None:
        """The shard of the documents of ``group``, read from Chroma and saved; None if one of them was replaced
        meanwhile (its registered chunks are gone)."""
        started = time.perf_counter()
        wanted = [cid for doc_id in sorted(group) for cid in group[doc_id].chunk_ids]
        found = {cid: rec for cid, rec in self._read_chunks(wanted).items() if is_live(group, rec[1])}
        if len(found) < len(wanted):
            latest = self.documents()
            if any(latest.get(doc_id) != doc for doc_id, doc in group.items()):
                return None
            missing = [cid for cid in wanted if cid not in found]
            logger.error("%d registered chunks are missing from Chroma, e.g. %s", len(missing), missing[:3])
        ids = [cid for cid in wanted if cid in found]
        texts = [found[cid][0] for cid in ids]
        metas = [found[cid][1] for cid in ids]
        indexed = [contextual_text(Document(page_content=t, metadata=m)) for t, m in zip(texts, metas)]
        shard = LexicalShard.build(fp, ids, texts, metas, indexed)
        logger.info("built lexical shard %s (%d chunks) in %.2fs", fp[:12], len(shard), time.perf_counter() - started)
        try:
            self._cache.save(shard)
        except StoreError as e:  # the in-memory shard still serves this process
            logger.warning("%s", e)
        return shard

    def _read_chunks(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        for batch in batched(list(ids), self._batch):
            with chroma_errors(f"reading {len(batch)} chunks of {self.collection_name!r}"):
                got = self._chunks.get(ids=list(batch), include=["documents", "metadatas"])  # type: ignore[list-item]
            for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or []):
                out[cid] = (text or "", dict(meta or {}))
        return out

    def get_chunks(self, ids: Iterable[str]) -> list[Document]:
        """The current chunks among ``ids``, in the order asked (unknown or superseded ids are skipped)."""
        wanted = list(dict.fromkeys(ids))
        registry = self.documents()
        found = self._read_chunks(wanted)
        return [
            Document(page_content=found[cid][0], metadata={**found[cid][1], "chunk_id": cid})
            for cid in wanted
            if cid in found and is_live(registry, found[cid][1])
        ]


def _same_version(record: Mapping[str, Any] | None, content_hash: str) -> bool:
    """Whether the registry ``record`` (None: not registered) names ``content_hash``: a write of it rewrites the
    current version in place."""
    return record is not None and record.get(CONTENT_HASH) == content_hash


def _deleted(result: Any) -> int:
    """chromadb 1.5 returns ``{"deleted": n}`` from ``delete``; older versions returned None."""
    return int(result.get("deleted", 0)) if isinstance(result, Mapping) else 0


@dataclass(frozen=True)
class ReadView:
    """The searches of one question, all against one registry snapshot (see :meth:`PlanStore.read_view`).

    >>> view = store.read_view()  # doctest: +SKIP
    >>> dense, lexical = view.dense_search(q, 40), view.lexical_search(q, 40)  # doctest: +SKIP
    """

    store: PlanStore
    snapshot: RegistrySnapshot

    @property
    def version(self) -> str:
        return self.snapshot.version

    def documents(self) -> Mapping[str, StoredDoc]:
        return MappingProxyType(self.snapshot.registry)

    def dense_search(self, query: str, k: int, where: Mapping[str, Any] | None = None) -> list[Hit]:
        return self.store.dense_search(query, k, where, snapshot=self.snapshot)

    def lexical_search(self, query: str, k: int, where: Mapping[str, Any] | None = None) -> list[Hit]:
        return self.store.lexical_search(query, k, where, snapshot=self.snapshot)
