"""What a plan reached is not what it aimed at: "thực tế đã đạt bao nhiêu" is not answered by a sentence that only
sets a target, and is answered by one that reports a result; a question asking the target still gets the target
(real pipeline, plans written here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev

PLAN = """Đề án nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Yên Bái đến năm 2020
I. MỤC TIÊU
1. Mục tiêu cụ thể
a) Phấn đấu đến năm 2020 đạt tỷ lệ 30 - 40% doanh nghiệp trên địa bàn tỉnh Yên Bái áp dụng hệ thống quản lý chất lượng tiên tiến.
b) Hỗ trợ 20 doanh nghiệp áp dụng công cụ cải tiến năng suất.
"""

REPORT = """Báo cáo kết quả thực hiện Đề án năng suất chất lượng tỉnh Lạng Sơn giai đoạn 2016 - 2020
Sau 5 năm triển khai, tỉnh Lạng Sơn đã có 35% doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến, vượt mục tiêu đề ra.
"""


def test_only_a_target():
    assert ev.only_a_target("Phấn đấu đến năm 2020 đạt tỷ lệ 30 - 40% doanh nghiệp áp dụng hệ thống quản lý")
    assert ev.only_a_target("Hai Phong aimed for TFP to contribute 57% to GRDP by 2030")
    assert not ev.only_a_target("Đến nay đã có 35% doanh nghiệp áp dụng, vượt mục tiêu đề ra")
    assert not ev.only_a_target("Hỗ trợ 20 doanh nghiệp áp dụng công cụ cải tiến năng suất")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("achieved"), embeddings,
                                {"yen_bai_de_an.txt": PLAN, "lang_son_bao_cao.txt": REPORT})


def test_a_target_does_not_answer_what_was_reached(assistant):  # noqa: ANN001
    answer = assistant.ask("Thực tế đến năm 2020 Yên Bái đã đạt bao nhiêu phần trăm doanh nghiệp áp dụng hệ thống "
                           "quản lý chất lượng?")
    assert not answer.found, answer.text
    assert not answer.citations


def test_a_result_answers_what_was_reached(assistant):  # noqa: ANN001
    answer = assistant.ask("Thực tế Lạng Sơn đã đạt bao nhiêu phần trăm doanh nghiệp áp dụng hệ thống quản lý chất "
                           "lượng?")
    assert answer.found, answer.text
    assert "35%" in answer.text, answer.text


def test_the_target_is_still_answered_when_asked(assistant):  # noqa: ANN001
    answer = assistant.ask("Yên Bái đặt mục tiêu đến năm 2020 đạt bao nhiêu phần trăm doanh nghiệp áp dụng hệ thống "
                           "quản lý chất lượng?")
    assert answer.found, answer.text
    assert "30 - 40%" in answer.text, answer.text
