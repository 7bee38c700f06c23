"""A document's outline, for list questions: "Các nhiệm vụ, giải pháp chính gồm những gì?" is answered by the
sub-headings of the section "II. NHIỆM VỤ, GIẢI PHÁP", each cited to its own passage.

>>> outline = SectionOutline(store).children_for(analysis, top_passage)  # doctest: +SKIP
>>> [p.section_path for p in outline]  # doctest: +SKIP
['II. NHIỆM VỤ, GIẢI PHÁP > 1. Hoàn thiện cơ chế ...', 'II. NHIỆM VỤ, GIẢI PHÁP > 2. Hỗ trợ doanh nghiệp ...']
"""

from __future__ import annotations

from assistant.question import QuestionAnalysis, content_words
from assistant.types import Passage
from common.text import words

MIN_SHARED_WORDS = 2


class SectionOutline:
    def __init__(self, store):  # noqa: ANN001 - PlanStore
        self.store = store

    def _document_chunks(self, doc_id: str) -> list[Passage]:
        doc = self.store.documents().get(doc_id)
        if doc is None:
            return []
        out = []
        for i, chunk in enumerate(self.store.get_chunks(doc.chunk_ids)):
            m = chunk.metadata
            out.append(Passage(rank=i + 1, chunk_id=m["chunk_id"], doc_id=doc_id, source=m.get("source", ""),
                               title=m.get("title", ""), section_path=m.get("section_path", ""),
                               page=m.get("page") or None, text=chunk.page_content, score=0.0, metadata=dict(m)))
        return out

    def children_for(self, analysis: QuestionAnalysis, passage: Passage) -> list[Passage]:
        """The first passage of every sub-section of the top-level section of ``passage``'s document whose
        heading the question names; [] when no heading shares enough words with the question."""
        chunks = self._document_chunks(passage.doc_id)
        asked = set(content_words(analysis.text, written=not analysis.unaccented_vietnamese))
        tops: dict[str, int] = {}
        for c in chunks:
            top = c.section_path.split(" > ")[0] if c.section_path else ""
            if top and top not in tops:
                tops[top] = len(asked & set(words(top)))
        if not tops:
            return []
        best = max(tops, key=tops.__getitem__)
        own = passage.section_path.split(" > ")
        if tops[best] < MIN_SHARED_WORDS or (len(own) > 1 and len(asked & set(words(own[-1]))) >= tops[best]):
            return []  # the passage's own section answers better ("a) Mục tiêu đến năm 2025" and its items)
        children: dict[str, Passage] = {}
        for c in chunks:
            parts = c.section_path.split(" > ")
            if parts[0] == best and len(parts) > 1:
                children.setdefault(parts[1], c)
        return list(children.values()) if len(children) >= 2 else []
