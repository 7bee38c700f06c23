"""The `plan-assistant` command: ingest, ask, eval, serve, docs, and the plan facts: targets, agencies, eligibility,
summary.

    plan-assistant ingest samples/ ../shared/corpus
    plan-assistant ingest ../shared/corpus --prune        # also remove documents whose files under it are gone
    plan-assistant ask "Cơ quan nào chủ trì kế hoạch của Nam Định?" --json
    plan-assistant ask --batch questions.jsonl --json
    plan-assistant eval --questions ../shared/eval/dev.jsonl --corpus ../shared/corpus
    plan-assistant serve --port 7860
    plan-assistant targets --province "Bắc Ninh" --indicator "năng suất lao động" --json
    plan-assistant agencies --province "Nam Định" --role "đầu mối"
    plan-assistant eligibility --province "Sông Lam" --size nhỏ --ownership "tư nhân"
    plan-assistant summary --province "Bắc Ninh" --province "Nam Định" -o so-sanh.docx

Logs and progress bars go to stderr; with --json, stdout carries only JSON lines.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from common.errors import PlanAssistantError
from pydantic import SecretStr

from common.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="A cited assistant over provincial plans.")


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj["settings"]


def _assistant(settings: Settings):  # noqa: ANN202
    from assistant.service import Assistant

    return Assistant.from_settings(settings)


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[Path | None, typer.Option(help="Data directory (env PLAN_ASSISTANT_DATA_DIR).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging on stderr.")] = False,
    llm_backend: Annotated[str | None, typer.Option(
        help="Generative answers: none, ollama, openai (any OpenAI-compatible server) or gguf "
             "(env PLAN_ASSISTANT_LLM_BACKEND).")] = None,
    llm_model: Annotated[str | None, typer.Option(help="Model name on the Ollama / OpenAI-compatible server.")] = None,
    llm_base_url: Annotated[str | None, typer.Option(help="e.g. http://127.0.0.1:8080/v1")] = None,
    llm_gguf: Annotated[Path | None, typer.Option(help="A local GGUF file (llm-backend gguf).")] = None,
) -> None:
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.root.handlers:  # some libraries (bm25s) set their own loggers to DEBUG on import
        handler.setLevel(level)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    given = {"data_dir": data_dir, "llm_backend": llm_backend, "llm_model": llm_model, "llm_base_url": llm_base_url,
             "llm_gguf_path": llm_gguf}
    overrides: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if llm_gguf is not None and llm_backend is None:
        overrides["llm_backend"] = "gguf"
    try:
        ctx.obj = {"settings": Settings(**overrides)}
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or http(s) URLs.")],
    prune: Annotated[bool, typer.Option(
        help="Also remove documents whose files were under the folders (or were the files) given here and are gone; "
             "never uploads or URLs, nothing under a folder that does not exist. Refused (exit 2) if that is more "
             "than PLAN_ASSISTANT_PRUNE_MAX_SHARE of the library.")] = False,
    force: Annotated[bool, typer.Option(help="With --prune: prune even more than that share.")] = False,
    pdf_password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs in this batch.")] = None,
) -> None:
    """Index documents; unchanged files are skipped, changed ones replaced atomically. Waits for another writer
    (PLAN_ASSISTANT_WRITER_WAIT_S), then exits with code 3."""
    from tqdm import tqdm

    from common.errors import WriterBusyError
    from ingest.fetch import is_url

    settings = _settings(ctx)
    if pdf_password:
        settings = settings.model_copy(update={"pdf_password": SecretStr(pdf_password)})
    assistant = _assistant(settings)

    def progress(items):  # noqa: ANN001, ANN202
        return tqdm(items, desc="ingest", unit="doc", file=sys.stderr, disable=len(items) < 2)

    ocr_bars: dict[str, Any] = {}

    def ocr_progress(source: str, done: int, total: int) -> None:
        """A progress line per scanned document of several pages: "OCR scan.pdf: 3/40 page [00:04<00:55]"."""
        bar = ocr_bars.get(source)
        if bar is None:
            if total < 2:
                return
            name = source if is_url(source) else Path(source).name
            bar = ocr_bars[source] = tqdm(total=total, desc=f"OCR {name}", unit="page", file=sys.stderr,
                                          leave=False, dynamic_ncols=True, mininterval=0, miniters=1)  # every page shows
        bar.update(done - bar.n)
        if done >= total:
            ocr_bars.pop(source).close()

    try:
        report = assistant.library.ingest(paths, prune=prune, progress=progress, force_prune=force,
                                          ocr_progress=ocr_progress)
    except WriterBusyError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(3) from exc
    finally:
        for bar in ocr_bars.values():  # a scan that failed half-way
            bar.close()
    for failure in report.failed:
        typer.echo(f"FAILED {failure.source}: {failure.reason}", err=True)
    if report.facts:
        typer.echo(f"facts: {report.facts}", err=True)
    if report.prune_refused is not None:
        typer.echo(f"PRUNE REFUSED: {report.prune_refused}", err=True)
    typer.echo(report.summary(), err=True)  # the last line of every run
    raise typer.Exit(2 if report.prune_refused is not None else 0 if report.ok else 1)


def _print_answer(answer, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        sys.stdout.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    typer.echo(answer.text)
    if answer.checks.get("status"):
        typer.echo(f"(mode: {answer.mode}; check: {answer.checks['status']} {answer.checks.get('reason', '')})".rstrip(),
                   err=True)
    if answer.citations:
        typer.echo("\nNguồn:")
        for c in answer.citations:
            p = c.passage
            where = " > ".join(x for x in (p.title, p.section_path) if x)
            page = f", trang {p.page}" if p.page else ""
            typer.echo(f"[{c.n}] {where}{page} — {p.source}")


@app.command()
def ask(
    ctx: typer.Context,
    question: Annotated[str | None, typer.Argument(help="The question, in Vietnamese.")] = None,
    history: Annotated[list[str] | None, typer.Option("--history", help="An earlier question (repeat).")] = None,
    batch: Annotated[Path | None, typer.Option(help="JSONL file of {question, history}.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as one JSON line.")] = False,
) -> None:
    """Answer a question (or a batch of them) with cited passages."""
    from assistant.limits import check_question
    from common.errors import LimitError

    if (question is None) == (batch is None):
        raise typer.BadParameter("give a QUESTION or --batch FILE, not both")
    settings = _settings(ctx)
    if batch is None:
        try:
            check_question(question or "", history or [], settings)
        except LimitError as exc:
            _fail(exc.user_message())
    assistant = _assistant(settings)
    if batch is None:
        _print_answer(assistant.ask(question or "", history or []), as_json)
        return
    for n, line in enumerate(batch.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"{batch}:{n}: not JSON ({exc})") from exc
        try:
            check_question(item.get("question", ""), item.get("history") or [], settings)
        except LimitError as exc:  # the line still gets its output line, in order, with the reason
            if as_json:
                sys.stdout.write(json.dumps({"question": str(item.get("question", ""))[:200], "found": False,
                                             "error": exc.user_message()}, ensure_ascii=False) + "\n")
            typer.echo(f"Lỗi (dòng {n}): {exc.user_message()}", err=True)
            continue
        _print_answer(assistant.ask(item.get("question", ""), item.get("history") or []), as_json)


@app.command("eval")
def evaluate_cmd(
    ctx: typer.Context,
    questions: Annotated[Path, typer.Option(help="Gold questions (JSONL).")],
    corpus: Annotated[list[str] | None, typer.Option(help="Ingest these first (incremental).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print metrics as JSON.")] = False,
) -> None:
    """Print hit@1, hit@5, MRR@10, answer accuracy, refusal accuracy and citation support."""
    from assistant.evaluation import evaluate, load_questions

    assistant = _assistant(_settings(ctx))
    if corpus:
        report = assistant.library.ingest(corpus)
        typer.echo(report.summary(), err=True)
    assistant.warm_up()
    result = evaluate(assistant, load_questions(questions))
    if as_json:
        typer.echo(json.dumps(result.metrics(), ensure_ascii=False))
    else:
        typer.echo(result.table())


@app.command()
def docs(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List indexed documents."""
    assistant = _assistant(_settings(ctx))
    rows = [{"doc_id": d.doc_id, "source": d.source, "chunks": d.n_chunks, **{
        k: d.metadata.get(k, "") for k in ("title", "doc_type", "doc_number", "province", "issued_date")}}
        for d in assistant.store.documents().values()]
    for row in sorted(rows, key=lambda r: r["source"]):
        typer.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   f"{row['doc_id']}  {row['chunks']:>4}  {row['province'] or '-':<14} {row['source']}")


