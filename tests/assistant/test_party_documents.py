"""The Party's documents are numbered with a hyphen ("57-NQ/TW", "36-CT/TU"): a question naming one resolves it
against the library like any other number. Held, it is answered from that document, and not from a plan that
does not name it; absent, the library says it does not hold it. Real pipeline over pages written here."""

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


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("party"), embeddings,
                                {"nq_52_tw.txt": RESOLUTION, "kh_77_song_lam.txt": PLAN})


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
