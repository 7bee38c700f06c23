"""Answers from the targets table for questions over many plans: "which provinces ...", "compare ...",
"highest / lowest ...". The retrieved passages can hold only a few documents; the table holds every indexed plan,
so these answers are complete, and each line cites the passage its figure was read from.

>>> answerer = TableAnswerer(index, store)  # doctest: +SKIP
>>> answerer.compose(analysis).text  # doctest: +SKIP
'Theo các kế hoạch đã lập chỉ mục, 2 tỉnh/thành phố đặt chỉ tiêu tăng năng suất lao động (%/năm) trên 10%: ...'
"""

from __future__ import annotations

import re

from assistant.evidence import period_bounds
from assistant.extractive import Composition
from assistant.facts.index import FactIndex
from assistant.facts.indicators import LABELS, asked_indicator
from assistant.facts.types import NATIONAL_LABEL, Target
from assistant.types import Citation, Passage
from common.text import fold

# A superlative over the plans ("tỉnh nào đặt chỉ tiêu cao nhất"), not a bound within one target: "ít nhất 100 /
# ít nhất bao nhiêu doanh nghiệp" is "at least", "nhiều nhất bao nhiêu" is "at most".
_BOUND = r"(?!\s+(?:\d|bao nhieu\b|may\b))"
_HIGHEST = re.compile(r"\b(?:cao|lon|nhieu|manh)\b(?:\s+\w+){0,4}?\s+nhat\b" + _BOUND)
_LOWEST = re.compile(r"\b(?:thap|nho|it)\b(?:\s+\w+){0,4}?\s+nhat\b" + _BOUND)


