"""'Mục tiêu chung gồm những gì?': a list question naming a section below the top level lists that section's
paragraphs (a), b), c)), each whole and cited, also where the text breaks its lines mid-sentence; titles that head
content of their own are not listed as an answer."""

from __future__ import annotations

import pytest

from common.text import normalise_for_match

# Written here, broken into lines the way text taken from a PDF is (a line ends where the page's line ended).
WRAPPED_PLAN = """KẾ HOẠCH Thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn tỉnh Lâm Đồng
UBND tỉnh Lâm Đồng ban hành Kế hoạch thực hiện, cụ thể như sau:
I. MỤC TIÊU
1. Mục tiêu chung
a) Hỗ trợ doanh nghiệp nâng cao năng
suất và chất lượng sản phẩm, hàng hóa trên cơ sở áp dụng các giải pháp về tiêu
chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
b) Hỗ trợ các doanh nghiệp trong tỉnh
áp dụng hệ thống truy xuất nguồn gốc sản phẩm, hàng hóa để đảm bảo yêu cầu xuất
khẩu hàng hóa, nâng cao năng lực cạnh tranh của các doanh nghiệp.
c) Phát triển và nâng cao năng lực đổi
mới sáng tạo thích ứng với yêu cầu của cuộc Cách mạng công nghiệp lần thứ tư.
2. Mục tiêu cụ thể
a) Giai đoạn 2021-2025
- Hỗ trợ 20 doanh nghiệp áp dụng hệ thống quản lý tiên tiến.
- Đào tạo 200 lượt người về năng suất chất lượng.
b) Giai đoạn 2026-2030
- Hỗ trợ 40 doanh nghiệp áp dụng hệ thống quản lý tiên tiến.
- Đào tạo 400 lượt người về năng suất chất lượng.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tuyên truyền, nâng cao nhận thức về năng suất chất lượng
Sở Khoa học và Công nghệ tổ chức hội thảo, tập huấn hằng năm.
2. Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến
Doanh nghiệp được hỗ trợ chi phí tư vấn áp dụng công cụ cải tiến năng suất.
"""


@pytest.fixture(scope="module")
def wrapped_assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("section-outline"), embeddings,
                                {"lam_dong_ke_hoach_nang_suat.txt": WRAPPED_PLAN})


def _cited_as_shown(answer) -> None:  # noqa: ANN001
    for c in answer.citations:
        assert c.quotes and all(normalise_for_match(q) in normalise_for_match(c.passage.text) for q in c.quotes)


def test_a_second_level_section_of_paragraphs_is_listed_whole(wrapped_assistant):  # noqa: ANN001
    answer = wrapped_assistant.ask("Mục tiêu chung của kế hoạch năng suất chất lượng tỉnh Lâm Đồng gồm những gì?")
    assert answer.found and "“1. Mục tiêu chung”" in answer.text
    assert len(answer.citations) == 3
    assert all(c.passage.section_path.startswith("I. MỤC TIÊU > 1. Mục tiêu chung > ") for c in answer.citations)
    # each paragraph whole, its broken lines joined: not the first line alone
    assert "trong tỉnh áp dụng hệ thống truy xuất nguồn gốc" in answer.text
    assert "năng lực đổi mới sáng tạo thích ứng" in answer.text
    _cited_as_shown(answer)


def test_titles_heading_content_of_their_own_are_not_the_answer(wrapped_assistant):  # noqa: ANN001
    answer = wrapped_assistant.ask("Mục tiêu cụ thể của kế hoạch năng suất chất lượng tỉnh Lâm Đồng gồm những gì?")
    assert answer.found and "doanh nghiệp" in answer.text
    assert "- a) Giai đoạn 2021-2025 [" not in answer.text


def test_the_top_level_outline_is_kept(wrapped_assistant):  # noqa: ANN001
    answer = wrapped_assistant.ask("Các nhiệm vụ, giải pháp của kế hoạch Lâm Đồng gồm những gì?")
    assert answer.found and "“II. NHIỆM VỤ, GIẢI PHÁP”" in answer.text and len(answer.citations) == 2
    _cited_as_shown(answer)


def test_the_shared_plans_general_objectives(indexed_assistant):  # noqa: ANN001
    answer = indexed_assistant.ask("Mục tiêu chung của kế hoạch Nam Định gồm những gì?")
    assert answer.found and "“1. Mục tiêu chung”" in answer.text and len(answer.citations) == 2
    assert "xu hướng phát triển kinh tế xanh, kinh tế tuần hoàn" in answer.text
    assert all(c.passage.metadata["province"] == "Nam Định" for c in answer.citations)
    _cited_as_shown(answer)
