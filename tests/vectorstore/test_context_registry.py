"""Contextual text and the registry rules (pure functions)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from common.errors import StoreError
from vectorstore.context import contextual_text
from vectorstore.registry import StoredDoc, chunk_id, fingerprint, is_live


@pytest.mark.parametrize(
    "metadata, expected",
    [
        ({}, "Nội dung."),
        ({"title": "Kế hoạch 285", "province": "Nam Định", "doc_number": "285/KH-UBND", "section_path": "I > 1"},
         "Kế hoạch 285 | Nam Định | 285/KH-UBND\nI > 1\nNội dung."),
        ({"title": "Kế hoạch", "province": "", "doc_number": None}, "Kế hoạch\nNội dung."),
        ({"section_path": "II. MỤC TIÊU"}, "II. MỤC TIÊU\nNội dung."),
        ({"title": "Kế  hoạch\nnăm 2025", "page": 3}, "Kế hoạch năm 2025\nNội dung."),
    ],
)
def test_contextual_text(metadata, expected) -> None:
    assert contextual_text(Document(page_content="Nội dung.", metadata=metadata)) == expected


REG = {"d": StoredDoc("d", "0123456789abcdef", "s", "", 2, {})}


@pytest.mark.parametrize(
    "metadata, live",
    [
        ({"doc_id": "d", "content_hash": "0123456789abcdef", "chunk_index": 0}, True),
        ({"doc_id": "d", "content_hash": "0123456789abcdef", "chunk_index": 1}, True),
        ({"doc_id": "d", "content_hash": "0123456789abcdef", "chunk_index": 2}, False),  # surplus of a rewrite
        ({"doc_id": "d", "content_hash": "fedcba9876543210", "chunk_index": 0}, False),  # other version
        ({"doc_id": "x", "content_hash": "0123456789abcdef", "chunk_index": 0}, False),  # unregistered
        ({"doc_id": "d", "content_hash": "0123456789abcdef"}, False),
    ],
)
def test_is_live(metadata, live) -> None:
    assert is_live(REG, metadata) is live


def test_chunk_ids_and_fingerprint() -> None:
    assert chunk_id("d", "0123456789abcdef", 12) == "d-0123456789ab-0012"
    assert REG["d"].chunk_ids == ["d-0123456789ab-0000", "d-0123456789ab-0001"]
    a = StoredDoc("a", "h1", "", "", 1, {"ingested_at": "t1"})
    b = StoredDoc("b", "h2", "", "", 1, {"ingested_at": "t1"})
    assert fingerprint({"a": a, "b": b}) == fingerprint({"b": b, "a": a})
    assert fingerprint({"a": a}) != fingerprint({"a": a, "b": b})
    assert fingerprint({"a": a}) != fingerprint({"a": StoredDoc("a", "h9", "", "", 1, {"ingested_at": "t1"})})
    assert fingerprint({"a": a}) != fingerprint({"a": StoredDoc("a", "h1", "", "", 1, {"ingested_at": "t2"})})


def test_malformed_registry_record() -> None:
    with pytest.raises(StoreError, match="'d'"):
        StoredDoc.from_record("d", {"source": "x"})
    doc = StoredDoc.from_record("d", {"content_hash": "h", "n_chunks": 3, "source": "s", "title": "T"})
    assert (doc.n_chunks, doc.abs_path, doc.metadata["title"]) == (3, "", "T")
