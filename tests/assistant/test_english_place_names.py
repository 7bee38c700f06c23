"""An English question names provinces as English does ("Hanoi", "Da Nang"); its Vietnamese wording, which is
searched in Vietnamese documents, names them as they do ("Hà Nội"). Real pipeline over a Vietnamese plan of Hà Nội
and an English news item on the national programme, both written here."""

from __future__ import annotations

import pytest

PLAN = """Hà Nội hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm giai đoạn 2021-2030
UBND thành phố Hà Nội vừa ban hành Kế hoạch nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp trên địa bàn thành phố giai đoạn 2021-2030.
Theo Kế hoạch, thành phố sẽ hỗ trợ khoảng 1.500 doanh nghiệp xây dựng, áp dụng các giải pháp nâng cao năng suất và chất lượng.
Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì tổ chức thực hiện Kế hoạch.
"""

NEWS = """National programme to support businesses to improve productivity and quality
The national programme supports enterprises in applying productivity and quality solutions in the 2021-2030 period.
At least 100 enterprises are instructed to apply solutions to improve productivity and quality every year.
The programme also targets training about 600 productivity and quality experts nationwide.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("english_place_names"), embeddings,
                                {"ha_noi_ke_hoach_nscl_2021_2030.txt": PLAN, "national_programme_en.txt": NEWS})


def test_the_vietnamese_wording_names_the_province_in_vietnamese(assistant):  # noqa: ANN001
    standalone, analysis = assistant.understand("How many businesses will Hanoi support under its 2021-2030 plan?")
    assert "Hà Nội" in standalone and "Hanoi" not in standalone, standalone
    assert analysis.provinces == ["Hà Nội"]
    assert analysis.asked_as.startswith("How many businesses will Hanoi")


def test_an_english_question_on_a_vietnamese_provincial_plan(assistant):  # noqa: ANN001
    answer = assistant.ask("How many businesses will Hanoi support in applying productivity and quality solutions "
                           "under its 2021-2030 plan?")
    assert answer.found, answer.text
    assert "1.500 doanh nghiệp" in answer.text, answer.text
