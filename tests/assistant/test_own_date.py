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


PLAN = """Kế hoạch 118/KH-UBND 2025 hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Hà Tĩnh

ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 118/KH-UBND
Hà Tĩnh, ngày 17 tháng 01 năm 2025

KẾ HOẠCH
Hỗ trợ doanh nghiệp nhỏ và vừa trên địa bàn tỉnh Hà Tĩnh năm 2025 và giai đoạn 2025-2027

Căn cứ Luật Hỗ trợ doanh nghiệp nhỏ và vừa năm 2017;
Xét đề nghị của Sở Kế hoạch và Đầu tư tại Công văn số 31/SKHĐT-TTXTĐT&HTDN ngày 07/01/2025 về việc ban hành Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa trên địa bàn tỉnh Hà Tĩnh năm 2025 và giai đoạn 2025-2027,
Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa trên địa bàn tỉnh Hà Tĩnh năm 2025 và giai đoạn 2025-2027 (gọi tắt là Kế hoạch), với những nội dung cụ thể như sau:
I. MỤC TIÊU
Hỗ trợ 120 doanh nghiệp nhỏ và vừa tiếp cận các chương trình hỗ trợ của Nhà nước.
"""


def test_a_sentence_with_only_the_plans_years_does_not_give_its_date(tmp_path, embeddings):
    """Where the plan states its own date, neither the sentence that says it "ban hành" the plan with only the
    plan's years, nor a cited letter's date (its number joins two offices with "&") answers "ngày nào"."""
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"ha_tinh_kh_118_2025.txt": PLAN})
    answer = assistant.ask("Kế hoạch hỗ trợ DNNVV năm 2025 của Hà Tĩnh số mấy, ban hành ngày nào?")
    assert answer.found and "118/KH-UBND" in answer.text, answer.text
    assert "ngày 17 tháng 01 năm 2025" in answer.text, answer.text
    assert "07/01/2025" not in answer.text, answer.text


def test_where_the_own_date_is_stated_only_dated_units_answer(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"ha_tinh_kh_118_2025.txt": PLAN})
    _, analysis = assistant.understand("Kế hoạch hỗ trợ DNNVV năm 2025 của Hà Tĩnh ban hành ngày nào?")
    gathered = assistant.retriever.gather(analysis, k=assistant.settings.rerank_candidates)
    passages = assistant.reranker.rerank(analysis, gathered.passages, gathered.features)
    units = [c.unit.text for c in assistant.answerer.answer_candidates(analysis, passages)]
    assert units and units[0] == "Hà Tĩnh, ngày 17 tháng 01 năm 2025", units
    assert not [u for u in units if u.startswith(("Xét đề nghị", "Ủy ban nhân dân tỉnh Hà Tĩnh ban hành"))], units
