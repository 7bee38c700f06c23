"""The candidate pool keeps what plain lexical and dense search find: what a question names (a province, a
document number, a year) ranks passages, it does not filter them out (over the ingested corpus and samples)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Cơ quan nào chủ trì kế hoạch năng suất của tỉnh Nam Định?",
    "Mục tiêu tăng năng suất lao động của Bắc Ninh đến năm 2025 là bao nhiêu?",
    "Kế hoạch 285/KH-UBND giao Sở nào làm đầu mối?",
])
def test_the_pool_holds_the_unfiltered_lexical_and_dense_results(indexed_assistant, question):
    assistant = indexed_assistant
    _, analysis = assistant.understand(question)
    assert analysis.provinces or analysis.doc_numbers
    gathered = assistant.retriever.gather(analysis, k=assistant.settings.rerank_candidates)
    pool = {p.chunk_id for p in gathered.passages}
    lexical = [d.metadata["chunk_id"] for d, _ in assistant.store.lexical_search(analysis.text, 10)]
    dense = [d.metadata["chunk_id"] for d, _ in assistant.store.dense_search(analysis.text, 10)]
    assert set(lexical) <= pool and set(dense) <= pool
    # Other provinces' passages are candidates too: the province is evidence for ranking, not a filter.
    assert len({p.metadata.get("province") for p in gathered.passages}) > 1
    assert set(gathered.features) == pool


def test_a_users_filter_is_still_a_hard_filter(indexed_assistant):
    answer = indexed_assistant.ask("Mục tiêu năm 2025 là gì?", where={"province": "Nam Định"})
    assert answer.passages and all(p.metadata.get("province") == "Nam Định" for p in answer.passages)


def test_the_named_province_ranks_first(indexed_assistant):
    answer = indexed_assistant.ask("Cơ quan nào chủ trì kế hoạch năng suất của tỉnh Nam Định?")
    assert answer.found and answer.citations[0].passage.metadata.get("province") == "Nam Định"
