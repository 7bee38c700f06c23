"""What a question asks, read as Vietnamese writes it, and answered from the pages (real pipeline, generated pages
and real documents from ../shared/eval/real):

- "Nam" written without the breve of "năm" is a name (Quảng Nam, Việt Nam), so "tỉnh Quảng Nam nào" asks no year;
- a person's role, then "nào" ("Lãnh đạo UBND tỉnh ... nào", "liên hệ cán bộ nào") asks who, and no body answers
  it; "Bộ trưởng Bộ nào" asks which body;
- "bao nhiêu" asks an amount, and a year is none; "may" written in a question with its tones ("dệt may") is not
  "mấy";
- "chi phí ... là bao nhiêu" asks a sum of money; "nhằm mục tiêu gì" asks a purpose, not a figure; a sum named as
  money just before it needs no currency ("kinh phí tổ chức 150 triệu"); "bao nhiêu phần trăm" counts nothing;
- "X ký ... ngày nào" names who signed and asks when;
- asked when a text takes effect ("có hiệu lực", "come into force"), a date given for its issue does not answer;
- English pages put the currency before the sum ("VNĐ36 trillion", "US$19.6 billion");
- the press writes a day of a month with a hyphen ("Ngày 21-12", "23-6-2018"): that is a date;
- a document the question names by number, and the library holds, answers before other documents;
- an acronym a page coins ("Hệ thống quản lý chất lượng (HTQLCL)") speaks of its long form where the page uses it;
- a district asked about ("huyện Ninh Phước") is in its province;
- a body may be named by what it does before whose it is ("Trung tâm phục vụ Hành chính công tỉnh"); a term counted
  by its initials is written out before them ("62 Quy chuẩn Việt Nam (QCVN)");
- a message signed with a name over its holder's title ("Akira Tanaka" / "Secretary-General, ...") says who holds
  the title."""

from __future__ import annotations

import pytest

from assistant import evidence as ev
from assistant.extractive import ExtractiveAnswerer
from assistant.question import QuestionAnalyzer
from assistant.types import Passage
from common.provinces import ProvinceGazetteer

QA = QuestionAnalyzer(ProvinceGazetteer())


@pytest.mark.parametrize("question, intent", [
    ("Lãnh đạo UBND tỉnh Quảng Nam nào chỉ đạo kiện toàn Ban Điều hành Đề án năm 2018?", "person"),
    ("Doanh nghiệp muốn đề xuất nhiệm vụ thì liên hệ cán bộ nào?", "person"),
    ("Thứ trưởng Bộ KH&CN nào phát biểu tại hội nghị?", "person"),
    ("Được ban hành theo đề nghị của Bộ trưởng Bộ nào?", "agency"),
    ("Giám đốc doanh nghiệp nào nhận giải?", "eligibility"),
    ("Quyết định được ban hành năm nào?", "date"),
    ("quyet dinh duoc ban hanh nam nao?", "date"),
    ("Việc hỗ trợ truy xuất nguồn gốc cho sản phẩm OCOP nhằm mục tiêu gì?", "general"),
    ("Chương trình được ban hành với mục đích gì?", "general"),
    ("Mục tiêu năm 2025 của Nam Định là gì?", "quantity"),
    # the bare noun "cơ quan" asks no agency where the question asks an amount
    ("Quyết định về áp dụng ISO 9001 trong cơ quan hành chính nhà nước gồm bao nhiêu chương?", "quantity"),
    ("Trách nhiệm của Sở Công Thương là gì?", "agency"),
    # who signed is named, when is asked
    ("Thủ tướng ký quyết định trao Giải thưởng Chất lượng Quốc gia năm 2022 vào ngày nào?", "date"),
    ("Kế hoạch được ký ban hành ngày nào?", "date"),
    ("Ai ký quyết định trao Giải thưởng Chất lượng Quốc gia năm 2022?", "signer"),
    ("Người ký kế hoạch là ai?", "signer"),
    ("Cơ quan thường trực của Giải thưởng là gì?", "agency"),
])
def test_the_intent_of_a_question(question, intent):  # noqa: ANN001
    assert QA.analyze(question).intent == intent


