"""A question naming a document the library holds is answered from that document, from passages naming it, or from
pages with no number of their own (news about it), never from another numbered document that does not name it:
"Nghị định 269/2025/NĐ-CP có hiệu lực từ ngày nào?" is not answered by another decree's effect clause when the named
decree states none. Real pipeline over two decrees written here."""

from __future__ import annotations

import pytest

SMART_CITY = """NGHỊ ĐỊNH VỀ PHÁT TRIỂN ĐÔ THỊ THÔNG MINH
CHÍNH PHỦ
Số: 269/2025/NĐ-CP
Hà Nội, ngày 14 tháng 10 năm 2025
NGHỊ ĐỊNH
Về phát triển đô thị thông minh
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về phát triển đô thị thông minh tại Việt Nam.
Điều 2. Nguyên tắc phát triển
Phát triển đô thị thông minh phải lấy người dân làm trung tâm.
Điều 3. Hội đồng điều phối
Tổ chức Hội đồng điều phối phát triển đô thị thông minh cấp tỉnh.
"""
ALLOWANCE = """NGHỊ ĐỊNH SỬA ĐỔI MỨC HƯỞNG TRỢ CẤP ƯU ĐÃI
CHÍNH PHỦ
Số: 55/2023/NĐ-CP
Hà Nội, ngày 21 tháng 7 năm 2023
NGHỊ ĐỊNH
Sửa đổi mức hưởng trợ cấp ưu đãi người có công với cách mạng
Điều 1. Mức chuẩn
Mức chuẩn trợ cấp ưu đãi người có công với cách mạng là 2.055.000 đồng.
Điều 2. Điều khoản thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 05 tháng 9 năm 2023.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("named-only"), embeddings,
                                {"nd_269_2025.txt": SMART_CITY, "nd_55_2023.txt": ALLOWANCE})


def test_another_decrees_clause_does_not_answer_for_the_named_one(assistant):  # noqa: ANN001
    answer = assistant.ask("Nghị định 269/2025/NĐ-CP về đô thị thông minh có hiệu lực thi hành từ ngày nào?")
    assert "05 tháng 9 năm 2023" not in answer.text, answer.text
    assert all(c.passage.source.endswith("nd_269_2025.txt") for c in answer.citations)


def test_the_named_decree_answers_what_it_states(assistant):  # noqa: ANN001
    answer = assistant.ask("Nghị định 55/2023/NĐ-CP có hiệu lực thi hành từ ngày nào?")
    assert answer.found and "05 tháng 9 năm 2023" in answer.text, answer.text
