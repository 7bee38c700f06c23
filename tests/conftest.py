"""Shared fixtures: offline environment, the real embedding model once per session, an index of the shared
corpus and the samples built once per session with the real pipeline."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_or_skip() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared/corpus not found beside the repo ({SHARED})")
    return SHARED


def ingested_assistant(folder: Path, data_dir: Path, embeddings):  # noqa: ANN001, ANN201 - E5Embeddings, Assistant
    """An Assistant over its own embedded Chroma in ``data_dir``, with every file under ``folder`` ingested."""
    from assistant.service import Assistant
    from common.settings import Settings
    from vectorstore import PlanStore

    settings = Settings(data_dir=data_dir)
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    report = assistant.library.ingest([str(folder)])
    assert report.ok, report.failed
    return assistant


def copy_real_documents(folder: Path, names: tuple[str, ...]) -> None:
    """Copy the named documents of ``../shared/eval/real/corpus`` into ``folder``; skip the test without them."""
    real = SHARED / "eval" / "real" / "corpus"
    if not all((real / name).is_file() for name in names):
        pytest.skip("../shared/eval/real/corpus not found")
    for name in names:
        shutil.copy(real / name, folder / name)


def assistant_over_texts(root: Path, embeddings, files: dict[str, str],  # noqa: ANN001, ANN201
                         real: tuple[str, ...] = ()):
    """An Assistant over ``files`` (file name -> text), written under ``root``/docs, and the ``real`` documents of
    ``../shared/eval/real/corpus`` copied beside them (:func:`copy_real_documents`), indexed in ``root``/data."""
    folder = root / "docs"
    folder.mkdir()
    copy_real_documents(folder, real)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return ingested_assistant(folder, root / "data", embeddings)


@pytest.fixture(scope="session")
def embeddings():
    from vectorstore import E5Embeddings

    emb = E5Embeddings(batch_size=16)
    emb.embed_query("khởi động")
    return emb


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory) -> Path:
    """A folder with the shared corpus and the samples, copied so tests can read but never touch the originals."""
    shared = shared_or_skip()
    folder = tmp_path_factory.mktemp("library")
    shutil.copytree(shared / "corpus", folder / "corpus")
    shutil.copytree(SAMPLES, folder / "samples", ignore=shutil.ignore_patterns("*.py", "*.md", "*.json"))
    return folder


@pytest.fixture(scope="session")
def indexed_assistant(tmp_path_factory, library_dir, embeddings):
    """An Assistant over an embedded Chroma holding the corpus and the samples (ingested once)."""
    return ingested_assistant(library_dir, tmp_path_factory.mktemp("data"), embeddings)
