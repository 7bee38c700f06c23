"""A page that gives a decision in Vietnamese and in an English translation (as legal sites do) answers a
Vietnamese question with the Vietnamese sentence, and an English-only page still answers (real pipeline; the real
page of Quyết định 1305/QĐ-TTg from ../shared/eval/real, and a text written here)."""

from __future__ import annotations

import pytest

QD_1305 = "qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt"

BINH_DUONG_EN = "binh-duong-4-dn-national-quality-award-2021-en.txt"
AWARDS_2012_VI = "gtclqg-2012-67-dn-kinhtedothi.txt"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("language"), embeddings, {},
                                real=(QD_1305, BINH_DUONG_EN, AWARDS_2012_VI))


def test_a_vietnamese_question_quotes_the_vietnamese_sentence_of_a_bilingual_page(assistant):  # noqa: ANN001
    answer = assistant.ask("Theo Quyết định 1305/QĐ-TTg, đến năm 2030 Việt Nam phấn đấu đứng ở vị trí nào trong "
                           "ASEAN về tăng năng suất lao động?")
    assert answer.found, answer.text
    first = answer.text.split("\n")[0]
    assert "top 3 nước dẫn đầu ASEAN" in first and "strives" not in first, answer.text


def test_an_english_page_alone_still_answers_a_vietnamese_question(assistant):  # noqa: ANN001
    """Only the English page answers: a Vietnamese sentence of another page on the same awards does not replace it."""
    answer = assistant.ask("Bình Dương có mấy doanh nghiệp được vinh danh tại lễ trao Giải thưởng Chất lượng Quốc gia "
                           "các năm 2019 và 2020?")
    assert answer.found and "4 enterprises" in answer.text.split("\n")[0], answer.text
