"""The vector store: embeddings, the Chroma-backed ``PlanStore`` and its lexical index.

chromadb is imported only inside this package.

>>> from vectorstore import PlanStore, make_embeddings  # doctest: +SKIP
>>> store = PlanStore.from_settings(settings, make_embeddings(settings))  # doctest: +SKIP
"""

from vectorstore.context import context_header, contextual_text
from vectorstore.e5_embeddings import E5Embeddings
from vectorstore.embeddings import make_embeddings, model_id_of
from vectorstore.filters import compile_where, matches, normalize_where
from vectorstore.lexical import LexicalShard, lexical_tokens
from vectorstore.lexical_index import LexicalIndex
from vectorstore.registry import StoredDoc, chunk_id, fingerprint
from vectorstore.st_embeddings import SentenceTransformerEmbeddings, packaged_minilm_path
from vectorstore.store import DocumentVersion, PlanStore

__all__ = [
    "DocumentVersion",
    "E5Embeddings",
    "LexicalIndex",
    "LexicalShard",
    "PlanStore",
    "SentenceTransformerEmbeddings",
    "StoredDoc",
    "chunk_id",
    "compile_where",
    "context_header",
    "contextual_text",
    "fingerprint",
    "lexical_tokens",
    "make_embeddings",
    "matches",
    "model_id_of",
    "normalize_where",
    "packaged_minilm_path",
]
