"""English words in their inflected forms: a question's "grow" is a page's "grew", its "worker" the page's
"workers" (lemminflect's dictionary), so the sentence that states the fact answers; Vietnamese is left as it is.
Real pipeline over a page written here."""

from __future__ import annotations

import pytest

GROWTH_EN = """Vietnam sees record productivity growth
In its latest report, the APO found that productivity in Vietnam was valued at USD 6.40 per hour of labour in 2020.
To put that in perspective, productivity in Singapore reached USD 68.50 per hour of labour in the same year.
Vietnam's productivity grew 64 per cent between 2010 and 2020, the fastest pace in the region.
"""


def test_inflected_words_are_read_as_their_base_forms():
    from assistant.english import base_form, english_keywords, lemmas, with_lemmas

    assert english_keywords("How much did productivity grow, and how many workers won awards?") == [
        "productivity", "grow", "worker", "win", "award"]
    assert base_form("grew") == "grow" and base_form("data") == "data"
    assert "grow" in with_lemmas(["productivity", "grew"]) and "rise" in with_lemmas(["rose"])
    # a Vietnamese syllable is no English word, whatever it looks like once folded
    assert lemmas("nang") == () and lemmas("suat") == ()


def test_unit_words_hold_base_forms_only_in_english():
    from assistant.extractive import _spelled_out

    assert "grow" in _spelled_out("Productivity grew 64 per cent")
    assert "run" not in _spelled_out("Cá rán")  # "rán" folds to "ran", a form of "run" in English


@pytest.mark.parametrize("question", ["How much did Vietnam's productivity grow between 2010 and 2020?",
                                      "By how much has productivity in Vietnam grown from 2010 to 2020?"])
def test_a_growth_question_is_answered_by_the_sentence_saying_grew(tmp_path, embeddings, question):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"apo_growth_en.txt": GROWTH_EN})
    answer = assistant.ask(question)
    assert answer.found, answer.text
    assert "64 per cent" in answer.text.split("[1]")[0], answer.text


@pytest.mark.parametrize(("british", "american"), [
    ("labour", "labor"), ("organisation", "organization"), ("organise", "organize"), ("centre", "center"),
    ("programme", "program"), ("analyse", "analyze"), ("licence", "license"), ("behaviour", "behavior")])
def test_british_and_american_spellings_are_one_word(british, american):  # noqa: ANN001
    from assistant.english import base_form, with_lemmas

    # a page's word carries its other spelling; a question's word is read as typed
    assert american in with_lemmas([british]) and british in with_lemmas([american])
    assert base_form(british) == british and base_form(american) == american


@pytest.mark.parametrize("word", ["hour", "four", "our", "enterprise", "exercise", "expertise", "sentence", "tour",
                                  "matter", "letter", "sector", "system"])
def test_words_that_only_look_british_or_american_stay(word):  # noqa: ANN001
    from assistant.english import other_spelling

    assert other_spelling(word) == word


def test_a_question_in_british_spelling_reads_a_page_in_american_spelling():
    from dataclasses import replace

    from assistant.english import to_vietnamese
    from assistant.extractive import ExtractiveAnswerer
    from assistant.question import QuestionAnalyzer
    from assistant.types import Passage
    from common.provinces import ProvinceGazetteer

    page = ("Vietnam is one of the three countries with the fastest labor productivity growth in the world.\n"
            "The report was announced at a ceremony in Geneva in September.")
    p = Passage(rank=1, chunk_id="c1", doc_id="d1", source="gii.txt", title="Global Innovation Index",
                section_path="", page=None, score=1.0, text=page)
    qa = QuestionAnalyzer(ProvinceGazetteer())

    def relevance(question: str) -> float:
        a = replace(qa.analyze(to_vietnamese(question)), asked_as=question)
        return next(c.relevance for c in ExtractiveAnswerer().candidates(a, [p]) if c.unit.text.startswith("Vietnam"))

    assert relevance("Which countries had the fastest labour productivity growth?") == pytest.approx(
        relevance("Which countries had the fastest labor productivity growth?"))
