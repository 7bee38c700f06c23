"""Dense search filtered on document-level fields, decided from the registry in memory (doc_filter.py), against
Chroma's own metadata filter as the reference: the same chunks in the same order, on both the exact path (few
selected chunks) and the unfiltered-HNSW path; chunk-level fields, inconsistent documents and records of an
older version fall back to Chroma's filter."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

import vectorstore.store as store_module
from vectorstore import PlanStore
from vectorstore.chroma import persistent_client
from vectorstore.doc_filter import DocSelector
from vectorstore.filters import compile_where, normalize_where
from vectorstore.registry import DOC_LEVEL_KEYS, REGISTRY_VECTOR

PROVINCES = ["Nam Định", "Bắc Ninh", "Huế"]
TOPICS = [
    "Sở Khoa học và Công nghệ chủ trì, hướng dẫn doanh nghiệp áp dụng công cụ cải tiến năng suất",
    "Mục tiêu đến năm 2025 có 30 doanh nghiệp được hỗ trợ áp dụng ISO 9001 và Lean",
    "Kinh phí thực hiện kế hoạch từ ngân sách nhà nước và nguồn xã hội hóa",
    "Đào tạo 200 chuyên gia năng suất cấp tỉnh, tổ chức hội thảo về chuyển đổi số",
    "Hỗ trợ doanh nghiệp nhỏ và vừa xây dựng hệ thống truy xuất nguồn gốc sản phẩm",
    "Giao Sở Tài chính bố trí dự toán, Sở Công Thương phối hợp tuyên truyền",
]
WHERES = [
    {"province": "Nam Định"},
    {"province": {"$in": ["Bắc Ninh", "Huế"]}},
    {"province": {"$ne": "Nam Định"}},
    {"province": {"$nin": ["Huế"]}},
    {"doc_id": {"$in": ["d1", "d5"]}},
    {"doc_id": "d4"},
    {"$and": [{"province": "Huế"}, {"year": {"$gte": 2024}}]},
    {"$or": [{"doc_type": "tin tức"}, {"final": True}]},
    {"year": 2024.0},  # numbers compare by value
    {"score": {"$lt": 1.0}},
    {"$and": [{"doc_id": {"$in": ["d0", "d3", "d6"]}}, {"province": "Nam Định"}]},
]


def _doc(i: int) -> tuple[str, dict, list[Document]]:
    meta = {"title": f"Kế hoạch số {i}", "province": PROVINCES[i % 3], "year": 2023 + i % 3,
            "doc_type": "tin tức" if i % 4 == 0 else "kế hoạch", "final": i % 2 == 0, "score": i / 4}
    chunks = [Document(page_content=f"{TOPICS[(i + j) % len(TOPICS)]} (văn bản {i}, đoạn {j}).",
                       metadata={**meta, "section_kind": "signature" if j == 3 else "body", "page": j})
              for j in range(4)]
    return f"d{i}", meta, chunks


@pytest.fixture(scope="module")
def library(tmp_path_factory, embeddings):
    path = tmp_path_factory.mktemp("dense-filters")
    store = PlanStore(persistent_client(path / "chroma"), embeddings, lexical_dir=path / "lex")
    for i in range(12):
        doc_id, meta, chunks = _doc(i)
        store.put_document(doc_id, f"hash{i:012d}", meta, chunks)
    return store


def _chroma_wheres(store: PlanStore) -> list:
    """Record the ``where`` of each Chroma query the store makes (None: an unfiltered query)."""
    seen: list = []
    col = store._chunks
    original = col.query

    def spying(*args, **kwargs):
        seen.append(kwargs.get("where"))
        return original(*args, **kwargs)

    col.query = spying  # type: ignore[method-assign]
    return seen


def _reference(store: PlanStore, query: str, k: int, where: dict) -> list[tuple[str, float]]:
    """Chroma's own metadata filter."""
    _, registry, _ = store._snapshot()
    hits = store._dense_filtered(store._embed_query(query), k, normalize_where(where), registry)
    return [(d.metadata["chunk_id"], s) for d, s in hits]


def _ids(hits) -> list[str]:
    return [d.metadata["chunk_id"] for d, _ in hits]


@pytest.mark.parametrize("path", ["exact", "hnsw"])
@pytest.mark.parametrize("where", WHERES, ids=[str(w) for w in WHERES])
def test_filtered_search_agrees_with_chromas_filter(library, where, path, monkeypatch):
    if path == "hnsw":
        monkeypatch.setattr(store_module, "EXACT_SEARCH_CHUNKS", 0)
    query = "Cơ quan nào chủ trì hướng dẫn doanh nghiệp?"
    expected = _reference(library, query, 6, where)
    seen = _chroma_wheres(library)
    try:
        got = library.dense_search(query, 6, where)
    finally:
        del library._chunks.query
    assert expected, "the reference found nothing: the case tests nothing"
    assert _ids(got) == [cid for cid, _ in expected]
    assert [s for _, s in got] == pytest.approx([s for _, s in expected], abs=1e-4)
    assert all(compile_where(normalize_where(where))(d.metadata) for d, _ in got)
    assert all(w is None for w in seen), f"Chroma was asked to filter: {seen}"  # decided in memory


def test_a_filter_no_document_matches_asks_chroma_nothing(library):
    seen = _chroma_wheres(library)
    try:
        assert library.dense_search("năng suất", 5, {"province": "Cà Mau"}) == []
    finally:
        del library._chunks.query
    assert seen == []


