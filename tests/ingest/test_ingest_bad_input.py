"""Bad input: every unreadable source raises an IngestError (or a subclass) whose message names the file and says
why. Files are built inside the tests."""

from __future__ import annotations

import io
import zipfile

import pytest
from ingest_cases import SAMPLES_DIR, build_pdf

from common.errors import EmptyDocumentError, IngestError, PlanAssistantError, UnsupportedFormatError
from ingest.loaders import load_bytes
from ingest.pipeline import parse_bytes

PLAN_LINES = ["KẾ HOẠCH", "Nâng cao năng suất tỉnh Nam Định", "I. MỤC TIÊU",
              "- Tăng năng suất lao động bình quân trên 7%/năm."]


def _pdf_writer_bytes(build) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    build(writer)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zero_page_pdf() -> bytes:
    return _pdf_writer_bytes(lambda w: None)


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader

    def build(w) -> None:
        w.append(PdfReader(io.BytesIO(build_pdf([PLAN_LINES]))))
        w.encrypt(user_password="mat-khau", owner_password="chu-so-huu")

    return _pdf_writer_bytes(build)


def no_text_layer_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 150, 80, style="F")  # a "scan": drawn, no text
    pdf.add_page()
    pdf.rect(20, 20, 150, 80)
    return bytes(pdf.output())


def zip_of(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return buf.getvalue()


def xlsx_like() -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


def broken_docx() -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><not-closed>"})


CASES = [
    # (file name, bytes, error class, words the reason must contain)
    ("empty.txt", b"", EmptyDocumentError, ["empty"]),
    ("empty.pdf", b"", EmptyDocumentError, ["empty"]),
    ("empty.docx", b"", EmptyDocumentError, ["empty"]),
    ("blank.txt", b"  \n\t \r\n  ", EmptyDocumentError, ["empty"]),
    ("blank.html", b"\n\n   \n", EmptyDocumentError, ["empty"]),
    ("bom_only.txt", "\ufeff \n ".encode("utf-8"), EmptyDocumentError, ["no text"]),
    ("utf16_blank.txt", " \n\t".encode("utf-16"), EmptyDocumentError, ["no text"]),
    ("only_furniture.txt", "Về đầu trang\nThích và chia sẻ bài viết:\nOnline : 12".encode(), EmptyDocumentError,
     ["no text"]),
    ("zero_pages.pdf", None, EmptyDocumentError, ["no pages"]),
    ("locked.pdf", None, IngestError, ["encrypted", "password"]),
    ("scan.pdf", None, EmptyDocumentError, ["no text layer", "2 pages"]),
    ("page.pdf", b"<!DOCTYPE html><html><head><title>404</title></head><body><p>Not found</p></body></html>",
     IngestError, [".pdf", "HTML"]),
    ("notes.pdf", b"Ke hoach nang suat, khong phai PDF.", IngestError, [".pdf", "not a PDF"]),
    ("sheet.docx", None, IngestError, [".docx", "word/document.xml"]),
    ("text.docx", "Kế hoạch dạng văn bản thường".encode(), IngestError, [".docx", "not a zip"]),
    ("broken.docx", None, IngestError, ["unreadable Word document"]),
    ("random.txt", bytes(range(256)) * 8, IngestError, ["binary"]),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), IngestError, ["binary"]),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", IngestError, ["content is a PDF"]),
    ("plan.xlsx", b"PK\x03\x04", UnsupportedFormatError, ["unsupported", ".xlsx"]),
    ("README", b"Ke hoach", UnsupportedFormatError, ["unsupported"]),
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), UnsupportedFormatError, [".doc"]),
]

BUILDERS = {"zero_pages.pdf": zero_page_pdf, "locked.pdf": encrypted_pdf, "scan.pdf": no_text_layer_pdf,
            "sheet.docx": xlsx_like, "broken.docx": broken_docx}


@pytest.mark.parametrize(("name", "data", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_a_clear_ingest_error(gazetteer, name, data, error, words) -> None:
    data = BUILDERS[name]() if data is None else data
    with pytest.raises(error) as info:
        parse_bytes(data, f"uploads/{name}", gazetteer)
    exc = info.value
    assert isinstance(exc, IngestError) and isinstance(exc, PlanAssistantError)
    assert exc.source == f"uploads/{name}"
    assert str(exc).startswith(f"uploads/{name}: ")
    assert str(exc) == f"{exc.source}: {exc.reason}"
    for word in words:
        assert word.lower() in exc.reason.lower(), exc.reason
    assert exc.user_message().startswith(error.vi)


@pytest.mark.parametrize("name", ["plan.xlsx", "plan.doc", "noext"])
def test_unsupported_extension_via_load_bytes(name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=rf"^{name}: unsupported file type"):
        load_bytes(b"anything", name)


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.8])
def test_truncated_pdf(gazetteer, fraction: float) -> None:
    real = (SAMPLES_DIR / "ke_hoach_nang_suat_song_lam_2030.pdf").read_bytes()
    with pytest.raises(IngestError, match=r"^cut\.pdf: .*(broken|truncated|unreadable)") as info:
        parse_bytes(real[: int(len(real) * fraction)], "cut.pdf", gazetteer)
    assert info.value.source == "cut.pdf"


def test_truncated_generated_pdf(gazetteer) -> None:
    real = build_pdf([PLAN_LINES] * 3)
    with pytest.raises(IngestError, match=r"^half\.pdf: "):
        parse_bytes(real[: len(real) // 2], "half.pdf", gazetteer)


def test_encrypted_pdf_opens_with_its_password() -> None:
    from ingest.loaders.pdf import load_pdf

    loaded = load_pdf(encrypted_pdf(), "locked.pdf", password="mat-khau")
    assert "I. MỤC TIÊU" in loaded.pages[0].text
    with pytest.raises(IngestError, match="password is required"):
        load_pdf(encrypted_pdf(), "locked.pdf", password="sai")


def test_declared_type_mismatch_from_http_header() -> None:
    with pytest.raises(IngestError, match=r"^https://example\.vn/kh\.pdf: named \.pdf but the content is an HTML"):
        load_bytes(b"<html><body>Trang loi</body></html>", "https://example.vn/kh.pdf", declared="pdf")
    with pytest.raises(IngestError, match=r"named as html but the content is a PDF"):
        load_bytes(build_pdf([PLAN_LINES]), "https://example.vn/kh", declared="html")


def test_errors_are_not_raised_for_a_good_file_of_each_kind(gazetteer) -> None:
    # The same checks accept what they should: a real PDF, DOCX, HTML and text.
    for name in ["ke_hoach_nang_suat_song_lam_2030.pdf", "ho_tro_doanh_nghiep_song_lam_2025.docx",
                 "tin_song_lam_cau_lac_bo_nang_suat.html", "bao_cao_so_ket_song_lam_2024.txt"]:
        assert parse_bytes((SAMPLES_DIR / name).read_bytes(), name, gazetteer).chunks