@pytest.mark.parametrize("question, money", [
    ("Chi phí chứng nhận VietGAP mà hợp tác xã phải trả cho tổ chức chứng nhận là bao nhiêu?", True),
    ("Kinh phí thực hiện kế hoạch năm 2022 của tỉnh là bao nhiêu?", True),
    ("Chi phí bao nhiêu phần trăm được hỗ trợ?", False),
    ("Với kinh phí đó, bao nhiêu doanh nghiệp được hỗ trợ?", False),
    ("Tỉnh dành bao nhiêu tỉ đồng cho các nhiệm vụ hỗ trợ doanh nghiệp?", True),
])
def test_a_cost_asked_is_money(question, money):  # noqa: ANN001
    assert QA.analyze(question).wants_money is money


@pytest.mark.parametrize("unit, answers", [
    ("Ngày ban hành: 26/12/2019 Ngày hiệu lực: Đã biết", False),
    ("Thông tư có hiệu lực thi hành kể từ ngày 01/8/2020.", True),
    ("This Circular comes into force as of August 1st, 2020.", True),
    ("Từ ngày 01/01/2022, Nghị định chính thức có hiệu lực.", True),
])
def test_the_day_a_text_takes_effect(unit, answers):  # noqa: ANN001
    assert ev.ASKS_EFFECTIVE.search("When did Circular 27/2019/TT-BKHCN come into force?")
    a = QA.analyze("Thông tư 27/2019/TT-BKHCN có hiệu lực từ ngày nào?")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="tt.txt", title="Thông tư 27/2019/TT-BKHCN",
                section_path="", page=None, text=unit, score=1.0)
    assert (ExtractiveAnswerer()._typed(a, unit, p) == 1.0) is answers  # noqa: SLF001


