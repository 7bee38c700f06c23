"""A section heading chosen as the answer is quoted with the section's first sentence: the heading only names the
section ("Điều 2. Quy định chuyển tiếp"), the sentence says what it holds (real pipeline, document written here)."""

from __future__ import annotations

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ GIANG
Số: 05/2022/NQ-HĐND
Trà Giang, ngày 15 tháng 4 năm 2022

NGHỊ QUYẾT
Quy định chính sách hỗ trợ doanh nghiệp nhỏ và vừa nâng cao năng suất trên địa bàn tỉnh Trà Giang

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định chính sách hỗ trợ doanh nghiệp nhỏ và vừa nâng cao năng suất trên địa bàn tỉnh.

Điều 2. Quy định chuyển tiếp
Các hồ sơ đã được phê duyệt theo Nghị quyết số 11/2017/NQ-HĐND ngày 20 tháng 7 năm 2017 tiếp tục được thực hiện đến khi kết thúc.

Điều 3. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_a_heading_answer_brings_its_first_sentence(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_nq_05_2022.txt": RESOLUTION})
    answer = assistant.ask("Nghị quyết 05/2022/NQ-HĐND quy định chuyển tiếp thế nào đối với các hồ sơ cũ?")
    assert answer.found, answer.text
    assert "11/2017/NQ-HĐND" in answer.text, answer.text
    quotes = [q for c in answer.citations for q in c.quotes]
    assert any("11/2017/NQ-HĐND" in q for q in quotes)
