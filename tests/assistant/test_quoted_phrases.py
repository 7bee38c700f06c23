"""A phrase the question quotes is what the user asks about exactly: when no passage holds it, the library does
not answer, however close a sentence looks; when one does, it is answered (real pipeline, texts written here)."""

from __future__ import annotations

import pytest

CRITERIA = """Giải thưởng Chất lượng Quốc gia: bộ tiêu chí đánh giá
Giải thưởng Chất lượng Quốc gia đánh giá doanh nghiệp theo bảy nhóm tiêu chí với tổng số 1.000 điểm.
Cụ thể, các tiêu chí này bao gồm: Vai trò của lãnh đạo (120 điểm); hoạch định chiến lược (85 điểm); định hướng vào khách hàng (85 điểm); đo lường, phân tích và quản trị tri thức (90 điểm); định hướng vào nguồn nhân lực (85 điểm)
"""

AWARD_RULES = """Quy chế xét tặng giải thưởng năng suất của tỉnh Hưng Yên
Hội đồng xét tặng chấm điểm hồ sơ theo thang 100 điểm.
Tiêu chí “đổi mới sáng tạo” được tối đa 25 điểm, tiêu chí “hiệu quả sử dụng năng lượng” được tối đa 15 điểm.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("quoted-phrases"), embeddings,
                                {"gtclqg_tieu_chi.txt": CRITERIA, "hung_yen_quy_che_giai_thuong.txt": AWARD_RULES})


def test_a_quoted_phrase_no_document_holds_is_not_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Trong bộ tiêu chí Giải thưởng Chất lượng Quốc gia, tiêu chí 'kết quả hoạt động' được tối "
                           "đa bao nhiêu điểm?")
    assert not answer.found, answer.text
    assert not answer.citations
    assert "“kết quả hoạt động”" in answer.text, answer.text  # says what the documents do not mention


def test_a_quoted_phrase_a_document_holds_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Theo quy chế của Hưng Yên, tiêu chí “đổi mới sáng tạo” được tối đa bao nhiêu điểm?")
    assert answer.found, answer.text
    assert "25 điểm" in answer.text, answer.text
    answer = assistant.ask("Tiêu chí 'định hướng vào khách hàng' của Giải thưởng Chất lượng Quốc gia được bao nhiêu "
                           "điểm?")
    assert answer.found, answer.text
    assert "85 điểm" in answer.text, answer.text
