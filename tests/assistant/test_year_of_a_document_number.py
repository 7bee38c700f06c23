"""The year inside a document's number is part of its name, not a time the question asks about: "Quyết định
62/2011/QĐ-TTg có hiệu lực từ ngày nào?" asks no year 2011, so the clause "có hiệu lực thi hành kể từ ngày 01 tháng 01
năm 2012" (a section whose heading names 2012) is not ranked down as a section of another year. A date's year and
a month's ("ngày 31/8/2020", "tháng 8/2020") are still asked. Real pipeline over a decision written here."""

from __future__ import annotations

import pytest

from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

ARTICLES = "\n".join(
    f"Điều {i}. Chế độ trợ cấp nhóm {i}\n1. Đối tượng nhóm {i} được hưởng trợ cấp một lần theo thời gian công tác.\n"
    f"2. Mức trợ cấp nhóm {i} được tính theo số năm công tác thực tế." for i in range(1, 10))
DECISION = f"""QUYẾT ĐỊNH VỀ CHẾ ĐỘ TRỢ CẤP ĐỐI VỚI ĐỐI TƯỢNG ĐÃ PHỤC VIÊN
THỦ TƯỚNG CHÍNH PHỦ
Số: 62/2011/QĐ-TTg
Hà Nội, ngày 09 tháng 11 năm 2011
QUYẾT ĐỊNH
Về chế độ trợ cấp đối với đối tượng đã phục viên, xuất ngũ, thôi việc
{ARTICLES}
Điều 10. Điều khoản thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2012.
2. Kể từ ngày Quyết định này có hiệu lực thi hành, quân nhân đã phục viên, xuất ngũ được hưởng chế độ theo Quyết định này; các quy định trước đây trái với Quyết định này bãi bỏ; Bộ Quốc phòng hướng dẫn thực hiện Quyết định này có hiệu lực thi hành đúng quy định.
"""


@pytest.mark.parametrize(("question", "years"), [
    ("Quyết định 62/2011/QĐ-TTg có hiệu lực thi hành từ ngày nào?", []),
    ("Nghị định 55/2023 có hiệu lực từ ngày nào?", []),
    ("Nghị quyết 20/2021/NQ-HĐND năm 2021 của Đồng Nai hỗ trợ bao nhiêu?", ["2021"]),
    ("Ngày 31/8/2020 Thủ tướng ký quyết định nào?", ["2020"]),
    ("Tháng 8/2020 có bao nhiêu doanh nghiệp được hỗ trợ?", ["2020"]),
])
def test_years_asked(question: str, years: list[str]) -> None:
    assert QuestionAnalyzer(ProvinceGazetteer()).analyze(question).years == years


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("number-year"), embeddings, {"qd_62_2011_ttg.txt": DECISION})


def test_the_effective_date_of_a_decision_named_by_its_number(assistant):  # noqa: ANN001
    answer = assistant.ask("Quyết định 62/2011/QĐ-TTg có hiệu lực thi hành từ ngày nào?")
    assert answer.found and "01 tháng 01 năm 2012" in answer.text, answer.text
    assert "01 tháng 01 năm 2012" in answer.passages[0].text
