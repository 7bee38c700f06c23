"""Quality on real documents: the project against plain BM25, a naive dense RAG and a generic hybrid, in one run.

    .venv/bin/python bench/generality.py [--out bench/out/generality] [--rebuild] [--ablate]

Documents: ``../shared/corpus`` and ``../shared/eval/real/corpus``. Questions: ``../shared/eval/real/questions.jsonl``
(split by document into a half the weights are tuned on and a half only measured, :func:`bench.split.split_of`)
and ``../shared/eval/dev.jsonl``. Every system is scored with the rules of ``../shared/eval/README.md``
(``assistant.evaluation``): hit@1, hit@5, MRR@10, answer accuracy, refusal accuracy, false refusals, per kind.

The baselines share the project's loaders, cleaner and embedding model: ``RecursiveCharacterTextSplitter(1000,
200)`` chunks; BM25 (``bm25s``, lower-cased NFC word tokens, no stop words: plain); dense (e5, cosine, Chroma);
hybrid (reciprocal rank fusion of the two, k=60). Their "answer" is their first passage (always found), so their
answer accuracy says whether the asked fact is in the first passage and their refusal accuracy is 0.

``--extra-corpus DIR --extra-questions FILE`` adds a set of your own (public pages collected for measurement, kept
out of the repository), indexed beside the others under ``<out>/with-<DIR name>-<hash of its path>`` and scored
as its own table.
``--ablate`` runs the project again on the untouched half with each stage switched off alone
(:data:`ABLATIONS`). Indexes are kept under ``--out`` and reused (``--rebuild`` starts over). Tables go to stdout
and ``<out>/results.md``; every question's outcome to ``<out>/results.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import bm25s  # noqa: E402
import numpy as np  # noqa: E402

from assistant.evaluation import evidence_rank, is_correct, load_questions, question_rank  # noqa: E402
from assistant.types import Answer, Citation, Passage  # noqa: E402
from bench.baseline import NaiveRagBaseline  # noqa: E402
from bench.split import split_of  # noqa: E402
from common.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"
REAL_SOURCES = [str(SHARED / "corpus"), str(SHARED / "eval" / "real" / "corpus")]
log = logging.getLogger("generality")


def setup_logging() -> None:
    """Progress on stderr; the libraries' chatter off."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "chromadb", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


# ---- baselines over the naive splitter's chunks ----------------------------------------------------------------

def plain_tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


class Bm25Baseline:
    """Plain BM25 over the naive baseline's chunks."""

    name = "bm25"

    def __init__(self, naive: NaiveRagBaseline, k: int = 10):
        got = naive.collection.get(include=["documents", "metadatas"])
        self.ids, self.texts, self.metas = got["ids"], got["documents"], got["metadatas"]
        self.index = bm25s.BM25()
        self.index.index([plain_tokens(t) for t in self.texts], show_progress=False)
        self.naive, self.k = naive, k

    @property
    def store(self) -> NaiveRagBaseline:
        return self.naive

    def ranking(self, question: str, k: int) -> list[int]:
        scores = self.index.get_scores(plain_tokens(question))
        order = np.argsort(-scores)[:k]
        return [int(i) for i in order if scores[i] > 0]

    def passage(self, rank: int, i: int, score: float) -> Passage:
        meta = dict(self.metas[i] or {})
        return Passage(rank=rank, chunk_id=self.ids[i], doc_id=str(meta.get("doc_id", "")),
                       source=str(meta.get("source", "")), title=Path(str(meta.get("source", ""))).name,
                       section_path="", page=None, text=self.texts[i], score=score, metadata=meta)

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        t0 = time.perf_counter()
        passages = [self.passage(r, i, 0.0) for r, i in enumerate(self.ranking(question, self.k), start=1)]
        return _first_passage_answer(question, passages, t0)


class HybridBaseline(Bm25Baseline):
    """Reciprocal rank fusion (k=60) of plain BM25 and the naive dense search, 40 candidates each."""

    name = "hybrid"

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        t0 = time.perf_counter()
        position = {cid: i for i, cid in enumerate(self.ids)}
        fused: dict[int, float] = defaultdict(float)
        for rank, i in enumerate(self.ranking(question, 40)):
            fused[i] += 1.0 / (60 + rank + 1)
        for rank, p in enumerate(self.naive.search(question, 40)):
            fused[position[p.chunk_id]] += 1.0 / (60 + rank + 1)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[: self.k]
        passages = [self.passage(r, i, fused[i]) for r, i in enumerate(best, start=1)]
        return _first_passage_answer(question, passages, t0)


