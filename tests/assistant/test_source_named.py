"""The publication a question names as its source ("according to Viet Nam News", "Theo tin VietnamPlus") says where
to look, not what the answer sentence says: a sentence that merely names the publication is not the answer. Real
pipeline over an English news item written here."""

from __future__ import annotations

from assistant.extractive import _source_name_words

NEWS = """116 firms honoured with National Quality Awards
HÀ NỘI — Viet Nam News learned that enterprises need to register with the ministry before June to receive the awards next year, Viet Nam News said.
To receive the awards, enterprises needed to excel in several criteria including leadership, strategic planning, customer orientation and business results.
The awards are the Prime Minister's annual recognition for organisations with remarkable quality achievements.
"""


def test_the_source_is_read_from_the_question():
    assert _source_name_words("What criteria did firms need, according to Viet Nam News?") == {"viet", "nam", "news"}
    assert _source_name_words("Theo Tạp chí Tài chính, có bao nhiêu địa phương?") == {"tai", "chinh"}
    assert _source_name_words("Which Vice President attended the ceremony in Hanoi?") == set()


def test_a_sentence_naming_the_source_is_not_the_answer(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"national_quality_awards_en.txt": NEWS})
    answer = assistant.ask("What criteria did enterprises need to excel in to receive the National Quality Awards, "
                           "according to Viet Nam News?")
    assert answer.found, answer.text
    assert "strategic planning" in answer.text, answer.text
