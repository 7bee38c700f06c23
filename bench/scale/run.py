"""The scale benchmark: grow one index through the sizes, measure at each, print tables, save plots.

    .venv/bin/python -m bench.scale.run --sizes 1000,10000,100000,1000000 --out bench/out/scale

For each size: build (``bench.scale.build``: parse, embed (real up to ``--real-limit`` chunks, derived above),
write, lexical index), then ask the same generated gold questions (``bench.scale.serve``) on the embedded store
after and before this issue's fixes (registry version cache, query-embedding cache) and through a ``chroma run``
server started on 127.0.0.1 over the same files. Each step runs in its own process so peak RSS is per step.
Ingestion end to end (``Library.ingest`` of generated files, real embeddings, batches of 16 documents vs one at a
time) is compared with the embedding model's own throughput on the same texts. Results: ``results.json``,
``results.md`` and PNG plots under ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
PY = sys.executable


def _json_of(cmd: list[str], log: Path) -> dict:
    with log.open("a") as err:
        out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen:
    import httpx

    cli = str(Path(PY).with_name("chroma"))
    proc = subprocess.Popen([cli, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def stop(proc: subprocess.Popen) -> float | None:
    """Stop a server; returns its peak RSS in MB (VmHWM) read just before."""
    rss = None
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    return rss


def gold(out: Path, n_docs: int, n_questions: int) -> Path:
    from bench.scale.corpus import gold_questions, take

    path = out / "gold.jsonl"
    questions = gold_questions(take(n_docs), n=n_questions)
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    return path


def ingest_throughput(out: Path, n_docs: int, log: Path) -> dict:
    """Library.ingest of generated files (real parsing, real embeddings) in batches and one by one, and the
    model alone on the same texts."""
    script = f"""
import json, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from bench.scale.corpus import iter_documents
from assistant.service import Assistant
from common.settings import Settings
from common.provinces import ProvinceGazetteer
from ingest.pipeline import parse_bytes
from vectorstore import make_embeddings, PlanStore
docs = [d for _, d in zip(range({n_docs}), iter_documents(seed=99))]
folder = Path(tempfile.mkdtemp())
for d in docs:
    (folder / d.file).write_text(d.text, encoding="utf-8")
res = {{}}
for label, batch in (("batched", 16), ("one_by_one", 1)):
    s = Settings(data_dir=Path(tempfile.mkdtemp()), ingest_batch_docs=batch)
    a = Assistant.from_settings(s)
    a.store.embeddings.embed_query("khởi động")
    t = time.perf_counter(); r = a.library.ingest([str(folder)]); dt = time.perf_counter() - t
    res[label] = {{"docs": len(r.added), "chunks": r.chunks_written, "seconds": round(dt, 1),
                  "docs_per_s": round(len(r.added) / dt, 2), "chunks_per_s": round(r.chunks_written / dt, 2)}}
store = a.store
texts = [t for d in docs for t in store.embedding_texts(parse_bytes(d.text.encode(), d.file, ProvinceGazetteer()).chunks)]
t = time.perf_counter(); store.embeddings.embed_documents(texts); dt = time.perf_counter() - t
res["model_only"] = {{"chunks": len(texts), "seconds": round(dt, 1), "chunks_per_s": round(len(texts) / dt, 2)}}
print(json.dumps(res))
"""
    return _json_of([PY, "-c", script], log)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--real-limit", type=int, default=1000)
    ap.add_argument("--questions", type=int, default=60)
    ap.add_argument("--ingest-docs", type=int, default=20, help="documents for the end-to-end ingest measurement")
    ap.add_argument("--before-limit", type=int, default=30, help="questions asked without the caches (0: skip)")
    ap.add_argument("--filter-limit", type=int, default=30,
                    help="questions asked with Chroma applying the filters, not the registry (0: skip)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale")
    ap.add_argument("--data", type=Path, default=None, help="index folder (default: a temporary one)")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--remeasure", action="store_true", help="ask again at the sizes already built (no building)")
    args = ap.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    log = out / "run.log"
    data = args.data or Path(tempfile.mkdtemp(prefix="scale-index-"))
    results_path = out / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {"sizes": {}}

    def save() -> None:
        results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False))

    if "ingest" not in results and args.ingest_docs:
        results["ingest"] = ingest_throughput(out, args.ingest_docs, log)
        save()
        print("ingest:", results["ingest"], file=sys.stderr)
    questions = None
    for size in [int(s) for s in args.sizes.split(",")]:
        key = str(size)
        if key in results["sizes"] and "server" in results["sizes"][key] and not args.remeasure:
            continue
        entry = results["sizes"].setdefault(key, {})
        if args.remeasure:
            if (data / "build_state.json").exists() and json.loads((data / "build_state.json").read_text())[
                    "chunks"] < size:
                continue  # that size was not built in this index
            questions = questions or out / "gold.jsonl"
        else:
            entry["build"] = _json_of([PY, "-m", "bench.scale.build", "--data", str(data), "--chunks", str(size),
                                       "--real-limit", str(args.real_limit)], log)
            print(size, "build:", entry["build"], file=sys.stderr)
        if questions is None:  # questions about the documents of the smallest index: asked at every size
            questions = gold(out, entry["build"]["total_docs"], args.questions)
        entry["after"] = _json_of([PY, "-m", "bench.scale.serve", "--data", str(data), "--questions", str(questions)], log)
        print(size, "after:", entry["after"], file=sys.stderr)
        if args.before_limit:
            entry["before"] = _json_of([PY, "-m", "bench.scale.serve", "--data", str(data), "--questions",
                                        str(questions), "--variant", "before", "--limit", str(args.before_limit)], log)
            print(size, "before:", entry["before"], file=sys.stderr)
        if args.filter_limit:
            entry["chroma_filter"] = _json_of([PY, "-m", "bench.scale.serve", "--data", str(data), "--questions",
                                               str(questions), "--variant", "chroma-filter", "--limit",
                                               str(args.filter_limit)], log)
            print(size, "chroma filter:", entry["chroma_filter"], file=sys.stderr)
        save()
        if not args.skip_server:
            # the lexical index is keyed by the registry's fingerprint: the one built beside the embedded store
            # serves the same registry through the server (a server's cache lives in its own folder)
            own = data / "lexical" / "plans"
            shared = data / "lexical" / f"server-127.0.0.1-{args.port}" / "plans"
            if own.is_dir():
                shutil.rmtree(shared, ignore_errors=True)
                shutil.copytree(own, shared)
            server = start_chroma(data / "chroma", args.port, log)
            try:
                entry["server"] = _json_of([PY, "-m", "bench.scale.serve", "--data", str(data), "--questions",
                                            str(questions), "--chroma-url", f"http://127.0.0.1:{args.port}"], log)
            finally:
                entry["server"]["chroma_server_peak_rss_mb"] = stop(server)
            print(size, "server:", entry["server"], file=sys.stderr)
        save()
    from bench.scale.report import render

    (out / "results.md").write_text(render(results, out), encoding="utf-8")
    print((out / "results.md").read_text())
    if args.data is None:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
