"""A new version's metadata replaces the old one's: Chroma merges the metadata of an upsert into the stored
record, so a key the new version no longer has must be removed explicitly (a stale document number would keep
answering questions about a number the document no longer carries)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from vectorstore import DocumentVersion, PlanStore
from vectorstore.chroma import persistent_client


def _put(store: PlanStore, batch: bool, doc_id: str, content_hash: str, meta: dict, chunks: list[Document]) -> None:
    if batch:
        store.put_documents([DocumentVersion(doc_id, content_hash, meta, chunks)])
    else:
        store.put_document(doc_id, content_hash, meta, chunks)


@pytest.mark.parametrize("batch", [False, True], ids=["put_document", "put_documents"])
def test_a_key_the_new_version_lacks_leaves_the_registry(tmp_path, embeddings, batch):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    chunk = [Document(page_content="Kế hoạch nâng cao năng suất lao động", metadata={"province": "Huế"})]
    _put(store, batch, "a", "v1aaaaaaaaaaaa", {"province": "Huế", "doc_number": "12/KH-UBND", "signer": "Lê Văn A"},
         chunk)
    assert store.catalog().by_number == {"12/KH-UBND": ("a",)}
    _put(store, batch, "a", "v2bbbbbbbbbbbb", {"province": "Huế"}, chunk)
    record = store.documents()["a"].metadata
    assert "doc_number" not in record and "signer" not in record and record["province"] == "Huế"
    assert store.catalog().by_number == {}


@pytest.mark.parametrize("batch", [False, True], ids=["put_document", "put_documents"])
def test_a_version_rewritten_in_place_loses_the_keys_its_new_chunks_lack(tmp_path, embeddings, batch):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    old = [Document(page_content="Bảng chỉ tiêu năng suất năm 2025", metadata={"table": True, "section": "II"})]
    _put(store, batch, "a", "same0000000000", {"province": "Huế"}, old)
    new = [Document(page_content="Bảng chỉ tiêu năng suất năm 2025", metadata={"section": "II. MỤC TIÊU"})]
    _put(store, batch, "a", "same0000000000", {"province": "Huế"}, new)  # re-chunked by a newer parser
    (chunk,) = store.get_chunks(store.documents()["a"].chunk_ids)
    assert "table" not in chunk.metadata and chunk.metadata["section"] == "II. MỤC TIÊU"
    (hit, _), = store.dense_search("chỉ tiêu năng suất", 1, {"section": "II. MỤC TIÊU"})
    assert hit.metadata["chunk_id"] == chunk.metadata["chunk_id"]
    assert store.dense_search("chỉ tiêu năng suất", 1, {"table": True}) == []
