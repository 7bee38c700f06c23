"""ingest.metadata through ingest.pipeline.parse_bytes on the real corpus and the fictional samples."""

from __future__ import annotations

import re

import pytest
from ingest_cases import (
    BN_NEWS,
    DOCX_SAMPLE,
    HTML_SAMPLE,
    KH_NEWS,
    ND_PLAN,
    ND_TITLE,
    PDF_SAMPLE,
    QN_NEWS,
    QNA_NEWS,
    TXT_SAMPLE,
    build_pdf,
)

from common.text import fold
from ingest.metadata import extract_metadata, find_doc_numbers, normalise_doc_number
from ingest.pipeline import parse_bytes
from ingest.structure import parse_sections

CORPUS_EXPECTED = {
    QN_NEWS: dict(title="Triển khai kế hoạch tổng thể nâng cao năng suất chất lượng tại Quảng Ninh",
                  doc_type="tin tức", doc_number="", province="Quảng Ninh", level="tỉnh",
                  issued_date="2021-04-08", period="2021-2030", signer=""),
    KH_NEWS: dict(title="Kế hoạch tổng thể nâng cao năng suất chất lượng trên địa bàn tỉnh Khánh Hòa, giai đoạn "
                        "2021 – 2025",
                  doc_type="tin tức", doc_number="", issuer="UBND tỉnh Khánh Hòa", province="Khánh Hòa", level="tỉnh",
                  issued_date="2021-07-20", period="2021-2025", signer=""),
    QNA_NEWS: dict(title="Quảng Nam đẩy mạnh công tác hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng",
                   doc_type="tin tức", doc_number="1349/KH-UBND", issuer="UBND tỉnh Quảng Nam", province="Quảng Nam",
                   level="tỉnh",
                   issued_date="2023-04-13", signer=""),
    BN_NEWS: dict(title="UBND tỉnh Bắc Ninh ban hành Kế hoạch nâng cao năng suất và chất lượng trên địa bàn tỉnh "
                        "giai đoạn 2023-2030",
                  doc_type="tin tức", doc_number="285/KH-UBND", issuer="UBND tỉnh Bắc Ninh", province="Bắc Ninh",
                  level="tỉnh",
                  issued_date="2023-10-02", period="2023-2030", signer=""),
    ND_PLAN: dict(title=ND_TITLE, doc_type="kế hoạch", doc_number="", issuer="UBND tỉnh Nam Định",
                  province="Nam Định", level="tỉnh", issued_date="2023-03", period="đến 2030",
                  signer="Trần Lê Đoài", signer_title="Phó chủ tịch"),
}

SAMPLE_EXPECTED = {
    PDF_SAMPLE: dict(title="Kế hoạch nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ và đổi "
                           "mới sáng tạo tỉnh Sông Lam đến năm 2030",
                     doc_type="kế hoạch", doc_number="45/KH-UBND", issuer="UBND tỉnh Sông Lam", province="Sông Lam",
                     level="tỉnh",
                     issued_date="2024-03-18", period="đến 2030", signer="Đinh Quang Huy",
                     signer_title="Phó chủ tịch"),
    DOCX_SAMPLE: dict(title="Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng sản phẩm, hàng hóa trên "
                            "địa bàn tỉnh Sông Lam năm 2025",
                      doc_type="kế hoạch", doc_number="12/KH-UBND", issuer="UBND tỉnh Sông Lam", province="Sông Lam",
                      level="tỉnh",
                      issued_date="2025-01-15", signer="Vũ Thị Lan Phương", signer_title="Phó chủ tịch"),
    HTML_SAMPLE: dict(title="Ra mắt Câu lạc bộ Năng suất tại 03 trường đại học, cao đẳng tỉnh Sông Lam",
                      doc_type="tin tức", doc_number="45/KH-UBND", province="Sông Lam", level="tỉnh", signer=""),
    TXT_SAMPLE: dict(doc_type="báo cáo", doc_number="210/BC-SKHCN", province="Sông Lam", level="tỉnh",
                     issued_date="2024-12-10", signer="Trần Quốc Bảo", signer_title="Giám đốc"),
}

CASES = [pytest.param("corpus", name, field, value, id=f"{name[:3]}-{field}")
         for name, fields in CORPUS_EXPECTED.items() for field, value in fields.items()]
CASES += [pytest.param("samples", name, field, value, id=f"{name.split('_')[0]}-{name[-4:]}-{field}")
          for name, fields in SAMPLE_EXPECTED.items() for field, value in fields.items()]


@pytest.mark.parametrize(("where", "name", "field", "value"), CASES)
def test_metadata_field(corpus_docs, sample_docs, where, name, field, value) -> None:
    doc = (corpus_docs if where == "corpus" else sample_docs)[name]
    assert getattr(doc.meta, field) == value


