"""Gold questions over a generated scale corpus, in the eval format of ../shared/eval/README.md.

Every fact a document states is a *claim* under two keys: the province and scope it is about ("Nam Định's target
to 2025", "Nam Định's 2024 plan") and the plan number it belongs to. A question is asked only when its key has one
value in the taken documents; when a revision (``sua_doi``) changed the value, the question names the plan by
number instead, or, when only the revision and its original disagree, accepts both values.

>>> _clause("- Hỗ trợ 30 doanh nghiệp. Đào tạo 5 chuyên gia.", ["5 chuyên gia"])
'Đào tạo 5 chuyên gia.'
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench.scale.templates import ABBR, CITIES
from common.text import strip_diacritics

if TYPE_CHECKING:
    from bench.scale.corpus import GeneratedDoc

_PLANS = ("ke_hoach_giai_doan", "ke_hoach_nam", "sua_doi")
_PREFERENCE = {"ke_hoach_giai_doan": 0, "ke_hoach_nam": 0, "sua_doi": 1, "tin_tuc": 2, "bao_cao": 3}
_OWN = ("signer", "issue_date", "doc_number")  # facts of the document itself rather than of the plan it states
_CLAUSE = re.compile(r"(?<=[.;])\s+")
# fact → (kind in the eval format, question templates by province, by plan number). {fn}: "tỉnh X", {P}: "X",
# {Y}: the plan's year, {num}: the plan's number.
_QUESTIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "lp_2025": ("target", ("Mục tiêu tăng năng suất lao động của {fn} đến năm 2025 là bao nhiêu?",
                           "{P} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu mỗi năm đến năm 2025?"),
                ("Kế hoạch số {num} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu mỗi năm đến năm 2025?",)),
    "lp_2030": ("target", ("Đến năm 2030, {fn} đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu?",
                           "Mục tiêu tăng năng suất lao động của {P} đến năm 2030 là bao nhiêu phần trăm?"),
                ("Theo Kế hoạch số {num}, mục tiêu tăng năng suất lao động đến năm 2030 là bao nhiêu?",)),
    "lp_year": ("target", ("Kế hoạch năm {Y} của {fn} đặt chỉ tiêu tăng năng suất lao động bao nhiêu?",
                           "Chỉ tiêu tăng năng suất lao động năm {Y} của {P} là bao nhiêu?"),
                ("Kế hoạch số {num} đặt chỉ tiêu tăng năng suất lao động năm {Y} là bao nhiêu?",)),
    "tfp_2025": ("target", ("Đến năm 2025, TFP đóng góp bao nhiêu phần trăm vào tăng trưởng GRDP của {fn}?",), ()),
    "tfp_2030": ("target", ("Mục tiêu tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của {fn} đến năm 2030 là bao nhiêu?",), ()),
    "tfp_year": ("target", ("Năm {Y}, {fn} đặt mục tiêu TFP đóng góp bao nhiêu phần trăm vào tăng trưởng GRDP?",), ()),
    "enterprises_2025": ("count", ("Đến năm 2025, {fn} đặt mục tiêu hỗ trợ bao nhiêu doanh nghiệp nâng cao năng suất?",), ()),
    "enterprises_2030": ("count", ("Đến năm 2030, {fn} sẽ hỗ trợ bao nhiêu doanh nghiệp áp dụng công cụ cải tiến năng suất?",), ()),
    "enterprises_year": ("count", ("Kế hoạch năm {Y} của {fn} hỗ trợ bao nhiêu doanh nghiệp?",),
                         ("Kế hoạch số {num} hỗ trợ bao nhiêu doanh nghiệp trong năm {Y}?",)),
    "experts_2025": ("count", ("{fn} đặt mục tiêu đào tạo bao nhiêu chuyên gia năng suất chất lượng đến năm 2025?",), ()),
    "experts_year": ("count", ("Năm {Y}, {fn} đào tạo bao nhiêu chuyên gia năng suất chất lượng?",), ()),
    "budget@period": ("funding", ("Tổng kinh phí thực hiện kế hoạch nâng cao năng suất đến năm 2030 của {fn} là bao nhiêu?",
                                  "Kế hoạch giai đoạn đến 2030 của {P} cần tổng kinh phí bao nhiêu?"),
                      ("Tổng kinh phí thực hiện Kế hoạch số {num} là bao nhiêu?",)),
    "budget@year": ("funding", ("Kinh phí thực hiện kế hoạch năm {Y} của {fn} là bao nhiêu?",),
                    ("Kế hoạch số {num} có tổng kinh phí bao nhiêu?",)),
    "lead_agency@period": ("agency", ("Cơ quan nào chủ trì kế hoạch nâng cao năng suất đến năm 2030 của {fn}?",),
                           ("Cơ quan nào chủ trì Kế hoạch số {num}?",)),
    "lead_agency@year": ("agency", ("Cơ quan nào chủ trì kế hoạch năm {Y} của {fn}?",
                                    "Kế hoạch năm {Y} của {P} giao cơ quan nào chủ trì?"),
                         ("Kế hoạch số {num} do cơ quan nào chủ trì thực hiện?",)),
    "signer@period": ("person", ("Ai ký kế hoạch nâng cao năng suất đến năm 2030 của {fn}?",), ("Ai ký Kế hoạch số {num}?",)),
    "signer@year": ("person", ("Ai ký ban hành kế hoạch năm {Y} của {fn}?",), ("Kế hoạch số {num} do ai ký?",)),
    "report_deadline@period": ("date", ("Theo kế hoạch đến năm 2030 của {fn}, cơ quan chủ trì phải báo cáo kết quả trước ngày nào hằng năm?",),
                               ("Theo Kế hoạch số {num}, cơ quan chủ trì báo cáo kết quả trước ngày nào hằng năm?",)),
    "report_deadline@year": ("date", ("Theo kế hoạch năm {Y} của {fn}, cơ quan chủ trì phải báo cáo kết quả trước ngày nào?",),
                             ("Theo Kế hoạch số {num}, cơ quan chủ trì báo cáo kết quả trước ngày nào hằng năm?",)),
    "issue_date@year": ("date", ("Kế hoạch năm {Y} của {fn} được ban hành ngày nào?",), ()),
    "doc_number@period": ("docnumber", ("Kế hoạch nâng cao năng suất đến năm 2030 của {fn} có số hiệu là gì?",), ()),
    "doc_number@year": ("docnumber", ("Số hiệu kế hoạch năm {Y} của {fn} là gì?",), ()),
    "lp_achieved@report": ("target", ("Năm {Y}, tốc độ tăng năng suất lao động của {fn} ước đạt bao nhiêu?",), ()),
    "enterprises_supported@report": ("count", ("Năm {Y}, {fn} đã hỗ trợ được bao nhiêu doanh nghiệp theo kế hoạch?",), ()),
}
_WEIGHTS = {"target": 0.3, "count": 0.1, "funding": 0.13, "agency": 0.13, "person": 0.08, "date": 0.08,
            "docnumber": 0.04, "by-docnumber": 0.14}


@dataclass(frozen=True)
class Claim:
    """One fact stated by one document: where, what value, and a verbatim quote of it."""

    doc: GeneratedDoc
    fact: str       # "lp_2025", "budget@year", ...
    value: str
    quote: str

    @property
    def scope(self) -> str:
        return "period" if self.doc.facts.get("subject") == "ke_hoach_giai_doan" and self.doc.kind != "bao_cao" \
            else str(self.doc.year)


def _clause(line: str, needles: list[str]) -> str | None:
    for part in _CLAUSE.split(line):
        if all(n in part for n in needles):
            return part.strip().lstrip("-+ ").strip()
    return None


def _quote(text: str, needles: list[str], after: str | None = None) -> str | None:
    """The first clause (after the first ``after``, case-insensitive) that contains every needle."""
    start = text.lower().find(after) if after else 0
    for line in text[max(start, 0):].split("\n"):
        if all(n in line for n in needles):
            found = _clause(line, needles)
            if found:
                return found
    return None


def _date_forms(value: str) -> list[str]:
    d, m, y = (int(x) for x in value.split("/"))
    return list(dict.fromkeys([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"ngày {d} tháng {m} năm {y}",
                               f"ngày {d:02d} tháng {m:02d} năm {y}"]))


def answers(fact: str, value: str, facts: dict[str, str]) -> list[str]:
    """The acceptable spellings of ``value`` in an answer.

    >>> answers("lp_2025", "6,8", {})
    ['6,8%', '6.8%']
    """
    name = fact.split("@")[0]
    if name.startswith(("lp_", "tfp_")):
        return list(dict.fromkeys([f"{value}%", f"{value.replace(',', '.')}%"]))
    if name.startswith("enterprises_supported"):
        return [value, f"{value.split('/')[0]} doanh nghiệp"]
    if name.startswith("enterprises_"):
        return [f"{value} doanh nghiệp"]
    if name.startswith("experts_"):
        return [f"{value} chuyên gia"]
    if name == "budget":
        unit = facts["budget_unit"]
        alt = value.replace(",", ".") if unit == "tỷ đồng" else value.replace(".", "")
        return list(dict.fromkeys([f"{value} {unit}", f"{alt} {unit.split()[0]}"]))
    if name == "lead_agency":
        return list(dict.fromkeys([value, ABBR.get(value, value)]))
    if name == "report_deadline":
        d, m = value.split("/")
        return [value, f"{int(d)} tháng {int(m)}"]
    if name == "issue_date":
        return _date_forms(value)
    return [value]


def _needles(fact: str, value: str, facts: dict[str, str]) -> list[list[str]]:
    name = fact.split("@")[0]
    if name.startswith("lp_achieved"):
        return [["năng suất lao động", f"ước đạt {value}%"]]
    if name.startswith("lp_"):
        return [["năng suất lao động", f"{value}%"]]
    if name.startswith("tfp_"):
        return [["TFP", f"{value}%"]]
    if name == "enterprises_supported":
        return [[f"{value} doanh nghiệp"]]
    if name == "budget":
        return [["kinh phí", f"{value} {facts['budget_unit']}"]]
    if name == "lead_agency":
        return [[value, "chủ trì"]]
    if name == "report_deadline":
        return [[f"trước ngày {value} hằng năm", "Ủy ban nhân dân"]]
    if name == "issue_date":
        return [[form] for form in _date_forms(value)]
    if name == "doc_number":
        return [[f"Số: {value}"]]
    return [answers(fact, value, facts)[:1]]


def claims(doc: GeneratedDoc) -> list[Claim]:
    """The facts of ``doc`` a question may ask about, each with a quote found verbatim in its text."""
    out = []
    scoped = "period" if doc.facts.get("subject") == "ke_hoach_giai_doan" else "year"
    for name, value in doc.facts.items():
        fact = f"{name}@report" if doc.kind == "bao_cao" else name if name[-4:].isdigit() or name.endswith("_year") \
            else f"{name}@{scoped}"
        if fact not in _QUESTIONS or (doc.kind == "tin_tuc" and name in _OWN):  # the article's, not the plan's
            continue
        after = "đến năm 2030" if name.endswith("_2030") else None
        quote = next((q for ns in _needles(fact, value, doc.facts) if (q := _quote(doc.text, ns, after))), None)
        if quote:
            out.append(Claim(doc, fact, value, quote))
    return out


def _full(province: str) -> str:
    return f"{'thành phố' if province in CITIES else 'tỉnh'} {province}"


def _item(claims_: list[Claim], question: str, kind: str, by_number: bool = False) -> dict:
    first = claims_[0]
    group: list[str] = []
    for c in claims_:
        group += answers(c.fact, c.value, c.doc.facts)
    return {"question": question, "kind": kind, "fact": first.fact, "province": first.doc.province,
            "year": first.doc.year, "by_number": by_number,
            "evidence": [{"doc": c.doc.file, "quote": c.quote} for c in claims_],
            "answer_any": [list(dict.fromkeys(group))], "answerable": True}


def _candidates(docs: Sequence[GeneratedDoc], rng: random.Random) -> dict[str, list[dict]]:
    by_place: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    by_number: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        for c in claims(doc):
            if not (doc.kind == "sua_doi" and c.fact.split("@")[0] in _OWN):  # the revision's, not the plan's
                by_place[(c.fact, doc.province, c.scope)][c.value].append(c)
            if doc.kind in _PLANS or doc.kind == "tin_tuc":
                by_number[(c.fact, doc.doc_number)][c.value].append(c)
    out: dict[str, list[dict]] = defaultdict(list)

    def best(cs: list[Claim]) -> Claim:
        return min(cs, key=lambda c: (_PREFERENCE[c.doc.kind], c.doc.file))

    for (fact, province, _scope), values in sorted(by_place.items()):
        kind, templates, _ = _QUESTIONS[fact]
        primary = [best(cs) for _, cs in sorted(values.items())]
        if len(values) > 2 or (len(values) == 2 and not any(c.doc.kind == "sua_doi" for c in primary)):
            continue  # ambiguous: only by plan number
        q = rng.choice(templates).format(fn=_full(province), P=province, Y=primary[0].doc.year)
        out[kind].append(_item(primary, q, kind))
    for (fact, number), values in sorted(by_number.items()):
        kind, _, templates = _QUESTIONS[fact]
        if len(values) != 1 or not templates:
            continue
        c = best(next(iter(values.values())))
        if len({cl.doc.province for cl in next(iter(values.values()))}) != 1:
            continue
        out["by-docnumber"].append(_item([c], rng.choice(templates).format(num=number, Y=c.doc.year),
                                         "by-docnumber", by_number=True))
    return out


def _followups(cands: dict[str, list[dict]], rng: random.Random, n: int) -> list[dict]:
    """Second turns: the first question named the province and scope; the follow-up asks another fact of it."""
    index = {(q["fact"], q["province"], q["year"]): q for qs in cands.values() for q in qs
             if not q["by_number"] and len(q["evidence"]) == 1}
    pairs = [("lp_2025", "lp_2030", "Còn đến năm 2030 thì sao?"),
             ("lp_year", "budget@year", "Còn kinh phí thực hiện kế hoạch đó là bao nhiêu?"),
             ("lp_year", "lead_agency@year", "Kế hoạch đó do cơ quan nào chủ trì?")]
    out = []
    for (fact, province, year), first in sorted(index.items()):
        for a, b, follow in pairs:
            second = index.get((b, province, year))
            if fact == a and second and second["evidence"][0]["doc"] == first["evidence"][0]["doc"]:
                out.append({**second, "question": follow, "kind": "followup", "history": [first["question"]]})
    rng.shuffle(out)
    return out[:n]


def _unanswerable(docs: Sequence[GeneratedDoc], rng: random.Random, n: int, names: list[str]) -> list[dict]:
    present = {d.province for d in docs}
    absent = [p for p in names if p not in present]
    templates = ("Kế hoạch năm {Y} của {fn} đặt chỉ tiêu tăng năng suất lao động bao nhiêu?",
                 "Cơ quan nào chủ trì kế hoạch năm {Y} của {fn}?",
                 "Kinh phí thực hiện kế hoạch năm {Y} của {fn} là bao nhiêu?")
    out = []
    for i in range(n):
        roll = rng.random()
        if absent and roll < 0.3:
            p = rng.choice(absent)
            q = rng.choice(templates).format(Y=rng.choice((2022, 2024, 2026)), fn=_full(p))
        elif roll < 0.65:
            p = rng.choice(sorted(present))
            q = f"Mục tiêu tăng năng suất lao động của {_full(p)} đến năm {rng.choice((2035, 2040, 2045))} là bao nhiêu?"
        else:
            p = rng.choice(sorted(present))
            q = rng.choice(templates).format(Y=rng.choice((2017, 2018, 2019, 2020)), fn=_full(p))
        out.append({"question": q, "kind": "unanswerable", "fact": "", "province": p, "evidence": [],
                    "answer_any": [], "answerable": False})
    return out


def gold_questions(docs: Sequence[GeneratedDoc], n: int = 200, seed: int = 7) -> list[dict]:
    """About ``n`` questions over ``docs``: 8% unanswerable, 5% follow-ups, the rest spread over targets, counts,
    funding, lead agency, signer, dates, document numbers and questions naming only a plan number; 15% of the
    single-turn answerable ones typed without diacritics. Fewer when the documents do not support that many."""
    from bench.scale.corpus import provinces  # late: corpus imports this module

    rng = random.Random(f"gold|{seed}")
    cands = _candidates(docs, rng)
    for qs in cands.values():
        rng.shuffle(qs)
    n_unans, n_follow = round(n * 0.08), round(n * 0.05)
    picked = _followups(cands, rng, n_follow)
    n_rest = n - n_unans - len(picked)
    chosen: list[dict] = []
    for kind, w in _WEIGHTS.items():
        chosen += cands[kind][: round(n_rest * w)]
        cands[kind] = cands[kind][round(n_rest * w):]
    leftovers = [q for kind in _WEIGHTS for q in cands[kind]]
    rng.shuffle(leftovers)
    chosen += leftovers[: max(0, n_rest - len(chosen))]
    for q in chosen[:n_rest]:
        if rng.random() < 0.15:
            q = {**q, "question": strip_diacritics(q["question"]).lower(), "kind": "no-diacritics"}
        picked.append(q)
    picked += _unanswerable(docs, rng, n_unans, provinces())
    rng.shuffle(picked)
    return [{"id": f"scale-{i:04d}", **q} for i, q in enumerate(picked)]
