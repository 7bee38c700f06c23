"""A question asking a sum of money ("bao nhiêu kinh phí", "kinh phí ... là bao nhiêu") is answered by a sum of
money, not by a line whose only numbers are years and document numbers ("Căn cứ ... dự toán ngân sách nhà nước
năm 2022"). Real pipeline: a real Prime Minister's decision from ../shared (its excerpt states no sum) and a plan
written here that states one."""

from __future__ import annotations

import pytest

from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

QD_1305 = "qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt"

PLAN = """Kế hoạch nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Yên Bái năm 2024
ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 41/KH-UBND
Yên Bái, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Nâng cao năng suất và chất lượng sản phẩm, hàng hóa năm 2024
I. MỤC TIÊU
Hỗ trợ 15 doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
II. KINH PHÍ THỰC HIỆN
Căn cứ Luật Ngân sách nhà nước năm 2015 và dự toán ngân sách nhà nước năm 2024 đã được giao.
Tổng kinh phí thực hiện Kế hoạch là 1.250 triệu đồng, từ nguồn sự nghiệp khoa học và công nghệ.
"""


@pytest.mark.parametrize(("question", "money"), [
    ("Chương trình được bố trí bao nhiêu kinh phí từ ngân sách trung ương?", True),
    ("Tổng kinh phí thực hiện kế hoạch là bao nhiêu?", True),
    ("Ngân sách của tỉnh năm 2024 là bao nhiêu?", True),
    ("Kinh phí hỗ trợ tối đa bao nhiêu phần trăm?", False),  # a share, not a sum
    ("Bao nhiêu doanh nghiệp được hỗ trợ kinh phí?", False),  # a count of enterprises
    ("Kinh phí hỗ trợ cho bao nhiêu doanh nghiệp?", False),
    ("Mức hỗ trợ là bao nhiêu triệu đồng?", True),
    ("Năng suất lao động của Việt Nam là bao nhiêu USD mỗi giờ?", True),
    ("Nước nào có năng suất lao động 15,06 USD/giờ năm 2021?", False),  # the amount is given, a country asked
    ("Doanh nghiệp nào được hỗ trợ 50 triệu đồng?", False),
])
def test_a_sum_of_money_is_asked(question, money):  # noqa: ANN001
    assert QuestionAnalyzer(ProvinceGazetteer()).analyze(question).wants_money is money


def test_a_basis_line_with_years_is_no_sum(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {}, real=(QD_1305,))
    answer = assistant.ask("Chương trình quốc gia về tăng năng suất lao động đến năm 2030 được bố trí bao nhiêu kinh "
                           "phí từ ngân sách trung ương?")
    assert not answer.found, answer.text
    assert not answer.citations


def test_the_sum_is_answered(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"yen_bai_kh_41_2024.txt": PLAN})
    answer = assistant.ask("Kế hoạch năng suất chất lượng năm 2024 của Yên Bái có tổng kinh phí bao nhiêu?")
    assert answer.found, answer.text
    assert "1.250 triệu đồng" in answer.text, answer.text
    assert answer.citations[0].passage.metadata.get("province") == "Yên Bái"
