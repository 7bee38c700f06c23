"""A BM25 index (bm25s) over diacritic-folded tokens and syllable bigrams, saved and loaded as one directory.

Tokens come from :func:`common.text.tokens` (folded, lower-cased; compounds such as "285/kh-ubnd" and "12,5%"
followed by their parts) plus bigrams of folded syllables, so "co quan nao chu tri" finds "Cơ quan nào chủ trì"
and the exact "285/KH-UBND" outranks documents that merely contain "285". Queries use the same tokenisation.

>>> index = LexicalIndex.build("fp", ["a-0"], ["Sở Công Thương chủ trì."], [{"doc_id": "a"}],
...                            ["Kế hoạch 285/KH-UBND\\nSở Công Thương chủ trì."])
>>> [(doc.metadata["chunk_id"], round(score, 2) > 0) for doc, score in index.search("so cong thuong", k=3)]
[('a-0', True)]
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
from langchain_core.documents import Document

from common.abbreviations import expansion_text
from common.errors import StoreError
from common.text import bigrams, tokens, words
from vectorstore.filters import compile_where

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
_INFO_FILE = "lexical.json"
_NO_TOKENS = "\x00"  # stands in when no chunk has any token; queries never produce it


def lexical_tokens(text: str) -> list[str]:
    """Folded tokens (with compound parts) followed by folded syllable bigrams; abbreviations and their long
    forms are added both ways ("KH&CN" ↔ "khoa học và công nghệ"), so either form finds the other."""
    extra = expansion_text(text)
    text = f"{text}\n{extra}" if extra else text
    return tokens(text) + bigrams(words(text))


_PROBE = "Kế hoạch số 285/KH-UBND: tăng 12,5%/năm; Hoà Bình, Quý I, TP.HCM, Đắk Lắk, R&D, COVID-19."


def tokenizer_signature() -> str:
    """Changes when the tokenisation changes, so that indexes saved by an older version are rebuilt."""
    return hashlib.sha256("\x1f".join(lexical_tokens(_PROBE)).encode("utf-8")).hexdigest()[:16]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest scores, best first (ties by lower index), via ``np.argpartition``."""
    n = scores.shape[0]
    if k <= 0 or n == 0:
        return np.empty(0, dtype=np.int64)
    if k < n:
        picked = np.argpartition(-scores, k - 1)[:k]
    else:
        picked = np.arange(n)
    order = np.lexsort((picked, -scores[picked]))
    return picked[order]


@dataclass
class LexicalIndex:
    """An immutable BM25 snapshot of the chunks that were current at one registry ``fingerprint``.

    It keeps each chunk's id, own text and metadata, so a search needs neither Chroma nor the model.
    """

    fingerprint: str
    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    bm25: bm25s.BM25 | None  # None for an empty corpus

    @classmethod
    def build(
        cls,
        fingerprint: str,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[Mapping[str, Any]],
        indexed_texts: Sequence[str],
    ) -> "LexicalIndex":
        """Index ``indexed_texts`` (the contextual texts); keep ``texts``/``metadatas`` to return."""
        if not (len(ids) == len(texts) == len(metadatas) == len(indexed_texts)):
            raise StoreError(
                f"lexical index inputs differ in length: {len(ids)} ids, {len(texts)} texts, "
                f"{len(metadatas)} metadatas, {len(indexed_texts)} indexed texts"
            )
        bm25 = None
        if ids:
            corpus_tokens = [lexical_tokens(t) for t in indexed_texts]
            if not any(corpus_tokens):  # bm25s cannot index an empty vocabulary; no query token can match this
                corpus_tokens[0] = [_NO_TOKENS]
            bm25 = bm25s.BM25()
            bm25.index(corpus_tokens, show_progress=False)
        return cls(fingerprint, list(ids), list(texts), [dict(m) for m in metadatas], bm25)

    def __len__(self) -> int:
        return len(self.ids)

    def document(self, i: int) -> Document:
        return Document(page_content=self.texts[i], metadata={**self.metadatas[i], "chunk_id": self.ids[i]})

    def search(self, query: str, k: int, where: Mapping[str, Any] | None = None) -> list[tuple[Document, float]]:
        """Up to ``k`` chunks sharing at least one token with ``query`` and passing ``where``, best first."""
        predicate = compile_where(where)  # validates even when the index is empty
        if self.bm25 is None or k <= 0:
            return []
        vocab = self.bm25.vocab_dict
        query_ids = list(dict.fromkeys(vocab[t] for t in lexical_tokens(query) if t in vocab))
        if not query_ids:
            return []
        scores = np.asarray(self.bm25.get_scores_from_ids(query_ids), dtype=np.float32)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        if not where:
            best = candidates[top_k(scores[candidates], k)]
        else:  # the filter is checked best first until k pass, not on every matching chunk of the library
            ordered = candidates[np.argsort(-scores[candidates], kind="stable")]
            best = []
            for i in ordered:
                if predicate(self.metadatas[i]):
                    best.append(i)
                    if len(best) == k:
                        break
        return [(self.document(int(i)), float(scores[i])) for i in best]

    # -- persistence -------------------------------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write the index into ``directory`` (created; expected to be new and private to this call)."""
        directory.mkdir(parents=True, exist_ok=True)
        if self.bm25 is not None:
            corpus = [{"id": i, "text": t, "metadata": m} for i, t, m in zip(self.ids, self.texts, self.metadatas)]
            self.bm25.save(str(directory), corpus=corpus, show_progress=False, raise_on_serialization_error=True)
        info = {"format": FORMAT_VERSION, "tokenizer": tokenizer_signature(), "fingerprint": self.fingerprint,
                "n": len(self.ids)}
        # Written last: its presence marks a complete directory.
        (directory / _INFO_FILE).write_text(json.dumps(info), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, fingerprint: str) -> "LexicalIndex":
        """Read an index saved by :meth:`save`; :class:`StoreError` if it is missing, partial, for another
        fingerprint or made with another tokenisation."""
        try:
            info = json.loads((directory / _INFO_FILE).read_text(encoding="utf-8"))
            wanted = {"format": FORMAT_VERSION, "tokenizer": tokenizer_signature(), "fingerprint": fingerprint}
            if any(info.get(key) != value for key, value in wanted.items()):
                raise StoreError(f"lexical index in {directory} is for {info!r}, wanted {wanted!r}")
            if info["n"] == 0:
                return cls(fingerprint, [], [], [], None)
            bm25 = bm25s.BM25.load(str(directory), load_corpus=True, show_progress=False)
            corpus = bm25.corpus or []
            bm25.corpus = None
            if len(corpus) != info["n"] or bm25.scores.get("num_docs") != info["n"]:
                raise StoreError(f"lexical index in {directory} holds {len(corpus)} chunks, expected {info['n']}")
        except StoreError:
            raise
        except Exception as e:  # missing files, bad JSON, numpy errors
            raise StoreError(f"cannot load lexical index from {directory}: {e}") from e
        return cls(
            fingerprint,
            [c["id"] for c in corpus],
            [c["text"] for c in corpus],
            [c["metadata"] for c in corpus],
            bm25,
        )
