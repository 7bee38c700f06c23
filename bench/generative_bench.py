"""Extractive vs generative answers on the same gold questions, side by side: answer accuracy, refusal accuracy,
citation support, latency, and how often the verifier had to intervene.

    .venv/bin/python bench/generative_bench.py                                   # the packaged GGUF, in process
    .venv/bin/python bench/generative_bench.py --llm-backend openai --llm-base-url http://127.0.0.1:8080/v1
    .venv/bin/python bench/generative_bench.py --llm-backend ollama --llm-model qwen2.5:7b-instruct

Writes bench/out/generative.md and bench/out/generative.json (per-question modes, check statuses and answers).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.evaluation import evaluate, load_questions  # noqa: E402
from assistant.llm import make_chat_model  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from common.settings import Settings  # noqa: E402
from vectorstore import PlanStore, make_embeddings  # noqa: E402

ROWS = ["questions", "hit@1", "hit@5", "answer_accuracy", "refusal_accuracy", "citation_support", "p50_ms",
        "p95_ms", "model_answers", "generative_share", "verifier_interventions", "check_passed", "check_repaired",
        "check_rejected", "check_model_unavailable"]


def table(extractive: dict, generative: dict) -> str:
    lines = ["| metric | extractive | generative |", "|---|---|---|"]
    for k in ROWS:
        cells = []
        for m in (extractive, generative):
            v = m.get(k, "")
            cells.append(f"{v:.0f}" if k.endswith("_ms") and v != "" else f"{v:.3f}" if isinstance(v, float) else str(v))
        lines.append(f"| {k} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--corpus", nargs="+", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--llm-backend", default="gguf", choices=["ollama", "openai", "gguf"])
    ap.add_argument("--llm-model", default="")
    ap.add_argument("--llm-base-url", default=None)
    ap.add_argument("--llm-gguf", default=None)
    ap.add_argument("--limit", type=int, default=0, help="only the first N questions")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out"))
    args = ap.parse_args(argv)

    data = Path(tempfile.mkdtemp(prefix="plan-gen-bench-"))
    base = Settings(data_dir=data)
    store = PlanStore.from_settings(base, make_embeddings(base))
    extractive = Assistant(store, base)
    print(extractive.library.ingest(args.corpus).summary(), file=sys.stderr)
    gen_settings = base.model_copy(update={"llm_backend": args.llm_backend, "llm_model": args.llm_model,
                                           "llm_base_url": args.llm_base_url,
                                           "llm_gguf_path": Path(args.llm_gguf) if args.llm_gguf else None})
    generative = Assistant(store, gen_settings, llm=make_chat_model(gen_settings))
    questions = load_questions(args.questions)[: args.limit or None]
    extractive.warm_up()
    generative.warm_up()
    t0 = time.perf_counter()
    rep_e = evaluate(extractive, questions)
    t1 = time.perf_counter()
    rep_g = evaluate(generative, questions)
    t2 = time.perf_counter()
    m_e, m_g = rep_e.metrics(), rep_g.metrics()
    model = gen_settings.llm_gguf_path or gen_settings.llm_model or gen_settings.llm_packaged_model
    md = (f"## Extractive vs generative ({args.llm_backend}: {model})\n\n{len(questions)} questions from "
          f"{Path(args.questions).name}; {os.cpu_count()} CPUs; extractive {t1 - t0:.0f} s, generative "
          f"{t2 - t1:.0f} s.\n\n{table(m_e, m_g)}\n")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "generative.md").write_text(md, encoding="utf-8")
    details = [{"id": q.id, "correct": q.correct, "mode": q.mode, "check": q.check, "answer": q.answer}
               for q in rep_g.results]
    (out / "generative.json").write_text(json.dumps({"extractive": m_e, "generative": m_g, "questions": details},
                                                    ensure_ascii=False, indent=1), encoding="utf-8")
    sys.stdout.write(md)


if __name__ == "__main__":
    main()
