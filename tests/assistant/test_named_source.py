"""A question that names the article it asks about ("Theo bài về ...", "Bài về ... nói ...", "theo tin ...") is
answered from that article, when the library holds it, even where another document states a like fact in words
closer to the question's (real pipeline, generated pages)."""

from __future__ import annotations

import pytest

TEXTILE = """Phong trào năng suất trong ngành dệt may sau năm năm

Hội nghị tổng kết phong trào nâng cao năng suất ngành dệt may được tổ chức tại Hà Nội. Các đại biểu đánh giá
doanh nghiệp dệt may đã chủ động đổi mới quản lý.

Năm 2023, có 45 doanh nghiệp được hỗ trợ áp dụng các công cụ 5S và Kaizen.
Hiệp hội Dệt may cho biết sẽ tiếp tục mở các lớp đào tạo cho cán bộ quản lý trong năm tới.
"""

NATIONAL = """Báo cáo kết quả Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất năm 2023

Năm 2023, có 320 doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến năng suất 5S, Kaizen và Lean trên cả nước.
Bộ Khoa học và Công nghệ đề nghị các địa phương tiếp tục bố trí kinh phí cho chương trình.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("named-source"), embeddings, {
        "bao-cao-chuong-trinh-quoc-gia-2023.txt": NATIONAL, "tin-det-may-nang-suat.txt": TEXTILE})


@pytest.mark.parametrize("question", [
    "Bài về phong trào năng suất ngành dệt may nói năm 2023 có bao nhiêu doanh nghiệp được hỗ trợ áp dụng công cụ "
    "cải tiến năng suất?",
    "Theo bài về phong trào năng suất ngành dệt may, năm 2023 có bao nhiêu doanh nghiệp được hỗ trợ áp dụng công cụ "
    "cải tiến năng suất?",
])
def test_the_named_article_answers(assistant, question):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "45 doanh nghiệp" in answer.text, answer.text
    assert answer.citations[0].passage.source.endswith("tin-det-may-nang-suat.txt")
    assert answer.passages[0].source.endswith("tin-det-may-nang-suat.txt")


def test_without_a_named_source_the_closer_statement_may_answer(assistant):  # noqa: ANN001
    """The same fact asked with no source named is not held to the textile article."""
    answer = assistant.ask("Năm 2023 có bao nhiêu doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến năng suất?")
    assert answer.found, answer.text
    assert "320 doanh nghiệp" in answer.text, answer.text
