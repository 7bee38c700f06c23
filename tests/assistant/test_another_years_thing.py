"""A question on one year of a thing named by its year ("Diễn đàn Năng suất Quốc gia năm 2024") is not answered by
the same thing in another year ("... Diễn đàn Năng suất Quốc gia năm 2023"): the answer says the documents speak of
2023, not 2024. The year asked of the thing the documents hold is answered. Real pipeline over pages written here."""

from __future__ import annotations

import pytest

FORUM = """Khai mạc Diễn đàn Năng suất Quốc gia năm 2023

Ngày 12/12/2023 tại Hà Nội, Bộ Khoa học và Công nghệ tổ chức Diễn đàn Năng suất Quốc gia năm 2023 với chủ đề “Năng suất cho tăng trưởng bền vững”.
Diễn đàn Năng suất Quốc gia năm 2023 có 4 hội thảo chuyên đề với sự tham gia của hơn 500 đại biểu.
Phát biểu khai mạc, Bộ trưởng nhấn mạnh vai trò của doanh nghiệp trong phong trào năng suất.
"""

# another page naming 2024, so the year is not simply absent from the library
TRAINING = """Kế hoạch đào tạo chuyên gia năm 2024

Năm 2024, Viện Năng suất Việt Nam mở 6 khóa đào tạo chuyên gia về công cụ cải tiến cho doanh nghiệp.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("another-years-thing"), embeddings,
                                {"dien_dan_nang_suat_2023.txt": FORUM, "dao_tao_chuyen_gia_2024.txt": TRAINING})


def test_the_thing_of_another_year_does_not_answer(assistant):  # noqa: ANN001
    answer = assistant.ask("Diễn đàn Năng suất Quốc gia năm 2024 được tổ chức ở đâu và với chủ đề gì?")
    assert not answer.found, answer.text
    assert "Diễn đàn Năng suất Quốc gia năm 2023, không phải năm 2024" in answer.text, answer.text


def test_the_year_the_documents_hold_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Diễn đàn Năng suất Quốc gia năm 2023 được tổ chức ở đâu và với chủ đề gì?")
    assert answer.found and "Hà Nội" in answer.text and "Năng suất cho tăng trưởng bền vững" in answer.text


def test_a_count_up_to_a_year_may_come_from_an_earlier_one(assistant):  # noqa: ANN001
    # "tính đến năm 2024": the figure of the 2023 forum is the latest there is
    answer = assistant.ask("Tính đến năm 2024, Diễn đàn Năng suất Quốc gia năm gần nhất có bao nhiêu đại biểu?")
    assert answer.found and "500" in answer.text, answer.text
