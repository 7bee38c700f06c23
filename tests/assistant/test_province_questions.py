"""Questions with a province's name since 1 July 2025 find the plans of its former provinces, and answers from a
merged province's plan say where it belongs now (over the ingested shared corpus: Nam Định, now Ninh Bình)."""

from __future__ import annotations


def test_the_new_name_finds_the_former_provinces_plan(indexed_assistant):
    answer = indexed_assistant.ask("Ninh Bình đặt mục tiêu đóng góp của TFP bao nhiêu đến năm 2030?")
    assert answer.found, answer.text
    assert answer.citations[0].passage.metadata.get("province") == "Nam Định"
    assert "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình" in answer.text


def test_the_former_name_still_works_and_says_where_it_belongs(indexed_assistant):
    answer = indexed_assistant.ask("Cơ quan nào là đầu mối kế hoạch năng suất của tỉnh Nam Định?")
    assert answer.found and answer.citations[0].passage.metadata.get("province") == "Nam Định"
    assert "nay thuộc tỉnh Ninh Bình" in answer.text


def test_a_city_leads_to_its_province(indexed_assistant):
    _, analysis = indexed_assistant.understand("Nha Trang có kế hoạch nâng cao năng suất không?")
    assert analysis.provinces == ["Khánh Hòa"]


def test_a_province_with_no_plan_and_no_merged_plan_is_said_missing(indexed_assistant):
    answer = indexed_assistant.ask("Mục tiêu năng suất lao động của tỉnh Cà Mau đến năm 2025 là bao nhiêu?")
    assert not answer.found and "Cà Mau" in answer.text


def test_a_province_question_is_never_answered_from_another_provinces_or_national_figures(indexed_assistant):
    """Ninh Thuận is Khánh Hòa's since 2025 and the library holds Khánh Hòa's plan, which says nothing of Gold
    Quality Awards: no other province's plan and no national figure answers for it."""
    answer = indexed_assistant.ask("Tỉnh Ninh Thuận có bao nhiêu doanh nghiệp đạt Giải Vàng Chất lượng Quốc gia năm 2022?")
    assert not answer.found, answer.text
    for c in answer.citations:
        assert c.passage.metadata.get("province") in ("Khánh Hòa", "Ninh Thuận")


def test_the_answer_carries_the_gates_evidence_score(indexed_assistant):
    answered = indexed_assistant.ask("Cơ quan nào là đầu mối kế hoạch năng suất của tỉnh Nam Định?")
    threshold = indexed_assistant.answerer.model.threshold
    assert answered.found and answered.evidence_score is not None and answered.evidence_score >= threshold
    assert answered.to_json()["evidence_score"] == round(answered.evidence_score, 4)
