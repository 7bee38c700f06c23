"""Loaders on files generated inside the tests (fpdf2 PDFs, python-docx documents, HTML, encoded text), read back
through ingest.loaders.load_bytes and ingest.pipeline.parse_bytes."""

from __future__ import annotations

import io
import unicodedata

import pytest
from ingest_cases import build_pdf, cp1258_bytes, flat

from ingest.loaders import load_bytes, media_type_for
from ingest.pipeline import parse_bytes

# ------------------------------------------------------------------------------------------- PDF

PAGE1 = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH ĐẮK LẮK",
    "Số: 77/KH-UBND",
    "Đắk Lắk, ngày 05 tháng 6 năm 2024",
    "KẾ HOẠCH",
    "Nâng cao năng suất và chất lượng tỉnh Đắk Lắk giai đoạn 2024 - 2030",
    "Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể nâng cao "
    "năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2021 - 2030;",
    "I. MỤC TIÊU",
    "1. Mục tiêu chung",
    "Đưa năng suất trở thành động lực chính cho tăng trưởng kinh tế của tỉnh thông qua ứng dụng khoa học, công "
    "nghệ, đổi mới sáng tạo và chuyển đổi số; ưu tiên cà phê, hồ tiêu, sầu riêng và du lịch Buôn Ma Thuột.",
    "2. Mục tiêu cụ thể",
    "- Tăng năng suất lao động bình quân 6,5%/năm giai đoạn 2024 - 2025.",
    "- Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 42%.",
]
# Page 2 is written decomposed (NFD): the pipeline must give it back composed.
PAGE2 = [
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Hỗ trợ doanh nghiệp",
    "- Hỗ trợ 40 doanh nghiệp, hợp tác xã áp dụng ISO 9001, Lean, Kaizen và 5S; ưu tiên huyện Krông Búk và thị xã "
    "Buôn Hồ.",
    "- Thành lập Quỹ hỗ trợ đổi mới sáng tạo của tỉnh với vốn điều lệ 20 tỷ đồng.",
]
PAGE3 = [
    "III. KINH PHÍ THỰC HIỆN",
    "Tổng kinh phí dự kiến là 12,5 tỷ đồng từ ngân sách tỉnh và nguồn hợp pháp khác.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì triển khai Kế hoạch; báo cáo Ủy ban nhân dân tỉnh "
    "trước ngày 15/12 hằng năm./.",
    "Nơi nhận:",
    "- Bộ Khoa học và Công nghệ;",
    "- Lưu: VT, KGVX.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Thị Thuý Hằng",
]


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    nfd = [unicodedata.normalize("NFD", ln) for ln in PAGE2]
    return build_pdf([PAGE1, nfd, PAGE3], title="Kế hoạch 77/KH-UBND")


@pytest.fixture(scope="module")
def plan_doc(plan_pdf, gazetteer):
    return parse_bytes(plan_pdf, "dak_lak_77.pdf", gazetteer, max_chars=400)


def test_pdf_loader_gives_one_page_per_page(plan_pdf) -> None:
    loaded = load_bytes(plan_pdf, "dak_lak_77.pdf")
    assert loaded.media_type == "pdf"
    assert [p.number for p in loaded.pages] == [1, 2, 3]
    assert loaded.title_hint == "Kế hoạch 77/KH-UBND"
    assert "II. NHIỆM VỤ" in unicodedata.normalize("NFC", loaded.pages[1].text)
    assert "III. KINH PHÍ THỰC HIỆN" in loaded.pages[2].text


@pytest.mark.parametrize(
    ("needle", "page"),
    [
        ("Số: 77/KH-UBND", 1),
        ("1. Mục tiêu chung", 1),
        ("Tăng năng suất lao động bình quân 6,5%/năm", 1),
        ("1. Hỗ trợ doanh nghiệp", 2),
        ("Thành lập Quỹ hỗ trợ đổi mới sáng tạo", 2),
        ("III. KINH PHÍ THỰC HIỆN", 3),
        ("Nơi nhận:", 3),
        ("Nguyễn Thị Thuý Hằng", 3),
    ],
)
def test_pdf_chunks_carry_their_page_number(plan_doc, needle: str, page: int) -> None:
    holders = [c for c in plan_doc.chunks if needle in c.page_content]
    assert holders and {c.metadata["page"] for c in holders} == {page}


