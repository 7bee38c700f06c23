"""The OCR progress callback of the loaders (``on_ocr_page(done, total)``), with the real Tesseract on real scans:
``(0, pages to OCR)`` before anything is rendered, then after each page; a PDF with a text layer never calls it;
raising from the first call stops the load before any page is read; a corrupt page fails with its number."""

from __future__ import annotations

import io
import shutil
import time

import pytest
from ingest_cases import build_pdf, scan_page, scanned_pdf

from assistant.presentation import reason_vi
from common.errors import IngestError
from ingest.loaders import load_bytes

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")

PAGES = [
    ["KẾ HOẠCH", "Nâng cao năng suất lao động tỉnh Kon Tum"],
    ["I. MỤC TIÊU", "- Năng suất lao động tăng bình quân 7,4%/năm."],
    ["II. TỔ CHỨC THỰC HIỆN", "Sở Khoa học và Công nghệ chủ trì."],
]


class Calls(list):
    def __call__(self, done: int, total: int) -> None:
        self.append((done, total))


@needs_tesseract
def test_a_scanned_pdf_reports_every_page():
    calls = Calls()
    loaded = load_bytes(scanned_pdf(PAGES), "ke_hoach_scan.pdf", on_ocr_page=calls)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert loaded.ocr_pages == (1, 2, 3)
    assert "7,4%" in loaded.pages[1].text and "Kon Tum" in loaded.pages[0].text


def test_a_pdf_with_a_text_layer_never_calls_it():
    calls = Calls()
    loaded = load_bytes(build_pdf([["KẾ HOẠCH nâng cao năng suất lao động tỉnh Kon Tum đến năm 2030"]] * 2),
                        "ke_hoach.pdf", on_ocr_page=calls)
    assert calls == [] and loaded.ocr_pages == ()


@needs_tesseract
def test_raising_from_the_first_call_stops_before_any_page_is_read():
    class Later(Exception):
        pass

    calls = Calls()

    def stop(done: int, total: int) -> None:
        calls(done, total)
        raise Later

    started = time.perf_counter()
    with pytest.raises(Later):
        load_bytes(scanned_pdf(PAGES * 4), "dai.pdf", on_ocr_page=stop)
    assert calls == [(0, 12)]  # counted from the text layer; no page OCR'd (that would call it again)
    assert time.perf_counter() - started < 2.0  # 12 pages of OCR take ~5 s or more


@needs_tesseract
def test_a_corrupt_page_fails_with_its_number_after_the_pages_before_it():
    calls = Calls()
    with pytest.raises(IngestError) as err:
        load_bytes(scanned_pdf(PAGES + [["III. KINH PHÍ"]], broken_page=3), "hong.pdf", on_ocr_page=calls)
    assert calls == [(0, 3), (1, 3), (2, 3)]  # pypdf leaves the damaged page out; pdfium fails on it
    assert err.value.source == "hong.pdf" and "cannot render page 3 for OCR" in err.value.reason
    assert reason_vi(err.value.reason).startswith("trang 3 bị hỏng")


@needs_tesseract
def test_a_multi_page_tiff_reports_its_frames():
    frames = [scan_page(lines) for lines in PAGES[:2]]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:])
    calls = Calls()
    loaded = load_bytes(buf.getvalue(), "scan.tif", on_ocr_page=calls)
    assert calls == [(0, 2), (1, 2), (2, 2)] and len(loaded.pages) == 2


def test_the_over_limit_refusal_comes_before_the_callback():
    calls = Calls()
    with pytest.raises(IngestError, match="3 pages need OCR, over the limit of 2"):
        load_bytes(scanned_pdf(PAGES), "qua_dai.pdf", max_ocr_pages=2, on_ocr_page=calls)
    assert calls == []
