"""Briefing notes drafted from the facts: "Tóm tắt kế hoạch" for one plan, "So sánh các kế hoạch" for several, as
a Word document where every figure, agency and support line carries a footnote naming the document, its số hiệu,
the section and quoting the sentence it was read from.

>>> plans = select_plans(index.plans(), docs=["285/KH-UBND"], provinces=["Nam Định"])  # doctest: +SKIP
>>> data = plan_summary_docx(plans, today=date(2025, 6, 5))  # doctest: +SKIP
>>> data[:2]  # doctest: +SKIP
b'PK'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from assistant.export import Footnotes, clean, docx_bytes, new_word_document
from assistant.facts.eligibility import KINDS
from assistant.facts.index import _matches_province
from assistant.facts.indicators import LABELS
from assistant.facts.tables import ROLE_ORDER
from assistant.facts.targets import folded
from assistant.facts.types import FactSource, PlanFacts, Responsibility, Target
from common.errors import PlanAssistantError
from common.provinces import MERGER_2025

TITLE_ONE, TITLE_MANY = "Tóm tắt kế hoạch", "So sánh các kế hoạch"
DATED = "Ngày lập:"
INTRO = ("Bản tóm tắt được lập tự động từ các văn bản đã nạp; mỗi số liệu có chú thích nguồn (văn bản, số hiệu, "
         "mục và câu trích nguyên văn). Cần đối chiếu với văn bản gốc trước khi sử dụng chính thức.")
H_INFO, H_TARGETS, H_DUTIES, H_SUPPORT, H_COMPARE = (
    "Thông tin văn bản", "Chỉ tiêu chính", "Tổ chức thực hiện", "Đối tượng và mức hỗ trợ", "Bảng so sánh chỉ tiêu")
NO_TARGETS = "Văn bản đã nạp không nêu chỉ tiêu định lượng."
NO_DUTIES = "Văn bản đã nạp không nêu phân công cơ quan thực hiện."
NOT_STATED = "không ghi"
NOW_LABEL = "Hiện nay"
KIND_HEADINGS = {
    "đối tượng": "Đối tượng được hỗ trợ", "ưu tiên": "Ưu tiên", "điều kiện": "Điều kiện",
    "không hỗ trợ": "Trường hợp không được hỗ trợ", "mức hỗ trợ": "Nội dung và mức hỗ trợ",
    "hồ sơ": "Hồ sơ, thời hạn, nơi nộp",
}
ROLE_LINES = {"đầu mối": "Cơ quan đầu mối", "chủ trì": "Chủ trì", "phối hợp": "Phối hợp", "báo cáo": "Báo cáo",
              "thực hiện": "Thực hiện"}
PLAN_TYPES = ("kế hoạch",)
MAX_TASKS = 12
_BULLET = re.compile(r"^[-+•]\s+")  # a list item's dash is not part of the quoted sentence
_LEAD = re.compile(r"^\s*(?:[-+•]|\d{1,2}[.)]|[a-zđ][.)])\s+")


class SummaryError(PlanAssistantError, ValueError):
    """The plans asked for cannot be found (the message names the id, number or province)."""

    vi = "Không lập được bản tóm tắt kế hoạch."


# ---------------------------------------------------------------- selecting plans


def _has_facts(plan: PlanFacts) -> bool:
    return bool(plan.targets or plan.responsibilities or plan.eligibility)


def _prefer_plans(found: list[PlanFacts]) -> list[PlanFacts]:
    """Among documents that match, the plans themselves; else the ones facts were read from; else all."""
    return [p for p in found if p.doc_type in PLAN_TYPES] or [p for p in found if _has_facts(p)] or found


def _number(text: str) -> str:
    return re.sub(r"\s+", "", folded(text))


def find_documents(plans: Sequence[PlanFacts], ref: str) -> list[PlanFacts]:
    """The documents ``ref`` names: a doc_id (or a unique prefix of at least 6 characters), else a số hiệu."""
    ref = ref.strip()
    exact = [p for p in plans if p.doc_id == ref]
    if exact:
        return exact
    if len(ref) >= 6:
        prefixed = [p for p in plans if p.doc_id.startswith(ref)]
        if len(prefixed) == 1:
            return prefixed
    wanted = _number(ref)
    numbered = [p for p in plans if wanted and p.doc_number and _number(p.doc_number) == wanted]
    return _prefer_plans(numbered)


def select_plans(plans: Sequence[PlanFacts], docs: Iterable[str] = (),
                 provinces: Iterable[str] = ()) -> list[PlanFacts]:
    """The plans to summarise: each doc_id / số hiệu in ``docs``, then the plans of each province, in that
    order without repeats. Raises :class:`SummaryError` naming the first reference that matches nothing.

    A province brings its documents of type "kế hoạch" (else those facts were read from)."""
    docs, provinces = [d for d in docs if d and d.strip()], [p for p in provinces if p and p.strip()]
    if not docs and not provinces:
        raise SummaryError("no plan chosen: give at least one document (doc_id or số hiệu) or province")
    chosen: dict[str, PlanFacts] = {}
    for ref in docs:
        found = find_documents(plans, ref)
        if not found:
            raise SummaryError(f"no indexed document has the id or number {ref!r}")
        chosen.update((p.doc_id, p) for p in found)
    for province in provinces:
        found = _prefer_plans([p for p in plans if p.province and _matches_province(p.province, province)])
        if not found:
            raise SummaryError(f"no indexed plan of the province {province!r}")
        chosen.update((p.doc_id, p) for p in found)
    return list(chosen.values())


# ---------------------------------------------------------------- wording


def plan_name(plan: PlanFacts) -> str:
    """"Nam Định", "Bắc Ninh (285/KH-UBND)": the province and the số hiệu, else the start of the title."""
    where = plan.province or clean(plan.title)[:60]
    return f"{where} ({plan.doc_number})" if plan.doc_number else where


def _names(plans: Sequence[PlanFacts]) -> list[str]:
    names = [plan_name(p) for p in plans]
    for i, plan in enumerate(plans):
        if names.count(names[i]) > 1:  # two plans of one province without a number: tell them apart
            names[i] = f"{names[i]}, {vietnamese_date(plan.issued_date) or plan.doc_id}"
    return names


def vietnamese_date(iso: str) -> str:
    """ "2023-10-02" → "02/10/2023", "2023-03" → "03/2023"; anything else as given.

    >>> vietnamese_date("2023-10-02"), vietnamese_date("2023-03"), vietnamese_date("")
    ('02/10/2023', '03/2023', '')
    """
    parts = (iso or "").strip().split("-")
    if all(x.isdigit() for x in parts) and 2 <= len(parts) <= 3 and len(parts[0]) == 4:
        return "/".join(reversed(parts))
    return (iso or "").strip()


def note_label(source: FactSource) -> str:
    """The footnote's first line: document — số hiệu — section — page — province (parts present only)."""
    title = clean(source.title).strip() or clean(source.source).strip() or "Tài liệu không tên"
    parts = [title]
    if source.doc_number and source.doc_number not in title:
        parts.append(f"số hiệu {clean(source.doc_number)}")
    if source.section_path:
        parts.append(f"mục {clean(source.section_path)}")
    if source.page:
        parts.append(f"trang {source.page}")
    if source.where and source.where not in title:
        parts.append(source.where)
    return " — ".join(parts)


