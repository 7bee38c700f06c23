"""OCR of scanned pages with the real Tesseract (Debian's tesseract-ocr + tesseract-ocr-vie): a Vietnamese plan page
drawn with PIL, saved as PNG and as an image-only PDF, and a PDF whose first page has a text layer and whose second
page is a scan. Nothing is mocked on the OCR path."""

from __future__ import annotations

import io
import shutil
import unicodedata

import pytest
from ingest_cases import FONT, build_pdf

from common.errors import EmptyDocumentError, IngestError
from ingest.loaders import load_bytes, media_type_for
from ingest.loaders import ocr as ocr_mod
from ingest.loaders import pdf as pdf_mod
from ingest.loaders.ocr import OCR_UNAVAILABLE, usable_text_layer
from ingest.pipeline import parse_bytes

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract binary not installed: `make system-deps` installs tesseract-ocr and tesseract-ocr-vie",
)

SCAN_LINES = [
    "KẾ HOẠCH",
    "I. MỤC TIÊU",
    "- Tăng năng suất lao động bình quân 6,5%/năm.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Sở Khoa học và Công nghệ là cơ quan đầu mối.",
]
KEY_PHRASES = ["KẾ HOẠCH", "MỤC TIÊU", "năng suất lao động", "6,5%", "Khoa học và Công nghệ", "cơ quan đầu mối"]
TEXT_PAGE = [
    "KẾ HOẠCH",
    "Nâng cao năng suất và chất lượng tỉnh Đắk Lắk giai đoạn 2024 - 2030",
    "I. MỤC TIÊU",
    "- Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 42%.",
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def scan_image():
    """A small "scanned" page: the lines drawn in DejaVu Sans at 28 px (about 10 pt at 200 dpi), black on white."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 28)
    img = Image.new("L", (1000, 40 + 50 * len(SCAN_LINES)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(SCAN_LINES):
        draw.text((40, 20 + 50 * i), line, font=font, fill=0)
    return img


def png_bytes() -> bytes:
    buf = io.BytesIO()
    scan_image().save(buf, "PNG")
    return buf.getvalue()


def image_only_pdf() -> bytes:
    buf = io.BytesIO()
    scan_image().convert("RGB").save(buf, "PDF", resolution=200)
    return buf.getvalue()


def mixed_pdf() -> bytes:
    """Page 1 with a real text layer (fpdf2), page 2 a scan (an image, no text)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in TEXT_PAGE:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(scan_image(), x=10, y=20, w=127)  # 1000 px over 127 mm: 200 dpi
    return bytes(pdf.output())


def assert_key_phrases(text: str) -> None:
    text = nfc(text)
    for phrase in KEY_PHRASES:
        assert phrase in text, f"{phrase!r} not in OCR text {text!r}"


# ----------------------------------------------------------------------------------- without OCR


def test_image_suffixes_are_registered() -> None:
    assert {media_type_for(f"scan{s}") for s in (".png", ".jpg", ".JPEG", ".tif", ".tiff")} == {"image"}


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("I. MỤC TIÊU\n- Tăng năng suất lao động bình quân 6,5%/năm.", True),
        ("", False),
        ("   \n 12 \n", False),
        ("Trang 2/3", False),
        ("\ufffd" * 40 + " abc", False),
        ("".join(chr(0xE000 + i) for i in range(60)) + " Kế hoạch", False),  # private-use glyph codes
    ],
)
def test_usable_text_layer(text: str, usable: bool) -> None:
    assert usable_text_layer(text) is usable


