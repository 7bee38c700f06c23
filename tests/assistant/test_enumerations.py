"""'Ngoài X, ... những luật nào?': X is known to the asker; a legal basis listed as 'Căn cứ ...;' lines is quoted
as the enumeration it is."""

from __future__ import annotations

from assistant.extractive import Candidate, ExtractiveAnswerer
from assistant.question import QuestionAnalyzer
from assistant.sentences import split_units
from assistant.types import Passage
from common.provinces import ProvinceGazetteer

QA = QuestionAnalyzer(ProvinceGazetteer())
BASIS = ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
         "Căn cứ Luật Khoa học và công nghệ ngày 18 tháng 6 năm 2013;\n"
         "Căn cứ Luật Chất lượng sản phẩm, hàng hóa ngày 21 tháng 11 năm 2007;\n"
         "Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ,\n"
         "QUYẾT ĐỊNH:")


def _candidate(text: str, line: str) -> Candidate:
    passage = Passage(rank=1, chunk_id="c1", doc_id="d1", source="qd.txt", title="Quyết định 1322/QĐ-TTg",
                      section_path="", page=None, text=text, score=1.0, metadata={"doc_number": "1322/QĐ-TTg"})
    unit = next(u for u in split_units(text) if u.text.startswith(line))
    return Candidate(passage, unit, relevance=1.0, typed=True, score=1.0)


def test_what_the_asker_already_names_is_not_searched_for():
    a = QA.analyze("Ngoài Luật Tổ chức Chính phủ, Quyết định 1322/QĐ-TTg nêu những luật nào làm căn cứ?")
    assert "luat" in a.keywords and "to" not in a.keywords and "chuc" not in a.keywords
    assert "ngoai" not in a.keywords
    # a word the rest of the question repeats stays a keyword ("nước ngoài")
    b = QA.analyze("Ngoài APO và Bộ KH&CN, viện nghiên cứu nước ngoài nào tham gia cuộc họp?")
    assert "ngoai" in b.keywords and "apo" not in b.keywords and "khcn" not in b.keywords


def test_the_enumeration_around_a_chosen_line():
    c = _candidate(BASIS, "Căn cứ Luật Khoa học")
    assert ExtractiveAnswerer._enumeration(c) == [u.text for u in split_units(BASIS)][:3]  # noqa: SLF001


def test_a_plural_question_answered_by_an_enumerated_line_quotes_the_enumeration():
    a = QA.analyze("Quyết định 1322/QĐ-TTg nêu những luật nào làm căn cứ ban hành?")
    assert a.plural
    answer = ExtractiveAnswerer()._single(a, _candidate(BASIS, "Căn cứ Luật Khoa học"))  # noqa: SLF001
    assert "Luật Tổ chức Chính phủ" in answer.text and "Luật Chất lượng sản phẩm" in answer.text
    assert "Theo đề nghị" not in answer.text and answer.citations[0].quotes[0].startswith("Căn cứ Luật Tổ chức")
    one = QA.analyze("Quyết định 1322/QĐ-TTg căn cứ Luật Khoa học và công nghệ ban hành năm nào?")
    single = ExtractiveAnswerer()._single(one, _candidate(BASIS, "Căn cứ Luật Khoa học"))  # noqa: SLF001
    assert "Luật Tổ chức" not in single.text  # a question about one thing gets that line alone


def test_a_heading_is_not_a_provinces_line():
    """Answering line by line per province, a province's best unit that is a heading ("b) Đến năm 2030") gives
    way to its best unit that states something."""
    text = "b) Đến năm 2030\n- Tốc độ tăng NSLĐ bình quân đạt 7,1%/năm giai đoạn 2026 - 2030."
    passage = Passage(rank=1, chunk_id="c1", doc_id="d1", source="ld.docx", title="Kế hoạch 76/KH-UBND",
                      section_path="I. MỤC TIÊU > b) Đến năm 2030", page=None, text=text, score=1.0,
                      metadata={"province": "Lâm Đồng", "doc_number": "76/KH-UBND"})
    heading, fact = split_units(text)
    cands = [Candidate(passage, heading, 1.0, True, 0.9, {"is_heading": 1.0}),
             Candidate(passage, fact, 1.0, True, 0.8, {"is_heading": 0.0})]
    a = QA.analyze("Đồng Tháp và Lâm Đồng đặt mục tiêu tăng năng suất lao động bao nhiêu?")
    answer = ExtractiveAnswerer()._per_document(a, cands, by_province=True)  # noqa: SLF001
    assert "7,1%/năm" in answer.text and "b) Đến năm 2030" not in answer.text


def test_an_agency_named_for_standards_and_quality_is_no_indicator():
    from assistant.facts.indicators import asked_indicator

    assert asked_indicator("Những tỉnh nào giao Chi cục Tiêu chuẩn Đo lường Chất lượng làm thường trực?") is None
    assert asked_indicator("Tỉnh nào đặt chỉ tiêu doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn?") == "standards_adoption"


def test_a_list_question_prefers_a_sentence_that_enumerates():
    a = QA.analyze("Doanh nghiệp được hỗ trợ áp dụng những gì?")
    assert a.intent == "list"
    passage = Passage(rank=1, chunk_id="c1", doc_id="d1", source="kh.txt", title="Kế hoạch", section_path="",
                      page=None, text="", score=1.0, metadata={})
    typed = ExtractiveAnswerer()._typed  # noqa: SLF001
    assert typed(a, "Hỗ trợ doanh nghiệp áp dụng ISO 9001, ISO 14001, 5S và Lean.", passage) == 1.0
    assert typed(a, "Nội dung hỗ trợ:", passage) == 1.0
    assert typed(a, "Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý tiên tiến.", passage) == 0.5