def test_pdf_pages_are_in_order_and_all_present(plan_doc) -> None:
    pages = [c.metadata["page"] for c in plan_doc.chunks]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3}


@pytest.mark.parametrize(
    "exact",
    [
        "Đắk Lắk, ngày 05 tháng 6 năm 2024",
        "ưu tiên cà phê, hồ tiêu, sầu riêng và du lịch Buôn Ma Thuột.",
        "ưu tiên huyện Krông Búk và thị xã Buôn Hồ.",  # from the NFD page
        "Thành lập Quỹ hỗ trợ đổi mới sáng tạo của tỉnh với vốn điều lệ 20 tỷ đồng.",
        "báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm./.",
    ],
)
def test_pdf_diacritics_intact_after_nfc(plan_doc, exact: str) -> None:
    assert exact in plan_doc.text
    assert any(exact in c.page_content for c in plan_doc.chunks)


def test_pdf_text_is_nfc_and_has_no_replacement_characters(plan_doc) -> None:
    for chunk in plan_doc.chunks:
        assert unicodedata.is_normalized("NFC", chunk.page_content)
        assert "\ufffd" not in chunk.page_content


def test_pdf_wrapped_paragraph_is_one_line_again(plan_doc) -> None:
    # multi_cell wrapped these long paragraphs over two or three lines; reflow joins them.
    for para in (PAGE1[6], PAGE1[9], PAGE3[3]):
        assert para in plan_doc.text.split("\n")


def test_pdf_sections_and_metadata(plan_doc) -> None:
    paths = {c.metadata["section_path"] for c in plan_doc.chunks}
    assert {"I. MỤC TIÊU > 1. Mục tiêu chung", "I. MỤC TIÊU > 2. Mục tiêu cụ thể",
            "II. NHIỆM VỤ, GIẢI PHÁP > 1. Hỗ trợ doanh nghiệp", "III. KINH PHÍ THỰC HIỆN",
            "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận", "Người ký"} <= paths
    meta = plan_doc.meta
    assert (meta.doc_number, meta.province, meta.issued_date, meta.signer) == (
        "77/KH-UBND", "Đắk Lắk", "2024-06-05", "Nguyễn Thị Thuý Hằng")
    assert {c.metadata["media_type"] for c in plan_doc.chunks} == {"pdf"}


def test_blank_pdf_page_is_skipped_and_numbers_stay_true(gazetteer) -> None:
    data = build_pdf([["I. MỤC TIÊU", "- Tăng năng suất 7%/năm."], [], ["II. NHIỆM VỤ", "- Đào tạo chuyên gia."]])
    doc = parse_bytes(data, "gap.pdf", gazetteer)
    assert [(c.metadata["section_path"], c.metadata["page"]) for c in doc.chunks] == [
        ("I. MỤC TIÊU", 1), ("II. NHIỆM VỤ", 3)]


# ------------------------------------------------------------------------------------------ DOCX


