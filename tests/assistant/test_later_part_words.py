"""A question asking two things ("... per hour in 2022, and how much did it grow between 2012 and 2022?") has each
later part answered by a sentence holding that part's own words: a sentence matching only the subject the parts
share (productivity per hour, of another country) does not answer how much it grew. An English question's parts
own their English words too, as English pages are read in English. Real pipeline over a news item written here."""

from __future__ import annotations

import pytest

NEWS = """Productivity report: Vietnam gains ground but trails its neighbours

A new report from the regional productivity council has found that Vietnam's productivity remains below that of several neighbours, although the gap is narrowing.
In its latest report, the council found that labour productivity in Vietnam was valued at USD 7.10 per hour of work in 2022.
By comparison, productivity in Singapore, the most productive economy in the region, reached USD 70.20 per hour of work.
Japan came second, with productivity of USD 45 per hour of work, ahead of Malaysia and Thailand.
The council is an intergovernmental body that has published comparable national accounts for its members for three decades.
Its analysts use hours actually worked, which they say gives a fairer picture than output per person employed.
The council's members share their statistics each spring, and its secretariat checks them against surveys of firms.
This year the secretariat added data on the service sector, where part-time work makes hours harder to measure.
Officials in Hanoi welcomed the report and said the government would study its recommendations on skills and technology.
Business associations noted that small firms still lag behind large ones in adopting modern management methods.

The report also compares capital per worker, the share of skilled labour and spending on research across the members.
Economies that invested early in vocational training, its authors argue, turned new machinery into output faster.
They caution that a single year's figures can mislead, since commodity prices swing the value added of mining.
For that reason the council publishes ten-year averages beside the annual numbers in every edition.
Vietnam's productivity grew 58 per cent between 2012 and 2022, the strongest increase among the members over that decade.
The report credits the shift of workers from farming to manufacturing and services for most of that increase.
"""

QUESTION = ("According to the council's report, what was Vietnam's labour productivity per hour in 2022, and how much "
            "did it grow between 2012 and 2022?")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("later-part-words"), embeddings,
                                {"productivity_report_en.txt": NEWS})


def test_an_english_part_owns_its_english_words(assistant):  # noqa: ANN001
    _, a = assistant.understand(QUESTION)
    assert len(a.parts) == 2
    assert {"grow", "between"} <= set(a.parts[1].own_words)  # its English words, beside the Vietnamese reading's


def test_how_asks_too(assistant):  # noqa: ANN001
    # "how fast did it grow" is a part of its own, as "how much" is
    _, a = assistant.understand("How much was Viet Nam's labour productivity in 2015 and how fast did it grow?")
    assert len(a.parts) == 2 and a.parts[1].intent == "quantity"
    assert "grow" in a.parts[1].own_words  # the English parts line up with the Vietnamese ones


def test_each_part_is_answered_by_its_own_words(assistant):  # noqa: ANN001
    answer = assistant.ask(QUESTION)
    assert answer.found
    assert "7.10" in answer.text and "58 per cent" in answer.text, answer.text
    assert any("58 per cent" in q for c in answer.citations for q in c.quotes)
