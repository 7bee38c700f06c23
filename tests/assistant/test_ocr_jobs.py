"""Background OCR jobs over a real library (embedded Chroma, the packaged embedding model, the real Tesseract): a
scan behind a URL with more pages to OCR than the threshold is left out of the ingest (nothing OCR'd, nothing
written), then ingested by the one worker from the bytes already fetched; a second submit of the same source is
the same job; the queue refuses more than ``max_pending``; the worker thread ends when idle."""

from __future__ import annotations

import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.ingest.ingest_cases import scanned_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")

PAGES = [
    ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "KẾ HOẠCH", "Nâng cao năng suất lao động tỉnh Điện Biên"],
    ["I. MỤC TIÊU", "- Năng suất lao động tăng bình quân 6,8%/năm."],
    ["II. TỔ CHỨC THỰC HIỆN", "Sở Khoa học và Công nghệ chủ trì."],
]


@pytest.fixture()
def scan_server():
    """A local server with one scanned PDF at /ke-hoach (no extension; its type is in the header); counts GETs."""
    body, gets = scanned_pdf(PAGES), []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            gets.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ke-hoach", gets
    server.shutdown()


@pytest.fixture()
def library(tmp_path, embeddings):
    from assistant.library import Library
    from common.provinces import ProvinceGazetteer
    from common.settings import Settings
    from vectorstore import PlanStore

    settings = Settings(data_dir=tmp_path / "data", allow_private_urls=True)
    return Library(PlanStore.from_settings(settings, embeddings), ProvinceGazetteer(), settings)


def test_a_long_scan_is_left_for_the_worker_which_ingests_it_without_fetching_again(library, scan_server):
    from assistant.ocr_jobs import OcrJobs

    url, gets = scan_server
    pages: list[tuple[int, int]] = []
    report = library.ingest([url], background_ocr_over=2, ocr_progress=lambda s, d, t: pages.append((d, t)))
    assert [(d.source, d.pages, d.force) for d in report.deferred] == [(url, 3, False)]
    assert report.deferred[0].fetched is not None and report.ok and not report.added
    assert pages == [] and library.store.documents() == {}  # nothing OCR'd, nothing written
    assert "1 left for background OCR" in report.summary()

    finished = []
    jobs = OcrJobs(library, on_finish=finished.append)
    job = jobs.submit(report.deferred[0], owner={"client": "127.0.0.1"})
    assert jobs.submit(report.deferred[0]).id == job.id  # the same source once
    assert jobs.wait_idle(180)
    done = jobs.get(job.id)
    assert (done.state, done.outcome, done.pages_done, done.pages_total) == ("done", "added", 3, 3)
    assert finished == [done] and done.owner == {"client": "127.0.0.1"}
    assert gets == ["/ke-hoach"]  # fetched once, by the ingest that left it for later
    (doc,) = library.store.documents().values()
    assert doc.source == url and doc.n_chunks == done.chunks > 0
    chunks = library.store.dense_search("năng suất lao động tăng bình quân", 3)
    assert any("6,8%" in chunk.page_content and chunk.metadata["ocr"] for chunk, _ in chunks)


def test_the_queue_is_bounded_and_the_worker_ends_when_idle(library, tmp_path):
    from assistant.library import DeferredOcr
    from assistant.ocr_jobs import OcrJobs
    from common.errors import LimitError

    files = []
    for n in (1, 2):
        path = tmp_path / f"scan_{n}.pdf"
        path.write_bytes(scanned_pdf(PAGES))
        files.append(str(path))
    jobs = OcrJobs(library, max_pending=1, idle_s=0.2)
    first = jobs.submit(DeferredOcr(files[0], 3))
    with pytest.raises(LimitError) as err:
        jobs.submit(DeferredOcr(files[1], 3))
    assert "hàng đợi nhận dạng chữ (OCR)" in err.value.user_message()
    assert jobs.wait_idle(180) and jobs.get(first.id).state == "done"
    deadline = time.monotonic() + 5
    while jobs._worker is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert jobs._worker is None  # no thread left behind; the next submit starts one again
    second = jobs.submit(DeferredOcr(files[1], 3))
    assert jobs.wait_idle(180) and jobs.get(second.id).state == "done"
    assert len(library.store.documents()) == 2
