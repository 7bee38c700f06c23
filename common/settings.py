"""The one settings object. Built at the edge (CLI, app) from the environment and passed down.

>>> s = Settings(data_dir="/tmp/pa")
>>> s.chroma_path.name
'chroma'

Every field can be set from the environment with the ``PLAN_ASSISTANT_`` prefix, e.g.
``PLAN_ASSISTANT_DATA_DIR=/srv/plans`` or ``PLAN_ASSISTANT_CHROMA_URL=http://127.0.0.1:8000``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLAN_ASSISTANT_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the embedded Chroma, the lexical index and logs live.")
    chroma_url: str | None = Field(None, description="A Chroma server, e.g. http://127.0.0.1:8000; embedded if unset.")
    collection: str = Field("plans", description="Chroma collection holding the chunks.")

    embedding_backend: Literal["e5", "sentence-transformers"] = "e5"
    embedding_model: str | None = Field(
        None, description="For sentence-transformers: a model name or a local path (e.g. a Vietnamese bi-encoder)."
    )
    embedding_batch_size: int = 16

    chunk_chars: int = Field(900, description="Soft upper bound of a chunk's length, in characters.")
    http_timeout_s: float = 20.0
    max_file_mb: int = 200

    top_k: int = Field(10, description="Passages returned with every answer.")
    rerank_candidates: int = Field(30, description="Fused passages the reranker reorders before the top_k.")
    candidates: int = Field(40, description="Candidates taken from each of the dense and lexical rankings.")
    rrf_k: int = 60

    host: str = "127.0.0.1"
    port: int = 7860
    admin_password: SecretStr | None = Field(
        None, description="Enables upload, re-index and delete in the app (PLAN_ASSISTANT_ADMIN_PASSWORD).")
    pdf_password: SecretStr | None = Field(None, description="Password tried on encrypted PDFs while ingesting.")
    max_upload_mb: int = Field(50, description="Largest file the app accepts for upload.")
    concurrency: int = Field(8, description="Questions the app answers at once.")

    @property
    def chroma_path(self) -> Path:
        return Path(self.data_dir) / "chroma"

    @property
    def lexical_path(self) -> Path:
        return Path(self.data_dir) / "lexical"

    @property
    def library_path(self) -> Path:
        """Where files uploaded through the app are kept."""
        return Path(self.data_dir) / "library"

    @property
    def feedback_path(self) -> Path:
        return Path(self.data_dir) / "feedback.sqlite3"
