"""Readers never fail because a writer is busy: a search reads one registry snapshot (no retry loop that can run
out), a question's dense and lexical searches share one (:meth:`PlanStore.read_view`), and a lexical rebuild runs
in a background thread while questions keep searching the previous index."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from langchain_core.documents import Document

from vectorstore import PlanStore
from vectorstore.chroma import persistent_client


def _chunks(text: str, n: int = 2) -> list[Document]:
    return [Document(page_content=f"{text} — đoạn {i}", metadata={"title": "Kế hoạch", "province": "Trà Giang"})
            for i in range(n)]


class ChurningStore(PlanStore):
    """Another writer replaces document ``a`` right after every registry read of this reader (the registry never
    holds still between a reader's steps)."""

    churn = False
    flips = 0

    def _snapshot(self):  # type: ignore[override]
        snapshot = super()._snapshot()
        if self.churn:
            self.churn = False
            try:
                self.flips += 1
                self.put_document("a", f"h{self.flips}", {"title": "A"}, _chunks(f"Năng suất lao động bản {self.flips}"))
            finally:
                self.churn = True
        return snapshot


def test_a_dense_search_under_a_constantly_changing_registry_answers(tmp_path: Path, e5) -> None:
    store = ChurningStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex")
    store.put_document("a", "h0", {"title": "A"}, _chunks("Năng suất lao động bản 0"))
    store.put_document("b", "h0", {"title": "B"}, _chunks("Chuyển đổi số doanh nghiệp"))
    store.churn = True
    hits = store.dense_search("năng suất lao động", k=4)  # before: StoreError after 8 attempts
    store.churn = False
    assert hits
    for doc, _ in hits:  # whatever it returns is of one registered version per document
        assert doc.metadata["doc_id"] in {"a", "b"}
    assert len({d.metadata["content_hash"] for d, _ in hits if d.metadata["doc_id"] == "a"}) <= 1


def test_a_read_view_keeps_its_snapshot_while_a_document_is_replaced(tmp_path: Path, e5) -> None:
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex")
    store.put_document("a", "old", {"title": "A"}, _chunks("Tăng năng suất 12,5%/năm"))
    store.put_document("b", "h", {"title": "B"}, _chunks("Sở Công Thương chủ trì"))
    view = store.read_view()
    assert view.lexical_search("nang suat", k=5)
    store.put_document("a", "new", {"title": "A"}, _chunks("Tăng năng suất 13,5%/năm"))
    for hits in (view.dense_search("tăng năng suất", k=10), view.lexical_search("tang nang suat", k=10)):
        assert {d.metadata["content_hash"] for d, _ in hits if d.metadata["doc_id"] == "a"} <= {"old"}
        assert not any("13,5" in d.page_content for d, _ in hits)
    fresh = store.read_view()
    for hits in (fresh.dense_search("tăng năng suất", k=10), fresh.lexical_search("tang nang suat", k=10)):
        assert {d.metadata["content_hash"] for d, _ in hits if d.metadata["doc_id"] == "a"} == {"new"}
    assert view.version != fresh.version and set(view.documents()) == {"a", "b"}


def test_a_lexical_rebuild_runs_beside_the_questions(tmp_path: Path, e5) -> None:
    """A slow rebuild (another process changed the registry): questions meanwhile answer from the previous index
    at once (never waiting on the build's lock), without the changed document in another version; the new index
    serves when ready."""
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex", lexical_wait_s=0.2)
    store.put_document("a", "old", {"title": "A"}, _chunks("Tăng năng suất 12,5%/năm"))
    store.put_document("b", "h", {"title": "B"}, _chunks("Sở Công Thương chủ trì nâng cao năng suất"))
    assert store.lexical_search("nang suat", k=5)  # the first index: built and served
    writer = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex-w")
    writer.put_document("a", "new", {"title": "A"}, _chunks("Tăng năng suất 13,5%/năm"))

    slow = threading.Event()
    assemble = store._assemble_lexical

    def slow_assemble(registry, previous):  # noqa: ANN001, ANN202
        slow.set()
        time.sleep(3.0)
        return assemble(registry, previous)

    store._assemble_lexical = slow_assemble  # type: ignore[method-assign]
    times, results, errors = [], [], []

    def ask() -> None:
        try:
            started = time.monotonic()
            hits = store.lexical_search("tang nang suat", k=10)
            times.append(time.monotonic() - started)
            results.append(hits)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert slow.is_set()
    assert max(times) < 1.5, times  # before: each question waited for the 3 s rebuild (holding its lock)
    for hits in results:
        assert hits and all(d.metadata["doc_id"] == "b" or d.metadata["content_hash"] == "new" for d, _ in hits)
        assert not any("12,5" in d.page_content for d, _ in hits)
    index = store.lexical_index()  # waits for the rebuild
    assert index.fingerprint == store.fingerprint()
    assert any("13,5" in d.page_content for d, _ in store.lexical_search("tang nang suat", k=10))
