"""Build ``docs/ke_hoach_nscl_lam_dong_2024_2030.docx``: a FICTIONAL test plan for Lâm Đồng written with the
abbreviations real plans use (KH&CN, NSLĐ, DNNVV, HTX, TFP, ĐMST, NSCL, TCĐLCL, HĐND, "TP.") and the old
tone placement ("hoà", "hoá"). Run from the repository root:

    .venv/bin/python tests/quality/make_lam_dong_docx.py

The output is deterministic (fixed core properties and zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent / "docs" / "ke_hoach_nscl_lam_dong_2024_2030.docx"

# (style, text); style None = Normal paragraph.
CONTENT: list[tuple[str | None, str]] = [
    (None, "TÀI LIỆU KIỂM THỬ HƯ CẤU – chỉ dùng để kiểm thử trợ lý hỏi đáp, không phải văn bản thật của tỉnh Lâm Đồng."),
    (None, "Số hiệu, ngày tháng, số liệu, cơ quan và người ký trong tài liệu này đều do người viết bộ câu hỏi kiểm thử đặt ra."),
    (None, "UBND TỈNH LÂM ĐỒNG"),
    (None, "Số: 76/KH-UBND"),
    (None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (None, "Độc lập - Tự do - Hạnh phúc"),
    (None, "Lâm Đồng, ngày 05 tháng 4 năm 2024"),
    ("Title", "KẾ HOẠCH"),
    ("Subtitle", "Nâng cao NSCL dựa trên nền tảng KH&CN và ĐMST tỉnh Lâm Đồng giai đoạn 2024 - 2030"),
    (None, "Căn cứ QĐ số 36/QĐ-TTg ngày 11/01/2021 của TTg Chính phủ ban hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng KH&CN và ĐMST giai đoạn 2021 - 2030;"),
    (None, "Căn cứ Nghị quyết số 14/2023/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh quy định chính sách hỗ trợ DNNVV, HTX nâng cao NSCL trên địa bàn tỉnh Lâm Đồng;"),
    (None, "Theo đề nghị của Sở KH&CN, UBND tỉnh ban hành Kế hoạch nâng cao NSCL giai đoạn 2024 - 2030 như sau:"),
    ("Heading 1", "I. MỤC TIÊU"),
    ("Heading 2", "1. Mục tiêu chung"),
    (None, "Đưa NSCL trở thành động lực tăng trưởng của các ngành chủ lực của tỉnh là nông nghiệp công nghệ cao, chế biến cà phê, chè, rau, hoa và du lịch; thúc đẩy ứng dụng KH&CN, ĐMST và chuyển đổi số trong DNNVV, HTX; nâng cao giá trị sản phẩm, hàng hoá mang thương hiệu Đà Lạt - Lâm Đồng."),
    ("Heading 2", "2. Mục tiêu cụ thể"),
    ("Heading 3", "a) Đến năm 2025"),
    ("List Bullet", "Tốc độ tăng NSLĐ bình quân đạt 6,2%/năm giai đoạn 2024 - 2025."),
    ("List Bullet", "Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 39%."),
    ("List Bullet", "Đào tạo 07 chuyên gia NSCL đạt tiêu chuẩn quốc gia."),
    ("List Bullet", "Hỗ trợ 35 DNNVV, HTX áp dụng hệ thống quản lý, công cụ cải tiến NSCL."),
    ("List Bullet", "Xây dựng 04 mô hình điểm về cải tiến năng suất trong chế biến cà phê, chè và du lịch."),
    ("Heading 3", "b) Đến năm 2030"),
    ("List Bullet", "Tốc độ tăng NSLĐ bình quân đạt 7,1%/năm giai đoạn 2026 - 2030."),
    ("List Bullet", "Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 44%."),
    ("List Bullet", "Đào tạo tổng cộng 15 chuyên gia NSCL đạt tiêu chuẩn quốc gia."),
    ("List Bullet", "Hỗ trợ 100 DNNVV, HTX áp dụng hệ thống quản lý, công cụ cải tiến NSCL; ít nhất 20 HTX áp dụng truy xuất nguồn gốc điện tử."),
    ("List Bullet", "Có 02 DN của tỉnh đạt Giải thưởng Chất lượng quốc gia."),
    ("Heading 1", "II. ĐỐI TƯỢNG HỖ TRỢ"),
    ("Heading 2", "1. Đối tượng được hỗ trợ"),
    ("List Bullet", "DNNVV, HTX, liên hiệp HTX có trụ sở chính và cơ sở sản xuất trên địa bàn tỉnh Lâm Đồng."),
    ("List Bullet", "Hộ kinh doanh chuyển đổi thành DN trong thời hạn 03 năm kể từ ngày được cấp Giấy chứng nhận đăng ký DN lần đầu."),
    ("Heading 2", "2. Các trường hợp không được hỗ trợ"),
    ("List Bullet", "DN có vốn nhà nước chiếm trên 50% vốn điều lệ."),
    ("List Bullet", "DN có vốn đầu tư nước ngoài."),
    ("List Bullet", "Đơn vị đã được NSNN hỗ trợ cùng một nội dung trong giai đoạn 2021 - 2023."),
    ("Heading 1", "III. NHIỆM VỤ, GIẢI PHÁP"),
    ("List Bullet", "Hoàn thiện cơ chế, chính sách hỗ trợ nâng cao NSCL theo Nghị quyết số 14/2023/NQ-HĐND."),
    ("List Bullet", "Hỗ trợ DNNVV, HTX áp dụng ISO 9001, ISO 22000, VietGAP, 5S, Kaizen, Lean và tiêu chuẩn hoá sản phẩm chủ lực."),
    ("List Bullet", "Xây dựng mô hình điểm năng suất trong du lịch tại TP. Đà Lạt và mô hình điểm chế biến chè tại TP. Bảo Lộc."),
    ("List Bullet", "Đào tạo chuyên gia NSCL; phối hợp với Trường Đại học Đà Lạt đưa học phần NSCL vào chương trình đào tạo."),
    ("List Bullet", "Truyền thông, tôn vinh điển hình về NSCL trên Báo Lâm Đồng và Đài PT-TH tỉnh."),
    ("Heading 1", "IV. KINH PHÍ THỰC HIỆN"),
    (None, "Tổng kinh phí dự kiến giai đoạn 2024 - 2030 là 21,6 tỷ đồng, trong đó ngân sách sự nghiệp KH&CN của tỉnh 15,2 tỷ đồng; lồng ghép Chương trình khuyến nông, khuyến công 3,4 tỷ đồng; kinh phí đối ứng của DN, HTX 3 tỷ đồng."),
    ("Heading 1", "V. THỜI HẠN"),
    ("List Bullet", "Hồ sơ đề nghị hỗ trợ năm 2024 nộp về Sở KH&CN trước ngày 30/6/2024; từ năm 2025 nộp trước ngày 31/3 hằng năm."),
    ("List Bullet", "Các sở, ngành, UBND các huyện, TP. Đà Lạt, TP. Bảo Lộc báo cáo kết quả thực hiện về Sở KH&CN trước ngày 25/11 hằng năm."),
    ("List Bullet", "Sơ kết thực hiện Kế hoạch vào năm 2027; tổng kết vào năm 2030."),
    ("Heading 1", "VI. TỔ CHỨC THỰC HIỆN"),
    ("Heading 2", "1. Sở KH&CN"),
    (None, "Là cơ quan đầu mối, chủ trì triển khai Kế hoạch; giao Chi cục TCĐLCL là đơn vị thường trực giúp việc; thành lập Hội đồng xét chọn DNNVV, HTX được hỗ trợ."),
    ("Heading 2", "2. Sở Nông nghiệp và PTNT"),
    (None, "Chủ trì hỗ trợ HTX áp dụng VietGAP, truy xuất nguồn gốc; phối hợp với Sở KH&CN lựa chọn mô hình điểm chế biến cà phê, chè."),
    ("Heading 2", "3. Sở Văn hoá, Thể thao và Du lịch"),
    (None, "Phối hợp với UBND TP. Đà Lạt xây dựng mô hình điểm năng suất trong các cơ sở lưu trú du lịch."),
    ("Heading 2", "4. Sở Tài chính"),
    (None, "Tham mưu UBND tỉnh bố trí kinh phí sự nghiệp KH&CN hằng năm để thực hiện Kế hoạch."),
    ("Heading 2", "5. UBND các huyện, TP. Đà Lạt, TP. Bảo Lộc"),
    (None, "Tuyên truyền, giới thiệu DNNVV, HTX trên địa bàn tham gia Kế hoạch; theo dõi, báo cáo kết quả theo thời hạn tại Mục V."),
    (None, "Nơi nhận:"),
    (None, "- Bộ KH&CN;"),
    (None, "- TT Tỉnh uỷ, TT HĐND tỉnh;"),
    (None, "- CT, các PCT UBND tỉnh;"),
    (None, "- Lưu: VT, KGVX."),
    (None, "TM. UỶ BAN NHÂN DÂN"),
    (None, "KT. CHỦ TỊCH"),
    (None, "PHÓ CHỦ TỊCH"),
    (None, "(Đã ký)"),
    (None, "Hồ Văn Lượng"),
]

FIXED = dt.datetime(2024, 4, 5, 8, 0, 0)


def build() -> bytes:
    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = "kiem-thu"
    props.created = props.modified = FIXED
    props.title = "Kế hoạch nâng cao NSCL tỉnh Lâm Đồng 2024 - 2030 (tài liệu kiểm thử hư cấu)"
    for style, text in CONTENT:
        doc.add_paragraph(text, style=style) if style else doc.add_paragraph(text)
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in sorted(src.infolist(), key=lambda i: i.filename):
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 4, 5, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(OUT)
