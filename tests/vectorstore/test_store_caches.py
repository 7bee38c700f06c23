"""What a question costs the store: the registry is read whole only when it changed (a version record says so),
a repeated query is embedded once, and the lexical index is built at ingest, not on the first question."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

import vectorstore.store as store_module
from vectorstore import PlanStore
from vectorstore.chroma import persistent_client


class CountingEmbeddings:
    """Wraps the real embeddings and counts query embeddings."""

    def __init__(self, inner):
        self.inner = inner
        self.queries = 0
        self.model_id = getattr(inner, "model_id", "e5")

    def embed_documents(self, texts):
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        self.queries += 1
        return self.inner.embed_query(text)


def _chunks(text: str, n: int = 2) -> list[Document]:
    return [Document(page_content=f"{text} — đoạn {i}", metadata={"title": text, "province": "Trà Giang"})
            for i in range(n)]


def _full_reads(store: PlanStore) -> list[int]:
    """Count full reads of the registry collection (a get without ids)."""
    calls = [0]
    col = store._registry_col
    original = col.get

    def counting_get(*args, **kwargs):
        if not kwargs.get("ids"):
            calls[0] += 1
        return original(*args, **kwargs)

    col.get = counting_get  # type: ignore[method-assign]
    return calls


def test_registry_is_read_whole_only_after_a_change(tmp_path, embeddings):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
    calls = _full_reads(store)
    for _ in range(5):
        assert set(store.documents()) == {"a"}
    assert calls[0] <= 1
    store.put_document("b", "h2", {"title": "B"}, _chunks("Kế hoạch B"))
    assert set(store.documents()) == {"a", "b"} and calls[0] <= 2
    store.delete_document("a")
    assert set(store.documents()) == {"b"}


def test_another_writer_is_seen_at_once(tmp_path, embeddings):
    path = tmp_path / "chroma"
    reader = PlanStore(persistent_client(path), embeddings, lexical_dir=tmp_path / "lex1")
    writer = PlanStore(persistent_client(path), embeddings, lexical_dir=tmp_path / "lex2")
    writer.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
    assert set(reader.documents()) == {"a"}
    writer.put_document("a", "h2", {"title": "A"}, _chunks("Kế hoạch A sửa đổi", 3))
    assert reader.documents()["a"].content_hash == "h2" and reader.count() == 3
    hits = reader.lexical_search("sửa đổi", k=5)
    assert hits and all("sửa đổi" in d.page_content for d, _ in hits)


def test_a_repeated_query_is_embedded_once(tmp_path, embeddings):
    counting = CountingEmbeddings(embeddings)
    store = PlanStore(persistent_client(tmp_path / "chroma"), counting, lexical_dir=tmp_path / "lex")
    store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch năng suất"))
    first = store.dense_search("mục tiêu năng suất", k=2)
    second = store.dense_search("mục tiêu năng suất", k=2)
    assert counting.queries == 1 and [d.metadata["chunk_id"] for d, _ in first] == [
        d.metadata["chunk_id"] for d, _ in second]
    store.dense_search("một câu hỏi khác", k=2)
    assert counting.queries == 2


def test_lexical_index_is_built_at_ingest(tmp_path, embeddings):
    from assistant.service import Assistant
    from common.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    plan = tmp_path / "ke_hoach.txt"
    plan.write_text("KẾ HOẠCH tỉnh Trà Giang\nI. MỤC TIÊU\n- Năng suất lao động tăng 6%/năm.\n", encoding="utf-8")
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    assert assistant.library.ingest([str(plan)]).ok
    saved = [p for p in settings.lexical_path.rglob("*") if p.is_dir()]
    assert saved, "no lexical index on disk after the ingest"
    # a new serving process loads it from disk instead of reading every chunk from Chroma
    fresh = PlanStore.from_settings(settings, embeddings)
    fresh._build_lexical = lambda registry: (_ for _ in ()).throw(AssertionError("rebuilt"))  # type: ignore[method-assign]
    assert fresh.lexical_search("năng suất", k=3)


def test_put_documents_writes_several_documents_atomically_each(tmp_path, embeddings):
    from common.errors import StoreError
    from vectorstore import DocumentVersion

    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A cũ", 3))
    given = embeddings.embed_documents(store.embedding_texts(_chunks("Kế hoạch B")))
    written = store.put_documents([
        DocumentVersion("a", "h2", {"title": "A"}, _chunks("Kế hoạch A mới", 2)),
        DocumentVersion("b", "h3", {"title": "B"}, _chunks("Kế hoạch B"), given),
    ])
    assert written == 4
    docs = store.documents()
    assert docs["a"].content_hash == "h2" and docs["a"].n_chunks == 2 and docs["b"].n_chunks == 2
    texts = [d.page_content for d, _ in store.lexical_search("Kế hoạch", k=10)]
    assert not any("cũ" in t for t in texts) and len(texts) == 4  # the old version's chunks are gone
    hits = store.dense_search("Kế hoạch B", k=1)
    assert hits[0][0].metadata["doc_id"] == "b"  # the given vectors are the ones searched
    try:
        store.put_documents([DocumentVersion("c", "h4", {}, _chunks("C"), given[:1])])
    except StoreError as e:
        assert "1 vectors given for the 2 chunks" in str(e)
    else:
        raise AssertionError("a wrong number of vectors was accepted")
    try:
        store.put_documents([DocumentVersion("d", "h5", {}, _chunks("D")), DocumentVersion("d", "h6", {}, _chunks("D"))])
    except StoreError as e:
        assert "same doc_id twice" in str(e)
    else:
        raise AssertionError("the same document twice was accepted")
    assert set(store.documents()) == {"a", "b"}  # nothing of the refused calls is registered


def test_a_batch_with_one_bad_document_fails_that_document_alone(tmp_path, embeddings, monkeypatch):
    from assistant.service import Assistant
    from common.errors import StoreError
    from common.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", ingest_batch_docs=8)
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"KẾ HOẠCH {name}\nI. MỤC TIÊU\n- Năng suất tăng 6%/năm.\n", encoding="utf-8")
    store = assistant.store
    original = store.put_document

    def put_documents(items):
        raise StoreError("batch write refused")

    def put_document(doc_id, content_hash, metadata, chunks, vectors=None):
        if str(metadata.get("source", "")).endswith("b.txt"):
            raise StoreError("disk full while writing b")
        return original(doc_id, content_hash, metadata, chunks, vectors)

    monkeypatch.setattr(store, "put_documents", put_documents)
    monkeypatch.setattr(store, "put_document", put_document)
    report = assistant.library.ingest([str(folder)])
    assert sorted(p.rsplit("/", 1)[-1] for p in report.added) == ["a.txt", "c.txt"]
    assert [f.source.rsplit("/", 1)[-1] for f in report.failed] == ["b.txt"]
    assert "disk full while writing b" in report.failed[0].reason
    assert len(store.documents()) == 2


def test_writing_does_not_read_the_whole_registry(tmp_path, embeddings):
    from vectorstore import DocumentVersion

    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    store.put_documents([DocumentVersion("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))])
    calls = _full_reads(store)
    store.put_documents([DocumentVersion("a", "h2", {"title": "A"}, _chunks("Kế hoạch A sửa đổi")),
                         DocumentVersion("b", "h1", {"title": "B"}, _chunks("Kế hoạch B"))])
    assert calls[0] == 0  # which of the batch were registered is read by id
    assert {d: s.content_hash for d, s in store.documents().items()} == {"a": "h2", "b": "h1"}
    assert store._chunks.count() == 4  # the replaced version's chunks were dropped


def test_a_registry_beyond_sqlites_variable_limit_is_read(tmp_path, embeddings):
    """More documents than SQLite's 32,766 variables of one statement: the registry is read page by page."""
    from vectorstore.chroma import batched
    from vectorstore.registry import REGISTRY_VECTOR
    from vectorstore.store import VERSION_ID

    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    ids = [f"doc{i:05d}" for i in range(33_000)]
    for batch in batched(ids, 5000):
        store._registry_col.upsert(ids=list(batch), embeddings=[REGISTRY_VECTOR] * len(batch),
                                   metadatas=[{"content_hash": "h", "n_chunks": 1, "source": f"{i}.txt"}
                                              for i in batch])
    store._registry_col.upsert(ids=[VERSION_ID], embeddings=[REGISTRY_VECTOR], metadatas=[{"version": "v1"}])
    docs = store.documents()
    assert len(docs) == 33_000 and docs["doc32999"].n_chunks == 1