@pytest.mark.parametrize("question, unit, typed", [
    # a question naming the role asks its holder: the body that held the event does not answer it
    ("Thứ trưởng Bộ KH&CN nào phát biểu tại Hội nghị tổng kết?",
     "Sáng 15/9/2015 tại Hà Nội, Bộ Khoa học và Công nghệ đã tổ chức Hội nghị tổng kết.", 0.0),
    ("Thứ trưởng Bộ KH&CN nào phát biểu tại Hội nghị tổng kết?",
     "Phát biểu tại hội nghị, Thứ trưởng Bộ KH&CN Trần Việt Thanh đánh giá cao những thành tựu.", 1.0),
    ("Dự án nhờ khoản tài trợ của ai?", "Dự án do Chính phủ Nhật Bản tài trợ thông qua Tổ chức APO.", 0.5),
    # "bao nhiêu" asks an amount: the period a sentence states is none
    ("Kế hoạch đặt mục tiêu hỗ trợ bao nhiêu doanh nghiệp đến năm 2025?",
     "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 phê duyệt Chương trình giai đoạn 2021 - 2030.", 0.0),
    ("Kế hoạch đặt mục tiêu hỗ trợ bao nhiêu doanh nghiệp đến năm 2025?", "Kế hoạch năm 2021 về năng suất", 0.0),
    ("Kế hoạch đặt mục tiêu hỗ trợ bao nhiêu doanh nghiệp đến năm 2025?",
     "Đến năm 2025, hỗ trợ 300 doanh nghiệp áp dụng công cụ cải tiến năng suất.", 1.5),
    # "ai" may be answered by people named by what they are, not by "ai là người ..." (a person)
    ("Phát triển đô thị thông minh phải lấy ai làm trung tâm?",
     "Phát triển đô thị thông minh phải lấy người dân làm trung tâm.", 0.5),
    ("Ai là người đứng đầu Ban chỉ đạo?", "Ban chỉ đạo gồm đại diện người dân và doanh nghiệp.", 0.0),
    # "dệt may" (textiles) written with its tones asks no "mấy" (how many); typed without them it may
    ("Cơ quan nào chủ trì hỗ trợ doanh nghiệp dệt may?", "Sở Công Thương chủ trì hỗ trợ doanh nghiệp dệt may.", 1.0),
    ("co may doanh nghiep det may duoc ho tro?", "Sở Công Thương hỗ trợ doanh nghiệp dệt may.", 0.0),
    # a body named by what it does before whose it is is a body ("Trung tâm phục vụ Hành chính công tỉnh")
    ("Hồ sơ được gửi về đơn vị nào?", "Hồ sơ gửi về Trung tâm phục vụ Hành chính công tỉnh trước ngày 31/7.", 1.0),
    ("Hồ sơ được gửi về đơn vị nào?", "Hồ sơ là trung tâm của việc đánh giá Giải thưởng.", 0.0),
    # a term counted by its initials is written out before them in parentheses ("62 Quy chuẩn Việt Nam (QCVN)")
    ("Dự án đã xây dựng bao nhiêu TCVN?", "62 Quy chuẩn Việt Nam (QCVN), 71 Tiêu chuẩn Việt Nam (TCVN).", 1.5),
    ("Dự án đã xây dựng bao nhiêu TCVN?", "468 mô hình điểm được xây dựng sau 10 năm.", 1.0),
    # an English page states who is eligible in its own words
    ("Điều kiện để doanh nghiệp được xét giải là gì?",
     "To be eligible for the award, businesses must earn a national quality award for two years.", 1.0),
    ("Điều kiện để doanh nghiệp được xét giải là gì?", "The awards were presented in Hanoi last weekend.", 0.0),
    # a goal asked "là gì" may be stated in words over its period
    ("Mục tiêu chung của Chương trình là gì?",
     "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng giai đoạn 2021 - 2030.", 1.0),
])
def test_the_kind_of_fact_a_unit_gives(question, unit, typed):  # noqa: ANN001
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="kh.txt", title="Kế hoạch", section_path="", page=None,
                text=unit, score=1.0)
    assert ExtractiveAnswerer()._typed(QA.analyze(question), unit, p) == typed  # noqa: SLF001


@pytest.mark.parametrize("text, money", [
    ("profits surpassing VNĐ36 trillion", True), ("revenues of US$19.6 billion", True), ("USD 6.40 per hour", True),
    ("3 million dollars", True), ("mức chi tối đa 65 triệu đồng", True), ("ISO 9001 and 61 firms in 2021", False),
    ("tổng kinh phí dự kiến gần 2,19 tỉ đồng", True),  # "tỉ" and "tỷ": both spellings are Vietnamese
    ("bổ sung khoảng 84,3 nghìn tỷ đồng vốn đầu tư công", True),  # two scale words: a thousand billion
    # named as money just before it, a sum needs no currency; another thing counted after its scale is no sum
    ("với kinh phí tổ chức 150 triệu.", True), ("tổng vốn 2,5 tỷ cho 10 dự án", True),
    ("chi phí giảm, thu hút 3 triệu lao động", False), ("ngân sách hỗ trợ 5 triệu người", False),
])
def test_sums_of_money(text, money):  # noqa: ANN001
    assert bool(ev.MONEY.search(text)) is money


@pytest.mark.parametrize("text, dates, is_date", [
    ("Ngày 21-12, Sở Khoa học và Công nghệ trao giấy chứng nhận", set(), True),
    ("sáng 23-6-2018 tại Hội trường", {"2018-06-23"}, True),
    ("Ngày 5.3.2014, Thủ tướng ban hành Quyết định", {"2014-03-05"}, True),
    ("giai đoạn 2021-2025 có 2-3 doanh nghiệp", set(), False),
    ("hỗ trợ 1.200.000 đồng", set(), False),
])
def test_dates_the_press_writes(text, dates, is_date):  # noqa: ANN001
    assert ev.iso_dates(text) == dates
    assert ev.has_kind("date", text) is is_date