def _shorten(text: str, limit: int = 240) -> str:
    text = re.sub(r"\s+", " ", clean(text)).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _group(target: Target) -> tuple[int, str]:
    if target.year:
        return (0, f"Đến năm {target.year}")
    if target.period:
        return (1, f"Giai đoạn {target.period}")
    return (2, "Không ghi năm")


def targets_by_year(plan: PlanFacts) -> list[tuple[str, list[Target]]]:
    """The plan's main targets (no "trong đó" parts) grouped by year, then by period; indicators in a fixed order."""
    order = {key: i for i, key in enumerate(LABELS)}
    groups: dict[tuple[int, str], list[Target]] = {}
    for t in plan.targets:
        if not t.subset:
            groups.setdefault(_group(t), []).append(t)
    return [(name, sorted(ts, key=lambda t: order.get(t.indicator, len(order))))
            for (_, name), ts in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]))]


def _when(target: Target) -> str:
    return f"đến năm {target.year}" if target.year else (f"giai đoạn {target.period}" if target.period else "")


# ---------------------------------------------------------------- Word


class _Notes:
    """Footnotes keyed by the quoted sentence: a fact cited twice gets one note, referenced twice."""

    def __init__(self, footnotes: Footnotes):
        self.footnotes = footnotes
        self.numbers: dict[tuple[str, int, int], int] = {}

    def cite(self, paragraph: Paragraph, *sources: FactSource) -> None:
        refs: list[int] = []
        for s in sources:
            key = (s.chunk_id, s.start, s.end)
            if key not in self.numbers:
                self.numbers[key] = len(self.numbers) + 1
                quote = _BULLET.sub("", clean(s.quote).strip(), count=1)
                self.footnotes.add(self.numbers[key], note_label(s), [quote])
            if self.numbers[key] not in refs:
                refs.append(self.numbers[key])
        if refs:
            self.footnotes.references(paragraph, tuple(refs))


