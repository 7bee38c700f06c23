"""English questions: English whatever their punctuation (an en dash "2026–2030" or curly quotes are not Vietnamese
letters), and what they ask ("the number of X's plan" is its document number, "at whose request" a person), over
the real pipeline with an English page written here."""

from __future__ import annotations

import pytest

from assistant.english import is_english

PLAN_EN = """Enhancing Productivity and Quality for the 2026–2030 Period (Hai Phong Portal)
Hai Phong issued Plan No. 335/KH-UBND on enhancing productivity and quality based on science, technology and innovation for 2026–2030.
Specifically, Hai Phong aimed for total factor productivity (TFP) to contribute 57% to GRDP by 2030.
The plan also sets out the training of around 50 qualified productivity and quality experts.
"""


def test_punctuation_is_no_vietnamese():
    assert is_english("How many experts does Hai Phong plan to train under its 2026–2030 plan?")
    assert is_english("What does the “green productivity” programme target?")
    assert not is_english("Hải Phòng đào tạo bao nhiêu chuyên gia?")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("english-punctuation"), embeddings,
                                {"hai_phong_plan_335_en.txt": PLAN_EN})


def test_an_english_question_with_an_en_dash(assistant):  # noqa: ANN001
    answer = assistant.ask("How many productivity and quality experts does Hai Phong plan to train under its "
                           "2026–2030 plan?")
    assert answer.found, answer.text
    assert "50 qualified productivity and quality experts" in answer.text, answer.text


@pytest.mark.parametrize(("question", "intent"), [
    ("What is the number of Hai Phong's plan on productivity and quality for 2026–2030?", "docnumber"),
    ("What is the number of the decision approving the programme?", "docnumber"),
    ("What is the number of enterprises supported?", "quantity"),  # a count, not a document's number
    ("At whose request was Decision 1305/QD-TTg issued?", "person"),
])
def test_what_english_questions_ask(question, intent):  # noqa: ANN001
    from assistant.english import to_vietnamese
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer

    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(to_vietnamese(question))
    assert analysis.intent == intent
    if "Hai Phong" in question:
        assert analysis.provinces == ["Hải Phòng"]  # the name before "'s" is kept


def test_the_number_of_a_plan(assistant):  # noqa: ANN001
    answer = assistant.ask("What is the number of Hai Phong's plan on productivity and quality based on science, "
                           "technology and innovation for 2026–2030?")
    assert answer.found, answer.text
    assert "335/KH-UBND" in answer.text, answer.text


@pytest.mark.parametrize(("question", "words"), [
    ("What public-investment disbursement rate does the resolution aim for in 2025?", ["giải ngân", "đầu tư công"]),
    ("How large may the budget deficit be, and how high the public debt?", ["bội chi", "nợ công"]),
])
def test_public_finance_words_are_read_in_vietnamese(question, words):  # noqa: ANN001
    """An English question on a Vietnamese resolution's public finance targets uses the resolution's words."""
    from assistant.english import to_vietnamese

    assert all(w in to_vietnamese(question) for w in words), to_vietnamese(question)


@pytest.mark.parametrize(("question", "intent", "words"), [
    ("According to the smart city decree, what body coordinates smart city development at provincial level?",
     "agency", ["đô thị thông minh", "nghị định"]),
    ("Which resolution sets the digital transformation targets?", "docnumber", ["nghị quyết nào", "chuyển đổi số"]),
    ("Which decision approved the green productivity programme?", "docnumber", ["quyết định nào", "năng suất xanh"]),
    # one or several bodies, counted or not, are asked for as "which body" is
    ("Which two organisations implemented the JICA-funded project?", "agency", ["cơ quan nào"]),
    ("Which ministry coordinates the national programme?", "agency", ["bộ nào"]),
])
def test_programme_terms_and_kinds_of_document_are_read_in_vietnamese(question, intent, words):  # noqa: ANN001
    from assistant.english import to_vietnamese
    from assistant.question import QuestionAnalyzer
    from common.provinces import ProvinceGazetteer

    vietnamese = to_vietnamese(question)
    assert all(w in vietnamese for w in words), vietnamese
    assert QuestionAnalyzer(ProvinceGazetteer()).analyze(vietnamese).intent == intent