def _docx(build) -> bytes:
    from docx import Document

    d = Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _plan_docx(d) -> None:
    d.core_properties.title = "Kế hoạch 12/KH-UBND"
    d.add_paragraph("ỦY BAN NHÂN DÂN")
    d.add_paragraph("TỈNH NINH BÌNH")
    d.add_paragraph("Số: 12/KH-UBND")
    d.add_paragraph("Ninh Bình, ngày 15 tháng 01 năm 2025")
    d.add_paragraph("KẾ HOẠCH", style="Title")
    d.add_paragraph("Hỗ trợ doanh nghiệp nâng cao năng suất năm 2025", style="Subtitle")
    d.add_heading("I. MỤC TIÊU", level=1)
    d.add_heading("1. Mục tiêu chung", level=2)
    d.add_paragraph("Đưa năng suất trở thành động lực tăng trưởng của tỉnh.")
    d.add_paragraph("Hỗ trợ 46 doanh nghiệp, hợp tác xã.", style="List Bullet")
    d.add_paragraph("- Xây dựng 03 mô hình điểm.", style="List Bullet")
    d.add_paragraph("Ưu tiên doanh nghiệp do phụ nữ làm chủ.", style="List Bullet 2")
    d.add_heading("II. PHỤ LỤC NHIỆM VỤ", level=1)
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate([["STT", "Nhiệm vụ", "Thời gian"], ["1", "Tập huấn năng suất", "Quý II/2025"],
                             ["2", "Xây dựng mô hình điểm", "Quý IV/2025"]]):
        for j, value in enumerate(row):
            t.rows[i].cells[j].text = value
    d.add_paragraph("Sở Khoa học và Công nghệ chủ trì thực hiện./.")


@pytest.fixture(scope="module")
def plan_docx() -> bytes:
    return _docx(_plan_docx)


def test_docx_paragraphs_lists_and_table_in_order(plan_docx) -> None:
    loaded = load_bytes(plan_docx, "ninh_binh.docx")
    assert loaded.media_type == "docx" and loaded.title_hint == "Kế hoạch 12/KH-UBND"
    blocks = loaded.pages[0].text.split("\n\n")
    assert blocks == [
        "ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 12/KH-UBND", "Ninh Bình, ngày 15 tháng 01 năm 2025", "KẾ HOẠCH",
        "Hỗ trợ doanh nghiệp nâng cao năng suất năm 2025", "I. MỤC TIÊU", "1. Mục tiêu chung",
        "Đưa năng suất trở thành động lực tăng trưởng của tỉnh.",
        "- Hỗ trợ 46 doanh nghiệp, hợp tác xã.",
        "- Xây dựng 03 mô hình điểm.",  # already a dash: not doubled
        "- Ưu tiên doanh nghiệp do phụ nữ làm chủ.",
        "II. PHỤ LỤC NHIỆM VỤ",
        "STT | Nhiệm vụ | Thời gian\n1 | Tập huấn năng suất | Quý II/2025\n2 | Xây dựng mô hình điểm | Quý IV/2025",
        "Sở Khoa học và Công nghệ chủ trì thực hiện./.",
    ]


def test_docx_through_the_pipeline(plan_docx, gazetteer) -> None:
    doc = parse_bytes(plan_docx, "ninh_binh.docx", gazetteer)
    paths = [c.metadata["section_path"] for c in doc.chunks]
    assert "I. MỤC TIÊU > 1. Mục tiêu chung" in paths and "II. PHỤ LỤC NHIỆM VỤ" in paths
    (table_chunk,) = [c for c in doc.chunks if "1 | Tập huấn năng suất | Quý II/2025" in c.page_content]
    assert table_chunk.metadata["section_path"] == "II. PHỤ LỤC NHIỆM VỤ"
    assert table_chunk.metadata["page"] == 0 and table_chunk.metadata["media_type"] == "docx"
    assert (doc.meta.doc_type, doc.meta.doc_number, doc.meta.province, doc.meta.issued_date) == (
        "kế hoạch", "12/KH-UBND", "Ninh Bình", "2025-01-15")
    assert doc.meta.title == "Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất năm 2025"


def test_docx_horizontally_merged_cells_are_written_once() -> None:
    def build(d) -> None:
        t = d.add_table(rows=2, cols=3)
        t.cell(0, 0).text = "Nhiệm vụ"
        t.cell(0, 1).merge(t.cell(0, 2)).text = "Thời gian"
        for j, value in enumerate(["Tập huấn", "Quý I", "Quý II"]):
            t.cell(1, j).text = value

    text = load_bytes(_docx(build), "merged.docx").pages[0].text
    assert text.split("\n") == ["Nhiệm vụ | Thời gian", "Tập huấn | Quý I | Quý II"]


