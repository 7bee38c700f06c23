"""The assistant: a question (and the earlier turns) in, an :class:`Answer` out.

>>> assistant = Assistant.from_settings(Settings())  # doctest: +SKIP
>>> answer = assistant.ask("Cơ quan nào chủ trì kế hoạch của Nam Định?")  # doctest: +SKIP
>>> answer.found, answer.citations[0].passage.title  # doctest: +SKIP
(True, 'Kế hoạch nâng cao năng suất ... tỉnh Nam Định đến 2030')
"""

from __future__ import annotations

import threading
from dataclasses import replace
import time
from collections.abc import Iterator
from typing import Any

from assistant.bare_numbers import complete_numbers
from assistant.english import defined_term as english_defined_term
from assistant.english import counted_in_vietnamese, english_keywords, is_english, to_vietnamese
from assistant.facts import FactIndex
from assistant.facts.answers import TableAnswerer
from assistant.extractive import NOT_FOUND, Composition, ExtractiveAnswerer
from assistant.followup import FollowUpRewriter
from assistant.generative import Expectation, GenerativeAnswerer
from assistant.llm_followup import LLMFollowUpRewriter
from assistant.library import Library
from assistant.named_documents import AbsentDocuments, NamedDocuments, of_another_document, own_first
from assistant.linear_model import load_model
from assistant.outline import SectionOutline
from assistant.question import QuestionAnalysis, QuestionAnalyzer, split_parts, with_context
from assistant.rerank import PassageReranker
from assistant.retriever import HybridRetriever
from assistant.source_order import cited_first
from assistant.types import Answer, Passage
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
        self.gazetteer = gazetteer or ProvinceGazetteer.for_questions()
        self.analyzer = QuestionAnalyzer(self.gazetteer)
        self.rewriter = self._rewriter()
        self.retriever = HybridRetriever(store=store, analyzer=self.analyzer, k=settings.top_k,
                                         candidates=settings.candidates, rrf_k=settings.rrf_k)
        # Documents are read with the plain gazetteer: a plan naming a city it does not govern is not about it.
        documents_gazetteer = ProvinceGazetteer()
        # With the fitted gate, every returned passage is read for the answer (the passage prior is in the score).
        learned = {"model": load_model("answer_units"), "max_passages": settings.top_k} \
            if settings.learned_answerer else {}
        self.answerer = ExtractiveAnswerer(places=documents_gazetteer.mentions, **learned)
        self.generator = GenerativeAnswerer(llm, max_passages=settings.llm_passages,
                                            passage_chars=settings.llm_passage_chars,
                                            retries=settings.llm_retries) if llm is not None else None
        self.absent = AbsentDocuments(store)
        self.reranker = PassageReranker(self.answerer, model=load_model("passage_ranker")
                                        if settings.learned_ranker else None)
        self.outline = SectionOutline(store)
        self.facts = FactIndex(store, settings.facts_path)
        self.tables = TableAnswerer(self.facts, store)
        self.library = Library(store, documents_gazetteer, settings, facts=self.facts)
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
                gazetteer = replace(self.gazetteer, provinces={**self.gazetteer.provinces, **extra})
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

    def _of_named_provinces(self, analysis: QuestionAnalysis, scope, ranked: list, passages: list) -> list:  # noqa: ANN001
        """A question about a province's plan is answered from the documents of that province (or of the provinces
        merged with it), not from another province's: other passages stay in the list returned with the answer,
        but only these (the best of the whole ranked pool) are quoted. National questions and provinces the
        library does not hold keep every passage."""
        if analysis.national or not (scope.provinces or analysis.provinces):
            return passages
        names = {r for name in [*analysis.provinces, *scope.provinces] for r in self.gazetteer.related(name)}
        own = [p for p in ranked if p.metadata.get("province") in names
               or (not p.metadata.get("province") and names & set(self.gazetteer.find_all(p.text)))]
        return own[: self.settings.top_k]

    def _merger_note(self, comp) -> str:  # noqa: ANN001 - Composition
        """Since 1 July 2025 most plans belong to a former province: say so, with today's province ("tỉnh Nam Định
        (cũ), nay thuộc tỉnh Ninh Bình"), when a cited document is of a merged province."""
        provinces = dict.fromkeys(c.passage.metadata.get("province") or "" for c in comp.citations)
        notes = [self.gazetteer.describe(p) for p in provinces if p and self.gazetteer.successor(p) != p]
        if not notes:
            return ""
        return "\n(Sau khi sắp xếp đơn vị hành chính cấp tỉnh: " + "; ".join(notes) + ".)"

    @classmethod
    def from_settings(cls, settings: Settings) -> "Assistant":
        from assistant.llm import make_chat_model
        from vectorstore import PlanStore, make_embeddings

        return cls(PlanStore.from_settings(settings, make_embeddings(settings)), settings,
                   llm=make_chat_model(settings))

    def warm_up(self) -> None:
        """Load the embedding model and the lexical index now rather than inside the first question."""
        self.ask("Mục tiêu của kế hoạch là gì?")

    def understand(self, question: str, history: list[str] | None = None) -> tuple[str, QuestionAnalysis]:
        """The standalone question (follow-up resolved, typos fixed, documents named by a bare number given their
        full one, English put into Vietnamese) and its analysis."""
        self._sync_gazetteer()
        standalone = self.rewriter.rewrite(fix_query_typos(nfc(question).strip()), [nfc(h) for h in (history or [])])
        # English is told before bare numbers get their full form ("Decision 1322" -> "Decision 1322/QĐ-TTg": the
        # "Đ" of the completed number is no sign of Vietnamese)
        english_question = is_english(standalone)
        standalone = complete_numbers(standalone, self.store.catalog().by_number)
        if english_question:  # searched in Vietnamese, with the provinces written as documents write them ("Hà Nội")
            english, standalone = standalone, self.gazetteer.rename(to_vietnamese(standalone))
            analysis = self.analyzer.analyze(standalone)
            counted = counted_in_vietnamese(english)
            if counted and analysis.unit_words:  # "how many FDI enterprises": "doanh nghiệp", as Vietnamese puts it
                analysis = replace(analysis, unit_words=counted)
            # the glossary drops "in / at": where an event was held is read in the English ("held in Hanoi")
            analysis = replace(analysis, provinces=self.analyzer.venues_left_out(english, analysis.provinces))
            # each part keeps its English too (put into Vietnamese part by part, so the parts line up)
            own_english = split_parts(english)
            english_parts = with_context(own_english)
            # a later part's own words are its English ones too (English pages are read with its English words)
            parts = tuple(replace(p, asked_as=e, own_words=p.own_words and (*p.own_words, *english_keywords(own)))
                          for p, e, own in zip(analysis.parts, english_parts, own_english)) \
                if len(english_parts) == len(analysis.parts) else analysis.parts
            term = english_defined_term(english) if analysis.intent == "general" else ()
            return standalone, replace(analysis, asked_as=english, parts=parts, defined_term=term)
        return standalone, self.analyzer.analyze(standalone)

    def _unnamed(self, provinces: list[str], passages: list[Passage]) -> list[str]:
        """Of the asked provinces no document is filed under, those no passage at hand names either (nor a province
        merged with it in 2025): a national news item reporting on one province ("Tại Ninh Thuận, Sở KH&CN ...")
        answers about it, so the library cannot be said to hold nothing of it."""
        if not provinces:
            return []
        named = {n for p in passages for n in self.gazetteer.find_all(f"{p.title}\n{p.text}")}
        return [m for m in provinces if not named & set(self.gazetteer.related(m))]

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
        standalone, analysis = self.understand(question, history)
        t1 = time.perf_counter()
        gathered = self.retriever.gather(analysis, where=where, k=self.settings.rerank_candidates)
        scope = gathered.scope
        passages = self.reranker.rerank(analysis, gathered.passages, gathered.features)
        if analysis.intent in ("which_docs", "compare"):
            passages = self.reranker.diversify(passages)
        named = NamedDocuments.resolve(analysis.subject_numbers, self.store.catalog().by_number)
        refusal = None
        if named.only_absent:  # the question is about documents the library does not hold
            passages, refusal = self.absent.narrow(analysis, named, passages, where)
        elif named.held and analysis.intent not in ("which_docs", "compare"):  # the named document leads
            passages = [replace(p, rank=i + 1) for i, p in enumerate(own_first(passages, named))]
        ranked, passages = passages, passages[: self.settings.top_k]
        t2 = time.perf_counter()
        outline = self.outline.children_for(analysis, passages[0]) if analysis.intent == "list" and passages else None
        # "Which provinces / compare / highest" over an indicator: the targets table holds every plan, the
        # passages only a few; answered from the table (exact figures, each cited), never rewritten by a model.
        missing = self._unnamed(scope.missing_provinces, passages)
        table = (self.tables.compose(analysis) if where is None and not missing and refusal is None else None)
        comp = refusal or table or self.answerer.compose(analysis, self._of_named_provinces(analysis, scope, ranked,
                                                                                           passages),
                                                         missing, outline)
        if named.held and comp.found and comp.citations and table is None and refusal is None \
                and "docnumber" not in {analysis.intent, *(part.intent for part in analysis.parts)} \
                and all(of_another_document(c.passage, named) for c in comp.citations):
            # The named document is held but says nothing of this, and only other documents that do not name it
            # were quoted: they speak of themselves. (A question asking which document, "Thông tư nào ... (Quyết
            # định 1322/QĐ-TTg)", asks for another one.)
            comp = Composition(f"{NOT_FOUND} Văn bản {', '.join(named.held)} có trong thư viện nhưng không nêu nội "
                               "dung này.", False, evidence_score=comp.evidence_score)
        mode, checks = ("table", {}) if table else ("extractive", {})
        if self.generator is not None and table is None and refusal is None:
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
        if comp.found and comp.citations and mode != "table":
            comp = replace(comp, text=comp.text + self._merger_note(comp))
        citations = comp.citations
        if comp.found:
            passages, citations = cited_first(passages, citations)
        t3 = time.perf_counter()
        timings = {"understand": (t1 - t0) * 1e3, "retrieve": (t2 - t1) * 1e3, "answer": (t3 - t2) * 1e3,
                   "total": (t3 - t0) * 1e3}
        yield Answer(question=question, text=comp.text, found=comp.found, citations=citations,
                     passages=passages, timings_ms=timings, standalone_question=standalone, mode=mode,
                     checks=checks, evidence_score=comp.evidence_score)
