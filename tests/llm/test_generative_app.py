"""The app in generative mode (the OpenAI-compatible path): the `ask` API returns the checked answer with its
verification record, and the chat page in headless Chromium shows the model's text growing token by token before
the checked answer with its [n] links replaces it."""

from __future__ import annotations

import time

import pytest

from tests.app.test_browser import ARGS, CHROMIUM
from tests.servers import running_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def generative_app_url(openai_assistant):
    with running_app(openai_assistant) as url:
        yield url


def test_ask_api_returns_the_verification_record(generative_app_url):
    from gradio_client import Client

    result = Client(generative_app_url, verbose=False).predict(
        "Cơ quan nào chủ trì kế hoạch của tỉnh Nam Định?", [], "", "", "", api_name="/ask")
    assert result["mode"] == "generative", result["verification"]
    assert result["verification"]["status"] in ("passed", "repaired")
    assert "Sở Khoa học và Công nghệ" in result["answer"] and result["citations"]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make system-deps)")
def test_chat_streams_tokens_then_shows_the_checked_answer(generative_app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(generative_app_url, wait_until="load")
        box = page.locator("#question textarea")
        box.wait_for(timeout=60_000)
        box.fill("Bắc Ninh đặt mục tiêu tỷ trọng đóng góp của TFP giai đoạn 2026-2030 là bao nhiêu?")
        box.press("Enter")
        seen: list[str] = []
        deadline = time.time() + 240
        while time.time() < deadline:
            text = page.locator("#chat").inner_text()
            if text and (not seen or seen[-1] != text):
                seen.append(text)
            if page.locator('#chat a[href="#nguon-1"]').count():
                break
            time.sleep(0.1)
        final = page.locator("#chat").inner_text()
        sources = page.locator("#sources").inner_text()
        browser.close()
    growing = [t for t in seen if "Đang tìm" not in t and "2026-2030" in t]
    assert len(growing) >= 4, seen  # the text grew in steps while the model wrote
    assert "50%" in final and "50%" in sources
