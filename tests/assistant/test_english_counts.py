"""A count on a page in English: "how many productivity and quality experts" counts experts (the head of an English
noun phrase is its last word), and "bao nhiêu doanh nghiệp" counts enterprises, businesses or firms there; a line
giving a number of that thing answers before lines giving other numbers (real pipeline, an English page written
here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev
from assistant.english import english_units

PROGRAMME_EN = """PM approves national programme to boost productivity and quality (SGGP English)
The national programme to support enterprises to improve productivity and quality in the 2021-2030 period sets out 12 groups of tasks for ministries and 63 localities.
In the 2021-25 period, the harmonisation rate of national standards with international standards is targeted to reach about 65 percent.
It also targets training and certifying about 600 quality productivity experts at ministries, agencies, localities and enterprises.
"""


def test_the_thing_counted():
    assert english_units("", "How many productivity and quality experts does the programme train?") == ("experts",)
    assert english_units("", "How many APO member economies sent delegates?") == ("economies",)
    assert english_units("Có bao nhiêu doanh nghiệp được hỗ trợ?")[:3] == ("enterprises", "enterprise", "businesses")
    assert english_units("Tỉnh đặt mục tiêu tăng bao nhiêu phần trăm?") == ()
    assert ev.has_number_with_any("about 600 quality productivity experts at ministries", ("experts",))
    assert not ev.has_number_with_any("63 localities and 600 staff", ("experts",))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("english-counts"), embeddings,
                                {"qd_1322_sggp_en.txt": PROGRAMME_EN})


def test_an_english_count_of_the_thing_asked(assistant):  # noqa: ANN001
    answer = assistant.ask("How many productivity and quality experts does the 2021-2030 national programme aim to "
                           "train and certify in 2021-25?")
    assert answer.found, answer.text
    assert "600 quality productivity experts" in answer.text.split("[1]")[0], answer.text


def test_a_shortened_period_covers_its_end_year(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    text = PROGRAMME_EN.replace("2021-2030 period", "2021-30 period")
    assistant = assistant_over_texts(tmp_path, embeddings, {"qd_1322_sggp_en.txt": text})
    answer = assistant.ask("How many productivity and quality experts does the 2021-2030 national programme aim to "
                           "train and certify in 2021-25?")
    assert answer.found, answer.text  # "2021-30" speaks of 2030
    assert "600 quality productivity experts" in answer.text, answer.text


def test_a_count_written_in_words(tmp_path, embeddings):  # noqa: ANN001
    """"seven key tasks" counts tasks as "7 key tasks" would; "Six Sigma" counts nothing."""
    from tests.conftest import assistant_over_texts

    assert ev.has_number_with_any("provinces are to implement seven key tasks and solutions", ("tasks",))
    assert ev.quantities("Vietnamese firms apply Lean and Six Sigma") == []
    text = PROGRAMME_EN + ("Under the action programme, ministries and provinces are to implement seven key tasks and "
                           "solutions.\n")
    assistant = assistant_over_texts(tmp_path, embeddings, {"qd_1322_sggp_en.txt": text})
    answer = assistant.ask("How many key tasks and solutions must ministries and provinces implement under the action "
                           "programme?")
    assert answer.found, answer.text
    assert "seven key tasks" in answer.text.split("[1]")[0], answer.text