# -- plan facts: targets, agencies, eligibility, summaries ---------------------------------------------------------


def _fail(message: str) -> NoReturn:
    """A user error of the facts commands: one Vietnamese message on stderr, exit code 2 (as a bad option)."""
    typer.echo(f"Lỗi: {message}", err=True)
    raise typer.Exit(2)


def _facts_index(ctx: typer.Context, province: str | None = None):  # noqa: ANN202 - a FactIndex
    from assistant.facts.index import _matches_province
    from assistant.facts.types import NATIONAL_LABEL

    index = _assistant(_settings(ctx)).facts
    if province:
        known = sorted({p.province for p in index.plans() if p.province} | {NATIONAL_LABEL})
        if not any(_matches_province(k, province) for k in known):
            _fail(f"không có văn bản nào của tỉnh/thành phố {province!r}. Các tỉnh/thành phố đã nạp: "
                  + ", ".join(known))
    return index


def _one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        _fail("chọn --json hoặc --csv, không chọn cả hai")


def _source_json(s) -> dict[str, Any]:  # noqa: ANN001 - a FactSource
    return {"province": s.where, "title": s.title, "doc_number": s.doc_number, "issued_date": s.issued_date,
            "section": s.section_path, "page": s.page, "quote": s.quote, "doc_id": s.doc_id, "chunk_id": s.chunk_id,
            "source": s.source}