@pytest.mark.parametrize(
    "row",
    [["2", "Tập huấn", "Sở KH&CN", "Sở KH&CN", "Quý II/2025"], ["3", "Tổng kết", "", "", "15/12/2025"]],
)
def test_docx_equal_neighbouring_cells_keep_their_columns(row: list[str]) -> None:
    def build(d) -> None:
        t = d.add_table(rows=1, cols=len(row))
        for j, value in enumerate(row):
            t.cell(0, j).text = value

    assert load_bytes(_docx(build), "table.docx").pages[0].text == " | ".join(row)


# ------------------------------------------------------------------------------------------ HTML

NEWS_HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>UBND tỉnh Hà Nam ban hành kế hoạch năng suất - Cổng TTĐT</title>
<script>var views = 1234; document.write("Kế hoạch bí mật trong script");</script>
<style>.menu { color: red }</style></head>
<body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ NAM</div>
<form><input name="q" placeholder="Tìm kiếm"></form></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu</a></li><li><a href="/tt">Tin tức</a></li>
<li><a href="/vb">Văn bản chỉ đạo điều hành</a></li><li><a href="/lh">Liên hệ</a></li></ul></nav>
<main><article>
<h1>UBND tỉnh Hà Nam ban hành Kế hoạch nâng cao năng suất lao động giai đoạn 2024 - 2030</h1>
<p>Ngày 12/3/2024, UBND tỉnh Hà Nam ban hành Kế hoạch số 58/KH-UBND về nâng cao năng suất lao động dựa trên nền tảng
khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2024 - 2030.</p>
<p>Kế hoạch đặt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm và hỗ trợ ít nhất 60 doanh nghiệp áp dụng
các hệ thống quản lý, công cụ cải tiến năng suất như 5S, Kaizen, Lean.</p>
<p>Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì, phối hợp với các sở, ngành và UBND các huyện, thị xã,
thành phố tổ chức triển khai Kế hoạch; báo cáo UBND tỉnh trước ngày 15/12 hằng năm.</p>
<div class="share">Thích và chia sẻ bài viết:</div>
</article></main>
<aside><h3>Thống kê truy cập</h3><p>Online : 4915</p><p>Đã truy cập : 130990592</p></aside>
<footer><p><a href="#top">Về đầu trang</a></p><p>Bản quyền thuộc Văn phòng UBND tỉnh Hà Nam</p></footer>
</body></html>"""

HTML_CONTENT = [
    "Ngày 12/3/2024, UBND tỉnh Hà Nam ban hành Kế hoạch số 58/KH-UBND về nâng cao năng suất lao động dựa trên nền "
    "tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2024 - 2030.",
    "Kế hoạch đặt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm và hỗ trợ ít nhất 60 doanh nghiệp áp "
    "dụng các hệ thống quản lý, công cụ cải tiến năng suất như 5S, Kaizen, Lean.",
    "báo cáo UBND tỉnh trước ngày 15/12 hằng năm.",
]
HTML_FURNITURE = ["Trang chủ", "Giới thiệu", "Văn bản chỉ đạo điều hành", "Tìm kiếm", "Thích và chia sẻ",
                  "Thống kê truy cập", "Online", "Đã truy cập", "Về đầu trang", "Bản quyền", "bí mật", "color: red",
                  "CỔNG THÔNG TIN ĐIỆN TỬ"]


@pytest.fixture(scope="module")
def news_doc(gazetteer):
    return parse_bytes(NEWS_HTML.encode("utf-8"), "ha_nam.html", gazetteer)


@pytest.mark.parametrize("content", HTML_CONTENT)
def test_html_content_is_kept(news_doc, content: str) -> None:
    assert content in flat(news_doc.text)


@pytest.mark.parametrize("furniture", HTML_FURNITURE)
def test_html_furniture_is_dropped(news_doc, furniture: str) -> None:
    assert furniture not in news_doc.text


def test_html_metadata(news_doc) -> None:
    meta = news_doc.meta
    assert meta.title == "UBND tỉnh Hà Nam ban hành Kế hoạch nâng cao năng suất lao động giai đoạn 2024 - 2030"
    assert (meta.doc_type, meta.doc_number, meta.province, meta.issuer, meta.period) == (
        "tin tức", "58/KH-UBND", "Hà Nam", "UBND tỉnh Hà Nam", "2024-2030")
    assert {c.metadata["media_type"] for c in news_doc.chunks} == {"html"}


def test_html_with_a_utf8_bom(gazetteer) -> None:
    html = ("<html><head><meta charset='utf-8'><title>Tin</title></head><body><h1>Tin năng suất Hà Nam</h1>"
            "<p>Kế hoạch đặt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm ở tỉnh Hà Nam.</p></body></html>")
    doc = parse_bytes("\ufeff".encode() + html.encode("utf-8"), "bom.html", gazetteer)
    assert "Kế hoạch đặt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm ở tỉnh Hà Nam." in doc.text


def test_txt_that_is_really_html_is_loaded_as_html() -> None:
    loaded = load_bytes(b"<!DOCTYPE html><html><body><p>Xin ch\xc3\xa0o H\xc3\xa0 Nam</p></body></html>", "page.txt")
    assert loaded.media_type == "html"
    assert "Xin chào Hà Nam" in loaded.pages[0].text and "<p>" not in loaded.pages[0].text


def test_html_fallback_does_not_leak_comments() -> None:
    html = ("<html><body><!-- Google Tag Manager: do not remove --><div class='comments'>"
            "<p>Kế hoạch đặt mục tiêu tăng năng suất lao động bình quân trên 7%/năm giai đoạn 2023 - 2025.</p>"
            "<p>Sở Khoa học và Công nghệ là cơ quan đầu mối.</p></div></body></html>")
    text = load_bytes(html.encode(), "hoi_dap.html").pages[0].text
    assert "Sở Khoa học và Công nghệ là cơ quan đầu mối." in text  # the content is there (fallback used) ...
    assert "Google Tag Manager" not in text  # ... and the comment is not


# ------------------------------------------------------------------------------------------ text

TEXT = "KẾ HOẠCH\nI. MỤC TIÊU\n- Tăng năng suất lao động của tỉnh Thừa Thiên Huế bình quân 7%/năm."




@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8 BOM", TEXT.encode("utf-8-sig")),
        ("utf-8 NFD", unicodedata.normalize("NFD", TEXT).encode("utf-8")),
        ("utf-16 LE BOM", TEXT.encode("utf-16")),
        ("utf-16 BE BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf-8 CRLF", TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("windows-1258", cp1258_bytes(TEXT)),
    ],
)
def test_text_encodings(gazetteer, label: str, data: bytes) -> None:
    doc = parse_bytes(data, "plan.txt", gazetteer)
    assert doc.text == TEXT, label
    assert [c.metadata["section_path"] for c in doc.chunks] == ["", "I. MỤC TIÊU"]
    assert doc.meta.province == "Thừa Thiên Huế"


def test_bom_is_not_part_of_the_first_line() -> None:
    loaded = load_bytes(TEXT.encode("utf-8-sig"), "plan.txt")
    assert loaded.pages[0].text.startswith("KẾ HOẠCH") and loaded.media_type == "text"
    assert loaded.pages[0].number is None


# ----------------------------------------------------------------------------- media type choice


@pytest.mark.parametrize(
    ("name", "media"),
    [("a.txt", "text"), ("a.md", "text"), ("A.PDF", "pdf"), ("x/y.Docx", "docx"), ("b.htm", "html"),
     ("c.html", "html"), ("d.xlsx", None), ("noext", None), ("e.doc", None)],
)
def test_media_type_for(name: str, media) -> None:
    assert media_type_for(name) == media


def test_declared_type_wins_over_the_name() -> None:
    loaded = load_bytes(b"<html><body><p>Tin n\xc4\x83ng su\xe1\xba\xa5t</p></body></html>", "download?id=5",
                        declared="html")
    assert loaded.media_type == "html" and "Tin năng suất" in loaded.pages[0].text
