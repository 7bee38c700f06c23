"""English questions: one naming a document by a bare number the library holds is still read as English (the
number's full form "1322/QĐ-TTg" has a Vietnamese letter); "in what year" asks a year, which a year answers fully;
"what budget ..." asks a sum of money, which a page without one does not give (real pipeline, pages written here)."""

from __future__ import annotations

import pytest

DECISION = """Quyết định 1322/QĐ-TTg phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030
THỦ TƯỚNG CHÍNH PHỦ
Số: 1322/QĐ-TTg
Hà Nội, ngày 31 tháng 8 năm 2020
QUYẾT ĐỊNH
Điều 1. Phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030.
"""

NEWS_EN = """PM approves national programme on productivity and quality
The Prime Minister has approved the national programme to support businesses to improve productivity and quality of products and goods in the 2021-2030 period.
The programme targets training about 600 productivity and quality experts in 2021-2025.
"""

APO_EN = """Vietnam and the Asian Productivity Organisation
The Asian Productivity Organisation held a workshop on green productivity for its member economies in Hanoi on 12 March 2020.
Established in 1961, the Asian Productivity Organisation is an intergovernmental body promoting productivity in Asia.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("english-asks"), embeddings,
                                {"qd_1322.txt": DECISION, "qd_1322_news_en.txt": NEWS_EN})


def test_a_bare_number_keeps_an_english_question_english(assistant):  # noqa: ANN001
    standalone, analysis = assistant.understand("How many experts does Decision 1322 aim to train in 2021-2025?")
    assert [n.upper() for n in analysis.doc_numbers] == ["1322/QĐ-TTG"], standalone  # completed from the library
    assert analysis.asked_as.startswith("How many experts"), standalone  # and still read as English


def test_in_what_year_asks_a_year(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"apo_en.txt": APO_EN})
    question = "In what year was the Asian Productivity Organisation established?"
    assert assistant.understand(question)[1].intent == "date"
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "1961" in answer.text.split("[1]")[0], answer.text  # a year answers "what year" as fully as a date


def test_what_budget_asks_money(assistant):  # noqa: ANN001
    _, analysis = assistant.understand("What total budget was allocated to the programme under Decision 1322?")
    assert analysis.wants_money or analysis.intent == "funding"
    answer = assistant.ask("What total budget was allocated to the programme under Decision 1322 for 2021-2030?")
    assert not answer.found, answer.text  # no page states a sum of money


MEETING_EN = """Preliminary meeting on a National Productivity Master Plan for Vietnam
HANOI - 31 July 2019 - The Asian Productivity Organisation and the Korea Development Institute met Vietnamese officials.
Dr. Youngsun Koh attended a preliminary meeting in Hanoi, 26 July 2019, to discuss how to develop a National Productivity Master Plan for Vietnam.
The Secretary-General explained how the national productivity master plans had been developed for Bangladesh, Cambodia, and Fiji and the rationale for the project.
"""


def test_which_countries_asks_a_list(tmp_path, embeddings):  # noqa: ANN001
    from assistant import evidence as ev
    from tests.conftest import assistant_over_texts

    assert ev.ENUMERATION.search("plans had been developed for Bangladesh, Cambodia, and Fiji")
    assert not ev.ENUMERATION.search("attended a meeting in Hanoi, 26 July 2019, to discuss the plan")
    assistant = assistant_over_texts(tmp_path, embeddings, {"apo_meeting_en.txt": MEETING_EN})
    question = "For which countries had the APO already helped develop national productivity master plans?"
    assert assistant.understand(question)[1].intent == "list"
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "Bangladesh, Cambodia, and Fiji" in answer.text.split("[1]")[0], answer.text