@pytest.mark.parametrize("where", ["corpus", "samples"])
def test_metadata_is_copied_onto_every_chunk(corpus_docs, sample_docs, where) -> None:
    for doc in (corpus_docs if where == "corpus" else sample_docs).values():
        expected = doc.meta.as_metadata()
        for chunk in doc.chunks:
            assert {k: chunk.metadata[k] for k in expected} == expected
            assert chunk.metadata["doc_id"] == doc.doc_id and chunk.metadata["source"] == doc.source


@pytest.mark.parametrize("where", ["corpus", "samples"])
def test_issued_dates_are_iso(corpus_docs, sample_docs, where) -> None:
    for doc in (corpus_docs if where == "corpus" else sample_docs).values():
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", doc.meta.issued_date), doc.meta


def test_the_txt_report_title_is_the_line_after_its_type(sample_docs) -> None:
    title = sample_docs[TXT_SAMPLE].meta.title
    assert title.startswith("Báo cáo sơ kết kết quả thực hiện năm 2024 Kế hoạch số 45/KH-UBND")
    assert title.endswith("tỉnh Sông Lam đến năm 2030")


def test_the_nam_dinh_number_is_blank_not_a_cited_decision(corpus_docs) -> None:
    # "Số: /KH-UBND" (number not yet filled in): the cited 36/QĐ-TTg or 1322/QĐ-TTg must not be taken.
    assert corpus_docs[ND_PLAN].meta.doc_number == ""


# ------------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("285 / KH - UBND", "285/KH-UBND"), ("36/QĐ/TTg", "36/QĐ/TTg"), ("09/2024/NQ-HĐND", "09/2024/NQ-HĐND")],
)
def test_normalise_doc_number(raw: str, expected: str) -> None:
    assert normalise_doc_number(raw) == expected


def test_find_doc_numbers() -> None:
    text = ("Thực hiện Quyết định số 36/QĐ-TTg và Nghị quyết 09/2024/NQ-HĐND, Kế hoạch số 285 / KH-UBND "
            "ngày 08/9/2023 (12,5%/năm)")
    assert find_doc_numbers(text) == ["36/QĐ-TTg", "09/2024/NQ-HĐND", "285/KH-UBND"]


def test_news_number_is_the_plan_not_the_cited_decision(gazetteer) -> None:
    text = ("UBND tỉnh Bắc Ninh ban hành kế hoạch năng suất\n08/9/2023 10:00\n"
            "Thực hiện Quyết định số 36/QĐ-TTg, UBND tỉnh Bắc Ninh ban hành Kế hoạch số 285/KH-UBND.\n"
            "Kế hoạch 285/KH-UBND đặt mục tiêu 12,5%/năm; Quyết định 36/QĐ-TTg đặt mục tiêu 7%/năm.")
    meta = extract_metadata(text, parse_sections(text), gazetteer)
    assert (meta.doc_type, meta.doc_number, meta.province, meta.issued_date) == (
        "tin tức", "285/KH-UBND", "Bắc Ninh", "2023-09-08")


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Nam Định, ngày 08 tháng 9 năm 2023", "2023-09-08"),
        ("Nam Định, ngày tháng 3 năm 2023", "2023-03"),
        ("Hà Nội, ngày 5 tháng 12 năm 2024", "2024-12-05"),
    ],
)
def test_official_header_date(gazetteer, date_line: str, expected: str) -> None:
    text = f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 12/KH-UBND\n{date_line}\nKẾ HOẠCH\nNâng cao năng suất\nI. MỤC TIÊU"
    meta = extract_metadata(text, parse_sections(text), gazetteer)
    assert meta.issued_date == expected
    assert (meta.doc_type, meta.doc_number, meta.issuer, meta.province) == (
        "kế hoạch", "12/KH-UBND", "UBND tỉnh Nam Định", "Nam Định")


def test_national_decision_is_national(gazetteer) -> None:
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 36/QĐ-TTg\nHà Nội, ngày 11 tháng 01 năm 2021\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch tổng thể nâng cao năng suất giai đoạn 2021 - 2030\nĐiều 1. Ban hành kèm theo.")
    meta = extract_metadata(text, parse_sections(text), gazetteer)
    assert (meta.doc_type, meta.doc_number, meta.issuer, meta.level, meta.province) == (
        "quyết định", "36/QĐ-TTg", "Thủ tướng Chính phủ", "quốc gia", "")
    assert meta.issued_date == "2021-01-11"
    assert meta.period == "2021-2030"


# ---------------------------------------------------------------------------------- known bugs


def test_html_sample_issued_date_is_the_article_date(sample_docs) -> None:
    assert sample_docs[HTML_SAMPLE].meta.issued_date == "2024-10-22"


def test_docx_plan_for_2025_is_not_given_the_national_period(sample_docs) -> None:
    assert sample_docs[DOCX_SAMPLE].meta.period != "2021-2030"


