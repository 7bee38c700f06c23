"""A question on two years one by one ("Năm 2019 và năm 2020 lần lượt có bao nhiêu ...?") gets each year's figure:
a sentence on the period "2019-2020" answers neither year, and the sentence stating the years one by one is quoted
too. Real pipeline over a news item written here."""

from __future__ import annotations

import pytest

NEWS = """Trao Giải thưởng Chất lượng Quốc gia 2019-2020 cho 116 doanh nghiệp

Lễ trao Giải thưởng Chất lượng Quốc gia 2019-2020 cho 116 doanh nghiệp đã diễn ra tại Hà Nội sáng 25/4.
Tại buổi lễ, Giải thưởng Chất lượng Quốc tế Châu Á - Thái Bình Dương 2019-2020 được trao cho 4 doanh nghiệp.
Các doanh nghiệp đạt giải đã chia sẻ kinh nghiệm áp dụng hệ thống quản lý và công cụ cải tiến năng suất.
Theo Bộ Khoa học và Công nghệ, Giải thưởng năm 2019 thuộc về 61 doanh nghiệp, còn 55 doanh nghiệp khác nhận giải năm 2020.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("years-one-by-one"), embeddings,
                                {"giai_thuong_chat_luong_2019_2020.txt": NEWS})


def test_each_year_asked_gets_its_figure(assistant):  # noqa: ANN001
    answer = assistant.ask("Năm 2019 và năm 2020 lần lượt có bao nhiêu doanh nghiệp được trao Giải thưởng Chất lượng Quốc gia?")
    assert answer.found
    assert any("61 doanh nghiệp" in q and "55 doanh nghiệp" in q for c in answer.citations for q in c.quotes), \
        answer.text


def test_a_period_is_asked_as_one(assistant):  # noqa: ANN001
    # "2019-2020" is one period, not two years asked one by one: the per-year sentence is not added to its answer
    answer = assistant.ask("Giải thưởng Chất lượng Quốc tế Châu Á - Thái Bình Dương 2019-2020 được trao cho bao nhiêu "
                           "doanh nghiệp?")
    assert answer.found and "4 doanh nghiệp" in answer.text
    assert "61 doanh nghiệp" not in answer.text, answer.text
