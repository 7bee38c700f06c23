"""Concurrent clients against the app's ``ask`` API: throughput, latency and the server's memory.

For each app concurrency limit (``PLAN_ASSISTANT_CONCURRENCY``: how many questions the app answers at once) the
real app is started as a subprocess over an existing index, then C client threads (C = 20 and 100 by default) ask
questions through Gradio's HTTP protocol, the same calls ``gradio_client`` makes: ``POST /gradio_api/call/ask``
then read the answer from ``GET /gradio_api/call/ask/{event_id}`` (server-sent events). Each thread has its own
HTTP connection. Latency is client-side wall clock from the POST to the complete answer; peak RSS is the server
process's ``VmHWM``, reset before each run (``/proc/PID/clear_refs``) where the kernel allows it.

    .venv/bin/plan-assistant --data-dir /tmp/conc-data ingest samples ../shared/corpus
    .venv/bin/python bench/scale/concurrency.py --data-dir /tmp/conc-data --concurrency-limits 1,2,4 \\
        --clients 20,100 --requests 3 --json /tmp/concurrency.json

Questions default to those of ``../shared/eval/dev.jsonl`` (with their ``history``), cycled; client ``i`` starts
at question ``i``. An answer that is not the ``ask`` JSON (no ``answer``/``citations``) counts as an error.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
EXE = Path(sys.executable).with_name("plan-assistant")


@dataclass(frozen=True)
class Question:
    text: str
    history: tuple[str, ...] = ()


@dataclass
class Run:
    """One measurement: ``clients`` threads against a server answering ``limit`` questions at once."""

    limit: int
    clients: int
    requests: int
    errors: int
    seconds: float
    throughput: float  # answers per second (successful ones)
    p50_ms: float
    p95_ms: float
    p99_ms: float
    peak_rss_mb: float | None
    client_cpu_s: float = 0.0  # CPU the clients themselves used: on a small machine they compete with the server
    first_error: str = ""


def load_questions(path: Path) -> list[Question]:
    """The ``question`` (and ``history``) of every line of an eval-format JSONL file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(Question(row["question"], tuple(row.get("history") or ())))
    if not out:
        raise SystemExit(f"no questions in {path}")
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100); 0.0 for no values.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 99)
    (2.0, 4.0)
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil
    return ordered[int(rank) - 1]


def ask(http: httpx.Client, base: str, question: Question) -> dict:
    """One call of the ``ask`` API over Gradio's REST protocol; the answer JSON or an exception."""
    res = http.post(f"{base}gradio_api/call/ask", json={"data": [question.text, list(question.history), "", "", ""]})
    res.raise_for_status()
    event_id = res.json()["event_id"]
    event = None
    with http.stream("GET", f"{base}gradio_api/call/ask/{event_id}") as stream:
        stream.raise_for_status()
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                data = json.loads(line.split(":", 1)[1])
                if event == "error":
                    raise RuntimeError(f"server error: {data}")
                answer = data[0]
                if not isinstance(answer, dict) or "answer" not in answer or "citations" not in answer:
                    raise RuntimeError(f"not an ask answer: {str(answer)[:200]}")
                return answer
    raise RuntimeError(f"stream ended without an answer (last event {event!r})")


