r"""What the "Chỉ tiêu", "Trách nhiệm" and "Kiểm tra đủ điều kiện" tabs and the passage page show, as plain values
(no gradio here): tables as pandas DataFrames whose link cells point to ``/doan/{chunk_id}?s=..&e=..``, HTML and
Markdown strings, export files. Everything read from documents is escaped.

>>> src = FactSource("d1", "d1-c3", "Kế hoạch <45>", "45/KH-UBND", "Sông Lam", "tỉnh", "I. MỤC TIÊU", 1,
...                  "Tăng 7%/năm.", 10, 22)
>>> passage_url(src)
'/doan/d1-c3?s=10&e=22'
>>> passage_link(src, "[x](y)")
'[\\[x\\](y)](/doan/d1-c3?s=10&e=22)'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
from langchain_core.documents import Document

from assistant.facts.check import CHECK, FAILS, INFO, MEETS, EnterpriseProfile, PlanEligibility
from assistant.facts.index import FactIndex
from assistant.facts.indicators import LABELS
from assistant.facts.tables import (
    AGENCY_COLUMNS,
    CURRENT_COLUMN,
    ROLE_ORDER,
    TARGET_COLUMNS,
    agency_matrix,
    chart_points,
    comparison,
    responsibility_rows,
    target_rows,
    to_csv,
    to_xlsx,
)
from assistant.facts.types import NATIONAL_LABEL, FactSource, Responsibility, Target
from assistant.presentation import escape_markdown
from common.provinces import MERGER_2025

LINK_TEXT = "Xem đoạn trích"
TABLE_COLUMNS = ["Tỉnh/TP", CURRENT_COLUMN, "Chỉ tiêu", "Năm", "Giai đoạn", "Giá trị", "Nguồn", "Từ", "Đến", "Đơn vị",
                 "Văn bản"]
TABLE_TYPES = ["str", "str", "str", "str", "str", "str", "markdown", "number", "number", "str", "str"]
CHART_COLUMNS = ["Tỉnh/TP", "Giá trị", "Năm", "Nhãn"]
LINK_COLUMN = "Liên kết"
NO_TARGETS = "<p><em>Không có chỉ tiêu nào khớp bộ lọc.</em></p>"
CHOOSE_PROVINCE = "Vui lòng chọn tỉnh/thành phố nơi doanh nghiệp hoạt động."
CHOOSE_AGENCY = "Chọn một cơ quan để xem nhiệm vụ và thời hạn."
DISCLAIMER = ("Kết quả đối chiếu dựa trên các văn bản đã nạp và chỉ để tham khảo: điều kiện hỗ trợ do cơ quan chủ trì "
              "kế hoạch xác nhận khi xét hồ sơ.")
STATUS_CLASS = {MEETS: "meets", FAILS: "fails", CHECK: "check", INFO: "info"}
PASSAGE_CSS = """
body { font-family: system-ui, sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; line-height: 1.55; }
.meta { color: #57606a; font-size: 0.9em; }
blockquote { border-left: 3px solid #f59e0b; margin: 1em 0; padding: 0.5em 1em; background: #fffdf5; }
mark { background: #fde68a; }
"""


def _year(value: str | int | None) -> int | None:
    """A year filter: digits only ("", None or anything else: no filter)."""
    return int(value) if str(value or "").strip().isdigit() else None


def _e(value: Any) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


def _item(text: str) -> str:
    """A list item's text without its leading dash or bullet (the passage page keeps the verbatim quote)."""
    return text.strip().lstrip("-–•+* ").strip()


# -- links -------------------------------------------------------------------------------------------------------

def passage_url(source: FactSource) -> str:
    """The passage page of a fact's source, with the quoted sentence's offsets."""
    return f"/doan/{quote(source.chunk_id, safe='')}?s={int(source.start)}&e={int(source.end)}"


def passage_link(source: FactSource, text: str = LINK_TEXT) -> str:
    """A Markdown link to the passage; ``text`` (often from a document) is escaped."""
    return f"[{escape_markdown(text)}]({passage_url(source)})"


def passage_anchor(source: FactSource, text: str = LINK_TEXT) -> str:
    """An HTML link to the passage; ``text`` is escaped."""
    return f'<a href="{_e(passage_url(source))}" target="_blank" rel="noopener">{_e(text)}</a>'


# -- the passage page ----------------------------------------------------------------------------------------------

def _page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{PASSAGE_CSS}</style>'
            f"</head><body>{body}</body></html>")


def _offsets(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    return start, end


def passage_page(chunk: Document, start: int | None = None, end: int | None = None) -> str:
    """The cited passage: its document, province, number, section and page, the quoted sentence in <mark>."""
    m = chunk.metadata
    text = chunk.page_content
    span = _offsets(text, start, end)
    if span:
        a, b = span
        quoted = f'{_e(text[:a])}<mark id="trich">{_e(text[a:b])}</mark>{_e(text[b:])}'
    else:
        quoted = _e(text)
    facts = [x for x in (
        m.get("province") and f"Tỉnh/TP: {MERGER_2025.label(str(m['province']))}",
        m.get("doc_number") and f"Số hiệu: {m['doc_number']}",
        m.get("section_path") and f"Mục: {m['section_path']}",
        m.get("page") and f"Trang {m['page']}",
    ) if x]
    source = str(m.get("source", ""))
    if source.startswith(("http://", "https://")):
        href = source
    else:
        page = f"#page={m['page']}" if m.get("page") and m.get("media_type") == "pdf" else ""
        href = f"/tai-lieu/{quote(str(m.get('doc_id', '')), safe='')}{page}"
    title = m.get("title") or source or "Đoạn văn bản"
    body = (f"<h1>{_e(title)}</h1><p class=\"meta\">{_e(' · '.join(facts))}</p>"
            f"<blockquote>{quoted.replace(chr(10), '<br>')}</blockquote>"
            f'<p><a href="{_e(href)}">Mở văn bản gốc</a></p>')
    return _page(str(title), body)


def not_found_page() -> str:
    return _page("Không tìm thấy đoạn văn bản",
                 "<h1>Không tìm thấy đoạn văn bản</h1><p>Đoạn trích này không còn trong thư viện (tài liệu có thể "
                 "đã được cập nhật hoặc xoá). Hãy tra cứu lại trong ứng dụng.</p>"
                 '<p><a href="/">Về trang chính</a></p>')


# -- "Chỉ tiêu" ----------------------------------------------------------------------------------------------------

def province_choices(provinces: Iterable[str]) -> list[tuple[str, str]]:
    """Dropdown choices (shown, value) of provinces, national last: both names are shown for a province merged
    since 1 July 2025, the value stays the name the documents use.

    >>> province_choices(["Nam Định", NATIONAL_LABEL, "Bắc Ninh"])
    [('Bắc Ninh', 'Bắc Ninh'), ('Nam Định (nay: Ninh Bình)', 'Nam Định'), ('Toàn quốc', 'Toàn quốc')]
    """
    names = sorted(set(provinces) - {""}, key=lambda p: (p == NATIONAL_LABEL, p))
    return [(MERGER_2025.label(p), p) for p in names]


def target_choices(index: FactIndex) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """Filter choices from the indexed targets: provinces (shown, value; national last), indicators (label, key),
    years."""
    targets = index.targets()
    provinces = province_choices(t.province for t in targets)
    keys = {t.indicator for t in targets}
    indicators = [(label, key) for key, label in LABELS.items() if key in keys]
    years = sorted({str(t.year) for t in targets if t.year})
    return provinces, indicators, years


def select_targets(index: FactIndex, provinces: Sequence[str] | None, indicator: str | None,
                   year: str | int | None) -> list[Target]:
    """The targets for the filters: any of ``provinces`` (none: all), one indicator key ("" : all), a year."""
    wanted = set(provinces or [])
    targets = index.targets(indicator=indicator or None, year=_year(year))
    return [t for t in targets if not wanted or t.province in wanted]


def targets_frame(targets: Sequence[Target]) -> pd.DataFrame:
    """One row per target, the last column a link to the cited passage."""
    rows = [[t.province, MERGER_2025.current_name(t.province), t.label + (" (trong đó)" if t.subset else ""),
             str(t.year or ""), t.period, t.value_text, passage_link(t.source), t.low, t.high, t.unit,
             t.source.doc_number or t.source.title[:60]]
            for t in targets]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def chart_frame(targets: Sequence[Target], year: str | int | None = None) -> pd.DataFrame:
    """Bars of one indicator across provinces (empty unless the targets are of a single indicator)."""
    if len({t.indicator for t in targets}) != 1:
        return pd.DataFrame(columns=CHART_COLUMNS)
    return pd.DataFrame(chart_points(targets, _year(year)), columns=CHART_COLUMNS)


def comparison_html(targets: Sequence[Target]) -> str:
    """Provinces × years of one indicator; each value links to its passage."""
    if not targets:
        return NO_TARGETS
    if len({t.indicator for t in targets}) != 1:
        return "<p><em>Chọn một chỉ tiêu để so sánh các tỉnh theo năm.</em></p>"
    years, grid, provinces = comparison(targets)
    head = "".join(f"<th>{_e(y if y != '—' else 'Không nêu năm')}</th>" for y in years)
    rows = []
    for province, cells in zip(provinces, grid):
        tds = "".join(f"<td>{passage_anchor(t.source, t.value_text) if t else '—'}</td>" for t in cells)
        rows.append(f"<tr><th>{_e(province)}</th>{tds}</tr>")
    return (f"<table class='facts-compare'><caption>{_e(targets[0].label)}</caption>"
            f"<tr><th>Tỉnh/TP</th>{head}</tr>{''.join(rows)}</table>{merged_note(provinces)}")


def merged_note(provinces: Iterable[str]) -> str:
    """A line under a table naming where its former provinces belong since 1 July 2025 ("" when none is former).

    >>> merged_note(["Bắc Ninh"]), "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình" in merged_note(["Nam Định"])
    ('', True)
    """
    notes = [MERGER_2025.describe(p) for p in dict.fromkeys(provinces) if MERGER_2025.current_name(p) != p]
    if not notes:
        return ""
    return f"<p class='merged-note'><em>{_e('Từ 01/7/2025 (Nghị quyết 202/2025/QH15): ' + '; '.join(notes))}.</em></p>"


def export_targets(targets: Sequence[Target], folder: Path, link_base: str = "") -> tuple[str, str]:
    """The targets as ``chi-tieu.csv`` and ``chi-tieu.xlsx`` in ``folder``; ``link_base`` (the app's address) makes
    the links absolute."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = link_base.rstrip("/")
    rows = [{**row, LINK_COLUMN: base + passage_url(t.source)} for row, t in zip(target_rows(targets), targets)]
    columns = [*TARGET_COLUMNS, LINK_COLUMN]
    csv_path = folder / "chi-tieu.csv"
    csv_path.write_text(to_csv(rows, columns), encoding="utf-8-sig")
    xlsx_path = to_xlsx(rows, columns, folder / "chi-tieu.xlsx", link_base=f"{base}/doan/" if base else "")
    return str(csv_path), str(xlsx_path)


# -- "Trách nhiệm" -------------------------------------------------------------------------------------------------

def responsibility_choices(index: FactIndex) -> list[tuple[str, str]]:
    return province_choices(r.source.where for r in index.responsibilities())


def _roles_cell(duties: Sequence[Responsibility]) -> str:
    """The roles (in the order of ``tables.ROLE_ORDER``), each linked to the passage that states it."""
    first: dict[str, Responsibility] = {}
    for r in duties:
        first.setdefault(r.role, r)
    return ", ".join(passage_link(first[role].source, role) for role in ROLE_ORDER if role in first)


def matrix_frame(duties: Sequence[Responsibility]) -> tuple[pd.DataFrame, list[str]]:
    """Agencies × plans, cells the agency's roles in the plan (linked); also the datatypes for the table."""
    agencies, plans, cells = agency_matrix(duties)
    rows = [[a] + [_roles_cell(cells.get((a, p), [])) for p in plans] for a in agencies]
    return pd.DataFrame(rows, columns=["Cơ quan", *plans]), ["str"] + ["markdown"] * len(plans)


def agency_tasks_markdown(duties: Sequence[Responsibility], agency: str | None) -> str:
    """The chosen agency's tasks and deadlines, plan by plan, each with its passage."""
    if not agency:
        return CHOOSE_AGENCY
    mine = [r for r in duties if r.agency == agency]
    if not mine:
        return f"Không có nhiệm vụ nào của {escape_markdown(agency)} khớp bộ lọc."
    lines = [f"### {escape_markdown(agency)}"]
    plan = None
    for r in sorted(mine, key=lambda r: (r.source.plan_label, ROLE_ORDER.index(r.role) if r.role in ROLE_ORDER else 9)):
        if r.source.plan_label != plan:
            plan = r.source.plan_label
            lines.append(f"\n**{escape_markdown(plan)}** — {escape_markdown(r.source.title[:120])}\n")
        deadline = f" — *Thời hạn: {escape_markdown(r.deadline)}*" if r.deadline else ""
        lines.append(f"- **{escape_markdown(r.role)}**: {escape_markdown(_item(r.task))}{deadline} "
                     f"({passage_link(r.source)})")
    return "\n".join(lines)


def export_responsibilities(duties: Sequence[Responsibility], folder: Path) -> str:
    path = Path(folder) / "trach-nhiem.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv(responsibility_rows(duties), AGENCY_COLUMNS), encoding="utf-8-sig")
    return str(path)


# -- "Kiểm tra đủ điều kiện" ------------------------------------------------------------------------------------

def eligibility_provinces(index: FactIndex) -> list[tuple[str, str]]:
    return province_choices({p.province for p in index.plans()} - {NATIONAL_LABEL})


def _support_line(rule) -> str:  # noqa: ANN001 - an EligibilityRule
    extra = [x for x in (rule.rate and f"Mức: {rule.rate}", rule.ceiling and f"Tối đa: {rule.ceiling}") if x]
    extra_html = f" <span class='terms'>({_e('; '.join(extra))})</span>" if extra else ""
    return f"<li>{_e(_item(rule.text))}{extra_html} {passage_anchor(rule.source)}</li>"


def _plan_html(result: PlanEligibility) -> str:
    plan = result.plan
    number = f" ({plan.doc_number})" if plan.doc_number else ""
    parts = [f"<section class='eligibility-plan'><h3>{_e(plan.title)}{_e(number)}</h3>",
             f"<p class='meta'>{_e(MERGER_2025.label(plan.province) if plan.province else NATIONAL_LABEL)}</p>",
             f"<p class='assessment'><strong>Đánh giá sơ bộ:</strong> {_e(result.assessment)}</p>"]
    if result.checks:
        rows = "".join(
            f"<tr class='{STATUS_CLASS.get(c.status, 'check')}'><td>{_e(c.rule.kind)}</td>"
            f"<td>{passage_anchor(c.rule.source, _item(c.rule.text))}</td>"
            f"<td><strong>{_e(c.status)}</strong></td><td>{_e(c.note)}</td></tr>" for c in result.checks)
        parts.append("<h4>Tiêu chí trong kế hoạch</h4><table class='criteria'><tr><th>Loại</th>"
                     f"<th>Nội dung (trích văn bản)</th><th>Đối chiếu</th><th>Ghi chú</th></tr>{rows}</table>")
    if result.support:
        parts.append("<h4>Nội dung và mức hỗ trợ</h4><ul>" + "".join(map(_support_line, result.support)) + "</ul>")
    if result.procedure:
        parts.append("<h4>Hồ sơ, thủ tục và thời hạn</h4><ul>" + "".join(
            f"<li>{_e(_item(r.text))} {passage_anchor(r.source)}</li>" for r in result.procedure) + "</ul>")
    if result.contacts:
        parts.append("<h4>Cơ quan liên hệ</h4><ul>" + "".join(
            f"<li>{_e(r.agency)} ({_e(r.role)}) {passage_anchor(r.source)}</li>" for r in result.contacts) + "</ul>")
    parts.append("<h4>Bước tiếp theo</h4><ol>" + "".join(f"<li>{_e(s)}</li>" for s in result.next_steps) + "</ol>")
    parts.append("</section>")
    return "".join(parts)


def eligibility_html(results: Iterable[PlanEligibility], profile: EnterpriseProfile) -> str:
    """Per plan: the assessment sentence, every criterion with its status, note and cited text, the support lines,
    procedure and deadlines, contacts and next steps. Never a bare yes or no."""
    if not profile.province:
        return f"<p class='eligibility-empty'>{_e(CHOOSE_PROVINCE)}</p>"
    results = list(results)
    if not results:
        return (f"<p class='eligibility-empty'>Chưa có kế hoạch nào của {_e(profile.province)} trong thư viện, nên "
                "chưa thể đối chiếu điều kiện hỗ trợ. Hãy nạp văn bản của tỉnh hoặc hỏi Sở Khoa học và Công nghệ.</p>")
    told = "; ".join(x for x in (
        f"Tỉnh/TP: {profile.province}", profile.sector and f"Ngành: {profile.sector}",
        profile.size and f"Quy mô: {profile.size}", profile.ownership and f"Loại hình: {profile.ownership}") if x)
    head = (f"<p class='eligibility-profile'>{_e(told)}</p>"
            f"<p class='eligibility-note'><em>{_e(DISCLAIMER)}</em></p>")
    return head + "".join(_plan_html(r) for r in results)
