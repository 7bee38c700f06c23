"""A real app server (FastAPI + Gradio under uvicorn) on 127.0.0.1 over its own small index."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import httpx
import pytest
import uvicorn

from tests.conftest import shared_or_skip

ADMIN_PASSWORD = "mat-khau-kiem-thu"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    import app as web

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(web.create_server(app_assistant), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        pytest.fail("the app did not start")
    yield url
    server.should_exit = True
    thread.join(timeout=10)
