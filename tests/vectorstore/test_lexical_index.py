"""The bm25s lexical index: tokenisation, top-k, search over shards, save/load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from common.errors import StoreError
from vectorstore.lexical import LexicalShard, TextColumn, lexical_tokens, top_k
from vectorstore.lexical_index import LexicalIndex, shard_of
from vectorstore.lexical_cache import LexicalCache

TEXTS = [
    ("Kế hoạch 285/KH-UBND | Nam Định", "Sở Khoa học và Công nghệ là cơ quan chủ trì.", {"doc_id": "nd", "page": 1}),
    ("Kế hoạch 112/KH-UBND | Bắc Ninh", "Tăng năng suất lao động 12,5%/năm.", {"doc_id": "bn", "page": 2}),
    ("Kế hoạch 28/KH-UBND | Hà Nội", "Tuyên truyền về năng suất chất lượng.", {"doc_id": "hn", "page": 3}),
]


def one_shard(fp: str, ids, texts, metadatas, indexed) -> LexicalIndex:
    return LexicalIndex(fp, (LexicalShard.build(fp, ids, texts, metadatas, indexed),))


@pytest.fixture
def index() -> LexicalIndex:
    ids = [f"c{i}" for i in range(len(TEXTS))]
    return one_shard("ab12", ids, [t for _, t, _ in TEXTS], [m for _, _, m in TEXTS],
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
    idx = one_shard("ab", ["long", "other", "short"], docs, [{}, {}, {}], docs)
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
    cache.save(index.shards[0])
    shard = cache.load("ab12")
    assert shard is not None and shard.ids == index.ids and shard.metadatas == index.shards[0].metadatas
    assert list(shard.texts) == [t for _, t, _ in TEXTS]
    loaded = LexicalIndex("ab12", (shard,))
    for q in ("co quan chu tri", "12,5%", "năng suất"):
        assert [(d.metadata, d.page_content, round(s, 5)) for d, s in loaded.search(q, k=3)] == \
               [(d.metadata, d.page_content, round(s, 5)) for d, s in index.search(q, k=3)]
    with pytest.raises(StoreError, match="fingerprint"):
        LexicalShard.load(cache.path_for("ab12"), "cd34")


def test_an_index_saved_with_another_tokenisation_is_rebuilt(index, tmp_path: Path, monkeypatch) -> None:
    cache = LexicalCache(tmp_path)
    cache.save(index.shards[0])
    monkeypatch.setattr("vectorstore.lexical.tokenizer_signature", lambda: "changed")
    assert cache.load("ab12") is None


def test_empty_index_round_trip(tmp_path: Path) -> None:
    empty = LexicalShard.build("00", [], [], [], [])
    cache = LexicalCache(tmp_path)
    cache.save(empty)
    loaded = cache.load("00")
    assert loaded is not None and len(loaded) == 0
    assert LexicalIndex("00", (loaded,)).search("năng suất", k=3) == []
    assert LexicalIndex("00", ()).search("năng suất", k=3) == []


def test_chunks_without_any_token(tmp_path: Path) -> None:
    index = one_shard("0a", ["x", "y"], ["...", "—"], [{}, {}], ["...", "—"])
    assert index.search("...", k=3) == [] and index.search("năng suất", k=3) == []
    LexicalCache(tmp_path).save(index.shards[0])
    assert len(LexicalCache(tmp_path).load("0a")) == 2


def test_prune_keeps_only_the_current_fingerprints(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path)
    for fp in ("01", "02"):
        cache.save(LexicalShard.build(fp, [], [], [], []))
    cache.save(index.shards[0])
    assert cache.prune(keep={"ab12", "02"}) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["02", "ab12"]


def test_a_damaged_directory_is_ignored(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path)
    path = cache.save(index.shards[0])
    (path / "vocab.index.json").write_text("{not json", encoding="utf-8")
    assert cache.load("ab12") is None


def test_bad_fingerprint_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="'../x'"):
        LexicalCache(tmp_path).path_for("../x")


def test_damaged_texts_are_refused(index, tmp_path: Path) -> None:
    cache = LexicalCache(tmp_path)
    path = cache.save(index.shards[0])
    (path / "texts.bin").write_bytes(b"short")
    assert cache.load("ab12") is None


@pytest.mark.parametrize("texts", [[], [""], ["Sở Công Thương", "", "Đắk Lắk — 12,5%"]])
def test_text_column_round_trip(texts, tmp_path: Path) -> None:
    TextColumn.write(tmp_path, texts)
    column = TextColumn(tmp_path)
    assert len(column) == len(texts) and list(column) == texts and column[-1:] == texts[-1:]
    with pytest.raises(IndexError):
        column[len(texts)]


def test_shard_of_is_stable_and_spreads_documents() -> None:
    assert shard_of("nd285", 16) == shard_of("nd285", 16) and shard_of("nd285", 1) == 0
    counts = np.bincount([shard_of(f"doc-{i}", 8) for i in range(4000)], minlength=8)
    assert counts.min() > 400 and counts.max() < 600


def _library(n: int) -> list[tuple[str, str, dict]]:
    """Chunks of equal length (so each shard's average length is the library's) with words of varied
    frequency: a shard's IDF differs from the library's, which the index must correct."""
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(60)]
    weights = np.array([1.0 / (i + 1) for i in range(60)])
    weights /= weights.sum()
    out = []
    for i in range(n):
        doc = f"d{i // 3}"
        text = " ".join(rng.choice(words, size=12, p=weights, replace=False))
        out.append((f"{doc}-{i}", text, {"doc_id": doc, "page": i % 7}))
    return out


def _split(chunks, shards: int) -> LexicalIndex:
    parts = []
    for s in range(shards):
        mine = [c for c in chunks if shard_of(c[2]["doc_id"], shards) == s]
        parts.append(LexicalShard.build(f"{s}", [c[0] for c in mine], [c[1] for c in mine], [c[2] for c in mine],
                                        [c[1] for c in mine]))
    return LexicalIndex("all", tuple(parts))


@pytest.mark.parametrize("query", ["w0 w5", "w1 w30 w59", "w7", "w2 w3 w4 w40"])
def test_shards_score_as_one_index(query) -> None:
    chunks = _library(600)
    whole, sharded = _split(chunks, 1), _split(chunks, 5)
    expected = {d.metadata["chunk_id"]: s for d, s in whole.search(query, k=600)}
    got = {d.metadata["chunk_id"]: s for d, s in sharded.search(query, k=600)}
    assert got.keys() == expected.keys()
    assert max(abs(got[c] - expected[c]) for c in got) < 1e-4 * max(expected.values())
    plain = {t: 1.0 for t in lexical_tokens(query)}
    uncorrected = {c: float(s) for shard in sharded.shards for c, s in zip(shard.ids, shard.scores(plain)) if s > 0}
    assert max(abs(uncorrected[c] - expected[c]) for c in got) > 1e-2 * max(expected.values())  # correction needed


def test_a_filter_past_the_first_candidates_finds_the_rare_matches() -> None:
    chunks = _library(3000)  # "w0" is in most chunks: more candidates than the first look at
    rare = {"doc_id": "d999"}
    index = _split(chunks, 3)
    got = [d.metadata["chunk_id"] for d, _ in index.search("w0 w1", k=5, where=rare)]
    expected = [d.metadata["chunk_id"] for d, _ in index.search("w0 w1", k=3000) if d.metadata["doc_id"] == "d999"]
    assert got == expected[:5] and got