def _line(document: DocxDocument, label: str, text: str = "", bullet: bool = True) -> Paragraph:
    para = document.add_paragraph(style="List Bullet" if bullet else None)
    if label:
        para.add_run(f"{label}: " if text or not bullet else label).bold = True
    if text:
        para.add_run(clean(text))
    return para


def _info(document: DocxDocument, plan: PlanFacts) -> None:
    document.add_heading(H_INFO, level=2)
    _line(document, "Tên văn bản", clean(plan.title) or NOT_STATED)
    _line(document, "Số hiệu", plan.doc_number or NOT_STATED)
    _line(document, "Ngày ban hành", vietnamese_date(plan.issued_date) or NOT_STATED)
    _line(document, "Tỉnh/thành phố", plan.province or NOT_STATED)
    now = current_province(plan.province)
    if now:
        _line(document, NOW_LABEL, now)
    if plan.doc_type:
        _line(document, "Loại văn bản", plan.doc_type)


def current_province(province: str) -> str:
    """What the plan's province is since the 2025 arrangement, "" when it is still the same unit by name.

    >>> current_province("Nam Định"), current_province("Thừa Thiên Huế"), current_province("Bắc Ninh")
    ('thuộc tỉnh Ninh Bình (sáp nhập từ 01/7/2025)', 'thành phố Huế', '')
    """
    if not province or MERGER_2025.current_name(province) == province:
        return ""
    new = MERGER_2025.successor(province)
    if new == province:  # renamed, not merged
        return f"{MERGER_2025.kind(new)} {MERGER_2025.current_name(new)}"
    return f"thuộc {MERGER_2025.kind(new)} {MERGER_2025.current_name(new)} (sáp nhập từ 01/7/2025)"


def _targets(document: DocxDocument, notes: _Notes, plan: PlanFacts) -> None:
    document.add_heading(H_TARGETS, level=2)
    groups = targets_by_year(plan)
    if not groups:
        document.add_paragraph(NO_TARGETS)
        return
    for name, targets in groups:
        document.add_heading(name, level=3)
        for t in targets:
            para = _line(document, LABELS.get(t.indicator, t.label), t.value_text)
            notes.cite(para, t.source)


def _distinct(duties: Iterable[Responsibility]) -> dict[str, Responsibility]:
    """The first duty of each agency, agencies in order of appearance."""
    first: dict[str, Responsibility] = {}
    for r in duties:
        first.setdefault(r.agency, r)
    return first


