"""PlanStore on an embedded Chroma: registry, atomic replacement, dense and lexical search, persistence."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from vs_cases import (
    BAC_NINH,
    BAC_NINH_SECTIONS,
    NAM_DINH,
    NAM_DINH_SECTIONS,
    check_put_search_replace,
    content_hash,
    doc_level,
    ids_of,
    make_chunks,
    put,
)

from common.errors import StoreError
from common.settings import Settings
from vectorstore import PlanStore, compile_where
from vectorstore.chroma import persistent_client


def open_store(tmp_path: Path, e5, lexical: str = "lexical") -> PlanStore:
    return PlanStore(persistent_client(tmp_path / "chroma"), e5, collection="plans", lexical_dir=tmp_path / lexical)


@pytest.fixture
def store(tmp_path: Path, e5) -> PlanStore:
    return open_store(tmp_path, e5)


@pytest.fixture
def filled(store: PlanStore) -> PlanStore:
    put(store, NAM_DINH, NAM_DINH_SECTIONS)
    put(store, BAC_NINH, BAC_NINH_SECTIONS)
    return store


def raw_count(store: PlanStore) -> int:
    """Chunks physically in Chroma, current or not."""
    return store._chunks.count()


def test_put_search_replace(store: PlanStore) -> None:
    check_put_search_replace(store)
    assert raw_count(store) == store.count() == 6


def test_from_settings_uses_embedded_chroma(tmp_path: Path, e5) -> None:
    settings = Settings(data_dir=tmp_path, collection="plans_cfg")
    store = PlanStore.from_settings(settings, e5)
    put(store, NAM_DINH, NAM_DINH_SECTIONS)
    assert (tmp_path / "chroma").is_dir()
    assert store.lexical_search("so khoa hoc va cong nghe", k=1)
    assert list((tmp_path / "lexical" / "plans_cfg").iterdir())  # the index was persisted


def test_dense_hit_carries_metadata_and_cosine(filled: PlanStore) -> None:
    doc, score = filled.dense_search("Mục tiêu tăng năng suất lao động của Nam Định giai đoạn 2023-2025", k=1)[0]
    assert doc.metadata["chunk_id"].startswith("nd285-")
    for key in ("doc_id", "source", "title", "doc_type", "doc_number", "issuer", "province", "level", "issued_date",
                "period", "signer", "signer_title", "section_path", "section_kind", "page", "chunk_index",
                "char_start", "char_end", "media_type", "content_hash"):
        assert key in doc.metadata, key
    assert -1.0 <= score <= 1.0


@pytest.mark.parametrize(
    "where",
    [
        {"province": "Nam Định"},
        {"province": {"$ne": "Nam Định"}},
        {"doc_id": {"$in": ["bn112"]}},
        {"doc_id": {"$nin": ["bn112"]}},
        {"page": {"$gte": 3}},
        {"$and": [{"province": "Nam Định"}, {"page": {"$lt": 3}}]},
        {"$or": [{"doc_number": "112/KH-UBND"}, {"chunk_index": 3}]},
        {"province": "Nam Định", "section_kind": "body"},  # several fields: an implicit $and
        {"province": "Hà Nội"},
    ],
)
def test_where_filters_agree_between_dense_lexical_and_chroma(filled: PlanStore, where: dict) -> None:
    expected = {cid for cid, meta in zip(*_all_chunks(filled)) if compile_where(where)(meta)}
    # "năng suất" is in every chunk's title, so the lexical search can return every chunk too.
    dense = set(ids_of(filled.dense_search("năng suất", k=50, where=where)))
    lexical = set(ids_of(filled.lexical_search("năng suất", k=50, where=where)))
    assert dense == lexical == expected


def _all_chunks(store: PlanStore) -> tuple[list[str], list[dict]]:
    got = store._chunks.get(include=["metadatas"])
    return got["ids"], got["metadatas"]


def test_invalid_where_is_a_store_error(filled: PlanStore) -> None:
    for search in (filled.dense_search, filled.lexical_search):
        with pytest.raises(StoreError, match=r"\$regex"):
            search("năng suất", k=3, where={"province": {"$regex": "Nam"}})


def test_lexical_finds_unaccented_and_exact_strings(filled: PlanStore) -> None:
    h = filled.documents()["nd285"].content_hash[:12]
    assert ids_of(filled.lexical_search("co quan nao chu tri", k=1)) == [f"nd285-{h}-0003"]
    assert ids_of(filled.lexical_search("CƠ QUAN NÀO CHỦ TRÌ", k=1)) == [f"nd285-{h}-0003"]
    assert ids_of(filled.lexical_search("12,5%", k=1)) == [f"nd285-{h}-0001"]
    assert {d.metadata["doc_id"] for d, _ in filled.lexical_search("285/KH-UBND", k=4)} == {"nd285"}
    assert filled.lexical_search("xyzzy", k=5) == []


def test_replacement_leaves_only_the_new_version(filled: PlanStore) -> None:
    old = filled.documents()["nd285"].content_hash
    sections = NAM_DINH_SECTIONS[:2] + [("IV. TỔ CHỨC THỰC HIỆN", "Sở Nội vụ chủ trì việc đánh giá năng suất hằng năm.")]
    new = put(filled, NAM_DINH, sections)
    assert filled.documents()["nd285"].content_hash == new != old
    assert filled.count() == raw_count(filled) == 3 + 3
    assert all(new == d.metadata["content_hash"] for d, _ in filled.dense_search("năng suất", k=50, where={"doc_id": "nd285"}))
    assert ids_of(filled.lexical_search("so noi vu", k=1)) == [f"nd285-{new[:12]}-0002"]
    for q in ("Sở Khoa học và Công nghệ là cơ quan chủ trì, đầu mối", "12,5%", "năng suất"):
        assert old not in {d.metadata["content_hash"] for d, _ in filled.lexical_search(q, k=50)}
        assert old not in {d.metadata["content_hash"] for d, _ in filled.dense_search(q, k=50)}
    assert not any("đầu mối" in d.page_content for d, _ in filled.lexical_search("dau moi", k=50))


def test_putting_the_same_version_with_fewer_chunks_rewrites_it(filled: PlanStore) -> None:
    h = filled.documents()["nd285"].content_hash
    filled.put_document("nd285", h, doc_level(NAM_DINH), make_chunks(NAM_DINH, NAM_DINH_SECTIONS[:2], h))
    assert filled.documents()["nd285"].n_chunks == 2
    assert filled.count() == raw_count(filled) == 2 + 3
    for search in (filled.lexical_search, filled.dense_search):
        hits = search("năng suất", k=50, where={"doc_id": "nd285"})
        assert sorted(d.metadata["chunk_index"] for d, _ in hits) == [0, 1]


def test_bad_input_is_refused_with_the_value(store: PlanStore) -> None:
    chunks = make_chunks(NAM_DINH, NAM_DINH_SECTIONS, "h1")
    with pytest.raises(StoreError, match="no chunks"):
        store.put_document("nd285", "h1", {}, [])
    with pytest.raises(StoreError, match="content_hash='h1', expected 'h2'"):
        store.put_document("nd285", "h2", {}, chunks)  # chunks carry content_hash h1
    chunks[1].metadata["chunk_index"] = 7
    with pytest.raises(StoreError, match="chunk_index=7"):
        store.put_document("nd285", "h1", {}, chunks)
    chunks[1].metadata["chunk_index"] = 1
    chunks[0].metadata["tags"] = ["a", "b"]
    with pytest.raises(StoreError, match="tags"):
        store.put_document("nd285", "h1", {}, chunks)
    assert store.count() == 0 and store.documents() == {}


def test_readers_never_see_two_versions_or_none(store: PlanStore) -> None:
    put(store, NAM_DINH, NAM_DINH_SECTIONS)
    doc = {**BAC_NINH, "doc_id": "thu"}
    put(store, doc, BAC_NINH_SECTIONS)
    problems: list[str] = []
    reads = 0
    stop = threading.Event()

    def reader() -> None:
        nonlocal reads
        try:
            while not stop.is_set():
                for kind, hits in (
                    ("dense", store.dense_search("năng suất Bắc Ninh", k=20, where={"doc_id": "thu"})),
                    ("lexical", store.lexical_search("nang suat bac ninh", k=20, where={"doc_id": "thu"})),
                ):
                    versions = {d.metadata["content_hash"] for d, _ in hits}
                    n = {d.metadata["chunk_index"] for d, _ in hits}
                    if len(versions) != 1 or n != set(range(len(hits))):
                        problems.append(f"{kind}: versions={versions} chunk_indexes={sorted(n)}")
                    reads += 1
        except Exception as e:  # surface it in the main thread
            problems.append(f"reader failed: {e!r}")

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        for version in range(10):
            sections = [(p, f"{t} Phiên bản {version}.") for p, t in BAC_NINH_SECTIONS][: 2 + version % 2]
            put(store, doc, sections)
            time.sleep(0.02)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    assert problems == []
    assert reads >= 6
    assert raw_count(store) == store.count() == 4 + 3


class InterleavingStore(PlanStore):
    """Runs ``hook`` once, right after the next registry read: a writer slipping in between a reader's steps."""

    hook = None

    def _snapshot(self):  # the registry read every reader starts from
        registry = super()._snapshot()
        hook, self.hook = self.hook, None
        if hook:
            hook()
        return registry


