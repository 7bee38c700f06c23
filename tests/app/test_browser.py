"""The page in headless Chromium (Debian's chromium, driven by Playwright with executable_path; no browser
download): ask, click a citation, see the highlighted passage, download the DOCX. A screenshot is kept in
test-output/."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUTPUT = ROOT / "test-output"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make system-deps)")


@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(app_url, wait_until="load")
        page.locator("#question textarea").wait_for(timeout=60_000)
        yield page
        context.close()
        browser.close()


def test_ask_click_citation_and_download(page, tmp_path):
    OUTPUT.mkdir(exist_ok=True)
    box = page.locator("#question textarea")
    box.fill("Cơ quan nào là đầu mối, chủ trì triển khai kế hoạch nâng cao năng suất của tỉnh Nam Định?")
    box.press("Enter")
    page.locator("#chat").get_by_text("Sở Khoa học và Công nghệ").first.wait_for(timeout=60_000)
    page.locator("#sources #nguon-1 mark").first.wait_for(timeout=30_000)
    link = page.locator('#chat a[href="#nguon-1"]').first
    link.wait_for(timeout=10_000)
    link.click()
    source = page.locator("#nguon-1")
    assert "Là cơ quan đầu mối" in source.inner_text()
    assert "IV. TỔ CHỨC THỰC HIỆN" in source.inner_text()
    assert page.evaluate("location.hash") == "#nguon-1"  # the clicked source is the :target, highlighted
    page.screenshot(path=str(OUTPUT / "chat-citation.png"), full_page=True)
    with page.expect_download(timeout=30_000) as info:
        page.locator("#dl-answer-docx").click()
    target = tmp_path / "answer.docx"
    info.value.save_as(str(target))
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Sở Khoa học và Công nghệ" in text


def test_document_text_is_shown_as_text(page):
    html = page.locator("#sources").inner_html()
    assert "<script" not in html
