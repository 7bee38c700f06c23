""""Ai" asks for a body as well as a person ("nhờ khoản tài trợ của ai": a government, a fund); "ai là người ..."
asks for a person (real pipeline, a news page written here)."""

from __future__ import annotations

import pytest

from assistant.extractive import ExtractiveAnswerer
from assistant.question import QuestionAnalyzer
from assistant.types import Passage
from common.provinces import ProvinceGazetteer

NEWS = """Hội thảo về năng suất xanh tại Cần Thơ

Dự án nâng cao năng suất xanh cho doanh nghiệp chế biến thủy sản được triển khai từ năm 2023 nhờ khoản tài trợ
không hoàn lại của Chính phủ Hàn Quốc, với tổng kinh phí 2 triệu USD.

Phát biểu tại hội thảo, ông Trần Văn Hùng, Giám đốc Sở Khoa học và Công nghệ, cho biết 12 doanh nghiệp đã tham gia
dự án và giảm được 15% lượng nước tiêu thụ.
"""

QA = QuestionAnalyzer(ProvinceGazetteer.for_questions())


def _typed(question: str, unit: str) -> float:
    passage = Passage(1, "c1", "d", "s.txt", "Hội thảo", "", None, unit, 1.0)
    return ExtractiveAnswerer()._typed(QA.analyze(question), unit, passage)


def test_a_body_answers_ai_but_not_ai_la_nguoi():
    unit = "Dự án được triển khai nhờ khoản tài trợ không hoàn lại của Chính phủ Hàn Quốc."
    assert _typed("Dự án được triển khai nhờ khoản tài trợ của ai?", unit) == 0.5
    assert _typed("Ai là người tài trợ cho dự án?", unit) == 0.0
    assert _typed("Who funded the project?", "The project is funded by the Government of Japan.") == 0.5


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("who_body"), embeddings, {"can-tho-nang-suat-xanh.txt": NEWS})


def test_who_funded_is_answered_by_the_government_that_did(assistant):  # noqa: ANN001
    answer = assistant.ask("Dự án năng suất xanh cho doanh nghiệp thủy sản ở Cần Thơ được triển khai nhờ khoản tài "
                           "trợ của ai?")
    assert answer.found, answer.text
    assert "Chính phủ Hàn Quốc" in answer.text