@pytest.mark.parametrize("kind", ["dense", "lexical"])
def test_a_replacement_between_a_readers_steps_is_retried(tmp_path: Path, e5, kind: str) -> None:
    store = InterleavingStore(persistent_client(tmp_path / "chroma"), e5, collection="plans",
                              lexical_dir=tmp_path / "lexical")
    old = put(store, BAC_NINH, BAC_NINH_SECTIONS)
    new_sections = [("I. MỤC TIÊU", "Tăng năng suất lao động 9,5%/năm."), ("II. NHIỆM VỤ", "Áp dụng 5S.")]
    store.hook = lambda: put(store, BAC_NINH, new_sections)  # replaced and old chunks deleted mid-read
    search = store.dense_search if kind == "dense" else store.lexical_search
    hits = search("năng suất Bắc Ninh", k=10, where={"doc_id": "bn112"})
    assert store.hook is None  # the replacement did happen during the search
    assert len(hits) == 2 and {d.metadata["content_hash"] for d, _ in hits} == {store.documents()["bn112"].content_hash}
    assert old != store.documents()["bn112"].content_hash


def test_a_crash_before_the_commit_is_invisible_and_collected(filled: PlanStore, tmp_path: Path, e5) -> None:
    before = {q: ids_of(filled.lexical_search(q, k=5)) for q in ("co quan nao chu tri", "nang suat")}
    fp = filled.fingerprint()
    crashed = make_chunks(NAM_DINH, [("X", "Sở Tài chính chủ trì kế hoạch mới.")] * 3, "crashed0000000")
    filled._add_version("nd285", "crashed0000000", crashed)  # step 1 of put_document, then "crash"
    orphan = make_chunks({**BAC_NINH, "doc_id": "ghost"}, [("X", "Sở Tài chính chủ trì.")], "ghost000000000")
    filled._add_version("ghost", "ghost000000000", orphan)  # a document that was never registered
    assert raw_count(filled) == 7 + 3 + 1
    assert filled.count() == 7 and filled.fingerprint() == fp
    assert all(d.metadata["doc_id"] != "ghost" and d.metadata["content_hash"] != "crashed0000000"
               for d, _ in filled.dense_search("Sở Tài chính chủ trì", k=20))
    # A fresh index built from Chroma (another lexical dir) ignores the leftovers as well.
    fresh = open_store(tmp_path, e5, lexical="lexical-fresh")
    for q, ids in before.items():
        assert ids_of(fresh.lexical_search(q, k=5)) == ids
    for index in (fresh, filled):
        hits = index.lexical_search("so tai chinh", k=50)
        assert hits and not {"crashed0000000", "ghost000000000"} & {d.metadata["content_hash"] for d, _ in hits}

    assert filled.collect_garbage() == 4
    assert raw_count(filled) == filled.count() == 7
    assert filled.collect_garbage() == 0


