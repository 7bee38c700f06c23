"""'Có hiệu lực khi nào?' is answered by the document's effect clause, which usually dates the effect from the
signing ("kể từ ngày ký") rather than giving a date (real pipeline, document written in the test)."""

from __future__ import annotations

import pytest

from assistant.evidence import EFFECT_CLAUSE

DECISION = """ỦY BAN NHÂN DÂN TỈNH TRÀ GIANG
Số: 88/QĐ-UBND
Trà Giang, ngày 12 tháng 5 năm 2011

QUYẾT ĐỊNH
Ban hành Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Trà Giang đến năm 2020

Căn cứ Quyết định số 712/QĐ-TTg ngày 21 tháng 5 năm 2010 của Thủ tướng Chính phủ;
Điều 1. Ban hành kèm theo Quyết định này Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Trà Giang đến năm 2020.
Điều 2. Quyết định này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký ban hành.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Khoa học và Công nghệ chịu trách nhiệm thi hành Quyết định này.
"""


@pytest.mark.parametrize("line, states", [
    ("Quyết định này có hiệu lực kể từ ngày ký.", True),
    ("Quyết định này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký ban hành.", True),
    ("Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2022.", True),
    ("Các chính sách còn hiệu lực được tiếp tục thực hiện.", False),
])
def test_effect_clauses(line, states):
    assert bool(EFFECT_CLAUSE.search(line)) == states


def test_when_a_decision_takes_effect_is_its_effect_clause(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_qd_88.txt": DECISION})
    for question in ("Quyết định 88/QĐ-UBND của Trà Giang có hiệu lực khi nào?",
                     "quyet dinh 88/QD-UBND cua tra giang co hieu luc khi nao"):
        answer = assistant.ask(question)
        assert answer.found and "sau 10 ngày, kể từ ngày ký" in answer.text, (question, answer.text)


# A legal site's page: its header fields give both the day it was issued and the day it takes effect.
RESOLUTION_PAGE = """Nghị quyết 17/2025/NQ-HĐND chính sách hỗ trợ doanh nghiệp đổi mới sáng tạo tỉnh Trà Giang
| Số hiệu | 17/2025/NQ-HĐND | Loại văn bản | Nghị quyết |
| Nơi ban hành | Tỉnh Trà Giang | Người ký | Nguyễn Văn Hòa |
| Ngày ban hành | 10/12/2025 | Ngày có hiệu lực | 01/01/2026 |
HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ GIANG
Số: 17/2025/NQ-HĐND | Trà Giang, ngày 10 tháng 12 năm 2025 |
NGHỊ QUYẾT
Quy định chính sách hỗ trợ doanh nghiệp tham gia hoạt động khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Trà Giang đến năm 2030
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định chính sách hỗ trợ doanh nghiệp, tổ chức tham gia hoạt động khoa học, công nghệ và đổi mới sáng tạo.
"""


@pytest.mark.parametrize("question, effective", [
    ("Chính sách theo Nghị quyết 17/2025 áp dụng từ khi nào?", True),
    ("Nghị quyết 17/2025 bắt đầu áp dụng từ ngày nào?", True),
    ("nghi quyet 17/2025 ap dung tu khi nao", True),
    ("When does the resolution apply from?", True),
    ("Nghị quyết 17/2025 được ban hành ngày nào?", False),
    ("Chính sách áp dụng cho doanh nghiệp nào?", False),  # who it applies to, not from when
])
def test_applying_from_when_asks_the_effective_date(question, effective):  # noqa: ANN001
    from assistant.evidence import ASKS_EFFECTIVE

    assert bool(ASKS_EFFECTIVE.search(question)) is effective


def test_from_when_a_resolution_applies_is_its_effective_date(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_nq_17_2025.txt": RESOLUTION_PAGE})
    answer = assistant.ask("Doanh nghiệp muốn biết chính sách hỗ trợ theo Nghị quyết 17/2025 của Trà Giang "
                           "áp dụng từ khi nào?")
    assert answer.found and "01/01/2026" in answer.citations[0].quotes[0], answer.text
