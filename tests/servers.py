"""Helpers for tests that run real servers on 127.0.0.1: a free port, the app under uvicorn in a thread, and a
``chroma run`` server in its own process group."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def chroma_cli() -> str | None:
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.is_file() else shutil.which("chroma")


@contextmanager
def chroma_server(root: Path, start_timeout_s: float = 60.0) -> Iterator[str]:
    """``chroma run`` on 127.0.0.1 with its data under ``root`` until the block ends; yields its URL (skips the
    test if the chroma CLI is missing). Stopped by its process group id (only the server we started)."""
    cli = chroma_cli()
    if cli is None:
        pytest.skip("the chroma CLI is not installed")
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen([cli, "run", "--path", str(root / "data"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if proc.poll() is not None:
                tail = (root / "server.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"chroma run exited with {proc.returncode}: {tail}")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run did not answer on {url} within {start_timeout_s}s")
            time.sleep(0.2)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()
