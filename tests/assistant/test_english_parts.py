"""An English question asking two things keeps both interrogatives through the glossary translation, so each
part is read and answered on its own (over a generated English news page and the real embedding model)."""

from __future__ import annotations

import pytest

from assistant.english import to_vietnamese
from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

PAGE = """Song Lam holds its first productivity forum (Song Lam News, English edition)

FICTIONAL SAMPLE TEXT for tests; Song Lam is not a real province.
The Song Lam Department of Science and Technology held the first provincial productivity forum on 14 May 2024 in
Song Lam city, with 120 delegates from local enterprises and cooperatives.
The forum was opened by Vice Chairman of the Provincial People's Committee Dinh Quang Huy, who called on
enterprises to apply lean production tools.
Participants discussed how to measure labour productivity at the workshop level and shared results of the
5S and Kaizen programmes carried out in 2023.
Organisers plan to hold the forum every year and to publish a handbook on productivity tools by the end of 2024.
"""


@pytest.mark.parametrize("question, intents", [
    ("When was the forum held, and who opened it?", ["date", "person"]),
    ("How many delegates attended the forum, and where was it held?", ["quantity", "place"]),
    ("On whose proposal was the forum held, and on what date?", ["person", "date"]),
    # a part asking which holder of a role asks for a person, as a whole question does
    ("Who attended the forum for the province, and which vice chairman opened it?", ["person", "person"]),
])
def test_each_english_part_keeps_its_interrogative(question, intents):
    vi = to_vietnamese(question)
    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(vi)
    assert [p.intent for p in analysis.parts] == intents, vi


def test_a_one_part_english_question_is_translated_as_before():
    assert to_vietnamese("What labour productivity growth does Thai Binh target for 2025?") == (
        "tăng năng suất lao động Thai Binh mục tiêu năm 2025 bao nhiêu")


@pytest.fixture(scope="module")
def english_assistant(tmp_path_factory, embeddings):
    from tests.conftest import ingested_assistant

    folder = tmp_path_factory.mktemp("docs")
    (folder / "song-lam-forum-en.txt").write_text(PAGE, encoding="utf-8")
    return ingested_assistant(folder, tmp_path_factory.mktemp("data"), embeddings)


def test_both_parts_of_an_english_question_are_quoted(english_assistant):
    answer = english_assistant.ask("When was the Song Lam productivity forum held, and who opened it?")
    assert answer.found, answer.text
    assert "14 May 2024" in answer.text and "Dinh Quang Huy" in answer.text, answer.text
    quoted = " ".join(q for c in answer.citations for q in c.quotes)
    assert "14 May 2024" in quoted and "Dinh Quang Huy" in quoted


@pytest.fixture(scope="module")
def mixed_assistant(tmp_path_factory, embeddings):
    """The English page among the Vietnamese sample plans about the same (fictional) province."""
    import shutil

    from tests.conftest import SAMPLES, ingested_assistant

    folder = tmp_path_factory.mktemp("mixed")
    for f in SAMPLES.iterdir():
        if f.suffix in (".docx", ".pdf", ".txt", ".html"):
            shutil.copy(f, folder / f.name)
    (folder / "song-lam-forum-en.txt").write_text(PAGE, encoding="utf-8")
    return ingested_assistant(folder, tmp_path_factory.mktemp("data"), embeddings)


def test_an_english_question_finds_the_english_page_among_vietnamese_plans(mixed_assistant):
    """The glossary's Vietnamese words ("năng suất") match every plan; the question's own English words and its
    embedding as typed find the English page, whose sentence is read against those English words."""
    question = "What do the organisers of the Song Lam forum plan to publish by the end of 2024?"
    _, analysis = mixed_assistant.understand(question, None)
    assert analysis.asked_as == question and analysis.text != question
    answer = mixed_assistant.ask(question)
    assert answer.found and "handbook on productivity tools" in answer.text, answer.text
    assert answer.citations[0].passage.source.endswith("song-lam-forum-en.txt")
    assert answer.passages[0].source.endswith("song-lam-forum-en.txt")


def test_a_vietnamese_question_is_not_read_in_english(mixed_assistant):
    _, analysis = mixed_assistant.understand("Kế hoạch 45/KH-UBND do ai ký?", None)
    assert analysis.asked_as == ""


def test_each_part_of_an_english_question_keeps_its_english(english_assistant):
    """A part is read against English pages with its own English words, as the whole question is."""
    _, analysis = english_assistant.understand("When was the Song Lam forum held, and who opened it?", None)
    assert [p.asked_as for p in analysis.parts] == ["When was the Song Lam forum held",
                                                   "was the Song Lam forum held who opened it?"]


def test_an_office_in_english_answers_on_whose_proposal():
    from assistant import evidence as ev

    assert ev.OFFICE_HOLDER.search("At the proposal of the Minister of Industry and Trade,")
    assert ev.OFFICE_HOLDER.search("theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ")
    assert not ev.OFFICE_HOLDER.search("the minister said")