def _print_json(items: list[dict[str, Any]]) -> None:
    sys.stdout.write(json.dumps(items, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _print_table(rows: list[dict[str, Any]], columns: list[tuple[str, int]], empty: str) -> None:
    """Fixed-width columns (a cell longer than its width is cut with "…"; width 0 = the rest of the line)."""
    if not rows:
        typer.echo(empty)
        return

    def cell(value: Any, width: int) -> str:
        text = " ".join(str(value if value is not None else "").split())
        if width and len(text) > width:
            text = text[: width - 1] + "…"
        return text.ljust(width)

    typer.echo("  ".join(cell(name, width) for name, width in columns).rstrip())
    typer.echo("  ".join("-" * (width or len(name)) for name, width in columns))
    for row in rows:
        typer.echo("  ".join(cell(row.get(name, ""), width) for name, width in columns).rstrip())


@app.command()
def targets(
    ctx: typer.Context,
    province: Annotated[str | None, typer.Option(help="Tỉnh/thành phố, hoặc \"Toàn quốc\".")] = None,
    indicator: Annotated[str | None, typer.Option(
        help="Chỉ tiêu: mã (labour_productivity), tên hoặc từ khóa (\"năng suất lao động\", \"TFP\").")] = None,
    year: Annotated[int | None, typer.Option(help="Năm mục tiêu, e.g. 2025.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout.")] = False,
) -> None:
    """List the targets (chỉ tiêu) of the indexed plans, each with the sentence it was read from."""
    from assistant.facts.indicators import LABELS, asked_indicator
    from assistant.facts.tables import TARGET_COLUMNS, target_rows, to_csv

    _one_format(as_json, as_csv)
    if indicator and asked_indicator(indicator) is None:
        _fail(f"không có chỉ tiêu {indicator!r}. Các chỉ tiêu hợp lệ (mã — tên):\n"
              + "\n".join(f"  {key} — {label}" for key, label in LABELS.items()))
    found = _facts_index(ctx, province).targets(province=province, indicator=indicator, year=year)
    if as_json:
        _print_json([{"indicator": t.indicator, "label": t.label, "value_text": t.value_text, "qualifier": t.qualifier,
                      "low": t.low, "high": t.high, "unit": t.unit, "year": t.year, "period": t.period,
                      **_source_json(t.source)} for t in found])
    elif as_csv:
        sys.stdout.write(to_csv(target_rows(found), TARGET_COLUMNS))
    else:
        rows = [{**row, "Năm": row["Năm"] or row["Giai đoạn"]} for row in target_rows(found)]
        _print_table(rows, [("Tỉnh/TP", 12), ("Năm", 9), ("Chỉ tiêu", 36), ("Giá trị", 28), ("Số hiệu", 12),
                            ("Mục", 0)], "Không tìm thấy chỉ tiêu nào theo điều kiện đã chọn.")


@app.command()
def agencies(
    ctx: typer.Context,
    province: Annotated[str | None, typer.Option(help="Tỉnh/thành phố, hoặc \"Toàn quốc\".")] = None,
    agency: Annotated[str | None, typer.Option(help="Part of an agency's name, e.g. \"Sở Công Thương\".")] = None,
    role: Annotated[str | None, typer.Option(help="đầu mối, chủ trì, phối hợp, báo cáo or thực hiện.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout.")] = False,
) -> None:
    """List who does what in the indexed plans: agency, role, task, deadline, with the source passage."""
    from assistant.facts.tables import AGENCY_COLUMNS, ROLE_ORDER, responsibility_rows, to_csv
    from assistant.facts.targets import folded

    _one_format(as_json, as_csv)
    if role and folded(role).strip() not in {folded(r) for r in ROLE_ORDER}:
        _fail(f"không có vai trò {role!r}. Các vai trò hợp lệ: " + ", ".join(ROLE_ORDER))
    duties = _facts_index(ctx, province).responsibilities(province=province, agency=agency,
                                                          role=role.strip() if role else None)
    if as_json:
        _print_json([{"agency": r.agency, "agency_text": r.agency_text, "role": r.role, "task": r.task,
                      "deadline": r.deadline, **_source_json(r.source)} for r in duties])
    elif as_csv:
        sys.stdout.write(to_csv(responsibility_rows(duties), AGENCY_COLUMNS))
    else:
        _print_table(responsibility_rows(duties), [("Cơ quan", 34), ("Vai trò", 9), ("Tỉnh/TP", 12), ("Số hiệu", 12),
                                                   ("Thời hạn", 16), ("Nhiệm vụ", 0)],
                     "Không tìm thấy phân công nào theo điều kiện đã chọn.")


def _choice(value: str | None, choices: tuple[str, ...], what: str) -> str:
    """``value`` as one of ``choices`` (exact, or the only choice that starts with it, diacritics ignored)."""
    from assistant.facts.targets import folded

    if not value:
        return ""
    wanted = folded(value).strip()
    matches = [c for c in choices if folded(c) == wanted] or [c for c in choices if folded(c).startswith(wanted)]
    if len(matches) != 1:
        _fail(f"{what} {value!r} không hợp lệ. Chọn một trong: " + "; ".join(choices))
    return matches[0]


def _rule_json(rule) -> dict[str, Any]:  # noqa: ANN001 - an EligibilityRule
    return {"kind": rule.kind, "text": rule.text, "rate": rule.rate, "ceiling": rule.ceiling,
            **_source_json(rule.source)}


def _where(source) -> str:  # noqa: ANN001 - a FactSource
    return " — ".join(x for x in (source.doc_number or source.title, source.section_path) if x)


def _item(text: str) -> str:
    """A rule's text without its list dash (the dash is layout, not wording)."""
    return text.strip().removeprefix("- ").removeprefix("+ ").removeprefix("• ")


@app.command()
def eligibility(
    ctx: typer.Context,
    province: Annotated[str, typer.Option(help="Tỉnh/thành phố nơi doanh nghiệp hoạt động.")],
    sector: Annotated[str | None, typer.Option(help="Ngành, lĩnh vực, e.g. \"chế biến thủy sản\".")] = None,
    size: Annotated[str | None, typer.Option(help="Quy mô: siêu nhỏ, nhỏ, vừa, lớn.")] = None,
    ownership: Annotated[str | None, typer.Option(help="Loại hình: tư nhân, nhà nước (trên 50% vốn), có vốn đầu tư "
                                                         "nước ngoài (FDI), hợp tác xã, hộ kinh doanh.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
) -> None:
    """Which plans and support lines may apply to an enterprise, each criterion checked and cited."""
    from assistant.facts.check import OWNERSHIPS, SIZES, EnterpriseProfile, check_eligibility

    profile = EnterpriseProfile(province=province, sector=(sector or "").strip(),
                                size=_choice(size, SIZES, "Quy mô"), ownership=_choice(ownership, OWNERSHIPS, "Loại hình"))
    results = check_eligibility(_facts_index(ctx, province), profile)
    if as_json:
        _print_json([{
            "doc_id": r.plan.doc_id, "title": r.plan.title, "doc_number": r.plan.doc_number,
            "province": r.plan.province, "issued_date": r.plan.issued_date, "assessment": r.assessment,
            "criteria": [{"status": c.status, "note": c.note, **_rule_json(c.rule)} for c in r.checks],
            "support": [_rule_json(s) for s in r.support], "procedure": [_rule_json(s) for s in r.procedure],
            "contacts": [c.agency for c in r.contacts], "next_steps": list(r.next_steps),
        } for r in results])
        return
    if not results:
        typer.echo(f"Không có kế hoạch nào của {province} trong các văn bản đã nạp.")
    for i, r in enumerate(results):
        name = " — ".join(x for x in (r.plan.title, r.plan.province, r.plan.doc_number) if x)
        typer.echo(("\n" if i else "") + f"== {name}\nĐánh giá: {r.assessment}")
        if r.checks:
            typer.echo("Tiêu chí:")
        for c in r.checks:
            typer.echo(f"  [{c.status}] ({c.rule.kind}) {_item(c.rule.text)}\n      → {c.note}\n"
                       f"      Nguồn: {_where(c.rule.source)}")
        for heading, rules in (("Nội dung hỗ trợ:", r.support), ("Hồ sơ, thời hạn:", r.procedure)):
            if rules:
                typer.echo(heading)
            for rule in rules:
                typer.echo(f"  - {_item(rule.text)} [Nguồn: {_where(rule.source)}]")
        if r.contacts:
            typer.echo("Liên hệ: " + ", ".join(c.agency for c in r.contacts))
        typer.echo("Bước tiếp theo:")
        for n, step in enumerate(r.next_steps, start=1):
            typer.echo(f"  {n}. {step}")


@app.command()
def summary(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .docx file to write.")],
    doc: Annotated[list[str] | None, typer.Option("--doc", help="doc_id or số hiệu (repeat).")] = None,
    province: Annotated[list[str] | None, typer.Option("--province", help="Tỉnh/thành phố (repeat).")] = None,
) -> None:
    """Write a briefing note (Tóm tắt / So sánh các kế hoạch) as a Word file with footnoted sources."""
    from assistant.facts.summary import SummaryError, plan_name, plan_summary_docx, select_plans

    if output.suffix.lower() != ".docx":
        _fail(f"tệp kết quả phải có đuôi .docx: {output}")
    index = _assistant(_settings(ctx)).facts
    try:
        plans = select_plans(index.plans(), doc or [], province or [])
    except SummaryError as exc:
        _fail(exc.user_message(detail=True))
    output.write_bytes(plan_summary_docx(plans))
    typer.echo(f"Đã ghi {output}: " + "; ".join(plan_name(p) for p in plans), err=True)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
) -> None:
    """Start the chat page."""
    import app as web

    settings = _settings(ctx)
    web.serve(settings, host=host or settings.host, port=port or settings.port)


def main() -> None:
    try:
        app()
    except PlanAssistantError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
