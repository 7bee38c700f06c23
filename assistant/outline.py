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
# How much of a sub-section's first passage its opening paragraph must hold for the sub-section to be a paragraph.
PARAGRAPH_SHARE = 0.75


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
        """The first passage of every sub-section of the section of ``passage``'s document whose heading the
        question names best; [] when no heading shares enough words with the question. A section below the top
        level ("I. MỤC TIÊU > 1. Mục tiêu chung") is listed when its sub-sections are paragraphs ("a) Hỗ trợ ...",
        "b) ..."), each its own content: titles that head content of their own ("a) Mục tiêu đến năm 2025") say
        little listed on their own."""
        chunks = self._document_chunks(passage.doc_id)
        asked = set(content_words(analysis.text, written=not analysis.unaccented_vietnamese))
        shared: dict[tuple[str, ...], int] = {}
        for c in chunks:
            parts = tuple(c.section_path.split(" > ")) if c.section_path else ()
            for depth in range(1, len(parts)):  # a heading with sub-sections under it
                shared.setdefault(parts[:depth], len(asked & set(words(parts[depth - 1]))))
        if not shared:
            return []
        best = max(shared, key=lambda head: (shared[head], -len(head)))  # ties: the broader section
        own = tuple(passage.section_path.split(" > "))
        if shared[best] < MIN_SHARED_WORDS or (
                own != best and len(own) > 1 and len(asked & set(words(own[-1]))) >= shared[best]):
            return []  # the passage's own section answers better ("a) Mục tiêu đến năm 2025" and its items)
        children: dict[str, Passage] = {}
        for c in chunks:
            parts = c.section_path.split(" > ")
            if tuple(parts[:len(best)]) == best and len(parts) > len(best):
                children.setdefault(parts[len(best)], c)
        if len(children) < 2 or (len(best) > 1 and not all(map(_is_paragraph, children.values()))):
            return []
        return list(children.values())


def heading_lines(text: str) -> list[str]:
    """The lines of ``text``'s first paragraph: its first line and the lines that continue its sentence (a line
    breaks off mid-sentence when the next opens in lower case: "b) Hỗ trợ các doanh nghiệp trong tỉnh" /
    "áp dụng hệ thống truy xuất ...").

    >>> heading_lines("b) Hỗ trợ doanh nghiệp\\náp dụng truy xuất nguồn gốc.\\nc) Khác")
    ['b) Hỗ trợ doanh nghiệp', 'áp dụng truy xuất nguồn gốc.']
    >>> heading_lines("1. Sở Tài chính\\nBố trí kinh phí.")
    ['1. Sở Tài chính']
    """
    lines = [line.strip() for line in text.strip().split("\n")]
    out = lines[:1]
    for line in lines[1:]:
        if not line or not line[0].islower() or out[-1].endswith((".", ";", ":", "!", "?")):
            break
        out.append(line)
    return out


def _is_paragraph(passage: Passage) -> bool:
    """Whether a sub-section is one paragraph, its heading line and the lines continuing it (nearly all of its
    first passage), rather than a title heading content of its own."""
    body = " ".join(passage.text.split())
    return len(" ".join(heading_lines(passage.text))) >= PARAGRAPH_SHARE * len(body)
