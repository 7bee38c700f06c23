"""'Theo tờ trình số mấy?': the number of that kind of document is asked, not of the decision that cites it."""

from __future__ import annotations

import pytest

from assistant.evidence import numbers_of_kind
from assistant.question import QuestionAnalyzer, asked_doc_kind
from common.provinces import ProvinceGazetteer
from common.text import fold


@pytest.fixture(scope="module")
def analyzer():
    return QuestionAnalyzer(ProvinceGazetteer())


@pytest.mark.parametrize("question, kind", [
    ("Dự án được phê duyệt ngày nào, trên cơ sở tờ trình số mấy?", "tờ trình"),
    ("Đồng Tháp triển khai Quyết định 1322/QĐ-TTg bằng kế hoạch số mấy, ban hành ngày nào?", "kế hoạch"),
    ("Quyết định 1322/QĐ-TTg được ban hành để thực hiện Nghị quyết nào của Chính phủ?", "nghị quyết"),
    ("Nghị quyết của HĐND tỉnh Hậu Giang quy định mức chi cho Chương trình mang số mấy?", "nghị quyết"),
    ("UBND TP Ha Noi phe duyet chuong trinh NSCL theo to trinh so may?", "tờ trình"),  # typed without diacritics
    # the kind named with what it is of, a few words before "số mấy"
    ("Nghị quyết 494 được ban hành trên cơ sở báo cáo kết quả giám sát số mấy của Đoàn giám sát?", "báo cáo"),
])
def test_the_kind_of_document_whose_number_is_asked(analyzer, question, kind):
    a = analyzer.analyze(question)
    assert a.intent == "docnumber"
    assert a.asked_doc_kind == kind == asked_doc_kind(fold(question))


@pytest.mark.parametrize("question", [
    "Kế hoạch nào của tỉnh đặt mục tiêu tăng năng suất 7%?",  # a plan asked by its content, not by its number
    "Bao nhiêu doanh nghiệp được hỗ trợ?",
    "Máy móc của doanh nghiệp có được hỗ trợ không?",
])
def test_no_document_number_is_asked(analyzer, question):
    a = analyzer.analyze(question)
    assert a.intent != "docnumber" and a.asked_doc_kind == ""


def test_numbers_of_a_kind_read_from_the_code_or_the_name():
    text = ("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020; Theo đề nghị của Sở Khoa học và Công nghệ tại "
            "Tờ trình số 28/TTr-SKHCN ngày 04/3/2024, ban hành Kế hoạch số 45 như sau")
    assert numbers_of_kind(text, "tờ trình") == ["28/TTr-SKHCN"]
    assert numbers_of_kind(text, "quyết định") == ["1322/QĐ-TTg"]
    assert numbers_of_kind(text, "kế hoạch") == ["45"]
    assert numbers_of_kind(text, "nghị quyết") == []


def test_the_submission_number_is_quoted_not_the_plans(indexed_assistant):
    """The sample plan 45/KH-UBND was issued on the proposal in Tờ trình số 28/TTr-SKHCN: asked for the tờ
    trình's number, the answer quotes it, and every unit it may quote states a tờ trình's number."""
    question = "Kế hoạch 45/KH-UBND của tỉnh Sông Lam được ban hành theo tờ trình số mấy của cơ quan nào?"
    answer = indexed_assistant.ask(question)
    assert answer.found and "28/TTr-SKHCN" in answer.citations[0].quotes[0], answer.text
    _, analysis = indexed_assistant.understand(question, None)
    cands = indexed_assistant.answerer.answer_candidates(analysis, answer.passages)
    assert cands and all(numbers_of_kind(c.unit.text, "tờ trình") for c in cands)


def test_a_provinces_plan_implementing_the_national_programme_is_the_provinces(analyzer):
    """'Kế hoạch thực hiện Chương trình quốc gia ... trên địa bàn Hà Nội' is Hà Nội's plan; without a province
    the same words ask about the national programme."""
    provincial = analyzer.analyze("Kế hoạch thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất "
                                  "giai đoạn 2021-2030 trên địa bàn thành phố Hà Nội có số hiệu văn bản là gì?")
    assert provincial.provinces == ["Hà Nội"] and not provincial.national
    national = analyzer.analyze("Cơ quan nào được giao chủ trì tổ chức thực hiện Chương trình quốc gia hỗ trợ "
                                "doanh nghiệp nâng cao năng suất?")
    assert national.national


