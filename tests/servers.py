"""Helpers for tests that run real servers on 127.0.0.1: a free port, and the app under uvicorn in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn


def free_port() -> int:
    """A port nobody listens on (closed again when the socket is: connecting to it is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(assistant, settings=None) -> Iterator[str]:  # noqa: ANN001 - assistant.service.Assistant, Settings
    """The real app (FastAPI + Gradio) for ``assistant`` (``settings``: the assistant's unless given), served
    until the block ends; yields its URL."""
    import app as web

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(web.create_server(assistant, settings), host="127.0.0.1", port=port,
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
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
