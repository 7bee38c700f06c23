"""Fit the passage ranker, the answer-unit model and the refusal gate on the tuned half of the gold questions.

    .venv/bin/python bench/fit_weights.py [--out bench/out/generality] [--write]

Training questions: the tuned half of ``../shared/eval/real/questions.jsonl`` (:func:`bench.split.split_of`;
the untouched half is never read here) and ``../shared/eval/dev.jsonl`` over the index ``bench/generality.py``
builds under ``--out``; and ``tests/quality/questions.jsonl`` over its documents (``<out>/quality``). Indexes are
built here if missing. The five sample questions of tests/assistant/test_answers.py join the last set.

1. Passage ranker (``assistant/weights/passage_ranker.json``): one row per candidate passage of a question's pool
   (:meth:`HybridRetriever.gather` + :meth:`PassageReranker.features`), label 1 if the passage holds an evidence
   quote. L2 strength chosen by 4-fold cross-validation grouped by document (hit@1 of the folds' held-out part).
2. Answer-unit model (``answer_units.json``): one row per sentence or list item of the top passages (ranked by
   the fitted ranker), label 1 if what the answer would quote for it (the unit, and after an introduction ending
   in ":" the items that follow) holds one of the answer strings; unanswerable questions give only 0 rows.
   L2 by the same cross-validation (share of questions whose best unit holds an answer string); ties go to the
   L2 with the lowest held-out log-loss (the gate reads these probabilities across questions).
3. The gate: the answer-unit model's ``threshold``, the probability under which the best unit is not taken as an
   answer, chosen to maximise answer accuracy (an answerable question answered correctly, an unanswerable one
   refused) on the training questions among the thresholds that refuse at most ``MAX_FALSE_REFUSALS`` of the
   answerable ones, then refusing the fewest right answers; of the range of thresholds that tie, the middle (a
   margin on both sides).

Prints the cross-validated numbers; ``--write`` saves the JSON files into ``assistant/weights``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generality import REAL_SOURCES, SHARED, project, setup_logging  # noqa: E402  (sets the offline environment)
from assistant.evaluation import is_correct, load_questions  # noqa: E402
from assistant.extractive import UNIT_MODEL_FEATURES  # noqa: E402
from assistant.linear_model import LinearModel, fit_logistic  # noqa: E402
from assistant.passage_features import PASSAGE_FEATURES  # noqa: E402
from bench.split import split_of  # noqa: E402
from common.text import normalise_for_match  # noqa: E402

WEIGHTS = ROOT / "assistant" / "weights"
L2_GRID = (0.1, 1.0, 10.0, 100.0)
# The gate may refuse at most this share of the answerable training questions (the target is ≤ 0.03 false
# refusals on unseen questions; a little margin below it): a wrong refusal costs a user more than a weak answer.
MAX_FALSE_REFUSALS = 0.01
FOLDS = 4
log = logging.getLogger("fit")


def fold_of(question: dict[str, Any]) -> int:
    """Cross-validation fold by the question's first evidence document (or its id): a document's questions stay
    in one fold."""
    docs = sorted(ev["doc"] for ev in question.get("evidence", [])) or [question["id"]]
    return hashlib.sha1(docs[0].encode()).digest()[1] % FOLDS


Group = tuple[dict[str, Any], list[dict[str, float]], list[int]]  # question, rows, labels


def passage_groups(assistant: Any, questions: list[dict[str, Any]]) -> list[Group]:
    groups = []
    for q in questions:
        _, a = assistant.understand(q["question"], q.get("history"))
        gathered = assistant.retriever.gather(a, k=assistant.settings.rerank_candidates)
        feats = assistant.reranker.features(a, gathered.passages, gathered.features)
        quotes = [normalise_for_match(ev["quote"]) for ev in q.get("evidence", [])]
        rows, labels = [], []
        for p in gathered.passages:
            text = normalise_for_match(p.text)
            rows.append(feats[p.chunk_id])
            labels.append(int(any(quote in text for quote in quotes)))
        groups.append((q, rows, labels))
    return groups


def answer_strings(q: dict[str, Any]) -> list[str]:
    return [normalise_for_match(s) for group in q.get("answer_any") or [] for s in group]


def unit_groups(assistant: Any, questions: list[dict[str, Any]]) -> list[Group]:
    answerer = assistant.answerer
    saved, answerer.model = answerer.model, None  # the hand-set scores order nothing here; features are the same
    try:
        groups = []
        for q in questions:
            _, a = assistant.understand(q["question"], q.get("history"))
            gathered = assistant.retriever.gather(a, k=assistant.settings.rerank_candidates)
            passages = assistant.reranker.rerank(a, gathered.passages, gathered.features)[: assistant.settings.top_k]
            wanted = answer_strings(q) if q.get("answerable", True) else []
            rows, labels = [], []
            for c in answerer.candidates(a, passages):
                text = normalise_for_match(" ".join(answerer.quoted(c)))  # what the answer would quote
                rows.append(dict(c.features))
                labels.append(int(any(s in text for s in wanted)))
            groups.append((q, rows, labels))
        return groups
    finally:
        answerer.model = saved


def _top_hit(model: LinearModel, rows: list[dict[str, float]], labels: list[int]) -> int:
    if not rows:
        return 0
    best = max(range(len(rows)), key=lambda i: model.logit(rows[i]))
    return labels[best]


def cross_validate(groups: list[Group], features: tuple[str, ...]) -> tuple[float, dict[float, float]]:
    """The L2 strength whose models, fitted on three folds, put a labelled row first most often on the fourth
    (over questions that have a labelled row at all); of strengths that tie, the one whose held-out
    probabilities fit the labels best (lowest mean log-loss over every held-out row): the refusal gate compares
    those probabilities across questions, so their calibration matters too."""
    scores: dict[float, float] = {}
    losses: dict[float, float] = {}
    for l2 in L2_GRID:
        hits = total = 0
        loss, rows_n = 0.0, 0
        for fold in range(FOLDS):
            train = [(r, y) for q, rows, labels in groups if fold_of(q) != fold for r, y in zip(rows, labels)]
            if not train:
                continue
            model = fit_logistic([r for r, _ in train], [y for _, y in train], features, l2)
            for q, rows, labels in groups:
                if fold_of(q) != fold:
                    continue
                for r, y in zip(rows, labels):
                    prob = min(max(model.probability(r), 1e-9), 1 - 1e-9)
                    loss -= math.log(prob if y else 1 - prob)
                    rows_n += 1
                if any(labels):
                    hits += _top_hit(model, rows, labels)
                    total += 1
        scores[l2] = hits / total if total else 0.0
        losses[l2] = loss / rows_n if rows_n else 0.0
    best = max(scores, key=lambda l2: (round(scores[l2], 12), -losses[l2]))
    log.info("cross-validated log-loss by L2: %s", json.dumps({str(k): round(v, 4) for k, v in losses.items()}))
    return best, scores


def fit(groups: list[Group], features: tuple[str, ...], name: str) -> LinearModel:
    l2, scores = cross_validate(groups, features)
    rows = [r for _, rs, _ in groups for r in rs]
    labels = [y for _, _, ys in groups for y in ys]
    model = fit_logistic(rows, labels, features, l2)
    answerable = [g for g in groups if any(g[2])]
    train_top = sum(_top_hit(model, rs, ys) for _, rs, ys in answerable) / max(1, len(answerable))
    info = {"l2": l2, "cv_top1_by_l2": {str(k): round(v, 4) for k, v in scores.items()},
            "train_top1": round(train_top, 4), "questions": len(groups), "rows": len(rows),
            "positives": int(sum(labels))}
    log.info("%s: %s", name, json.dumps(info))
    return replace(model, info=info)


def choose_threshold(assistants: list[tuple[Any, list[dict[str, Any]]]], model: LinearModel) -> tuple[float, dict]:
    """The gate: for each training question the score the gate sees (the answer's ``evidence_score``, computed on
    the passages the answer is composed from) and whether the answer composed without a gate is right; the
    threshold maximising accuracy, then refusing the fewest right answers; of the range of thresholds that tie,
    the middle. A question refused before the gate (a province or year the library lacks) or answered without
    it (a table) is so whatever the threshold, and never counts as refused by it."""
    points = []
    for assistant, questions in assistants:
        answerer = assistant.answerer
        saved, answerer.model = answerer.model, replace(model, threshold=0.0)
        try:
            for q in questions:
                answer = assistant.ask(q["question"], q.get("history"))
                answerable = q.get("answerable", True)
                fixed = None if answer.found and answer.evidence_score is not None else answer.found
                points.append((answer.evidence_score or 0.0, fixed, answerable, answerable and is_correct(answer, q)))
        finally:
            answerer.model = saved
    return threshold_from_points(points)


GatePoint = tuple[float, "bool | None", bool, bool]  # (gate score, fixed outcome or None, answerable, right)


def threshold_from_points(points: list[GatePoint]) -> tuple[float, dict]:
    """The threshold :func:`choose_threshold` describes, from each training question's (gate score, whether it
    is answered whatever the threshold (True/False) or None when the gate decides, answerable, answered right).

    >>> threshold_from_points([(0.05, None, False, False), (0.18357, None, True, True), (0.6, None, True, True)])[0]
    0.116785
    """

    def answered(top: float, fixed: bool | None, t: float) -> bool:
        return fixed if fixed is not None else top >= t

    gated = [p for p in points if p[1] is None]
    grid = sorted({0.0, *(p[0] for p in gated)})  # exact scores: a rounded grid point can lie above its own score
    answerable_n = sum(p[2] for p in points) or 1
    scored: list[tuple[tuple[float, int], float, float]] = []
    for t in grid:
        if sum(p[2] and p[0] < t for p in gated) / answerable_n > MAX_FALSE_REFUSALS:
            break  # thresholds only refuse more from here on
        acc = sum((ok and answered(top, fixed, t)) or (not answerable and not answered(top, fixed, t))
                  for top, fixed, answerable, ok in points) / len(points)
        refused_right = sum(ok and not answered(top, fixed, t) for top, fixed, answerable, ok in points)
        scored.append(((round(acc, 12), -refused_right), t, acc))
    # The best accuracy, then the fewest right answers refused. A threshold t refuses the scores below it, so the
    # best behaviour holds for t from just above the training score below the lowest tied grid point up to the
    # highest tied one: the middle of that range keeps a margin from both ends (a question scoring a little
    # lower or higher than its training twin is not refused or answered on that alone).
    best_key = max(key for key, _, _ in scored)
    tied = [t for key, t, _ in scored if key == best_key]
    best_acc = next(acc for key, _, acc in scored if key == best_key)
    below = [t for t in grid if t < min(tied)]
    best_t = ((below[-1] if below else min(tied)) + max(tied)) / 2
    refused = [p for p in gated if p[0] < best_t]
    return best_t, {"accuracy": round(best_acc, 4), "refused_answerable": sum(p[2] for p in refused),
                    "refused_unanswerable": sum(not p[2] for p in refused),
                    "unanswerable": sum(not p[2] for p in points),
                    "refused_before_gate": sum(p[1] is False for p in points)}


def sample_questions() -> list[dict[str, Any]]:
    """The questions on ``samples/`` that tests/assistant/test_answers.py asks, in the gold format."""
    from tests.assistant.test_answers import SAMPLE_QUESTIONS

    return [{"id": f"sample-{i}", "question": q, "answer_any": [[fact]], "answerable": True,
             "evidence": [{"doc": source, "quote": fact}]} for i, (q, fact, source) in enumerate(SAMPLE_QUESTIONS)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "generality")
    parser.add_argument("--write", action="store_true", help="save the fitted weights into assistant/weights")
    args = parser.parse_args(argv)
    setup_logging()
    real = load_questions(SHARED / "eval" / "real" / "questions.jsonl")
    suites = [  # (index, its sources, training questions over it)
        (args.out / "project", REAL_SOURCES,
         [q for q in real if split_of(q) == "tune"] + load_questions(SHARED / "eval" / "dev.jsonl")),
        (args.out / "quality", [str(SHARED / "corpus"), str(ROOT / "samples"), str(ROOT / "tests" / "quality" / "docs")],
         load_questions(ROOT / "tests" / "quality" / "questions.jsonl") + sample_questions()),
    ]
    assistants = []
    for data_dir, sources, questions in suites:
        assistant = project(data_dir, sources, rebuild=False)
        assistant.reranker.model = None
        assistant.answerer.model = None
        assistants.append((assistant, questions))

    ranker = fit([g for a, qs in assistants for g in passage_groups(a, qs)], PASSAGE_FEATURES, "passage_ranker")
    for a, _ in assistants:
        a.reranker.model = ranker
    units = fit([g for a, qs in assistants for g in unit_groups(a, qs)], UNIT_MODEL_FEATURES, "answer_units")
    threshold, gate = choose_threshold(assistants, units)
    units = replace(units, threshold=threshold, info={**units.info, "gate": gate})
    log.info("gate: threshold %.4f %s", threshold, json.dumps(gate))
    for name, model in (("passage_ranker", ranker), ("answer_units", units)):
        text = json.dumps(model.to_json(), ensure_ascii=False, indent=1)
        print(f"{name}:\n{text}")
        if args.write:
            (WEIGHTS / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
