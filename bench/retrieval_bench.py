"""Retrieval-and-answer benchmark: this project against a naive LangChain RAG baseline, in one process.

    .venv/bin/python bench/retrieval_bench.py [--provinces 60] [--out bench/out]

1. Both systems index ``../shared/corpus`` (the project: an ``Assistant`` over an embedded ``PlanStore`` in a
   temporary data dir; the baseline: :mod:`bench.baseline`), sharing one ``E5Embeddings`` instance, and answer
   ``../shared/eval/dev.jsonl``; both are scored with the ``assistant.evaluation`` helpers.
2. Scaled run: near-duplicate plans of other provinces (:mod:`bench.generate_provinces`) are added to both
   indexes; ``dev.jsonl`` is asked again, and so are the generated gold questions, which only the right
   province's plan answers.

Scoring. The unscaled run scores exactly as ``assistant.evaluation.evaluate`` does (a passage that contains the
evidence quote is a hit). In the scaled runs the generated plans repeat Nam Định's sentences word for word, so a
quote such as "Là cơ quan đầu mối, chủ trì triển khai Kế hoạch" is found in every province's plan: there a
passage is a hit only if it contains the quote *and* comes from a plan of the province the question asks about
(provinces named in the question or its history, or the generated question's ``province``); questions that
name no province (national, cross-document) keep the plain rule. ``wrong-province@1`` is the share of answerable
questions naming a province whose top passage comes from another province's document; "answer accuracy (right
province)" counts a correct answer only if its first citation is from that province. Which province a document
is about is ground truth, not either system's metadata: the generator's manifest for generated plans, the
province the file names most often for the real corpus.

Tables go to stdout and to ``<out>/results.md`` and ``<out>/results.json`` (with every question's outcome);
progress bars and logs go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from tqdm import tqdm  # noqa: E402

from assistant.evaluation import EvalReport, QuestionResult, evidence_rank, is_correct, is_supported, load_questions  # noqa: E402
from assistant.library import iter_sources  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.types import Answer  # noqa: E402
from bench.baseline import NaiveRagBaseline  # noqa: E402
from bench.generate_provinces import write_generated  # noqa: E402
from common.provinces import ProvinceGazetteer  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.text import fold  # noqa: E402
from vectorstore import E5Embeddings, PlanStore  # noqa: E402

log = logging.getLogger("bench")
REFERENCE_BASELINE = {"hit@1": 0.45, "hit@5": 0.82, "mrr@10": 0.58}  # measured by another engineer, same corpus


# ---- ground truth: which province a document is about ---------------------------------------------------------

def document_provinces(paths: list[str], manifest: dict[str, str] | None = None) -> dict[str, str]:
    """File name → province: from the generator's manifest, else the province the text names most often."""
    gazetteer = ProvinceGazetteer()
    out: dict[str, str] = {}
    for path in paths:
        name = Path(path).name
        if manifest and name in manifest:
            out[name] = manifest[name]
            continue
        counts = gazetteer.counts(Path(path).read_text(encoding="utf-8", errors="replace"))
        out[name] = counts.most_common(1)[0][0] if counts else ""
    return out


def asked_provinces(gold: dict[str, Any], truth: dict[str, str]) -> list[str]:
    """The provinces a question asks about: its ``province`` field, else the evidence documents' provinces
    that the question (or its history) names."""
    if gold.get("province"):
        return [gold["province"]]
    said = fold(" ".join([*(gold.get("history") or []), gold["question"]]))
    found: list[str] = []
    for ev in gold.get("evidence", []):
        province = truth.get(Path(ev["doc"]).name, "")
        if province and province not in found and re.search(rf"(?<!\w){re.escape(fold(province))}(?!\w)", said):
            found.append(province)
    return found


