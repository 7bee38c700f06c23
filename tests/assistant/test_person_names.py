"""A signer or person question needs a person's name: the words of a kind of document or of a body are not one."""

from __future__ import annotations

import pytest

from assistant.evidence import ROLE_NAME


@pytest.mark.parametrize("text, name", [
    ("Người ký Vũ Đức Đam", "Vũ Đức Đam"),
    ("Phó Thủ tướng Chính phủ Trần Hồng Hà vừa ký Quyết định 1305/QĐ-TTg", "Trần Hồng Hà"),
    ("Giám đốc Sở Khoa học và Công nghệ Trần Văn Bình dự lễ", "Trần Văn Bình"),
])
def test_a_role_followed_by_a_name(text, name):
    found = ROLE_NAME.search(text)
    assert found is not None and name in found.group(0)


@pytest.mark.parametrize("text", [
    "Hồi tháng 1/2021, Thủ tướng Chính phủ ký Quyết định số 36/QĐ/TTg Ban hành Kế hoạch tổng thể",
    "Bộ trưởng Bộ Khoa học và Công nghệ ban hành Thông tư số 15/2022/TT-BKHCN",
    "Chủ tịch Ủy ban nhân dân tỉnh ký Kế hoạch",
])
def test_a_role_followed_by_a_document_or_a_body_names_no_one(text):
    assert ROLE_NAME.search(text) is None