def test_several_things_of_any_kind_ask_a_list():
    assert QA.analyze("Quyết định 1322/QĐ-TTg nêu những luật nào làm căn cứ?").intent == "list"
    assert QA.analyze("Kế hoạch nêu những hoạt động nào?").intent == "list"
    # "văn bản nào" asks a document, as "quyết định nào" does (not "ban nào", a board)
    assert QA.analyze("Văn bản nào của Bộ Tài chính quy định cơ chế tài chính?").intent == "docnumber"
    assert QA.analyze("Những tỉnh nào đặt mục tiêu trên 8%?").intent == "which_docs"  # an intent above it wins
    a = QA.analyze("Quyết định nêu những luật nào làm căn cứ?")
    passage = Passage(rank=1, chunk_id="c1", doc_id="d1", source="qd.txt", title="Quyết định", section_path="",
                      page=None, text="", score=1.0, metadata={})
    typed = ExtractiveAnswerer()._typed  # noqa: SLF001
    assert typed(a, "Căn cứ Luật Khoa học và công nghệ ngày 18 tháng 6 năm 2013;", passage) == 1.0  # a member


AWARD_CRITERIA = """Giải thưởng Chất lượng Quốc gia: không chỉ để tôn vinh
Giải thưởng Chất lượng Quốc gia được Thủ tướng Chính phủ trao hằng năm cho các tổ chức, doanh nghiệp có thành tích xuất sắc trong việc nâng cao chất lượng sản phẩm, hàng hóa và dịch vụ. Giải thưởng góp phần khuyến khích doanh nghiệp đổi mới quản trị, nâng cao năng suất và năng lực cạnh tranh trên thị trường trong nước và quốc tế.
Năm nay, Hội đồng sơ tuyển của tỉnh đã đánh giá hồ sơ của 12 doanh nghiệp tham dự, trong đó có nhiều doanh nghiệp lần đầu tham gia. Hồ sơ được xem xét kỹ lưỡng trước khi trình Hội đồng quốc gia.
Theo Sở Khoa học và Công nghệ, việc tham dự giải thưởng giúp doanh nghiệp nhìn lại toàn bộ hoạt động của mình, từ chiến lược, con người đến quy trình sản xuất, qua đó phát hiện những điểm cần cải tiến. Nhiều doanh nghiệp sau khi tham dự đã xây dựng lại kế hoạch đào tạo nhân lực, chuẩn hóa quy trình sản xuất và áp dụng các công cụ cải tiến như 5S, Kaizen, Lean để giảm lãng phí, rút ngắn thời gian giao hàng và tăng sự hài lòng của khách hàng.
Tiêu chí xét thưởng Giải thưởng Chất lượng Quốc gia gồm 7 tiêu chí khắt khe, khoa học và toàn diện nhằm đánh giá mọi mặt hoạt động và kết quả của tổ chức, doanh nghiệp.
Bộ tiêu chí để doanh nghiệp soi chiếu
Cụ thể, bộ tiêu chí của Giải thưởng bao gồm: vai trò của lãnh đạo (120 điểm); hoạch định chiến lược (85 điểm); định hướng vào khách hàng (85 điểm); đo lường, phân tích và quản lý tri thức (90 điểm); nguồn nhân lực (85 điểm); quản lý quá trình (85 điểm); kết quả hoạt động (450 điểm).
"""


def test_a_list_goes_on_in_the_unit_that_enumerates_it(tmp_path, embeddings):  # noqa: ANN001
    """A list question whose best sentence only counts the list ("gồm 7 tiêu chí") also quotes the sentence that
    enumerates it, not the title line between them that only names it."""
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"giai_thuong_tieu_chi.txt": AWARD_CRITERIA})
    answer = assistant.ask("Bộ tiêu chí Giải thưởng Chất lượng Quốc gia gồm những tiêu chí nào?")
    assert answer.found, answer.text
    assert "vai trò của lãnh đạo" in answer.text and "hoạch định chiến lược" in answer.text, answer.text


def test_a_document_of_no_province_is_named_by_its_title_in_a_line_per_document():
    """Comparing two national pages: each line opens with the page it quotes, not a placeholder."""
    a = QA.analyze("So sánh số doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia năm 2018 với năm 2019.")
    pages = [Passage(rank=i + 1, chunk_id=f"c{i}", doc_id=f"d{i}", source=f"p{i}.txt", title=title, section_path="",
                     page=None, text=text, score=1.0, metadata={"doc_type": "tin tức", "title": title})
             for i, (title, text) in enumerate([
                 ("Trao Giải thưởng Chất lượng Quốc gia 2018", "Năm 2018 có 75 doanh nghiệp đạt giải."),
                 ("Giải thưởng Chất lượng Quốc gia 2019", "Năm 2019 có 61 doanh nghiệp đạt giải.")])]
    cands = [Candidate(p, split_units(p.text)[0], 1.0, True, 1.0, {}) for p in pages]
    answer = ExtractiveAnswerer()._per_document(a, cands)  # noqa: SLF001
    assert "Văn bản —" not in answer.text
    assert "- Theo bài viết “Trao Giải thưởng Chất lượng Quốc gia 2018”: “Năm 2018 có 75" in answer.text
