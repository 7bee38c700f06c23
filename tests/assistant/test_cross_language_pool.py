"""A question in one language and a passage in the other: lexical search cannot match them, so the ranker judges
such a passage by its dense rank in both channels (over real documents of ../shared/eval/real)."""

from __future__ import annotations

import pytest

DOCS = ("vietnamplus-apo-centre-of-excellence-en.txt", "vietq-apo-chuyen-gia-nang-suat-cao-cap-2025.txt",
        "tcvn-nang-suat-xanh-2025.txt")


@pytest.fixture(scope="module")
def small_assistant(tmp_path_factory, embeddings):
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("cross-language-pool"), embeddings, {}, real=DOCS)


def test_a_passage_in_the_other_language_is_ranked_by_its_dense_rank(small_assistant):
    _, analysis = small_assistant.understand("Việt Nam muốn trở thành trung tâm xuất sắc về năng suất của APO?")
    gathered = small_assistant.retriever.gather(analysis, k=small_assistant.settings.rerank_candidates)
    english = [p for p in gathered.passages if p.source.endswith("-en.txt")]
    vietnamese = [p for p in gathered.passages if not p.source.endswith("-en.txt")]
    assert english and vietnamese
    for p in english:
        f = gathered.features[p.chunk_id]
        assert f["lexical"] == max(f["lexical"], f["dense"]) and f["lexical"] >= f["dense"]
    assert any(gathered.features[p.chunk_id]["lexical"] > 0 for p in english)
    # A Vietnamese passage keeps the lexical rank it had: some rank differently in the two channels.
    assert any(gathered.features[p.chunk_id]["lexical"] != gathered.features[p.chunk_id]["dense"] for p in vietnamese)
