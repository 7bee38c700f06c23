"""Function words are told from content words as written: folded, "đề nghị", "cơ quan", "mức chi" and "tối đa"
read like "để", "có", "chỉ", "tôi đã" (real pipeline on the real page of Quyết định 1305/QĐ-TTg from
../shared/eval/real)."""

from __future__ import annotations

import pytest

from assistant.question import content_words

QD_1305 = "qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt"


def test_accented_words_are_judged_as_written():
    assert content_words("Cơ quan nào đề nghị mức chi tối đa để hỗ trợ?") == [
        "co", "quan", "de", "nghi", "muc", "chi", "toi", "da", "ho", "tro"]
    assert content_words("Tôi đã có kế hoạch của tỉnh") == ["tinh"]
    assert content_words("Văn bản đó ai ký vậy nhỉ?") == ["van", "ban", "ky"]


def test_text_typed_without_diacritics_is_judged_folded():
    assert content_words("co quan nao de nghi muc chi toi da", written=False) == ["quan", "nghi", "muc"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("function_words"), embeddings, {}, real=(QD_1305,))


def test_a_question_asking_who_proposed_a_decision_quotes_its_proposal_clause(assistant):  # noqa: ANN001
    """"theo đề nghị của bộ nào" is answered by "Theo đề nghị của Bộ trưởng Bộ ...", not by a preamble line that
    shares "nghị" and "ban hành" ("Căn cứ Nghị định số 39/2022/NĐ-CP ... ban hành Quy chế làm việc")."""
    answer = assistant.ask("QĐ 1305/QĐ-TTg được ban hành theo đề nghị của bộ nào?")
    assert answer.found, answer.text
    assert "Kế hoạch và Đầu tư" in answer.text.split("\n")[0], answer.text
