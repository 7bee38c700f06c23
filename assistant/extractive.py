"""The default answerer: no LLM. It picks the sentences or list items that carry the asked fact from the best
passages and quotes them with [n] markers, naming the document and section. It never writes a number of its own.

>>> answerer = ExtractiveAnswerer()
>>> answerer.compose(analysis, passages).text  # doctest: +SKIP
'Theo Kế hoạch ... tỉnh Nam Định, mục “I. MỤC TIÊU > ...”: “- Góp phần đạt mục tiêu ... trên 7%/năm.” [1]'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from assistant import evidence as ev
from assistant.question import STOPWORDS, QuestionAnalysis
from assistant.sentences import Unit, split_units
from assistant.types import Citation, Passage
from common.abbreviations import expansion_text
from common.text import bigrams, fold, words

_YEAR = re.compile(r"(?<!\d)20\d{2}(?!\d)")
MIN_RELEVANCE = 0.34
NOT_FOUND = "Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu đã lập chỉ mục."


@dataclass
class Composition:
    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    unit: Unit
    relevance: float
    typed: bool
    score: float


def _question_bigrams(a: QuestionAnalysis) -> list[str]:
    return [b for b in dict.fromkeys(bigrams(words(f"{a.text} {expansion_text(a.text)}")))
            if not all(p in STOPWORDS for p in b.split("_"))]


def _overlap(kw: list[str], qb: list[str], uw: set[str], cw: set[str], ub: set[str],
             w: dict[str, float]) -> float:
    total = sum(w.get(t, 1.0) for t in kw) or 1.0
    uni = sum(w.get(t, 1.0) * (1.0 if t in uw else 0.5 if t in cw else 0.0) for t in kw) / total
    if not qb:
        return uni
    total_b = sum(w.get(b, 1.0) for b in qb) or 1.0
    return 0.5 * uni + 0.5 * sum(w.get(b, 1.0) for b in qb if b in ub) / total_b


def doc_label(meta: dict) -> str:
    """How the answer names a document: "Kế hoạch ... (số 285/KH-UBND)" or "bài viết “...”"."""
    title = (meta.get("title") or "").strip().rstrip(".")
    number = meta.get("doc_number") or ""
    if meta.get("doc_type") == "tin tức":
        label = f"bài viết “{title}”"
        province = meta.get("province")
        if province and province not in title:
            label += f" (tỉnh {province})"
        return label
    label = title or (meta.get("doc_type") or "văn bản").capitalize()
    if number and number not in label:
        label += f" (số {number})"
    return label


class ExtractiveAnswerer:
    """Scores every unit of the top passages for relevance, fact type, year and rank; quotes the best."""

    def __init__(self, max_passages: int = 6, min_relevance: float = MIN_RELEVANCE):
        self.max_passages = max_passages
        self.min_relevance = min_relevance

    # ---- scoring ---------------------------------------------------------------------------------------------
    @staticmethod
    def keyword_weights(a: QuestionAnalysis, passages: list[Passage]) -> dict[str, float]:
        """IDF of the question's words and word pairs over the passages at hand: words every passage shares
        ("năng suất" in a plan about productivity) count little, the distinctive ones ("kinh phí") much."""
        terms = set(a.keywords) | set(_question_bigrams(a))
        n = len(passages)
        df = dict.fromkeys(terms, 0)
        for p in passages:
            present = set(words(f"{p.text} {expansion_text(p.text)}"))
            present |= set(bigrams(words(f"{p.text} {expansion_text(p.text)}")))
            for t in terms & present:
                df[t] += 1
        return {t: math.log((n + 1) / (df[t] + 0.5)) for t in terms}

    def _relevance(self, a: QuestionAnalysis, unit: str, context: str,
                   weights: dict[str, float] | None = None) -> tuple[float, float]:
        """(plain, weighted) overlap of the question's words and word pairs with the unit (and, at half weight,
        its section and title). The plain one decides whether anything answers; the weighted one ranks."""
        kw = list(dict.fromkeys(a.keywords))
        if not kw:
            return 0.0, 0.0
        unit_words = words(f"{unit} {expansion_text(unit)}")
        context_words = words(context)
        uw, cw = set(unit_words), set(context_words)
        ub = set(bigrams(unit_words)) | set(bigrams(context_words))
        qb = _question_bigrams(a)
        plain = _overlap(kw, qb, uw, cw, ub, {})
        return plain, (_overlap(kw, qb, uw, cw, ub, weights) if weights else plain)

    def _typed(self, a: QuestionAnalysis, unit: str, p: Passage) -> float:
        heading = p.section_path.rsplit(" > ", 1)[-1]
        intent = a.intent
        if a.wants_money:
            return 1.0 if ev.MONEY.search(unit) else 0.0
        if intent in ("quantity", "which_docs", "compare"):
            if a.wants_percent:
                base = 1.0 if ev.PERCENT.search(unit) else 0.0
            else:
                base = 1.0 if ev.quantities(unit) else 0.0
            if base and ev.has_number_with_unit(unit, a.unit_words):
                base += 0.5
            return base
        if intent == "date":
            return 1.0 if ev.DATE.search(unit) else 0.0
        if intent == "docnumber":
            return 1.0 if ev.DOC_NUMBER.search(unit) else 0.0
        if intent == "signer":
            return 1.0 if p.metadata.get("section_kind") == "signature" else 0.0
        if intent == "person":
            return 1.0 if ev.PERSON.search(unit) or ev.NAME_LINE.match(unit) else 0.0
        if intent == "agency":
            return 1.0 if ev.AGENCY.search(unit) or ev.AGENCY.search(heading) else 0.0
        if intent == "funding":
            return 1.0 if ev.FUNDING.search(unit) or ev.MONEY.search(unit) else 0.0
        if intent == "eligibility":
            return 1.0 if ev.ELIGIBILITY.search(unit) else 0.0
        return 0.5

    def _year_adjust(self, a: QuestionAnalysis, unit: str, p: Passage) -> float:
        if not a.years:
            return 0.0
        asked = set(a.years)
        section_years = set(_YEAR.findall(p.section_path))
        unit_years = set(_YEAR.findall(unit))
        if (unit_years | section_years) & asked:
            return 0.15
        if set(_YEAR.findall(p.title)) & asked:  # a yearly plan: "Kế hoạch ... năm 2025"
            return 0.08
        if section_years or unit_years - {"2021", "2020"}:
            return -0.2
        return 0.0

    @staticmethod
    def _scope_adjust(a: QuestionAnalysis, p: Passage) -> float:
        """A national passage answers a national question, not a question about a province (and vice versa)."""
        national = p.metadata.get("scope") == "quốc gia"
        if a.national:
            return 0.1 if national else 0.0
        if (a.provinces or a.intent == "which_docs") and national:
            return -0.15
        return 0.0

    @staticmethod
    def _role_adjust(a: QuestionAnalysis, unit: str) -> float:
        """For "which agency leads" questions, the lead agency is the "đầu mối"/"chủ trì", not a "phối hợp" one."""
        if a.intent != "agency" or not re.search(r"\b(chu tri|dau moi)\b", a.folded):
            return 0.0
        folded = fold(unit)
        if re.search(r"\bdau moi\b", folded):
            return 0.1
        return -0.1 if folded.startswith("phoi hop") else 0.0

    def unit_scores(self, a: QuestionAnalysis, p: Passage,
                    weights: dict[str, float] | None = None) -> list[Candidate]:
        """Every answer unit of ``p`` scored on its own merits (no retrieval prior)."""
        context = f"{p.section_path} {p.title}"
        out = []
        for unit in split_units(p.text):
            if len(unit.text) < 4:
                continue
            rel, ranked_rel = self._relevance(a, unit.text, context, weights)
            typed = self._typed(a, unit.text, p)
            score = (0.55 * ranked_rel + 0.25 * typed + self._year_adjust(a, unit.text, p)
                     + self._scope_adjust(a, p) + self._role_adjust(a, unit.text))
            out.append(Candidate(p, unit, rel, typed > 0, score))
        return out

    def candidates(self, a: QuestionAnalysis, passages: list[Passage]) -> list[Candidate]:
        across = a.intent in ("which_docs", "compare")
        top = passages if across else passages[: self.max_passages]
        best_score = max((p.score for p in top), default=1.0) or 1.0
        weights = self.keyword_weights(a, passages)
        out = [replace(c, score=c.score + 0.2 * p.score / best_score)
               for p in top for c in self.unit_scores(a, p, weights)]
        out.sort(key=lambda c: c.score, reverse=True)
        return out

    # ---- composing -------------------------------------------------------------------------------------------
    def compose(self, a: QuestionAnalysis, passages: list[Passage], missing_provinces: list[str] | None = None,
                outline: list[Passage] | None = None) -> Composition:
        """The answer to ``a`` from ``passages``; ``outline`` (the sub-sections of the section a list question
        names) is listed, each item cited, when given."""
        if missing_provinces and not any(p.metadata.get("province") in a.provinces for p in passages):
            names = ", ".join(missing_provinces)
            return Composition(f"{NOT_FOUND} Thư viện chưa có tài liệu nào của {names}.", False)
        if a.intent == "list" and outline:
            return self._outline(outline)
        cands = [c for c in self.candidates(a, passages) if c.relevance >= self.min_relevance]
        strict = a.wants_money or a.intent in ("date", "docnumber", "person", "signer", "which_docs", "compare")
        if strict or a.intent == "quantity":
            cands = [c for c in cands if c.typed]
        if a.condition:
            cands = [c for c in cands if self._meets(a, c.unit.text)]
        if not cands:
            return Composition(NOT_FOUND, False)
        if a.intent in ("which_docs", "compare"):
            return self._per_document(a, cands)
        return self._single(a, cands[0])

    def _meets(self, a: QuestionAnalysis, unit: str) -> bool:
        cond = a.condition
        assert cond is not None
        cue = set(a.keywords)
        value = ev.attached_percentage(unit, cue) if cond.percent else None
        if value is None and not cond.percent:
            nums = [ev.to_float(n) for n in ev.NUMBER.findall(unit)]
            value = max(nums) if nums else None
        return value is not None and cond.holds(value)

    def _quote(self, c: Candidate) -> str:
        units = split_units(c.passage.text)
        text = c.unit.text
        idx = next((i for i, u in enumerate(units) if u.start == c.unit.start), None)
        # A heading or an introduction ending in ":" is answered by the items that follow it.
        if idx is not None and (text.endswith(":") or ev.LIST_ITEM.match(text) and len(text) < 40):
            following = [u.text for u in units[idx + 1 : idx + 6]]
            if following:
                return text + " " + " ".join(following)
        return text

    def _single(self, a: QuestionAnalysis, c: Candidate) -> Composition:
        p = c.passage
        label = doc_label(p.metadata)
        section = f", mục “{p.section_path}”" if p.section_path else ""
        if a.intent == "signer" and p.metadata.get("section_kind") == "signature":
            block = " / ".join(u.text for u in split_units(p.text))
            text = f"Theo {label}, văn bản được ký bởi: “{block}” [1]."
            return Composition(text, True, [Citation(1, p, tuple(u.text for u in split_units(p.text)))])
        if a.intent == "list":
            heading = p.section_path.rsplit(" > ", 1)[-1]
            items = [u.text for u in split_units(p.text) if ev.LIST_ITEM.match(u.text) and u.text != heading]
            if len(items) >= 2:
                body = "\n".join(f"{item} [1]" for item in items[:12])
                return Composition(f"Theo {label}{section}:\n{body}", True, [Citation(1, p, tuple(items[:12]))])
        quote = self._quote(c)
        text = f"Theo {label}{section}: “{quote}” [1]"
        return Composition(text, True, [Citation(1, p, (quote,))])

    @staticmethod
    def _outline(outline: list[Passage]) -> Composition:
        first = outline[0]
        parent = first.section_path.split(" > ")[0]
        lines, citations = [], []
        for n, p in enumerate(outline[:15], start=1):
            label = p.section_path.split(" > ")[1]
            first_line = p.text.split("\n", 1)[0].strip()
            heading = first_line if label.rstrip(" …") and first_line.startswith(label.rstrip(" …")) else label
            lines.append(f"- {heading} [{n}]")
            citations.append(Citation(n, p, (first_line,)))
        text = f"Theo {doc_label(first.metadata)}, mục “{parent}” gồm:\n" + "\n".join(lines)
        return Composition(text, True, citations)

    def _per_document(self, a: QuestionAnalysis, cands: list[Candidate]) -> Composition:
        by_doc: dict[str, Candidate] = {}
        for c in cands:
            by_doc.setdefault(c.passage.doc_id, c)
        lines, citations = [], []
        for n, c in enumerate(list(by_doc.values())[:8], start=1):
            m = c.passage.metadata
            who = f"Tỉnh {m['province']}" if m.get("province") else "Văn bản"
            lines.append(f"- {who} — theo {doc_label(m)}: “{c.unit.text}” [{n}]")
            citations.append(Citation(n, c.passage, (c.unit.text,)))
        return Composition("Các tài liệu cho thấy:\n" + "\n".join(lines), True, citations)