def _duties(document: DocxDocument, notes: _Notes, plan: PlanFacts) -> None:
    document.add_heading(H_DUTIES, level=2)
    if not plan.responsibilities:
        document.add_paragraph(NO_DUTIES)
        return
    for role in ROLE_ORDER:
        agencies = _distinct(r for r in plan.responsibilities if r.role == role)
        if not agencies:
            continue
        para = document.add_paragraph(style="List Bullet")
        para.add_run(f"{ROLE_LINES[role]}: ").bold = True
        for i, (agency, duty) in enumerate(agencies.items()):
            para.add_run(("" if i == 0 else ", ") + clean(agency))
            notes.cite(para, duty.source)
    tasks: dict[tuple[str, str], list[Responsibility]] = {}
    for r in plan.responsibilities:
        if r.role in ("đầu mối", "chủ trì") or r.deadline:
            tasks.setdefault((r.agency, r.task), []).append(r)
    if not tasks:
        return
    document.add_paragraph().add_run("Nhiệm vụ chính").bold = True
    for (agency, task), duties in list(tasks.items())[:MAX_TASKS]:
        roles = [x for x in ROLE_ORDER if any(d.role == x for d in duties)]
        deadline = next((d.deadline for d in duties if d.deadline), "")
        para = _line(document, f"{clean(agency)} ({', '.join(roles)})", _shorten(_LEAD.sub("", task, count=1)))
        if deadline:
            para.add_run(" — thời hạn: ").italic = True
            para.add_run(clean(deadline))
        notes.cite(para, duties[0].source)


def _support(document: DocxDocument, notes: _Notes, plan: PlanFacts) -> None:
    if not plan.eligibility:
        return
    document.add_heading(H_SUPPORT, level=2)
    for kind in KINDS:
        rules = [e for e in plan.eligibility if e.kind == kind]
        if not rules:
            continue
        document.add_paragraph().add_run(KIND_HEADINGS.get(kind, kind.capitalize())).bold = True
        for rule in rules:
            para = _line(document, "", _shorten(_LEAD.sub("", rule.text, count=1), 320))
            notes.cite(para, rule.source)


def _plan_section(document: DocxDocument, notes: _Notes, plan: PlanFacts, heading: str) -> None:
    document.add_heading(heading, level=1)
    _info(document, plan)
    _targets(document, notes, plan)
    _duties(document, notes, plan)
    _support(document, notes, plan)


def _comparison(document: DocxDocument, notes: _Notes, plans: Sequence[PlanFacts], names: list[str]) -> None:
    document.add_heading(H_COMPARE, level=1)
    indicators = [key for key in LABELS if any(t.indicator == key and not t.subset for p in plans for t in p.targets)]
    if not indicators:
        document.add_paragraph(NO_TARGETS)
        return
    table = document.add_table(rows=1, cols=len(plans) + 1)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].paragraphs[0].add_run("Chỉ tiêu").bold = True
    for cell, name in zip(header[1:], names):
        cell.paragraphs[0].add_run(clean(name)).bold = True
    for key in indicators:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(LABELS[key])
        for cell, plan in zip(cells[1:], plans):
            para = cell.paragraphs[0]
            mine = sorted((t for t in plan.targets if t.indicator == key and not t.subset),
                          key=lambda t: (t.year is None, t.year or 0, t.period))
            if not mine:
                para.add_run("—")
            for i, t in enumerate(mine):
                when = _when(t)
                para.add_run(("; " if i else "") + clean(t.value_text) + (f" ({when})" if when else ""))
                notes.cite(para, t.source)
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(10)


def summary_title(plans: Sequence[PlanFacts]) -> str:
    names = _names(plans)
    return f"{TITLE_ONE}: {names[0]}" if len(plans) == 1 else f"{TITLE_MANY}: {', '.join(names)}"


def plan_summary_docx(plans: Sequence[PlanFacts], *, today: date | None = None) -> bytes:
    """The briefing note as .docx bytes: title, date, then for a comparison the indicator × plan table, then one
    section per plan (document information, targets by year, agencies and tasks, support lines)."""
    plans = list(plans)
    if not plans:
        raise SummaryError("no plan chosen: nothing to summarise")
    names = _names(plans)
    document, footnotes = new_word_document(summary_title(plans), f"{DATED} {(today or date.today()):%d/%m/%Y}")
    document.add_paragraph().add_run(INTRO).italic = True
    notes = _Notes(footnotes)
    if len(plans) > 1:
        _comparison(document, notes, plans, names)
    for plan, name in zip(plans, names):
        heading = clean(plan.title) if len(plans) == 1 and plan.title else name
        _plan_section(document, notes, plan, heading)
    return docx_bytes(document)
