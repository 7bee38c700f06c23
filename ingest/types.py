"""Data passed between the ingestion steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from langchain_core.documents import Document


@dataclass(frozen=True)
class Page:
    """Text of one page (PDF) or of the whole source (other formats, ``number`` None)."""

    text: str
    number: int | None = None


@dataclass(frozen=True)
class LoadedSource:
    """What a loader returns: the raw text by page, before cleaning."""

    source: str
    pages: list[Page]
    media_type: str  # "text", "html", "pdf", "docx", "image"
    title_hint: str | None = None
    date_hint: str | None = None  # ISO publication date given by the source itself (HTML metadata)
    ocr_pages: tuple[int, ...] = ()  # numbers of the pages whose text was read by OCR (scans)


@dataclass(frozen=True)
class Section:
    """A run of the cleaned text under one heading path."""

    path: tuple[str, ...]
    text: str
    char_start: int
    char_end: int
    kind: str = "body"  # body, recipients (Nơi nhận), signature


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    doc_type: str = ""
    doc_number: str = ""
    issuer: str = ""
    province: str = ""
    level: str = ""  # "tỉnh" (provincial) or "quốc gia" (national)
    issued_date: str = ""  # ISO yyyy-mm-dd, or yyyy-mm / yyyy when the day is missing
    period: str = ""
    signer: str = ""
    signer_title: str = ""
    effective_date: str = ""  # ISO, when the document or its legal site states when it takes effect

    def as_metadata(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class ParsedDocument:
    doc_id: str
    source: str
    content_hash: str
    text: str
    meta: DocumentMeta
    chunks: list[Document] = field(default_factory=list)
