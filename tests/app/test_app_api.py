"""The app driven with gradio_client over HTTP: ask, follow-up, refusal, filters, export, admin, uploads,
concurrency; and the original-file route."""

from __future__ import annotations

import threading
from pathlib import Path

import docx
import httpx
import pytest
from gradio_client import Client, handle_file

from tests.app.conftest import ADMIN_PASSWORD


@pytest.fixture()
def client(app_url):
    return Client(app_url, verbose=False)


def test_ask_returns_the_cli_json(client):
    data = client.predict("Cơ quan nào là đầu mối, chủ trì triển khai kế hoạch nâng cao năng suất của tỉnh Nam Định?",
                          [], api_name="/ask")
    assert data["found"] is True
    assert "Sở Khoa học và Công nghệ" in data["answer"]
    assert data["citations"][0]["section_path"].startswith("IV. TỔ CHỨC THỰC HIỆN")
    assert set(data) >= {"question", "answer", "found", "citations", "passages", "timings_ms"}


def test_follow_up_and_refusal(client):
    follow = client.predict("Còn đến năm 2030 thì sao?",
                            ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"], api_name="/ask")
    assert "7,5%" in follow["answer"]
    refusal = client.predict("Mục tiêu tăng năng suất lao động của tỉnh Cà Mau là bao nhiêu?", [], api_name="/ask")
    assert refusal["found"] is False and refusal["citations"] == []


def test_filters_scope_the_answer(client):
    q = "Mục tiêu tăng năng suất lao động bình quân mỗi năm là bao nhiêu?"
    bn = client.predict(q, [], "Bắc Ninh", "", "", api_name="/ask")
    assert "12,5%" in bn["answer"]
    assert {p["source"].rsplit("/", 1)[-1] for p in bn["passages"]} == {"003_b2a90f66a4f11357.txt"}
    nd = client.predict(q, [], "Nam Định", "", "", api_name="/ask")
    assert "7%" in nd["answer"] and "12,5%" not in nd["answer"]
    none = client.predict(q, [], "", "", "2019", api_name="/ask")
    assert none["found"] is False


def test_export_docx_and_markdown(client):
    q = "Kế hoạch 285/KH-UBND của Bắc Ninh được ban hành ngày nào?"
    path = client.predict(q, [], "docx", api_name="/export")
    document = docx.Document(path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert q in text and "08/9/2023" in text
    md = Path(client.predict(q, [], "md", api_name="/export")).read_text(encoding="utf-8")
    assert "[^1]" in md and "08/9/2023" in md


def test_admin_actions_refuse_a_wrong_password(client, tmp_path):
    message = client.predict("sai-mat-khau", api_name="/login")
    assert "Sai mật khẩu" in message
    f = tmp_path / "x.txt"
    f.write_text("KẾ HOẠCH\nI. MỤC TIÊU\n- Tăng 5%/năm.", encoding="utf-8")
    result = client.predict([handle_file(str(f))], "", api_name="/ingest")
    assert "đăng nhập" in result[0].lower()


def _make_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "Số: 91/KH-UBND", "Hà Giang, ngày 05 tháng 5 năm 2024",
                 "KẾ HOẠCH", "Nâng cao năng suất và chất lượng tỉnh Hà Giang đến năm 2030", "I. MỤC TIÊU",
                 "- Tăng năng suất lao động bình quân trên 6,1%/năm giai đoạn 2024 - 2030.",
                 "II. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ: Là cơ quan đầu mối, chủ trì triển khai Kế hoạch."]:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _make_docx(path: Path) -> None:
    d = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Số: 17/KH-UBND", "KẾ HOẠCH",
                 "Hỗ trợ doanh nghiệp nâng cao năng suất tỉnh Tuyên Quang năm 2025", "I. ĐỐI TƯỢNG",
                 "Doanh nghiệp nhỏ và vừa, hợp tác xã có trụ sở trên địa bàn tỉnh Tuyên Quang.",
                 "II. KINH PHÍ", "Tổng kinh phí thực hiện năm 2025 là 3,2 tỷ đồng."]:
        d.add_paragraph(line)
    d.save(str(path))


def test_upload_pdf_and_docx_then_ask(client, tmp_path):
    message = client.predict(ADMIN_PASSWORD, api_name="/login")
    assert "Đã đăng nhập" in message
    pdf, word = tmp_path / "ha_giang.pdf", tmp_path / "tuyen_quang.docx"
    _make_pdf(pdf)
    _make_docx(word)
    result = client.predict([handle_file(str(pdf)), handle_file(str(word))], "", api_name="/ingest")
    assert "Đã thêm 2" in result[0], result[0]
    ans = client.predict("Mục tiêu tăng năng suất lao động của Hà Giang là bao nhiêu?", [], api_name="/ask")
    assert "6,1%" in ans["answer"] and ans["citations"][0]["page"] == 1
    ans = client.predict("Tổng kinh phí năm 2025 của Tuyên Quang là bao nhiêu tỷ đồng?", [], api_name="/ask")
    assert "3,2 tỷ đồng" in ans["answer"]


