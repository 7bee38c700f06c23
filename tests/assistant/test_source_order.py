"""The sources an answer returns lead with the passages it cites (tests/assistant over the real pipeline), and
questions are scored as ../shared/eval/README.md defines a hit: every quote, in a passage of its own document."""

from __future__ import annotations

from assistant.evaluation import evidence_rank, question_rank
from assistant.types import Answer, Citation, Passage


def _passage(rank: int, source: str, text: str) -> Passage:
    return Passage(rank, f"{source}:{rank}", source, source, source, "", None, text, 1.0 / rank)


def test_a_question_is_a_hit_only_when_every_quote_is_in_a_passage_of_its_own_document():
    passages = [_passage(1, "tin.txt", "Thủ tướng ký Quyết định 36/QĐ-TTg ngày 11/01/2021."),
                _passage(2, "qd-36.txt", "Ngày ban hành 11/01/2021. Người ký Vũ Đức Đam")]
    answer = Answer("?", "", True, [], passages, {})
    # The news copy at rank 1 holds the quote too, but it is not the evidence's document.
    assert evidence_rank(answer, "qd-36.txt", "ngày 11/01/2021") is None
    assert evidence_rank(answer, "qd-36.txt", "Ngày ban hành 11/01/2021") == 2
    assert evidence_rank(answer, "qd-36.txt", "Quyết định 36/QĐ-TTg ngày 11/01/2021", same_doc=False) == 1
    assert question_rank([1, 2]) == 2 and question_rank([1, None]) is None and question_rank([]) is None


def test_the_cited_passages_come_first_and_the_markers_still_point_at_them(indexed_assistant):
    for question in ("Quyết định 36/QĐ-TTg được ban hành ngày nào?",
                     "Đến năm 2030 Nam Định hỗ trợ bao nhiêu đơn vị xây dựng, áp dụng và chứng nhận hệ thống quản lý?",
                     "Cơ quan nào chủ trì kế hoạch nâng cao năng suất của Nam Định?",
                     "Nam Định đặt mục tiêu tốc độ tăng năng suất lao động bao nhiêu?",
                     "Ai ký Kế hoạch 45/KH-UBND?"):
        answer = indexed_assistant.ask(question)
        assert answer.found and answer.citations, question
        cited = {c.passage.chunk_id for c in answer.citations}
        head = [p.chunk_id for p in answer.passages[: len(cited)]]
        assert set(head) == cited, question
        assert head[0] == min(answer.citations, key=lambda c: c.n).passage.chunk_id, question
        assert [p.rank for p in answer.passages] == list(range(1, len(answer.passages) + 1))
        by_id = {p.chunk_id: p for p in answer.passages}
        for c in answer.citations:
            assert by_id[c.passage.chunk_id] == c.passage, question  # same rank and text as in the list
            assert f"[{c.n}]" in answer.text
        shown = answer.to_json()
        assert [p["rank"] for p in shown["passages"]][: len(cited)] == list(range(1, len(cited) + 1))


def test_the_first_quotes_passage_leads_though_retrieval_ranked_it_lower():
    from assistant.source_order import cited_first

    news = _passage(1, "tin.txt", "Thủ tướng Nguyễn Xuân Phúc vừa ban hành Kế hoạch tổng thể.")
    decision = _passage(2, "qd-36.txt", "Người ký Vũ Đức Đam")
    other = _passage(3, "khac.txt", "Một đoạn khác.")
    # The answer rests on the decision's own line [1]; the news article is cited second.
    ordered, cites = cited_first([news, decision, other], [Citation(1, decision), Citation(2, news)])
    assert [p.source for p in ordered] == ["qd-36.txt", "tin.txt", "khac.txt"]
    assert [p.rank for p in ordered] == [1, 2, 3]
    assert [(c.n, c.passage.source, c.passage.rank) for c in cites] == [(1, "qd-36.txt", 1), (2, "tin.txt", 2)]


def test_a_refusal_keeps_the_retrieval_order(indexed_assistant):
    answer = indexed_assistant.ask("Ai ký Nghị quyết 202/2025/QH15?")
    assert not answer.found and not answer.citations
    assert [p.rank for p in answer.passages] == list(range(1, len(answer.passages) + 1))
