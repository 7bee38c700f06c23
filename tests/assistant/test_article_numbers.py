"""The number of a part of a legal text ("Điều 3. Chánh Văn phòng ... chịu trách nhiệm thi hành") names that part,
it states no amount: a "bao nhiêu" question is not answered by a decision's closing articles, and is refused when
the decision sets no such figure. Real pipeline over a decision written here."""

from __future__ import annotations

import pytest

from assistant.evidence import amounts

DECISION = """QUYẾT ĐỊNH Ban hành Kế hoạch thực hiện Chỉ thị số 12-CT/TU về phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Phú Thọ

ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Số: 845/QĐ-UBND
Phú Thọ, ngày 14 tháng 4 năm 2023

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chỉ thị số 12-CT/TU về phát triển khoa học, công nghệ và đổi mới sáng tạo

ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 12-CT/TU về phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Phú Thọ.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành và các doanh nghiệp có hoạt động đổi mới sáng tạo chịu trách nhiệm thi hành Quyết định này.
"""


def test_an_article_number_is_no_amount():
    assert amounts("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.") == []
    assert amounts("Theo khoản 3 Điều 4, tỉnh hỗ trợ 30 doanh nghiệp.") == ["30"]
    assert amounts("Chapter 2 sets out 12 tasks") == ["12"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("article-numbers"), embeddings,
                                {"phu_tho_qd_845_2023.txt": DECISION})


def test_a_count_the_decision_never_sets_is_refused(assistant):  # noqa: ANN001
    answer = assistant.ask("Quyết định 845/QĐ-UBND của Phú Thọ đặt mục tiêu bao nhiêu doanh nghiệp có hoạt động đổi mới sáng tạo?")
    assert not answer.found, answer.text
    # what the decision does say is still answered
    answer = assistant.ask("Quyết định 845/QĐ-UBND của Phú Thọ có hiệu lực từ khi nào?")
    assert answer.found and "kể từ ngày ký" in answer.text, answer.text
