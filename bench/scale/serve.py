"""Ask the generated gold questions against a scale-benchmark index and measure latency, quality and memory.

    .venv/bin/python -m bench.scale.serve --data /tmp/scale --questions /tmp/scale/gold.jsonl
    .venv/bin/python -m bench.scale.serve --data /tmp/scale --questions ... --chroma-url http://127.0.0.1:8000
    .venv/bin/python -m bench.scale.serve ... --variant before   # without the registry and query-embedding caches
    .venv/bin/python -m bench.scale.serve ... --variant chroma-filter   # Chroma applies every filter

Prints one JSON line: first-question time (cold: loads the models and the lexical index), p50/p95/p99 of the
retrieval, answer and total time per question (the answer's own ``timings_ms``), hit@1/hit@5 (evidence quote in
a passage of the evidence document; and as eval/README.md defines it, any passage), answer accuracy, and the
process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.evaluation import evidence_rank, is_correct, load_questions  # noqa: E402
from common.text import normalise_for_match  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from common.settings import Settings  # noqa: E402


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    a = np.asarray(values)
    return {f"p{q}": round(float(np.percentile(a, q)), 1) for q in (50, 95, 99)}


def disable_caches(assistant: Assistant) -> None:
    """The code before issue 8: the whole registry read at every check, every query embedded again, Chroma
    applying every filter."""
    import vectorstore.store as store_module

    assistant.store._registry_version = lambda: None  # type: ignore[method-assign]
    store_module.QUERY_CACHE_SIZE = 0
    disable_registry_filters(assistant)


def disable_registry_filters(assistant: Assistant) -> None:
    """Chroma's metadata filter for every filtered dense search (no decision from the registry in memory)."""
    store = assistant.store
    store._dense_current = store._dense_filtered  # type: ignore[method-assign]


def lexical_hit(assistant: Assistant, question: str, doc: str, quote: str, k: int = 5) -> bool:
    """Whether the lexical index alone (real at every size, unlike the derived vectors) puts the evidence in its
    top ``k``: a control separating the derived vectors' noise from the library's growth."""
    wanted = normalise_for_match(quote)
    return any(Path(d.metadata.get("source", "")).name == Path(doc).name and wanted in normalise_for_match(d.page_content)
               for d, _ in assistant.store.lexical_search(question, k))


def run(data: Path, questions: list[dict], chroma_url: str = "", variant: str = "after", limit: int = 0) -> dict:
    settings = Settings(data_dir=data, chroma_url=chroma_url or None)
    t0 = time.perf_counter()
    assistant = Assistant.from_settings(settings)
    if variant == "before":
        disable_caches(assistant)
    elif variant == "chroma-filter":
        disable_registry_filters(assistant)
    first = assistant.ask(questions[0]["question"], questions[0].get("history"))
    cold_ms = (time.perf_counter() - t0) * 1e3
    stages: dict[str, list[float]] = {"retrieve": [], "answer": [], "total": [], "wall": []}
    hit1 = hit5 = hit1_any = hit5_any = answerable = correct = lexical_hit5 = 0
    misses = misses_sibling = 0  # top passage from another document of the asked province (a near-duplicate)
    asked = questions[:limit] if limit else questions
    for q in asked:
        t = time.perf_counter()
        answer = assistant.ask(q["question"], q.get("history"))
        stages["wall"].append((time.perf_counter() - t) * 1e3)
        for key in ("retrieve", "answer", "total"):
            stages[key].append(answer.timings_ms.get(key, 0.0))
        correct += is_correct(answer, q)
        if q.get("answerable", True) and q.get("evidence"):
            answerable += 1
            ev = q["evidence"][0]
            rank = evidence_rank(answer, ev["doc"], ev["quote"], k=5, same_doc=True)
            rank_any = evidence_rank(answer, ev["doc"], ev["quote"], k=5)
            hit1 += rank == 1
            hit5 += rank is not None
            lexical_hit5 += lexical_hit(assistant, q["question"], ev["doc"], ev["quote"])
            if rank != 1 and answer.passages:
                misses += 1
                top = answer.passages[0]
                misses_sibling += bool(q.get("province")) and top.metadata.get("province") == q.get("province") \
                    and not top.source.endswith(ev["doc"])
            hit1_any += rank_any == 1
            hit5_any += rank_any is not None
    n = max(answerable, 1)
    return {
        "variant": variant, "server": bool(chroma_url), "questions": len(asked), "chunks": assistant.store.count(),
        "cold_first_question_ms": round(cold_ms, 1), "first_answer_found": first.found,
        **{f"{k}_{p}": v for k, vals in stages.items() for p, v in percentiles(vals).items()},
        "hit@1": round(hit1 / n, 3), "hit@5": round(hit5 / n, 3),
        "hit@1_any_doc": round(hit1_any / n, 3), "hit@5_any_doc": round(hit5_any / n, 3),
        "lexical_only_hit@5": round(lexical_hit5 / n, 3),
        "answer_accuracy": round(correct / len(asked), 3),
        "hit@1_misses": misses, "misses_from_a_sibling_document": misses_sibling,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--chroma-url", default="")
    ap.add_argument("--variant", choices=("after", "before", "chroma-filter"), default="after")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.data, load_questions(args.questions), args.chroma_url, args.variant, args.limit)))


if __name__ == "__main__":
    main()
