"""Writers that overlap and die, and questions asked meanwhile; prints a table (issue 16, "Measure").

1. Two `plan-assistant ingest` processes at once on overlapping folders (one ingests ``root/``, the other
   ``root/sub/``, started a moment apart), between rounds some documents are edited (so rounds replace documents);
   in each round one of the two (alternately) is SIGKILLed at a chosen point, the other finishes. Against a real
   ``chroma run`` on 127.0.0.1 (10 kill points) and on one embedded data dir (5 kill points). After every round the
   store is read whole: every registered document has all the chunks of its registered version (fully old or fully
   new, never a mix); after the next complete run every file is registered at its current content (documents lost:
   0) and no chunk in Chroma is not live (orphans: 0). Meanwhile a third store in this process collects garbage
   in a loop (what every ingest, the app's upload included, does first): before the writer lease it deleted a
   writer's chunks between their write and their commit.
2. 20 client threads ask (Assistant.ask: retrieval, ranking, answer) while an ingest thread replaces documents over
   and over: errors 0, no answer mixing two versions of a document.

``WRITER_FAULTS_ROOT=/path/to/other/checkout`` runs the subprocesses from another checkout (how the "before"
column was measured); the checks are the same.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.robustness.conftest import EXE, SHARD_CHUNKS, chroma_server, cli_env, run_and_kill

pytestmark = [pytest.mark.timeout(900)]

CODE_ROOT = Path(os.environ.get("WRITER_FAULTS_ROOT", ROOT))
TOP, SUB = 6, 6  # documents directly under root/ and under root/sub/
EDITED_PER_ROUND = 3  # of root/ and of root/sub/ each
STAGGER_S = (0.5, 3.0)  # the second writer starts this long after the first
# Kill points, on the victim's own stderr: "embedded" is logged after a batch's vectors are computed (then the
# writer takes the lease and writes), "stored" after a batch is committed; times are from its start.
KILLS = [
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.05),
    dict(pattern=r"INFO vectorstore\.store: stored", nth=1),
    dict(after_s=7.0),
    dict(pattern=r"embedded \d+/\d+ chunks", nth=2, delay_s=0.02),
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.3),
    dict(pattern=r"embedded \d+/\d+ chunks", nth=1, delay_s=0.15),
    dict(pattern=r"INFO vectorstore\.store: stored", nth=2, delay_s=0.01),
    dict(after_s=8.0),
    dict(pattern=r"embedded \d+/\d+ chunks", nth=2, delay_s=0.1),
    dict(pattern=r"INFO vectorstore\.store: stored", nth=1, delay_s=0.15),
]
EMBEDDED_KILLS = KILLS[:4]


def _text(name: str, variant: int) -> str:
    """A small plan of three short sections (a chunk each: embedding stays cheap on 2 cores); every section
    carries ``variant`` ("bản N")."""
    parts = [f"KẾ HOẠCH {name.upper()} bản {variant}\nvề nâng cao năng suất lao động của tỉnh Trà Giang\n"]
    for i, head in enumerate(("I. MỤC TIÊU", "II. NHIỆM VỤ", "III. GIẢI PHÁP")):
        parts.append(f"{head}\n- Đơn vị {name} tăng năng suất {variant + i},5%/năm giai đoạn {2025 + i}, "
                     f"bản {variant}.\n")
    return "\n".join(parts)


def _make_tree(root: Path) -> list[Path]:
    files = [root / f"top{i:02d}.txt" for i in range(TOP)] + [root / "sub" / f"sub{i:02d}.txt" for i in range(SUB)]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_text(path.stem, 0), encoding="utf-8")
    return files


def _edit(files: list[Path], rng: random.Random, round_no: int) -> None:
    top, sub = files[:TOP], files[TOP:]
    for path in rng.sample(top, EDITED_PER_ROUND) + rng.sample(sub, EDITED_PER_ROUND):
        path.write_text(_text(path.stem, round_no), encoding="utf-8")


@dataclass
class StoreState:
    docs: int
    live: int
    raw: int
    broken: list[str] = field(default_factory=list)  # registered documents without all their chunks
    mixed: list[str] = field(default_factory=list)  # a registered version's chunks of several versions' text
    stale: list[str] = field(default_factory=list)  # files registered at another content than theirs now

    @property
    def orphans(self) -> int:
        return self.raw - self.live


def _open(data: Path, url: str | None, embeddings):  # noqa: ANN001, ANN202
    from chromadb.api.client import SharedSystemClient

    from common.settings import Settings
    from vectorstore import PlanStore

    SharedSystemClient.clear_system_cache()
    settings = Settings(data_dir=data, chroma_url=url, lexical_shard_chunks=SHARD_CHUNKS)
    return PlanStore.from_settings(settings, embeddings)


def _state(data: Path, url: str | None, embeddings, files: list[Path]) -> StoreState:  # noqa: ANN001
    from ingest.pipeline import content_hash_for
    from tests.robustness.conftest import raw_chunks

    store = _open(data, url, embeddings)
    registry = store.documents()
    state = StoreState(len(registry), 0, 0)
    live: set[str] = set()
    for doc in registry.values():
        got = store.get_chunks(doc.chunk_ids)
        if len(got) != doc.n_chunks:
            state.broken.append(f"{Path(doc.source).name}: {len(got)}/{doc.n_chunks}")
        variants = {v for c in got for v in re.findall(r"bản (\d+)", c.page_content)}
        if len(variants) > 1:
            state.mixed.append(f"{Path(doc.source).name}: {sorted(variants)}")
        live.update(doc.chunk_ids)
    raw = raw_chunks(store)
    state.live, state.raw = len(live & set(raw)), len(raw)
    by_source = {d.source: d for d in registry.values()}
    for path in files:
        doc = by_source.get(str(path))
        if doc is None or doc.content_hash != content_hash_for(path.read_bytes()):
            state.stale.append(path.name)
    return state


def _env(data: Path, url: str | None) -> dict[str, str]:
    env = cli_env(data)
    env.update({"PLAN_ASSISTANT_INGEST_BATCH_DOCS": "2", "PLAN_ASSISTANT_WRITER_WAIT_S": "300",
                "PLAN_ASSISTANT_WRITER_LEASE_S": "10"})
    if url:
        env["PLAN_ASSISTANT_CHROMA_URL"] = url
    if CODE_ROOT != ROOT:
        env["PYTHONPATH"] = str(CODE_ROOT)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(EXE + args, cwd=CODE_ROOT, env=env, capture_output=True, text=True, timeout=300)


@dataclass
class FaultRun:
    rounds: list[tuple[str, bool, int, StoreState]]  # (trigger, killed, survivor's exit code, state after)
    final: StoreState
    final_rc: int


def _faults(tmp: Path, url: str | None, embeddings, kills: list[dict], seed: int) -> FaultRun:  # noqa: ANN001
    rng = random.Random(seed)
    root = tmp / "root"
    files = _make_tree(root)
    data = tmp / "data"
    env = _env(data, url)
    patch = pytest.MonkeyPatch()  # run_and_kill builds its environment from os.environ
    for key in ("PLAN_ASSISTANT_INGEST_BATCH_DOCS", "PLAN_ASSISTANT_WRITER_WAIT_S", "PLAN_ASSISTANT_WRITER_LEASE_S",
                "PLAN_ASSISTANT_CHROMA_URL", "PYTHONPATH"):
        if key in env:
            patch.setenv(key, env[key])
    rounds = []
    collected: list[int] = []
    try:
        first = _run(["ingest", str(root)], env)
        assert first.returncode == 0, first.stderr[-2000:]
        collecting = _open(data, url, embeddings)
        for n, kill in enumerate(kills, start=1):
            _edit(files, rng, n)
            victim_args, other_args = (["-v", "ingest", str(root)], ["-v", "ingest", str(root / "sub")])
            if n % 2 == 0:
                victim_args, other_args = (["-v", "ingest", str(root / "sub")], ["-v", "ingest", str(root)])
            got: list = []  # the victim starts first (so that it has work to be killed in), the other a moment later
            victim = threading.Thread(target=lambda: got.append(
                run_and_kill(victim_args, data, timeout=240, **kill) if CODE_ROOT == ROOT
                else _run_and_kill_elsewhere(victim_args, data, env, kill)))
            victim.start()
            time.sleep(rng.uniform(*STAGGER_S))
            other = subprocess.Popen(EXE + other_args, cwd=CODE_ROOT, env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
            done = threading.Event()
            collector = threading.Thread(target=_collect_until, args=(collecting, done, collected), daemon=True)
            collector.start()
            _, err = other.communicate(timeout=300)
            victim.join(timeout=300)
            if os.environ.get("WRITER_FAULTS_DEBUG"):
                (tmp / f"round{n}-other.log").write_text(err)
                (tmp / f"round{n}-victim.log").write_text(got[0].stderr if got else "")
            done.set()
            collector.join(timeout=60)
            [res] = got
            state = _state(data, url, embeddings, files)
            rounds.append((res.trigger, res.killed, other.returncode, state))
            print(f"round {n}: kill {res.trigger} killed={res.killed}; other exit {other.returncode}; "
                  f"docs {state.docs}, live {state.live}, raw {state.raw}, broken {state.broken[:2]}, "
                  f"mixed {state.mixed[:2]}; other's last line: {err.strip().splitlines()[-1:]}")
        final = _run(["ingest", str(root)], env)  # the next run: garbage collection, then catch up
        state = _state(data, url, embeddings, files)
        print(f"after the next run (exit {final.returncode}): {state}; the collector ran {len(collected)} times, "
              f"removing {sum(collected)} chunks")
        return FaultRun(rounds, state, final.returncode)
    finally:
        patch.undo()


def _collect_until(store, done: threading.Event, collected: list[int]) -> None:  # noqa: ANN001
    """Garbage collection in a loop until ``done`` (a pause between runs leaves the writers room)."""
    while not done.is_set():
        try:
            collected.append(store.collect_garbage())
        except Exception as e:  # noqa: BLE001 - e.g. the writer lease busy: try again
            print(f"collector: {type(e).__name__}: {e}")
        done.wait(0.05)


def _run_and_kill_elsewhere(args: list[str], data: Path, env: dict[str, str], kill: dict):  # noqa: ANN202
    """run_and_kill with another checkout's code (measuring "before")."""
    import tests.robustness.conftest as rc

    saved = rc.ROOT
    rc.ROOT = CODE_ROOT  # type: ignore[misc]
    try:
        return run_and_kill(args, data, timeout=240, **kill)
    finally:
        rc.ROOT = saved  # type: ignore[misc]


