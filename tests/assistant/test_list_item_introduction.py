"""A list item means what the line introducing its list says of it: "- Giải thưởng Chất lượng Quốc gia;" under
"Thông tư này không áp dụng đối với:" is excluded, not included. An answer quoting an item quotes that line with it
(real pipeline over a circular written here)."""

from __future__ import annotations

import pytest

CIRCULAR = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 51/2026/TT-BKHCN
Hà Nội, ngày 10 tháng 6 năm 2026
THÔNG TƯ
Quy định mức hỗ trợ doanh nghiệp áp dụng hệ thống quản lý chất lượng
Điều 1. Mức hỗ trợ
Mức hỗ trợ tối đa cho mỗi doanh nghiệp áp dụng hệ thống quản lý chất lượng như sau:
- Doanh nghiệp siêu nhỏ được hỗ trợ 30 triệu đồng;
- Doanh nghiệp nhỏ được hỗ trợ 50 triệu đồng;
- Doanh nghiệp vừa được hỗ trợ 80 triệu đồng.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2026.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("list_intro"), embeddings, {"tt_51_2026.txt": CIRCULAR})


def test_an_item_is_quoted_with_its_introduction(assistant):  # noqa: ANN001
    answer = assistant.ask("Theo Thông tư 51/2026/TT-BKHCN, doanh nghiệp nhỏ được hỗ trợ bao nhiêu?")
    assert answer.found, answer.text
    first = answer.text.split("\n")[0]
    assert "50 triệu đồng" in first, answer.text
    assert "Mức hỗ trợ tối đa cho mỗi doanh nghiệp" in first, answer.text
    assert first.index("Mức hỗ trợ tối đa") < first.index("50 triệu đồng")
