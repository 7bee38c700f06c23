"""A naive LangChain RAG baseline, to measure the project against.

The textbook recipe: the same source files loaded as plain text (the project's own loaders and cleaner, so
both systems see the same text), ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)``, the same
embedding model, an embedded Chroma collection in cosine space, top-k similarity search. No structure, no
metadata, no lexical index, no question analysis, no reranking.

Its "answer" is the text of the top-1 passage, always ``found``, citing that passage: so its refusal accuracy
is 0 by construction, and its answer accuracy measures whether the fact asked is in the first passage.
It returns the project's :class:`assistant.types.Answer` and exposes ``store.get_chunks`` so that
``assistant.evaluation`` scores it exactly like the project.

>>> from vectorstore import E5Embeddings  # doctest: +SKIP
>>> rag = NaiveRagBaseline(E5Embeddings(), "/tmp/naive-rag")  # doctest: +SKIP
>>> rag.ingest(["../shared/corpus"]).chunks  # doctest: +SKIP
48
>>> rag.ask("Ai ký ban hành kế hoạch của Nam Định?").passages[0].text  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import chromadb
import chromadb.config
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.library import iter_sources
from assistant.types import Answer, Citation, Passage
from ingest.clean import clean_text
from ingest.loaders import load_bytes
from ingest.pipeline import doc_id_for

log = logging.getLogger(__name__)

EMBED_BATCH = 64


@dataclass
class BaselineIngestReport:
    documents: int = 0
    chunks: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)


def load_plain_text(path: str) -> str:
    """A file's text as the project sees it before parsing: its loader, then ``clean_text`` page by page."""
    loaded = load_bytes(Path(path).read_bytes(), path)
    pages = [clean_text(page.text).strip("\n") for page in loaded.pages]
    return "\n\n".join(p for p in pages if p)


class NaiveRagBaseline:
    """Chunk → embed → Chroma → top-k; the first passage is the answer."""

    def __init__(self, embeddings: Embeddings, persist_dir: str | Path, collection: str = "naive_rag",
                 chunk_size: int = 1000, chunk_overlap: int = 200, k: int = 10):
        self.embeddings = embeddings
        self.k = k
        self.splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
        Path(persist_dir).mkdir(parents=True, exist_ok=True)
        self.client = chromadb.PersistentClient(
            path=str(persist_dir), settings=chromadb.config.Settings(anonymized_telemetry=False))
        self.collection = self.client.get_or_create_collection(
            name=collection, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        self._max_batch = max(1, min(int(self.client.get_max_batch_size()), 5000))
        self._doc_ids: set[str] = set()

    # The evaluation reads cited chunks back through ``assistant.store.get_chunks``: the baseline is its own store.
    @property
    def store(self) -> "NaiveRagBaseline":
        return self

    def count(self) -> int:
        return self.collection.count()

    # ---- ingestion ---------------------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str], progress: Any = None) -> BaselineIngestReport:
        """Index every file under ``paths`` (folders recursively); a file already indexed here is skipped."""
        started = time.perf_counter()
        report = BaselineIngestReport()
        sources = list(dict.fromkeys(iter_sources(paths)))
        for source in (progress(sources) if progress else sources):
            doc_id = doc_id_for(source)
            if doc_id in self._doc_ids:
                continue
            try:
                text = load_plain_text(source)
            except Exception as exc:  # noqa: BLE001 - a bad file never stops the batch
                report.failed.append((source, f"{type(exc).__name__}: {exc}"))
                log.warning("baseline: failed %s: %s", source, exc)
                continue
            chunks = self.splitter.split_text(text)
            if not chunks:
                continue
            vectors: list[list[float]] = []
            for start in range(0, len(chunks), EMBED_BATCH):
                vectors.extend(self.embeddings.embed_documents(chunks[start:start + EMBED_BATCH]))
            ids = [f"{doc_id}-{i}" for i in range(len(chunks))]
            metas = [{"source": source, "doc_id": doc_id, "chunk_index": i} for i in range(len(chunks))]
            for start in range(0, len(ids), self._max_batch):
                end = start + self._max_batch
                self.collection.upsert(ids=ids[start:end], embeddings=vectors[start:end],
                                       documents=chunks[start:end], metadatas=metas[start:end])
            self._doc_ids.add(doc_id)
            report.documents += 1
            report.chunks += len(chunks)
        report.seconds = time.perf_counter() - started
        return report

    # ---- retrieval and the "answer" ------------------------------------------------------------------------------

    def search(self, question: str, k: int | None = None) -> list[Passage]:
        vector = self.embeddings.embed_query(question)
        got = self.collection.query(query_embeddings=[vector], n_results=k or self.k,
                                    include=["documents", "metadatas", "distances"])
        passages = []
        for rank, (cid, text, meta, dist) in enumerate(zip(got["ids"][0], got["documents"][0], got["metadatas"][0],
                                                           got["distances"][0]), start=1):
            meta = dict(meta or {})
            passages.append(Passage(rank=rank, chunk_id=cid, doc_id=str(meta.get("doc_id", "")),
                                    source=str(meta.get("source", "")), title=Path(str(meta.get("source", ""))).name,
                                    section_path="", page=None, text=text or "", score=1.0 - float(dist),
                                    metadata=meta))
        return passages

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """The naive pipeline ignores the conversation: only ``question`` is embedded."""
        t0 = time.perf_counter()
        passages = self.search(question)
        t1 = time.perf_counter()
        top = passages[:1]
        return Answer(question=question, text=top[0].text if top else "", found=True,
                      citations=[Citation(1, p) for p in top], passages=passages,
                      timings_ms={"retrieve": (t1 - t0) * 1e3, "total": (t1 - t0) * 1e3},
                      standalone_question=question)

    def get_chunks(self, ids: Iterable[str]) -> list[Document]:
        """Stored chunks among ``ids``, in the order asked (as ``PlanStore.get_chunks``)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        got = self.collection.get(ids=wanted, include=["documents", "metadatas"])
        found = {cid: (text, meta) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])}
        return [Document(page_content=found[c][0] or "", metadata={**(found[c][1] or {}), "chunk_id": c})
                for c in wanted if c in found]
