"""Read a document's targets, responsibilities and eligibility rules from its chunks (in document order).

Rules work over the parsed structure the chunks carry: the section path (a target section, the "Tổ chức thực
hiện" section whose sub-headings name agencies, the "Đối tượng" / "Mức hỗ trợ" sections), table rows with their
header ("Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành") and the sentences themselves.
Sentences that give the assistant orders (``assistant.injection``) are never read as facts.

>>> from langchain_core.documents import Document
>>> chunk = Document(page_content="- Đào tạo 12 chuyên gia năng suất chất lượng.", metadata={
...     "doc_id": "d1", "chunk_id": "d1-0", "province": "Sông Lam", "section_path": "I. MỤC TIÊU > a) Đến năm 2025"})
>>> [(t.indicator, t.low, t.year) for t in extract_facts([chunk]).targets]
[('experts', 12.0, 2025)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from langchain_core.documents import Document

from assistant.facts.agencies import find_agencies, roles_in
from assistant.facts.eligibility import applies_to, line_kind, rate_and_ceiling, sectors
from assistant.facts.targets import _TARGET_CUE, _YEAR_REF, _ref_year, folded, is_target_context, sentence_targets
from assistant.facts.types import EligibilityRule, FactSource, PlanFacts, Responsibility, Target
from assistant.injection import is_instruction
from assistant.sentences import Unit, split_units

_ORG_SECTION = re.compile(r"to chuc thuc hien|trach nhiem|phan cong")
_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hạn chót|không muộn hơn)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?(?:\s+(?:hằng|hàng) năm)?"
    r"|(?:trước|chậm nhất)\s+(?:tháng|quý)\s+[\wIVX]+(?:/\d{4})?|quý\s+[IV]+/\d{4}|tháng\s+\d{1,2}/\d{4}"
    r"|định kỳ\s+(?:hằng|hàng)\s+(?:năm|quý|tháng)|định kỳ\s+\d+\s+tháng|(?:hằng|hàng) năm"
    r"|(?:vào|trong) năm\s+20\d\d", re.IGNORECASE)
_ROLE_VERB = re.compile(r"dau moi|thuong truc|chu tri|phoi hop (?:chat che )?voi|duoc giao|co trach nhiem")
_PARTNER = re.compile(r"phoi hop (?:chat che )?voi\s+")
_LIST_GAP = re.compile(r"^(?:\s*tinh)?[\s,;]*(?:va\s+)?$")
_STANDING = re.compile(r"\s*(?:la|lam)\s+(?:co quan|don vi)\s+(?:thuong truc|dau moi)")
_CLOSING = re.compile(r"\s*(?:trên đây là|trong quá trình (?:thực hiện|triển khai)|nơi nhận)", re.IGNORECASE)
_REPORT_TYPES = ("báo cáo", "tin tức")


def deadline_of(text: str) -> str:
    found = [m.group(0) for m in _DEADLINE.finditer(text)]
    return "; ".join(dict.fromkeys(found))


def _source(chunk: Document, unit: Unit) -> FactSource:
    m = chunk.metadata
    page = m.get("page")
    return FactSource(
        doc_id=str(m.get("doc_id", "")), chunk_id=str(m.get("chunk_id", "")), title=str(m.get("title", "")),
        doc_number=str(m.get("doc_number", "")), province=str(m.get("province", "")),
        level=str(m.get("scope") or m.get("level") or "tỉnh"), section_path=str(m.get("section_path", "")),
        page=page if isinstance(page, int) and not isinstance(page, bool) else None,
        quote=unit.text, start=unit.start, end=unit.end, issued_date=str(m.get("issued_date", "")),
        source=str(m.get("source", "")), doc_type=str(m.get("doc_type", "")))


def _paragraphs(text: str, units: list[Unit]) -> list[list[Unit]]:
    """Units grouped by paragraph (line), in order."""
    groups: dict[int, list[Unit]] = {}
    for u in units:
        groups.setdefault(text.rfind("\n", 0, u.start) + 1, []).append(u)
    return [groups[k] for k in sorted(groups)]


def _head_year(head: str) -> int | None:
    """The year a target paragraph's opening sets for what follows ("mục tiêu cụ thể đặt ra đến năm 2025:")."""
    refs = list(_YEAR_REF.finditer(head))
    return _ref_year(refs[-1])[0] if refs and _TARGET_CUE.search(folded(head)) else None


def table_header(chunk: Document) -> str:
    """The header row of the table a chunk's rows belong to: from the metadata, or the chunk's own first row."""
    if chunk.metadata.get("table_header"):
        return str(chunk.metadata["table_header"])
    for line in chunk.page_content.split("\n"):
        if " | " in line and re.search(r"chu tri|nhiem vu|noi dung", folded(line)) and not re.search(r"\d{2}", line):
            return line
    return ""


