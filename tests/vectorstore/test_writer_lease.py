"""The writer lease (vectorstore/writer_lease.py): one writer at a time per collection, across processes; garbage
collection never removes a live writer's uncommitted chunks; a second writer waits with a progress line or fails
with a clear error; on a Chroma server a dead writer's lease is taken over (at once if its process is gone from this
machine, else after its expiry) and a writer that lost its lease commits nothing."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from langchain_core.documents import Document

from common.errors import WriterBusyError
from vectorstore import PlanStore
from vectorstore.chroma import http_client, persistent_client
from vectorstore.store import REGISTRY_SUFFIX
from vectorstore.writer_lease import LEASE_PREFIX, ChromaLease, FileLease


def _chunks(text: str, n: int = 3) -> list[Document]:
    return [Document(page_content=f"{text} — mục {i}", metadata={"title": text, "province": "Trà Giang"})
            for i in range(n)]


def _hold_in_another_process(lock: Path, seconds: float) -> subprocess.Popen:
    """A real second process holding the flock of ``lock`` for ``seconds`` (prints 'held' once it has it)."""
    code = textwrap.dedent(f"""
        import fcntl, os, sys, time
        fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.pwrite(fd, b"otherbox 4242\\n", 0)
        print("held", flush=True)
        time.sleep({seconds})
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_embedded_store_uses_a_lock_file_in_its_directory(tmp_path: Path, e5) -> None:
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex")
    assert isinstance(store.lease, FileLease)
    assert store.lease.path == tmp_path / "chroma" / "writer-plans.lock"


def test_a_second_process_waits_for_the_lease_then_writes(tmp_path: Path, e5, caplog) -> None:
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex", writer_wait_s=30)
    holder = _hold_in_another_process(tmp_path / "chroma" / "writer-plans.lock", 1.5)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="vectorstore"):
        store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
    waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert waited >= 1.0, waited  # it did wait for the other process
    assert set(store.documents()) == {"a"}
    said = [r.getMessage() for r in caplog.records if "waiting for the writer lease" in r.getMessage()]
    assert said and "pid 4242 on otherbox" in said[0], said


def test_a_writer_gives_up_after_the_wait_with_a_clear_error(tmp_path: Path, e5) -> None:
    store = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex", writer_wait_s=0.5)
    holder = _hold_in_another_process(tmp_path / "chroma" / "writer-plans.lock", 5)
    try:
        with pytest.raises(WriterBusyError, match=r"being written by pid 4242 on otherbox.*WRITER_WAIT_S=0.5"):
            store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
        with pytest.raises(WriterBusyError):
            store.collect_garbage()
        assert "tiến trình khác" in WriterBusyError("x").user_message()
    finally:
        holder.kill()
        holder.wait()
    assert store.documents() == {}


class SlowCommitStore(PlanStore):
    """Pauses between writing a batch's chunks and committing them (the window another writer's garbage collection
    used to fall into)."""

    written = threading.Event()

    def _registry_record(self, *args, **kwargs):  # type: ignore[override]
        self.written.set()
        time.sleep(1.0)
        return super()._registry_record(*args, **kwargs)


def test_garbage_collection_never_removes_a_live_writers_uncommitted_chunks(tmp_path: Path, e5) -> None:
    """Two stores on one data dir (as the app and a CLI ingest): one collects garbage while the other has written
    its chunks but not yet committed them. Before the lease, the collection deleted them and the writer then
    committed a record whose chunks were gone."""
    writer = SlowCommitStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex1")
    collector = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex2")
    thread = threading.Thread(target=writer.put_document, args=("a", "h1", {"title": "A"}, _chunks("Kế hoạch A", 4)))
    thread.start()
    assert writer.written.wait(timeout=60)
    removed = collector.collect_garbage()
    thread.join(timeout=60)
    assert removed == 0
    doc = collector.documents()["a"]
    assert len(collector.get_chunks(doc.chunk_ids)) == doc.n_chunks == 4


# -- a Chroma server --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):  # noqa: ANN001, ANN201
    from tests.robustness.conftest import chroma_server

    with chroma_server(tmp_path_factory.mktemp("lease-server")) as url:
        yield url


