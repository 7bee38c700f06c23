"""Counts in award news (real pipeline, texts written here): a count of recipients counts what they receive ("40
doanh nghiệp được trao giải Vàng" answers "bao nhiêu giải Vàng")."""

from __future__ import annotations

import pytest

CEREMONY_2021 = """Vinh danh 116 doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia 2019, 2020
Ngày 25/4, Bộ Khoa học và Công nghệ đã tổ chức lễ trao tặng Giải thưởng Chất lượng Quốc gia cho 116 doanh nghiệp xuất sắc nhất năm 2019 và 2020.
Trong số 116 doanh nghiệp kể trên có 40 doanh nghiệp được trao giải Vàng Chất lượng Quốc gia.
Các doanh nghiệp đạt giải đã áp dụng hiệu quả các công cụ cải tiến năng suất.
"""

CEREMONY_2023 = """Trao Giải thưởng Chất lượng Quốc gia năm 2021, 2022
Tối 18/12, tại Hà Nội, Bộ Khoa học và Công nghệ tổ chức lễ trao Giải thưởng Chất lượng Quốc gia năm 2021, 2022 cho 133 doanh nghiệp.
Trong số 133 doanh nghiệp có 52 giải Vàng, số còn lại nhận giải Chất lượng.
"""

CEREMONY_2017 = """77 doanh nghiệp được tặng Giải thưởng Chất lượng Quốc gia năm 2016
Lễ trao giải được tổ chức tại Hà Nội với sự tham dự của lãnh đạo Bộ Khoa học và Công nghệ.
Có 15 doanh nghiệp được trao giải Vàng và 62 doanh nghiệp nhận giải Bạc.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("award-counts"), embeddings,
                                {"vinh_danh_116_dn_2019_2020.txt": CEREMONY_2021,
                                 "trao_giai_2021_2022.txt": CEREMONY_2023,
                                 "gtclqg_2016_77_dn.txt": CEREMONY_2017})


def test_a_count_of_recipients_answers_how_many_prizes(assistant):  # noqa: ANN001
    answer = assistant.ask("Lễ trao Giải thưởng Chất lượng Quốc gia 2019 và 2020 vinh danh bao nhiêu doanh nghiệp, "
                           "và bao nhiêu giải Vàng?")
    assert answer.found, answer.text
    assert "116" in answer.text and "40 doanh nghiệp được trao giải Vàng" in answer.text, answer.text
    assert "52 giải Vàng" not in answer.text, answer.text


def test_recipients_of_a_prize_count_it():
    from assistant.evidence import has_number_with_unit

    assert has_number_with_unit("có 40 doanh nghiệp được trao giải Vàng", ["giai", "vang"])
    assert not has_number_with_unit("hỗ trợ 40 doanh nghiệp áp dụng ISO, giải Vàng", ["giai", "vang"])

