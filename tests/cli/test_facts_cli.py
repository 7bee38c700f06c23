"""The facts commands run as a subprocess over a real index of the corpus and the samples: targets, agencies,
eligibility and summary, in their table, JSON and CSV forms, and their errors."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.cli.test_cli import run

TFP_QUOTE = ("Tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) vào tăng trưởng GRDP của tỉnh bình quân giai "
             "đoạn 2023-2025 đạt khoảng từ 45-47%; giai đoạn 2026-2030 đạt trên 50%.")


@pytest.fixture(scope="module")
def data(tmp_path_factory, library_dir) -> Path:
    """A data directory holding the shared corpus and the samples, ingested once by the CLI itself."""
    folder = tmp_path_factory.mktemp("facts-data")
    res = run(["ingest", str(library_dir)], folder)
    assert res.returncode == 0, res.stderr
    assert "facts: targets:" in res.stderr
    return folder


def test_targets_json_carries_values_and_their_sentences(data):
    res = run(["targets", "--province", "Bắc Ninh", "--json"], data)
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip().splitlines()) == 1  # one JSON array, nothing else on stdout
    rows = json.loads(res.stdout)
    assert rows and {r["province"] for r in rows} == {"Bắc Ninh"}
    for key in ("indicator", "label", "value_text", "qualifier", "low", "high", "unit", "year", "period", "title",
                "doc_number", "section", "quote", "chunk_id", "source"):
        assert key in rows[0], key
    labour = [r for r in rows if r["indicator"] == "labour_productivity"]
    assert [r["value_text"] for r in labour] == ["khoảng 12,5%/năm"]
    assert "12,5%/năm" in labour[0]["quote"] and labour[0]["doc_number"] == "285/KH-UBND"
    assert labour[0]["source"].endswith("003_b2a90f66a4f11357.txt")
    tfp = {r["year"]: r for r in rows if r["indicator"] == "tfp_contribution"}
    assert (tfp[2025]["low"], tfp[2025]["high"], tfp[2025]["value_text"]) == (45.0, 47.0, "khoảng từ 45-47%")
    assert tfp[2025]["quote"] == TFP_QUOTE and tfp[2030]["value_text"] == "trên 50%"
    for r in rows:  # every value is read from its own quoted sentence
        assert r["value_text"].split()[-1].split("/")[0] in r["quote"]


def test_targets_filters_by_indicator_words_and_year(data):
    res = run(["targets", "--indicator", "năng suất lao động", "--year", "2030", "--json"], data)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert {r["indicator"] for r in rows} == {"labour_productivity"} and {r["year"] for r in rows} == {2030}
    nam_dinh = [r for r in rows if r["province"] == "Nam Định"]
    assert [r["value_text"] for r in nam_dinh] == ["trên 7,5%/năm"]
    assert nam_dinh[0]["section"] == "I. MỤC TIÊU > 2. Mục tiêu cụ thể > b) Mục tiêu đến 2030"


def test_targets_csv_parses(data):
    res = run(["targets", "--province", "Nam Định", "--indicator", "TFP", "--csv"], data)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {(r["Năm"], r["Giá trị"]) for r in rows} == {("2025", "40%"), ("2030", "45%")}
    assert all(r["Tỉnh/TP"] == "Nam Định" and r["Trích dẫn"] and r["chunk_id"] for r in rows)


def test_targets_table_has_vietnamese_headers(data):
    res = run(["targets", "--province", "Bắc Ninh"], data)
    assert res.returncode == 0, res.stderr
    header = res.stdout.splitlines()[0]
    for name in ("Tỉnh/TP", "Năm", "Chỉ tiêu", "Giá trị", "Số hiệu", "Mục"):
        assert name in header
    assert "khoảng 12,5%/năm" in res.stdout and "khoảng từ 45-47%" in res.stdout


def test_unknown_indicator_lists_the_valid_ones(data):
    res = run(["targets", "--indicator", "số cây xanh"], data)
    assert res.returncode == 2
    assert "'số cây xanh'" in res.stderr
    assert "labour_productivity — Tăng năng suất lao động (%/năm)" in res.stderr and "tfp_contribution" in res.stderr
    assert res.stdout == ""


def test_unknown_province_and_both_formats_are_errors(data):
    res = run(["targets", "--province", "Hà Giang", "--json"], data)
    assert res.returncode == 2 and "'Hà Giang'" in res.stderr and "Bắc Ninh" in res.stderr
    assert run(["targets", "--json", "--csv"], data).returncode == 2


def test_agencies_lead_agency_of_nam_dinh(data):
    res = run(["agencies", "--province", "Nam Định", "--role", "đầu mối", "--json"], data)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows and {r["agency"] for r in rows} == {"Sở Khoa học và Công nghệ"}
    assert all(r["role"] == "đầu mối" and r["province"] == "Nam Định" for r in rows)
    assert "đầu mối" in rows[0]["quote"] and rows[0]["section"].startswith("IV. TỔ CHỨC THỰC HIỆN")
    table = run(["agencies", "--province", "Nam Định", "--role", "đầu mối"], data)
    assert table.stdout.splitlines()[0].split()[:2] == ["Cơ", "quan"]
    assert "Sở Khoa học và Công nghệ" in table.stdout


def test_agencies_by_name_and_csv(data):
    res = run(["agencies", "--agency", "Sở Công Thương", "--csv"], data)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {r["Cơ quan"] for r in rows} == {"Sở Công Thương"}
    assert {"Nam Định", "Sông Lam"} <= {r["Tỉnh/TP"] for r in rows}
    bad = run(["agencies", "--role", "giám sát"], data)
    assert bad.returncode == 2 and "đầu mối, chủ trì, phối hợp, báo cáo, thực hiện" in bad.stderr


def test_eligibility_of_a_state_owned_enterprise_shows_the_exclusion(data):
    args = ["eligibility", "--province", "Sông Lam", "--ownership", "nhà nước (trên 50% vốn)", "--size", "nhỏ"]
    res = run(args + ["--json"], data)
    assert res.returncode == 0, res.stderr
    plans = json.loads(res.stdout)
    plan = next(p for p in plans if p["doc_number"] == "12/KH-UBND")
    exclusion = next(c for c in plan["criteria"] if "vốn nhà nước chiếm trên 50%" in c["text"])
    assert exclusion["kind"] == "không hỗ trợ" and exclusion["status"] == "không đáp ứng" and exclusion["note"]
    assert exclusion["quote"] == "- Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ."
    assert "Các trường hợp không được hỗ trợ" in exclusion["section"]
    assert plan["assessment"].startswith("Có thể không thuộc") and plan["next_steps"]
    assert any(s["ceiling"] for s in plan["support"])
    text = run(args, data).stdout
    assert "[không đáp ứng] (không hỗ trợ) Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ." in text
    assert "Bước tiếp theo:" in text and "Nguồn: 12/KH-UBND — II." in text


def test_eligibility_of_a_private_enterprise_and_bad_choices(data):
    res = run(["eligibility", "--province", "Sông Lam", "--ownership", "tư nhân", "--sector", "chế biến thủy sản",
               "--json"], data)
    plan = next(p for p in json.loads(res.stdout) if p["doc_number"] == "12/KH-UBND")
    assert plan["assessment"].startswith("Có thể thuộc")
    assert not any(c["status"] == "không đáp ứng" for c in plan["criteria"])
    bad = run(["eligibility", "--province", "Sông Lam", "--size", "khổng lồ"], data)
    assert bad.returncode == 2 and "siêu nhỏ; nhỏ; vừa; lớn" in bad.stderr
    missing = run(["eligibility"], data)
    assert missing.returncode == 2 and "--province" in missing.stderr


def test_summary_writes_a_word_file_with_footnotes(data, tmp_path):
    out = tmp_path / "so-sanh.docx"
    res = run(["summary", "--doc", "285/KH-UBND", "--province", "Nam Định", "-o", str(out)], data)
    assert res.returncode == 0, res.stderr
    assert "Bắc Ninh (285/KH-UBND)" in res.stderr and "Nam Định" in res.stderr
    with zipfile.ZipFile(out) as z:
        body, notes = z.read("word/document.xml").decode(), z.read("word/footnotes.xml").decode()
    assert "So sánh các kế hoạch" in body and "khoảng 12,5%/năm" in body
    assert "trên 7,5%/năm" in notes and "285/KH-UBND" in notes


def test_summary_errors_name_what_was_not_found(data, tmp_path):
    res = run(["summary", "--doc", "999/KH-UBND", "-o", str(tmp_path / "a.docx")], data)
    assert res.returncode == 2 and "'999/KH-UBND'" in res.stderr and not (tmp_path / "a.docx").exists()
    res = run(["summary", "--province", "Hà Giang", "-o", str(tmp_path / "a.docx")], data)
    assert res.returncode == 2 and "'Hà Giang'" in res.stderr
    assert run(["summary", "-o", str(tmp_path / "a.docx")], data).returncode == 2
    assert run(["summary", "--province", "Nam Định", "-o", str(tmp_path / "a.pdf")], data).returncode == 2
