"""'Với những hiệp hội nào?' asks for named organisations: the sentence naming them answers, not the one that only
says that memoranda were signed (real pipeline, text written here)."""

from __future__ import annotations

import pytest

from assistant.evidence import asked_kinds, has_kind

NEWS = """Tổng cục ký kết ghi nhớ với các hiệp hội hỗ trợ doanh nghiệp trong Chương trình 712
Theo Tổng cục Tiêu chuẩn Đo lường Chất lượng (Tổng cục), nhằm phối hợp triển khai các hoạt động hỗ trợ doanh nghiệp áp dụng các giải pháp, hệ thống quản lý chất lượng tiên tiến trong khuôn khổ Chương trình 712, Tổng cục đã ký kết ghi nhớ hợp tác với các hiệp hội ngành hàng.
Cụ thể, đã có các biên bản ghi nhớ được ký kết với các hiệp hội như: Hiệp hội Chế biến và Xuất khẩu thủy sản (Vasep); Hiệp hội Da - Giầy - Túi xách Việt Nam; Hiệp hội Dệt may Việt Nam (Vitas).
Các hoạt động hợp tác tập trung vào đào tạo, tư vấn và đánh giá doanh nghiệp.
"""


@pytest.mark.parametrize("question", ["Tổng cục đã ký ghi nhớ với những hiệp hội nào?",
                                      "Which associations signed memoranda with the Directorate?"])
def test_which_associations_asks_for_organisations(question):
    assert asked_kinds(question) == ["organization"]


def test_an_association_is_a_named_organisation():
    assert has_kind("organization", "Hiệp hội Dệt may Việt Nam (Vitas)")
    assert not has_kind("organization", "các hiệp hội ngành hàng")


def test_the_sentence_naming_the_associations_answers(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tin_712_hiep_hoi.txt": NEWS})
    answer = assistant.ask("Tổng cục Tiêu chuẩn Đo lường Chất lượng đã ký ghi nhớ hỗ trợ doanh nghiệp trong Chương "
                           "trình 712 với những hiệp hội nào?")
    assert answer.found and "Vasep" in answer.text and "Dệt may" in answer.text, answer.text
