"""A fictional plan ("Tỉnh Trà Giang", invented) written after the extraction rules, in wording the rules were
not developed on: targets under "II. CHỈ TIÊU CHỦ YẾU" by period, a "Trách nhiệm thực hiện" section with
abbreviated agency names, eligibility with an FDI exclusion. Its gold facts were written from the text before
the extractor was run on it; the first measured numbers are reported in the README, the rules were not tuned on
it afterwards. Used by the tests and by ``bench/facts_bench.py`` (held-out precision/recall)."""

from __future__ import annotations

TITLE = "KẾ HOẠCH Nâng cao năng suất lao động dựa trên khoa học, công nghệ tỉnh Trà Giang giai đoạn 2024 - 2030"
PROVINCE = "Trà Giang"
FILE_STEM = "ke_hoach_tra_giang_2024_2030"

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH TRÀ GIANG",
    "Số: 77/KH-UBND",
    "Trà Giang, ngày 05 tháng 4 năm 2024",
    "KẾ HOẠCH",
    "Nâng cao năng suất lao động dựa trên khoa học, công nghệ tỉnh Trà Giang giai đoạn 2024 - 2030",
    "(Tài liệu hư cấu dùng để kiểm thử.)",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Cụ thể hóa Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ phù hợp với điều kiện của tỉnh; huy động các doanh nghiệp cùng tham gia.",
    "II. CHỈ TIÊU CHỦ YẾU",
    "1. Giai đoạn 2024 - 2025",
    "- Năng suất lao động của tỉnh tăng bình quân từ 6,5 đến 7%/năm.",
    "- Đóng góp của TFP vào tăng trưởng kinh tế của tỉnh đạt tối thiểu 38%.",
    "- Ít nhất 40 doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến năng suất.",
    "- Đào tạo, cấp chứng chỉ cho 08 chuyên gia năng suất.",
    "2. Giai đoạn 2026 - 2030",
    "- Năng suất lao động tăng bình quân trên 7,5%/năm.",
    "- Đóng góp của TFP vào tăng trưởng kinh tế đạt khoảng 46%.",
    "- Hỗ trợ 150 doanh nghiệp áp dụng hệ thống quản lý tiên tiến, trong đó 20 doanh nghiệp được hỗ trợ đồng bộ.",
    "- Xây dựng 10 mô hình điểm về năng suất tại các khu công nghiệp.",
    "- Thành lập 05 câu lạc bộ năng suất tại các trường cao đẳng.",
    "III. NHIỆM VỤ VÀ GIẢI PHÁP",
    "- Năm 2024 tổ chức 02 lớp tập huấn cho doanh nghiệp về công cụ 5S, Kaizen.",
    "- Xây dựng cơ sở dữ liệu về năng suất của tỉnh.",
    "IV. ĐỐI TƯỢNG, ĐIỀU KIỆN VÀ MỨC HỖ TRỢ",
    "1. Đối tượng",
    "- Doanh nghiệp nhỏ và vừa, hợp tác xã có trụ sở chính trên địa bàn tỉnh Trà Giang.",
    "2. Trường hợp không áp dụng",
    "- Không áp dụng đối với doanh nghiệp có vốn đầu tư trực tiếp nước ngoài (FDI).",
    "3. Mức hỗ trợ",
    "- Hỗ trợ 50% chi phí tư vấn áp dụng công cụ cải tiến, tối đa 70 triệu đồng/doanh nghiệp.",
    "V. TRÁCH NHIỆM THỰC HIỆN",
    "1. Sở KH&CN",
    "- Là cơ quan thường trực, chủ trì hướng dẫn các doanh nghiệp tham gia Kế hoạch.",
    "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.",
    "2. Sở Công Thương, Sở Kế hoạch và Đầu tư",
    "- Phối hợp với Sở KH&CN lựa chọn doanh nghiệp xây dựng mô hình điểm.",
    "3. Sở Tài chính",
    "- Bố trí kinh phí thực hiện Kế hoạch theo phân cấp ngân sách.",
    "4. UBND các huyện, thị xã, thành phố",
    "- Tuyên truyền, vận động doanh nghiệp trên địa bàn; báo cáo kết quả về Sở KH&CN trước ngày 10/12 hằng năm.",
]

DOC = FILE_STEM + ".docx"
GOLD_TARGETS = [
    {"doc": DOC, "indicator": "labour_productivity", "low": 6.5, "high": 7, "year": 2025, "quote": "từ 6,5 đến 7%/năm"},
    {"doc": DOC, "indicator": "tfp_contribution", "low": 38, "high": 38, "year": 2025, "quote": "tối thiểu 38%"},
    {"doc": DOC, "indicator": "enterprises_supported", "low": 40, "high": 40, "year": 2025, "quote": "Ít nhất 40 doanh nghiệp"},
    {"doc": DOC, "indicator": "experts", "low": 8, "high": 8, "year": 2025, "quote": "08 chuyên gia năng suất"},
    {"doc": DOC, "indicator": "labour_productivity", "low": 7.5, "high": 7.5, "year": 2030, "quote": "trên 7,5%/năm"},
    {"doc": DOC, "indicator": "tfp_contribution", "low": 46, "high": 46, "year": 2030, "quote": "khoảng 46%"},
    {"doc": DOC, "indicator": "enterprises_supported", "low": 150, "high": 150, "year": 2030, "quote": "Hỗ trợ 150 doanh nghiệp"},
    {"doc": DOC, "indicator": "enterprises_supported", "low": 20, "high": 20, "year": 2030, "subset": True,
     "quote": "trong đó 20 doanh nghiệp"},
    {"doc": DOC, "indicator": "pilot_models", "low": 10, "high": 10, "year": 2030, "quote": "Xây dựng 10 mô hình điểm"},
    {"doc": DOC, "indicator": "clubs", "low": 5, "high": 5, "year": 2030, "quote": "Thành lập 05 câu lạc bộ"},
]
GOLD_RESPONSIBILITIES = [
    {"doc": DOC, "agency": "Sở Khoa học và Công nghệ", "role": "đầu mối"},
    {"doc": DOC, "agency": "Sở Khoa học và Công nghệ", "role": "chủ trì"},
    {"doc": DOC, "agency": "Sở Khoa học và Công nghệ", "role": "báo cáo"},
    {"doc": DOC, "agency": "Sở Công Thương", "role": "phối hợp"},
    {"doc": DOC, "agency": "Sở Kế hoạch và Đầu tư", "role": "phối hợp"},
    {"doc": DOC, "agency": "Sở Tài chính", "role": "thực hiện"},
    {"doc": DOC, "agency": "UBND cấp huyện", "role": "thực hiện"},
    {"doc": DOC, "agency": "UBND cấp huyện", "role": "báo cáo"},
]
GOLD_ELIGIBILITY = {"đối tượng": 1, "không hỗ trợ": 1, "mức hỗ trợ": 1}


def write_docx(path) -> None:  # noqa: ANN001
    """The plan as a Word file: headings as Heading styles, "-" items as List Bullet paragraphs."""
    import re

    from docx import Document

    doc = Document()
    for line in LINES:
        if re.match(r"^(?:[IVX]+\.|\d+\.)\s", line):
            doc.add_heading(line, level=1 if re.match(r"^[IVX]+\.", line) else 2)
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.save(path)