def test_the_catalog_is_computed_once_per_registry_version(tmp_path, embeddings):
    store = PlanStore(persistent_client(tmp_path / "chroma"), embeddings, lexical_dir=tmp_path / "lex")
    store.put_document("a", "h1", {"title": "A", "province": "Nam Định", "doc_number": "285/KH-UBND"},
                       _chunks("Kế hoạch A"))
    first = store.catalog()
    assert store.catalog() is first  # the same object while the registry is unchanged
    assert first.provinces == {"Nam Định"} and first.by_number == {"285/KH-UBND": ("a",)}
    store.put_document("b", "h1", {"title": "B", "province": "Bắc Ninh", "doc_number": "285/kh-ubnd"},
                       _chunks("Kế hoạch B"))
    second = store.catalog()
    assert second is not first and second.provinces == {"Nam Định", "Bắc Ninh"}
    assert sorted(second.by_number["285/KH-UBND"]) == ["a", "b"]
    documents = store.documents()
    with pytest.raises(TypeError):
        documents["c"] = documents["a"]  # type: ignore[index]  # a read-only view, not a copy to change


def _whole_reads(store: PlanStore) -> list[int]:
    """Count reads of the whole registry (a get with neither ids nor a filter)."""
    calls = [0]
    col = store._registry_col
    original = col.get

    def counting_get(*args, **kwargs):
        if not kwargs.get("ids") and not kwargs.get("where"):
            calls[0] += 1
        return original(*args, **kwargs)

    col.get = counting_get  # type: ignore[method-assign]
    return calls


