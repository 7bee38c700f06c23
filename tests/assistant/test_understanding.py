"""Question understanding without the store: intents, provinces, abbreviations, English, follow-ups."""

from __future__ import annotations

import pytest

from assistant.english import is_english, to_vietnamese
from assistant.followup import FollowUpRewriter
from assistant.question import QuestionAnalyzer, is_unaccented_vietnamese
from common.abbreviations import expansion_text, fix_query_typos
from common.provinces import ProvinceGazetteer

G = ProvinceGazetteer()
QA = QuestionAnalyzer(G)
FU = FollowUpRewriter(G)


@pytest.mark.parametrize("question, intent", [
    ("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?", "quantity"),
    ("Cơ quan nào là đầu mối triển khai kế hoạch?", "agency"),
    ("Ai ký ban hành kế hoạch nâng cao năng suất của Nam Định?", "signer"),
    ("Giám đốc Sở KH&CN Quảng Ninh là ai?", "person"),
    ("Kế hoạch 285/KH-UBND được ban hành ngày nào?", "date"),
    ("Các sở phải báo cáo trước ngày nào?", "date"),
    ("Kế hoạch của Quảng Nam có số hiệu là gì?", "docnumber"),
    ("Doanh nghiệp nào thuộc đối tượng được hỗ trợ?", "eligibility"),
    ("Kinh phí thực hiện lấy từ nguồn nào?", "funding"),
    ("Tỉnh nào đặt mục tiêu tăng năng suất lao động trên 10% mỗi năm?", "which_docs"),
    ("So sánh mục tiêu TFP của Bắc Ninh và Nam Định", "compare"),
    ("Các nhiệm vụ, giải pháp chính gồm những gì?", "list"),
    ("Kể tên các doanh nghiệp Bình Dương tham gia giải thưởng năm 2018.", "list"),  # "kể tên": name them
    ("Doanh nghiệp được hỗ trợ tối đa bao nhiêu tiền?", "quantity"),
    ("co quan nao chu tri ke hoach nang suat cua Nam Dinh", "agency"),
    ("Quyết định được ban hành theo đề nghị của bộ nào?", "agency"),
    ("Bao nhiêu doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến năng suất?", "quantity"),  # a count, not who
    ("Doanh nghiệp mua máy móc có được hỗ trợ không?", "eligibility"),  # "máy" (machine) is not "mấy"
    ("bao nhieu doanh nghiep duoc ho tro ap dung ISO", "quantity"),
    # "lực", "lục" and "khí" fold like "lúc nào" and "khi nào" (when): with their tones they ask no date
    ("Tỉnh hỗ trợ những sản phẩm nông nghiệp chủ lực nào?", "general"),
    ("Phụ lục nào quy định mức chi?", "general"),
    ("Lúc nào kế hoạch được ban hành?", "date"),
    ("luc nao ke hoach duoc ban hanh", "date"),
    # "cơ sở là" (a base) written with its tones is not "có số là" (has the number)
    ("Số sản phẩm được hỗ trợ áp dụng tiêu chuẩn cơ sở là bao nhiêu?", "quantity"),
    ("Kế hoạch hỗ trợ doanh nghiệp của tỉnh có số là gì?", "docnumber"),
])
def test_intent(question, intent):
    assert QA.analyze(question).intent == intent


def test_condition_money_years_and_scope():
    a = QA.analyze("Tỉnh nào đặt mục tiêu tăng năng suất lao động trên 10% mỗi năm?")
    assert a.condition is not None and a.condition.op == ">" and a.condition.value == 10.0 and a.condition.percent
    assert QA.analyze("Nam Định được cấp bao nhiêu tỷ đồng?").wants_money
    assert not QA.analyze("Mục tiêu tăng năng suất lao động là bao nhiêu?").wants_money  # "lao động" is no đồng
    assert QA.analyze("Mục tiêu giai đoạn 2026-2030 của Bắc Ninh?").years == ["2026", "2030"]
    assert QA.analyze("Theo kế hoạch tổng thể quốc gia, TFP đóng góp bao nhiêu?").national
    # "Thông tư 46/2026/..." folds to "thong tu 46", whose "tu" reads as "từ" (from): a document's number bounds nothing
    assert QA.analyze("Theo Thông tư 46/2026/TT-BKHCN, sản phẩm không bị thu hồi trong bao lâu?").condition is None
    assert QA.analyze("Doanh nghiệp có từ 10 lao động được hỗ trợ bao nhiêu?").condition.value == 10.0


