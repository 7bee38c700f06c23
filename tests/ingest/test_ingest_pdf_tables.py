"""A ruled table in a PDF keeps its rows and columns: "STT | Chỉ tiêu | 2025 | 2030"."""

from __future__ import annotations

from fpdf import FPDF

from common.provinces import ProvinceGazetteer
from ingest.pipeline import parse_bytes

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
ROWS = [["STT", "Chỉ tiêu", "2025", "2030"],
        ["1", "Tăng năng suất lao động bình quân", "6,5%", "7,2%"],
        ["2", "Đóng góp của TFP vào tăng trưởng GRDP", "40%", "45%"],
        ["3", "Số doanh nghiệp được hỗ trợ", "50", "120"]]


def _pdf_with_table() -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", BOLD)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "KẾ HOẠCH\nNâng cao năng suất tỉnh Hà Nam đến năm 2030\nPHỤ LỤC\nCHỈ TIÊU CHỦ YẾU",
                   new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for r in ROWS:
            row = table.row()
            for c in r:
                row.cell(c)
    pdf.multi_cell(0, 6, "Giao Sở Khoa học và Công nghệ chủ trì theo dõi các chỉ tiêu.", new_x="LMARGIN",
                   new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_table_rows_keep_their_columns() -> None:
    doc = parse_bytes(_pdf_with_table(), "ha_nam.pdf", ProvinceGazetteer())
    lines = doc.text.split("\n")
    for row in ROWS:
        assert " | ".join(row) in lines
    # the text around the table stays in reading order
    assert lines.index(" | ".join(ROWS[0])) > lines.index("CHỈ TIÊU CHỦ YẾU")
    assert lines.index(" | ".join(ROWS[-1])) < lines.index("Giao Sở Khoa học và Công nghệ chủ trì theo dõi các chỉ tiêu.")
    assert any("1 | Tăng năng suất lao động bình quân | 6,5% | 7,2%" in c.page_content for c in doc.chunks)
    assert all(c.metadata["page"] == 1 for c in doc.chunks)