def _report(name: str, run: FaultRun) -> list[str]:
    killed = sum(k for _, k, _, _ in run.rounds)
    broken = sum(bool(s.broken) for *_, s in run.rounds)
    mixed = sum(bool(s.mixed) for *_, s in run.rounds)
    return [f"{name}: {len(run.rounds)} rounds, {killed} SIGKILLs landed; rounds leaving a registered document "
            f"without its chunks: {broken}; mixing versions: {mixed}; survivors failing: "
            f"{sum(rc != 0 for _, _, rc, _ in run.rounds)}",
            f"{name}: after the next run: documents lost {len(_lost(run.final))} of {TOP + SUB} (registered without "
            f"their chunks: {len(run.final.broken)}, not at their file's content: {len(run.final.stale)}), orphans "
            f"{run.final.orphans}, exit {run.final_rc}"]


def _lost(state: StoreState) -> set[str]:
    return {b.split(":")[0] for b in state.broken} | set(state.stale)


RESULTS: dict[str, list[str]] = {}


@pytest.mark.server
def test_two_writers_killed_at_ten_points_against_a_chroma_server(tmp_path: Path, embeddings) -> None:  # noqa: ANN001
    with chroma_server(tmp_path / "server") as url:
        run = _faults(tmp_path, url, embeddings, KILLS, seed=16)
        RESULTS["server"] = _report("chroma run, 2 writers x 10 kill points", run)
    _assert_sound(run, len(KILLS))