@pytest.mark.parametrize("question", [
    "Đồng Nai có bao nhiêu doanh nghiệp đạt giải thưởng năm 2015?",
    "bao nhiêu Dong Nai doanh nghiệp đạt giải năm 2015?",  # an English question's word order, translated
])
def test_a_place_name_is_neither_money_nor_what_is_counted(question):
    a = QA.analyze(question)
    assert a.provinces == ["Đồng Nai"]
    assert not a.wants_money  # "Đồng" in "Đồng Nai" is not the currency
    assert "dong" not in a.unit_words and "nai" not in a.unit_words
    assert QA.analyze("Tỉnh Đồng Nai hỗ trợ bao nhiêu đồng cho mỗi doanh nghiệp?").wants_money


def test_a_count_is_of_the_asked_unit_or_its_initialism():
    from assistant.evidence import has_number_with_unit
    unit = QA.analyze("Năm 2023 tỉnh Hòa Bình đơn giản hóa bao nhiêu thủ tục hành chính lĩnh vực KH&CN?").unit_words
    assert has_number_with_unit("đơn giản hóa 05 TTHC lĩnh vực KH&CN", unit)
    assert has_number_with_unit("đơn giản hóa 05 thủ tục hành chính", unit)
    assert not has_number_with_unit("Quyết định số 1322 ngày 31/8/2020 của Thủ tướng Chính phủ", unit)
    assert not has_number_with_unit("đã tiếp nhận 63 hồ sơ", unit)


def test_a_standards_edition_is_not_a_year_asked_about():
    assert QA.analyze("Doanh nghiệp nào áp dụng hệ thống quản lý ngoài TCVN ISO 9001:2015?").years == []
    assert QA.analyze("Năm 2015 có bao nhiêu doanh nghiệp áp dụng ISO 9001:2015?").years == ["2015"]


def test_which_enterprise_asks_for_an_organisations_name():
    from assistant.evidence import asked_kinds, has_kind
    assert "organization" in asked_kinds("Hai doanh nghiệp Đồng Tháp đạt Giải Vàng năm 2020 là những đơn vị nào?")
    assert "organization" in asked_kinds("Which companies of Binh Duong won the award?")
    assert "organization" not in asked_kinds("Cơ quan nào chủ trì kế hoạch?")
    assert has_kind("organization", "Công ty TNHH MTV Vĩnh Hoàn Collagen đạt Giải Vàng")
    assert has_kind("organization", "Cuong Phat Company Limited, CIC 39 Joint Stock Company")
    assert not has_kind("organization", "Đồng Tháp có 02 doanh nghiệp đạt Giải Vàng Chất lượng Quốc gia")


def test_at_least_a_number_is_a_bound_not_a_superlative():
    a = QA.analyze("Chương trình (Quyết định 1322/QĐ-TTg) đặt mục tiêu có ít nhất bao nhiêu doanh nghiệp là mô hình điểm?")
    assert a.intent == "quantity"
    assert QA.analyze("Tỉnh nào có mục tiêu tăng năng suất lao động thấp nhất?").intent == "compare"


def test_unaccented_vietnamese_is_told_from_english_and_accented():
    assert is_unaccented_vietnamese("co quan nao chu tri ke hoach")
    assert not is_unaccented_vietnamese("Cơ quan nào chủ trì kế hoạch?")
    assert not is_unaccented_vietnamese("Which agency leads the plan?")


@pytest.mark.parametrize("short, long", [
    ("KH&CN", "khoa hoc va cong nghe"), ("NSLĐ", "nang suat lao dong"), ("DNNVV", "doanh nghiep nho va vua"),
    ("HTX", "hop tac xa"), ("TFP", "nang suat cac nhan to tong hop"), ("ĐMST", "doi moi sang tao"),
    ("UBND", "uy ban nhan dan"), ("HĐND", "hoi dong nhan dan"), ("TCĐLCL", "tieu chuan do luong chat luong"),
    ("SPHH", "san pham hang hoa"), ("NSCL", "nang suat chat luong"), ("TP", "thanh pho"),
])
def test_abbreviations_expand_both_ways(short, long):
    assert long in expansion_text(f"Sở {short} tỉnh")
    folded_short = expansion_text(long.replace("nang suat", "năng suất"))
    assert folded_short  # the long form brings its abbreviation