def provinces_treated_as_absent(questions: list[dict[str, Any]], truth: dict[str, str]) -> list[str]:
    """Provinces that unanswerable gold questions name and the corpus lacks ("... của tỉnh Cà Mau là bao
    nhiêu?" is unanswerable because no Cà Mau plan is indexed): generating their plans would make the gold wrong."""
    gazetteer = ProvinceGazetteer()
    indexed = set(truth.values())
    out: list[str] = []
    for q in questions:
        if not q.get("answerable", True):
            for p in gazetteer.find_all(" ".join([*(q.get("history") or []), q["question"]])):
                if p not in indexed and p not in out:
                    out.append(p)
    return out


# ---- scoring -----------------------------------------------------------------------------------------------------

@dataclass
class RunResult:
    report: EvalReport
    details: list[dict[str, Any]] = field(default_factory=list)

    def extra(self) -> dict[str, float | None]:
        scoped = [d for d in self.details if d["answerable"] and d["asked_provinces"]]
        answerable = [d for d in self.details if d["answerable"]]
        plain = [r for d in self.details for r in d["plain_ranks"]]
        return {
            "wrong_province@1": (sum(d["wrong_province_top1"] for d in scoped) / len(scoped)) if scoped else None,
            "province_scoped_questions": len(scoped),
            "answer_accuracy_right_province": (sum(d["correct_right_province"] for d in answerable) / len(answerable))
            if answerable else None,
            "plain_hit@1": sum(1 for r in plain if r is not None and r <= 1) / len(plain) if plain else None,
            "plain_hit@5": sum(1 for r in plain if r is not None and r <= 5) / len(plain) if plain else None,
        }

    def metrics(self) -> dict[str, Any]:
        m: dict[str, Any] = self.report.metrics()
        if not any(not q.answerable for q in self.report.results):
            m["refusal_accuracy"] = None  # no unanswerable question: nothing measured
        return {**m, **self.extra()}


def score(system: Any, questions: list[dict[str, Any]], truth: dict[str, str], province_aware: bool,
          label: str) -> RunResult:
    """Ask every question once; score with ``assistant.evaluation``'s helpers (see the module docstring)."""
    result = RunResult(EvalReport())
    for gold in tqdm(questions, desc=label, unit="q", file=sys.stderr, leave=False):
        t0 = time.perf_counter()
        answer: Answer = system.ask(gold["question"], gold.get("history"))
        ms = (time.perf_counter() - t0) * 1e3
        asked = asked_provinces(gold, truth)

        def province_of(p) -> str:  # noqa: ANN001
            return truth.get(Path(p.source).name, "")

        in_scope = replace(answer, passages=[p for p in answer.passages[:10] if not asked or province_of(p) in asked])
        plain = [evidence_rank(answer, ev["doc"], ev["quote"]) for ev in gold.get("evidence", [])]
        scoped = [evidence_rank(in_scope, ev["doc"], ev["quote"]) for ev in gold.get("evidence", [])]
        correct = is_correct(answer, gold)
        top = answer.passages[0] if answer.passages else None
        first_cited = answer.citations[0].passage if answer.citations else None
        right_province = bool(correct and (not asked or (first_cited is not None and province_of(first_cited) in asked)))
        result.report.results.append(QuestionResult(
            id=gold.get("id", ""), kind=gold.get("kind", ""), answerable=gold.get("answerable", True),
            ranks=scoped if province_aware else plain, correct=correct,
            supported=is_supported(answer, gold, system.store), found=answer.found, answer=answer.text,
            total_ms=ms))
        result.details.append({
            "id": gold.get("id", ""), "kind": gold.get("kind", ""), "fact": gold.get("fact", ""),
            "question": gold["question"], "answerable": gold.get("answerable", True), "asked_provinces": asked,
            "plain_ranks": plain, "province_ranks": scoped, "correct": correct,
            "correct_right_province": right_province if gold.get("answerable", True) else None,
            "found": answer.found, "answer": answer.text[:2000], "ms": round(ms, 1),
            "top1_source": Path(top.source).name if top else "", "top1_province": province_of(top) if top else "",
            "top1_section": top.section_path if top else "",
            "wrong_province_top1": bool(asked and top is not None and province_of(top) not in asked),
            "cited": [Path(c.passage.source).name for c in answer.citations],
            "cited_provinces": [province_of(c.passage) for c in answer.citations],
        })
    return result