@pytest.mark.parametrize("question, each", [
    ("Kế hoạch 45/KH-UBND và Kế hoạch 12/KH-UBND của tỉnh Sông Lam lần lượt do ai ký?", True),
    ("Ai ký Kế hoạch 45/KH-UBND và ai ký Kế hoạch 12/KH-UBND của tỉnh Sông Lam?", True),
    ("Kế hoạch 12/KH-UBND thực hiện Kế hoạch 45/KH-UBND của tỉnh Sông Lam do ai ký?", False),
])
def test_a_question_asked_of_each_named_document(analyzer, question, each):
    assert analyzer.analyze(question).per_document is each


def test_each_named_document_gets_its_own_cited_answer(indexed_assistant):
    """Two sample plans signed by different people: asked who signed each, the answer has one cited line per
    plan, in the question's order, each quoting that plan's own signature."""
    for question in ("Kế hoạch 45/KH-UBND và Kế hoạch 12/KH-UBND của tỉnh Sông Lam lần lượt do ai ký?",
                     "Ai ký Kế hoạch 45/KH-UBND và ai ký Kế hoạch 12/KH-UBND của tỉnh Sông Lam?"):
        answer = indexed_assistant.ask(question)
        assert answer.found, answer.text
        lines = [ln for ln in answer.text.splitlines() if ln.startswith("- ")]
        assert len(lines) == 2 and lines[0].startswith("- 45/KH-UBND") and lines[1].startswith("- 12/KH-UBND")
        assert "Đinh Quang Huy" in lines[0] and "Vũ Thị Lan Phương" in lines[1], answer.text
        assert [c.passage.metadata["doc_number"] for c in answer.citations] == ["45/KH-UBND", "12/KH-UBND"]


def test_a_question_about_one_document_citing_another_is_answered_once(indexed_assistant):
    answer = indexed_assistant.ask("Kế hoạch 12/KH-UBND thực hiện Kế hoạch 45/KH-UBND của tỉnh Sông Lam do ai ký?")
    assert answer.found and "Vũ Thị Lan Phương" in answer.text and "Đinh Quang Huy" not in answer.text, answer.text


def test_dates_given_with_a_named_documents_number():
    from assistant.evidence import dated_numbers, first_date

    text = "Ngày 21/01/2022, UBND ban hành Quyết định số 299/QĐ-UBND thực hiện Quyết định 36/QĐ-TTg ngày 11/01/2021"
    assert dated_numbers(text) == [("36/QĐ-TTg", "2021-01-11")]
    assert first_date(text) == "2022-01-21"  # the sentence is about 299's date, 36's is cited in passing
    assert dated_numbers("Căn cứ Quyết định số 36/QĐ-TTg ngày 11 tháng 01 năm 2021 của Thủ tướng") == [
        ("36/QĐ-TTg", "2021-01-11")]


def test_a_named_documents_date_and_another_periods_plan_are_features(indexed_assistant):
    """named_date marks a unit whose first date is the one given with the named document's number;
    period_other marks units of a plan whose period holds none of the asked years."""
    answerer = indexed_assistant.answerer
    question = "Kế hoạch 45/KH-UBND của tỉnh Sông Lam được ban hành ngày nào?"
    answer = indexed_assistant.ask(question)
    _, analysis = indexed_assistant.understand(question, None)
    cands = answerer.candidates(analysis, answer.passages)
    marked = [c.unit.text for c in cands if c.features["named_date"]]
    assert marked and all("45/KH-UBND ngày 18/3/2024" in t for t in marked)
    question = "Kế hoạch của tỉnh Sông Lam giai đoạn 2011-2015 giao cơ quan nào chủ trì?"
    answer = indexed_assistant.ask(question)
    _, analysis = indexed_assistant.understand(question, None)
    outside = {"2021-2025": 1.0, "2025": 1.0, "đến 2030": 0.0, "": 0.0}  # the periods the library's plans have
    cands = answerer.candidates(analysis, answer.passages)
    assert {c.passage.metadata.get("period") or "" for c in cands} >= {"2025", "đến 2030"}
    for c in cands:
        assert c.features["period_other"] == outside[c.passage.metadata.get("period") or ""]


def test_who_signed_prefers_the_signatory_over_a_title_named_in_passing():
    from assistant.evidence import ROLE_NAME, SIGNED

    signed = "Phó Thủ tướng Chính phủ Trần Hồng Hà vừa ký Quyết định 1305/QĐ-TTg"
    named = "Thủ tướng Chính phủ Nguyễn Xuân Phúc vừa ban hành Kế hoạch tổng thể"
    assert ROLE_NAME.search(signed) and SIGNED.search(signed)
    assert ROLE_NAME.search(named) and not SIGNED.search(named)
    assert SIGNED.search("Người ký Vũ Đức Đam")
