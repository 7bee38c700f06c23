"""Ingesting http(s) URLs from a real HTTP server on 127.0.0.1: pages and PDFs load, a 404 and a time-out fail
with a clear reason, and the rest of the batch is indexed."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.library import Library
from common.provinces import ProvinceGazetteer
from common.settings import Settings
from tests.conftest import SAMPLES
from vectorstore import PlanStore

PAGES = {
    "/tin.html": ("text/html; charset=utf-8", (SAMPLES / "tin_song_lam_cau_lac_bo_nang_suat.html").read_bytes()),
    "/ke-hoach": ("application/pdf", (SAMPLES / "ke_hoach_nang_suat_song_lam_2030.pdf").read_bytes()),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/slow":
            time.sleep(3)
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        ctype, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_ingested_and_failures_named(server, tmp_path, embeddings):
    settings = Settings(data_dir=tmp_path, http_timeout_s=1.0, allow_private_urls=True)  # a server on 127.0.0.1
    store = PlanStore.from_settings(settings, embeddings)
    library = Library(store, ProvinceGazetteer(), settings)
    urls = [f"{server}/tin.html", f"{server}/ke-hoach", f"{server}/missing.html", f"{server}/slow"]
    report = library.ingest(urls)
    assert sorted(report.added) == sorted(urls[:2])
    reasons = {f.source: f.reason for f in report.failed}
    assert "404" in reasons[f"{server}/missing.html"]
    assert "timed out" in reasons[f"{server}/slow"]
    docs = {d.source: d for d in store.documents().values()}
    assert docs[f"{server}/ke-hoach"].metadata["doc_number"] == "45/KH-UBND"
    assert docs[f"{server}/tin.html"].metadata["issued_date"] == "2024-10-22"
    # a URL is fetched again but not re-embedded when its content is unchanged
    again = library.ingest(urls[:2])
    assert sorted(again.unchanged) == sorted(urls[:2]) and again.chunks_written == 0