VIETGAP = """Trao giấy chứng nhận VietGAP cho các hợp tác xã

Ngày 21-12, Sở Khoa học và Công nghệ tỉnh Ninh Thuận phối hợp với Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng
tổ chức trao Giấy chứng nhận VietGAP năm 2020 cho 14 hợp tác xã, tổ hợp tác trồng rau và nho.
Các hợp tác xã được hướng dẫn áp dụng quy trình sản xuất nông nghiệp tốt trong suốt năm 2020.
Qua đó, sản phẩm của các hợp tác xã ở Ninh Thuận được mở rộng thị trường tiêu thụ.
"""

DE_AN = """Quảng Nam: Hỗ trợ doanh nghiệp nhỏ và vừa nâng cao chất lượng sản phẩm

Lãnh đạo tỉnh Quảng Nam thống nhất phương án triển khai Đề án giai đoạn 2 (2018-2020) với tổng kinh phí khoảng 9 tỷ
đồng.
Tại buổi làm việc, ông Lê Văn Hòa – Phó Chủ tịch UBND tỉnh Quảng Nam yêu cầu Sở Khoa học và Công nghệ kiện toàn Ban
Điều hành Đề án nâng cao năng suất chất lượng.
Năm 2018, Đề án hỗ trợ 20 doanh nghiệp nhỏ và vừa áp dụng công cụ cải tiến năng suất.
"""

TRUY_XUAT = """Truy xuất nguồn gốc cho sản phẩm OCOP ở Bắc Kạn

Năm 2024, 4 hợp tác xã được lựa chọn để hỗ trợ áp dụng hệ thống truy xuất nguồn gốc cho sản phẩm OCOP tiêu biểu.
Việc hỗ trợ truy xuất nguồn gốc cho sản phẩm OCOP tiêu biểu của tỉnh nhằm công khai quá trình sản xuất, giúp người
tiêu dùng tin tưởng và nâng cao sức cạnh tranh của sản phẩm.
"""


