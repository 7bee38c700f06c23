"""The chat page (Gradio): cited answers, sources panel, filters, document library, export, feedback, API; the
plan facts tabs (targets, responsibilities, eligibility check) and the cited-passage page.

    plan-assistant serve            # http://127.0.0.1:7860

Gradio analytics and Chroma telemetry are off; nothing leaves the machine. gradio is imported only here; what
the page shows is built in ``assistant.presentation`` and ``assistant.facts_pages``.
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402
from fastapi import FastAPI, HTTPException  # noqa: E402
from fastapi.responses import FileResponse, HTMLResponse  # noqa: E402

from assistant import export  # noqa: E402
from assistant.admin_auth import EXPIRED, AdminSession, AuditLog, LoginGuard, locked_message, start_session  # noqa: E402
from assistant.limits import check_question  # noqa: E402
from assistant.tempfiles import TempFolders  # noqa: E402
from assistant import facts_pages as fp  # noqa: E402
from assistant import presentation as ui  # noqa: E402
from assistant.facts.check import OWNERSHIPS, SIZES, EnterpriseProfile, check_eligibility  # noqa: E402
from assistant.facts.summary import SummaryError, plan_name, plan_summary_docx, select_plans, summary_title  # noqa: E402
from assistant.facts.tables import ROLE_ORDER  # noqa: E402
from assistant.feedback import FeedbackStore  # noqa: E402
from assistant.ocr_jobs import OcrJob, OcrJobs  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.types import Answer  # noqa: E402
from assistant.uploads import store_upload  # noqa: E402
from common.errors import LimitError, PlanAssistantError, user_message_for  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.fetch import is_url  # noqa: E402

log = logging.getLogger(__name__)

TITLE = "Trợ lý kế hoạch năng suất, chất lượng"
INTRO = ("Hỏi về các kế hoạch nâng cao năng suất và chất lượng của các tỉnh, thành phố. Mỗi câu trả lời trích dẫn "
         "đoạn văn bản gốc [1], [2]; bấm vào số để xem nguồn.")
ERROR_MESSAGE = "Xin lỗi, đã có lỗi khi xử lý câu hỏi. Vui lòng thử lại."
URL_ONLY = ("❌ Ô địa chỉ chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://; tệp trên máy tính hãy dùng ô "
            "tải lên.")
LIBRARY_ERROR = "Không hoàn tất được thao tác với thư viện tài liệu. Vui lòng thử lại; chi tiết đã được ghi vào nhật ký."
SEARCHING = "Đang tìm trong các tài liệu…"
ADMIN_OFF = ("Chức năng quản trị đang tắt: máy chủ chưa đặt biến môi trường PLAN_ASSISTANT_ADMIN_PASSWORD.")
NEED_LOGIN = "Cần đăng nhập quản trị để nạp, lập chỉ mục lại hoặc xoá tài liệu."
CSS = """
.source { border-left: 3px solid #d0d7de; padding: 4px 10px; margin-bottom: 10px; }
.source:target { border-left-color: #f59e0b; background: #fffbeb; }
.source mark { background: #fde68a; }
.source .meta, .source .file { font-size: 0.85em; color: #57606a; }
.facts-compare td, .facts-compare th, .criteria td, .criteria th { border: 1px solid #d0d7de; padding: 4px 8px; }
.criteria .fails strong { color: #b42318; } .criteria .meets strong { color: #067647; }
.criteria .check strong { color: #b54708; } .eligibility-plan { margin-bottom: 1.5em; }
"""
# The passage page is static, escaped HTML: no script, no external resource.
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
                "X-Content-Type-Options": "nosniff"}
DOC_COLUMNS = ["Tiêu đề", "Tỉnh/TP", "Số hiệu", "Loại", "Ngày ban hành", "Số đoạn", "Nguồn"]
STREAM_STEP = 40
SUMMARY_NONE = "Chọn ít nhất một kế hoạch."
SUMMARY_GONE = "Không tìm thấy kế hoạch đã chọn (có thể văn bản vừa bị xoá); bấm “Làm mới” và chọn lại."
QUESTIONS = "questions"  # the queue's concurrency group of everything that answers a question
OCR_TICK_S = 2.0  # how often the library tab refreshes the progress of background OCR jobs


def _documents(assistant: Assistant) -> dict[str, dict[str, Any]]:
    return {d.doc_id: {**d.metadata, "n_chunks": d.n_chunks} for d in assistant.store.documents().values()}


def _question_where(assistant: Assistant, province: str | None, doc_id: str | None,
                    year: str | None) -> dict[str, Any] | None:
    """The store filter of a question's chosen province, document and year; the documents' metadata (a copy of
    every record: 95k at 1M chunks) is built only when a year is chosen."""
    return ui.filter_where(province, doc_id, year, _documents(assistant) if year else {})


def _choices(docs: dict[str, dict[str, Any]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    # (shown, value): "Nam Định (nay: Ninh Bình)" shown, the documents' own name kept as the filter value
    provinces = fp.province_choices(m.get("province", "") for m in docs.values())
    documents = sorted(((m.get("title") or m.get("source", ""))[:90], d) for d, m in docs.items())
    years = sorted({str(y) for m in docs.values() for y in ui.document_years(m)})
    return provinces, documents, years


def _doc_rows(docs: dict[str, dict[str, Any]]) -> list[list[Any]]:
    return [[m.get("title", ""), m.get("province", ""), m.get("doc_number", ""), m.get("doc_type", ""),
             m.get("issued_date", ""), m.get("n_chunks", 0), m.get("source", "")]
            for m in sorted(docs.values(), key=lambda m: (m.get("province", ""), m.get("title", "")))]


def _exports(turns: list[tuple[str, Answer]], folder: Path) -> list[str | None]:
    """Files for the four download buttons: last answer (.docx, .md), whole conversation (.docx, .md)."""
    if not turns:
        return [None] * 4
    folder.mkdir(parents=True, exist_ok=True)  # swept away since the last turn: made again
    question, answer = turns[-1]
    files = {"tra-loi.docx": export.answer_to_docx(question, answer),
             "tra-loi.md": export.answer_to_markdown(question, answer).encode("utf-8"),
             "hoi-thoai.docx": export.conversation_to_docx(turns),
             "hoi-thoai.md": export.conversation_to_markdown(turns).encode("utf-8")}
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(str(folder / name))
    return paths


def _base_url(request: gr.Request | None) -> str:
    """The app's address as the browser sees it, for links written into exported files."""
    headers = {k.lower(): v for k, v in dict(getattr(request, "headers", None) or {}).items()}
    host = headers.get("x-forwarded-host") or headers.get("host")
    return f"{headers.get('x-forwarded-proto', 'http')}://{host}" if host else ""


def _facts_tabs(assistant: Assistant, demo: gr.Blocks, temp: TempFolders) -> tuple[Any, list[Any]]:
    """The "Chỉ tiêu", "Trách nhiệm" and "Kiểm tra đủ điều kiện" tabs (content built in ``assistant.facts_pages``);
    returns the handler that refreshes their choices and its outputs, for page load and after ingesting."""
    facts = assistant.facts

    def targets_view(provinces: list[str] | None, indicator: str | None, year: str | None, folder: str | None,
                     request: gr.Request = None):  # type: ignore[assignment]
        """Targets for the filters: the table (links to the passages), the province × year comparison, the chart
        data and the table as CSV and XLSX files."""
        folder = folder or str(temp.new("facts-"))
        Path(folder).mkdir(parents=True, exist_ok=True)
        targets = fp.select_targets(facts, provinces, indicator, year)
        csv_path, xlsx_path = fp.export_targets(targets, Path(folder), _base_url(request))
        return (fp.targets_frame(targets), fp.comparison_html(targets), fp.chart_frame(targets, year),
                csv_path, xlsx_path, folder)

    def matrix_view(province: str | None, role: str | None, agency: str | None):
        """The agency × plan matrix of roles (each linked to its passage) and the agencies to choose from."""
        duties = facts.responsibilities(province=province or None, role=role or None)
        frame, types = fp.matrix_frame(duties)
        agencies = list(frame["Cơ quan"])
        return (gr.update(value=frame, datatype=types),
                gr.update(choices=[""] + agencies, value=agency if agency in agencies else ""))

    def agency_tasks(agency: str | None, province: str | None, role: str | None) -> str:
        """The tasks and deadlines of one agency, plan by plan, with their passages."""
        duties = facts.responsibilities(province=province or None, role=role or None)
        return fp.agency_tasks_markdown(duties, agency)

    def check(province: str | None, sector: str = "", size: str = "", ownership: str = "") -> str:
        """Per plan of the province: the assessment, each criterion with its status and cited text, support,
        procedure, contacts and next steps (HTML)."""
        profile = EnterpriseProfile((province or "").strip(), (sector or "").strip(), size or "", ownership or "")
        return fp.eligibility_html(check_eligibility(facts, profile) if profile.province else [], profile)

    def plan_choices() -> list[tuple[str, str]]:
        return sorted((plan_name(p), p.doc_id) for p in facts.plans() if p.targets or p.responsibilities or p.eligibility)

    def summary(doc_ids: list[str] | None) -> tuple[str | None, str]:
        """A Word briefing note ("Tóm tắt kế hoạch") for one plan, or a comparison of the chosen plans, every
        fact footnoted with its document, section and quoted sentence."""
        try:
            plans = select_plans(facts.plans(), doc_ids or [])
        except SummaryError:
            return None, SUMMARY_NONE if not doc_ids else SUMMARY_GONE
        folder = temp.new("summary-")
        path = folder / ("tom-tat-ke-hoach.docx" if len(plans) == 1 else "so-sanh-ke-hoach.docx")
        path.write_bytes(plan_summary_docx(plans))
        return str(path), f"Đã tạo: **{summary_title(plans)}**"

    def choices():
        provinces, indicators, years = fp.target_choices(facts)
        return (gr.update(choices=provinces), gr.update(choices=[("Tất cả chỉ tiêu", "")] + indicators),
                gr.update(choices=[""] + years), gr.update(choices=[""] + fp.responsibility_choices(facts)),
                gr.update(choices=[""] + fp.eligibility_provinces(facts)), gr.update(choices=plan_choices()))

    provinces, indicators, years = fp.target_choices(facts)
    default = "labour_productivity" if any(k == "labour_productivity" for _, k in indicators) else ""
    with gr.Tab("Chỉ tiêu", elem_id="tab-targets"):
        folder = gr.State(None)
        with gr.Row():
            t_provinces = gr.Dropdown(provinces, value=[], multiselect=True, label="Tỉnh/TP", elem_id="t-provinces",
                                      allow_custom_value=True)
            t_indicator = gr.Dropdown([("Tất cả chỉ tiêu", "")] + indicators, value=default, label="Chỉ tiêu",
                                      elem_id="t-indicator", allow_custom_value=True)
            t_year = gr.Dropdown([""] + years, value="", label="Năm", elem_id="t-year", allow_custom_value=True)
            t_refresh = gr.Button("Làm mới", size="sm", elem_id="t-refresh")
        t_table = gr.Dataframe(fp.targets_frame([]), datatype=fp.TABLE_TYPES, interactive=False, wrap=True,
                               label="Chỉ tiêu theo tỉnh và năm (bấm tiêu đề cột để sắp xếp)", elem_id="targets-table")
        with gr.Row():
            t_csv = gr.DownloadButton("Tải bảng (.csv)", size="sm", elem_id="targets-csv")
            t_xlsx = gr.DownloadButton("Tải bảng (.xlsx)", size="sm", elem_id="targets-xlsx")
        t_compare = gr.HTML("", elem_id="targets-compare")
        t_chart = gr.BarPlot(fp.chart_frame([]), x="Tỉnh/TP", y="Giá trị", sort="-y", y_lim=[0, None],
                             tooltip=["Tỉnh/TP", "Nhãn", "Năm"], label="So sánh giữa các tỉnh", elem_id="targets-chart")
    with gr.Tab("Trách nhiệm", elem_id="tab-duties"):
        with gr.Row():
            r_province = gr.Dropdown([""] + fp.responsibility_choices(facts), value="", label="Tỉnh/TP",
                                     elem_id="r-province", allow_custom_value=True)
            r_role = gr.Dropdown([""] + list(ROLE_ORDER), value="", label="Vai trò", elem_id="r-role")
            r_refresh = gr.Button("Làm mới", size="sm", elem_id="r-refresh")
        r_matrix = gr.Dataframe(None, interactive=False, wrap=True, pinned_columns=1, elem_id="agency-matrix",
                                label="Cơ quan × kế hoạch (vai trò; bấm để xem đoạn trích)")
        r_agency = gr.Dropdown([""], value="", label="Cơ quan", elem_id="r-agency", allow_custom_value=True)
        r_tasks = gr.Markdown(fp.CHOOSE_AGENCY, elem_id="agency-tasks")
    with gr.Tab("Kiểm tra đủ điều kiện", elem_id="tab-eligibility"):
        gr.Markdown("Nhập thông tin doanh nghiệp để đối chiếu với điều kiện hỗ trợ của các kế hoạch đã nạp.")
        with gr.Row():
            e_province = gr.Dropdown([""] + fp.eligibility_provinces(facts), value="", label="Tỉnh/TP",
                                     elem_id="e-province", allow_custom_value=True)
            e_sector = gr.Textbox(label="Ngành, lĩnh vực", placeholder="Ví dụ: chế biến thủy sản", elem_id="e-sector")
            e_size = gr.Dropdown([""] + list(SIZES), value="", label="Quy mô", elem_id="e-size")
            e_owner = gr.Dropdown([""] + list(OWNERSHIPS), value="", label="Loại hình sở hữu", elem_id="e-owner")
        e_btn = gr.Button("Kiểm tra", variant="primary", elem_id="e-check")
        e_out = gr.HTML("", elem_id="eligibility")
    with gr.Tab("Tóm tắt kế hoạch", elem_id="tab-summary"):
        gr.Markdown("Chọn một kế hoạch để có bản tóm tắt, hoặc nhiều kế hoạch để có bản so sánh (tệp Word, mỗi số "
                    "liệu có chú thích cuối trang dẫn nguồn).")
        s_plans = gr.Dropdown(plan_choices(), value=[], multiselect=True, label="Kế hoạch", elem_id="s-plans",
                              allow_custom_value=True)
        s_btn = gr.Button("Tạo bản tóm tắt (.docx)", variant="primary", elem_id="s-make")
        s_msg = gr.Markdown("", elem_id="s-msg")
        s_file = gr.File(label="Bản tóm tắt", elem_id="s-file")

    t_inputs = [t_provinces, t_indicator, t_year, folder]
    t_outputs = [t_table, t_compare, t_chart, t_csv, t_xlsx, folder]
    r_inputs, r_outputs = [r_province, r_role, r_agency], [r_matrix, r_agency]
    choice_outputs = [t_provinces, t_indicator, t_year, r_province, e_province, s_plans]
    for trigger in (t_provinces.change, t_indicator.change, t_year.change):
        trigger(targets_view, t_inputs, t_outputs, api_name=False)
    t_refresh.click(targets_view, t_inputs, t_outputs, api_name="targets_table")
    for trigger in (r_province.change, r_role.change):
        trigger(matrix_view, r_inputs, r_outputs, api_name=False)
    r_refresh.click(matrix_view, r_inputs, r_outputs, api_name="agency_matrix")
    r_agency.change(agency_tasks, [r_agency, r_province, r_role], r_tasks, api_name="agency_tasks")
    e_btn.click(check, [e_province, e_sector, e_size, e_owner], e_out, api_name="check_eligibility")
    s_btn.click(summary, [s_plans], [s_file, s_msg], api_name="plan_summary")
    for event in (t_refresh.click, r_refresh.click, demo.load):
        event(choices, None, choice_outputs, api_name=False)
    demo.load(targets_view, t_inputs, t_outputs, api_name=False)
    demo.load(matrix_view, r_inputs, r_outputs, api_name=False)
    return choices, choice_outputs


def audit_target(source: str) -> tuple[str, str]:
    """The audit log's action and source for an ingested source: a URL as given, an upload by its file name."""
    return ("ingest_url", source) if is_url(source) else ("upload", Path(source).name)


def wait_for_upload(path: Path, timeout_s: float = 10.0) -> None:
    """Gradio answers an upload before its background task has moved the file into its cache: an ingest clicked
    right after (or on a busy machine) may be given the path a moment before the file is there. Wait for it, up to
    ``timeout_s``; a file still missing then is reported by ``store_upload`` as unreadable."""
    deadline = time.monotonic() + timeout_s
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def build_app(assistant: Assistant, settings: Settings | None = None) -> gr.Blocks:
    """The page and its APIs, queued: at most ``settings.concurrency`` questions (ask and export APIs, chat)
    are answered at once, in one concurrency group; other events have the same limit each."""
    settings = settings or assistant.settings
    limit = {"concurrency_limit": settings.concurrency, "concurrency_id": QUESTIONS}
    feedback = FeedbackStore(settings.feedback_path)
    password = settings.admin_password.get_secret_value() if settings.admin_password else ""
    temp = TempFolders.for_data_dir(settings.data_dir)
    temp.clear()  # what an earlier run left behind
    guard, audit = LoginGuard(), AuditLog(settings.audit_log_path)

    def ocr_finished(job: OcrJob) -> None:  # in the worker thread: the audit entry of the upload's outcome
        details = {"reason": job.reason} if job.reason else {"chunks": job.chunks}
        action, name = audit_target(job.source)
        audit.write(action, "ok" if job.state == "done" else "failed", **job.owner, source=name,
                    ocr_pages=job.pages_total, background=True, **details)

    jobs = OcrJobs(assistant.library, on_finish=ocr_finished)  # long scans, OCR'd one at a time in the background

    def who(request: gr.Request | None) -> dict[str, str]:
        client = getattr(getattr(request, "client", None), "host", "") or ""
        return {"client": client, "session": str(getattr(request, "session_hash", "") or "")}

    def admin_refusal(admin: AdminSession | None) -> str | None:
        """None when ``admin`` is a live session; otherwise what to tell the user."""
        if not password:
            return ADMIN_OFF
        if isinstance(admin, AdminSession):
            return None if admin.valid() else EXPIRED
        return NEED_LOGIN

    def question_error(question: str, history: list[str]) -> str | None:
        try:
            check_question(question, history, settings)
        except LimitError as exc:
            log.info("question refused: %s", exc)
            return exc.user_message()
        return None

    def ask_api(question: str, history: list[str] | None = None, province: str = "", doc_id: str = "",
                year: str = "") -> dict[str, Any]:
        """Answer ``question`` (earlier user questions in ``history``; optional filters) with the JSON answer of
        `plan-assistant ask --json`."""
        refused = question_error(question or "", list(history or []))
        if refused:
            raise gr.Error(refused, print_exception=False)
        try:
            where = _question_where(assistant, province, doc_id, year)
            return assistant.ask(question, list(history or []), where).to_json()
        except Exception as exc:  # the client sees a Vietnamese sentence; the log keeps the details
            log.exception("ask failed")
            raise gr.Error(user_message_for(exc), print_exception=False) from None

    def export_api(question: str, history: list[str] | None = None, fmt: str = "docx") -> str:
        """The cited answer to ``question`` as a .docx or .md file (a file the client downloads)."""
        history = list(history or []) if isinstance(history, list) else []
        refused = question_error(question or "", history)
        if refused:
            raise gr.Error(refused, print_exception=False)
        try:
            answer = assistant.ask(question, history)
        except Exception as exc:
            log.exception("export failed")
            raise gr.Error(user_message_for(exc), print_exception=False) from None
        folder = temp.new("export-")
        if fmt == "md":
            path = folder / "tra-loi.md"
            path.write_text(export.answer_to_markdown(question, answer), encoding="utf-8")
        else:
            path = folder / "tra-loi.docx"
            path.write_bytes(export.answer_to_docx(question, answer))
        return str(path)

    def respond(message: str, chat: list[dict[str, Any]], turns: list[tuple[str, Answer]], province: str | None,
                doc_id: str | None, year: str | None, folder: str | None):
        chat, turns = list(chat or []), list(turns or [])
        folder = folder or str(temp.new("chat-"))
        message = (message or "").strip()
        if not message:
            yield "", chat, turns, gr.skip(), gr.skip(), folder, *[gr.skip()] * 4
            return
        refused = question_error(message, [q for q, _ in turns])
        if refused:  # nothing is asked, nothing cached; the question stays in the box to be shortened
            chat += [{"role": "user", "content": ui.escape_markdown(message[:300] + ("…" if len(message) > 300
                                                                                  else ""))},
                     {"role": "assistant", "content": refused}]
            yield message, chat, turns, gr.skip(), gr.skip(), folder, *[gr.skip()] * 4
            return
        chat += [{"role": "user", "content": message}, {"role": "assistant", "content": SEARCHING}]
        yield "", chat, turns, gr.skip(), gr.skip(), folder, *[gr.skip()] * 4
        answer, written = None, ""
        try:
            where = _question_where(assistant, province, doc_id, year)
            for part in assistant.ask_stream(message, [q for q, _ in turns], where):
                if isinstance(part, Answer):
                    answer = part
                    break
                written += part  # the model's tokens as they come; the checked text replaces them at the end
                chat[-1]["content"] = ui.escape_markdown(written)
                yield "", chat, turns, gr.skip(), gr.skip(), folder, *[gr.skip()] * 4
        except PlanAssistantError as exc:
            log.warning("question failed: %s", exc)
            chat[-1]["content"] = user_message_for(exc)  # a Vietnamese sentence: no path, no English text
            yield "", chat, turns, ui.NO_SOURCES, "", folder, *[gr.skip()] * 4
            return
        except Exception:  # noqa: BLE001 - the user sees a short message; the log keeps the traceback
            log.exception("question failed")
            chat[-1]["content"] = ERROR_MESSAGE
            yield "", chat, turns, ui.NO_SOURCES, "", folder, *[gr.skip()] * 4
            return
        assert answer is not None
        text = ui.answer_markdown(answer)
        if not written:  # extractive mode: the text is shown as it is written out
            for end in range(STREAM_STEP, len(text), STREAM_STEP):
                chat[-1]["content"] = text[:end]
                yield "", chat, turns, gr.skip(), gr.skip(), folder, *[gr.skip()] * 4
        chat[-1]["content"] = text
        turns.append((message, answer))
        yield ("", chat, turns, ui.sources_html(answer), ui.timing_markdown(answer), folder,
               *_exports(turns, Path(folder)))

    def on_like(data: gr.LikeData, turns: list[tuple[str, Answer]]) -> str:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        turn = int(index) // 2
        if not turns or turn >= len(turns):
            return "Không tìm thấy câu trả lời để ghi nhận đánh giá."
        question, answer = turns[turn]
        feedback.record(question, answer, "up" if data.liked else "down",
                        history=[q for q, _ in turns[:turn]])
        return "Cảm ơn bạn đã đánh giá câu trả lời."

    def login(given: str, admin: AdminSession | None, request: gr.Request = None):  # type: ignore[assignment]
        """Limited per client and overall: after a few failures the client (or everyone) waits, growing."""
        if not password:
            return None, ADMIN_OFF
        caller = who(request)
        wait = guard.wait_s(caller["client"])
        if wait > 0:
            audit.write("login", "locked", **caller, wait_s=round(wait))
            return admin, locked_message(wait)
        if hmac.compare_digest((given or "").encode("utf-8"), password.encode("utf-8")):
            guard.succeeded(caller["client"])
            audit.write("login", "ok", **caller)
            return (start_session(caller["client"], caller["session"], settings.admin_session_min),
                    "Đã đăng nhập quản trị.")
        wait = guard.failed(caller["client"])
        audit.write("login", "failed", **caller)
        return None, "Sai mật khẩu quản trị." + (f" {locked_message(wait)}" if wait > 0 else "")

    def refreshed() -> tuple[Any, ...]:
        docs = _documents(assistant)
        provinces, documents, years = _choices(docs)
        return (_doc_rows(docs), gr.update(choices=[("", "")] + [(d[0], d[1]) for d in documents]),
                gr.update(choices=[""] + provinces), gr.update(choices=[("", "")] + documents),
                gr.update(choices=[""] + years), gr.update(samples=[[q] for q in ui.suggested_questions(docs.values())]))

    def ingest_files(files: list[Any] | None, url: str, admin: AdminSession | None,  # noqa: ANN001
                     progress=gr.Progress(), request: gr.Request = None):  # noqa: B008 # type: ignore[assignment]
        refused = admin_refusal(admin)
        caller = who(request)
        if refused:
            audit.write("ingest", "refused", **caller)
            return refused, *refreshed()
        lines, sources = [], []
        for f in files or []:
            path = getattr(f, "name", f)
            wait_for_upload(Path(path))
            try:
                sources.append(str(store_upload(path, Path(path).name, settings.library_path, settings.max_upload_mb)))
            except PlanAssistantError as exc:
                lines.append(f"❌ {Path(path).name}: {ui.reason_vi(getattr(exc, 'reason', str(exc)))}")
            finally:  # Gradio's copy of the upload (kept in the library now, or refused): not left in its cache
                if Path(path).resolve().is_relative_to(Path(gr.utils.get_upload_folder()).resolve()):
                    Path(path).unlink(missing_ok=True)
        url = (url or "").strip()
        if url and not is_url(url):  # a server path typed here would be read and then served to everyone
            audit.write("ingest_url", "refused", **caller, url=url[:300])
            lines.append(URL_ONLY)
        elif url:
            sources.append(url)
        if not sources:
            return "\n\n".join(lines) or "Chọn tệp hoặc dán địa chỉ URL để nạp.", *refreshed()
        try:
            report = assistant.library.ingest(sources, progress=lambda xs: progress.tqdm(xs,
                                                                                         desc="Đang nạp tài liệu"),
                                              background_ocr_over=settings.ocr_background_pages)
        except Exception:  # noqa: BLE001 - a Vietnamese sentence for the admin; the details in the log
            log.exception("ingest failed")
            audit.write("ingest", "error", **caller, sources=[audit_target(s)[1] for s in sources])
            return "\n\n".join([*lines, LIBRARY_ERROR]), *refreshed()
        deferred = {item.source for item in report.deferred}
        for source in sources:
            if source not in deferred:  # a queued scan gets its entry when it is queued and when it ends
                action, name = audit_target(source)
                audit.write(action, "failed" if any(f.source == source for f in report.failed) else "ok", **caller,
                            source=name)
        lines += [f"❌ {Path(f.source).name}: {ui.reason_vi(f.reason)}" for f in report.failed]
        queued = queue_ocr(report.deferred, caller, lines)
        failed = len(lines)
        background = f", nhận dạng chữ (OCR) trong nền {len(queued)}" if queued else ""
        lines += [ui.ocr_queued_line(job) for job in queued]
        lines.append(f"Đã thêm {len(report.added)}, cập nhật {len(report.replaced)}, không đổi "
                     f"{len(report.unchanged)}, lỗi {failed}{background} tài liệu ({report.seconds:.1f} giây).")
        return "\n\n".join(lines), *refreshed()

    def queue_ocr(deferred: list[Any], caller: dict[str, str], lines: list[str]) -> list[OcrJob]:
        """Hand the scans an ingest left for later to the background worker; a refusal (queue full) is a line."""
        queued = []
        for item in deferred:
            action, name = audit_target(item.source)
            try:
                queued.append(jobs.submit(item, owner=caller))
            except LimitError as exc:
                audit.write(action, "refused", **caller, source=name, ocr_pages=item.pages, reason=str(exc))
                lines.append(f"❌ {name}: {exc.user_message()}")
                continue
            audit.write(action, "queued", **caller, source=name, ocr_pages=item.pages)
        return queued

    def reindex(admin: AdminSession | None, progress=gr.Progress(),  # noqa: ANN001, B008
                request: gr.Request = None):  # type: ignore[assignment]
        refused, caller = admin_refusal(admin), who(request)
        if refused:
            audit.write("reindex", "refused", **caller)
            return refused, *refreshed()
        try:
            report = assistant.library.reindex(progress=lambda xs: progress.tqdm(xs, desc="Đang lập chỉ mục lại"),
                                               background_ocr_over=settings.ocr_background_pages)
        except Exception:  # noqa: BLE001
            log.exception("re-index failed")
            audit.write("reindex", "error", **caller)
            return LIBRARY_ERROR, *refreshed()
        audit.write("reindex", "ok", **caller, replaced=len(report.replaced), failed=len(report.failed),
                    deferred=len(report.deferred))
        lines: list[str] = []
        queued = queue_ocr(report.deferred, caller, lines)
        lines += [ui.ocr_queued_line(job) for job in queued]
        return "\n\n".join([f"Đã lập chỉ mục lại {len(report.replaced)} tài liệu, lỗi {len(report.failed)}.",
                             *lines]), *refreshed()

    def ocr_status_api(admin: AdminSession | None) -> dict[str, Any]:
        """The background OCR jobs (waiting, running, finished in the last hour): each with its file, state
        (queued, ocr, indexing, done, failed), pages done and to OCR, and its line as the page shows it."""
        refused = admin_refusal(admin)
        if refused:
            return {"jobs": [], "text": refused}
        now = jobs.jobs()
        return {"jobs": [{**j.to_json(), "message": ui.ocr_job_line(j)} for j in now],
                "text": ui.ocr_status_markdown(now)}

    def ocr_watch(admin: AdminSession | None) -> tuple[Any, Any]:
        """After an ingest, a re-index or a login: the progress lines now, and the timer on while jobs run."""
        if admin_refusal(admin):
            return gr.skip(), gr.Timer(active=False)
        now = jobs.jobs()
        return ui.ocr_status_markdown(now), gr.Timer(active=any(j.active for j in now))

    def ocr_tick(admin: AdminSession | None, seen: list[str] | None) -> tuple[Any, ...]:
        """Every OCR_TICK_S while jobs run: the progress lines; when a job has ended since the last tick, the
        document list, filters and fact tabs too (its document is in them now). The timer stops when none runs."""
        unchanged = [gr.skip()] * (len(lib_outputs) - 1 + len(facts_outputs))
        if admin_refusal(admin):
            return "", gr.Timer(active=False), seen or [], *unchanged
        now = jobs.jobs()
        ended = [j.id for j in now if j.finished and j.id not in (seen or [])]
        timer = gr.Timer(active=any(j.active for j in now))
        if not ended:
            return ui.ocr_status_markdown(now), timer, seen or [], *unchanged
        return (ui.ocr_status_markdown(now), timer, [*(seen or []), *ended], *refreshed(),
                *facts_choices())

    def delete(doc_id: str, admin: AdminSession | None, request: gr.Request = None):  # type: ignore[assignment]
        refused, caller = admin_refusal(admin), who(request)
        if refused:
            audit.write("delete", "refused", **caller, doc_id=doc_id or "")
            return refused, *refreshed()
        if not doc_id:
            return "Chọn một tài liệu để xoá.", *refreshed()
        title = _documents(assistant).get(doc_id, {}).get("title", doc_id)
        try:
            assistant.library.delete(doc_id)
        except Exception:  # noqa: BLE001
            log.exception("delete failed")
            audit.write("delete", "error", **caller, doc_id=doc_id)
            return LIBRARY_ERROR, *refreshed()
        audit.write("delete", "ok", **caller, doc_id=doc_id)
        return f"Đã xoá: {title}", *refreshed()

    def feedback_csv(admin: AdminSession | None, request: gr.Request = None) -> str | None:  # type: ignore[assignment]
        refused, caller = admin_refusal(admin), who(request)
        if refused:
            audit.write("feedback_export", "refused", **caller)
            return None
        path = temp.new("feedback-") / "danh-gia.csv"
        path.write_text(feedback.to_csv(excel=True), encoding="utf-8")
        audit.write("feedback_export", "ok", **caller)
        return str(path)

    docs = _documents(assistant)
    provinces, documents, years = _choices(docs)
    # Gradio's cache (uploads, copies of returned files): files older than an hour removed every 15 minutes.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(900, 3600)) as demo:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        turns, folder, admin = gr.State([]), gr.State(None), gr.State(None)
        with gr.Tab("Hỏi đáp"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="Hội thoại", height=520, elem_id="chat",
                                         feedback_options=("Like", "Dislike"))
                    box = gr.Textbox(label="Câu hỏi", elem_id="question", submit_btn="Gửi",
                                     placeholder="Ví dụ: Cơ quan nào chủ trì kế hoạch của tỉnh?")
                    suggestions = gr.Dataset(label="Câu hỏi gợi ý", components=[box], elem_id="suggestions",
                                             samples=[[q] for q in ui.suggested_questions(docs.values())])
                    with gr.Row():
                        new_chat = gr.Button("Cuộc hội thoại mới")
                        thanks = gr.Markdown("")
                    with gr.Row():
                        dl = [gr.DownloadButton(label, value=None, size="sm", elem_id=eid) for label, eid in (
                            ("Tải câu trả lời (.docx)", "dl-answer-docx"), ("Tải câu trả lời (.md)", "dl-answer-md"),
                            ("Tải hội thoại (.docx)", "dl-chat-docx"), ("Tải hội thoại (.md)", "dl-chat-md"))]
                    with gr.Accordion("Thời gian xử lý", open=False):
                        timing = gr.Markdown("", elem_id="timing")
                with gr.Column(scale=2):
                    with gr.Accordion("Bộ lọc", open=True):
                        f_province = gr.Dropdown([""] + provinces, value="", label="Tỉnh/TP", elem_id="f-province")
                        f_doc = gr.Dropdown([("", "")] + documents, value="", label="Tài liệu", elem_id="f-doc")
                        f_year = gr.Dropdown([""] + years, value="", label="Năm", elem_id="f-year")
                    gr.Markdown("### Nguồn trích dẫn")
                    sources = gr.HTML(ui.NO_SOURCES, elem_id="sources")
        with gr.Tab("Thư viện tài liệu"):
            with gr.Row():
                pw = gr.Textbox(label="Mật khẩu quản trị", type="password", elem_id="admin-password")
                login_btn = gr.Button("Đăng nhập", elem_id="admin-login")
            admin_msg = gr.Markdown("" if password else ADMIN_OFF, elem_id="admin-message")
            uploads = gr.File(label="Tải lên tài liệu (PDF, DOCX, HTML, TXT)", file_count="multiple",
                              file_types=[".pdf", ".docx", ".html", ".htm", ".txt", ".md"], elem_id="upload")
            url = gr.Textbox(label="Hoặc dán địa chỉ (URL) của văn bản", elem_id="url")
            with gr.Row():
                ingest_btn = gr.Button("Nạp tài liệu", variant="primary", elem_id="ingest")
                reindex_btn = gr.Button("Lập chỉ mục lại toàn bộ", elem_id="reindex")
            with gr.Row():
                to_delete = gr.Dropdown([("", "")] + documents, value="", label="Tài liệu cần xoá", elem_id="delete-doc")
                delete_btn = gr.Button("Xoá tài liệu", variant="stop", elem_id="delete")
            lib_msg = gr.Markdown("", elem_id="library-message")
            ocr_line = gr.Markdown("", elem_id="ocr-status")  # background OCR: page n of N, then done or failed
            ocr_timer, ocr_seen = gr.Timer(OCR_TICK_S, active=False), gr.State([])
            table = gr.Dataframe(_doc_rows(docs), headers=DOC_COLUMNS, interactive=False, elem_id="documents")
            fb_btn = gr.DownloadButton("Tải đánh giá của người dùng (.csv)", elem_id="feedback-csv")
        facts_choices, facts_outputs = _facts_tabs(assistant, demo, temp)
        with gr.Row(visible=False):  # the export API's inputs and its file output (downloaded by a remote client)
            x_question, x_history, x_format = gr.Textbox(), gr.JSON(), gr.Textbox()
            x_file, x_button = gr.File(), gr.Button()
            o_json, o_button = gr.JSON(), gr.Button()  # the ocr_status API

        lib_outputs = [lib_msg, table, to_delete, f_province, f_doc, f_year, suggestions]
        chat_outputs = [box, chatbot, turns, sources, timing, folder, *dl]
        box.submit(respond, [box, chatbot, turns, f_province, f_doc, f_year, folder], chat_outputs, api_name=False,
                   **limit)
        suggestions.click(lambda s: s[0], suggestions, box, api_name=False)
        new_chat.click(lambda: ([], [], ui.NO_SOURCES, "", *[None] * 4), None,
                       [chatbot, turns, sources, timing, *dl], api_name=False)
        chatbot.like(on_like, [turns], thanks, api_name=False)
        login_btn.click(login, [pw, admin], [admin, admin_msg], api_name="login").then(
            ocr_watch, [admin], [ocr_line, ocr_timer], api_name=False)
        for event in (ingest_btn.click(ingest_files, [uploads, url, admin], lib_outputs, api_name="ingest"),
                      reindex_btn.click(reindex, [admin], lib_outputs, api_name="reindex"),
                      delete_btn.click(delete, [to_delete, admin], lib_outputs, api_name="delete")):
            event.then(facts_choices, None, facts_outputs, api_name=False)  # new plans appear in the fact tabs
            event.then(ocr_watch, [admin], [ocr_line, ocr_timer], api_name=False)
        ocr_timer.tick(ocr_tick, [admin, ocr_seen], [ocr_line, ocr_timer, ocr_seen, *lib_outputs[1:], *facts_outputs],
                       api_name=False, show_progress="hidden")
        o_button.click(ocr_status_api, [admin], o_json, api_name="ocr_status")
        fb_btn.click(feedback_csv, [admin], fb_btn, api_name=False)
        gr.api(ask_api, api_name="ask", **limit)
        x_button.click(export_api, [x_question, x_history, x_format], x_file, api_name="export", **limit)
    return demo.queue(default_concurrency_limit=settings.concurrency)


def create_server(assistant: Assistant, settings: Settings | None = None) -> FastAPI:
    """The app: Gradio at /, the original files of indexed documents at /tai-lieu/{doc_id}, cited passages at
    /doan/{chunk_id}?s=START&e=END and a health check at /healthz for load balancers (nothing else)."""
    settings = settings or assistant.settings
    server = FastAPI(title=TITLE, docs_url=None, redoc_url=None)

    @server.get("/healthz")
    def healthz() -> dict[str, str]:
        """Up and answering: cheap (no page build, no store read), for a load balancer's health check."""
        return {"status": "ok"}

    @server.get("/tai-lieu/{doc_id}")
    def original(doc_id: str) -> FileResponse:
        """Only a file the app stored: an upload, or the copy of a local file kept at ingest (never a path)."""
        path = assistant.library.original_file(doc_id)
        if path is None:
            raise HTTPException(status_code=404, detail="Không tìm thấy văn bản gốc.")
        media = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8",
                 ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8"}.get(path.suffix.lower())
        # A document is data: an HTML page may show but never run a script in the app's origin.
        return FileResponse(path, media_type=media or "application/octet-stream", filename=path.name,
                            content_disposition_type="inline" if media else "attachment",
                            headers={"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"})

    @server.get("/doan/{chunk_id:path}", response_class=HTMLResponse)
    def passage(chunk_id: str, s: str = "", e: str = "") -> HTMLResponse:
        """A cited passage of a current chunk, the quoted sentence (offsets ``s``..``e``) highlighted."""
        chunks = assistant.store.get_chunks([chunk_id])
        if not chunks:
            return HTMLResponse(fp.not_found_page(), status_code=404, headers=PAGE_HEADERS)
        start, end = (int(x) if x.isdigit() else None for x in (s, e))
        return HTMLResponse(fp.passage_page(chunks[0], start, end), headers=PAGE_HEADERS)

    demo = build_app(assistant, settings)
    return gr.mount_gradio_app(server, demo, path="", max_file_size=f"{settings.max_upload_mb}mb",
                               footer_links=["api"], show_error=False, css=CSS)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    import uvicorn

    assistant = Assistant.from_settings(settings)
    assistant.warm_up()
    print(f"* Running on http://{host}:{port}")  # noqa: T201 - the one line a user starting the app needs
    uvicorn.run(create_server(assistant, settings), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    serve(Settings())
