"""A question that asks two things gets both, each quoted and cited; a one-part question gets no extra part."""

from __future__ import annotations

import pytest

from assistant.evidence import asked_kinds, has_kind
from assistant.question import count_asks, split_parts, with_context

PLAN_2025 = "ho_tro_doanh_nghiep_song_lam_2025.docx"


@pytest.mark.parametrize("question, asks", [
    ("Cơ quan nào chủ trì kế hoạch?", 1),
    ("Kế hoạch ban hành ngày nào và ai ký?", 2),
    ("Lễ trao giải vinh danh bao nhiêu doanh nghiệp, trong đó bao nhiêu giải vàng?", 2),
    ("How many enterprises won, and when was the ceremony held?", 2),
    ("ke hoach ban hanh ngay nao, to trinh so may?", 2),
    ("Máy móc của doanh nghiệp được hỗ trợ không?", 1),  # "máy" (machine) is not "mấy"
])
def test_interrogatives_are_counted(question, asks):
    assert count_asks(question) == asks


def test_kinds_of_fact_asked_and_stated():
    assert asked_kinds("Hỗ trợ tối đa bao nhiêu tiền, và hạn nộp hồ sơ là ngày nào?") == ["date", "number"]
    assert has_kind("date", "nộp hồ sơ trước ngày 30/11/2025") and not has_kind("date", "tối đa 100 triệu đồng")
    assert has_kind("number", "tối đa 100 triệu đồng")
    assert not has_kind("number", "Nghị quyết số 09/2024/NQ-HĐND ngày 12/7/2024 giai đoạn 2024 - 2030")


def test_the_second_part_of_a_question_is_answered_and_cited(indexed_assistant):
    answer = indexed_assistant.ask("Kế hoạch hỗ trợ doanh nghiệp năm 2025 của Sông Lam hỗ trợ tối đa bao nhiêu tiền "
                                   "cho doanh nghiệp, và hạn nộp hồ sơ là ngày nào?")
    assert answer.found, answer.text
    assert "triệu đồng" in answer.text and "30/11/2025" in answer.text, answer.text
    dated = [c for c in answer.citations if any("30/11/2025" in q for q in c.quotes)]
    assert dated and dated[0].passage.source.endswith(PLAN_2025)
    assert f"[{dated[0].n}]" in answer.text.split("30/11/2025", 1)[1][:10]


def test_a_one_part_question_gets_no_other_part(indexed_assistant):
    question = "Kế hoạch hỗ trợ doanh nghiệp năm 2025 của Sông Lam hỗ trợ tối đa bao nhiêu tiền cho doanh nghiệp?"
    answer = indexed_assistant.ask(question)
    assert answer.found and "30/11/2025" not in answer.text, answer.text
    _, analysis = indexed_assistant.understand(question, None)
    assert analysis.asks == 1
    scored = indexed_assistant.answerer.candidates(analysis, answer.passages)
    assert indexed_assistant.answerer._other_part(analysis, scored, answer) is None  # noqa: SLF001


@pytest.mark.parametrize("question, parts", [
    ("Cơ quan nào chủ trì kế hoạch?", []),
    ("Lễ trao giải năm 2020 vinh danh bao nhiêu doanh nghiệp, bao nhiêu giải Vàng?",
     ["Lễ trao giải năm 2020 vinh danh bao nhiêu doanh nghiệp", "Lễ trao giải năm 2020 vinh danh doanh nghiệp "
      "bao nhiêu giải Vàng?"]),
    ("ke hoach ban hanh ngay nao, to trinh so may?", ["ke hoach ban hanh ngay nao", "ke hoach ban hanh ngay to "
                                                      "trinh so may?"]),
    ("When was the meeting held, and which minister attended?",
     ["When was the meeting held", "was the meeting held which minister attended?"]),
])
def test_each_part_is_read_with_the_subject_of_the_first(question, parts):
    assert with_context(split_parts(question)) == parts


def test_each_part_of_a_three_part_question_is_answered(indexed_assistant):
    """The plan states the amount and the deadline in different sentences: each part gets its own quote."""
    answer = indexed_assistant.ask("Kế hoạch năm 2025 của Sông Lam hỗ trợ tối đa bao nhiêu tiền, hạn nộp hồ sơ là "
                                   "ngày nào, và doanh nghiệp nộp hồ sơ ở đâu?")
    _, analysis = indexed_assistant.understand(answer.question, None)
    assert len(analysis.parts) == 3
    assert answer.found and "triệu đồng" in answer.text and "30/11/2025" in answer.text, answer.text


def test_a_documents_own_date_is_a_feature_only_for_the_date_asked(indexed_assistant):
    """'ban hành ngày nào' of a document: the unit with that document's issue date is marked; 'có hiệu lực' asks
    the date it takes effect instead; other questions never use the feature. The question names 285/KH-UBND:
    another document's own date (the sample plan 45/KH-UBND's) is not the one asked."""
    from assistant.evidence import iso_dates
    from assistant.named_documents import number_key

    answerer = indexed_assistant.answerer
    for question, field in (("Kế hoạch 285/KH-UBND của Bắc Ninh được ban hành ngày nào?", "issued_date"),
                            ("Kế hoạch 285/KH-UBND của Bắc Ninh có hiệu lực từ ngày nào?", "effective_date"),
                            ("Kế hoạch 285/KH-UBND của Bắc Ninh giao cơ quan nào chủ trì?", None)):
        answer = indexed_assistant.ask(question)
        _, analysis = indexed_assistant.understand(question, None)
        for c in answerer.candidates(analysis, answer.passages):
            meta = c.passage.metadata
            named = number_key(meta.get("doc_number") or "") == number_key("285/KH-UBND")
            own = meta.get(field) if field and meta.get("doc_type") != "tin tức" and named else ""
            assert c.features["own_date"] == float(bool(own) and own in iso_dates(c.unit.text))
    # The news article reporting the plan is dated 02/10/2023; the plan itself 08/9/2023.
    answer = indexed_assistant.ask("Kế hoạch 285/KH-UBND của Bắc Ninh được ban hành ngày nào?")
    assert answer.found and "2023-09-08" in iso_dates(answer.citations[0].quotes[0]), answer.text


