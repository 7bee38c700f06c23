"""A sentence may announce a count of things without naming them ("outlined four areas to ...", "đề ra 3 nhóm
giải pháp trọng tâm."), and the next sentence names them. Asked for those things, the answer quotes both: the
announcing sentence alone lists nothing. Real pipeline over a news page written here."""

from __future__ import annotations

import pytest

NEWS = """Tỉnh Hòa Bình bàn giải pháp nâng cao năng suất lao động
Ngày 12/3/2024, UBND tỉnh Hòa Bình tổ chức hội nghị về nâng cao năng suất lao động trong doanh nghiệp.
Phát biểu tại hội nghị, Chủ tịch UBND tỉnh đề ra 3 nhóm giải pháp trọng tâm để nâng cao năng suất lao động của tỉnh.
Đó là đào tạo kỹ năng cho người lao động, đổi mới công nghệ sản xuất và cải tiến quản trị doanh nghiệp.
Hội nghị có sự tham dự của hơn 200 đại biểu đến từ các sở, ngành và doanh nghiệp trên địa bàn.
Năm 2023, năng suất lao động của tỉnh đạt 95 triệu đồng/lao động.
"""

ENGLISH = """APO supports Vietnam's productivity drive
Hanoi, April 26, 2024 - The Asian Productivity Organization met Vietnamese leaders on the national productivity movement.
The Prime Minister outlined four key areas to keep labor productivity growth on its intended track.
Strengthening institutions, developing human capital, improving governance and managing resources will be the basis of the strategy.
The APO Secretary-General praised Vietnam's commitment to the productivity movement.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("announced"), embeddings,
                                {"hoa_binh_hoi_nghi.txt": NEWS, "apo_vietnam.txt": ENGLISH})


@pytest.mark.parametrize(("question", "items"), [
    ("Chủ tịch UBND tỉnh Hòa Bình đề ra những nhóm giải pháp nào để nâng cao năng suất lao động?",
     ["đào tạo kỹ năng", "đổi mới công nghệ", "cải tiến quản trị"]),
    ("What four areas did the Prime Minister outline for Vietnam's productivity strategy?",
     ["human capital", "governance", "managing resources"]),
])
def test_the_things_announced_are_quoted(assistant, question, items):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found, answer.text
    first = answer.text.split("\n")[0]
    for item in items:
        assert item in first, answer.text


def test_a_count_asked_is_not_lengthened(assistant):  # noqa: ANN001
    """Asked how many, the count answers: the sentence naming the items is not added."""
    answer = assistant.ask("Chủ tịch UBND tỉnh Hòa Bình đề ra bao nhiêu nhóm giải pháp trọng tâm?")
    assert answer.found, answer.text
    assert "3 nhóm giải pháp" in answer.text
    assert "đào tạo kỹ năng" not in answer.text.split("\n")[0], answer.text
