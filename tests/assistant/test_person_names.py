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


NEWS_712 = """Chương trình quốc gia nâng cao năng suất và chất lượng đến năm 2020
Ngày 21.5.2010, Thủ tướng Chính phủ đã ban hành Quyết định số 712/QĐ-TTg phê duyệt Chương trình quốc gia "Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020".
Chương trình gồm các dự án nâng cao năng suất và chất lượng sản phẩm, hàng hóa của từng ngành.
Theo Quyết định này, Bộ KH&CN sẽ thành lập Ban Điều hành Chương trình do Bộ trưởng Bộ KH&CN làm Trưởng ban, các thành viên là đại diện lãnh đạo các bộ, ngành liên quan.
"""


def test_who_holds_a_role_is_answered_by_the_office_a_plan_assigns_it_to(tmp_path, embeddings):
    """Plans give chairs and duties to offices, not to named people: "Ai làm Trưởng ban?" is answered by "Bộ trưởng
    Bộ KH&CN"; an office the question names itself ("Thủ tướng") is not an answer."""
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tin_712.txt": NEWS_712})
    answer = assistant.ask("Ai làm Trưởng Ban Điều hành Chương trình quốc gia theo Quyết định 712?")
    assert answer.found and "do Bộ trưởng Bộ KH&CN làm Trưởng ban" in answer.text, answer.text
    answer = assistant.ask("Quyết định 712/QĐ-TTg được Thủ tướng ban hành theo đề nghị của ai?")
    assert "Thủ tướng Chính phủ đã ban hành" not in answer.text, answer.text