def test_a_chunk_level_field_is_left_to_chroma(library):
    where = {"$and": [{"province": "Huế"}, {"section_kind": "signature"}]}
    seen = _chroma_wheres(library)
    try:
        got = library.dense_search("Sở Tài chính bố trí dự toán", 5, where)
    finally:
        del library._chunks.query
    assert seen == [normalize_where(where)]
    assert got and all(d.metadata["section_kind"] == "signature" and d.metadata["province"] == "Huế" for d, _ in got)


def test_a_field_whose_chunks_disagree_with_the_record_is_left_to_chroma(tmp_path, embeddings):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    for i in range(3):
        doc_id, meta, chunks = _doc(i)
        store.put_document(doc_id, f"hash{i:012d}", meta, chunks)
    # A news item about two provinces: the record says Nam Định, one chunk says Huế.
    chunks = [Document(page_content=TOPICS[j], metadata={"province": "Huế" if j == 1 else "Nam Định", "page": j})
              for j in range(3)]
    store.put_document("mixed", "hashmixed00000", {"province": "Nam Định"}, chunks)
    assert "province" not in store.documents()["mixed"].metadata[DOC_LEVEL_KEYS]
    assert "province" in store.documents()["d0"].metadata[DOC_LEVEL_KEYS]
    seen = _chroma_wheres(store)
    got = store.dense_search(TOPICS[1], 8, {"province": "Huế"})
    assert seen == [normalize_where({"province": "Huế"})]
    assert "mixed-hashmixed000-0001" in _ids(got)  # matched by its own metadata, as Chroma decides
    assert all(d.metadata["province"] == "Huế" for d, _ in got)


def test_records_of_an_older_version_are_upgraded_then_decided_in_memory(tmp_path, embeddings):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    for i in range(6):
        doc_id, meta, chunks = _doc(i)
        store.put_document(doc_id, f"hash{i:012d}", meta, chunks)
    registry = store.documents()
    old = {d: {k: v for k, v in doc.metadata.items() if k != DOC_LEVEL_KEYS} for d, doc in registry.items()}
    store._registry_col.delete(ids=list(old))  # records as an older version wrote them (Chroma merges on upsert)
    store._registry_col.add(ids=list(old), embeddings=[REGISTRY_VECTOR] * len(old), metadatas=list(old.values()))
    store._bump_version(deleted=True)
    fingerprint = store.fingerprint()
    where = {"province": "Bắc Ninh"}
    seen = _chroma_wheres(store)
    before = _ids(store.dense_search(TOPICS[0], 4, where))
    assert seen == [normalize_where(where)]  # nothing known document-level: Chroma filters

    assert store.record_doc_level_keys() == 6
    assert store.record_doc_level_keys() == 0  # nothing left to do
    assert store.fingerprint() == fingerprint  # the documents' versions are unchanged: no lexical rebuild
    seen.clear()
    after = _ids(store.dense_search(TOPICS[0], 4, where))
    assert seen == [None] or seen == []  # decided in memory (an unfiltered query, or none for an exact search)
    assert after == before


@pytest.mark.parametrize("path", ["exact", "hnsw"])
def test_uncommitted_and_replaced_chunks_are_never_returned(tmp_path, embeddings, monkeypatch, path):
    if path == "hnsw":
        monkeypatch.setattr(store_module, "EXACT_SEARCH_CHUNKS", 0)
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    for i in range(6):
        doc_id, meta, chunks = _doc(i)
        store.put_document(doc_id, f"hash{i:012d}", meta, chunks)
    doc_id, meta, chunks = _doc(0)
    crashed = [Document(page_content=TOPICS[0] + " (bản chưa ghi xong)", metadata=dict(c.metadata)) for c in chunks]
    store._add_version(doc_id, "crashed0000000", crashed)  # written, never committed
    store.put_document("d3", "replaced000000", meta | {"province": "Nam Định"},
                       [Document(page_content=TOPICS[0] + " (bản mới)", metadata={**meta, "page": 0})])
    got = store.dense_search(TOPICS[0], 20, {"province": "Nam Định"})
    ids = _ids(got)
    assert not any("crashed" in cid for cid in ids)
    assert "d3-replaced0000-0000" in ids and not any(cid.startswith("d3-hash") for cid in ids)
    assert set(ids) == {cid for cid, _ in _reference(store, TOPICS[0], 20, {"province": "Nam Định"})}


def test_a_shallow_unfiltered_query_falls_back_to_chromas_filter(library, monkeypatch):
    monkeypatch.setattr(store_module, "EXACT_SEARCH_CHUNKS", 0)
    monkeypatch.setattr(store_module, "MAX_UNFILTERED_RESULTS", 3)  # too shallow to hold 6 chunks of one province
    where = {"province": "Huế"}
    seen = _chroma_wheres(library)
    try:
        got = library.dense_search(TOPICS[2], 6, where)
    finally:
        del library._chunks.query
    assert seen == [normalize_where(where)]
    assert _ids(got) == [cid for cid, _ in _reference(library, TOPICS[2], 6, where)]


def test_selector_decides_as_the_filter_evaluator_does(library):
    """Each document is selected exactly when its record (its document-level fields) passes the filter."""
    registry = library.documents()
    selector = DocSelector(dict(registry))
    for where in WHERES + [{"year": True}, {"year": 1}, {"final": 1}]:
        normal = normalize_where(where)
        selection = selector.select(normal)
        assert selection is not None, where
        predicate = compile_where(normal)
        expected = {d for d, doc in registry.items() if predicate({**doc.metadata, "doc_id": d})}
        assert selection.doc_ids == expected, where
        assert selection.chunks == sum(registry[d].n_chunks for d in expected)
