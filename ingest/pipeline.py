"""One source in, one :class:`ParsedDocument` out: load → clean → sections → metadata → chunks.

>>> from common.provinces import ProvinceGazetteer
>>> doc = parse_bytes(b"KE HOACH\\nI. MUC TIEU\\n- Tang 7%/nam.", "plan.txt", ProvinceGazetteer())
>>> doc.chunks[-1].metadata["section_path"]
'I. MUC TIEU'
"""

from __future__ import annotations

import bisect
import hashlib
from pathlib import Path

from langchain_core.documents import Document

from common.errors import EmptyDocumentError
from common.provinces import ProvinceGazetteer
from ingest.chunking import chunk_spans
from ingest.clean import clean_text
from ingest.loaders import load_bytes
from ingest.metadata import extract_metadata
from ingest.reflow import reflow
from ingest.scope import chunk_scope
from ingest.structure import parse_sections
from ingest.types import LoadedSource, ParsedDocument

# Bump when parsing or chunking changes, so that unchanged files are re-indexed with the new logic.
PIPELINE_VERSION = "2"
PAGE_SEPARATOR = "\n\n"


def doc_id_for(source: str) -> str:
    """Stable id of a source: a hash of its absolute path or its URL."""
    key = source if source.startswith(("http://", "https://")) else str(Path(source).resolve())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash_for(data: bytes) -> str:
    return hashlib.sha256(PIPELINE_VERSION.encode() + b"\0" + data).hexdigest()


def _join_pages(loaded: LoadedSource) -> tuple[str, list[int], list[int | None]]:
    """The cleaned text of all pages, the offset where each page starts, and the page numbers."""
    parts, starts, numbers, pos = [], [], [], 0
    for page in loaded.pages:
        cleaned = clean_text(page.text)
        if loaded.media_type == "pdf":
            cleaned = reflow(cleaned)
        if not cleaned:
            continue
        starts.append(pos)
        numbers.append(page.number)
        parts.append(cleaned)
        pos += len(cleaned) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(parts), starts, numbers


def parse_loaded(loaded: LoadedSource, content_hash: str, gazetteer: ProvinceGazetteer,
                 max_chars: int = 900, doc_id: str | None = None) -> ParsedDocument:
    text, page_starts, page_numbers = _join_pages(loaded)
    if not text.strip():
        raise EmptyDocumentError(loaded.source, "no text left after cleaning")
    sections = parse_sections(text)
    meta = extract_metadata(text, sections, gazetteer, loaded.title_hint)
    doc_id = doc_id or doc_id_for(loaded.source)
    base = {"doc_id": doc_id, "source": loaded.source, "media_type": loaded.media_type,
            "content_hash": content_hash, **meta.as_metadata()}
    chunks: list[Document] = []
    for section in sections:
        for start, end in chunk_spans(section, max_chars, text):
            page_idx = bisect.bisect_right(page_starts, start) - 1
            page = page_numbers[page_idx] if page_idx >= 0 else None
            body = text[start:end]
            chunks.append(Document(
                page_content=body,
                metadata={**base, "section_path": " > ".join(section.path), "section_kind": section.kind,
                          "scope": chunk_scope(body, [meta.province] if meta.province else [], meta.level,
                                               meta.doc_type),
                          "page": page or 0, "chunk_index": len(chunks), "char_start": start, "char_end": end},
            ))
    return ParsedDocument(doc_id=doc_id, source=loaded.source, content_hash=content_hash, text=text,
                          meta=meta, chunks=chunks)


def parse_bytes(data: bytes, source: str, gazetteer: ProvinceGazetteer, max_chars: int = 900,
                declared: str | None = None) -> ParsedDocument:
    loaded = load_bytes(data, source, declared)
    return parse_loaded(loaded, content_hash_for(data), gazetteer, max_chars)