class TableAnswerer:
    """Composes which/compare/superlative answers from :class:`FactIndex` targets."""

    def __init__(self, index: FactIndex, store):  # noqa: ANN001 - a vectorstore.PlanStore
        self.index = index
        self.store = store

    def applies(self, analysis) -> bool:  # noqa: ANN001 - assistant.question.QuestionAnalysis
        folded = analysis.folded
        return (analysis.intent in ("which_docs", "compare") or bool(_HIGHEST.search(folded) or _LOWEST.search(folded))) \
            and asked_indicator(analysis.text) is not None

    def _passages(self, targets: list[Target]) -> dict[str, Passage]:
        ids = list(dict.fromkeys(t.source.chunk_id for t in targets))
        out = {}
        for doc in self.store.get_chunks(ids):
            m = doc.metadata
            page = m.get("page")
            out[m["chunk_id"]] = Passage(
                rank=len(out) + 1, chunk_id=m["chunk_id"], doc_id=str(m.get("doc_id", "")),
                source=str(m.get("source", "")), title=str(m.get("title", "")),
                section_path=str(m.get("section_path", "")), page=page if isinstance(page, int) else None,
                text=doc.page_content, score=1.0, metadata=dict(m))
        return out

    def compose(self, analysis) -> Composition | None:  # noqa: ANN001
        """A table answer, or None when the table has nothing for the question (the caller answers as usual)."""
        if not self.applies(analysis):
            return None
        key = asked_indicator(analysis.text)
        label = LABELS[key].split(" (")[0]
        label = label[0].lower() + label[1:]
        targets = self.index.targets(indicator=key)
        years = [int(y) for y in analysis.years]
        if years:
            # A target with no year of its own counts for the years of its plan's period ("2021-2025",
            # "đến 2030": any year up to 2030).
            targets = [t for t in targets if t.year in years or any(
                b is not None and b[0] <= y <= b[1] for b in [period_bounds(t.period or "")] for y in years)]
        national = [t for t in targets if t.province == NATIONAL_LABEL]
        provincial = [t for t in targets if t.province != NATIONAL_LABEL]
        if analysis.provinces:
            wanted = {fold(p) for p in analysis.provinces}
            provincial = [t for t in provincial if fold(t.province) in wanted]
        cond = analysis.condition
        if cond is not None and analysis.intent == "which_docs":
            provincial = [t for t in provincial if cond.holds(t.low if cond.op == "<" else t.high)]
        if not provincial:
            return None
        lines: list[str] = []
        cited: list[Target] = []

        def cite(t: Target) -> int:
            if t not in cited:
                cited.append(t)
            return cited.index(t) + 1

        by_province: dict[str, list[Target]] = {}
        seen: set[tuple[str, float, float, int | None]] = set()
        # A plan's own text before news or reports restating it; the same figure of a province once.
        for t in sorted(provincial, key=lambda t: (t.province, t.year or 0, t.source.doc_type != "kế hoạch")):
            if (t.province, t.low, t.high, t.year) in seen:
                continue
            seen.add((t.province, t.low, t.high, t.year))
            by_province.setdefault(t.province, []).append(t)
        highest, lowest = _HIGHEST.search(analysis.folded), _LOWEST.search(analysis.folded)
        if highest or lowest:
            pick = max if highest else min
            best = {p: pick(ts, key=lambda t: t.high) for p, ts in by_province.items()}
            order = sorted(best.items(), key=lambda kv: kv[1].high, reverse=bool(highest))
            top_p, top = order[0]
            word = "cao nhất" if highest else "thấp nhất"
            intro = (f"Trong {len(best)} tỉnh/thành phố có chỉ tiêu {label} trong các kế hoạch đã lập chỉ mục, "
                     f"mức {word} là {top_p}: {top.value_text}{self._when(top)} "
                     f"(theo {self._doc(top)}) [{cite(top)}].")
            lines += [f"- {p}: {t.value_text}{self._when(t)} [{cite(t)}]" for p, t in order[1:]]
            head = intro + ("\nCác tỉnh/thành phố khác:" if lines else "")
        else:
            # the question's own threshold is not repeated: every number of an answer comes from a cited passage
            condition = " đáp ứng điều kiện của câu hỏi," if cond is not None and analysis.intent == "which_docs" else ""
            verb = "So sánh chỉ tiêu" if analysis.intent == "compare" else "Các tỉnh/thành phố có chỉ tiêu"
            head = (f"{verb} {label}{condition} theo các kế hoạch đã lập chỉ mục "
                    f"({len(by_province)} tỉnh/thành phố):")
            for p, ts in by_province.items():
                parts = "; ".join(f"{t.value_text}{self._when(t)} [{cite(t)}]" for t in ts)
                lines.append(f"- {p} — {self._doc(ts[0])}: {parts}")
        if national and analysis.intent == "compare" or (national and (highest or lowest)):
            ref = "; ".join(f"{t.value_text}{self._when(t)} [{cite(t)}]" for t in national[:2])
            lines.append(f"Mục tiêu quốc gia: {ref}")
        passages = self._passages(cited)
        citations = [Citation(i, passages[t.source.chunk_id], (t.source.quote,))
                     for i, t in enumerate(cited, start=1) if t.source.chunk_id in passages]
        if len(citations) != len(cited):
            return None  # a document changed while we read: let the retrieval path answer
        text = "\n".join([head, *lines])
        for t in cited:  # a period or year the cited passage does not state is left out
            p = passages[t.source.chunk_id]
            stated = f"{p.text} {p.title} {p.section_path}"
            if not all(y in stated for y in re.findall(r"20\d\d", self._when(t))):
                text = text.replace(f"{t.value_text}{self._when(t)}", t.value_text)
        return Composition(text, True, citations)

    @staticmethod
    def _when(t: Target) -> str:
        if t.period:
            return f" (giai đoạn {t.period})"
        return f" (đến năm {t.year})" if t.year else ""

    @staticmethod
    def _doc(t: Target) -> str:
        s = t.source
        if s.doc_number:
            return f"văn bản số {s.doc_number}"
        title = s.title if len(s.title) <= 80 else s.title[:80].rsplit(" ", 1)[0] + "…"
        return f"“{title}”"
