"""Fixtures for the vector store tests: offline hub, one model per session."""

from __future__ import annotations

import os

import pytest

# Nothing in these tests may download a model: fail at once instead.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from vectorstore import E5Embeddings  # noqa: E402


@pytest.fixture(scope="session")
def e5() -> E5Embeddings:
    """The default embeddings, loaded once for the whole session."""
    emb = E5Embeddings(batch_size=16)
    emb.embed_query("khởi động")  # load now, not inside the first timed test
    return emb
