"""A question naming Huế alone (the city since 2025, formerly the province of Thừa Thiên Huế) is about that plan,
not another province's (real pipeline, two plans written here)."""

from __future__ import annotations

import pytest

HUE = """Kế hoạch nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Thừa Thiên Huế năm 2024
ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ
Số: 48/KH-UBND
Thừa Thiên Huế, ngày 20 tháng 2 năm 2024
I. MỤC TIÊU
Hỗ trợ 20 doanh nghiệp trên địa bàn tỉnh áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
II. TỔ CHỨC THỰC HIỆN
Trung tâm Khuyến công và Tư vấn phát triển công nghiệp chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.
"""

DA_NANG = """Kế hoạch nâng cao năng suất và chất lượng sản phẩm, hàng hóa thành phố Đà Nẵng năm 2024
ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG
Số: 61/KH-UBND
Đà Nẵng, ngày 5 tháng 3 năm 2024
I. MỤC TIÊU
Hỗ trợ 35 doanh nghiệp trên địa bàn thành phố áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
II. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("city-questions"), embeddings,
                                {"hue_kh_48_2024.txt": HUE, "da_nang_kh_61_2024.txt": DA_NANG})


def test_hue_alone_names_its_plan(assistant):  # noqa: ANN001
    answer = assistant.ask("Huế hỗ trợ bao nhiêu doanh nghiệp áp dụng công cụ cải tiến năng suất năm 2024?")
    assert answer.found, answer.text
    assert "20 doanh nghiệp" in answer.text and "35 doanh nghiệp" not in answer.text, answer.text
    assert answer.citations[0].passage.metadata.get("province") == "Thừa Thiên Huế"