def test_pdf_with_a_text_layer_on_every_page_is_not_ocred(monkeypatch) -> None:
    def no_ocr(*args, **kwargs):
        raise AssertionError("OCR must not run on a PDF with a text layer on every page")

    monkeypatch.setattr(pdf_mod, "_ocr_pages", no_ocr)
    loaded = load_bytes(build_pdf([TEXT_PAGE, TEXT_PAGE]), "plan.pdf")
    assert loaded.media_type == "pdf" and [p.number for p in loaded.pages] == [1, 2]
    assert getattr(loaded, "ocr_pages", ()) == ()


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("scan.png", b"", EmptyDocumentError, ["empty"]),
        ("scan.png", b"%PDF-1.7\n1 0 obj", IngestError, ["image", "PDF"]),
        ("scan.jpg", "Kế hoạch".encode(), IngestError, ["not a PNG, JPEG or TIFF"]),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(40), IngestError, ["unreadable image"]),
    ],
)
def test_bad_image_raises_a_clear_error(gazetteer, name, data, error, words) -> None:
    with pytest.raises(error) as info:
        parse_bytes(data, f"uploads/{name}", gazetteer)
    assert info.value.source == f"uploads/{name}"
    for word in words:
        assert word.lower() in info.value.reason.lower(), info.value.reason


# ------------------------------------------------------------------------------------ real OCR


@needs_tesseract
def test_missing_tesseract_binary_gives_a_clear_error(monkeypatch) -> None:
    import pytesseract

    ocr_mod._check_tesseract.cache_clear()
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    try:
        with pytest.raises(IngestError, match=OCR_UNAVAILABLE) as info:
            load_bytes(png_bytes(), "uploads/scan.png")
        assert info.value.source == "uploads/scan.png"
    finally:
        ocr_mod._check_tesseract.cache_clear()


@needs_tesseract
def test_scanned_png_is_read_with_diacritics(gazetteer) -> None:
    doc = parse_bytes(png_bytes(), "uploads/scan.png", gazetteer)
    assert_key_phrases(doc.text)
    assert doc.chunks and {c.metadata["page"] for c in doc.chunks} == {1}
    assert {c.metadata["media_type"] for c in doc.chunks} == {"image"}
    assert doc.text == nfc(doc.text)


@needs_tesseract
def test_image_only_pdf_is_ingested_via_ocr(gazetteer) -> None:
    data = image_only_pdf()
    loaded = load_bytes(data, "uploads/scan.pdf")
    assert [p.number for p in loaded.pages] == [1]
    if hasattr(loaded, "ocr_pages"):
        assert loaded.ocr_pages == (1,)
    else:
        assert loaded.media_type == "pdf-ocr"
    doc = parse_bytes(data, "uploads/scan.pdf", gazetteer)
    assert_key_phrases(doc.text)
    assert doc.chunks and {c.metadata["page"] for c in doc.chunks} == {1}


@needs_tesseract
def test_mixed_pdf_ocrs_only_the_scanned_page(gazetteer) -> None:
    from pypdf import PdfReader

    data = mixed_pdf()
    layer = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert usable_text_layer(layer)
    loaded = load_bytes(data, "uploads/mixed.pdf")
    assert loaded.media_type == "pdf" and [p.number for p in loaded.pages] == [1, 2]
    assert loaded.pages[0].text == layer  # page 1 kept exactly as its text layer, not OCR'd
    assert_key_phrases(loaded.pages[1].text)
    if hasattr(loaded, "ocr_pages"):
        assert loaded.ocr_pages == (2,)

    doc = parse_bytes(data, "uploads/mixed.pdf", gazetteer)
    pages_of = {c.metadata["page"]: nfc(c.page_content) for c in doc.chunks}
    assert set(pages_of) == {1, 2}
    on_page_1 = " ".join(nfc(c.page_content) for c in doc.chunks if c.metadata["page"] == 1)
    on_page_2 = " ".join(nfc(c.page_content) for c in doc.chunks if c.metadata["page"] == 2)
    assert "Tỷ trọng đóng góp của TFP" in on_page_1 and "Khoa học và Công nghệ" not in on_page_1
    assert "Khoa học và Công nghệ" in on_page_2  # its own section starts on page 2
    assert "6,5%" in nfc(doc.text)
