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

    chunk_chars: int = Field(1400, description="Soft upper bound of a chunk's length, in characters "
                             "(ingest.chunking.CHUNK_CHARS explains the default).")
    ingest_batch_docs: int = Field(16, ge=1, description="Documents parsed, embedded and written together at ingest "
                                                        "(one Chroma write per step for the batch).")
    http_timeout_s: float = 20.0
    writer_wait_s: float = Field(600.0, ge=0, description="How long a writer (ingest, upload, delete) waits for "
                                 "another process's writer lease before failing with a clear error.")
    writer_lease_s: float = Field(30.0, gt=0, description="With a Chroma server: a writer's lease lasts this long "
                                  "unless renewed (every quarter of it while writing); a dead writer's lease is taken "
                                  "over 1.5 times this after its last renewal.")
    prune_max_share: float = Field(0.2, ge=0, le=1, description="ingest --prune refuses (exit 2) to remove more than "
                                   "this share of the library without --force.")
    max_file_mb: int = 200
    allow_private_urls: bool = Field(
        False, description="Let URL ingest fetch loopback, private and link-local hosts (PLAN_ASSISTANT_ALLOW_PRIVATE_"
        "URLS); off, only public addresses are fetched, checked on every redirect.")
    max_ocr_pages: int = Field(300, ge=1, description="A scanned PDF with more pages to OCR than this is refused.")
    ocr_background_pages: int = Field(
        10, ge=0, description="In the app, an uploaded (or URL) PDF or image with more pages to OCR than this is read "
        "by a background worker: the request returns at once and the library tab shows its progress "
        "(PLAN_ASSISTANT_OCR_BACKGROUND_PAGES; OCR takes ~1.5 s a page).")

    top_k: int = Field(10, description="Passages returned with every answer.")
    rerank_candidates: int = Field(30, description="Fused passages the reranker reorders before the top_k.")
    candidates: int = Field(40, description="Candidates taken from each of the dense and lexical rankings.")
    rrf_k: int = 60
    learned_ranker: bool = Field(True, description="Rank candidates with the fitted passage model "
                                 "(assistant/weights/passage_ranker.json); off: a fixed blend of fused rank and "
                                 "answer-unit score.")
    learned_answerer: bool = Field(True, description="Choose answer sentences and refuse with the fitted unit model "
                                   "(assistant/weights/answer_units.json); off: hand-set weights and thresholds.")
    lexical_shard_chunks: int = Field(
        25_000, ge=1, description="A large library's lexical index is split into BM25 shards of at least this "
        "many chunks (by a hash of the document id; the shard count doubles as the library does): a change rebuilds "
        "one shard, and building holds one shard in memory. A library under twice this is one shard.")

    host: str = "127.0.0.1"
    port: int = 7860
    admin_password: SecretStr | None = Field(
        None, description="Enables upload, re-index and delete in the app (PLAN_ASSISTANT_ADMIN_PASSWORD).")
    pdf_password: SecretStr | None = Field(None, description="Password tried on encrypted PDFs while ingesting.")
    max_upload_mb: int = Field(50, description="Largest file the app accepts for upload.")
    admin_session_min: float = Field(30, gt=0, description="Minutes an admin login stays valid in the app.")
    max_question_chars: int = Field(2000, ge=1, description="Longest question the app, its API and the CLI accept.")
    max_history_turns: int = Field(20, ge=0, description="Most earlier questions sent with a question.")
    concurrency: int = Field(
        2, ge=1, description="Questions the app answers at once (ask and export APIs and the chat together; "
        "PLAN_ASSISTANT_CONCURRENCY); more wait in Gradio's queue. Extractive answers are CPU-bound Python (the "
        "GIL): on 2 cores 2 answered up to ~40% more per second than 1, and 4 or 8 no more than 2 within noise "
        "(bench/scale/concurrency.py). Raise it when answers wait on a remote LLM server.")

    # Generative answers (issue 6). "none" keeps the extractive answerer, which needs no model.
    llm_backend: Literal["none", "ollama", "openai", "gguf"] = Field(
        "none", description="ollama, an OpenAI-compatible server (vLLM, llama.cpp, LM Studio) or a local GGUF file.")
    llm_model: str = Field("", description="Model name on the Ollama / OpenAI-compatible server.")
    llm_base_url: str | None = Field(
        None, description="e.g. http://127.0.0.1:11434 (Ollama) or http://127.0.0.1:8080/v1 (OpenAI-compatible).")
    llm_api_key: SecretStr | None = Field(None, description="API key of the OpenAI-compatible server, if it asks.")
    llm_gguf_path: Path | None = Field(
        None, description="A GGUF file for the in-process backend; unset: the packaged model below.")
    llm_packaged_model: Literal["qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b"] = Field(
        "qwen2.5-coder-1.5b", description="Small GGUF models shipped in PyPI packages (test fixtures, a local option).")
    llm_timeout_s: float = Field(120.0, description="Longest wait for one model call.")
    llm_retries: int = Field(1, description="Extra attempts when the model cannot be reached.")
    llm_temperature: float = 0.0
    llm_max_tokens: int = Field(400, description="Longest answer the model may write, in tokens.")
    llm_context_tokens: int = Field(4096, description="Context window of the in-process GGUF model.")
    llm_threads: int = Field(2, description="CPU threads of the in-process GGUF model.")
    llm_passages: int = Field(5, description="Passages given to the model with each question.")
    llm_passage_chars: int = Field(1200, description="Longest passage text given to the model.")
    llm_rewrite_followups: bool = Field(True, description="Let the model rewrite follow-up questions.")
    model_cache_dir: Path = Field(Path.home() / ".cache" / "plan-assistant" / "models",
                                  description="Where the packaged GGUF model is assembled (outside the repo).")

    @property
    def generative(self) -> bool:
        return self.llm_backend != "none"

    @property
    def chroma_path(self) -> Path:
        return Path(self.data_dir) / "chroma"

    @property
    def lexical_path(self) -> Path:
        return Path(self.data_dir) / "lexical"

    @property
    def facts_path(self) -> Path:
        """Targets, responsibilities and eligibility rules extracted at ingest, one JSON file per document."""
        return Path(self.data_dir) / "facts"

    @property
    def library_path(self) -> Path:
        """Where files uploaded through the app are kept."""
        return Path(self.data_dir) / "library"

    @property
    def originals_path(self) -> Path:
        """Copies of the local files ingested (what ``/tai-lieu/{doc_id}`` serves besides uploads)."""
        return Path(self.data_dir) / "originals"

    @property
    def audit_log_path(self) -> Path:
        """The app's admin actions, one JSON line each."""
        return Path(self.data_dir) / "admin-audit.jsonl"

    @property
    def feedback_path(self) -> Path:
        return Path(self.data_dir) / "feedback.sqlite3"