def test_two_writers_killed_on_one_embedded_data_dir(tmp_path: Path, embeddings) -> None:  # noqa: ANN001
    run = _faults(tmp_path, None, embeddings, EMBEDDED_KILLS, seed=61)
    RESULTS["embedded"] = _report(f"embedded data dir, 2 writers x {len(EMBEDDED_KILLS)} kill points", run)
    _assert_sound(run, len(EMBEDDED_KILLS))


def _assert_sound(run: FaultRun, kills: int) -> None:
    assert sum(k for _, k, _, _ in run.rounds) >= kills - 2, [(t, k) for t, k, _, _ in run.rounds]
    for trigger, _, rc, state in run.rounds:
        assert rc == 0, f"the surviving writer failed in round {trigger}"
        assert not state.broken, (trigger, state.broken)
        assert not state.mixed, (trigger, state.mixed)
    assert run.final_rc == 0
    assert run.final.stale == [] and run.final.broken == [] and run.final.mixed == []
    assert run.final.orphans == 0 and run.final.docs == TOP + SUB


# -- 20 clients asking while an ingest replaces documents ---------------------------------------------------------

CLIENTS = 20
ASK_S = 25.0
QUESTIONS = ["Đơn vị top01 phấn đấu tăng năng suất bao nhiêu phần trăm mỗi năm?",
             "Kế hoạch sub02 về nâng cao năng suất lao động có những nhiệm vụ gì?",
             "Giải pháp tăng năng suất của đơn vị top03?", "tang nang suat giai doan 2027 sub04"]


