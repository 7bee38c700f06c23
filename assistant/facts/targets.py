"""Targets (chỉ tiêu) read from a plan's passages by rules over its structure.

A sentence or list item is a target statement when its section is about targets ("Mục tiêu", "Chỉ tiêu",
"Mục đích") or it says so itself ("mục tiêu", "phấn đấu"), or its paragraph opens with "mục tiêu cụ thể". In it,
each value with a unit that names a known indicator becomes a :class:`Target`; the year is the nearest year or
period the sentence (else the section heading) gives for it. Achievement figures of a report ("ước đạt 6,5%",
"đạt 41,7% chỉ tiêu") are not targets; a figure after "mục tiêu" in such a sentence is.

>>> [(t.indicator, t.value_text, t.year) for t in sentence_targets(
...     "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm.", "b) Mục tiêu đến 2030")]
[('labour_productivity', 'trên 7,5%/năm', 2030)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.indicators import COUNT_NOUNS, LABELS, classify_count, classify_percent
from common.text import strip_diacritics

_QUALIFIERS = r"trên|hơn|ít nhất|tối thiểu|khoảng từ|khoảng|từ|tới|dưới|không quá|tối đa|không dưới"
_NUM = r"\d+(?:[.,]\d+)?"
VALUE = re.compile(
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?<![\w/.,])(?P<low>{_NUM})(?:\s*%(?=\s*(?:-|–|đến|tới)\s*\d))?"
    rf"(?:\s*(?:-|–|đến|tới)\s*(?P<high>{_NUM}))?(?![\w/])(?P<pct>\s*%(?:\s*/\s*năm)?)?",
    re.IGNORECASE)
_YEAR_REF = re.compile(
    r"(?:giai đoạn|gđ|thời kỳ)\s*(?P<p1>20\d\d)\s*[-–]\s*(?P<p2>20\d\d)"
    r"|(?P<q1>20\d\d)\s*[-–]\s*(?P<q2>20\d\d)"
    r"|(?:đến|tới|đến hết|hết|trong|vào|năm|đến cuối)\s+(?:năm\s+)?(?P<y>20\d\d)(?![\d/])",
    re.IGNORECASE)
_TARGET_SECTION = re.compile(r"muc tieu|chi tieu|muc dich")
_TARGET_CUE = re.compile(r"muc tieu|phan dau|chi tieu|dat duoc|hinh thanh duoc|du kien")
_ACHIEVED = re.compile(r"uoc dat|da ho tro|da dao tao|da giai ngan|da xay dung|ket qua|thap hon|cao hon|"
                       r"so voi|dat \d+(?:[.,]\d+)?% chi tieu|\d+/\d+")
_AFTER_TARGET_WORD = re.compile(r"muc tieu[^;]{0,40}$")


def folded(text: str) -> str:
    """Lower case without diacritics, same length as ``text`` (offsets carry over)."""
    out = strip_diacritics(text).lower()
    return out if len(out) == len(text) else "".join(strip_diacritics(c).lower()[:1] or " " for c in text)


@dataclass(frozen=True)
class FoundTarget:
    indicator: str
    label: str
    value_text: str
    qualifier: str
    low: float
    high: float
    unit: str
    year: int | None
    period: str
    subset: bool


def is_target_context(section_path: str, paragraph_head: str) -> bool:
    return bool(_TARGET_SECTION.search(folded(section_path.split(">")[-1] if section_path else ""))
                or _TARGET_SECTION.search(folded(section_path))
                or re.search(r"muc tieu cu the|muc tieu den|cac chi tieu", folded(paragraph_head)))


def _ref_year(m: re.Match[str]) -> tuple[int, str]:
    if m.group("p1") or m.group("q1"):
        a, b = (m.group("p1"), m.group("p2")) if m.group("p1") else (m.group("q1"), m.group("q2"))
        return int(b), f"{a}-{b}"
    return int(m.group("y")), ""


def _year_for(text: str, start: int, end: int, clause: tuple[int, int], values: list[tuple[int, int]],
              after_pos: int = 0) -> tuple[int | None, str]:
    """The year a value is set for: the closest year or period of its clause with no other value in between
    ("trên 60% ... đến hết năm 2025 ... và đến 2030 có 90%"), else the closest one before it in the sentence."""
    refs = [m for m in _YEAR_REF.finditer(text) if m.start() >= after_pos]
    between = lambda a, b: any(a <= v0 < b for v0, _ in values if v0 != start)  # noqa: E731
    best, best_d = None, None
    for m in refs:
        if not (clause[0] <= m.start() < clause[1]):
            continue
        if m.end() <= start and not between(m.end(), start):
            d = start - m.end()
        elif m.start() >= end and not between(end, m.start()):
            d = m.start() - end
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = m, d
    if best is None:
        before = [m for m in refs if m.end() <= clause[0]]
        best = before[-1] if before else None
    return _ref_year(best) if best else (None, "")


def _count_noun(after: str) -> tuple[str, int] | None:
    """The counted noun right after a number (allowing "lượt" and a two-word gap), with its end offset."""
    stripped = after.lstrip()
    skip = len(after) - len(stripped)
    for noun in COUNT_NOUNS:
        if stripped.startswith(noun) and (len(stripped) == len(noun) or not stripped[len(noun)].isalnum()):
            return noun, skip + len(noun)
    return None


def sentence_targets(text: str, section_path: str = "", context_year: int | None = None,
                     achievements_possible: bool = False) -> list[FoundTarget]:
    """The targets one sentence or list item states (``text`` is assumed to be a target statement)."""
    low_text = folded(text)
    achieved = bool(_ACHIEVED.search(low_text)) or achievements_possible
    heading_year = None
    for m in _YEAR_REF.finditer(section_path.split(">")[-1] if section_path else ""):
        heading_year = _ref_year(m)[0]
    clauses = [(m.start(), m.end()) for m in re.finditer(r"[^;:]+", text)]
    matches = list(VALUE.finditer(text))
    values = [(m.start(), m.end()) for m in matches]
    out: list[FoundTarget] = []
    last_pct: tuple[str, str] | None = None  # (indicator, first word after) of the previous percentage
    for m in matches:
        low_raw, high_raw, pct = m.group("low"), m.group("high"), m.group("pct")
        low = float(low_raw.replace(",", "."))
        high = float(high_raw.replace(",", ".")) if high_raw else low
        if not pct and 1900 <= low <= 2100 and "," not in low_raw and "." not in low_raw:
            continue  # a year
        if re.search(r"(?:iso|tcvn|iec|số|nghị định)\s*$", text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
            continue
        c_start, c_end = next(((a, b) for a, b in clauses if a <= m.start() < b), (0, len(text)))
        before = low_text[c_start:m.start()]
        after = low_text[m.end():c_end]
        cue = _AFTER_TARGET_WORD.search(low_text[max(0, m.start() - 60):m.start()])
        if achieved and not cue:
            continue
        if after.lstrip().startswith("chi tieu"):
            continue  # "đạt 41,7% chỉ tiêu": a completion rate
        if pct:
            indicator = classify_percent(before, after)
            noun = re.findall(r"[a-z]+", after.lstrip(" /")[:30].removeprefix("nam"))[:2]
            if indicator is None and last_pct and (last_pct[1] == " ".join(noun) or not noun or noun[0] in (
                    "vao", "va", "trong", "den", "tro", "nam")):
                # "TFP ... giai đoạn 2023-2025 đạt 45-47%; giai đoạn 2026-2030 đạt trên 50%": the same indicator
                indicator = last_pct[0]
            if indicator is not None:
                last_pct = (indicator, " ".join(noun))
            unit = "%/năm" if "/" in pct else "%"
            value_end = m.end()
        else:
            found = _count_noun(after)
            if found is None:
                continue
            noun, noun_end = found
            indicator = classify_count(noun, before, low_text[m.end() + noun_end:c_end], low_text[:m.start()])
            unit = text[m.end():m.end() + noun_end].strip()
            value_end = m.end() + noun_end
        if indicator is None:
            continue
        qual = (m.group("qual") or "").lower()
        value_text = text[m.start():value_end].strip()
        if pct and re.match(r"\s*/\s*năm", text[m.end():m.end() + 8]):
            value_text = text[m.start():m.end() + text[m.end():].index("năm") + 3].strip()
            unit = "%/năm"
        after_pos = max(0, m.start() - 60) + cue.start() if achieved and cue else 0
        year, period = _year_for(text, m.start(), value_end, (c_start, c_end), values, after_pos)
        if year is None:
            year = heading_year or context_year
        subset = bool(re.search(r"\btrong do\b[^;]{0,60}$", low_text[max(0, m.start() - 60):m.start()]))
        out.append(FoundTarget(indicator, LABELS[indicator], value_text, qual, low, high, unit, year, period, subset))
    return out
