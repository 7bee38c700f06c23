"""The admin box, hardened (issue 16): the URL field takes http(s) URLs of public hosts only; the original-file
route serves only files the app stored; a deleted document's upload leaves the disk; logins are limited per
client and overall with a growing delay, sessions expire, and every admin action is in the audit log."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from tests.app.conftest import ADMIN_PASSWORD
from tests.servers import running_app


@pytest.fixture()
def admin(app_url):
    client = Client(app_url, verbose=False)
    assert "Đã đăng nhập" in client.predict(ADMIN_PASSWORD, api_name="/login")
    return client


def _audit(assistant) -> list[dict]:
    path = assistant.settings.audit_log_path
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.is_file() else []


@pytest.mark.parametrize("value", ["/etc/passwd", "file:///etc/passwd", "../../etc/hostname", "~/.ssh/id_rsa"])
def test_the_url_box_takes_http_urls_only(admin, app_assistant, value):
    before = set(app_assistant.store.documents())
    message = admin.predict([], value, api_name="/ingest")[0]
    assert "http://" in message and "tải lên" in message
    assert "passwd" not in message and set(app_assistant.store.documents()) == before
    assert _audit(app_assistant)[-1]["action"] == "ingest_url" and _audit(app_assistant)[-1]["outcome"] == "refused"


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/ke-hoach.html", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]:9/", "http://10.0.0.7/a.pdf"])
def test_the_url_box_refuses_private_hosts(admin, app_assistant, url):
    before = set(app_assistant.store.documents())
    message = admin.predict([], url, api_name="/ingest")[0]
    assert "máy chủ nội bộ" in message, message
    assert "public address" not in message and set(app_assistant.store.documents()) == before
    assert _audit(app_assistant)[-1]["outcome"] == "failed"


def test_the_original_file_route_serves_only_files_the_app_stored(app_url, app_assistant, tmp_path):
    secret = tmp_path / "bi_mat.txt"
    secret.write_text("KẾ HOẠCH\nI. MỤC TIÊU\n- Tăng năng suất lao động 5,5%/năm tỉnh Cao Bằng. Mật khẩu: xyz",
                      encoding="utf-8")
    assert app_assistant.library.ingest([str(secret)]).ok  # a local file, as the CLI ingests it
    doc = next(d for d in app_assistant.store.documents().values() if d.source == str(secret))
    kept = app_assistant.library.original_file(doc.doc_id)
    assert kept is not None and kept.is_relative_to(app_assistant.settings.data_dir) and kept != secret
    got = httpx.get(f"{app_url}tai-lieu/{doc.doc_id}", timeout=10)
    assert got.status_code == 200 and "5,5%" in got.text  # the copy kept at ingest
    kept.unlink()  # a document indexed from a server path without a copy (as older versions did)
    assert secret.is_file()
    assert httpx.get(f"{app_url}tai-lieu/{doc.doc_id}", timeout=10).status_code == 404
    app_assistant.library.delete(doc.doc_id)


def test_a_deleted_documents_upload_leaves_the_disk(admin, app_assistant, tmp_path):
    f = tmp_path / "ha_nam_xoa.txt"
    f.write_text("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nKẾ HOẠCH\nI. MỤC TIÊU\n- Tăng năng suất lao động 6,6%/năm.",
                 encoding="utf-8")
    assert "Đã thêm 1" in admin.predict([handle_file(str(f))], "", api_name="/ingest")[0]
    doc = next(d for d in app_assistant.store.documents().values() if d.source.endswith("ha_nam_xoa.txt"))
    stored = Path(doc.abs_path)
    assert stored.is_file() and stored.parent == app_assistant.settings.library_path.resolve()
    assert "Đã xoá" in admin.predict(doc.doc_id, api_name="/delete")[0]
    assert not stored.exists() and doc.doc_id not in app_assistant.store.documents()
    actions = [(e["action"], e["outcome"]) for e in _audit(app_assistant)[-3:]]
    assert ("upload", "ok") in actions and ("delete", "ok") in actions


@pytest.fixture()
def strict_app(app_assistant, tmp_path):
    """The same library behind a second app whose admin session lasts 1.2 s (its own login counters)."""
    settings = app_assistant.settings.model_copy(update={"admin_session_min": 0.02})
    with running_app(app_assistant, settings) as url:
        yield url


def test_login_attempts_are_limited_with_a_growing_delay(strict_app, app_assistant):
    client = Client(strict_app, verbose=False)
    messages = [client.predict(f"sai-{i}", api_name="/login") for i in range(4)]
    assert all("Sai mật khẩu" in m for m in messages)
    assert "Thử lại sau 2 giây" in messages[-1]  # the 4th failure: 2 s, then 4, 8, ... up to 15 min
    started = time.monotonic()
    locked = client.predict(ADMIN_PASSWORD, api_name="/login")  # even the right password waits
    assert "Thử lại sau" in locked and "Đã đăng nhập" not in locked
    assert time.monotonic() - started < 2  # refused at once: the server thread does not sleep
    time.sleep(2.2)
    assert "Đã đăng nhập" in client.predict(ADMIN_PASSWORD, api_name="/login")
    outcomes = [e["outcome"] for e in _audit(app_assistant) if e["action"] == "login"][-6:]
    assert outcomes == ["failed", "failed", "failed", "failed", "locked", "ok"]
    entry = _audit(app_assistant)[-1]
    assert entry["client"] == "127.0.0.1" and entry["session"] and entry["time"]


def test_the_admin_session_expires(strict_app):
    client = Client(strict_app, verbose=False)
    assert "Đã đăng nhập" in client.predict(ADMIN_PASSWORD, api_name="/login")
    assert "Chọn tệp" in client.predict([], "", api_name="/ingest")[0]  # logged in: asked what to ingest
    time.sleep(1.5)
    assert "hết hạn" in client.predict([], "", api_name="/ingest")[0]


def test_failures_from_many_clients_lock_everyone():
    from assistant.admin_auth import LoginGuard

    now = [0.0]
    guard = LoginGuard(free_overall=20, clock=lambda: now[0])
    for i in range(20):
        assert guard.failed(f"10.0.0.{i}") == 0  # one failure each: no client is over its own limit
    assert guard.failed("10.0.1.1") == 2.0 and guard.wait_s("192.0.2.1") == 2.0  # everyone waits
    assert guard.failed("10.0.1.2") == 4.0
    now[0] += 5
    assert guard.wait_s("192.0.2.1") == 0
