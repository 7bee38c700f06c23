"""The assistant: a question (and the earlier turns) in, an :class:`Answer` out.

>>> assistant = Assistant.from_settings(Settings())  # doctest: +SKIP
>>> answer = assistant.ask("Cơ quan nào chủ trì kế hoạch của Nam Định?")  # doctest: +SKIP
>>> answer.found, answer.citations[0].passage.title  # doctest: +SKIP
(True, 'Kế hoạch nâng cao năng suất ... tỉnh Nam Định đến 2030')
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

from assistant.english import is_english, to_vietnamese
from assistant.facts import FactIndex
from assistant.facts.answers import TableAnswerer
from assistant.extractive import ExtractiveAnswerer
from assistant.followup import FollowUpRewriter
from assistant.generative import Expectation, GenerativeAnswerer
from assistant.llm_followup import LLMFollowUpRewriter
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
    """Wires question understanding, retrieval and the answerer; holds no per-conversation state. Safe to call
    from several threads at once (the app answers ``settings.concurrency`` questions at a time): a question only
    reads the store, and the one update, the provinces learned from the index, happens under a lock."""

    def __init__(self, store, settings: Settings, gazetteer: ProvinceGazetteer | None = None,  # noqa: ANN001
                 llm=None):  # noqa: ANN001 - a LangChain BaseChatModel; None keeps the extractive answerer
        self.settings = settings
        self.store = store
        self.llm = llm
        self.gazetteer = gazetteer or ProvinceGazetteer()
        self.analyzer = QuestionAnalyzer(self.gazetteer)
        self.rewriter = self._rewriter()
        self.retriever = HybridRetriever(store=store, analyzer=self.analyzer, k=settings.top_k,
                                         candidates=settings.candidates, rrf_k=settings.rrf_k)
        self.answerer = ExtractiveAnswerer()
        self.generator = GenerativeAnswerer(llm, max_passages=settings.llm_passages,
                                            passage_chars=settings.llm_passage_chars,
                                            retries=settings.llm_retries) if llm is not None else None
        self.reranker = PassageReranker(self.answerer)
        self.outline = SectionOutline(store)
        self.facts = FactIndex(store, settings.facts_path)
        self.tables = TableAnswerer(self.facts, store)
        self.library = Library(store, ProvinceGazetteer(), settings, facts=self.facts)
        self._known_provinces: frozenset[str] = frozenset()
        self._gazetteer_lock = threading.Lock()

    def _sync_gazetteer(self) -> None:
        """Questions must recognise every province that indexed documents name, including ones missing from
        the built-in list (a newly created or renamed province, a fictional sample)."""
        indexed = self.store.catalog().provinces
        if indexed == self._known_provinces:
            return
        with self._gazetteer_lock:  # one thread rebuilds; the others then find it done
            if indexed == self._known_provinces:
                return
            extra = {p: () for p in indexed if p not in self.gazetteer.provinces}
            if extra:
                gazetteer = ProvinceGazetteer({**self.gazetteer.provinces, **extra})
                analyzer = QuestionAnalyzer(gazetteer)
                self.gazetteer, self.analyzer = gazetteer, analyzer
                self.rewriter = self._rewriter()
                self.retriever.analyzer = analyzer
            self._known_provinces = indexed

    def _rewriter(self) -> FollowUpRewriter | LLMFollowUpRewriter:
        rules = FollowUpRewriter(self.gazetteer)
        if self.llm is not None and self.settings.llm_rewrite_followups:
            return LLMFollowUpRewriter(self.llm, rules)
        return rules

    @classmethod
    def from_settings(cls, settings: Settings) -> "Assistant":
        from assistant.llm import make_chat_model
        from vectorstore import PlanStore, make_embeddings

        return cls(PlanStore.from_settings(settings, make_embeddings(settings)), settings,
                   llm=make_chat_model(settings))

    def warm_up(self) -> None:
        """Load the embedding model and the lexical index now rather than inside the first question."""
        self.ask("Mục tiêu của kế hoạch là gì?")

    def ask(self, question: str, history: list[str] | None = None,
            where: dict[str, Any] | None = None) -> Answer:
        *_, answer = self.ask_stream(question, history, where)
        return answer

    def ask_stream(self, question: str, history: list[str] | None = None,
                   where: dict[str, Any] | None = None) -> Iterator[str | Answer]:
        """The model's tokens as they come (generative mode only), then the checked :class:`Answer`."""
        t0 = time.perf_counter()
        question = nfc(question or "").strip()
        if not question:
            yield Answer(question, EMPTY_QUESTION, False, [], [], {"total": 0.0})
            return
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
        # "Which provinces / compare / highest" over an indicator: the targets table holds every plan, the
        # passages only a few; answered from the table (exact figures, each cited), never rewritten by a model.
        table = self.tables.compose(analysis) if where is None and not scope.missing_provinces else None
        comp = table or self.answerer.compose(analysis, passages, scope.missing_provinces, outline)
        mode, checks = ("table", {}) if table else ("extractive", {})
        if self.generator is not None and table is None:
            # The model sees the question as asked (so it answers in its language), with the follow-up resolved.
            asked = question if standalone == question or is_english(question) else standalone
            expect = Expectation(
                figure=analysis.intent == "quantity" or analysis.wants_percent or analysis.wants_money,
                provinces=tuple(self.gazetteer.find_all(comp.text)) if analysis.intent in ("which_docs", "compare")
                else ())
            for part in self.generator.stream(asked, passages, comp, expect):
                if isinstance(part, str):
                    yield part
                else:
                    comp, mode, checks = part.composition, part.mode, part.checks
        t3 = time.perf_counter()
        timings = {"understand": (t1 - t0) * 1e3, "retrieve": (t2 - t1) * 1e3, "answer": (t3 - t2) * 1e3,
                   "total": (t3 - t0) * 1e3}
        yield Answer(question=question, text=comp.text, found=comp.found, citations=comp.citations,
                     passages=passages, timings_ms=timings, standalone_question=standalone, mode=mode,
                     checks=checks)