def _table_responsibilities(chunk: Document, unit: Unit) -> list[Responsibility]:
    header = [h.strip() for h in table_header(chunk).split("|")]
    cells = [c.strip() for c in unit.text.split("|")]
    if len(header) < 3 or len(cells) != len(header):
        return []
    col = {folded(h): i for i, h in enumerate(header)}

    def find(pattern: str) -> int | None:
        return next((i for h, i in col.items() if re.search(pattern, h)), None)

    task_i, lead_i, partner_i, time_i = find(r"nhiem vu|noi dung|cong viec"), find(r"chu tri"), find(r"phoi hop"), \
        find(r"thoi gian|thoi han|tien do")
    if task_i is None or lead_i is None:
        return []
    task = cells[task_i]
    deadline = cells[time_i] if time_i is not None else deadline_of(task)
    src = _source(chunk, unit)
    out = [Responsibility(a.name, a.text, "chủ trì", task, deadline, src) for a in find_agencies(cells[lead_i])]
    if partner_i is not None:
        out += [Responsibility(a.name, a.text, "phối hợp", task, deadline, src) for a in find_agencies(cells[partner_i])]
    return out


def heading_agencies(heading: str) -> list[Any]:
    """Agencies a "Tổ chức thực hiện" sub-heading names, including lists such as "Các Sở, Ngành: Công Thương;
    Y tế; ..." where "Sở" is said once for all."""
    m = re.match(r"\s*(?:\d+[.)]\s*)?các sở,?\s*(?:ban,?\s*)?ngành\s*:?\s*(.+)", heading, re.IGNORECASE)
    if m:
        names = [p.strip(" .") for p in re.split(r"[;,]", m.group(1)) if p.strip(" .")]
        return [a for n in names for a in find_agencies(n if re.match(r"(?:ban|ubnd|ủy ban|hội|liên minh|đài|báo)\b", n,
                                                                          re.IGNORECASE) else "Sở " + n)[:1]]
    return find_agencies(heading)


def _partners(text: str, low: str, agencies: list[Any], exclude: str) -> list[Any]:
    """Agencies named right after "phối hợp với" (up to the verb that follows the list)."""
    out = []
    for m in _PARTNER.finditer(low):
        stop = re.search(r"\s(?:thuc hien|trien khai|tham muu|to chuc|tuyen truyen|de |trong |theo )|[;.]", low[m.end():])
        end = m.end() + (stop.start() if stop else len(low) - m.end())
        out += [a for a in agencies if m.end() <= a.start < end and a.name != exclude]
    return out


def _unit_responsibilities(chunk: Document, unit: Unit, agencies_of_heading: list[Any],
                           heading: str) -> list[Responsibility]:
    text = unit.text
    if _CLOSING.match(text):
        return []
    src = _source(chunk, unit)
    deadline = deadline_of(text)
    low = folded(text)
    agencies = find_agencies(text)
    if agencies_of_heading:
        body = text
        head = folded(heading).rstrip(" :")
        if head and low.startswith(head):
            body = text[len(head):].lstrip(" :")
        if len(body) < 12:
            return []  # the heading line itself
        # "giao Chi cục ... là đơn vị thường trực": the standing unit is the agency named there
        named = {a.name for a in agencies_of_heading}
        standing = [a for a in agencies if a.name not in named and _STANDING.match(low[a.end:a.end + 40])]
        if standing:
            return [Responsibility(a.name, a.text, "đầu mối", text, deadline, src) for a in standing]
        roles = roles_in(body)
        out = [Responsibility(a.name, a.text, role, text, deadline, src)
               for a in agencies_of_heading for role in roles]
        if {"chủ trì", "đầu mối"} & set(roles):
            out += [Responsibility(p.name, p.text, "phối hợp", text, deadline, src)
                    for p in _partners(text, low, agencies, "") if p.name not in named]
        return out
    verb = _ROLE_VERB.search(low)
    if not verb:
        return []
    before = [a for a in agencies if a.end <= verb.start()]
    if not before or verb.start() - before[-1].end > 80:
        return []
    subjects = [before[-1]]  # "Liên minh HTX tỉnh, Hiệp hội Doanh nghiệp tỉnh; Sở Tài chính phối hợp ...": all of them
    for a in reversed(before[:-1]):
        if not _LIST_GAP.match(low[a.end:subjects[0].start]):
            break
        subjects.insert(0, a)
    roles = roles_in(text[subjects[-1].end:])
    out = [Responsibility(a.name, a.text, role, text, deadline, src) for a in subjects for role in roles]
    if {"chủ trì", "đầu mối"} & set(roles):
        out += [Responsibility(p.name, p.text, "phối hợp", text, deadline, src)
                for p in _partners(text, low, agencies, "") if p.name not in {a.name for a in subjects}]
    return out


