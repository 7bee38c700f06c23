"""Precision and recall of the extracted plan facts, printed as Markdown tables.

    .venv/bin/python bench/facts_bench.py                 # corpus + samples + the held-out plan (~1 min)
    .venv/bin/python bench/facts_bench.py --provinces 57  # + 57 generated plans (~6 min, embedding-bound)

1. ``../shared/corpus`` + ``samples/`` against the gold lists in ``bench/facts_gold/`` (written by hand from the
   documents): targets (document, indicator, range, year) and responsibilities (document, agency, role).
2. The held-out plan of ``tests/facts/heldout_plan.py`` (written after the rules; not tuned on), as DOCX and PDF.
3. With ``--provinces N``: N generated near-duplicate plans (``bench/generate_provinces.py``) whose 12 varied
   targets are known, and the "which provinces ..." question over all of them answered from the targets table
   versus from the retrieved passages alone (the chat before the table existed).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.facts.scoring import Score, doc_name, load_gold, score_responsibilities, score_targets  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.text import fold  # noqa: E402


def _row(name: str, s: Score) -> str:
    r = s.as_row()
    return f"| {name} | {r['gold']} | {r['extracted']} | {r['tp']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['citation']:.3f} |"


HEADER = "| set | gold | extracted | matched | precision | recall | citation correct |\n|---|---|---|---|---|---|---|"


def generated_gold(facts) -> list[dict]:  # noqa: ANN001 - bench.generate_provinces.PlanFacts
    out = []
    for f in facts:
        for year in (2025, 2030):
            def add(indicator: str, low: float, high: float) -> None:
                out.append({"doc": f.file, "indicator": indicator, "low": float(low), "high": float(high), "year": year,
                            "quote": ""})
            lp = float(getattr(f, f"lp_{year}").replace(",", "."))
            add("labour_productivity", lp, lp)
            tfp = getattr(f, f"tfp_{year}")
            add("tfp_contribution", tfp, tfp)
            for indicator, field in (("leading_enterprises", "leaders"), ("enterprises_supported", "units"),
                                     ("training_institutions", "schools"), ("experts", "experts")):
                lo, hi = getattr(f, f"{field}_{year}")
                add(indicator, lo, hi)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--provinces", type=int, default=0, help="also generate and score N near-duplicate plans")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from tests.facts import heldout_plan as H
    from tests.ingest.ingest_cases import plan_as_pdf

    work = Path(tempfile.mkdtemp(prefix="facts-bench-"))
    settings = Settings(data_dir=work / "data")
    assistant = Assistant.from_settings(settings)
    started = time.perf_counter()
    report = assistant.library.ingest([args.corpus, str(ROOT / "samples")])
    print(f"ingest corpus + samples: {report.summary()}; {report.facts}", file=sys.stderr)
    plans = [p for p in assistant.facts.plans() if doc_name(p).lower() != "readme.md"]
    text = lambda cid: assistant.store.get_chunks([cid])[0].page_content  # noqa: E731
    targets = score_targets(plans, load_gold("targets.jsonl"), text)
    duties = score_responsibilities(plans, load_gold("responsibilities.jsonl"), {doc_name(p) for p in plans})

    heldout_dir = work / "heldout"
    heldout_dir.mkdir()
    H.write_docx(heldout_dir / H.DOC)
    (heldout_dir / (H.FILE_STEM + ".pdf")).write_bytes(plan_as_pdf("\n".join(H.LINES)))
    assistant.library.ingest([str(heldout_dir)])
    rows = [_row("corpus + samples: targets", targets), _row("corpus + samples: responsibilities", duties)]
    for suffix in (".docx", ".pdf"):
        name = H.FILE_STEM + suffix
        mine = [p for p in assistant.facts.plans() if doc_name(p) == name]
        gold_t = [{**g, "doc": name} for g in H.GOLD_TARGETS]
        gold_r = [{**g, "doc": name} for g in H.GOLD_RESPONSIBILITIES]
        rows.append(_row(f"held-out plan ({suffix[1:]}): targets", score_targets(mine, gold_t, text)))
        rows.append(_row(f"held-out plan ({suffix[1:]}): responsibilities", score_responsibilities(mine, gold_r, {name})))

    print("## Extracted facts against the gold lists\n")
    print(HEADER)
    print("\n".join(rows))
    if targets.misses or duties.misses:
        print("\nMissed (corpus + samples):\n" + "\n".join(f"- {m}" for m in targets.misses + duties.misses))
    if targets.extras or duties.extras:
        print("\nExtracted but not in the gold list:\n" + "\n".join(f"- {m}" for m in targets.extras + duties.extras))

    if args.provinces:
        from bench.generate_provinces import write_generated

        paths, facts, _ = write_generated(work / "generated", n=args.provinces)
        t0 = time.perf_counter()
        rep = assistant.library.ingest([str(work / "generated")])
        print(f"ingest {len(paths)} generated plans: {rep.summary()}; {rep.facts}", file=sys.stderr)
        t1 = time.perf_counter()
        gen = [p for p in assistant.facts.plans() if doc_name(p) in {f.file for f in facts}]
        gold = generated_gold(facts)
        wanted = {"labour_productivity", "tfp_contribution", "leading_enterprises", "enterprises_supported",
                  "training_institutions", "experts"}
        for p in gen:  # score only the indicators the generator varies
            object.__setattr__(p, "targets", tuple(t for t in p.targets if t.indicator in wanted))
        score = score_targets(gen, gold, lambda cid: "")
        print("\n## Generated plans\n")
        print(HEADER)
        print(_row(f"{len(facts)} generated plans: 12 targets each", score).rsplit("|", 2)[0] + "| — |")
        print(f"\nIngest of {len(paths)} plans incl. fact extraction: {t1 - t0:.1f} s; facts of all "
              f"{len(assistant.facts.plans())} documents loaded from disk in "
              f"{_timed(lambda: type(assistant.facts)(assistant.store, settings.facts_path).plans()):.2f} s")
        truth_lp = {f.province for f in facts if float(f.lp_2025.replace(",", ".")) > 8}
        question = "Những tỉnh nào đặt mục tiêu tăng năng suất lao động trên 8%/năm đến năm 2025?"
        print(f"\n## \"{question}\" over {len(facts)} generated plans (+ corpus)\n")
        print("| answered from | provinces expected | named | correct | recall | precision |\n|---|---|---|---|---|---|")
        for label, use_table in (("targets table", True), ("retrieved passages only", False)):
            applies = assistant.tables.applies
            if not use_table:
                assistant.tables.applies = lambda analysis: False  # the chat before issue 7
            answer = assistant.ask(question)
            assistant.tables.applies = applies
            named = {f.province for f in facts if fold(f.province) in fold(answer.text)}
            hit = named & truth_lp
            print(f"| {label} | {len(truth_lp)} | {len(named)} | {len(hit)} | "
                  f"{len(hit) / len(truth_lp) if truth_lp else 1:.3f} | {len(hit) / len(named) if named else 1:.3f} |")
    print(f"\n(total {time.perf_counter() - started:.0f} s; data in {work})", file=sys.stderr)


def _timed(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
