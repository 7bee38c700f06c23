"""Questions naming a province or a document number, over the ingested corpus: the filter is decided from the
registry (every ingested document lists its document-level keys), not by Chroma's metadata filter, and gives
what Chroma's filter gives."""

from __future__ import annotations

from vectorstore.filters import normalize_where
from vectorstore.registry import DOC_LEVEL_KEYS


def _spy(store) -> list:
    seen: list = []
    original = store._chunks.query

    def spying(*args, **kwargs):
        seen.append(kwargs.get("where"))
        return original(*args, **kwargs)

    store._chunks.query = spying
    return seen


def test_ingested_documents_list_their_document_level_keys(indexed_assistant):
    for doc in indexed_assistant.store.documents().values():
        keys = doc.metadata[DOC_LEVEL_KEYS]
        assert "province" in keys or "province" not in doc.metadata, doc.source


def test_a_question_naming_a_province_is_filtered_in_memory(indexed_assistant):
    store = indexed_assistant.store
    seen = _spy(store)
    try:
        answer = indexed_assistant.ask("Cơ quan nào chủ trì kế hoạch năng suất của tỉnh Nam Định?")
    finally:
        del store._chunks.query
    # The question's province ranks (its scoped search runs beside the unfiltered ones), it does not filter.
    assert answer.passages and answer.passages[0].metadata.get("province") == "Nam Định"
    assert any(w is None for w in seen) and all(w is None for w in seen), seen  # no filter sent to Chroma


def test_filtered_results_equal_chromas_filter_on_the_corpus(indexed_assistant):
    store = indexed_assistant.store
    provinces = sorted({d.metadata.get("province") for d in store.documents().values()} - {None, ""})
    assert len(provinces) >= 3
    _, registry, _ = store._snapshot()
    for province in provinces:
        where = {"province": {"$in": [province]}}
        query = f"Mục tiêu năng suất lao động của {province} đến năm 2025"
        got = [d.metadata["chunk_id"] for d, _ in store.dense_search(query, 10, where)]
        reference = store._dense_filtered(store._embed_query(query), 10, normalize_where(where), registry)
        assert got == [d.metadata["chunk_id"] for d, _ in reference], province