def _eligibility(chunk: Document, unit: Unit, heading: str) -> list[EligibilityRule]:
    if folded(unit.text).rstrip(" :") == folded(heading).rstrip(" :"):
        return []  # the heading line ("1. Đối tượng được hỗ trợ")
    kind = line_kind(str(chunk.metadata.get("section_path", "")), unit.text)
    if kind is None:
        return []
    rate, ceiling = rate_and_ceiling(unit.text) if kind == "mức hỗ trợ" else ("", "")
    src = _source(chunk, unit)
    text = unit.text
    out = []
    priority = re.search(r"(?:;|,)\s*(?:trong đó\s+)?ưu tiên", text, re.IGNORECASE) if kind == "đối tượng" else None
    if priority:  # "đối tượng ... là các doanh nghiệp ...; trong đó ưu tiên các DN thuộc các ngành ..."
        tail = text[priority.start() + 1:].strip()
        out.append(EligibilityRule("ưu tiên", tail, applies_to(tail), sectors(tail), "", "", src))
        text = text[:priority.start()]
    listed = sectors(text) if kind in ("ưu tiên", "đối tượng") else ()
    out.insert(0, EligibilityRule(kind, text, applies_to(text), listed, rate, ceiling, src))
    return out


def extract_facts(chunks: Sequence[Document], doc_metadata: dict[str, Any] | None = None) -> PlanFacts:
    """All facts of one document; ``chunks`` are its chunks in order (metadata as stored)."""
    meta = dict(doc_metadata or (chunks[0].metadata if chunks else {}))
    doc_type = str(meta.get("doc_type", ""))
    targets: dict[tuple[Any, ...], Target] = {}
    duties: dict[tuple[str, str, str], Responsibility] = {}
    rules: dict[tuple[str, str], EligibilityRule] = {}
    report = doc_type == "báo cáo"
    carry, carry_year, carry_section = False, None, None
    for chunk in chunks:
        text = chunk.page_content
        section = str(chunk.metadata.get("section_path", ""))
        in_org = bool(_ORG_SECTION.search(folded(section)))
        last_heading = section.split(">")[-1].strip() if section else ""
        first_line = text.lstrip().split("\n", 1)[0]
        if folded(first_line).startswith(folded(last_heading).rstrip(" :")) and len(first_line) < 400:
            last_heading = first_line.split(":")[0] if ":" in first_line[:160] else first_line  # "5. Các Sở, Ngành: ..."
        agencies_of_heading = heading_agencies(first_line if "ngành:" in first_line.lower()[:40] else last_heading) \
            if in_org else []
        if section != carry_section:
            carry, carry_year = False, None
        previous = False
        for p_i, para in enumerate(_paragraphs(text, split_units(text))):
            head = para[0].text
            # A target paragraph: its section or opening says so; or it continues one cut by the chunk boundary;
            # or it follows one and opens with a figure ("Từ 12 đến 15 tỉnh, thành phố ...").
            continues = (p_i == 0 and carry) or (previous and bool(re.match(r"(?:[-+•]\s*)?(?:từ\s+)?\d", head, re.I)))
            context = is_target_context(section, head) or continues
            year = _head_year(head) or (carry_year if continues else None)
            for unit in para:
                if is_instruction(unit.text):
                    continue
                if not report and (context or _TARGET_CUE.search(folded(unit.text))) or \
                        report and _TARGET_CUE.search(folded(unit.text)):
                    for t in sentence_targets(unit.text, section, context_year=year, achievements_possible=report):
                        src = _source(chunk, unit)
                        key = (t.indicator, t.low, t.high, t.year, t.subset, src.level)
                        # no year of its own: the plan's period ("khoảng 12,5%/năm" of a plan for 2023-2030)
                        period = t.period or ("" if t.year else str(meta.get("period", "")))
                        targets.setdefault(key, Target(**{**vars(t), "period": period}, source=src))
                if " | " in unit.text and table_header(chunk):
                    found = _table_responsibilities(chunk, unit)
                elif unit.text == first_line and agencies_of_heading and "ngành:" in first_line.lower()[:40]:
                    found = []  # "5. Các Sở, Ngành: Công Thương; Y tế; ...": the heading, not a task
                elif in_org or _ROLE_VERB.search(folded(unit.text)):
                    found = _unit_responsibilities(chunk, unit, agencies_of_heading, last_heading)
                else:
                    found = []
                for r in found:
                    duties.setdefault((r.agency, r.role, r.task), r)
                for rule in _eligibility(chunk, unit, last_heading):
                    rules.setdefault((rule.kind, rule.text), rule)
            previous = context
            carry, carry_year = context, year
        carry_section = section
    return PlanFacts(
        doc_id=str(meta.get("doc_id", "")), title=str(meta.get("title", "")), province=str(meta.get("province", "")),
        doc_number=str(meta.get("doc_number", "")), doc_type=doc_type, issued_date=str(meta.get("issued_date", "")),
        targets=tuple(targets.values()), responsibilities=tuple(duties.values()), eligibility=tuple(rules.values()),
        metadata={k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool))})