# ---- tables ------------------------------------------------------------------------------------------------------

ROWS = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("mrr@10", "MRR@10"), ("answer_accuracy", "answer accuracy"),
        ("refusal_accuracy", "refusal accuracy"), ("citation_support", "citation support"),
        ("p50_ms", "p50 answer ms"), ("p95_ms", "p95 answer ms")]
SCALED_ROWS = [("wrong_province@1", "wrong-province@1 (lower is better)"),
               ("answer_accuracy_right_province", "answer accuracy, right province cited")]


def _fmt(key: str, v: Any) -> str:
    if v is None:
        return "n/a"
    if key.endswith("_ms"):
        return f"{v:.0f}"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _ratio(key: str, a: Any, b: Any) -> str:
    if a is None or b is None:
        return "n/a"
    if b == 0:
        return "—" if a == 0 else "∞"
    return f"{a / b:.2f}×"


def metric_table(title: str, project: dict[str, Any], baseline: dict[str, Any], extra_rows: bool = False) -> str:
    rows = ROWS + (SCALED_ROWS if extra_rows else [])
    lines = [f"### {title}", "",
             f"questions: {project['questions']}" + (
                 f"; province-scoped: {project['province_scoped_questions']}" if extra_rows else ""), "",
             "| metric | project | baseline | project / baseline |", "|---|---:|---:|---:|"]
    for key, label in rows:
        a, b = project.get(key), baseline.get(key)
        lines.append(f"| {label} | {_fmt(key, a)} | {_fmt(key, b)} | {_ratio(key, a, b)} |")
    return "\n".join(lines)


