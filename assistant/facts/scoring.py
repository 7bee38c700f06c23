"""Precision and recall of extracted facts against a hand-written gold list (``bench/facts_gold/``).

A gold target names its document (file name), indicator (or several acceptable ones), the numeric range, the
year (``null``: any) and a verbatim quote; an extracted target matches when document, indicator, range, subset
flag and year agree, and its citation is correct when the cited passage holds the gold quote. A gold
responsibility is ``(document, agency, role)``; extracted responsibilities are compared as distinct triples.

>>> s = Score(tp=9, fp=1, fn=3)
>>> round(s.precision, 2), round(s.recall, 2)
(0.9, 0.75)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from assistant.facts.types import PlanFacts, Target
from common.text import normalise_for_match

GOLD_DIR = Path(__file__).resolve().parents[2] / "bench" / "facts_gold"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cited: int = 0  # matched facts whose cited passage holds the gold quote
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def citation_accuracy(self) -> float:
        return self.cited / self.tp if self.tp else 1.0

    def as_row(self) -> dict[str, Any]:
        return {"gold": self.tp + self.fn, "extracted": self.tp + self.fp, "tp": self.tp,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "citation": round(self.citation_accuracy, 3)}


def load_gold(name: str, directory: Path = GOLD_DIR) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (directory / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def doc_name(plan: PlanFacts) -> str:
    return PurePath(str(plan.metadata.get("source", "") or plan.metadata.get("abs_path", ""))).name


def _target_matches(t: Target, g: dict[str, Any]) -> bool:
    indicators = g["indicator"] if isinstance(g["indicator"], list) else [g["indicator"]]
    year_ok = g.get("year") is None or t.year == g["year"] or (t.year is None and t.period.endswith(str(g["year"])))
    return (t.indicator in indicators and abs(t.low - g["low"]) < 1e-9 and abs(t.high - g["high"]) < 1e-9
            and year_ok and t.subset == bool(g.get("subset", False))
            and (g.get("level") is None or t.source.level == g["level"]))


def score_targets(plans: Iterable[PlanFacts], gold: list[dict[str, Any]],
                  passage_text: Callable[[str], str]) -> Score:
    """``passage_text(chunk_id)`` gives the text of a cited chunk (to check the citation)."""
    score = Score()
    docs = {g["doc"] for g in gold}
    extracted = [(doc_name(p), t) for p in plans if doc_name(p) in docs for t in p.targets]
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, (d, t) in enumerate(extracted) if i not in used and d == g["doc"] and _target_matches(t, g)),
                   None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{g['doc']}: {g['indicator']} {g['low']}-{g['high']} ({g.get('year')}) «{g['quote']}»")
            continue
        used.add(hit)
        score.tp += 1
        t = extracted[hit][1]
        text = normalise_for_match(passage_text(t.source.chunk_id))
        if normalise_for_match(g["quote"]) in text and normalise_for_match(t.source.quote) in text:
            score.cited += 1
    for i, (d, t) in enumerate(extracted):
        if i not in used:
            score.fp += 1
            score.extras.append(f"{d}: {t.indicator} {t.value_text} ({t.year}) «{t.source.quote[:80]}»")
    return score


def score_responsibilities(plans: Iterable[PlanFacts], gold: list[dict[str, Any]], docs: set[str]) -> Score:
    """Distinct (document, agency, role) triples; ``docs`` are the documents the gold list covers (documents
    with no responsibilities in the gold list still count their extractions as false positives)."""
    score = Score()
    wanted = {(g["doc"], g["agency"], g["role"]) for g in gold}
    got = {(doc_name(p), r.agency, r.role) for p in plans if doc_name(p) in docs for r in p.responsibilities}
    score.tp = len(wanted & got)
    score.fn = len(wanted - got)
    score.fp = len(got - wanted)
    score.cited = score.tp  # every extracted responsibility carries its own task sentence as the citation
    score.misses = sorted(" / ".join(x) for x in wanted - got)
    score.extras = sorted(" / ".join(x) for x in got - wanted)
    return score
