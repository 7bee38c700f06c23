"""Kinds of fact stated in English: a body named in English ("the Ministry of Science and Technology", "the provincial
Department of ...", "Viet Nam Productivity Institute") is an agency, "held in Hanoi" a place and "on May 8" a date, as
their Vietnamese forms are; a date question over an English page is answered by its month and day (real pipeline,
a page written here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev


@pytest.mark.parametrize("text", ["The Ministry of Science and Technology will chair the programme",
                                  "the Directorate for Standards, Metrology and Quality (STAMEQ) is responsible",
                                  "The provincial Department of Science and Technology presides over it",
                                  "Viet Nam Productivity Institute organised the course"])
def test_bodies_named_in_english(text):
    assert ev.AGENCY.search(text)


def test_places_and_dates_in_english():
    assert ev.PLACE.search("The ceremony was held in Hanoi")
    assert ev.has_kind("date", "at a ceremony held on May 8")
    assert ev.has_kind("date", "on 8th May the winners were named")
    assert not ev.has_kind("date", "Eighty businesses may apply")
    assert not ev.AGENCY.search("eighty businesses were honoured")
    assert not ev.PLACE.search("the awards were presented to firms")


AWARDS_EN = """Dong Nai's 10 enterprises win National Quality Awards
Eighty businesses were honoured with the National Quality Awards at a ceremony held in Hanoi on May 8.
Among the winners, 10 enterprises came from Dong Nai province.
The awards were first presented in 1996 and follow the criteria of the Asia-Pacific Quality Organisation.
"""


def test_a_month_and_day_answer_when(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"dong_nai_awards_en.txt": AWARDS_EN})
    answer = assistant.ask("When was the ceremony for the National Quality Awards held?")
    assert answer.found, answer.text
    assert "May 8" in answer.text.split("[1]")[0], answer.text


def test_the_venue_of_an_event_is_no_province_asked_about(tmp_path, embeddings):  # noqa: ANN001
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer
    from tests.conftest import assistant_over_texts

    qa = QuestionAnalyzer(ProvinceGazetteer())
    assert qa.analyze("Khóa đào tạo của APO tại Hà Nội năm 2025 diễn ra khi nào?").provinces == []
    assert qa.analyze("Hoi thao tai Ha Noi dien ra ngay nao?").provinces == []
    assert qa.analyze("Doanh nghiệp tại Hà Nội được hỗ trợ gì?").provinces == ["Hà Nội"]  # no event: whose plan
    assert qa.analyze("Hà Nội tổ chức hội thảo năng suất ngày nào?").provinces == ["Hà Nội"]
    # A library without any document of Hà Nội still answers where the ceremony was held there.
    assistant = assistant_over_texts(tmp_path, embeddings, {"dong_nai_awards_en.txt": AWARDS_EN})
    answer = assistant.ask("When was the ceremony for the National Quality Awards held in Hanoi?")
    assert answer.found, answer.text
    assert "May 8" in answer.text.split("[1]")[0], answer.text
