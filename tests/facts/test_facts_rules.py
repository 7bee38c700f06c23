"""The extraction rules on single sentences: table-driven, no index needed."""

from __future__ import annotations

import pytest

from assistant.facts.agencies import find_agencies, roles_in
from assistant.facts.eligibility import line_kind, rate_and_ceiling
from assistant.facts.indicators import asked_indicator
from assistant.facts.targets import sentence_targets


@pytest.mark.parametrize("sentence, section, expected", [
    ("- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm.", "b) Mục tiêu đến 2030",
     [("labour_productivity", "trên 7,5%/năm", 7.5, 7.5, 2030)]),
    ("Tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) vào tăng trưởng GRDP của tỉnh bình quân giai đoạn "
     "2023-2025 đạt khoảng từ 45-47%; giai đoạn 2026-2030 đạt trên 50%.", "",
     [("tfp_contribution", "khoảng từ 45-47%", 45.0, 47.0, 2025), ("tfp_contribution", "trên 50%", 50.0, 50.0, 2030)]),
    ("Đào tạo 10 - 15 chuyên gia NSCL trong tỉnh và đào tạo kiến thức về NSCL cho ít nhất 300 cán bộ, công chức, "
     "viên chức; tối thiểu 50 DN được hỗ trợ nâng cao NSCL", "a) Mục tiêu đến năm 2025",
     [("experts", "10 - 15 chuyên gia", 10.0, 15.0, 2025), ("officials_trained", "ít nhất 300 cán bộ", 300.0, 300.0, 2025),
      ("enterprises_supported", "tối thiểu 50 DN", 50.0, 50.0, 2025)]),
    ("Phấn đấu đến hết năm 2025 có trên 60% cơ sở khám bệnh áp dụng công cụ và đến 2030 có 90% cơ sở.", "",
     [("health_facilities", "trên 60%", 60.0, 60.0, 2025), ("health_facilities", "90%", 90.0, 90.0, 2030)]),
    ("Kế hoạch đặt mục tiêu thành lập 03 câu lạc bộ năng suất vào năm 2025 và duy trì 08 câu lạc bộ vào năm 2030.", "",
     [("clubs", "03 câu lạc bộ", 3.0, 3.0, 2025), ("clubs", "08 câu lạc bộ", 8.0, 8.0, 2030)]),
    # not targets: standards, document numbers, years, completion rates of a report
    ("- Áp dụng ISO 9001 và TCVN ISO 21001 theo Nghị định số 80/2021/NĐ-CP năm 2025.", "I. MỤC TIÊU", []),
    ("- Có 05/12 chuyên gia được cấp chứng chỉ, đạt 41,7% chỉ tiêu.", "I. KẾT QUẢ", []),
])
def test_sentence_targets(sentence, section, expected):
    got = [(t.indicator, t.value_text, t.low, t.high, t.year) for t in sentence_targets(sentence, section)]
    assert got == expected


def test_report_keeps_only_the_figure_named_as_the_target():
    got = sentence_targets("- Tỷ trọng đóng góp của TFP năm 2024 ước đạt 39,6%, mục tiêu đến năm 2025 là 42%.", "",
                           achievements_possible=True)
    assert [(t.indicator, t.low, t.year) for t in got] == [("tfp_contribution", 42.0, 2025)]


def test_a_part_of_a_target_is_marked():
    got = sentence_targets("- Đào tạo tổng cộng 30 chuyên gia, trong đó ít nhất 10 chuyên gia làm việc tại doanh nghiệp.",
                           "b) Mục tiêu đến năm 2030")
    assert [(t.low, t.subset) for t in got] == [(30.0, False), (10.0, True)]
    # "Tỷ trọng" contains the letters of "trong đó" but is not a part
    assert not sentence_targets("- Tỷ trọng đóng góp của TFP đạt 48%.", "Mục tiêu")[0].subset


