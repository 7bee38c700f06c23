"""A province that no document is filed under, but that a document reports on ("Tại Điện Biên, Sở Khoa học và
Công nghệ đã ..." inside a national news item), is not "missing from the library": questions about it are answered
from that passage. A province named nowhere still is. Real pipeline over a national news item written here (filed as
national: it reports on several provinces) and a provincial plan; Hà Tĩnh and Điện Biên were merged with no other
province in 2025, so neither reaches the other."""

from __future__ import annotations

import pytest

NEWS = """Nâng cao năng suất chất lượng: kết quả tại các địa phương năm 2024

Những năm qua, Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 (Chương trình 1322) đã được các bộ, ngành và địa phương triển khai rộng khắp.
Bộ Khoa học và Công nghệ cho biết cả nước đã có hơn 6.000 doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý và công cụ cải tiến năng suất.
Tại Điện Biên, Sở Khoa học và Công nghệ tỉnh đã phối hợp với Hiệp hội Doanh nghiệp tỉnh để tổ chức 4 lớp đào tạo về công cụ 5S và Kaizen cho 160 học viên.
Tại TP.HCM, Sở Khoa học và Công nghệ đã hỗ trợ 35 doanh nghiệp áp dụng hệ thống quản lý ISO 9001.
Nhiều địa phương khác cũng đẩy mạnh tuyên truyền, đào tạo chuyên gia năng suất và xây dựng mô hình điểm.
"""

PLAN = """Kế hoạch nâng cao năng suất chất lượng tỉnh Hà Tĩnh năm 2024
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 41/KH-UBND
Hà Tĩnh, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
I. MỤC TIÊU
Hỗ trợ 15 doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
II. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện Kế hoạch.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("province_in_text"), embeddings,
                                {"tin_nscl_dia_phuong_2024.txt": NEWS, "ha_tinh_kh_41_2024.txt": PLAN})


def test_the_news_item_is_not_filed_under_the_provinces(assistant):  # noqa: ANN001
    assert not {"Điện Biên", "Hồ Chí Minh"} & assistant.store.catalog().provinces


def test_a_province_a_document_reports_on_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Sở KH&CN Điện Biên phối hợp với đơn vị nào để tổ chức lớp đào tạo 5S?")
    assert answer.found, answer.text
    assert "Hiệp hội Doanh nghiệp" in answer.text, answer.text
    assert "chưa có tài liệu nào" not in answer.text
    assert answer.citations[0].passage.source.endswith("tin_nscl_dia_phuong_2024.txt")


def test_a_province_named_by_another_form_of_its_name_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Thành phố Hồ Chí Minh đã hỗ trợ bao nhiêu doanh nghiệp áp dụng ISO 9001?")
    assert answer.found, answer.text
    assert "35 doanh nghiệp" in answer.text, answer.text


def test_a_province_named_nowhere_is_still_missing(assistant):  # noqa: ANN001
    answer = assistant.ask("Sở KH&CN Cà Mau phối hợp với đơn vị nào để tổ chức lớp đào tạo 5S?")
    assert not answer.found
    assert "Thư viện chưa có tài liệu nào của Cà Mau" in answer.text, answer.text
