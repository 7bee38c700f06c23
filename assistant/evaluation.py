"""Score the assistant on gold questions (format: ../shared/eval/README.md).

Metrics: retrieval hit@1, hit@5 and MRR@10 per evidence item; answer accuracy (every ``answer_any`` group
matched, or a refusal for an unanswerable question); refusal accuracy; citation support (every evidence quote
lies in a cited passage, and every cited passage exists in the store with the text shown).
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.types import Answer
from common.text import normalise_for_match


@dataclass
class QuestionResult:
    id: str
    kind: str
    answerable: bool
    ranks: list[int | None]
    correct: bool
    supported: bool | None
    found: bool
    answer: str
    total_ms: float
    mode: str = "extractive"
    check: str = ""


@dataclass
class EvalReport:
    results: list[QuestionResult] = field(default_factory=list)

    def _ranks(self) -> list[int | None]:
        return [question_rank(q.ranks) for q in self.results if q.ranks]

    def hit_at(self, k: int) -> float:
        ranks = self._ranks()
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0

    def mrr(self, k: int = 10) -> float:
        ranks = self._ranks()
        return sum(1.0 / r for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0

    @property
    def answer_accuracy(self) -> float:
        return sum(q.correct for q in self.results) / len(self.results) if self.results else 0.0

    @property
    def refusal_accuracy(self) -> float:
        un = [q for q in self.results if not q.answerable]
        return sum(q.correct for q in un) / len(un) if un else 1.0

    @property
    def citation_support(self) -> float:
        sup = [q.supported for q in self.results if q.supported is not None]
        return sum(sup) / len(sup) if sup else 0.0

    def latency(self, pct: float) -> float:
        times = sorted(q.total_ms for q in self.results)
        if not times:
            return 0.0
        if len(times) == 1:
            return times[0]
        return statistics.quantiles(times, n=100, method="inclusive")[int(pct) - 1]

    def verifier(self) -> dict[str, float]:
        """Generative mode only: how the answers came out of the check. ``verifier_interventions`` is the share of
        model answers the checker repaired or rejected (rejected ones are replaced by the extractive answer)."""
        called = [q for q in self.results if q.check and q.check != "not_called"]
        if not called:
            return {}
        count = {s: sum(q.check == s for q in called) for s in ("passed", "repaired", "rejected", "model_unavailable")}
        return {"model_answers": len(called), "generative_share": sum(q.mode == "generative" for q in called)
                / len(called), "verifier_interventions": (count["repaired"] + count["rejected"]) / len(called),
                **{f"check_{k}": v for k, v in count.items()}}

    def metrics(self) -> dict[str, float]:
        return {"questions": len(self.results), "hit@1": self.hit_at(1), "hit@5": self.hit_at(5),
                "mrr@10": self.mrr(10), "answer_accuracy": self.answer_accuracy,
                "refusal_accuracy": self.refusal_accuracy, "citation_support": self.citation_support,
                "p50_ms": self.latency(50), "p95_ms": self.latency(95), **self.verifier()}

    def table(self) -> str:
        m = self.metrics()
        lines = [f"{k:>18}: {v:.3f}" if isinstance(v, float) else f"{k:>18}: {v}" for k, v in m.items()]
        wrong = [q for q in self.results if not q.correct or q.supported is False]
        if wrong:
            lines.append("not correct or not supported:")
            lines += [f"  {q.id} ({q.kind}): correct={q.correct} supported={q.supported} ranks={q.ranks}"
                      + (f" mode={q.mode} check={q.check}" if q.check else "") for q in wrong]
        return "\n".join(lines)


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _same_doc(source: str, doc: str) -> bool:
    return Path(source).name == Path(doc).name or source == doc


def evidence_rank(answer: Answer, doc: str, quote: str, k: int = 10, same_doc: bool = True) -> int | None:
    """Rank of the first passage of ``doc`` that contains ``quote`` (as eval/README.md defines a hit); with
    ``same_doc=False``, a copy of the quote in another document counts too."""
    q = normalise_for_match(quote)
    for p in answer.passages[:k]:
        if (not same_doc or _same_doc(p.source, doc)) and q in normalise_for_match(p.text):
            return p.rank
    return None


def question_rank(ranks: list[int | None]) -> int | None:
    """eval/README.md scores a question, not a quote: it is a hit at k when every evidence quote lies in the first
    k passages, so its rank is the largest of its quotes' ranks (None when one is missing)."""
    if not ranks or any(r is None for r in ranks):
        return None
    return max(r for r in ranks if r is not None)


def is_correct(answer: Answer, gold: dict[str, Any]) -> bool:
    if not gold.get("answerable", True):
        return not answer.found and not answer.citations
    text = normalise_for_match(answer.text)
    groups = gold.get("answer_any") or []
    return answer.found and all(any(normalise_for_match(s) in text for s in group) for group in groups)


def is_supported(answer: Answer, gold: dict[str, Any], store) -> bool | None:  # noqa: ANN001 - PlanStore
    """None for questions with nothing to support (unanswerable, or not answered)."""
    if not gold.get("answerable", True) or not answer.found:
        return None
    cited = [normalise_for_match(c.passage.text) for c in answer.citations]
    for ev in gold.get("evidence", []):
        if not any(normalise_for_match(ev["quote"]) in text for text in cited):
            return False
    stored = {d.metadata.get("chunk_id"): d.page_content for d in
              store.get_chunks([c.passage.chunk_id for c in answer.citations])}
    return all(stored.get(c.passage.chunk_id) == c.passage.text for c in answer.citations)


def evaluate(assistant, questions: list[dict[str, Any]]) -> EvalReport:  # noqa: ANN001 - Assistant
    report = EvalReport()
    for gold in questions:
        answer = assistant.ask(gold["question"], gold.get("history"))
        ranks = [evidence_rank(answer, ev["doc"], ev["quote"]) for ev in gold.get("evidence", [])]
        report.results.append(QuestionResult(
            id=gold.get("id", ""), kind=gold.get("kind", ""), answerable=gold.get("answerable", True),
            ranks=ranks, correct=is_correct(answer, gold), supported=is_supported(answer, gold, assistant.store),
            found=answer.found, answer=answer.text, total_ms=answer.timings_ms.get("total", 0.0), mode=answer.mode,
            check=answer.checks.get("status", "")))
    return report