def test_uploads_over_the_limit_are_refused_by_the_server(app_url):
    big = b"a" * (6 * 2**20)  # the test app allows 5 MB
    res = httpx.post(f"{app_url}gradio_api/upload", files={"files": ("lon.txt", big, "text/plain")}, timeout=60)
    assert res.status_code in (400, 413), res.status_code


def test_upload_names_cannot_escape_the_library(client, app_assistant, tmp_path):
    client.predict(ADMIN_PASSWORD, api_name="/login")
    evil = tmp_path / "..%2F..%2Fevil.txt"
    evil.write_text("KẾ HOẠCH\nI. MỤC TIÊU\n- Tăng năng suất lao động 5%/năm của tỉnh Yên Bái.", encoding="utf-8")
    client.predict([handle_file(str(evil))], "", api_name="/ingest")
    library = app_assistant.settings.library_path.resolve()
    assert all(p.resolve().parent == library for p in library.iterdir())
    assert not (library.parent / "evil.txt").exists() and not (library.parent.parent / "evil.txt").exists()


def test_original_file_route_serves_only_indexed_documents(app_url, app_assistant):
    doc = next(d for d in app_assistant.store.documents().values() if d.abs_path)
    ok = httpx.get(f"{app_url}tai-lieu/{doc.doc_id}", timeout=10)
    assert ok.status_code == 200 and ok.headers["content-security-policy"] == "sandbox"
    assert httpx.get(f"{app_url}tai-lieu/..%2F..%2Fetc%2Fpasswd", timeout=10).status_code == 404
    assert httpx.get(f"{app_url}tai-lieu/unknown", timeout=10).status_code == 404


def test_health_check_answers_without_building_the_page(app_url):
    got = httpx.get(f"{app_url}healthz", timeout=10)
    assert got.status_code == 200 and got.json() == {"status": "ok"}
    assert "<html" not in got.text.lower()


QUESTIONS = [
    ("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?", None, "7%"),
    ("Còn đến năm 2030 thì sao?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"], "7,5%"),
    ("Bắc Ninh đặt mục tiêu tăng năng suất lao động bao nhiêu phần trăm mỗi năm?", None, "12,5%"),
    ("Ai ký ban hành kế hoạch nâng cao năng suất của Nam Định?", None, "Trần Lê Đoài"),
    ("Giám đốc Sở KH&CN Quảng Ninh là ai?", None, "Hoàng Bá Nam"),
]


def test_twenty_clients_at_once_get_their_own_answers(app_url):
    results: dict[int, dict] = {}
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            question, history, _ = QUESTIONS[i % len(QUESTIONS)]
            results[i] = Client(app_url, verbose=False).predict(question, history or [], api_name="/ask")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert len(results) == 20
    for i, data in results.items():
        question, _, fact = QUESTIONS[i % len(QUESTIONS)]
        assert data["question"] == question
        assert fact in data["answer"], (i, data["answer"])


def test_bad_uploads_get_one_vietnamese_line_each_and_the_rest_is_indexed(client, app_assistant, tmp_path):
    client.predict(ADMIN_PASSWORD, api_name="/login")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "gia.pdf"
    fake.write_bytes(b"<!DOCTYPE html><html><body>not a pdf</body></html>")
    binary = tmp_path / "nhi_phan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    good = tmp_path / "lao_cai.txt"
    good.write_text("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nKẾ HOẠCH\nI. MỤC TIÊU\n- Tăng năng suất lao động bình quân "
                    "6,3%/năm.", encoding="utf-8")
    before = len(app_assistant.store.documents())
    message = client.predict([handle_file(str(p)) for p in (empty, fake, binary, good)], "", api_name="/ingest")[0]
    lines = [line for line in message.split("\n") if line.startswith("❌")]
    assert len(lines) == 3
    assert any("rong.txt: tệp rỗng" in line for line in lines)
    assert any("gia.pdf: tệp có đuôi .pdf nhưng nội dung là trang HTML" in line for line in lines)
    assert any("nhi_phan.txt: tệp nhị phân" in line for line in lines)
    assert "Đã thêm 1" in message
    assert len(app_assistant.store.documents()) == before + 1
