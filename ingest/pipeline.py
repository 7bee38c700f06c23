"""One source in, one :class:`ParsedDocument` out: load → clean → sections → metadata → chunks.

>>> from common.provinces import ProvinceGazetteer
>>> doc = parse_bytes(b"KE HOACH\\nI. MUC TIEU\\n- Tang 7%/nam.", "plan.txt", ProvinceGazetteer())
>>> doc.chunks[-1].metadata["section_path"]
'I. MUC TIEU'
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from pathlib import Path

from langchain_core.documents import Document

from common.errors import EmptyDocumentError
from common.provinces import ProvinceGazetteer
from ingest.chunking import CHUNK_CHARS, chunk_spans
from ingest.clean import clean_text
from ingest.encoding import fix_legacy
from ingest.loaders import load_bytes
from ingest.metadata import extract_metadata
from ingest.reflow import MIN_FULL_LINE, reflow, runs_on
from ingest.scope import PROVINCIAL, paragraph_scopes, span_scope
from ingest.structure import parse_sections
from ingest.tables import table_header_for
from ingest.types import LoadedSource, ParsedDocument

# Bump when parsing or chunking changes, so that unchanged files are re-indexed with the new logic.
PIPELINE_VERSION = "27"
PAGE_SEPARATOR = "\n\n"
_DIGITS = re.compile(r"\d+")


def doc_id_for(source: str) -> str:
    """Stable id of a source: a hash of its absolute path or its URL."""
    key = source if source.startswith(("http://", "https://")) else str(Path(source).resolve())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash_for(data: bytes, max_chars: int = CHUNK_CHARS) -> str:
    """What decides whether a stored version is current: the bytes, the pipeline and the chunk size (a library
    whose ``chunk_chars`` changed is re-chunked on the next ingest)."""
    return hashlib.sha256(f"{PIPELINE_VERSION}/{max_chars}".encode() + b"\0" + data).hexdigest()


def _running_lines(pages: list[str]) -> set[str]:
    """Header and footer lines repeated on most pages ("Trang 2/3" with the page number as #)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for text in pages:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        seen.update({_DIGITS.sub("#", ln) for ln in lines[:2] + lines[-2:]})
    return {ln for ln, n in seen.items() if n >= max(2, len(pages) // 2 + 1)}


def _join_pages(loaded: LoadedSource) -> tuple[str, list[int], list[int | None]]:
    """The cleaned text of all pages, the offset where each page starts, and the page numbers. PDF pages lose
    their running headers and footers, are reflowed, and a sentence broken by a page break is joined again."""
    # PDF and DOCX runs typed in TCVN3/VNI fonts extract as mojibake ("KÕ ho¹ch"): convert them (text files
    # were converted by their loader; fix_legacy leaves Unicode Vietnamese untouched).
    cleaned_pages = [clean_text(fix_legacy(page.text) if loaded.media_type in ("pdf", "docx") else page.text)
                     for page in loaded.pages]
    if loaded.media_type == "pdf":
        running = _running_lines(cleaned_pages)
        cleaned_pages = [reflow("\n".join(ln for ln in text.split("\n") if _DIGITS.sub("#", ln.strip()) not in running))
                         for text in cleaned_pages]
    elif loaded.media_type in ("text", "html"):  # copied from a PDF or a legal site: its line breaks kept
        cleaned_pages = [reflow(text, hard_wrapped=False) for text in cleaned_pages]
    text, starts, numbers = "", [], []
    for page, cleaned in zip(loaded.pages, cleaned_pages):
        cleaned = cleaned.strip("\n")
        if not cleaned:
            continue
        if text:
            last = text.rsplit("\n", 1)[-1]
            first = cleaned.split("\n", 1)[0]
            text += " " if loaded.media_type == "pdf" and runs_on(last, first, MIN_FULL_LINE) else PAGE_SEPARATOR
        starts.append(len(text))
        numbers.append(page.number)
        text += cleaned
    return text, starts, numbers


def parse_loaded(loaded: LoadedSource, content_hash: str, gazetteer: ProvinceGazetteer,
                 max_chars: int = CHUNK_CHARS, doc_id: str | None = None) -> ParsedDocument:
    text, page_starts, page_numbers = _join_pages(loaded)
    if not text.strip():
        raise EmptyDocumentError(loaded.source, "no text left after cleaning")
    sections = parse_sections(text)
    meta = extract_metadata(text, sections, gazetteer, loaded.title_hint, loaded.date_hint, source=loaded.source)
    doc_id = doc_id or doc_id_for(loaded.source)
    base = {"doc_id": doc_id, "source": loaded.source, "media_type": loaded.media_type,
            "content_hash": content_hash, **meta.as_metadata()}
    provinces = [meta.province] if meta.province else []
    scopes = paragraph_scopes(text, provinces, meta.level, meta.doc_type)
    chunks: list[Document] = []
    for section in sections:
        for start, end in chunk_spans(section, max_chars, text):
            page_idx = bisect.bisect_right(page_starts, start) - 1
            page = page_numbers[page_idx] if page_idx >= 0 else None
            body = text[start:end]
            chunks.append(Document(
                page_content=body,
                metadata={**base, "section_path": " > ".join(section.path), "section_kind": section.kind,
                          "scope": span_scope(scopes, start, end, meta.level or PROVINCIAL),
                          "page": page or 0, "ocr": page in loaded.ocr_pages, "chunk_index": len(chunks),
                          "char_start": start, "char_end": end, "table_header": table_header_for(text, start)},
            ))
    return ParsedDocument(doc_id=doc_id, source=loaded.source, content_hash=content_hash, text=text,
                          meta=meta, chunks=chunks)


def parse_bytes(data: bytes, source: str, gazetteer: ProvinceGazetteer, max_chars: int = CHUNK_CHARS,
                declared: str | None = None) -> ParsedDocument:
    loaded = load_bytes(data, source, declared)
    return parse_loaded(loaded, content_hash_for(data, max_chars), gazetteer, max_chars)