def test_query_typos():
    assert fix_query_typos("Mục tiêu năng xuất lao động") == "Mục tiêu năng suất lao động"


@pytest.mark.parametrize("question, expected_words", [
    ("What labour productivity growth does Thai Binh target for 2025?", ["năng suất lao động", "2025", "Thai Binh"]),
    ("Which agency leads the productivity plan of Nam Dinh?", ["cơ quan nào", "chủ trì", "Nam Dinh"]),
    ("Who signed the Nam Dinh plan?", ["ai ký"]),
    ("Which provinces target labour productivity growth above 10% per year?", ["tỉnh nào", "trên 10%"]),
])
def test_english_questions_are_translated(question, expected_words):
    assert is_english(question)
    vi = to_vietnamese(question)
    for w in expected_words:
        assert w in vi


@pytest.mark.parametrize("question, history, expected", [
    ("Còn đến năm 2030 thì sao?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"],
     "Mục tiêu tăng năng suất lao động của Nam Định đến năm 2030 là bao nhiêu?"),
    ("Còn Bắc Ninh thì sao?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"],
     "Mục tiêu tăng năng suất lao động của Bắc Ninh đến năm 2025 là bao nhiêu?"),
    ("Thế còn TFP?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"],
     "Mục tiêu TFP của Nam Định đến năm 2025 là bao nhiêu?"),
    ("Kế hoạch đó do ai ký?", ["Kế hoạch 285/KH-UBND của Bắc Ninh ban hành ngày nào?"],
     "Kế hoạch đó do ai ký? (Bắc Ninh, 285/KH-UBND)"),
    ("Cơ quan nào chủ trì kế hoạch của Bắc Ninh?", ["Mục tiêu của Nam Định?"],
     "Cơ quan nào chủ trì kế hoạch của Bắc Ninh?"),
    # "Còn <something else> thì sao?" asks the previous question's "bao nhiêu" of it
    ("Còn số doanh nghiệp được hỗ trợ áp dụng công cụ Kaizen, 5S thì sao?",
     ["Giai đoạn 2021-2025 Hậu Giang hỗ trợ bao nhiêu doanh nghiệp áp dụng hệ thống quản lý chất lượng?"],
     "Số doanh nghiệp được hỗ trợ áp dụng công cụ Kaizen, 5S là bao nhiêu? (Hậu Giang, 2025)"),
    ("Còn kế hoạch của Bắc Ninh do ai ký?", ["Kế hoạch 285/KH-UBND ban hành ngày nào?"],
     "Còn kế hoạch của Bắc Ninh do ai ký? (285/KH-UBND)"),  # it asks its own question
    # a demonstrative points at a document the earlier question named by description only
    ("Quyết định đó được ký ngày nào?", ["Quyết định trao Giải thưởng Chất lượng Quốc gia năm 2022 có số hiệu gì?"],
     "Quyết định đó được ký ngày nào? (Quyết định trao Giải thưởng Chất lượng Quốc gia năm 2022 có số hiệu)"),
    # the edition of a standard ("ISO 9001:2015") is no year the earlier question asked about
    ("Danh sách đó được ban hành kèm công văn số mấy?", ["Năm 2018 Bình Thuận có bao nhiêu xã áp dụng ISO 9001:2015?"],
     "Danh sách đó được ban hành kèm công văn số mấy? (Bình Thuận, 2018)"),
    ("Còn năm 2019 thì sao?", ["Năm 2018 Bình Thuận có bao nhiêu xã áp dụng ISO 9001:2015?"],
     "Năm 2019 Bình Thuận có bao nhiêu xã áp dụng ISO 9001:2015?"),
    # another kind of the same thing: the earlier question asked of it
    ("Còn doanh nghiệp vừa thì được hỗ trợ thế nào?",
     ["Theo Nghị định 39/2018/NĐ-CP, doanh nghiệp siêu nhỏ được hỗ trợ chi phí tư vấn tối đa bao nhiêu mỗi năm?"],
     "Theo Nghị định 39/2018/NĐ-CP, doanh nghiệp vừa được hỗ trợ chi phí tư vấn tối đa bao nhiêu mỗi năm?"),
    ("Còn doanh nghiệp nhỏ thì sao?", ["Doanh nghiệp siêu nhỏ được hỗ trợ tối đa bao nhiêu?"],
     "Doanh nghiệp nhỏ được hỗ trợ tối đa bao nhiêu?"),
])
def test_follow_ups_become_standalone(question, history, expected):
    assert FU.rewrite(question, history) == expected


