"""Tables built from the facts: one row per target, a province × year comparison of one indicator, an agency ×
plan matrix of roles; and their export to CSV and XLSX. Pure data: the UI, the CLI and the summary drafts render
these rows.

>>> rows = target_rows(index.targets(indicator="labour_productivity"))  # doctest: +SKIP
>>> rows[0]["Tỉnh/TP"], rows[0]["Giá trị"]  # doctest: +SKIP
('Bắc Ninh', 'khoảng 12,5%/năm')
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.facts.types import NATIONAL_LABEL, Responsibility, Target
from common.provinces import MERGER_2025
from common.spreadsheet import neutralise

# The province as the document names it ("Tỉnh/TP") and, beside it, the one it belongs to since 1 July 2025
# (Nghị quyết 202/2025/QH15): "Nam Định" → "Ninh Bình", "Bắc Ninh" → "Bắc Ninh".
CURRENT_COLUMN = "Tỉnh/TP hiện nay"
TARGET_COLUMNS = ["Chỉ tiêu", "Tỉnh/TP", CURRENT_COLUMN, "Năm", "Giai đoạn", "Giá trị", "Từ", "Đến", "Đơn vị",
                  "Văn bản", "Số hiệu", "Mục", "Trích dẫn", "chunk_id"]
AGENCY_COLUMNS = ["Cơ quan", "Vai trò", "Nhiệm vụ", "Thời hạn", "Tỉnh/TP", CURRENT_COLUMN, "Văn bản", "Số hiệu", "Mục",
                  "chunk_id"]
ROLE_ORDER = ("đầu mối", "chủ trì", "phối hợp", "báo cáo", "thực hiện")


def target_rows(targets: Sequence[Target]) -> list[dict[str, Any]]:
    return [{
        "Chỉ tiêu": t.label + (" (trong đó)" if t.subset else ""), "Tỉnh/TP": t.province,
        CURRENT_COLUMN: MERGER_2025.current_name(t.province), "Năm": t.year or "",
        "Giai đoạn": t.period, "Giá trị": t.value_text, "Từ": t.low, "Đến": t.high, "Đơn vị": t.unit,
        "Văn bản": t.source.title, "Số hiệu": t.source.doc_number, "Mục": t.source.section_path,
        "Trích dẫn": t.source.quote, "chunk_id": t.source.chunk_id,
    } for t in targets]


def responsibility_rows(duties: Sequence[Responsibility]) -> list[dict[str, Any]]:
    return [{
        "Cơ quan": r.agency, "Vai trò": r.role, "Nhiệm vụ": r.task, "Thời hạn": r.deadline, "Tỉnh/TP": r.source.where,
        CURRENT_COLUMN: MERGER_2025.current_name(r.source.where),
        "Văn bản": r.source.title, "Số hiệu": r.source.doc_number, "Mục": r.source.section_path,
        "chunk_id": r.source.chunk_id,
    } for r in duties]


def comparison(targets: Sequence[Target]) -> tuple[list[str], list[list[Target | None]], list[str]]:
    """Provinces × target years of the given targets (one indicator): ``(years, grid, provinces)``; a cell holds
    the first target of that province and year (``None`` when the plan sets none)."""
    years = sorted({str(t.year) if t.year else "—" for t in targets})
    provinces = sorted({t.province for t in targets}, key=lambda p: (p == NATIONAL_LABEL, p))
    cell: dict[tuple[str, str], Target] = {}
    for t in targets:
        cell.setdefault((t.province, str(t.year) if t.year else "—"), t)
    return years, [[cell.get((p, y)) for y in years] for p in provinces], provinces


def chart_points(targets: Sequence[Target], year: int | None = None) -> list[dict[str, Any]]:
    """One bar per province: the target of ``year`` (else the latest year), value = upper end of the range."""
    best: dict[str, Target] = {}
    for t in targets:
        if year is not None and t.year != year:
            continue
        cur = best.get(t.province)
        if cur is None or (t.year or 0) > (cur.year or 0):
            best[t.province] = t
    return [{"Tỉnh/TP": p, "Giá trị": t.high, "Năm": str(t.year or ""), "Nhãn": t.value_text}
            for p, t in sorted(best.items(), key=lambda kv: -kv[1].high)]


def agency_matrix(duties: Sequence[Responsibility]) -> tuple[list[str], list[str], dict[tuple[str, str], list[Responsibility]]]:
    """Agencies × plans: ``(agencies, plans, cells)``; a cell lists the agency's responsibilities in the plan."""
    cells: dict[tuple[str, str], list[Responsibility]] = defaultdict(list)
    for r in duties:
        cells[(r.agency, r.source.plan_label)].append(r)
    plans = sorted({p for _, p in cells})
    weight = defaultdict(int)
    for (agency, _), rs in cells.items():
        weight[agency] += len(rs)
    agencies = sorted({a for a, _ in cells}, key=lambda a: (-weight[a], a))
    return agencies, plans, cells


def roles_text(duties: Sequence[Responsibility]) -> str:
    roles = {r.role for r in duties}
    return ", ".join(r for r in ROLE_ORDER if r in roles)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV with a BOM-less UTF-8 body; text that a spreadsheet could run as a formula is neutralised
    (:mod:`common.spreadsheet`), numbers stay numbers."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(row.get(k, "")) for k in columns})
    return buf.getvalue()


def to_xlsx(rows: Sequence[dict[str, Any]], columns: Sequence[str], path: Path, sheet: str = "Chỉ tiêu",
            link_base: str = "") -> Path:
    """An XLSX workbook: a header row, one row per fact, the citation column linked to the passage page."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([neutralise(row.get(c, "")) for c in columns])
        if link_base and row.get("chunk_id"):
            link = ws.cell(row=ws.max_row, column=list(columns).index("chunk_id") + 1)
            link.hyperlink = f"{link_base}{row['chunk_id']}"
            link.font = Font(color="0563C1", underline="single")
    ws.freeze_panes = "A2"
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(10, len(col) + 4))
    path = Path(path)
    wb.save(path)
    return path
