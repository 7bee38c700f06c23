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
