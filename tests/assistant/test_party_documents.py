"""The Party's documents are numbered with a hyphen ("57-NQ/TW", "36-CT/TU"): a question naming one resolves it
against the library like any other number. Held, it is answered from that document, and not from a plan that
does not name it; absent, from what the library says of it (a plan titled after it), else the library says it does
not hold it. Real pipeline over pages written here."""

from __future__ import annotations

import pytest

RESOLUTION = """Nghị quyết số 52-NQ/TW của Bộ Chính trị về tham gia cách mạng công nghiệp lần thứ tư

Thay mặt Bộ Chính trị, Tổng Bí thư đã ký ban hành Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số
chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư.

II. MỤC TIÊU
Đến năm 2025, kinh tế số chiếm khoảng 20% GDP; năng suất lao động tăng bình quân trên 7%/năm.
"""
PLAN = """ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 77/KH-UBND
Sông Lam, ngày 10 tháng 3 năm 2021
KẾ HOẠCH
Nâng cao năng suất lao động tỉnh Sông Lam
I. MỤC TIÊU
Đến năm 2045, đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế đạt trên 60%.
"""

# A provincial plan carrying out a Party resolution the library does not hold: its title names the resolution, the
# chunk with its targets does not.
TASKS = "\n".join(f"{i}. Sở, ngành thứ {i} rà soát, cải cách thủ tục hành chính, hỗ trợ doanh nghiệp đổi mới công nghệ "
                   f"và nâng cao năng lực quản trị trong lĩnh vực được giao." for i in range(1, 16))
CARRYING_OUT = f"""ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 91/KH-UBND
Sông Lam, ngày 05 tháng 4 năm 2022
KẾ HOẠCH
Thực hiện Nghị quyết số 61-NQ/TU của Tỉnh ủy về phát triển doanh nghiệp
I. NHIỆM VỤ
{TASKS}
II. MỤC TIÊU
Đến năm 2025, toàn tỉnh có 4.500 doanh nghiệp đang hoạt động; năng suất lao động tăng bình quân 6,5%/năm.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("party"), embeddings,
                                {"nq_52_tw.txt": RESOLUTION, "kh_77_song_lam.txt": PLAN,
                                 "kh_91_song_lam.txt": CARRYING_OUT})


def test_a_held_party_resolution_answers(assistant):  # noqa: ANN001
    answer = assistant.ask("Nghị quyết 52-NQ/TW đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GDP vào năm 2025?")
    assert answer.found and "20%" in answer.text, answer.text
    assert answer.citations[0].passage.source.endswith("nq_52_tw.txt")


def test_a_plan_not_naming_the_resolution_does_not_answer_for_it(assistant):  # noqa: ANN001
    answer = assistant.ask("Nghị quyết 52-NQ/TW đặt mục tiêu đóng góp của TFP vào tăng trưởng kinh tế đến năm 2045 là "
                           "bao nhiêu?")
    assert not answer.found and "60%" not in answer.text, answer.text
    assert "52-NQ/TW" in answer.text, answer.text


def test_an_absent_party_document_is_said_to_be_absent(assistant):  # noqa: ANN001
    answer = assistant.ask("Chỉ thị 36-CT/TU của Tỉnh ủy Vĩnh Phúc được ban hành ngày nào?")
    assert not answer.found and "36-CT/TU" in answer.text, answer.text


def test_a_plan_titled_after_an_absent_resolution_answers_for_it(assistant):  # noqa: ANN001
    """The library holds no "61-NQ/TU"; the plan carrying it out, which names it in its title, answers."""
    answer = assistant.ask("Nghị quyết 61-NQ/TU đặt mục tiêu đến năm 2025 toàn tỉnh có bao nhiêu doanh nghiệp đang hoạt "
                           "động?")
    assert answer.found and "4.500" in answer.text, answer.text
