"""'Ban hành ngày nào?' of a document is its own date (place-date line), not the date of a document it cites
("Xét Tờ trình số ... ngày ..."), though that line may echo the question more (real pipeline, text written here)."""

from __future__ import annotations

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ GIANG
Số: 07/2021/NQ-HĐND
Trà Giang, ngày 26 tháng 02 năm 2021

NGHỊ QUYẾT
Quy định một số chính sách hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Trà Giang

HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ GIANG
Căn cứ Luật Hỗ trợ doanh nghiệp nhỏ và vừa ngày 12 tháng 6 năm 2017;
Xét Tờ trình số 1505/TTr-UBND ngày 24 tháng 02 năm 2021 của Ủy ban nhân dân tỉnh về việc đề nghị ban hành Nghị quyết quy định một số chính sách hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Trà Giang; ý kiến thảo luận của đại biểu Hội đồng nhân dân tại kỳ họp.

QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Quy định một số chính sách hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Trà Giang.
"""


def test_the_documents_own_date_not_a_cited_ones(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_nq_07_2021.txt": RESOLUTION})
    answer = assistant.ask("Nghị quyết của HĐND tỉnh Trà Giang quy định một số chính sách hỗ trợ doanh nghiệp nhỏ và "
                           "vừa mang số hiệu gì và ban hành ngày nào?")
    assert answer.found and "07/2021/NQ-HĐND" in answer.text, answer.text
    assert "ngày 26 tháng 02 năm 2021" in answer.text and "24 tháng 02 năm 2021" not in answer.text, answer.text
