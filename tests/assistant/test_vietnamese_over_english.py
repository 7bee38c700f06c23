"""A Vietnamese question about an English page (real documents of ../shared/eval/real): the page is read with the
English of the question's domain terms and its names, so its sentence answers and is cited, ahead of Vietnamese
pages on other awards."""

from __future__ import annotations

import pytest

ENGLISH = "dong-nai-10-dn-national-quality-awards-2016-en.txt"
DOCS = (ENGLISH, "binh-duong-6-dn-gtclqg-2018-cic39.txt", "tcvn-nang-suat-xanh-2025.txt")
# written here: a Vietnamese page of the same province that counts "doanh nghiệp" for something else
DONG_NAI_SUPPORT = """Đồng Nai hỗ trợ doanh nghiệp nâng cao năng suất chất lượng năm 2015
Năm 2015, Sở Khoa học và Công nghệ tỉnh Đồng Nai đã hỗ trợ 25 doanh nghiệp áp dụng hệ thống quản lý chất lượng.
Các doanh nghiệp được hỗ trợ đã cải thiện năng suất và chất lượng sản phẩm.
"""


@pytest.fixture(scope="module")
def small_assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("vietnamese-over-english"), embeddings,
                                {"dong_nai_ho_tro_2015.txt": DONG_NAI_SUPPORT}, real=DOCS)


def test_an_english_page_is_read_in_english(small_assistant):  # noqa: ANN001
    _, analysis = small_assistant.understand("Đồng Nai có bao nhiêu doanh nghiệp được vinh danh?", None)
    gathered = small_assistant.retriever.gather(analysis, k=10)
    reading = small_assistant.answerer.reading(analysis, gathered.passages)
    english = next(p for p in gathered.passages if p.source.endswith(ENGLISH))
    vietnamese = next(p for p in gathered.passages if not p.source.endswith(ENGLISH))
    assert {"enterprises", "honored"} <= set(reading(english)[0].keywords)
    assert not {"dong", "nai"} & set(reading(english)[0].keywords)  # the province: the province features' job
    assert reading(vietnamese)[0] is analysis


def test_a_vietnamese_question_is_answered_from_an_english_page(small_assistant):  # noqa: ANN001
    answer = small_assistant.ask("Những doanh nghiệp nào của Đồng Nai đạt Giải thưởng Chất lượng Quốc gia năm 2015?")
    assert answer.found, answer.text
    assert "Vinacafe Bien Hoa" in answer.text, answer.text
    assert answer.citations[0].passage.source.endswith(ENGLISH)


def test_a_count_asked_in_vietnamese_may_come_from_an_english_page(small_assistant):  # noqa: ANN001
    """"bao nhiêu doanh nghiệp" keeps, where Vietnamese pages give counts of "doanh nghiệp", the English page's
    numbers too: it cannot name the thing counted in Vietnamese."""
    answer = small_assistant.ask("Có bao nhiêu doanh nghiệp Đồng Nai nằm trong số các doanh nghiệp đạt Giải thưởng "
                                 "Chất lượng Quốc gia năm 2015?")
    assert answer.found, answer.text
    assert answer.citations[0].passage.source.endswith(ENGLISH), answer.text
    assert "10 enterprises" in answer.text, answer.text


def test_events_and_bodies_read_in_english():
    from assistant.english import english_reading

    words = english_reading("Cuộc họp sơ bộ với APO diễn ra ngày nào, và Bộ Khoa học và Công nghệ tặng giải cho ai?")
    for word in ("meeting", "preliminary", "held", "apo", "ministry", "science", "technology", "awarded"):
        assert word in words, words


def test_the_province_asked_about_is_no_word_to_match_on_an_english_page():
    from assistant.extractive import ExtractiveAnswerer
    from assistant.question import QuestionAnalyzer
    from assistant.types import Passage
    from common.provinces import ProvinceGazetteer

    a = QuestionAnalyzer(ProvinceGazetteer()).analyze("Hải Phòng đặt mục tiêu bao nhiêu chuẩn đo lường bổ sung?")
    assert a.provinces == ["Hải Phòng"]
    page = Passage(rank=1, chunk_id="e1", doc_id="d1", source="hp_en.txt", title="Hai Phong plan", section_path="",
                   page=None, text="At least 10 additional measurement standards will be developed in Hai Phong.",
                   score=1.0, metadata={"province": "Hải Phòng"})
    english, _, _ = ExtractiveAnswerer().reading(a, [page])(page)
    assert "measurement" in english.keywords and "additional" in english.keywords
    assert "hai" not in english.keywords and "phong" not in english.keywords