def _writer_and_reader(tmp_path, embeddings):
    """Two stores over one Chroma (as two processes): a writer that registered d0-d2, a reader that has read them."""
    client = persistent_client(tmp_path / "chroma")
    writer = PlanStore(client, embeddings, lexical_dir=tmp_path / "lex-w")
    reader = PlanStore(client, embeddings, lexical_dir=tmp_path / "lex-r")
    for i in range(3):
        writer.put_document(f"d{i}", f"h{i}", {"title": f"D{i}"}, _chunks(f"Kế hoạch {i}"))
    assert set(reader.documents()) == {"d0", "d1", "d2"}
    return client, writer, reader


def _versions(store: PlanStore) -> dict[str, tuple[str, int]]:
    return {d: (doc.content_hash, doc.n_chunks) for d, doc in store.documents().items()}


def test_a_reader_catches_up_with_added_and_replaced_documents_without_reading_the_registry_whole(
        tmp_path, embeddings, monkeypatch):
    client, writer, reader = _writer_and_reader(tmp_path, embeddings)
    whole = _whole_reads(reader)

    writer.put_document("d3", "h3", {"title": "D3"}, _chunks("Kế hoạch 3"))
    writer.put_document("d1", "h1-new", {"title": "D1 mới"}, _chunks("Kế hoạch 1 sửa đổi", n=3))
    # A writer whose clock is a minute behind (another machine): still caught up.
    real_time = store_module.time.time
    monkeypatch.setattr(store_module.time, "time", lambda: real_time() - 60)
    writer.put_document("d4", "h4", {"title": "D4"}, _chunks("Kế hoạch 4"))
    monkeypatch.undo()

    fresh = PlanStore(client, embeddings, lexical_dir=tmp_path / "lex-f")
    assert _versions(reader) == _versions(fresh)
    assert _versions(reader)["d1"] == ("h1-new", 3) and "d4" in reader.documents()
    assert reader.fingerprint() == fresh.fingerprint()
    assert whole[0] == 0
    assert [d.metadata["chunk_id"] for d, _ in reader.lexical_search("sửa đổi", 3)] == \
        [d.metadata["chunk_id"] for d, _ in fresh.lexical_search("sửa đổi", 3)]


def test_after_a_deletion_a_reader_reads_the_registry_whole(tmp_path, embeddings):
    _, writer, reader = _writer_and_reader(tmp_path, embeddings)
    whole = _whole_reads(reader)
    writer.delete_document("d1")
    assert set(reader.documents()) == {"d0", "d2"}
    assert whole[0] == 1
