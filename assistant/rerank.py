"""Rerank retrieved passages by the best answer unit each holds.

No cross-encoder for Vietnamese ships offline (MODELS.md), so the reranker uses the structure the answerer
already reads: how well a sentence or list item of the passage matches the question's keywords, whether it
carries the asked kind of fact (a date, a percentage, an agency...), the asked year, national vs provincial
scope. The fused retrieval score stays part of the result, so a reranked list never drops far from retrieval.

>>> reranked = PassageReranker(ExtractiveAnswerer()).rerank(analysis, passages)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from assistant.extractive import ExtractiveAnswerer
from assistant.linear_model import LinearModel
from assistant.question import QuestionAnalysis
from assistant.types import Passage


class PassageReranker:
    """With a fitted ``model`` (``assistant/weights/passage_ranker.json``) and the retriever's features, a
    passage's score is the model's probability that it holds the answer; otherwise a fixed blend of the fused
    retrieval score and the best unit score."""

    def __init__(self, scorer: ExtractiveAnswerer, retrieval_weight: float = 0.5, model: LinearModel | None = None):
        self.scorer = scorer
        self.retrieval_weight = retrieval_weight
        self.model = model

    def features(self, analysis: QuestionAnalysis, passages: list[Passage],
                 features: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
        """The retriever's features of each passage plus its best answer unit's score."""
        reading = self.scorer.reading(analysis, passages)
        out = {}
        for p in passages:
            units = self.scorer.unit_scores(*reading(p))
            out[p.chunk_id] = {**features.get(p.chunk_id, {}), "unit_best": max((c.score for c in units), default=0.0)}
        return out

    def rerank(self, analysis: QuestionAnalysis, passages: list[Passage],
               features: Mapping[str, Mapping[str, float]] | None = None) -> list[Passage]:
        if not passages:
            return passages
        if self.model is not None and features is not None:
            full = self.features(analysis, passages, features)
            scored = [(self.model.probability(full[p.chunk_id]), p) for p in passages]
            scored.sort(key=lambda sp: sp[0], reverse=True)
            return [replace(p, rank=i + 1, score=s) for i, (s, p) in enumerate(scored)]
        best = max(p.score for p in passages) or 1.0
        weights = self.scorer.keyword_weights(analysis, passages)
        scored = []
        for p in passages:
            units = self.scorer.unit_scores(analysis, p, weights)
            unit_best = max((c.score for c in units), default=0.0)
            score = self.retrieval_weight * p.score / best + (1 - self.retrieval_weight) * unit_best
            scored.append((score, p))
        scored.sort(key=lambda sp: sp[0], reverse=True)
        return [replace(p, rank=i + 1, score=s) for i, (s, p) in enumerate(scored)]

    @staticmethod
    def diversify(passages: list[Passage], per_doc: int = 1) -> list[Passage]:
        """For questions across documents: the best ``per_doc`` passages of each document first, among the
        passages that score at least half the best one; a document whose best passage scores far lower is not
        put before another document's second relevant passage."""
        top = max((p.score for p in passages), default=0.0)
        seen: dict[str, int] = {}
        first, rest = [], []
        for p in passages:
            seen[p.doc_id] = seen.get(p.doc_id, 0) + 1
            (first if seen[p.doc_id] <= per_doc and p.score >= 0.5 * top else rest).append(p)
        return [replace(p, rank=i + 1) for i, p in enumerate(first + rest)]