def _first_passage_answer(question: str, passages: list[Passage], t0: float) -> Answer:
    ms = (time.perf_counter() - t0) * 1e3
    top = passages[:1]
    return Answer(question=question, text=top[0].text if top else "", found=bool(top),
                  citations=[Citation(1, p) for p in top], passages=passages,
                  timings_ms={"total": ms}, standalone_question=question)


# ---- scoring ---------------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    id: str
    kind: str
    split: str
    answerable: bool
    ranks: list[int | None]
    correct: bool
    found: bool
    ms: float
    answer: str
    evidence_score: float | None = None  # what the project's gate compared with its threshold


def run(system: Any, questions: list[dict[str, Any]], split: dict[str, str]) -> list[Outcome]:
    out = []
    for gold in questions:
        answer = system.ask(gold["question"], gold.get("history"))
        ranks = [evidence_rank(answer, ev["doc"], ev["quote"]) for ev in gold.get("evidence", [])]
        out.append(Outcome(gold["id"], gold.get("kind", ""), split.get(gold["id"], "dev"),
                           gold.get("answerable", True), ranks, is_correct(answer, gold), answer.found,
                           answer.timings_ms.get("total", 0.0), answer.text[:400], answer.evidence_score))
    return out


def metrics(outcomes: list[Outcome]) -> dict[str, float]:
    ranks = [question_rank(o.ranks) for o in outcomes if o.ranks]
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    times = sorted(o.ms for o in outcomes)

    def hit(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else float("nan")

    return {
        "n": len(outcomes),
        "hit@1": hit(1), "hit@5": hit(5),
        "mrr@10": sum(1 / r for r in ranks if r is not None and r <= 10) / len(ranks) if ranks else float("nan"),
        "answer": sum(o.correct for o in outcomes) / len(outcomes) if outcomes else float("nan"),
        "refusal": sum(o.correct for o in unanswerable) / len(unanswerable) if unanswerable else float("nan"),
        "false_refusal": sum(not o.found for o in answerable) / len(answerable) if answerable else float("nan"),
        "p95_ms": times[int(0.95 * (len(times) - 1))] if times else 0.0,
    }


def table(title: str, rows: dict[str, list[Outcome]]) -> str:
    cols = ["n", "hit@1", "hit@5", "mrr@10", "answer", "refusal", "false_refusal", "p95_ms"]
    lines = [f"### {title}", "", "| system | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for name, outcomes in rows.items():
        m = metrics(outcomes)
        cells = [f"{m[c]:.0f}" if c in ("n", "p95_ms") else f"{m[c]:.3f}" for c in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def kind_table(title: str, rows: dict[str, list[Outcome]]) -> str:
    kinds = sorted({o.kind for outcomes in rows.values() for o in outcomes})
    names = list(rows)
    head = "| kind | n | " + " | ".join(f"{n} hit@1 / hit@5 / ans" for n in names) + " |"
    lines = [f"### {title}", "", head, "|---|---:|" + "---|" * len(names)]
    for kind in kinds:
        cells = []
        n = 0
        for name in names:
            sub = [o for o in rows[name] if o.kind == kind]
            n = len(sub)
            m = metrics(sub)
            cells.append(f"{m['hit@1']:.2f} / {m['hit@5']:.2f} / {m['answer']:.2f}")
        lines.append(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# ---- the project -----------------------------------------------------------------------------------------------

def project(data_dir: Path, sources: list[str], rebuild: bool, **overrides: Any):  # noqa: ANN201 - Assistant
    from assistant.service import Assistant

    settings = Settings(data_dir=data_dir, **overrides)
    assistant = Assistant.from_settings(settings)
    report = assistant.library.ingest(sources, force=rebuild)
    log.info("project ingest: %s", report.summary())
    return assistant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "generality")
    parser.add_argument("--rebuild", action="store_true", help="re-parse and re-embed every document")
    parser.add_argument("--only-project", action="store_true", help="skip the baselines")
    parser.add_argument("--ablate", action="store_true", help="each stage switched off alone, untouched half")
    parser.add_argument("--extra-corpus", type=Path, help="a folder of further documents (e.g. public pages you "
                        "collected for measurement; keep them out of the repository), indexed with the others")
    parser.add_argument("--extra-questions", type=Path, help="gold questions over them (eval/README.md format), "
                        "scored as their own set")
    parser.add_argument("--extra-alone", action="store_true", help="index the further documents without the "
                        "shared ones (their gold was written against their own pages: a shared copy of the same "
                        "page would answer a question written as unanswerable)")
    args = parser.parse_args(argv)
    setup_logging()
    real = load_questions(SHARED / "eval" / "real" / "questions.jsonl")
    dev = load_questions(SHARED / "eval" / "dev.jsonl")
    split = {q["id"]: split_of(q) for q in real}
    sources = ([] if args.extra_alone else REAL_SOURCES) + ([str(args.extra_corpus)] if args.extra_corpus else [])
    extra = load_questions(args.extra_questions) if args.extra_questions else []
    if args.extra_corpus:  # its own indexes (one set per folder): the 64 documents' ones stay as they are
        where = hashlib.sha1(str(args.extra_corpus.resolve()).encode()).hexdigest()[:8]
        args.out = args.out / f"{'only' if args.extra_alone else 'with'}-{args.extra_corpus.name}-{where}"
    args.out.mkdir(parents=True, exist_ok=True)

    assistant = project(args.out / "project", sources, args.rebuild)
    systems: dict[str, Any] = {"project": assistant}
    if not args.only_project:
        naive = NaiveRagBaseline(assistant.store.embeddings, args.out / "naive")
        if naive.count() == 0 or args.rebuild:
            naive.ingest(sources)
        systems.update({"bm25": Bm25Baseline(naive), "dense": naive, "hybrid": HybridBaseline(naive)})

    results: dict[str, dict[str, list[Outcome]]] = {}
    for name, system in systems.items():
        t0 = time.perf_counter()
        results[name] = {"real": run(system, real, split), "dev": run(system, dev, {})}
        if extra:
            results[name]["extra"] = run(system, extra, {})
        log.info("%s: %.1f s", name, time.perf_counter() - t0)

    parts = []
    for part, title in (("tune", "real, tuned half"), ("holdout", "real, untouched half")):
        rows = {n: [o for o in r["real"] if o.split == part] for n, r in results.items()}
        parts.append(table(title, rows))
    parts.append(table("real, all", {n: r["real"] for n, r in results.items()}))
    parts.append(table("dev.jsonl", {n: r["dev"] for n, r in results.items()}))
    if extra:
        parts.append(table(f"extra: {args.extra_questions}", {n: r["extra"] for n, r in results.items()}))
        parts.append(kind_table("extra, per kind", {n: r["extra"] for n, r in results.items()}))
    parts.append(kind_table("real, all, per kind", {n: r["real"] for n, r in results.items()}))
    parts.append(kind_table("real, untouched half, per kind",
                            {n: [o for o in r["real"] if o.split == "holdout"] for n, r in results.items()}))
    if args.ablate:
        parts.append(ablation(assistant, real, split))
    text = "\n".join(parts)
    print(text)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps(
        {n: {k: [o.__dict__ for o in v] for k, v in r.items()} for n, r in results.items()},
        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


# Each stage of the project, switched off alone: (attribute path, value that disables it). The table answerer
# is switched off by a composer that never answers.
class _NoTable:
    def compose(self, analysis: Any) -> None:
        return None


def _stages(assistant: Any) -> dict[str, list[tuple[Any, str, Any]]]:
    from dataclasses import replace

    from assistant.passage_features import METADATA_FEATURES

    ranker, units = assistant.reranker.model, assistant.answerer.model
    stages: dict[str, list[tuple[Any, str, Any]]] = {
        "learned ranker (fixed blend instead)": [(assistant.reranker, "model", None)],
        "learned sentence scorer and gate (hand-set weights)": [(assistant.answerer, "model", None)],
        "table answers": [(assistant, "tables", _NoTable())],
        "learned sentence order (the hand-set blend orders instead)": [(assistant.answerer, "order", "rule")],
        "type requirement (a date/amount/name question needs one)": [(assistant.answerer, "require_type", False)],
        "other part of a two-part question": [(assistant.answerer, "other_parts", False)],
    }
    if ranker is not None:
        stages["metadata features (province, number, year, scope)"] = [
            (assistant.reranker, "model", ranker.without(METADATA_FEATURES))]
        stages["answer-unit score in the ranker"] = [(assistant.reranker, "model", ranker.without(["unit_best"]))]
    if units is not None:
        stages["gate (never refuse on a low score)"] = [(assistant.answerer, "model", replace(units, threshold=0.0))]
    return stages


def ablation(assistant: Any, real: list[dict[str, Any]], split: dict[str, str]) -> str:
    held = [q for q in real if split[q["id"]] == "holdout"]
    rows = {"all stages": run(assistant, held, split)}
    for stage, changes in _stages(assistant).items():
        saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in changes]
        for obj, attr, value in changes:
            setattr(obj, attr, value)
        try:
            rows[f"without {stage}"] = run(assistant, held, split)
        finally:
            for obj, attr, value in saved:
                setattr(obj, attr, value)
    return table("ablation, untouched half", rows)


if __name__ == "__main__":
    raise SystemExit(main())
