"""A scanned PDF with more pages to OCR than ``max_ocr_pages`` is refused before any page is rendered, with an
error naming the file and the limit (and its Vietnamese line in the app)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from assistant.presentation import reason_vi
from common.errors import IngestError
from ingest.loaders import load_bytes
from ingest.pipeline import content_hash_for


def _blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_scan_over_the_limit_is_refused_without_ocr(monkeypatch):
    import ingest.loaders.pdf as pdf

    def no_ocr(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("OCR ran on a document over the page limit")

    monkeypatch.setattr(pdf, "_ocr_pages", no_ocr)
    with pytest.raises(IngestError) as err:
        load_bytes(_blank_pdf(5), "ban_scan.pdf", max_ocr_pages=4)
    assert err.value.source == "ban_scan.pdf"
    assert "5 pages need OCR, over the limit of 4 pages" in err.value.reason
    assert reason_vi(err.value.reason) == "tệp có 5 trang cần nhận dạng chữ (OCR), vượt giới hạn 4 trang"


def test_the_default_limit_is_300_pages(monkeypatch):
    import ingest.loaders.pdf as pdf

    monkeypatch.setattr(pdf, "_ocr_pages", lambda *a, **k: pytest.fail("OCR ran"))  # noqa: ARG005
    with pytest.raises(IngestError, match="301 pages need OCR, over the limit of 300"):
        load_bytes(_blank_pdf(301), "dai.pdf")


def test_the_library_applies_the_setting(tmp_path, monkeypatch):
    import ingest.loaders.pdf as pdf
    from assistant.library import Library
    from common.provinces import ProvinceGazetteer
    from common.settings import Settings

    monkeypatch.setattr(pdf, "_ocr_pages", lambda *a, **k: pytest.fail("OCR ran"))  # noqa: ARG005
    path = tmp_path / "ke_hoach_scan.pdf"
    path.write_bytes(_blank_pdf(3))
    library = Library(None, ProvinceGazetteer(), Settings(data_dir=tmp_path / "data", max_ocr_pages=2))
    data, _, parse = library._read(str(path))
    with pytest.raises(IngestError, match="3 pages need OCR, over the limit of 2"):
        parse(content_hash_for(data))
