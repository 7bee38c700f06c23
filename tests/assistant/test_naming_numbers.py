"""Numbers that name rather than count: "Chương trình 1322", "Nghị quyết 57", "Decision 1322" and a date written
year first ("2025-12-16") are no answer to "bao nhiêu" (real pipeline, texts written here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev

NEWS_VI = """Kết quả Chương trình 1322 tại tỉnh Hà Tĩnh
Chương trình 1322 hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng theo tinh thần Nghị quyết 57 của Bộ Chính trị.
Đến hết năm 2024, hơn 140 cơ sở sản xuất trên địa bàn đã được giúp đỡ áp dụng công cụ cải tiến.
"""

NEWS_EN = """Programme 1322 results (Viet Nam News)
date 2025-12-16 HÀ NỘI — Resolution 57 and Decision 1322 drive the national programme to support enterprises in improving productivity.
Between 2021 and 2025 more than 6,400 enterprises adopted productivity solutions, and 102 pilot models were rolled out.
"""


def test_numbers_that_name_are_no_amount():
    assert ev.quantities("Chương trình 1322 hỗ trợ doanh nghiệp theo Nghị quyết 57") == []
    assert ev.quantities("date 2025-12-16: Decision 1322 reached 6,400 firms") == ["6,400"]
    assert ev.quantities("Kế hoạch 5 năm hỗ trợ 30 doanh nghiệp") == ["5", "30"]  # a span of years counts


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("naming-numbers"), embeddings,
                                {"ha_tinh_ket_qua_1322.txt": NEWS_VI, "programme_1322_results_en.txt": NEWS_EN})


def test_a_programme_number_is_not_the_count(assistant):  # noqa: ANN001
    answer = assistant.ask("Chương trình 1322 hỗ trợ doanh nghiệp ở Hà Tĩnh đã giúp được bao nhiêu đơn vị?")
    assert answer.found, answer.text
    assert "140" in answer.text, answer.text