def _registry(url: str, name: str):  # noqa: ANN202
    from vectorstore.chroma import open_collection

    return open_collection(http_client(url), name + REGISTRY_SUFFIX, cosine=False)


@pytest.mark.server
def test_a_server_store_uses_a_lease_record(server: str, tmp_path: Path, e5) -> None:
    from common.settings import Settings

    store = PlanStore.from_settings(Settings(data_dir=tmp_path, chroma_url=server, collection="lease_a"), e5)
    assert isinstance(store.lease, ChromaLease)
    store.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
    leases = [i for i in store._registry_col.get(include=[])["ids"] if i.startswith(LEASE_PREFIX)]
    assert leases  # the record stays (released), and is never read as a document
    assert set(store.documents()) == {"a"} and store.count() == 3


@pytest.mark.server
def test_server_lease_excludes_a_second_writer_and_is_released(server: str) -> None:
    col = _registry(server, "lease_b")
    first = ChromaLease(col, "lease_b", wait_s=0.5, ttl_s=30)
    second = ChromaLease(col, "lease_b", wait_s=0.8, ttl_s=30)
    with first.hold():
        first.check()
        with pytest.raises(WriterBusyError, match="gave up waiting"):
            with second.hold():
                pass
    with second.hold():  # released: taken at once
        second.check()


@pytest.mark.server
def test_server_lease_of_a_dead_process_here_is_taken_at_once(server: str) -> None:
    col = _registry(server, "lease_c")
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    dead = ChromaLease(col, "lease_c", ttl_s=600)
    dead.identity = {**dead.identity, "pid": proc.pid}  # a process of this machine that is gone
    dead._acquire(1)
    dead._stop.set()  # it died: no more renewals
    taker = ChromaLease(col, "lease_c", wait_s=5, ttl_s=600)
    started = time.monotonic()
    with taker.hold():
        taker.check()
    assert time.monotonic() - started < 3


@pytest.mark.server
def test_server_lease_of_another_machine_is_taken_after_its_expiry_and_the_old_holder_is_fenced(server: str) -> None:
    col = _registry(server, "lease_d")
    stuck = ChromaLease(col, "lease_d", ttl_s=1.0)
    stuck.identity = {**stuck.identity, "host": "another-machine"}
    stuck._acquire(1)
    stuck._depth = 1
    stuck._stop.set()  # frozen (a paused VM, a lost network): it stops renewing
    taker = ChromaLease(col, "lease_d", wait_s=10, ttl_s=1.0)
    started = time.monotonic()
    with taker.hold():
        waited = time.monotonic() - started
        assert 0.5 <= waited < 6, waited  # expiry (1 s) plus half of it for clocks, from its last renewal
        with pytest.raises(WriterBusyError, match="lost the writer lease"):
            stuck.check()  # it must not commit anything now


def test_a_writer_that_died_between_commit_and_version_change_loses_nothing(tmp_path: Path, e5) -> None:
    """A long-lived process (the app) knows the registry at h1; another writer commits h2 and dies before changing
    the registry's version record. The app's garbage collection must judge by the registry as it is (its copy in
    memory, keyed by that version, says h1: before, h2's chunks were deleted and the document left without any),
    and change the version so that readers refetch."""
    app = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex1")
    app.put_document("a", "h1", {"title": "A"}, _chunks("Kế hoạch A"))
    assert app.documents()["a"].content_hash == "h1"  # cached
    dying = PlanStore(persistent_client(tmp_path / "chroma"), e5, lexical_dir=tmp_path / "lex2")

    def die(deleted: bool = False) -> None:
        raise SystemExit("killed between the commit and the version change")

    dying._bump_version = die  # type: ignore[method-assign]
    with pytest.raises(SystemExit):
        dying.put_document("a", "h2", {"title": "A"}, _chunks("Kế hoạch A sửa đổi", 4))
    assert app.collect_garbage() == 3  # h1's chunks: the old version, never dropped by the dead writer
    doc = app.documents()["a"]
    assert doc.content_hash == "h2" and len(app.get_chunks(doc.chunk_ids)) == 4
