"""One BM25 shard (bm25s) over diacritic-folded tokens and syllable bigrams, saved and loaded as one directory.

Tokens come from :func:`common.text.tokens` (folded, lower-cased; compounds such as "285/kh-ubnd" and "12,5%"
followed by their parts) plus bigrams of folded syllables, so "co quan nao chu tri" finds "Cơ quan nào chủ trì"
and the exact "285/KH-UBND" outranks documents that merely contain "285". Queries use the same tokenisation.

A shard holds the chunks of some documents (``vectorstore.lexical_index`` combines shards into one ranking with
the library's document frequencies). Loaded from disk, its score matrix and its texts are memory-mapped: a
shard of a large library costs its ids, metadata and vocabulary in memory, not its texts.

>>> shard = LexicalShard.build("fp", ["a-0"], ["Sở Công Thương chủ trì."], [{"doc_id": "a"}],
...                            ["Kế hoạch 285/KH-UBND\\nSở Công Thương chủ trì."])
>>> tokens_ = lexical_tokens("so cong thuong")
>>> weights = {t: 1.0 for t in tokens_}
>>> float(shard.scores(weights).max()) > 0, shard.document_frequency("cong")
(True, 1)
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
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

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
_INFO_FILE = "lexical.json"
_IDS_FILE = "ids.json"
_METADATA_FILE = "metadata.json"
_TEXTS_FILE = "texts.bin"
_OFFSETS_FILE = "offsets.npy"
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


def lucene_idf(document_frequency: float, n: float) -> float:
    """bm25s's default ("lucene") inverse document frequency."""
    return float(np.log1p((n - document_frequency + 0.5) / (document_frequency + 0.5)))


class TextColumn(Sequence[str]):
    """Texts read on demand from a UTF-8 file and an offsets array (both memory-mapped)."""

    def __init__(self, directory: Path):
        self._offsets = np.load(directory / _OFFSETS_FILE, mmap_mode="r")
        size = int(self._offsets[-1]) if len(self._offsets) else 0
        self._data: mmap.mmap | bytes = b""
        if size:
            with open(directory / _TEXTS_FILE, "rb") as f:
                self._data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if len(self._data) != size:
            raise StoreError(f"{directory / _TEXTS_FILE} holds {len(self._data)} bytes, expected {size}")

    def __len__(self) -> int:
        return max(len(self._offsets) - 1, 0)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        return self._data[int(self._offsets[i]):int(self._offsets[i + 1])].decode("utf-8")

    @staticmethod
    def write(directory: Path, texts: Sequence[str]) -> None:
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        (directory / _TEXTS_FILE).write_bytes(b"".join(encoded))
        np.save(directory / _OFFSETS_FILE, offsets)


def _interned(metadatas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Share equal string values (a document's title, province, ... repeat in each of its chunks)."""
    seen: dict[str, str] = {}
    for meta in metadatas:
        for key, value in meta.items():
            if isinstance(value, str):
                meta[key] = seen.setdefault(value, value)
    return metadatas


@dataclass
class LexicalShard:
    """An immutable BM25 snapshot of some documents' chunks, named by the ``fingerprint`` of those documents.

    It keeps each chunk's id, own text and metadata, so a search needs neither Chroma nor the model.
    """

    fingerprint: str
    ids: list[str]
    texts: Sequence[str]
    metadatas: list[dict[str, Any]]
    bm25: bm25s.BM25 | None  # None for an empty shard

    @classmethod
    def build(
        cls,
        fingerprint: str,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[Mapping[str, Any]],
        indexed_texts: Sequence[str],
    ) -> "LexicalShard":
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

    def document_frequency(self, token: str) -> int:
        """Number of this shard's chunks holding ``token``."""
        if self.bm25 is None or (tid := self.bm25.vocab_dict.get(token)) is None:
            return 0
        indptr = self.bm25.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Each chunk's BM25 score for the tokens of ``weights``, each token's contribution multiplied by its
        weight (the library's IDF over this shard's, so that shards of one library rank alike)."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        if self.bm25 is None:
            return out
        vocab = self.bm25.vocab_dict
        data, indices, indptr = (self.bm25.scores[key] for key in ("data", "indices", "indptr"))
        for token, weight in weights.items():
            tid = vocab.get(token)
            if tid is None:
                continue
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            out[indices[start:end]] += np.float32(weight) * data[start:end]  # a chunk appears once per token
        return out

    # -- persistence -------------------------------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write the shard into ``directory`` (created; expected to be new and private to this call)."""
        directory.mkdir(parents=True, exist_ok=True)
        if self.bm25 is not None:
            self.bm25.save(str(directory), show_progress=False)
        (directory / _IDS_FILE).write_text(json.dumps(self.ids), encoding="utf-8")
        (directory / _METADATA_FILE).write_text(json.dumps(self.metadatas, ensure_ascii=False), encoding="utf-8")
        TextColumn.write(directory, self.texts)
        info = {"format": FORMAT_VERSION, "tokenizer": tokenizer_signature(), "fingerprint": self.fingerprint,
                "n": len(self.ids)}
        # Written last: its presence marks a complete directory.
        (directory / _INFO_FILE).write_text(json.dumps(info), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, fingerprint: str) -> "LexicalShard":
        """Read a shard saved by :meth:`save` (score matrix and texts memory-mapped); :class:`StoreError` if it
        is missing, partial, for another fingerprint or made with another tokenisation."""
        try:
            info = json.loads((directory / _INFO_FILE).read_text(encoding="utf-8"))
            wanted = {"format": FORMAT_VERSION, "tokenizer": tokenizer_signature(), "fingerprint": fingerprint}
            if any(info.get(key) != value for key, value in wanted.items()):
                raise StoreError(f"lexical index in {directory} is for {info!r}, wanted {wanted!r}")
            ids = json.loads((directory / _IDS_FILE).read_text(encoding="utf-8"))
            metadatas = _interned(json.loads((directory / _METADATA_FILE).read_text(encoding="utf-8")))
            texts = TextColumn(directory)
            bm25 = None
            if info["n"]:
                bm25 = bm25s.BM25.load(str(directory), mmap=True, show_progress=False)
            if not (len(ids) == len(metadatas) == len(texts) == info["n"]) or (
                    bm25 is not None and bm25.scores.get("num_docs") != info["n"]):
                raise StoreError(f"lexical index in {directory} does not hold the {info['n']} chunks it names")
        except StoreError:
            raise
        except Exception as e:  # missing files, bad JSON, numpy errors
            raise StoreError(f"cannot load lexical index from {directory}: {e}") from e
        return cls(fingerprint, ids, texts, metadatas, bm25)
