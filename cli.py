"""The `plan-assistant` command: ingest, ask, eval, serve, docs.

    plan-assistant ingest samples/ ../shared/corpus --prune
    plan-assistant ask "Cơ quan nào chủ trì kế hoạch của Nam Định?" --json
    plan-assistant ask --batch questions.jsonl --json
    plan-assistant eval --questions ../shared/eval/dev.jsonl --corpus ../shared/corpus
    plan-assistant serve --port 7860

Logs and progress bars go to stderr; with --json, stdout carries only JSON lines.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

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
    prune: Annotated[bool, typer.Option(help="Remove documents whose files are gone.")] = False,
    pdf_password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs in this batch.")] = None,
) -> None:
    """Index documents; unchanged files are skipped, changed ones replaced atomically."""
    from tqdm import tqdm

    settings = _settings(ctx)
    if pdf_password:
        settings = settings.model_copy(update={"pdf_password": SecretStr(pdf_password)})
    assistant = _assistant(settings)

    def progress(items):  # noqa: ANN001, ANN202
        return tqdm(items, desc="ingest", unit="doc", file=sys.stderr, disable=len(items) < 2)

    report = assistant.library.ingest(paths, prune=prune, progress=progress)
    for failure in report.failed:
        typer.echo(f"FAILED {failure.source}: {failure.reason}", err=True)
    typer.echo(report.summary(), err=True)
    if report.facts:
        typer.echo(f"facts: {report.facts}", err=True)
    raise typer.Exit(0 if report.ok else 1)


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
    if (question is None) == (batch is None):
        raise typer.BadParameter("give a QUESTION or --batch FILE, not both")
    assistant = _assistant(_settings(ctx))
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
