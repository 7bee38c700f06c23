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


# Written here: a Vietnamese report and an English news item about the same period's labour productivity.
VIETNAMESE_REPORT = """Đẩy nhanh công cuộc phát triển của Việt Nam với động lực năng suất
Chiến lược Phát triển kinh tế - xã hội 10 năm 2021-2030 đã đề ra mục tiêu tăng năng suất lao động xã hội bình quân đạt trên 6,5%/năm.
Tuy nhiên, tốc độ tăng năng suất lao động trong hai năm 2021 và 2022, trong bối cảnh ảnh hưởng của đại dịch Covid-19, chỉ đạt lần lượt là 4,71% và 4,81%, chưa đáp ứng mục tiêu đề ra.
Các bộ, ngành cần tiếp tục triển khai các giải pháp nâng cao năng suất lao động.
"""
ENGLISH_NEWS = """Solving the labor productivity problem to make a breakthrough in income
At the conference, the institute presented its report on wages and income.
Mr. Mai informed: According to the report, the average labor productivity in the period of 2021-2025 will increase by only 5.24%/year, significantly lower than the target of 6.5%.
The growth rate reached 5.88% last year, reflecting that growth quality has gradually relied more on technology.
"""


def test_an_english_question_quotes_the_english_page_that_answers_it(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"nang_suat_2021_2022.txt": VIETNAMESE_REPORT,
                                                            "labor_productivity_income_en.txt": ENGLISH_NEWS})
    answer = assistant.ask("How fast did Vietnam's labour productivity grow on average in 2021-2025 compared with "
                           "the 6.5% target?")
    assert answer.found, answer.text
    assert "5.24%" in answer.citations[0].quotes[0], answer.text
    assert answer.citations[0].passage.source.endswith("labor_productivity_income_en.txt")


def test_an_english_questions_two_readings_are_put_on_one_scale():
    """The English units' overlaps are scaled so that the best equals the best Vietnamese unit's; the order among
    the English units and the Vietnamese units' own values stay."""
    from assistant.extractive import Candidate, _on_one_scale
    from assistant.sentences import split_units
    from assistant.types import Passage

    def candidate(text: str, relevance: float) -> Candidate:
        p = Passage(rank=1, chunk_id=text[:8], doc_id=text[:8], source="x.txt", title="", section_path="", page=None,
                    text=text, score=1.0)
        features = {"relevance": relevance, "ranked_relevance": relevance, "focus_relevance": relevance,
                    "rule_score": 0.55 * relevance}
        return Candidate(p, split_units(text)[0], relevance, True, 0.0, features)

    vietnamese = candidate(VIETNAMESE_REPORT.splitlines()[2], 0.6)
    english = [candidate(ENGLISH_NEWS.splitlines()[2], 0.3), candidate(ENGLISH_NEWS.splitlines()[3], 0.15)]
    _on_one_scale([vietnamese, *english])
    assert english[0].features["relevance"] == pytest.approx(0.6)
    assert english[1].features["relevance"] == pytest.approx(0.3)
    assert english[0].features["rule_score"] == pytest.approx(0.55 * 0.6)
    assert vietnamese.features["relevance"] == 0.6
