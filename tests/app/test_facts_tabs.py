"""The "Chỉ tiêu", "Trách nhiệm" and "Kiểm tra đủ điều kiện" tabs and the passage page of the real app: driven
with gradio_client and httpx, and one pass in headless Chromium (Debian's chromium through Playwright)."""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import openpyxl
import pytest
from gradio_client import Client

from tests.app.test_browser import ARGS, CHROMIUM, OUTPUT
from tests.conftest import SAMPLES
from tests.servers import running_app

LINK = re.compile(r"\]\((/doan/[^)?]+\?s=\d+&e=\d+)\)")


@pytest.fixture()
def client(app_url):
    return Client(app_url, verbose=False)


def table_rows(value: dict) -> list[dict]:
    return [dict(zip(value["headers"], row)) for row in value["data"]]


def bac_ninh_row(client) -> dict:
    table = client.predict([], "labour_productivity", "", api_name="/targets_table")[0]
    rows = [r for r in table_rows(table) if r["Tỉnh/TP"] == "Bắc Ninh"]
    assert rows, table
    return rows[0]


def test_targets_table_compares_provinces_with_links_to_passages(client):
    table, compare, chart, *_ = client.predict([], "labour_productivity", "", api_name="/targets_table")
    rows = table_rows(table)
    assert {"Bắc Ninh", "Nam Định", "Quảng Ninh"} <= {r["Tỉnh/TP"] for r in rows}
    bac_ninh = next(r for r in rows if r["Tỉnh/TP"] == "Bắc Ninh")
    assert "12,5%" in bac_ninh["Giá trị"] and bac_ninh["Văn bản"] == "285/KH-UBND"
    assert LINK.search(bac_ninh["Nguồn"]), bac_ninh
    nam_dinh = {r["Năm"]: r["Giá trị"] for r in rows if r["Tỉnh/TP"] == "Nam Định"}
    assert nam_dinh == {"2025": "trên 7%/năm", "2030": "trên 7,5%/năm"}
    assert "<th>Nam Định</th>" in compare and ">trên 7,5%/năm</a>" in compare
    bars = {row[0]: row[1] for row in chart["data"]}
    assert bars["Bắc Ninh"] == 12.5 and bars["Nam Định"] == 7.5


def test_targets_filters_by_province_and_year(client):
    table = client.predict(["Nam Định"], "labour_productivity", "2030", api_name="/targets_table")[0]
    got = [(r["Tỉnh/TP"], r["Năm"], r["Giá trị"]) for r in table_rows(table)]
    assert got == [("Nam Định", "2030", "trên 7,5%/năm")]
    everything = table_rows(client.predict(["Quảng Ninh"], "", "", api_name="/targets_table")[0])
    assert len({r["Chỉ tiêu"] for r in everything}) > 1 and {r["Tỉnh/TP"] for r in everything} == {"Quảng Ninh"}


def test_csv_and_xlsx_downloads_parse(client, app_url):
    *_, csv_path, xlsx_path = client.predict(["Bắc Ninh", "Nam Định"], "labour_productivity", "",
                                             api_name="/targets_table")
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["Tỉnh/TP"] for r in rows} == {"Bắc Ninh", "Nam Định"}
    bac_ninh = next(r for r in rows if r["Tỉnh/TP"] == "Bắc Ninh")
    assert "12,5%" in bac_ninh["Giá trị"] and bac_ninh["Số hiệu"] == "285/KH-UBND"
    assert bac_ninh["Liên kết"].startswith(f"{app_url}doan/{bac_ninh['chunk_id']}?s=")
    sheet = openpyxl.load_workbook(xlsx_path).active
    header = [c.value for c in sheet[1]]
    values = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert sorted(v["Giá trị"] for v in values) == sorted(r["Giá trị"] for r in rows)
    assert httpx.get(bac_ninh["Liên kết"], timeout=10).status_code == 200  # the exported link opens the passage


def test_passage_page_highlights_the_quoted_sentence(client, app_url, app_assistant):
    path = LINK.search(bac_ninh_row(client)["Nguồn"]).group(1)
    res = httpx.get(app_url.rstrip("/") + path, timeout=10)
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in res.headers["content-security-policy"]
    marked = re.search(r'<mark id="trich">(.*?)</mark>', res.text, re.S).group(1)
    assert "12,5%/năm" in marked and "năng suất lao động" in marked
    chunk_id = urlsplit(path).path.rsplit("/", 1)[-1]
    chunk = app_assistant.store.get_chunks([chunk_id])[0]
    q = {k: int(v[0]) for k, v in parse_qs(urlsplit(path).query).items()}
    assert marked == chunk.page_content[q["s"]:q["e"]]
    for fact in ("Bắc Ninh", "Số hiệu: 285/KH-UBND", "Mở văn bản gốc"):
        assert fact in res.text
    original = re.search(r'<a href="(/tai-lieu/[^"]+)">Mở văn bản gốc</a>', res.text).group(1)
    assert httpx.get(app_url.rstrip("/") + original, timeout=10).status_code == 200


def test_passage_page_of_an_unknown_chunk_is_a_vietnamese_404(app_url):
    for chunk in ("khong-co", "..%2F..%2Fetc%2Fpasswd"):
        res = httpx.get(f"{app_url}doan/{chunk}?s=0&e=5", timeout=10)
        assert res.status_code == 404 and "Không tìm thấy đoạn văn bản" in res.text
    without_offsets = httpx.get(f"{app_url}doan/khong-co?s=abc", timeout=10)
    assert without_offsets.status_code == 404