def test_english_pages_join_the_pool_of_a_vietnamese_question(small_assistant):  # noqa: ANN001
    """The multilingual embedding ranks pages in the question's language first, and Vietnamese words never match
    an English page lexically: English pages are also searched with the English of the question's terms, and the
    first of them join the candidate pool (however few candidates each search keeps)."""
    retriever = small_assistant.retriever.model_copy(update={"candidates": 1, "keep_unscoped": 1})
    _, analysis = small_assistant.understand("Năm 2015 Đồng Nai hỗ trợ bao nhiêu doanh nghiệp áp dụng hệ thống quản "
                                             "lý chất lượng?", None)
    view = retriever.store.read_view()
    found = retriever._english_pages(view, analysis, None)  # noqa: SLF001
    assert found and all(doc.metadata["source"].endswith(ENGLISH) for _, doc in found)
    plain = {d.metadata["source"] for ranking in retriever._rankings(view, analysis, None)  # noqa: SLF001
             for _, d in ranking}
    assert not any(s.endswith(ENGLISH) for s in plain)  # neither plain search keeps it
    sources = [p.source for p in retriever.gather(analysis, k=2).passages]
    assert any(s.endswith(ENGLISH) for s in sources), sources


def test_terms_typed_without_diacritics_are_read_in_english():
    """"giai thuong chat luong quoc gia" is the award's name typed without diacritics; one syllable alone is not
    read ("ky" is "ký" signed, "kỳ" a period or "kỹ" technical)."""
    from assistant.english import english_reading

    words = english_reading("Giai thuong Chat luong Quoc gia yeu cau doanh nghiep dap ung bao nhieu tieu chi?")
    for word in ("national", "quality", "award", "enterprise", "criteria"):
        assert word in words, words
    assert "signed" not in english_reading("Ai ky ke hoach nam 2021?")


def test_a_question_typed_without_diacritics_is_answered_from_an_english_page(small_assistant):  # noqa: ANN001
    answer = small_assistant.ask("Co bao nhieu doanh nghiep Dong Nai dat Giai thuong Chat luong Quoc gia nam 2015?")
    assert answer.found, answer.text
    assert answer.citations[0].passage.source.endswith(ENGLISH), answer.text
    assert "10 enterprises" in answer.text, answer.text


# Written here: an English page whose answer sentences use everyday words of economic news, not domain terms.
ENGLISH_REPORT = """Report: restructuring targets and the green growth strategy
The national institute published its mid-term report on the economic restructuring plan on Monday.
After five years, evaluation data are available for 21 of the 25 targets, and 9 of them are likely to be achieved.
The green growth strategy is a combination of two strategies: cleaner production and energy efficiency.
Experts forecast that the country will catch up with its neighbours in labour productivity by 2040.
"""


@pytest.mark.parametrize("question, english", [
    ("Chiến lược tăng trưởng xanh là sự kết hợp của hai chiến lược nào?", {"strategy", "combination"}),
    ("Theo dự báo, khi nào Việt Nam bắt kịp các nước láng giềng?", {"forecast", "catch"}),
    ("Bao nhiêu chỉ tiêu có khả năng đạt?", {"targets", "likely"}),
    ("Tỷ lệ cửa hàng trái cây ở các quận nội thành dùng mã QR là bao nhiêu?", {"shops", "fruit", "districts", "inner"}),
    ("Bao nhiêu tỉnh dự kiến tham gia, ít nhất bao nhiêu người tiêu dùng?", {"expected", "join", "least", "consumers"}),
])
def test_everyday_words_are_read_in_english(question, english):  # noqa: ANN001
    from assistant.english import english_reading

    assert english <= set(english_reading(question))


def test_a_question_in_everyday_words_is_answered_from_an_english_page(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"green_growth_report_en.txt": ENGLISH_REPORT,
                                                            "dong_nai_ho_tro_2015.txt": DONG_NAI_SUPPORT})
    answer = assistant.ask("Chiến lược tăng trưởng xanh là sự kết hợp của hai chiến lược nào?")
    assert answer.found and "cleaner production" in answer.text, answer.text
