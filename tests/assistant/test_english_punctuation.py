"""An English question is English whatever its punctuation: an en dash ("2026–2030") or curly quotes are not
Vietnamese letters (real pipeline, an English page written here)."""

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
