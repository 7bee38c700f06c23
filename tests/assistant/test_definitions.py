"""A question asking what a term is ("X là gì?", "X là viết tắt của gì?", "What does X stand for?") is answered by
the sentence that defines the term ("X là ...", "... (X) được xem là ...", "X (...) is ..."), not by a sentence that
shares the question's other words ("hiểu", "viết tắt", "mô hình") (real pipeline, generated pages)."""

from __future__ import annotations

import pytest

NEWS = """Doanh nghiệp cơ khí Thái Hòa đổi mới quản lý sản xuất

Năm 2024, Công ty cơ khí Thái Hòa (sau đây viết tắt là Công ty) được hỗ trợ triển khai mô hình TPI tại hai phân
xưởng. Theo dõi bài viết này để hiểu thêm những tác động tích cực và các bước triển khai mô hình tiềm năng này.
Ban giám đốc cho biết năng suất của phân xưởng lắp ráp tăng 18% sau một năm.
"""

GUIDE = """Cải tiến năng suất tổng thể cho doanh nghiệp công nghiệp

Bộ Công Thương phối hợp với Viện Năng suất Việt Nam hướng dẫn doanh nghiệp nâng cao năng suất.
Mô hình cải tiến năng suất tổng thể (TPI) được xem là công cụ chiến lược giúp doanh nghiệp đồng bộ các giải pháp
về con người, quy trình và công nghệ.
"""

ENERGY = """Energy efficiency for small firms

Many small and medium enterprises have joined PECSME since its launch, according to the Ministry of Science and
Technology, and the Ministry plans to widen PECSME to more provinces next year.
The Promoting Energy Conservation in Small and Medium Enterprises project (PECSME) is a project funded by the
Global Environment Facility and carried out by the Ministry of Science and Technology.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("definitions"), embeddings, {
        "tin-co-khi-thai-hoa.txt": NEWS, "huong-dan-tpi.txt": GUIDE, "energy-small-firms-en.txt": ENERGY})


@pytest.mark.parametrize("question", ["TPI là viết tắt của gì, được hiểu là mô hình gì?",
                                      "TPI được hiểu là gì?", "tpi nghia la gi?"])
def test_the_defining_sentence_answers(assistant, question):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "cải tiến năng suất tổng thể (TPI)" in answer.citations[0].passage.text, answer.text
    assert "cải tiến năng suất tổng thể" in answer.text.split("\n")[0], answer.text


def test_an_english_term_is_defined_by_its_expansion(assistant):  # noqa: ANN001
    answer = assistant.ask("What does PECSME stand for?")
    assert answer.found, answer.text
    assert "Promoting Energy Conservation in Small and Medium Enterprises" in answer.text.split("\n")[0], answer.text


@pytest.mark.parametrize("question, term", [
    ("TPI là viết tắt của gì?", ("tpi",)), ("seiton trong 5s nghia la gi?", ("seiton",)),
    ("Tiêu chuẩn ISO 9001 là gì?", ("tieu", "chuan", "iso", "9001")),
    ("Mục tiêu của kế hoạch là gì?", ()), ("Nhiệm vụ của Sở Công Thương Hà Nội là gì?", ()),
    ("Kế hoạch 45/KH-UBND là gì?", ()),
])
def test_the_term_asked_to_define(question, term):  # noqa: ANN001
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer

    assert QuestionAnalyzer(ProvinceGazetteer()).analyze(question).defined_term == term