def ingest_table(rows: list[dict[str, Any]]) -> str:
    lines = ["### Ingestion", "", "First ask: the first question after ingesting (the project rebuilds its lexical "
             "index then; not counted in the answer times below).", "",
             "| system | phase | documents | chunks | seconds | chunks/s | chunks in index | first ask ms |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        rate = r["chunks"] / r["seconds"] if r["seconds"] else 0.0
        lines.append(f"| {r['system']} | {r['phase']} | {r['documents']} | {r['chunks']} | {r['seconds']:.1f} | "
                     f"{rate:.1f} | {r['total_chunks']} | {r.get('first_ask_ms', 0):.0f} |")
    return "\n".join(lines)


def kinds_table(title: str, project: RunResult, baseline: RunResult) -> str:
    """hit@1 and answer accuracy (right province cited) per question kind."""
    kinds = list(dict.fromkeys(d.get("fact") or d["kind"] for d in project.details))
    lines = [f"### {title}", "", "hit@k per evidence item (a cross-document question has one per province it must name).",
             "", "| asked | n | project hit@1 | baseline hit@1 | project hit@5 | baseline hit@5 | "
             "project answer (right province) | baseline answer (right province) | baseline wrong-province@1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def share(details: list[dict[str, Any]], key: str) -> str:
        k = {"hit1": 1, "hit5": 5}.get(key)
        vals = [bool(v) for d in details for v in ([d[key]] if k is None else
                                                     [r is not None and r <= k for r in d["province_ranks"]])]
        return f"{sum(vals) / len(vals):.2f}" if vals else "n/a"

    for kind in kinds:
        p = [d for d in project.details if (d.get("fact") or d["kind"]) == kind]
        b = [d for d in baseline.details if (d.get("fact") or d["kind"]) == kind]
        lines.append(f"| {kind} | {len(p)} | {share(p, 'hit1')} | {share(b, 'hit1')} | {share(p, 'hit5')} | "
                     f"{share(b, 'hit5')} | "
                     f"{share(p, 'correct_right_province')} | {share(b, 'correct_right_province')} | "
                     f"{share(b, 'wrong_province_top1')} |")
    return "\n".join(lines)


def misses_table(title: str, details: list[dict[str, Any]], limit: int = 40) -> str:
    bad = [d for d in details if d["answerable"] and (d["wrong_province_top1"] or not d["correct_right_province"])]
    if not bad:
        return f"### {title}\n\nnone"
    lines = [f"### {title}", "", f"{len(bad)} question(s); top passage and first citation by ground-truth province.",
             "", "| id | question | asked | top-1 passage (province) | cited | correct | answer (start) |",
             "|---|---|---|---|---|---|---|"]
    for d in bad[:limit]:
        ans = " ".join(d["answer"].split())[:140].replace("|", "/")
        lines.append(f"| {d['id']} | {d['question']} | {', '.join(d['asked_provinces'])} | {d['top1_source']} "
                     f"({d['top1_province']}) | {', '.join(d['cited_provinces'][:2]) or '-'} | "
                     f"{'yes' if d['correct'] else 'no'} | {ans} |")
    if len(bad) > limit:
        lines.append(f"\n… and {len(bad) - limit} more in results.json")
    return "\n".join(lines)


# ---- the run -----------------------------------------------------------------------------------------------------

def _progress(desc: str):  # noqa: ANN202
    def wrap(items):  # noqa: ANN001, ANN202
        return tqdm(items, desc=desc, unit="doc", file=sys.stderr, leave=False)
    return wrap


def ingest_both(project: Assistant, baseline: NaiveRagBaseline, paths: list[str], phase: str) -> list[dict[str, Any]]:
    rep = project.library.ingest(paths, progress=_progress(f"project: {phase}"))
    if rep.failed:
        log.warning("project failed on %s", rep.failed)
    brep = baseline.ingest(paths, progress=_progress(f"baseline: {phase}"))
    if brep.failed:
        log.warning("baseline failed on %s", brep.failed)
    return [
        {"system": "project", "phase": phase, "documents": len(rep.added) + len(rep.replaced), "chunks":
         rep.chunks_written, "seconds": rep.seconds, "total_chunks": project.store.count(), "failed": len(rep.failed)},
        {"system": "baseline", "phase": phase, "documents": brep.documents, "chunks": brep.chunks,
         "seconds": brep.seconds, "total_chunks": baseline.count(), "failed": len(brep.failed)},
    ]


def warm_up(project: Assistant, baseline: NaiveRagBaseline, rows: list[dict[str, Any]]) -> None:
    """The first question after ingestion, outside the timed questions: the project rebuilds its lexical index
    there. Its time is recorded on this phase's ingestion rows."""
    for system, ask in (("project", project.warm_up), ("baseline", lambda: baseline.ask("Mục tiêu của kế hoạch là gì?"))):
        t0 = time.perf_counter()
        ask()
        for row in rows:
            if row["system"] == system:
                row["first_ask_ms"] = (time.perf_counter() - t0) * 1e3


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="plan-bench-"))
    try:
        settings = Settings(data_dir=data / "project")
        embeddings = E5Embeddings(batch_size=settings.embedding_batch_size)  # one instance, shared
        t0 = time.perf_counter()
        embeddings.embed_query("khởi động")
        model_load_s = time.perf_counter() - t0
        project = Assistant(PlanStore.from_settings(settings, embeddings), settings)
        baseline = NaiveRagBaseline(embeddings, data / "baseline", k=settings.top_k)

        corpus = [str(Path(c)) for c in args.corpus]
        corpus_files = list(iter_sources(corpus))
        dev = load_questions(args.questions)

        ingest_rows = ingest_both(project, baseline, corpus, "corpus")
        warm_up(project, baseline, ingest_rows)
        truth = document_provinces(corpus_files)
        base_p = score(project, dev, truth, False, "project dev")
        base_b = score(baseline, dev, truth, False, "baseline dev")

        gen_dir = out / "generated"
        absent = provinces_treated_as_absent(dev, truth)
        paths, facts, gold = write_generated(gen_dir, args.provinces, args.seed, args.gold_provinces, absent)
        manifest = {f.file: f.province for f in facts}
        truth = document_provinces(corpus_files + [str(p) for p in paths], manifest)
        scaled_rows = ingest_both(project, baseline, [str(p) for p in paths], f"+{len(paths)} generated")
        warm_up(project, baseline, scaled_rows)
        ingest_rows += scaled_rows
        dev_p = score(project, dev, truth, True, "project dev scaled")
        dev_b = score(baseline, dev, truth, True, "baseline dev scaled")
        gen_p = score(project, gold, truth, True, "project generated")
        gen_b = score(baseline, gold, truth, True, "baseline generated")
        wall = time.perf_counter() - started
    finally:
        if args.keep_data:
            print(f"data kept in {data}", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)

    runs = {
        "dev": (base_p, base_b),
        "dev_scaled": (dev_p, dev_b),
        "generated_scaled": (gen_p, gen_b),
    }
    n_docs = len(corpus_files) + len(paths)
    sections = [
        f"## Retrieval benchmark: project vs naive LangChain RAG",
        "",
        f"Embeddings: {embeddings.model_id} (one shared instance; model load {model_load_s:.1f}s). "
        f"Baseline: RecursiveCharacterTextSplitter(1000, 200) → Chroma cosine → top-{settings.top_k}; answer = "
        f"top-1 passage. Wall time {wall:.0f}s on {os.cpu_count()} CPUs. Generated provinces: {len(paths)} (seed "
        f"{args.seed}; not generated: the corpus's provinces and {', '.join(absent) or 'none'}, which dev.jsonl "
        f"treats as absent).",
        "",
        ingest_table(ingest_rows),
        "",
        metric_table(f"1. dev.jsonl on ../shared/corpus ({len(corpus_files)} documents)",
                     base_p.metrics(), base_b.metrics()),
        "",
        f"Reference baseline measured earlier by another engineer on the same corpus: hit@1 "
        f"{REFERENCE_BASELINE['hit@1']}, hit@5 {REFERENCE_BASELINE['hit@5']}, MRR@10 {REFERENCE_BASELINE['mrr@10']}.",
        "",
        metric_table(f"2. dev.jsonl on corpus + {len(paths)} generated provinces ({n_docs} documents), "
                     f"province-aware hits", dev_p.metrics(), dev_b.metrics(), extra_rows=True),
        "",
        metric_table(f"3. generated gold questions ({len(gold)} over {len({q['province'] for q in gold if q.get('province')})} provinces) "
                     f"on the same {n_docs} documents", gen_p.metrics(), gen_b.metrics(), extra_rows=True),
        "",
        kinds_table("3a. generated gold questions by what they ask", gen_p, gen_b),
        "",
        misses_table("Project: scaled dev questions answered from the wrong province or wrongly", dev_p.details),
        "",
        misses_table("Project: generated questions answered from the wrong province or wrongly", gen_p.details),
    ]
    markdown = "\n".join(sections) + "\n"
    results = {
        "wall_seconds": round(wall, 1), "model_load_seconds": round(model_load_s, 2), "cpus": os.cpu_count(),
        "embedding_model": embeddings.model_id, "provinces_generated": len(paths), "seed": args.seed,
        "documents": n_docs, "provinces_not_generated": absent, "reference_baseline": REFERENCE_BASELINE, "ingestion": ingest_rows,
        "runs": {name: {"project": p.metrics(), "baseline": b.metrics(),
                        "project_questions": p.details, "baseline_questions": b.details}
                 for name, (p, b) in runs.items()},
    }
    (out / "results.md").write_text(markdown, encoding="utf-8")
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    sys.stdout.write(markdown)
    print(f"\nwrote {out / 'results.md'} and {out / 'results.json'}", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Project vs naive LangChain RAG on dev.jsonl and near-duplicate plans.")
    ap.add_argument("--provinces", type=int, default=60, help="generated provinces (at most 58 are available)")
    ap.add_argument("--gold-provinces", type=int, default=20, help="generated provinces asked about")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out"))
    ap.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--corpus", nargs="+", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--keep-data", action="store_true", help="keep the temporary indexes")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.root.handlers:  # bm25s sets its own loggers to DEBUG on import
        handler.setLevel(logging.INFO if args.verbose else logging.WARNING)
    run(args)


if __name__ == "__main__":
    main()
