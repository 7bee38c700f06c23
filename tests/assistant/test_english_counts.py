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


QUANG_NAM_VI = """Hòa Vang: 6 giải pháp phát triển doanh nghiệp đến năm 2030
Theo tính toán của huyện, tổng vốn hỗ trợ cho DN thực hiện chương trình phát triển doanh nghiệp này là 5 tỷ đồng; trong đó hỗ trợ nâng cao năng suất - chất lượng là 3,2 tỷ đồng (gồm 900 triệu đồng cho áp dụng hệ thống quản lý chất lượng, 500 triệu đồng tiết kiệm năng lượng).
Hòa Vang hiện có 25 doanh nghiệp (DN) Nhà nước; 7 DN với vốn đầu tư FDI; 530 công ty cổ phần, công ty TNHH và doanh nghiệp tư nhân.
Huyện đặt mục tiêu đến năm 2030 có thêm 300 doanh nghiệp thành lập mới.
"""


def test_an_english_count_over_a_vietnamese_page(tmp_path, embeddings):  # noqa: ANN001
    """"how many FDI enterprises" counts enterprises ("doanh nghiệp", head first in Vietnamese: "7 DN với vốn đầu tư
    FDI"), not the words in English order ("FDI doanh nghiệp")."""
    from assistant.english import counted_in_vietnamese
    from tests.conftest import assistant_over_texts

    assert counted_in_vietnamese("How many FDI enterprises did the district have?") == ["doanh", "nghiep"]
    assistant = assistant_over_texts(tmp_path, embeddings, {"hoa_vang_doanh_nghiep.txt": QUANG_NAM_VI})
    question = ("According to the article on Hoa Vang's enterprise development to 2030, how many FDI enterprises did "
                "the district have?")
    _, analysis = assistant.understand(question, None)
    assert analysis.unit_words == ["doanh", "nghiep"]
    assert ev.has_number_with_unit("Hòa Vang hiện có 7 DN với vốn đầu tư FDI", analysis.unit_words)
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "7 DN với vốn đầu tư FDI" in answer.text.split("[1]")[0], answer.text