MESSAGE = """Message to the Vietnam Productivity Centre on its anniversary

Akira Tanaka
Secretary-General, Asian Productivity Organization
Warm greetings to all! It is my great pleasure to address the staff of the Vietnam Productivity Centre.
The Asian Productivity Organization has remained a committed partner of the Centre for many years.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("asked-facts"), embeddings, {
        "ninh-thuan-vietgap.txt": VIETGAP, "quang-nam-de-an.txt": DE_AN,
        "bac-kan-truy-xuat.txt": TRUY_XUAT, "apo-message-en.txt": MESSAGE},
        real=("qd-36-qd-ttg-2021-thuviennhadat.txt", "qd-1322-qd-ttg-2020-thuvienphapluat.txt"))


@pytest.mark.parametrize("question, first_line_holds", [
    # a day written with a hyphen answers "when"
    ("Giấy chứng nhận VietGAP năm 2020 cho 14 hợp tác xã ở Ninh Thuận được trao vào ngày nào?", "21-12"),
    # the leader of a province named "Nam": a "who" question, not a year
    ("Lãnh đạo UBND tỉnh Quảng Nam nào yêu cầu kiện toàn Ban Điều hành Đề án?", "Lê Văn Hòa"),
    # a purpose is answered in words
    ("Việc hỗ trợ truy xuất nguồn gốc cho sản phẩm OCOP tiêu biểu của Bắc Kạn nhằm mục tiêu gì?", "sức cạnh tranh"),
    # a name signed over its title answers "who"
    ("Which APO Secretary-General wrote the message to the Vietnam Productivity Centre?", "Akira Tanaka"),
])
def test_the_first_line_answers(assistant, question, first_line_holds):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert first_line_holds in answer.text.split("\n")[0], answer.text


def test_the_named_document_answers_first(assistant):  # noqa: ANN001
    answer = assistant.ask("Ngoài Luật Tổ chức Chính phủ, Quyết định 1322/QĐ-TTg nêu những luật nào làm căn cứ ban "
                           "hành?")
    assert answer.found, answer.text
    assert answer.citations[0].passage.source.endswith("qd-1322-qd-ttg-2020-thuvienphapluat.txt"), answer.text
    assert answer.passages[0].source.endswith("qd-1322-qd-ttg-2020-thuvienphapluat.txt")
    assert "Luật Chất lượng sản phẩm" in answer.text, answer.text


def test_an_acronym_the_page_coins_counts_as_its_long_form():
    coined = ("Sở Khoa học và Công nghệ hướng dẫn áp dụng Hệ thống quản lý chất lượng (HTQLCL) tại các cơ quan.\n"
              "Sở Nội vụ kiểm tra việc duy trì HTQLCL tại 12 phòng, ban.")
    alone = "Sở Nội vụ kiểm tra việc duy trì HTQLCL tại 12 phòng, ban."
    a = QA.analyze("Cơ quan nào kiểm tra việc duy trì hệ thống quản lý chất lượng tại các phòng, ban?")

    def relevance(text: str) -> float:
        p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="iso.txt", title="Áp dụng ISO", section_path="",
                    page=None, text=text, score=1.0)
        return next(c.relevance for c in ExtractiveAnswerer().unit_scores(a, p) if c.unit.text.startswith("Sở Nội"))

    assert relevance(coined) > relevance(alone) + 0.2


def test_a_district_asked_about_is_in_its_province(assistant):  # noqa: ANN001
    question = "Hợp tác xã ở huyện Ninh Phước được trao giấy chứng nhận VietGAP năm 2020 vào ngày nào?"
    assert QA.analyze(question).provinces == ["Ninh Thuận"]
    assert QA.analyze("Kế hoạch của huyện Châu Thành?").provinces == []  # a name several provinces have
    answer = assistant.ask(question)
    assert answer.found and "21-12" in answer.text.split("\n")[0], answer.text



@pytest.mark.parametrize("question", [
    "Doanh nghiệp sản xuất bao bì nào ở Kiên Giang tham gia dự án năm 2013?",
    "Which companies took part in the project in 2013?",
])
def test_a_question_asking_which_business_is_answered_by_one_named(question):  # noqa: ANN001
    from dataclasses import replace

    from assistant.english import is_english, to_vietnamese

    a = QA.analyze(to_vietnamese(question)) if is_english(question) else QA.analyze(question)
    if is_english(question):
        a = replace(a, asked_as=question)
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="kg.txt", title="Khảo sát tại 05 doanh nghiệp năm 2013",
                section_path="", page=None, score=1.0,
                text="Các doanh nghiệp tham gia dự án năm 2013:\n\n1. Công ty Cổ phần Bao bì Hà Tiên – Sản xuất bao bì\n\n"
                     "2. Sở Khoa học và Công nghệ phối hợp khảo sát tại các doanh nghiệp.")
    named = {c.unit.text: c.features["names_organization"] for c in ExtractiveAnswerer().candidates(a, [p])}
    assert named["1. Công ty Cổ phần Bao bì Hà Tiên – Sản xuất bao bì"] == 1.0
    assert not any(v for t, v in named.items() if "Công ty" not in t)


@pytest.mark.parametrize(("question", "intent"), [
    # a target's figure is asked
    ("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025?", "quantity"),
    ("Mục tiêu năm 2025 là gì?", "quantity"),
    ("What targets does Bac Ninh set for 2025?", "quantity"),
    # which targets are asked, not their figures
    ("Mục tiêu nào của kế hoạch chưa đạt?", "general"),
    ("Những mục tiêu nào dự kiến không đạt?", "list"),
    ("Chỉ tiêu nào khó đạt nhất?", "general"),
    ("Which targets of the 2021-2025 economic restructuring plan are projected to fall short?", "list"),
])
def test_which_target_is_asked_apart_from_its_figure(question: str, intent: str) -> None:
    from assistant.english import is_english, to_vietnamese

    assert QA.analyze(to_vietnamese(question) if is_english(question) else question).intent == intent


def test_a_sentence_without_a_figure_names_the_targets_asked():
    """"Which targets ... fall short?" is answered by the sentence naming them, which states no figure."""
    from dataclasses import replace

    from assistant.english import to_vietnamese

    question = "Which targets of the 2021-2025 economic restructuring plan are projected to fall short?"
    a = replace(QA.analyze(to_vietnamese(question)), asked_as=question)
    text = ("Evaluation data are available for only 23 of the 27 targets of the 2021-2025 economic restructuring "
            "plan. The targets projected to fall short include labor productivity growth; the number of enterprises.")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="nief.txt", title="Growth model transformation",
                section_path="", page=None, score=1.0, text=text)
    units = [c.unit.text for c in ExtractiveAnswerer().answer_candidates(a, [p])]
    assert any(u.startswith("The targets projected to fall short") for u in units)


def test_a_number_the_question_states_is_no_amount_it_asks():
    """"bao nhiêu nhiệm vụ trong số 102 nhiệm vụ": 102 is given; a sentence stating only it does not answer."""
    a = QA.analyze("Chính phủ đã hoàn thành bao nhiêu nhiệm vụ trong số 102 nhiệm vụ của Nghị quyết 54/NQ-CP?")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="nq54.txt", title="Nghị quyết 54/NQ-CP", section_path="",
                page=None, score=1.0,
                text="Nghị quyết 54/NQ-CP của Chính phủ đề ra 102 nhiệm vụ.\nĐến nay, Chính phủ đã hoàn thành 86 nhiệm vụ.")
    typed = {c.unit.text: c.features["typed"] for c in ExtractiveAnswerer().candidates(a, [p])}
    assert typed["Nghị quyết 54/NQ-CP của Chính phủ đề ra 102 nhiệm vụ."] == 0.0
    assert typed["Đến nay, Chính phủ đã hoàn thành 86 nhiệm vụ."] > 0.0


def test_a_later_part_naming_its_own_year_asks_of_that_year():
    """The first part's year is its subject's ("GRDP 2025 ước tăng bao nhiêu"); "mục tiêu ... năm 2026" asks 2026."""
    a = QA.analyze("Theo Sở Tài chính Cần Thơ, GRDP 2025 ước tăng bao nhiêu và mục tiêu tăng trưởng năm 2026 là bao nhiêu?")
    assert a.years == ["2025", "2026"] and [p.years for p in a.parts] == [["2025"], ["2026"]]
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="ct.txt", title="Cần Thơ năm 2026", section_path="",
                page=None, score=1.0,
                text="Theo Sở Tài chính, trong năm 2025, tăng trưởng GRDP ước đạt 7,23%.\n"
                     "Thành phố phấn đấu đạt tăng trưởng 10 - 10,5% trong năm 2026.")
    from assistant.linear_model import load_model

    answerer = ExtractiveAnswerer(model=load_model("answer_units"))
    best = max(answerer.candidates(a.parts[1], [p]), key=lambda c: c.features["probability"])
    assert "2026" in best.unit.text
    # a later part without a year of its own keeps the subject's
    b = QA.analyze("Năm 2020 vinh danh bao nhiêu doanh nghiệp, bao nhiêu giải Vàng?")
    assert [p.years for p in b.parts] == [["2020"], ["2020"]]


def test_a_day_and_month_after_a_time_of_day_is_a_date_not_an_amount():
    """"Hội nghị kéo dài mấy ngày?": "Sáng 15/5" dates the opening; "2 ngày" is how long it lasted."""
    a = QA.analyze("Hội nghị tập huấn năm 2024 ở Thanh Hóa kéo dài mấy ngày?")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="th.txt", title="Hội nghị tập huấn", section_path="",
                page=None, score=1.0,
                text="Sáng 15/5, Sở Khoa học và Công nghệ Thanh Hóa tổ chức hội nghị tập huấn năm 2024.\n"
                     "Hội nghị diễn ra trong 2 ngày (15 và 16/5).")
    typed = {c.unit.text[:10]: c.features["typed"] for c in ExtractiveAnswerer().candidates(a, [p])}
    assert typed["Sáng 15/5,"] == 0.0 and typed["Hội nghị d"] > 0.0


def test_a_number_the_question_states_of_something_else_still_answers():
    """"Nhân dịp 20 năm ..., chọn bao nhiêu doanh nghiệp?": the question's 20 counts years; "20 DN" answers."""
    a = QA.analyze("Nhân dịp 20 năm Giải thưởng Chất lượng Quốc gia, Bộ KH&CN dự kiến chọn bao nhiêu doanh nghiệp?")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="gt.txt", title="Giải thưởng", section_path="", page=None,
                score=1.0, text="Bộ KH&CN sẽ chọn ra 20 DN điển hình trong 20 năm qua để tôn vinh.")
    (c,) = ExtractiveAnswerer().candidates(a, [p])
    assert c.features["typed"] > 0


