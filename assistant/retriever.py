"""Hybrid retrieval: dense (embeddings in Chroma) + lexical (bm25 over folded text), fused with reciprocal
rank fusion, scoped by what the question names (province, document number, signature block, year).

>>> retriever = HybridRetriever(store=store, analyzer=QuestionAnalyzer(ProvinceGazetteer()))  # doctest: +SKIP
>>> retriever.invoke("Mục tiêu năm 2025 của Nam Định?")[0].metadata["province"]  # doctest: +SKIP
'Nam Định'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.english import english_reading
from assistant.named_documents import NamedDocuments
from assistant.passage_features import metadata_features, retrieval_rank_feature
from assistant.question import QuestionAnalysis, QuestionAnalyzer
from common.abbreviations import with_expansions
from common.text import is_vietnamese_text, opens_in_vietnamese
from assistant.types import Passage

_YEAR = re.compile(r"(?<!\d)20\d{2}(?!\d)")


@dataclass(frozen=True)
class Scope:
    """What retrieval was limited to, and why; ``missing_provinces`` are named but not indexed."""

    where: dict[str, Any] | None
    provinces: list[str]
    missing_provinces: list[str]


@dataclass(frozen=True)
class Gathered:
    """The candidate pool of one question: passages (ranked by fused rank), the scope, and each candidate's
    features for the learned ranker, by chunk id."""

    passages: list[Passage]
    scope: Scope
    features: dict[str, dict[str, float]]


def _and(*clauses: dict[str, Any] | None) -> dict[str, Any] | None:
    parts = [c for c in clauses if c]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


class HybridRetriever(BaseRetriever):
    """A langchain retriever over a :class:`vectorstore.PlanStore`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any
    analyzer: QuestionAnalyzer
    k: int = 10
    candidates: int = 40
    rrf_k: int = 60
    keep_unscoped: int = 10  # the first results of the unfiltered dense and lexical searches always in the pool
    keep_english: int = 5  # the first English pages a Vietnamese question's English reading finds, in the pool too

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        passages, _ = self.retrieve(self.analyzer.analyze(query))
        return [Document(p.text, metadata={**p.metadata, "score": p.score}) for p in passages]

    def scope(self, analysis: QuestionAnalysis, where: dict[str, Any] | None = None) -> Scope:
        catalog = self.store.catalog()
        # A province named in the question also reaches the provinces merged with it in 2025 (a question with the
        # new name finds its former provinces' plans, and the other way round).
        reach = {p: [r for r in self.related(p) if r in catalog.provinces] for p in analysis.provinces}
        named = list(dict.fromkeys(r for p in analysis.provinces for r in reach[p]))
        missing = [p for p in analysis.provinces if not reach[p]]
        clauses: list[dict[str, Any] | None] = [where]
        if named:
            clauses.append({"province": {"$in": named}} if not analysis.national else None)
        held = NamedDocuments.resolve(analysis.subject_numbers, catalog.by_number).held
        ids = list(dict.fromkeys(doc_id for doc_ids in held.values() for doc_id in doc_ids))
        if ids:
            clauses.append({"doc_id": {"$in": ids}})
        return Scope(_and(*clauses), named, missing)

    def retrieve(self, analysis: QuestionAnalysis, where: dict[str, Any] | None = None,
                 k: int | None = None) -> tuple[list[Passage], Scope]:
        gathered = self.gather(analysis, where, k)
        return gathered.passages, gathered.scope

    def gather(self, analysis: QuestionAnalysis, where: dict[str, Any] | None = None,
               k: int | None = None) -> "Gathered":
        """The candidate pool: the unfiltered dense and lexical results (within the user's own filter ``where``)
        always, plus the results within what the question names (its provinces and those merged with them in
        2025, its document numbers), fused by reciprocal rank; each candidate with its ranker features."""
        k = k or self.k
        view = self.store.read_view()  # one registry snapshot for every search of the question
        scope = self.scope(analysis, where)
        rankings = self._rankings(view, analysis, where)
        scoped = self._rankings(view, analysis, scope.where) if scope.where != where else rankings
        named: dict[str, list[tuple[str, Document]]] = {
            "dense": rankings[0], "lexical": rankings[1], "scoped_dense": scoped[0], "scoped_lexical": scoped[1]}
        if analysis.intent == "signer":
            named["signature"] = self._ids(view.lexical_search(
                analysis.text, 3, _and(scope.where, {"section_kind": "signature"})))
        asked_in_vietnamese = analysis.unaccented_vietnamese or is_vietnamese_text(analysis.text)
        if asked_in_vietnamese and not analysis.asked_as:
            named["english"] = self._english_pages(view, analysis, where)
        weights = {"dense": self.dense_weight(analysis), "lexical": 1.0,
                   "scoped_dense": self.dense_weight(analysis) if scoped is not rankings else 0.0,
                   "scoped_lexical": 1.0 if scoped is not rankings else 0.0, "signature": 1.0, "english": 0.0}
        fused: dict[str, float] = {}
        docs: dict[str, Document] = {}
        ranks: dict[str, dict[str, int]] = {}
        for name, ranking in named.items():
            for rank, (cid, doc) in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + weights[name] / (self.rrf_k + rank + 1)
                docs[cid] = doc
                ranks.setdefault(cid, {})[name] = rank
        for cid, doc in docs.items():
            fused[cid] += self._structure_bonus(analysis, doc)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
        # Whatever plain BM25 and dense search put first stays in the pool, so the ranker can only add to them.
        kept = set(best)
        best += [cid for name in ("dense", "lexical") for cid, _ in named[name][: self.keep_unscoped]
                 if cid not in kept and not kept.add(cid)]
        best += [cid for cid, _ in named.get("english", [])[: self.keep_english]
                 if cid not in kept and not kept.add(cid)]
        features = {}
        for cid in best:
            f = {name: retrieval_rank_feature(ranks[cid].get(name), self.rrf_k) for name in named}
            f.pop("english", None)  # (pool only: not one of the ranker's features)
            if scoped is rankings:  # no scope: the question's scope is the whole library
                f["scoped_dense"], f["scoped_lexical"] = f["dense"], f["lexical"]
            # scope.provinces: the named provinces and those merged with them that the library holds
            f.update(metadata_features(analysis, docs[cid].metadata, docs[cid].page_content, scope.provinces))
            if asked_in_vietnamese != opens_in_vietnamese(docs[cid].page_content):
                # Lexical search cannot match across languages: a passage in the other language is judged by
                # its dense rank in both channels, not penalised for the lexical rank it could never have.
                f["lexical"], f["scoped_lexical"] = (max(f["lexical"], f["dense"]),
                                                     max(f["scoped_lexical"], f["scoped_dense"]))
            features[cid] = f
        passages = [self._passage(i + 1, cid, docs[cid], fused[cid]) for i, cid in enumerate(best)]
        return Gathered(passages, scope, features)

    def related(self, province: str) -> list[str]:
        """Provinces whose documents can answer for ``province`` (merged with it, or its successor)."""
        gazetteer = getattr(self.analyzer, "gazetteer", None)
        related = getattr(gazetteer, "related", None)
        return list(related(province)) if callable(related) else [province]

    def _rankings(self, view: Any, analysis: QuestionAnalysis,
                  where: dict[str, Any] | None) -> list[list[tuple[str, Document]]]:
        """Dense and lexical results of one registry snapshot (a passage list never mixes two versions of a
        document, and never fails because a writer is busy). A question put into Vietnamese from English is
        embedded as typed (the multilingual model reads it better than the glossary's word list) and searched
        lexically with both wordings (its English words find English pages, the glossary's Vietnamese ones the
        plans)."""
        query = analysis.text
        dense_query = analysis.asked_as or with_expansions(query)
        lexical_query = f"{query} {analysis.asked_as}" if analysis.asked_as else query
        return [self._ids(view.dense_search(dense_query, self.candidates, where)),
                self._ids(view.lexical_search(lexical_query, self.candidates, where))]

    def _english_pages(self, view: Any, analysis: QuestionAnalysis,
                       where: dict[str, Any] | None) -> list[tuple[str, Document]]:
        """English pages found lexically for a Vietnamese question, with the English words such pages use for its
        terms and its names (:func:`assistant.english.english_reading`): the multilingual embedding alone ranks
        them far below the Vietnamese pages that share the question's language."""
        reading = english_reading(analysis.text, analysis.provinces)
        if len(reading) < 2:
            return []
        return [(cid, doc) for cid, doc in self._ids(view.lexical_search(" ".join(reading), self.candidates, where))
                if not opens_in_vietnamese(doc.page_content)]

    @staticmethod
    def dense_weight(analysis: QuestionAnalysis) -> float:
        """The embedding model ranks Vietnamese typed without diacritics poorly: trust the lexical index
        (diacritic-folded) more for such questions."""
        return 0.3 if analysis.unaccented_vietnamese else 1.0

    @staticmethod
    def _ids(results: list[tuple[Document, float]]) -> list[tuple[str, Document]]:
        return [(doc.metadata["chunk_id"], doc) for doc, _ in results]

    def _structure_bonus(self, analysis: QuestionAnalysis, doc: Document) -> float:
        """Small boosts in RRF units: the asked year in the section heading or text, a matching doc level."""
        unit = 1.0 / (self.rrf_k + 1)
        bonus = 0.0
        scope = doc.metadata.get("scope", "")
        if analysis.national and scope == "quốc gia":
            bonus += 0.5 * unit
        elif (analysis.provinces or analysis.intent == "which_docs") and not analysis.national and scope == "quốc gia":
            bonus -= 0.5 * unit
        if analysis.years:
            section_years = set(_YEAR.findall(doc.metadata.get("section_path", "")))
            text_years = set(_YEAR.findall(doc.page_content))
            asked = set(analysis.years)
            if section_years & asked:
                bonus += 0.5 * unit
            elif section_years:
                bonus -= 0.5 * unit
            elif text_years & asked:
                bonus += 0.2 * unit
        return bonus

    @staticmethod
    def _passage(rank: int, cid: str, doc: Document, score: float) -> Passage:
        m = doc.metadata
        return Passage(rank=rank, chunk_id=cid, doc_id=m.get("doc_id", ""), source=m.get("source", ""),
                       title=m.get("title", ""), section_path=m.get("section_path", ""), page=m.get("page") or None,
                       text=doc.page_content, score=score, metadata=dict(m))
