"""The ``export`` API returns a file, not a server path: a ``gradio_client`` in another working directory, with
the server's temp folder hidden from it (a tmpfs mounted over it in the client's own mount namespace), downloads
a Word file it can open. The app's own temp folder is emptied when it starts."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, shared_or_skip
from tests.servers import free_port

QUESTION = "Kế hoạch 285/KH-UBND của Bắc Ninh được ban hành ngày nào?"
CLIENT = """
import json, sys
from pathlib import Path
import docx
from gradio_client import Client

client = Client(sys.argv[1], verbose=False, download_files=str(Path.cwd() / "tai-ve"))
out = {}
for fmt in ("docx", "md"):
    got = client.predict(sys.argv[2], [], fmt, api_name="/export")
    path = Path(got)
    text = ("\\n".join(p.text for p in docx.Document(str(path)).paragraphs) if fmt == "docx"
            else path.read_text(encoding="utf-8"))
    out[fmt] = {"path": str(got), "text": text}
print(json.dumps(out, ensure_ascii=False))
"""


def _can_hide_folders() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def remote_server(tmp_path_factory):
    shared = shared_or_skip()
    base = tmp_path_factory.mktemp("remote")
    docs, data, server_tmp = base / "docs", base / "data", base / "server-tmp"
    for d in (docs, data, server_tmp):
        d.mkdir()
    shutil.copy(shared / "corpus" / "003_b2a90f66a4f11357.txt", docs)
    env = {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(data), "TMPDIR": str(server_tmp), "HF_HUB_OFFLINE": "1"}
    env.pop("GRADIO_TEMP_DIR", None)
    ingest = subprocess.run([sys.executable, "-m", "cli", "ingest", str(docs)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    digest = hashlib.sha1(str(data.resolve()).encode("utf-8")).hexdigest()[:12]
    stale = server_tmp / f"plan-assistant-{digest}" / "export-old" / "tra-loi.docx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"left by an earlier run")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    else:
        proc.kill()
        pytest.fail("the app did not start")
    try:
        yield {"url": url, "server_tmp": server_tmp, "stale": stale, "base": base}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_remote_client_downloads_the_exported_file(remote_server):
    base, server_tmp = remote_server["base"], remote_server["server_tmp"]
    client_dir, client_tmp = base / "client", base / "client-tmp"
    client_dir.mkdir(exist_ok=True)
    client_tmp.mkdir(exist_ok=True)
    (client_dir / "client.py").write_text(CLIENT, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(client_tmp), "PYTHONPATH": ""}
    command = [sys.executable, "client.py", remote_server["url"], QUESTION]
    hidden = _can_hide_folders()
    if hidden:  # the client cannot see the server's temp folder at all
        command = ["unshare", "-m", "sh", "-c", f'mount -t tmpfs none "{server_tmp}" && exec "$@"', "sh", *command]
    run = subprocess.run(command, cwd=client_dir, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    for fmt in ("docx", "md"):
        path = Path(out[fmt]["path"])
        assert path.is_relative_to(client_dir / "tai-ve"), path  # downloaded, not a path on the server
        assert not path.is_relative_to(server_tmp)
        assert QUESTION in out[fmt]["text"] and "08/9/2023" in out[fmt]["text"]
    assert hidden or pytest.skip("unshare -m unavailable: the server's temp folder was not hidden from the client")


def test_the_app_empties_its_temp_folder_at_start(remote_server):
    assert not remote_server["stale"].exists()
