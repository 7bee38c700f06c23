"""A legal text names who proposed it in its preamble ("Theo đề nghị của ..."): asked "ban hành theo đề nghị của
ai", that line answers, before the issuer's own line ("Bộ trưởng ... ban hành Thông tư ...") that shares more of the
question's words. Real pipeline over a circular written here."""

from __future__ import annotations

import pytest

CIRCULAR = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 09/2026/TT-BKHCN
Hà Nội, ngày 05 tháng 3 năm 2026
THÔNG TƯ
Hướng dẫn hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất
Căn cứ Nghị định số 55/2025/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ của Bộ Khoa học và Công nghệ;
Theo đề nghị của Vụ trưởng Vụ Đánh giá, Thẩm định và Giám định công nghệ;
Bộ trưởng Bộ Khoa học và Công nghệ ban hành Thông tư hướng dẫn hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất.
Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 20 tháng 4 năm 2026.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("proposer"), embeddings, {"tt_09_2026.txt": CIRCULAR})


@pytest.mark.parametrize("question", [
    "Thông tư 09/2026/TT-BKHCN được ban hành theo đề nghị của ai?",
    "Bộ trưởng ban hành Thông tư 09/2026/TT-BKHCN theo đề nghị của ai?",
])
def test_the_proposer_line_answers(assistant, question):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "Vụ trưởng Vụ Đánh giá" in answer.text.split("\n")[0], answer.text
