"""What users see when something fails or is over a limit: Vietnamese sentences, never a path, the English
exception text or the question echoed by an exception; a question over the limits is not asked at all."""

from __future__ import annotations

import pytest
from gradio_client import Client

from common.errors import StoreError
from tests.app.conftest import ADMIN_PASSWORD

SECRET_PATH = "/srv/plans/data/chroma/chroma.sqlite3"
LEAKS = (SECRET_PATH, "/srv", "database disk image", "Traceback", "Error:", "sqlite")


def _chat_fn(assistant):
    import app as web

    demo = web.build_app(assistant)
    return next(b.fn for b in demo.fns.values() if getattr(b.fn, "__name__", "") == "respond")


def _last_reply(fn, message, turns=()):
    out = list(fn(message, [], list(turns), "", "", "", None))
    return out[-1][1][-1]["content"], out[-1][0]


def _no_leak(text: str) -> None:
    assert not [x for x in LEAKS if x in text], text


def test_a_failing_question_shows_a_vietnamese_sentence(app_assistant, monkeypatch):
    def broken(*args, **kwargs):  # noqa: ANN002, ANN003
        raise StoreError(f"{SECRET_PATH}: database disk image is malformed")

    monkeypatch.setattr(app_assistant, "ask_stream", broken)
    reply, _ = _last_reply(_chat_fn(app_assistant), "Mục tiêu của Bắc Ninh là gì?")
    assert reply == StoreError.vi
    _no_leak(reply)

    def crash(*args, **kwargs):  # noqa: ANN002, ANN003
        raise RuntimeError(f"unexpected failure reading {SECRET_PATH}")

    monkeypatch.setattr(app_assistant, "ask_stream", crash)
    reply, _ = _last_reply(_chat_fn(app_assistant), "Mục tiêu của Bắc Ninh là gì?")
    assert reply.startswith("Xin lỗi") and "unexpected" not in reply
    _no_leak(reply)


def test_questions_over_the_limits_are_not_asked_in_the_chat(app_assistant, monkeypatch):
    monkeypatch.setattr(app_assistant, "ask_stream", lambda *a, **k: pytest.fail("asked"))  # noqa: ARG005
    fn = _chat_fn(app_assistant)
    reply, box = _last_reply(fn, "năng suất " * 250)
    assert "vượt giới hạn 2000 ký tự" in reply and box.startswith("năng suất")  # kept to be shortened
    turns = [(f"Câu hỏi {i}?", None) for i in range(21)]
    reply, _ = _last_reply(fn, "Còn năm 2030 thì sao?", turns)
    assert "21 câu hỏi, vượt giới hạn 20 câu" in reply and "cuộc hội thoại mới" in reply


def test_the_ask_api_refuses_over_the_limits_in_vietnamese(app_url):
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception) as err:
        client.predict("x" * 2001, [], api_name="/ask")
    assert "Câu hỏi dài 2001 ký tự, vượt giới hạn 2000 ký tự" in str(err.value)
    with pytest.raises(Exception) as err:
        client.predict("Còn năm 2030?", [f"Câu {i}?" for i in range(21)], api_name="/ask")
    assert "vượt giới hạn 20 câu" in str(err.value)
    with pytest.raises(Exception) as err:
        client.predict("x" * 2001, [], "md", api_name="/export")
    assert "vượt giới hạn 2000 ký tự" in str(err.value)


def test_a_failing_ask_api_call_and_ingest_show_no_path(app_url, app_assistant, monkeypatch):
    def broken(*args, **kwargs):  # noqa: ANN002, ANN003
        raise StoreError(f"{SECRET_PATH}: database disk image is malformed")

    monkeypatch.setattr(app_assistant, "ask", broken)
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception) as err:
        client.predict("Mục tiêu của Bắc Ninh là gì?", [], api_name="/ask")
    assert StoreError.vi in str(err.value)
    _no_leak(str(err.value))
    monkeypatch.setattr(app_assistant.library, "ingest", broken)
    assert "Đã đăng nhập" in client.predict(ADMIN_PASSWORD, api_name="/login")
    message = client.predict([], "https://example.org/ke-hoach.html", api_name="/ingest")[0]
    assert message.startswith("Không hoàn tất được thao tác")
    _no_leak(message)