def test_reopened_store_loads_the_persisted_lexical_index(filled: PlanStore, tmp_path: Path, e5, caplog) -> None:
    queries = ("co quan nao chu tri", "12,5%", "285/KH-UBND", "Sở Công Thương")
    first = {q: [(d.metadata["chunk_id"], round(s, 5)) for d, s in filled.lexical_search(q, k=5)] for q in queries}
    saved = {p.name for p in (tmp_path / "lexical" / "plans").iterdir()}
    assert saved == shard_fingerprints(filled)
    with caplog.at_level(logging.INFO, logger="vectorstore"):
        again = open_store(tmp_path, e5)
        second = {q: [(d.metadata["chunk_id"], round(s, 5)) for d, s in again.lexical_search(q, k=5)] for q in queries}
    assert second == first
    assert any("loaded lexical shard" in r.getMessage() for r in caplog.records)
    assert not any("built lexical shard" in r.getMessage() for r in caplog.records)
    assert ids_of(again.dense_search("Sở Công Thương phối hợp", k=1)) == ids_of(filled.dense_search("Sở Công Thương phối hợp", k=1))


def test_another_writer_is_seen_and_old_index_files_are_removed(filled: PlanStore, tmp_path: Path, e5) -> None:
    old = filled.documents()["bn112"].content_hash
    assert filled.lexical_search("so cong thuong", k=1)
    other = open_store(tmp_path, e5)  # e.g. an ingestion run in another process
    put(other, BAC_NINH, [("I. MỤC TIÊU", "Sở Y tế theo dõi năng suất ngành y tế.")])
    hits = filled.lexical_search("so cong thuong", k=50, where={"doc_id": "bn112"})
    assert [d.page_content for d, _ in hits] == ["Sở Y tế theo dõi năng suất ngành y tế."]
    assert old not in {d.metadata["content_hash"] for d, _ in filled.lexical_search("so cong thuong", k=50)}
    assert ids_of(filled.lexical_search("so y te", k=1))[0].startswith("bn112-")
    assert {p.name for p in (tmp_path / "lexical" / "plans").iterdir()} == shard_fingerprints(filled)


