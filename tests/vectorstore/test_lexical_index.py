"""The bm25s lexical index: tokenisation, top-k, search, save/load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from common.errors import StoreError
from vectorstore.lexical import LexicalIndex, lexical_tokens, top_k
from vectorstore.lexical_cache import LexicalCache

TEXTS = [
    ("Kế hoạch 285/KH-UBND | Nam Định", "Sở Khoa học và Công nghệ là cơ quan chủ trì.", {"doc_id": "nd", "page": 1}),
    ("Kế hoạch 112/KH-UBND | Bắc Ninh", "Tăng năng suất lao động 12,5%/năm.", {"doc_id": "bn", "page": 2}),
    ("Kế hoạch 28/KH-UBND | Hà Nội", "Tuyên truyền về năng suất chất lượng.", {"doc_id": "hn", "page": 3}),
]


@pytest.fixture
def index() -> LexicalIndex:
    ids = [f"c{i}" for i in range(len(TEXTS))]
    return LexicalIndex.build("ab12", ids, [t for _, t, _ in TEXTS], [m for _, _, m in TEXTS],
                              [f"{h}\n{t}" for h, t, _ in TEXTS])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chủ trì", ["chu", "tri", "chu_tri"]),
        ("285/KH", ["285/kh", "285", "kh", "285_kh"]),
        ("12,5%", ["12,5%", "12,5", "12", "5", "12_5"]),
        ("", []),
    ],
)
def test_lexical_tokens(text, expected) -> None:
    assert lexical_tokens(text) == expected


@pytest.mark.parametrize(
    "short, long",
    [("Sở KH&CN", "Sở Khoa học và Công nghệ"), ("NSLĐ", "năng suất lao động"), ("DNNVV", "doanh nghiệp nhỏ và vừa"),
     ("UBND tỉnh", "Ủy ban nhân dân tỉnh"), ("HTX", "hợp tác xã")],
)
def test_abbreviation_and_long_form_find_each_other(short, long) -> None:
    docs = [f"Hỗ trợ {long} trên địa bàn.", "Tuyên truyền về năng suất chất lượng.", f"Báo cáo của {short}."]
    idx = LexicalIndex.build("ab", ["long", "other", "short"], docs, [{}, {}, {}], docs)
    assert idx.search(short, k=1)[0][0].metadata["chunk_id"] in ("long", "short")
    hits = {d.metadata["chunk_id"] for d, _ in idx.search(short, k=3) if _ > 0}
    assert {"long", "short"} <= hits
    hits = {d.metadata["chunk_id"] for d, _ in idx.search(long, k=3) if _ > 0}
    assert {"long", "short"} <= hits


@pytest.mark.parametrize("k", [0, 1, 3, 5, 50])
def test_top_k_matches_a_full_sort(k) -> None:
    rng = np.random.default_rng(k)
    scores = rng.integers(0, 5, size=40).astype(np.float32)  # many ties
    expected = sorted(range(40), key=lambda i: (-scores[i], i))[:k]
    assert top_k(scores, k).tolist() == expected


@pytest.mark.parametrize(
    "query, first",
    [
        ("co quan nao chu tri", "c0"),
        ("CƠ QUAN CHỦ TRÌ", "c0"),
        ("12,5%", "c1"),
        ("285/KH-UBND", "c0"),
        ("28/KH-UBND", "c2"),
        ("tuyen truyen", "c2"),
    ],
)
def test_search_ranks_the_right_chunk_first(index, query, first) -> None:
    hits = index.search(query, k=3)
    assert hits[0][0].metadata["chunk_id"] == first
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_search_filters_and_skips_non_matching(index) -> None:
    assert [d.metadata["chunk_id"] for d, _ in index.search("năng suất", k=5)] in (["c1", "c2"], ["c2", "c1"])
    assert [d.metadata["chunk_id"] for d, _ in index.search("năng suất", k=5, where={"page": {"$gte": 3}})] == ["c2"]
    assert index.search("zzzz", k=5) == []
    assert index.search("năng suất", k=0) == []
    hit = index.search("12,5%", k=1)[0][0]
    assert hit.page_content == TEXTS[1][1] and hit.metadata == {"doc_id": "bn", "page": 2, "chunk_id": "c1"}
    with pytest.raises(StoreError):
        index.search("năng suất", k=3, where={"page": {"$in": []}})


def test_save_and_load_round_trip(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path / "plans")
    assert cache.load("ab12") is None
    cache.save(index)
    loaded = cache.load("ab12")
    assert loaded is not None and loaded.ids == index.ids and loaded.metadatas == index.metadatas
    for q in ("co quan chu tri", "12,5%", "năng suất"):
        assert [(d.metadata, round(s, 5)) for d, s in loaded.search(q, k=3)] == \
               [(d.metadata, round(s, 5)) for d, s in index.search(q, k=3)]
    with pytest.raises(StoreError, match="fingerprint"):
        LexicalIndex.load(cache.path_for("ab12"), "cd34")


def test_an_index_saved_with_another_tokenisation_is_rebuilt(index, tmp_path: Path, monkeypatch) -> None:
    cache = LexicalCache(tmp_path)
    cache.save(index)
    monkeypatch.setattr("vectorstore.lexical.tokenizer_signature", lambda: "changed")
    assert cache.load("ab12") is None


def test_empty_index_round_trip(tmp_path: Path) -> None:
    empty = LexicalIndex.build("00", [], [], [], [])
    cache = LexicalCache(tmp_path)
    cache.save(empty)
    loaded = cache.load("00")
    assert loaded is not None and len(loaded) == 0 and loaded.search("năng suất", k=3) == []


def test_chunks_without_any_token(tmp_path: Path) -> None:
    index = LexicalIndex.build("0a", ["x", "y"], ["...", "—"], [{}, {}], ["...", "—"])
    assert index.search("...", k=3) == [] and index.search("năng suất", k=3) == []
    LexicalCache(tmp_path).save(index)
    assert len(LexicalCache(tmp_path).load("0a")) == 2


def test_prune_keeps_only_the_current_fingerprint(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path)
    cache.save(LexicalIndex.build("01", [], [], [], []))
    cache.save(index)
    assert cache.prune(keep="ab12") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["ab12"]


def test_a_damaged_directory_is_ignored(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path)
    path = cache.save(index)
    (path / "vocab.index.json").write_text("{not json", encoding="utf-8")
    assert cache.load("ab12") is None


def test_bad_fingerprint_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="'../x'"):
        LexicalCache(tmp_path).path_for("../x")
