"""A real app server (FastAPI + Gradio under uvicorn) on 127.0.0.1 over its own small index."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import shared_or_skip
from tests.servers import running_app

ADMIN_PASSWORD = "mat-khau-kiem-thu"


@pytest.fixture(scope="session")
def app_assistant(tmp_path_factory, embeddings):
    from assistant.service import Assistant
    from common.settings import Settings
    from vectorstore import PlanStore

    shared = shared_or_skip()
    docs = tmp_path_factory.mktemp("app-docs")
    for name in ("003_b2a90f66a4f11357.txt", "004_80b94bbeffaeb75e.txt", "000_90dd7864220ee2ce.txt"):
        shutil.copy(shared / "corpus" / name, docs / name)
    settings = Settings(data_dir=tmp_path_factory.mktemp("app-data"), admin_password=ADMIN_PASSWORD,
                        max_upload_mb=5)
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    assert assistant.library.ingest([str(docs)]).ok
    return assistant


@pytest.fixture(scope="session")
def app_url(app_assistant):
    with running_app(app_assistant) as url:
        yield url
