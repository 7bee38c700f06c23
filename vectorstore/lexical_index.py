"""The library's lexical index: BM25 shards searched as one, with the library's document frequencies.

A large library's documents are spread over shards by a hash of their id (:func:`shard_of`); the number of
shards doubles as the library does (:func:`shard_count`), so a shard holds tens of thousands of chunks and a
small library is one shard. A change to a document rebuilds its shard only, and building holds one shard's
tokens in memory, not the library's. Scores are those of one BM25 index over the whole library up to each
shard's average chunk length (alike in shards that large): each query token's contribution is re-weighted by
the library's IDF over the shard's.

>>> from vectorstore.lexical import LexicalShard
>>> a = LexicalShard.build("a", ["a-0"], ["Sở Công Thương chủ trì."], [{"doc_id": "a"}], ["Sở Công Thương chủ trì."])
>>> b = LexicalShard.build("b", ["b-0"], ["Sở Y tế phối hợp."], [{"doc_id": "b"}], ["Sở Y tế phối hợp."])
>>> index = LexicalIndex("ab", (a, b))
>>> [doc.metadata["chunk_id"] for doc, _ in index.search("so y te", k=2)]
['b-0', 'a-0']
>>> [doc.metadata["chunk_id"] for doc, _ in index.search("so", k=2, where={"doc_id": "a"})]
['a-0']
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.documents import Document

from vectorstore.filters import compile_where
from vectorstore.lexical import LexicalShard, lexical_tokens, lucene_idf, top_k

# Query tokens with a library IDF under this (in over 99 % of chunks: bm25s's "lucene" IDF ln(1 + (N - df + .5) / (df + .5)))
# are not scored when the query has others.
NEGLIGIBLE_IDF = 0.01
_FILTER_FIRST_LOOK = 1024  # candidates sorted at first when a filter applies; four times more each round after


def shard_count(chunks: int, min_chunks: int) -> int:
    """Shards for a library of ``chunks``: the largest power of two leaving each at least ``min_chunks``
    (a library doubling past a threshold is re-sharded once).

    >>> [shard_count(n, 25_000) for n in (0, 49_999, 50_000, 120_000, 1_000_000)]
    [1, 1, 2, 4, 32]
    """
    n = 1
    while chunks >= 2 * n * max(min_chunks, 1):
        n *= 2
    return n


def shard_of(doc_id: str, shards: int) -> int:
    """The shard of ``doc_id`` among ``shards`` (stable across processes and versions)."""
    return int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:8], "big") % max(shards, 1)


@dataclass(frozen=True)
class LexicalIndex:
    """The shards that were current at one registry ``fingerprint``."""

    fingerprint: str
    shards: tuple[LexicalShard, ...]
    _starts: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sizes = [len(s) for s in self.shards]
        object.__setattr__(self, "_starts", np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]))

    def __len__(self) -> int:
        return int(self._starts[-1])

    @property
    def ids(self) -> list[str]:
        return [cid for shard in self.shards for cid in shard.ids]

    def _locate(self, i: int) -> tuple[LexicalShard, int]:
        s = int(np.searchsorted(self._starts, i, side="right")) - 1
        return self.shards[s], i - int(self._starts[s])

    def document(self, i: int) -> Document:
        shard, j = self._locate(i)
        return shard.document(j)

    def metadata(self, i: int) -> Mapping[str, Any]:
        shard, j = self._locate(i)
        return shard.metadatas[j]

    def scores(self, query: str) -> np.ndarray:
        """Every chunk's BM25 score for ``query``, shards in order. Tokens in nearly every chunk (the programme's
        own words, "năng suất", "kế hoạch", repeated in each chunk's context header) are left out when the query
        has others: each adds under 0.01 x (k1 + 1) to a score but costs a pass over every chunk."""
        tokens = list(dict.fromkeys(lexical_tokens(query)))
        sizes = [len(s) for s in self.shards]
        n = float(sum(sizes))
        frequencies = {t: [s.document_frequency(t) for s in self.shards] for t in tokens}
        library_idf = {t: lucene_idf(sum(dfs), n) for t, dfs in frequencies.items() if any(dfs)}
        telling = {t: idf for t, idf in library_idf.items() if idf >= NEGLIGIBLE_IDF}
        library_idf = telling or library_idf
        if len(self.shards) == 1:  # nothing to re-weight
            return self.shards[0].scores({t: 1.0 for t in library_idf})
        parts = []
        for i, shard in enumerate(self.shards):
            weights = {t: idf / lucene_idf(frequencies[t][i], sizes[i])
                       for t, idf in library_idf.items() if frequencies[t][i]}
            parts.append(shard.scores(weights))
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def search(self, query: str, k: int, where: Mapping[str, Any] | None = None) -> list[tuple[Document, float]]:
        """Up to ``k`` chunks sharing at least one token with ``query`` and passing ``where``, best first."""
        predicate = compile_where(where)  # validates even when the index is empty
        if k <= 0 or not len(self):
            return []
        scores = self.scores(query)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        if not where:
            best = list(candidates[top_k(scores[candidates], k)])
        else:  # the filter is checked best first until k pass, not on every matching chunk of the library
            best = []
            look, seen = _FILTER_FIRST_LOOK, 0
            while len(best) < k and seen < candidates.size:
                ordered = candidates[top_k(scores[candidates], min(look, candidates.size))]
                for i in ordered[seen:]:
                    if predicate(self.metadata(int(i))):
                        best.append(i)
                        if len(best) == k:
                            break
                seen, look = len(ordered), look * 4
        return [(self.document(int(i)), float(scores[i])) for i in best]