def test_agency_matrix_and_tasks(client):
    update, _ = client.predict("Nam Định", "", "", api_name="/agency_matrix")
    rows = table_rows(update["value"])
    plans = update["value"]["headers"][1:]
    assert plans and all(p.startswith("Nam Định") for p in plans)
    khcn = next(r for r in rows if r["Cơ quan"] == "Sở Khoa học và Công nghệ")
    cell = khcn[plans[0]]
    assert cell.startswith("[đầu mối](/doan/") and "[chủ trì](/doan/" in cell and LINK.search(cell)
    leads, _ = client.predict("Nam Định", "chủ trì", "", api_name="/agency_matrix")
    assert all("phối hợp" not in c for r in table_rows(leads["value"]) for c in list(r.values())[1:])
    tasks = client.predict("Sở Khoa học và Công nghệ", "Nam Định", "", api_name="/agency_tasks")
    assert tasks.startswith("### Sở Khoa học và Công nghệ") and "**đầu mối**" in tasks and LINK.search(tasks)
    assert "Chọn một cơ quan" in client.predict("", "", "", api_name="/agency_tasks")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(data.strip())


def texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


@pytest.fixture(scope="module")
def song_lam_url(tmp_path_factory, embeddings):
    """An app over the Sông Lam support plan (samples/), which states who may be supported and how."""
    from assistant.service import Assistant
    from common.settings import Settings
    from vectorstore import PlanStore

    folder = tmp_path_factory.mktemp("song-lam")
    shutil.copy(SAMPLES / "ho_tro_doanh_nghiep_song_lam_2025.docx", folder)
    settings = Settings(data_dir=tmp_path_factory.mktemp("song-lam-data"))
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    assert assistant.library.ingest([str(folder)]).ok
    with running_app(assistant) as url:
        yield url


def test_eligibility_cites_the_state_capital_exclusion(song_lam_url):
    client = Client(song_lam_url, verbose=False)
    html = client.predict("Sông Lam", "chế biến thủy sản", "nhỏ", "nhà nước (trên 50% vốn)",
                          api_name="/check_eligibility")
    seen = texts(html)
    criterion = next(t for t in seen if "vốn nhà nước" in t and "50%" in t)
    after = seen[seen.index(criterion) + 1:]
    assert after[0] == "không đáp ứng" and "vốn nhà nước" in after[1]  # a status with its reason, never a bare no
    assert re.search(r'href="/doan/[^"]+\?s=\d+&amp;e=\d+"[^>]*>[^<]*vốn nhà nước', html)
    assert "Đánh giá sơ bộ:" in seen and "Có thể không thuộc đối tượng hỗ trợ" in html
    for heading in ("Tiêu chí trong kế hoạch", "Nội dung và mức hỗ trợ", "Hồ sơ, thủ tục và thời hạn",
                    "Cơ quan liên hệ", "Bước tiếp theo"):
        assert heading in seen
    assert "tối đa 100 triệu đồng" in html and "31/3/2025" in html
    private = client.predict("Sông Lam", "chế biến thủy sản", "nhỏ", "tư nhân", api_name="/check_eligibility")
    assert "Có thể thuộc đối tượng hỗ trợ" in private
    assert "Vui lòng chọn tỉnh" in client.predict("", "", "", "", api_name="/check_eligibility")
    assert "Chưa có kế hoạch nào của Cà Mau" in client.predict("Cà Mau", "", "", "", api_name="/check_eligibility")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make system-deps)")
def test_targets_tab_in_chromium_and_a_passage_link(app_url):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.goto(app_url, wait_until="load")
            page.locator("#question textarea").wait_for(timeout=60_000)
            page.get_by_role("tab", name="Chỉ tiêu").click()
            table = page.locator("#targets-table")
            table.get_by_text("Bắc Ninh").first.wait_for(timeout=30_000)
            assert "khoảng 12,5%/năm" in table.inner_text()
            page.locator("#targets-chart").wait_for(timeout=10_000)
            page.screenshot(path=str(OUTPUT / "facts-targets.png"), full_page=True)
            row = table.locator("[role=row]", has_text="Bắc Ninh").first
            link = row.locator("a[href^='/doan/']").first
            with context.expect_page(timeout=15_000) as opened:
                link.click()
            passage = opened.value
            passage.wait_for_load_state()
            assert "/doan/" in passage.url
            assert "12,5%/năm" in passage.locator("mark#trich").inner_text()
            assert passage.get_by_role("link", name="Mở văn bản gốc").get_attribute("href").startswith("/tai-lieu/")
        finally:
            context.close()
            browser.close()


def test_plan_summary_tab_writes_a_word_briefing_with_footnotes(client, app_assistant):
    import zipfile

    from docx import Document

    nam_dinh = next(p for p in app_assistant.facts.plans() if p.province == "Nam Định")
    bac_ninh = next(p for p in app_assistant.facts.plans() if p.province == "Bắc Ninh")
    path, message = client.predict([nam_dinh.doc_id], api_name="/plan_summary")
    assert "Tóm tắt" in message and path.endswith(".docx")
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "trên 7,5%/năm" in text and "Sở Khoa học và Công nghệ" in text
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
    assert "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm" in notes
    path, message = client.predict([nam_dinh.doc_id, bac_ninh.doc_id], api_name="/plan_summary")
    assert path.endswith("so-sanh-ke-hoach.docx") and "Bắc Ninh" in message and "Nam Định" in message
    assert client.predict([], api_name="/plan_summary") == (None, "Chọn ít nhất một kế hoạch.")
    none, gone = client.predict(["khong-co-van-ban-nay"], api_name="/plan_summary")
    assert none is None and "Không tìm thấy" in gone
