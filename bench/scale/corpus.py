"""A deterministic library of generated Vietnamese plan documents for all 63 provinces, with gold questions.

Issue 8 ("a national library of plans") needs tens of thousands of documents that look like the real ones: the
same template in every province, different numbers, agencies, dates and signers, annual plans, yearly reports,
news articles restating a plan, and plans re-issued with one or two numbers changed. Document ``i`` of the stream
depends only on ``seed`` and ``i``; the facts a plan states depend only on (seed, province, year, cycle), so a
news article or a report repeats its plan's numbers even when the plan itself is not taken.

>>> docs = take(3)
>>> [d.file for d in docs][0].startswith("000000_an-giang_")
True
>>> take(70)[66] == next(d for i, d in enumerate(iter_documents()) if i == 66)
True

    .venv/bin/python bench/scale/corpus.py --docs 400 --questions 200 --out /tmp/scale-corpus
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.scale import gold as _gold  # noqa: E402
from bench.scale.templates import (  # noqa: E402
    CITIES, KINDS, MERGED_2025, Plan, Report, render_news, render_plan, render_report, vn_decimal,
)
from bench.generate_provinces import _GIVEN, _MIDDLE, _SURNAMES, slug  # noqa: E402  (one list of names, one slug)
from common.provinces import PROVINCES  # noqa: E402

# Lead agencies of a plan, with how often each leads (Sở KH&CN leads most productivity plans).
LEADS = (("Sở Khoa học và Công nghệ", 6), ("Sở Công Thương", 2), ("Sở Kế hoạch và Đầu tư", 1),
         ("Sở Nông nghiệp và Phát triển nông thôn", 1))
DEADLINES = ("15/12", "30/11", "10/12", "20/12", "25/11", "05/12")
YEARS = tuple(range(2021, 2031))


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated document: its file name, text, what it is about and the facts a gold question may ask."""

    file: str
    text: str
    province: str
    year: int
    kind: str          # one of KINDS
    doc_number: str    # "128/KH-UBND"; for a news article, the number of the plan it reports on
    facts: dict[str, str]


def provinces() -> list[str]:
    """The 63 canonical province names in the gazetteer's order."""
    return list(PROVINCES)


def _rng(seed: int, *key: object) -> random.Random:
    return random.Random("|".join(map(str, (seed, *key))))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _signer(seed: int, province: str, year: int, rng: random.Random) -> tuple[str, str]:
    """A chair or vice-chair of the province in office in ``year`` (terms 2021-2025 and 2026-2030)."""
    term = _rng(seed, province, "term", year <= 2025)
    chair, vices = _name(term), [_name(term) for _ in range(3)]
    return (chair, "CHỦ TỊCH") if rng.random() < 0.2 else (rng.choice(vices), "PHÓ CHỦ TỊCH")


def _lead(rng: random.Random, year: int) -> str:
    """A lead agency; from 2025 the merged departments (Kế hoạch và Đầu tư, Nông nghiệp và Phát triển nông thôn)
    no longer exist."""
    names, weights = zip(*LEADS)
    name = rng.choices(names, weights)[0]
    if year >= 2025 and name in MERGED_2025:
        return "Sở Nông nghiệp và Môi trường" if name.startswith("Sở Nông") else "Sở Tài chính"
    return name


def _date(rng: random.Random, year: int, months: tuple[int, int]) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(*months), year