def clients_while_ingesting(tmp: Path, embeddings, clients: int = CLIENTS, seconds: float = ASK_S) -> dict:  # noqa: ANN001
    from assistant.service import Assistant
    from common.settings import Settings
    from vectorstore import PlanStore

    root = tmp / "root"
    files = _make_tree(root)
    settings = Settings(data_dir=tmp / "data", lexical_shard_chunks=SHARD_CHUNKS, ingest_batch_docs=2)
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    assert assistant.library.ingest([str(root)]).ok
    stop = threading.Event()
    errors: list[str] = []
    mixed: list[str] = []
    latencies: list[float] = []
    replaced = [0]
    lock = threading.Lock()
    rng = random.Random(7)

    def writer() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            for path in rng.sample(files, 6):
                path.write_text(_text(path.stem, 100 + n), encoding="utf-8")
            try:
                report = assistant.library.ingest([str(root)])
                replaced[0] += len(report.replaced)
            except Exception:  # noqa: BLE001
                with lock:
                    errors.append("writer: " + traceback.format_exc(limit=3))

    def client(i: int) -> None:
        k = i
        while not stop.is_set():
            k += 1
            started = time.monotonic()
            try:
                answer = assistant.ask(QUESTIONS[k % len(QUESTIONS)])
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"client {i}: {type(e).__name__}: {e}")
                continue
            with lock:
                latencies.append(time.monotonic() - started)
            versions: dict[str, set[str]] = {}
            for p in answer.passages:
                versions.setdefault(p.doc_id, set()).add(str(p.metadata.get("content_hash")))
            if any(len(v) > 1 for v in versions.values()):
                with lock:
                    mixed.append(f"client {i}: {versions}")

    threads = [threading.Thread(target=writer, daemon=True)] + [
        threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    return {"answers": len(latencies), "errors": errors, "mixed": mixed, "replaced": replaced[0],
            "p95_s": p95, "max_s": latencies[-1] if latencies else float("nan"),
            "alive": [t.name for t in threads if t.is_alive()]}


def test_twenty_clients_ask_while_an_ingest_replaces_documents(tmp_path: Path, embeddings) -> None:  # noqa: ANN001
    result = clients_while_ingesting(tmp_path, embeddings)
    RESULTS["clients"] = [
        f"{CLIENTS} clients x {ASK_S:.0f}s while an ingest replaces documents: {result['answers']} answers, "
        f"{result['replaced']} documents replaced, errors {len(result['errors'])}, answers mixing versions "
        f"{len(result['mixed'])}, p95 {result['p95_s']:.2f}s, max {result['max_s']:.2f}s"]
    print(RESULTS["clients"][0])
    assert not result["alive"]
    assert result["errors"] == [], result["errors"][:3]
    assert result["mixed"] == [], result["mixed"][:3]
    assert result["replaced"] >= 6 and result["answers"] >= CLIENTS


def test_print_the_table() -> None:
    """The measured rows (run with -s to see them; rows of tests that did not run are missing)."""
    print("\n== writer faults (issue 16) ==")
    for rows in RESULTS.values():
        for row in rows:
            print("  " + row)
