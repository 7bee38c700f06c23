"""`plan-assistant ingest` SIGKILLed at several moments (start-up, embedding, Chroma writes, between documents), then
run again to completion: the store is consistent (every registered document whole, no row in Chroma that is not
live, no duplicate ids, the lexical index and Chroma agree). And a replace killed midway leaves the document fully
old or fully new, and fully new after a re-run."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SAMPLES
from tests.robustness.conftest import CORPUS, check_consistency, open_store, close_store, raw_chunks, run_and_kill, \
    run_cli

DOCS = ["000_90dd7864220ee2ce.txt", "001_973f1fb2c12b9f14.txt", "002_22d1417cd32a5629.txt",
        "003_b2a90f66a4f11357.txt"]
SAMPLE_DOCS = ["tin_song_lam_cau_lac_bo_nang_suat.html", "bao_cao_so_ket_song_lam_2024.txt"]
REPLACED = "003_b2a90f66a4f11357.txt"
OLD, NEW = "12,5%/năm", "13,5%/năm"

# Kill points. Each killed run resumes where the previous ones stopped (unchanged documents are skipped), so the
# later triggers land on later documents. Documents are written one per batch (PLAN_ASSISTANT_INGEST_BATCH_DOCS=1,
# through the same batched write path; nine kill points need six batches). "embedded" is the store's debug line logged right after a
# batch's vectors are computed and before its Chroma upsert; "stored" is logged after a batch is committed.
KILLS = [
    dict(after_s=0.5),                                   # start-up (imports, opening Chroma)
    dict(after_s=2.0),                                   # start-up / model load
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1),     # first document: during the Chroma upsert
    dict(after_s=4.0),                                   # wherever it is
    dict(pattern=r"INFO vectorstore\.store: stored", nth=1),  # right after a commit: between documents
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.15),  # upsert / registry flip / old-chunk delete
    dict(pattern=r"embedded \d+/\d+ chunks", nth=2, delay_s=0.03),
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.01),  # aims between the upsert and the commit
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.06),
]


@pytest.fixture(scope="module")
def crashed(tmp_path_factory, corpus_or_skip, embeddings):  # noqa: ANN001, ANN201
    patch = pytest.MonkeyPatch()
    patch.setenv("PLAN_ASSISTANT_INGEST_BATCH_DOCS", "1")  # read by the CLI subprocesses (cli_env copies os.environ)
    try:
        yield from _crashed(tmp_path_factory, embeddings)
    finally:
        patch.undo()


def _crashed(tmp_path_factory, embeddings):  # noqa: ANN001, ANN202
    folder = tmp_path_factory.mktemp("crash_docs")
    for name in DOCS:
        shutil.copy(CORPUS / name, folder / name)
    for name in SAMPLE_DOCS:
        shutil.copy(SAMPLES / name, folder / name)
    data = tmp_path_factory.mktemp("crash_data")
    log = []
    for kill in KILLS:
        res = run_and_kill(["-v", "ingest", str(folder)], data, **kill)
        state = check_consistency(data, embeddings, strict=False) if (data / "chroma").exists() else None
        log.append((res, state))
        print(f"kill {res.trigger}: killed={res.killed} rc={res.returncode} after {res.elapsed:.1f}s; "
              f"last: {res.last_lines[-1:]!r}; state: {state}")
    final = run_cli(["ingest", str(folder)], data)
    yield {"folder": folder, "data": data, "log": log, "final": final}


def test_kills_really_happened(crashed):  # noqa: ANN001
    killed = [res for res, _ in crashed["log"] if res.killed]
    assert len(killed) >= len(KILLS) - 2, [(r.trigger, r.killed, r.returncode) for r, _ in crashed["log"]]
    assert all(r.returncode == -9 for r in killed)
    # at least one kill landed after some documents were already committed and with leftovers or work in flight
    assert any(state and state.docs > 0 for _, state in crashed["log"])


def test_final_run_completes(crashed):  # noqa: ANN001
    final = crashed["final"]
    assert final.returncode == 0, final.stderr[-3000:]
    assert "0 failed" in final.stderr and "0 replaced" in final.stderr, final.stderr[-500:]


def test_store_is_consistent_after_recovery(crashed, embeddings):  # noqa: ANN001
    state = check_consistency(crashed["data"], embeddings, strict=True)
    assert state.docs == len(DOCS) + len(SAMPLE_DOCS)
    assert state.raw == state.live


def test_every_file_is_registered_once(crashed, embeddings):  # noqa: ANN001
    store = open_store(crashed["data"], embeddings)
    try:
        sources = sorted(d.source for d in store.documents().values())
    finally:
        del store
        close_store()
    assert sources == sorted(str(crashed["folder"] / n) for n in DOCS + SAMPLE_DOCS)


def _version_of(data, embeddings, doc_source: str):  # noqa: ANN001, ANN202
    """(registered hash, "old"/"new" as seen through get_chunks, dense and lexical search), asserting no mix."""
    store = open_store(data, embeddings)
    try:
        [doc] = [d for d in store.documents().values() if d.source == doc_source]
        chunks = store.get_chunks(doc.chunk_ids)
        assert len(chunks) == doc.n_chunks
        text = " ".join(c.page_content for c in chunks)
        assert (OLD in text) != (NEW in text), "the registered version holds both numbers, or neither"
        seen = "old" if OLD in text else "new"
        where = {"doc_id": doc.doc_id}
        for hits in (store.dense_search("mục tiêu tăng năng suất lao động bình quân mỗi năm", k=10, where=where),
                     store.lexical_search("tăng năng suất lao động bình quân khoảng 12,5%/năm 13,5%/năm", k=10,
                                          where=where)):
            assert hits
            assert {h.metadata["content_hash"] for h, _ in hits} == {doc.content_hash}
            joined = " ".join(h.page_content for h, _ in hits)
            assert not (OLD in joined and NEW in joined)
        leftovers = [cid for cid, m in raw_chunks(store).items()
                     if m.get("doc_id") == doc.doc_id and m.get("content_hash") != doc.content_hash]
        return doc.content_hash, seen, len(leftovers)
    finally:
        del store
        close_store()


def test_replace_killed_midway_is_old_or_new_then_new(crashed, embeddings):  # noqa: ANN001
    if crashed["final"].returncode != 0:
        pytest.skip("the recovery run failed")
    data, target = crashed["data"], crashed["folder"] / REPLACED
    source = str(target)
    old_hash, seen, _ = _version_of(data, embeddings, source)
    assert seen == "old"
    original = target.read_text(encoding="utf-8")
    assert OLD in original
    target.write_text(original.replace(OLD, NEW), encoding="utf-8")
    outcomes = []
    for kill in (dict(pattern=r"embedded \d+/\d+ chunks", nth=1),               # during the upsert: still old
                 dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.05),
                 dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.2),  # around the registry flip
                 dict(after_s=3.0)):
        res = run_and_kill(["-v", "ingest", source], data, **kill)
        h, seen, leftovers = _version_of(data, embeddings, source)
        assert (h == old_hash) == (seen == "old")
        outcomes.append((res.trigger, res.killed, seen, leftovers))
        print(f"replace kill {res.trigger}: killed={res.killed} -> {seen} ({leftovers} leftover chunks)")
    again = run_cli(["ingest", source], data)
    assert again.returncode == 0, again.stderr[-2000:]
    h, seen, leftovers = _version_of(data, embeddings, source)
    assert seen == "new" and h != old_hash, outcomes
    assert leftovers == 0  # garbage collection runs at the start of every ingest
    final = run_cli(["ingest", str(crashed["folder"])], data)  # a folder run: GC, then everything unchanged
    assert final.returncode == 0 and "6 unchanged" in final.stderr, final.stderr[-1000:]
    state = check_consistency(data, embeddings, strict=True)
    assert state.raw == state.live
    assert any(o[1] for o in outcomes), outcomes