@pytest.mark.parametrize("text, names", [
    ("Sở KHCN tỉnh Khánh Hòa được giao là cơ quan đầu mối", ["Sở Khoa học và Công nghệ"]),
    ("Sở KH&CN phối hợp với Sở Kế hoạch và Đầu tư, UBND các huyện", ["Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư",
                                                                    "UBND cấp huyện"]),
    ("Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh; Báo Nam Định",
     ["Ban Quản lý các khu công nghiệp, khu kinh tế", "Báo Nam Định"]),
    ("Doanh nghiệp tham gia Kế hoạch.", []),
])
def test_agencies_are_normalised(text, names):
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("task, roles", [
    ("Là cơ quan đầu mối, chủ trì triển khai Kế hoạch; có trách nhiệm phối hợp với các cơ quan liên quan",
     ["đầu mối", "chủ trì", "phối hợp"]),
    ("Chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu bố trí kinh phí.", ["chủ trì"]),
    ("- Phối hợp với Sở Khoa học và Công nghệ kiểm tra doanh nghiệp.", ["phối hợp"]),
    ("Tuyên truyền chính sách; báo cáo kết quả trước ngày 30/11 hằng năm.", ["thực hiện", "báo cáo"]),
])
def test_roles(task, roles):
    assert roles_in(task) == roles


@pytest.mark.parametrize("section, text, kind", [
    ("II. ĐỐI TƯỢNG > 2. Các trường hợp không được hỗ trợ", "- Doanh nghiệp có vốn nhà nước trên 50%.", "không hỗ trợ"),
    ("II. ĐỐI TƯỢNG > 1. Đối tượng được hỗ trợ", "- Hợp tác xã thành lập theo Luật Hợp tác xã.", "đối tượng"),
    ("III. NỘI DUNG VÀ MỨC HỖ TRỢ > 1. Hỗ trợ hệ thống quản lý", "- Hỗ trợ 50% chi phí.", "mức hỗ trợ"),
    ("II. NHIỆM VỤ, GIẢI PHÁP > 2. Hỗ trợ doanh nghiệp áp dụng", "- Hỗ trợ doanh nghiệp áp dụng ISO 9001.", None),
    ("", "Không áp dụng đối với doanh nghiệp có vốn đầu tư nước ngoài (FDI).", "không hỗ trợ"),
])
def test_eligibility_kinds(section, text, kind):
    assert line_kind(section, text) == kind


def test_rate_and_ceiling_are_kept_as_written():
    assert rate_and_ceiling("- Hỗ trợ 100% học phí khóa đào tạo, tối đa 02 người/doanh nghiệp.") == (
        "100% học phí khóa đào tạo", "tối đa 02 người/doanh nghiệp")


@pytest.mark.parametrize("text, key", [
    ("năng suất lao động", "labour_productivity"), ("Tang nang suat lao dong", "labour_productivity"),
    ("TFP", "tfp_contribution"), ("Câu lạc bộ năng suất", "clubs"), ("experts", "experts"),
    ("mô hình điểm", "pilot_models"), ("thời tiết", None),
])
def test_asked_indicator(text, key):
    assert asked_indicator(text) == key


@pytest.mark.parametrize("question, superlative", [
    ("Tỉnh nào có chỉ tiêu tăng năng suất lao động thấp nhất?", True),
    ("Tỉnh nào đặt mục tiêu đóng góp của TFP cao nhất?", True),
    # a bound within one target, not the lowest or highest across the plans
    ("Chương trình 1322/QĐ-TTg đặt mục tiêu có ít nhất bao nhiêu doanh nghiệp trở thành mô hình điểm?", False),
    ("Kế hoạch hỗ trợ ít nhất 100 doanh nghiệp áp dụng công cụ cải tiến năng suất trong năm nào?", False),
    ("Mỗi năm hỗ trợ nhiều nhất bao nhiêu doanh nghiệp?", False),
])
def test_a_superlative_over_the_plans_is_told_from_a_bound(question, superlative):
    from assistant.facts.answers import _HIGHEST, _LOWEST
    from common.text import fold

    assert bool(_HIGHEST.search(fold(question)) or _LOWEST.search(fold(question))) is superlative
