"""The chat page served for real on 127.0.0.1 and driven with gradio_client."""

from __future__ import annotations

import socket

import pytest

gradio_client = pytest.importorskip("gradio_client")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(indexed_assistant):
    import app as web

    demo = web.build_app(indexed_assistant)
    port = _free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_ask_endpoint_returns_the_cli_json(app_url):
    client = gradio_client.Client(app_url, verbose=False)
    data = client.predict("Cơ quan nào là đầu mối, chủ trì triển khai kế hoạch nâng cao năng suất của tỉnh Nam Định?",
                          [], api_name="/ask")
    assert data["found"] is True
    assert "Sở Khoa học và Công nghệ" in data["answer"]
    assert data["citations"][0]["section_path"].startswith("IV. TỔ CHỨC THỰC HIỆN")
    assert len(data["passages"]) == 10


def test_ask_endpoint_follow_up_and_refusal(app_url):
    client = gradio_client.Client(app_url, verbose=False)
    follow = client.predict("Còn đến năm 2030 thì sao?",
                            ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"], api_name="/ask")
    assert "7,5%" in follow["answer"]
    refusal = client.predict("Mục tiêu tăng năng suất lao động của tỉnh Cà Mau là bao nhiêu?", [], api_name="/ask")
    assert refusal["found"] is False and refusal["citations"] == []


def test_sources_panel_escapes_and_highlights(indexed_assistant):
    import app as web

    answer = indexed_assistant.ask("Bắc Ninh đặt mục tiêu tăng năng suất lao động bao nhiêu phần trăm mỗi năm?")
    html = web.sources_html(answer)
    assert "<mark>" in html and "12,5%" in html
    assert "[1]" in html


def test_highlight_escapes_document_text():
    import app as web

    out = web._highlight("<script>alert(1)</script> Mục tiêu 7%.", ("Mục tiêu 7%.",))
    assert "<script>" not in out and "&lt;script&gt;" in out and "<mark>Mục tiêu 7%.</mark>" in out
