"""The assistant: a question (and the earlier turns) in, an :class:`Answer` out.

>>> assistant = Assistant.from_settings(Settings())  # doctest: +SKIP
>>> answer = assistant.ask("Cơ quan nào chủ trì kế hoạch của Nam Định?")  # doctest: +SKIP
>>> answer.found, answer.citations[0].passage.title  # doctest: +SKIP
(True, 'Kế hoạch nâng cao năng suất ... tỉnh Nam Định đến 2030')
"""

from __future__ import annotations

import time
from typing import Any

from assistant.english import is_english, to_vietnamese
from assistant.extractive import ExtractiveAnswerer
from assistant.followup import FollowUpRewriter
from assistant.library import Library
from assistant.outline import SectionOutline
from assistant.question import QuestionAnalyzer
from assistant.rerank import PassageReranker
from assistant.retriever import HybridRetriever
from assistant.types import Answer
from common.abbreviations import fix_query_typos
from common.provinces import ProvinceGazetteer
from common.settings import Settings
from common.text import nfc

EMPTY_QUESTION = "Vui lòng nhập câu hỏi."


class Assistant:
    """Wires question understanding, retrieval and the answerer; holds no per-conversation state."""

    def __init__(self, store, settings: Settings, gazetteer: ProvinceGazetteer | None = None):  # noqa: ANN001
        self.settings = settings
        self.store = store
        self.gazetteer = gazetteer or ProvinceGazetteer()
        self.analyzer = QuestionAnalyzer(self.gazetteer)
        self.rewriter = FollowUpRewriter(self.gazetteer)
        self.retriever = HybridRetriever(store=store, analyzer=self.analyzer, k=settings.top_k,
                                         candidates=settings.candidates, rrf_k=settings.rrf_k)
        self.answerer = ExtractiveAnswerer()
        self.reranker = PassageReranker(self.answerer)
        self.outline = SectionOutline(store)
        self.library = Library(store, ProvinceGazetteer(), settings)
        self._known_provinces: frozenset[str] = frozenset()

    def _sync_gazetteer(self) -> None:
        """Questions must recognise every province that indexed documents name, including ones missing from
        the built-in list (a newly created or renamed province, a fictional sample)."""
        indexed = frozenset(d.metadata.get("province", "") for d in self.store.documents().values()) - {""}
        if indexed == self._known_provinces:
            return
        extra = {p: () for p in indexed if p not in self.gazetteer.provinces}
        if extra:
            self.gazetteer = ProvinceGazetteer({**self.gazetteer.provinces, **extra})
            self.analyzer = QuestionAnalyzer(self.gazetteer)
            self.rewriter = FollowUpRewriter(self.gazetteer)
            self.retriever.analyzer = self.analyzer
        self._known_provinces = indexed

    @classmethod
    def from_settings(cls, settings: Settings) -> "Assistant":
        from vectorstore import PlanStore, make_embeddings

        return cls(PlanStore.from_settings(settings, make_embeddings(settings)), settings)

    def warm_up(self) -> None:
        """Load the embedding model and the lexical index now rather than inside the first question."""
        self.ask("Mục tiêu của kế hoạch là gì?")

    def ask(self, question: str, history: list[str] | None = None,
            where: dict[str, Any] | None = None) -> Answer:
        t0 = time.perf_counter()
        question = nfc(question or "").strip()
        if not question:
            return Answer(question, EMPTY_QUESTION, False, [], [], {"total": 0.0})
        self._sync_gazetteer()
        standalone = self.rewriter.rewrite(fix_query_typos(question), [nfc(h) for h in (history or [])])
        if is_english(standalone):
            standalone = to_vietnamese(standalone)
        analysis = self.analyzer.analyze(standalone)
        t1 = time.perf_counter()
        candidates, scope = self.retriever.retrieve(analysis, where=where, k=self.settings.rerank_candidates)
        passages = self.reranker.rerank(analysis, candidates)
        if analysis.intent in ("which_docs", "compare"):
            passages = self.reranker.diversify(passages)
        passages = passages[: self.settings.top_k]
        t2 = time.perf_counter()
        outline = self.outline.children_for(analysis, passages[0]) if analysis.intent == "list" and passages else None
        comp = self.answerer.compose(analysis, passages, scope.missing_provinces, outline)
        t3 = time.perf_counter()
        timings = {"understand": (t1 - t0) * 1e3, "retrieve": (t2 - t1) * 1e3, "answer": (t3 - t2) * 1e3,
                   "total": (t3 - t0) * 1e3}
        return Answer(question=question, text=comp.text, found=comp.found, citations=comp.citations,
                      passages=passages, timings_ms=timings, standalone_question=standalone)