def run_clients(base: str, questions: list[Question], clients: int, requests: int | None,
                duration: float | None, timeout: float) -> tuple[list[float], list[str], float]:
    """``clients`` threads, each asking ``requests`` questions (or until ``duration`` seconds have passed);
    returns the latencies of the answers (ms), the errors and the wall time."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(i: int) -> None:
        with httpx.Client(timeout=timeout) as http:
            start.wait()
            t_end = time.perf_counter() + duration if duration else None
            n = 0
            while (n < requests) if requests else (time.perf_counter() < t_end):  # type: ignore[operator]
                question = questions[(i + n) % len(questions)]
                n += 1
                t0 = time.perf_counter()
                try:
                    ask(http, base, question)
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}"[:300])
                    continue
                with lock:
                    latencies.append((time.perf_counter() - t0) * 1e3)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set (``VmHWM``) in MiB, or None when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def reset_peak_rss(pid: int) -> bool:
    """Reset ``VmHWM`` to the current RSS (Linux ``clear_refs`` value 5); False where not permitted."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class AppServer:
    """``plan-assistant serve`` as a subprocess answering ``limit`` questions at once; started and ready inside
    the ``with`` block (the app warms up before it listens), stopped after it."""

    def __init__(self, data_dir: Path, port: int, limit: int, start_timeout: float = 300.0) -> None:
        self.data_dir, self.port, self.limit, self.start_timeout = data_dir, port, limit, start_timeout
        self.url = f"http://127.0.0.1:{port}/"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "AppServer":
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PLAN_ASSISTANT_CONCURRENCY": str(self.limit)}
        self.process = subprocess.Popen(
            [str(EXE), "--data-dir", str(self.data_dir), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + self.start_timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the app exited with {self.process.returncode}: {self.process.stderr.read()[-2000:]}")
            try:
                # the health check, not the page: the page's config grows with the library (95k documents at 1M)
                if httpx.get(f"{self.url}healthz", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.__exit__()
        raise SystemExit(f"the app did not answer on {self.url} within {self.start_timeout:.0f} s")

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def measure(data_dir: Path, limits: list[int], client_counts: list[int], questions: list[Question],
            requests: int | None, duration: float | None, port: int, timeout: float,
            start_timeout: float = 300.0) -> list[Run]:
    runs = []
    for limit in limits:
        with AppServer(data_dir, port, limit, start_timeout) as server:
            pid = server.process.pid  # type: ignore[union-attr]
            with httpx.Client(timeout=timeout) as http:  # one sequential call: connections and caches warm
                ask(http, server.url, questions[0])
            for clients in client_counts:
                resettable = reset_peak_rss(pid)
                cpu0 = time.process_time()
                latencies, errors, seconds = run_clients(server.url, questions, clients, requests, duration, timeout)
                rss = peak_rss_mb(pid) if resettable or clients == client_counts[0] else None
                run = Run(limit, clients, len(latencies) + len(errors), len(errors), round(seconds, 2),
                          round(len(latencies) / seconds, 2) if seconds else 0.0,
                          *(round(percentile(latencies, q), 1) for q in (50, 95, 99)),
                          round(rss, 1) if rss is not None else None, round(time.process_time() - cpu0, 1),
                          errors[0] if errors else "")
                print(f"limit {limit}, {clients} clients: {run.requests} requests, {run.errors} errors, "
                      f"{run.throughput} answers/s, p50 {run.p50_ms:.0f} ms", file=sys.stderr)
                runs.append(run)
    return runs


def markdown(runs: list[Run]) -> str:
    lines = ["| limit | clients | requests | errors | answers/s | p50 ms | p95 ms | p99 ms | server peak RSS MiB "
             "| client CPU s |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        rss = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb is not None else "n/a"
        lines.append(f"| {r.limit} | {r.clients} | {r.requests} | {r.errors} | {r.throughput:.2f} | {r.p50_ms:.0f} "
                     f"| {r.p95_ms:.0f} | {r.p99_ms:.0f} | {rss} | {r.client_cpu_s:.1f} |")
    return "\n".join(lines)


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", type=Path, required=True, help="A data directory with an index.")
    p.add_argument("--clients", type=_ints, default=[20, 100], help="Concurrent clients, comma-separated (20,100).")
    p.add_argument("--concurrency-limits", type=_ints, default=[1, 2, 4],
                   help="App concurrency limits to compare, one server each (1,2,4).")
    p.add_argument("--requests", type=int, default=3, help="Questions each client asks (3).")
    p.add_argument("--duration", type=float, default=None, help="Seconds each client keeps asking (instead).")
    p.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="Eval-format JSONL (dev.jsonl).")
    p.add_argument("--port", type=int, default=7871)
    p.add_argument("--timeout", type=float, default=600.0, help="Longest wait for one answer, seconds.")
    p.add_argument("--start-timeout", type=float, default=300.0,
                   help="Longest wait for the app to start, seconds (a 1M-chunk library: ~10 min cold).")
    p.add_argument("--json", type=Path, default=None, help="Also write the runs as JSON here.")
    args = p.parse_args(argv)
    if not (args.data_dir / "chroma").is_dir():
        raise SystemExit(f"no index in {args.data_dir}: run `plan-assistant --data-dir {args.data_dir} ingest ...`")
    runs = measure(args.data_dir, args.concurrency_limits, args.clients, load_questions(args.questions),
                   None if args.duration else args.requests, args.duration, args.port, args.timeout,
                   args.start_timeout)
    print(markdown(runs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in runs], ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
