"""A question naming a document the library holds is answered from that document when it states the answer, before
news retelling it: "Quyết định 1322/QĐ-TTg được ban hành theo đề nghị của ai?" quotes the decision's "Theo đề nghị
của Bộ trưởng Bộ Khoa học và Công nghệ" first, not an article about the decision. Real pipeline over the decision
and two news articles on it from ../shared/eval/real."""

from __future__ import annotations

import pytest

DECISION = "qd-1322-qd-ttg-2020-thuvienphapluat.txt"
NEWS = ("qd-1322-news-vietnamcirculareconomy.txt", "qd-1322-news-vra.txt")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("named-first"), embeddings, {}, real=(DECISION, *NEWS))


def test_the_named_decision_answers_before_news_about_it(assistant):  # noqa: ANN001
    answer = assistant.ask("Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng (Quyết định "
                           "1322/QĐ-TTg) được ban hành theo đề nghị của ai?")
    assert answer.found and "Bộ trưởng Bộ Khoa học và Công nghệ" in answer.text, answer.text
    assert answer.citations[0].passage.source.endswith(DECISION), answer.text