@pytest.mark.parametrize("question, intents", [
    ("Quyết định 2799/QĐ-UBND do ai ký và ban hành ngày nào?", ["signer", "date"]),
    ("Quyết định phê duyệt dự án của tỉnh Trà Giang có số hiệu gì và ban hành ngày nào?", ["docnumber", "date"]),
    ("Nghị quyết 23/2023/NQ-HĐND do ai ký, ban hành ngày nào?", ["signer", "date"]),
])
def test_a_later_part_asks_what_its_own_words_ask(question, intents):
    """A later part is read with the first part's subject, which may keep the first part's verb ("... do ký ban
    hành ngày nào?"): what it asks still comes from its own words."""
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer

    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(question)
    assert [p.intent for p in analysis.parts] == intents


LEGAL_PAGE = """Quyết định 77/QĐ-UBND năm 2015 phê duyệt Dự án nâng cao năng suất chất lượng tỉnh Trà Giang
Số hiệu: 77/QĐ-UBND Loại văn bản: Quyết định
Nơi ban hành: Tỉnh Trà Giang Người ký: Lâm Văn Khải
Ngày ban hành: 09/03/2015 Ngày hiệu lực: Đang cập nhật

ỦY BAN NHÂN DÂN TỈNH TRÀ GIANG
Số: 77/QĐ-UBND
Trà Giang, ngày 09 tháng 03 năm 2015

QUYẾT ĐỊNH
PHÊ DUYỆT DỰ ÁN NÂNG CAO NĂNG SUẤT CHẤT LƯỢNG TỈNH TRÀ GIANG ĐẾN NĂM 2020

Căn cứ Quyết định số 712/QĐ-TTg ngày 21 tháng 5 năm 2010 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020;
Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ,

QUYẾT ĐỊNH:
Điều 1. Phê duyệt Dự án nâng cao năng suất chất lượng tỉnh Trà Giang đến năm 2020.
"""


def test_signer_and_date_of_a_legal_sites_page_are_both_quoted(tmp_path, embeddings):
    """'do ai ký và ban hành ngày nào?' over a page with a legal site's header fields: the signer line, and the
    decision's own date (not the date of the decision it cites in its 'Căn cứ' line)."""
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_qd_77.txt": LEGAL_PAGE})
    answer = assistant.ask("Quyết định 77/QĐ-UBND phê duyệt dự án nâng cao năng suất chất lượng của tỉnh Trà Giang "
                           "do ai ký và ban hành ngày nào?")
    assert answer.found and "Lâm Văn Khải" in answer.text, answer.text
    assert "09/03/2015" in answer.text or "09 tháng 03 năm 2015" in answer.text, answer.text


def test_a_closing_parenthesis_is_context_for_every_part():
    """A follow-up rewritten with its context in closing parentheses asks each of its parts of that context."""
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer

    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(
        "Quyết định đó được ký ngày nào và trao cho bao nhiêu đơn vị? (Quyết định 132/QĐ-TTg, 2022)")
    assert [p.intent for p in analysis.parts] == ["date", "quantity"]
    assert all(p.doc_numbers == ["132/QĐ-TTg"] and "2022" in p.years for p in analysis.parts), analysis.parts


CITY_NEWS = """Vĩnh Yên quyết tâm tăng trưởng cao hơn trong năm tới
Theo Sở Tài chính thành phố Vĩnh Yên, trong năm 2025, tăng trưởng GRDP ước đạt 7,4%; khu vực công nghiệp - xây dựng ước tăng 8,2%.
Báo cáo của Sở Tài chính cho biết, cả năm 2025 thành phố vẫn giữ đà tăng trưởng GRDP 7,4% dù chưa đạt mục tiêu 8% đề ra.
Thu ngân sách năm 2025 ước đạt 4.120 tỷ đồng, vượt 6% dự toán.
Thành phố phấn đấu đạt tăng trưởng 9 - 9,5% trong năm 2026.
"""


@pytest.fixture(scope="module")
def city_assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("two_years"), embeddings, {"vinh_yen_grdp.txt": CITY_NEWS})


def test_a_part_asking_another_year_is_asked_of_that_year(city_assistant):  # noqa: ANN001
    """The second part names its own year: it is not asked of the first part's year too."""
    answer = city_assistant.ask("Theo Sở Tài chính Vĩnh Yên, GRDP năm 2025 ước tăng bao nhiêu và mục tiêu tăng "
                                "trưởng năm 2026 là bao nhiêu?")
    assert answer.found, answer.text
    assert "7,4%" in answer.text and "9 - 9,5%" in answer.text, answer.text
    _, analysis = city_assistant.understand("Theo Sở Tài chính Vĩnh Yên, GRDP năm 2025 ước tăng bao nhiêu và mục tiêu "
                                            "tăng trưởng năm 2026 là bao nhiêu?", None)
    first, second = analysis.parts
    assert "2025" in first.text and "2026" not in first.text, first.text
    assert "2026" in second.text and "2025" not in second.text and "GRDP" in second.text, second.text