def period_plan(seed: int, province: str, cycle: int) -> Plan:
    """The province's 2021/2023-2030 plan of ``cycle`` (its programme topic): 2025 and 2030 targets."""
    rng = _rng(seed, province, cycle, "period")
    year = rng.choice((2021, 2022, 2022, 2023))
    lp25 = rng.randint(40, 98)
    tfp25 = rng.randint(32, 46)
    ent25 = rng.choice((20, 30, 40, 50, 60, 80, 100))
    exp25 = rng.randint(3, 15)
    budget = rng.randint(52, 990)
    signer, title = _signer(seed, province, year, rng)
    return Plan(
        kind="ke_hoach_giai_doan", province=province, cycle=cycle, year=year,
        number=f"{rng.randint(12, 420)}/KH-UBND", date=_date(rng, year, (1, 12)), period=f"{year}-2030",
        targets={"lp_2025": vn_decimal(lp25), "lp_2030": vn_decimal(lp25 + rng.randint(2, 15)),
                 "tfp_2025": str(tfp25), "tfp_2030": str(min(tfp25 + rng.randint(3, 9), 55)),
                 "enterprises_2025": str(ent25), "enterprises_2030": str(ent25 * rng.choice((2, 3))),
                 "experts_2025": str(exp25), "experts_2030": str(exp25 + rng.randint(5, 20))},
        budget=vn_decimal(budget), budget_unit="tỷ đồng", budget_state=vn_decimal(budget * rng.randint(45, 80) // 100),
        lead=_lead(rng, year), deadline=rng.choice(DEADLINES), signer=signer, signer_title=title,
        style=rng.getrandbits(32),
    )


def annual_plan(seed: int, province: str, year: int, cycle: int) -> Plan:
    """The province's plan for ``year`` under ``cycle``'s programme: that year's targets, budget, agencies."""
    rng = _rng(seed, province, cycle, "annual", year)
    issue_year, months = (year - 1, (12, 12)) if rng.random() < 0.25 else (year, (1, 4))
    budget = rng.randint(8, 120) * 50  # triệu đồng
    signer, title = _signer(seed, province, issue_year, rng)
    return Plan(
        kind="ke_hoach_nam", province=province, cycle=cycle, year=year,
        number=f"{rng.randint(3, 460)}/KH-UBND", date=_date(rng, issue_year, months), period=str(year),
        targets={"lp_year": vn_decimal(rng.randint(40, 98)), "tfp_year": str(rng.randint(30, 52)),
                 "enterprises_year": str(rng.randint(5, 60)), "experts_year": str(rng.randint(1, 8))},
        budget=f"{budget:,}".replace(",", "."), budget_unit="triệu đồng", budget_state="",
        lead=_lead(rng, issue_year), deadline=rng.choice(DEADLINES), signer=signer, signer_title=title,
        style=rng.getrandbits(32),
    )


def revised_plan(seed: int, province: str, cycle: int, which: int) -> tuple[Plan, Plan]:
    """(original, revision): ``which`` 0 revises the period plan, 1 an annual plan; one or two numbers change
    and the revision gets its own number, date and title."""
    rng = _rng(seed, province, cycle, "revision", which)
    if which == 0:
        base = period_plan(seed, province, cycle)
        year = base.year + rng.randint(1, 2)
    else:
        base = annual_plan(seed, province, rng.choice(YEARS), cycle)
        year = base.year
    targets = dict(base.targets)
    for key in rng.sample(sorted(k for k in targets if k.startswith(("lp_", "tfp_", "enterprises_"))),
                          rng.randint(1, 2)):
        old = targets[key]
        targets[key] = vn_decimal(round(float(old.replace(",", ".")) * 10) + rng.randint(3, 12)) \
            if key.startswith("lp_") else str(int(old) + rng.randint(2, 9))
    signer, title = _signer(seed, province, year, rng)
    revision = Plan(**{**asdict(base), "kind": "sua_doi", "targets": targets, "signer": signer,
                       "signer_title": title, "number": f"{rng.randint(120, 480)}/KH-UBND",
                       "date": _date(rng, year, (5, 11) if which else (1, 11)), "revises": base.number,
                       "revises_date": base.date})
    return base, revision


def _slots() -> list[tuple[str, int]]:
    """One cycle of a province's documents: (kind, year or revision index)."""
    slots = [("ke_hoach_giai_doan", 0), ("sua_doi", 0), ("sua_doi", 1)]
    slots += [(kind, y) for y in YEARS for kind in ("ke_hoach_nam", "bao_cao", "tin_tuc")]
    return slots


def _document(seed: int, index: int) -> GeneratedDoc:
    names = provinces()
    province = names[index % len(names)]
    slots = _slots()
    turn, p = divmod(index, len(names))
    cycle, j = divmod(turn, len(slots))
    kind, arg = slots[(j * 7 + p * 5) % len(slots)]  # 7 and 5 are prime to 33: each slot once per cycle
    rng = _rng(seed, "doc", index)
    if kind == "ke_hoach_giai_doan":
        plan = period_plan(seed, province, cycle)
        text, facts = render_plan(plan)
    elif kind == "ke_hoach_nam":
        plan = annual_plan(seed, province, arg, cycle)
        text, facts = render_plan(plan)
    elif kind == "sua_doi":
        _, plan = revised_plan(seed, province, cycle, arg)
        text, facts = render_plan(plan)
    elif kind == "bao_cao":
        period = period_plan(seed, province, cycle)
        plan = annual_plan(seed, province, arg, cycle)
        text, facts = render_report(_report(seed, province, arg, cycle, period, plan))
    else:
        period = period_plan(seed, province, cycle)
        plan = period if arg == period.year else annual_plan(seed, province, arg, cycle)
        text, facts = render_news(plan, rng, verbatim=rng.random() < 0.08)
    facts = {"province": province, "cycle": str(cycle), **facts}
    year = plan.year if kind != "bao_cao" else arg
    if kind == "tin_tuc":
        year = arg
    return GeneratedDoc(file=f"{index:06d}_{slug(province)}_{year}_{kind}.txt", text=text, province=province,
                        year=year, kind=kind, doc_number=facts["doc_number"], facts=facts)


def _report(seed: int, province: str, year: int, cycle: int, period: Plan, plan: Plan) -> Report:
    rng = _rng(seed, province, cycle, "report", year)
    target = period.targets["lp_2025" if year <= 2025 else "lp_2030"]
    achieved = round(float(target.replace(",", ".")) * 10) + rng.randint(-15, 10)
    planned_ent = int(plan.targets["enterprises_year"])
    budget = int(plan.budget.replace(".", ""))
    return Report(
        province=province, cycle=cycle, year=year, plan=plan, period=period,
        number=f"{rng.randint(40, 520)}/BC-{rng.choice(('UBND', 'SKHCN', 'SKHCN'))}",
        date=_date(rng, year, (11, 12)), lp_achieved=vn_decimal(max(achieved, 5)), lp_target=target,
        tfp_achieved=vn_decimal(rng.randint(280, 520)), enterprises_supported=str(rng.randint(1, planned_ent)),
        enterprises_planned=str(planned_ent),
        disbursed=f"{budget * rng.randint(60, 100) // 100:,}".replace(",", "."),
        director=_name(_rng(seed, province, "director", year <= 2025)), style=rng.getrandbits(32),
    )


def iter_documents(seed: int = 7) -> Iterator[GeneratedDoc]:
    """Documents 0, 1, 2, ... without end: provinces cycle fastest, then (year, kind) slots, then programmes.

    >>> [d.province for d in itertools.islice(iter_documents(), 2)]
    ['An Giang', 'Bà Rịa - Vũng Tàu']
    """
    for index in itertools.count():
        yield _document(seed, index)


def take(n_docs: int, seed: int = 7) -> list[GeneratedDoc]:
    """The first ``n_docs`` documents of :func:`iter_documents`."""
    return [_document(seed, i) for i in range(n_docs)]


def gold_questions(docs: Sequence[GeneratedDoc], n: int = 200, seed: int = 7) -> list[dict]:
    """``n`` questions in the eval format (../shared/eval/README.md) over ``docs``; see :mod:`bench.scale.gold`."""
    return _gold.gold_questions(docs, n, seed)


def write(out_dir: str | Path, docs: Sequence[GeneratedDoc], questions: Sequence[dict] | None = None) -> Path:
    """Write the documents as .txt files, ``manifest.json`` and (when given) ``gold.jsonl`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out / doc.file).write_text(doc.text, encoding="utf-8")
    manifest = {d.file: {"province": d.province, "year": d.year, "kind": d.kind, "doc_number": d.doc_number,
                         "facts": d.facts} for d in docs}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if questions is not None:
        with (out / "gold.jsonl").open("w", encoding="utf-8") as fh:
            for q in questions:
                fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="bench/out/scale-corpus")
    args = parser.parse_args(argv)
    docs = take(args.docs, args.seed)
    questions = gold_questions(docs, args.questions, args.seed)
    out = write(args.out, docs, questions)
    print(f"{len(docs)} documents, {len(questions)} questions → {out}")
    return 0


__all__ = ["CITIES", "KINDS", "GeneratedDoc", "gold_questions", "iter_documents", "take", "write"]

if __name__ == "__main__":
    raise SystemExit(main())