def test_txt_report_issuer_is_the_department(sample_docs) -> None:
    assert "so khoa hoc va cong nghe" in fold(sample_docs[TXT_SAMPLE].meta.issuer)


# --------------------------------------------------------- the same Nam Định plan, laid out as a PDF


@pytest.fixture(scope="module")
def nd_pdf_doc(gazetteer):
    from ingest_cases import CORPUS_DIR, plan_as_pdf

    data = plan_as_pdf((CORPUS_DIR / ND_PLAN).read_text(encoding="utf-8"))
    return parse_bytes(data, "nam_dinh.pdf", gazetteer)


def test_nam_dinh_pdf_keeps_what_the_text_gives(nd_pdf_doc) -> None:
    meta = nd_pdf_doc.meta
    assert (meta.doc_type, meta.province, meta.issuer, meta.issued_date, meta.signer) == (
        "kế hoạch", "Nam Định", "UBND tỉnh Nam Định", "2023-03", "Trần Lê Đoài")
    assert len({c.metadata["page"] for c in nd_pdf_doc.chunks}) >= 3


def test_nam_dinh_pdf_title_and_period(nd_pdf_doc) -> None:
    assert (nd_pdf_doc.meta.title, nd_pdf_doc.meta.period) == (ND_TITLE, "đến 2030")


def test_pdf_metadata_from_a_generated_plan(gazetteer) -> None:
    data = build_pdf([[
        "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 77/KH-UBND", "Đắk Lắk, ngày 05 tháng 6 năm 2024", "KẾ HOẠCH",
        "Nâng cao năng suất và chất lượng tỉnh Đắk Lắk giai đoạn 2024 - 2030",
        "Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ;",
        "I. MỤC TIÊU", "- Tăng năng suất lao động bình quân 6,5%/năm./.",
        "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thị Thuý Hằng",
    ]])
    meta = parse_bytes(data, "dak_lak.pdf", gazetteer).meta
    assert meta.title == "Kế hoạch nâng cao năng suất và chất lượng tỉnh Đắk Lắk giai đoạn 2024 - 2030"
    assert (meta.doc_type, meta.doc_number, meta.province, meta.issuer) == (
        "kế hoạch", "77/KH-UBND", "Đắk Lắk", "UBND tỉnh Đắk Lắk")
    assert (meta.issued_date, meta.period, meta.signer, meta.signer_title) == (
        "2024-06-05", "2024-2030", "Nguyễn Thị Thuý Hằng", "Chủ tịch")


@pytest.mark.parametrize("name", ["Y Thuân Byă", "H'Lim Niê"])
def test_signer_with_a_highland_name(gazetteer, name: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 77/KH-UBND\nĐắk Lắk, ngày 05 tháng 6 năm 2024\nKẾ HOẠCH\n"
            "Nâng cao năng suất\nI. MỤC TIÊU\n- Tăng 6,5%/năm./.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
            f"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}")
    assert extract_metadata(text, parse_sections(text), gazetteer).signer == name


def test_signer_with_a_kinh_name(gazetteer) -> None:
    text = ("KẾ HOẠCH\nNâng cao năng suất\nI. MỤC TIÊU\n- Tăng 6,5%/năm./.\nNơi nhận:\n- Lưu: VT.\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Thị Thuý Hằng")
    assert extract_metadata(text, parse_sections(text), gazetteer).signer == "Nguyễn Thị Thuý Hằng"
    assert extract_metadata(text, parse_sections(text), gazetteer).signer_title == "Phó chủ tịch"


def test_pdf_two_column_footer_signer(gazetteer) -> None:
    from fpdf import FPDF
    from ingest_cases import FONT

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()

    def row(left: str, right: str) -> None:
        pdf.cell(85, 6, left)
        pdf.cell(85, 6, right, align="C", new_x="LMARGIN", new_y="NEXT")

    row("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    row("TỈNH NAM ĐỊNH", "Độc lập - Tự do - Hạnh phúc")
    row("Số: 12/KH-UBND", "Nam Định, ngày 10 tháng 3 năm 2023")
    for line in ["KẾ HOẠCH", "Nâng cao năng suất tỉnh Nam Định đến năm 2030", "I. MỤC TIÊU",
                 "- Tăng năng suất lao động bình quân trên 7%/năm./."]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    row("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN")
    row("- Bộ KH&CN;", "KT. CHỦ TỊCH")
    row("- Lưu: VT.", "PHÓ CHỦ TỊCH")
    row("", "")
    row("", "Trần Lê Đoài")
    doc = parse_bytes(bytes(pdf.output()), "two_columns.pdf", gazetteer)
    assert doc.meta.doc_number == "12/KH-UBND"  # the header is fine
    assert doc.meta.signer == "Trần Lê Đoài"

