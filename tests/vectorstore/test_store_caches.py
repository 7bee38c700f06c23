"""What a question costs the store: the registry is read whole only when it changed (a version record says so),
a repeated query is embedded once, and the lexical index is built at ingest, not on the first question."""

from __future__ import annotations

from langchain_core.documents import Document

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
