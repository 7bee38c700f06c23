"""The year a figure is compared with is its base, not the year it is for: "reached VND 117.9 million per worker, up
VND 7.5 million compared with 2019" answers a question about 2020 (the report's year), and is not taken for a
sentence about 2019. Real pipeline over a news item written here."""

from __future__ import annotations

import pytest

NEWS = """Labour productivity in 2020: Viet Nam keeps rising, statistics office says

The General Statistics Office released its annual report on labour productivity in Ha Noi on Tuesday.
Measured at current prices, Viet Nam's labour productivity still lags far behind that of Singapore, Malaysia and Thailand.
Viet Nam's labour productivity at current prices reached VND 117.9 million per worker, up VND 7.5 million compared with 2019.
The office said the shift of workers out of farming continued to lift the national average.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("base-year"), embeddings, {"gso_productivity_en.txt": NEWS})


def test_a_figure_compared_with_an_earlier_year_answers_for_its_own(assistant):  # noqa: ANN001
    answer = assistant.ask("What was Viet Nam's labour productivity at current prices in 2020?")
    assert answer.found
    assert "117.9" in answer.citations[0].quotes[0], answer.text  # quoted first, not the comparison without a figure