def test_short_follow_up_question_is_not_swapped_into_the_indicator():
    out = FU.rewrite("Ai ký?", ["Tổng kinh phí thực hiện kế hoạch năng suất của Hải Phòng là bao nhiêu?"])
    assert out.startswith("Ai ký?") and "Hải Phòng" in out


def test_percentage_attached_to_the_asked_indicator():
    from assistant.evidence import attached_percentage
    from common.text import bigrams, words

    cue = set(bigrams(words("tỉnh nào đặt mục tiêu tăng năng suất lao động trên 10% mỗi năm")))
    assert attached_percentage("- Góp phần đạt mục tiêu TFP đóng góp 40% vào tăng GRDP của tỉnh.", cue) is None
    assert attached_percentage("góp phần đạt mục tiêu tăng năng suất lao động bình quân của tỉnh trên 11%/năm; "
                               "TFP đóng góp khoảng 45%", cue) == 11.0


def test_a_province_named_with_the_one_it_merged_into_is_one_place():
    """'Hậu Giang (cũ), nay thuộc Cần Thơ' is one place asked about; two former provinces merged into the same
    province are still two."""
    assert QA.analyze("Tỉnh Hậu Giang cũ (nay thuộc TP Cần Thơ) hỗ trợ bao nhiêu doanh nghiệp?").places == 1
    assert QA.analyze("Hà Nam và Nam Định hỗ trợ bao nhiêu doanh nghiệp?").places == 2
    assert QA.analyze("So sánh mục tiêu của Bắc Ninh và Nam Định").places == 2


@pytest.mark.parametrize("sentence, eligible", [
    ("Chương trình dành cho mọi doanh nghiệp thuộc các thành phần kinh tế (trừ doanh nghiệp FDI).", True),
    ("Chương trình hướng tới các doanh nghiệp vừa và nhỏ của tỉnh.", True),
    ("Đối tượng được hỗ trợ là các doanh nghiệp trên địa bàn.", True),
    ("Tổng kinh phí thực hiện là 5,6 tỷ đồng.", False),
])
def test_who_a_programme_is_for_is_stated_in_several_ways(sentence, eligible):
    from assistant.evidence import ELIGIBILITY

    assert bool(ELIGIBILITY.search(sentence)) is eligible


@pytest.mark.parametrize("question", [
    "Kế hoạch hỗ trợ doanh nghiệp đổi mới máy móc, thiết bị như thế nào?",
    "Doanh nghiệp mua máy móc được hỗ trợ những gì?",
])
def test_a_machine_is_not_an_amount_asked(question):
    """'máy' (machine) and 'mấy' (how many) fold to the same letters: a question about machinery asks no amount."""
    a = QA.analyze(question)
    assert a.intent != "quantity" and a.unit_words == [], (a.intent, a.unit_words)
    assert QA.analyze("Tỉnh hỗ trợ mấy doanh nghiệp mua máy móc?").unit_words[:2] == ["doanh", "nghiep"]


@pytest.mark.parametrize("question, money, counted", [
    ("Cần Thơ năm 2023 có bao nhiêu tổ chức khoa học và bao nhiêu tiến sĩ?", False, ["to", "chuc", "khoa", "hoc"]),
    ("Thành phố có bao nhiêu tiến sĩ?", False, ["tien", "si"]),
    ("can tho co bao nhieu tien si?", False, ["tien", "si"]),  # typed without diacritics
    ("Doanh nghiệp được hỗ trợ bao nhiêu tiền?", True, ["tien"]),
    ("ho tro bao nhieu tien cho moi he thong?", True, ["tien"]),
])
def test_doctors_are_not_money(question, money, counted):
    """'tiến sĩ' (doctors) and 'tiền' (money) fold to the same letters: asked with its tones, or followed by 'sĩ'
    when typed without them, a count of doctors asks no amount of money, and the counted noun stays as documents
    fold it."""
    a = QA.analyze(question)
    assert a.intent == "quantity" and a.wants_money is money and a.unit_words == counted