def test_a_year_the_question_names_is_no_amount_in_the_unit():
    """"Năm 2017 có bao nhiêu doanh nghiệp ...": "Lễ trao giải 2017" names the year, it counts nothing."""
    a = QA.analyze("Năm 2017 có bao nhiêu doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia?")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="gt.txt", title="Giải thưởng", section_path="", page=None,
                score=1.0, text="Lễ trao giải 2017 diễn ra tại Hà Nội.\n"
                                "Có 73 doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia năm 2017.")
    typed = {c.unit.text[:6]: c.features["typed"] for c in ExtractiveAnswerer().candidates(a, [p])}
    assert typed["Lễ tra"] == 0.0 and typed["Có 73 "] > 0.0


@pytest.mark.parametrize("question, person", [
    ("Dự thảo đề án đề xuất cơ chế hỗ trợ mới nào liên quan đến AI?", False),  # artificial intelligence
    ("Doanh nghiệp ứng dụng AI được hỗ trợ bao nhiêu?", False),
    ("Ai ký quyết định phê duyệt đề án?", True),
    ("Đề án do ai ký?", True),
    ("AI LÀ NGƯỜI KÝ QUYẾT ĐỊNH?", True),  # a question in capitals: "AI" is "ai"
])
def test_the_acronym_ai_asks_no_person(question, person):  # noqa: ANN001
    a = QA.analyze(question)
    assert (a.intent in ("person", "signer")) is person
    assert ("person" in ev.asked_kinds(question)) is person
    assert "person" in ev.asked_kinds("Who signed the decision on AI?")
    if not question.isupper() and "AI" in question:
        assert "ai" in a.keywords  # artificial intelligence is what the question is about


@pytest.mark.parametrize("question, counted", [
    # judged as written: "cơ quan", "đề tài" fold to "co", "de", which are also "có", "để"
    ("Thành phố yêu cầu bao nhiêu cơ quan áp dụng ISO 9001:2015?", ["co", "quan"]),
    ("Tỉnh có bao nhiêu đề tài khoa học được nghiệm thu?", ["de", "tai"]),
    ("Có bao nhiêu doanh nghiệp được hỗ trợ?", ["doanh", "nghiep"]),
    ("co bao nhieu doanh nghiep duoc ho tro", ["doanh", "nghiep"]),  # typed without diacritics: folded
    # a percentage counts nothing: the page writes "11,4%"
    ("Năng suất lao động năm 2022 bằng bao nhiêu phần trăm của Singapore?", []),
    ("nang suat lao dong bang bao nhieu phan tram cua Singapore", []),
])
def test_what_a_count_counts_is_read_as_written(question, counted):  # noqa: ANN001
    assert QA.analyze(question).unit_words[:2] == counted