def shard_fingerprints(store: PlanStore) -> set[str]:
    return {shard.fingerprint for shard in store.lexical_index().shards}


def test_a_change_rebuilds_only_the_shard_of_the_changed_document(tmp_path: Path, e5, caplog) -> None:
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, collection="plans",
                      lexical_dir=tmp_path / "lexical", lexical_shard_chunks=2)
    for i in range(8):
        put(store, {**NAM_DINH, "doc_id": f"nd{i}"}, [("I. MỤC TIÊU", f"Sở Công Thương chủ trì nhiệm vụ số {i}.")])
    put(store, BAC_NINH, [("I. MỤC TIÊU", "Sở Nội vụ theo dõi."), ("II. NHIỆM VỤ", "Sở Tài chính bảo đảm.")])
    before = store.lexical_index()  # 10 chunks, at least 2 a shard: 4 shards
    assert len(before.shards) == 4 and sum(1 for s in before.shards if len(s)) >= 2
    with caplog.at_level(logging.INFO, logger="vectorstore"):
        put(store, BAC_NINH, [("I. MỤC TIÊU", "Sở Y tế theo dõi năng suất ngành y tế."), ("II", "Sở Nội vụ.")])
        after = store.lexical_index()
    built = [r for r in caplog.records if "built lexical shard" in r.getMessage()]
    assert len(built) == 1
    assert sum(a is not b for a, b in zip(after.shards, before.shards)) == 1  # the others are reused as they were
    one_shard = PlanStore(persistent_client(tmp_path / "chroma"), e5, collection="plans",
                          lexical_dir=tmp_path / "lexical-one")
    for q in ("so cong thuong chu tri", "nhiệm vụ số 3", "Sở Y tế", "năng suất"):  # alike (shards this small differ in length)
        assert set(ids_of(store.lexical_search(q, k=20))) == set(ids_of(one_shard.lexical_search(q, k=20)))
    assert ids_of(store.lexical_search("nhiệm vụ số 3", k=1))[0].startswith("nd3-")
    assert ids_of(store.lexical_search("Sở Y tế", k=1))[0].startswith("bn112-")


def test_delete_document(filled: PlanStore) -> None:
    assert filled.delete_document("bn112") is True
    assert set(filled.documents()) == {"nd285"}
    assert filled.count() == raw_count(filled) == 4
    assert all(d.metadata["doc_id"] == "nd285" for d, _ in filled.lexical_search("Sở Công Thương", k=10))
    assert all(d.metadata["doc_id"] == "nd285" for d, _ in filled.dense_search("Sở Công Thương phối hợp", k=10))
    assert filled.delete_document("bn112") is False


def test_empty_store(store: PlanStore) -> None:
    assert store.count() == 0
    assert store.dense_search("năng suất", k=5) == []
    assert store.lexical_search("năng suất", k=5) == []
    assert store.get_chunks(["nope"]) == []
    assert store.collect_garbage() == 0


def test_a_different_embedding_model_is_refused(filled: PlanStore, tmp_path: Path) -> None:
    from vectorstore import SentenceTransformerEmbeddings, packaged_minilm_path

    with pytest.raises(StoreError, match="multilingual-e5-small"):
        PlanStore(persistent_client(tmp_path / "chroma"), SentenceTransformerEmbeddings(packaged_minilm_path()),
                  collection="plans", lexical_dir=tmp_path / "lexical")


def test_content_hash_helper_is_stable() -> None:
    assert content_hash("a") == content_hash("a") != content_hash("b")
