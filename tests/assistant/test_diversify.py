"""Questions across documents ("Tỉnh nào ...") put each relevant document's best passage first, but a document
whose best passage scores far lower does not push another document's second relevant passage down."""

from __future__ import annotations

from assistant.rerank import PassageReranker
from assistant.types import Passage


def passage(doc: str, n: int, score: float) -> Passage:
    return Passage(rank=0, chunk_id=f"{doc}-{n}", doc_id=doc, source=f"{doc}.txt", title=doc, section_path="",
                   page=None, text=f"{doc} {n}", score=score, metadata={})


def test_relevant_documents_first_then_their_second_passages_before_irrelevant_documents():
    ranked = [passage("nam-dinh", 1, 0.67), passage("quang-ninh", 1, 0.59), passage("quang-ninh", 2, 0.58),
              passage("bac-ninh", 1, 0.49), passage("nam-dinh", 2, 0.56), passage("khanh-hoa", 1, 0.03)]
    out = PassageReranker.diversify(sorted(ranked, key=lambda p: -p.score))
    assert [p.chunk_id for p in out] == ["nam-dinh-1", "quang-ninh-1", "bac-ninh-1", "quang-ninh-2", "nam-dinh-2",
                                         "khanh-hoa-1"]
    assert [p.rank for p in out] == [1, 2, 3, 4, 5, 6]
