"""Regenerate the fictional sample documents in this folder (run from the repository root):

    .venv/bin/python samples/make_samples.py           # build all four files, then check them
    .venv/bin/python samples/make_samples.py --check   # only check the files already here

Everything is FICTIONAL: "tỉnh Sông Lam" is not a Vietnamese province, and the numbers, agencies'
decisions, dates and people below are invented for illustration and tests. The content lives in this
script as Python data (a small line-based markup for the two official documents and the report, plain
HTML for the news page), so every file can be rebuilt byte for byte:

* ke_hoach_nang_suat_song_lam_2030.pdf   - Kế hoạch 45/KH-UBND (fpdf2, DejaVu Sans, real text layer)
* ho_tro_doanh_nghiep_song_lam_2025.docx - Kế hoạch 12/KH-UBND (python-docx, Word styles, appendix table)
* tin_song_lam_cau_lac_bo_nang_suat.html  - a provincial news article with site furniture
* bao_cao_so_ket_song_lam_2024.txt        - Báo cáo 210/BC-SKHCN, plain UTF-8 text
* qa.json                                 - question/answer pairs with their exact supporting sentences

Markup used for the document bodies (one block per line, blank lines ignored):
    "# "   heading level 1 (I., II., ...)        "- "  bullet        "@ lead | text"  bold lead-in + text
    "## "  heading level 2 (1., 2., ...)         "+ "  sub-bullet    anything else    body paragraph
    "### " heading level 3 (a), b), ...)
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import unicodedata
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

PDF_NAME = "ke_hoach_nang_suat_song_lam_2030.pdf"
DOCX_NAME = "ho_tro_doanh_nghiep_song_lam_2025.docx"
HTML_NAME = "tin_song_lam_cau_lac_bo_nang_suat.html"
TXT_NAME = "bao_cao_so_ket_song_lam_2024.txt"
QA_NAME = "qa.json"

BANNER = "TÀI LIỆU MẪU HƯ CẤU – chỉ dùng để minh họa, không phải văn bản thật"
BANNER_NOTE = "Tỉnh Sông Lam là địa danh giả định; số liệu, cơ quan, nhân vật đều hư cấu."
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# --------------------------------------------------------------------------------------------------
# 1. Kế hoạch số 45/KH-UBND (PDF)
# --------------------------------------------------------------------------------------------------

PLAN_2030 = {
    "org": ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM"],
    "number": "Số: 45/KH-UBND",
    "place_date": "Sông Lam, ngày 18 tháng 3 năm 2024",
    "kind": "KẾ HOẠCH",
    "title": (
        "Nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ "
        "và đổi mới sáng tạo tỉnh Sông Lam đến năm 2030"
    ),
    # How the centred title line breaks in the PDF, as a drafter would balance it.
    "title_lines": [
        "Nâng cao năng suất và chất lượng dựa trên nền tảng khoa học,",
        "công nghệ và đổi mới sáng tạo tỉnh Sông Lam đến năm 2030",
    ],
    "created": datetime(2024, 3, 18, 8, 0, 0, tzinfo=timezone.utc),
    "body": """
Căn cứ Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2021 - 2030;
Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030;
Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 28/TTr-SKHCN ngày 04/3/2024, Ủy ban nhân dân tỉnh Sông Lam ban hành Kế hoạch thực hiện đến năm 2030 với các nội dung như sau:

# I. MỤC TIÊU
## 1. Mục tiêu chung
Đưa năng suất trở thành động lực chính cho tăng trưởng kinh tế của tỉnh Sông Lam thông qua ứng dụng khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; hình thành phong trào năng suất rộng khắp trong doanh nghiệp, hợp tác xã, cơ sở giáo dục và cơ quan nhà nước; nâng cao sức cạnh tranh của các ngành chủ lực của tỉnh là chế biến nông sản, thủy sản, dệt may, cơ khí và du lịch sinh thái.
## 2. Mục tiêu cụ thể
### a) Mục tiêu đến năm 2025
- Góp phần đạt tốc độ tăng năng suất lao động bình quân 6,8%/năm giai đoạn 2024 - 2025.
- Tỷ trọng đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng GRDP của tỉnh đạt 42%.
- Đào tạo 12 chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia.
- Hỗ trợ 80 doanh nghiệp, hợp tác xã xây dựng, áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
- Xây dựng 06 mô hình điểm về cải tiến năng suất tại doanh nghiệp thuộc các ngành chủ lực.
- Thành lập 03 câu lạc bộ năng suất tại các trường đại học, cao đẳng trên địa bàn tỉnh.
- Tập huấn, bồi dưỡng kiến thức về năng suất chất lượng cho 400 lượt cán bộ, công chức và người lao động trong doanh nghiệp.
### b) Mục tiêu đến năm 2030
- Góp phần đạt tốc độ tăng năng suất lao động bình quân 7,2%/năm giai đoạn 2026 - 2030.
- Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 48%.
- Đào tạo tổng cộng 30 chuyên gia năng suất chất lượng đạt tiêu chuẩn quốc gia, trong đó ít nhất 10 chuyên gia làm việc tại doanh nghiệp.
- Hỗ trợ 250 doanh nghiệp, hợp tác xã áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng.
- Xây dựng 15 mô hình điểm và nhân rộng ra ít nhất 60 doanh nghiệp.
- Duy trì hoạt động của 08 câu lạc bộ năng suất tại các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp.
- Có 05 trường đại học, cao đẳng đưa nội dung năng suất chất lượng vào chương trình đào tạo.
- Có ít nhất 03 doanh nghiệp của tỉnh đạt Giải thưởng Chất lượng quốc gia.

# II. NHIỆM VỤ, GIẢI PHÁP
## 1. Hoàn thiện cơ chế, chính sách và cơ sở dữ liệu về năng suất
- Xây dựng, trình Hội đồng nhân dân tỉnh ban hành chính sách hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng trong năm 2024.
- Xây dựng cơ sở dữ liệu năng suất của tỉnh; cập nhật hằng năm chỉ số năng suất lao động theo ngành, lĩnh vực và theo huyện, thành phố.
## 2. Hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất
- Hỗ trợ doanh nghiệp áp dụng ISO 9001, ISO 22000, ISO 14001, ISO 50001 và các công cụ 5S, Kaizen, Lean, TPM, năng suất xanh.
- Lựa chọn doanh nghiệp chế biến thủy sản, dệt may và cơ khí để xây dựng mô hình điểm; tổ chức tham quan, chia sẻ kinh nghiệm để nhân rộng.
- Hỗ trợ hợp tác xã và chủ thể OCOP áp dụng truy xuất nguồn gốc, mã số mã vạch.
## 3. Đào tạo, phát triển nguồn nhân lực cho hoạt động năng suất
- Cử cán bộ quản lý nhà nước và cán bộ doanh nghiệp tham gia các khóa đào tạo chuyên gia năng suất chất lượng do Tổng cục Tiêu chuẩn Đo lường Chất lượng tổ chức.
- Phối hợp với các trường đại học, cao đẳng thành lập và duy trì câu lạc bộ năng suất cho sinh viên; đưa học phần năng suất chất lượng vào chương trình đào tạo.
## 4. Thúc đẩy đổi mới công nghệ và chuyển đổi số trong doanh nghiệp
- Hỗ trợ doanh nghiệp đánh giá trình độ công nghệ, xây dựng lộ trình đổi mới công nghệ; ưu tiên công nghệ tiết kiệm năng lượng, sản xuất sạch hơn.
- Kết nối doanh nghiệp với viện nghiên cứu, trường đại học và sàn giao dịch công nghệ để chuyển giao công nghệ.
## 5. Truyền thông, tôn vinh và hợp tác về năng suất
- Tổ chức "Tháng năng suất tỉnh Sông Lam" vào tháng 10 hằng năm.
- Xây dựng chuyên mục "Năng suất và Chất lượng" trên Báo Sông Lam, Đài Phát thanh và Truyền hình tỉnh và Cổng thông tin điện tử của Sở Khoa học và Công nghệ.
- Khen thưởng tập thể, cá nhân có thành tích tiêu biểu; hỗ trợ doanh nghiệp tham gia Giải thưởng Chất lượng quốc gia.

# III. KINH PHÍ THỰC HIỆN
Tổng kinh phí dự kiến thực hiện Kế hoạch giai đoạn 2024 - 2030 là 38,5 tỷ đồng, trong đó:
- Ngân sách tỉnh (nguồn sự nghiệp khoa học và công nghệ): 24 tỷ đồng;
- Ngân sách trung ương thông qua Chương trình quốc gia theo Quyết định số 1322/QĐ-TTg: 6,5 tỷ đồng;
- Kinh phí đối ứng của doanh nghiệp và các nguồn huy động hợp pháp khác: 8 tỷ đồng.
Hằng năm, các cơ quan, đơn vị lập dự toán kinh phí gửi Sở Khoa học và Công nghệ tổng hợp, gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh phê duyệt.

# IV. TỔ CHỨC THỰC HIỆN
@ 1. Sở Khoa học và Công nghệ: | Là cơ quan đầu mối, chủ trì tổ chức triển khai Kế hoạch; giao Chi cục Tiêu chuẩn Đo lường Chất lượng là đơn vị thường trực giúp việc. Hướng dẫn, theo dõi, kiểm tra việc thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Khoa học và Công nghệ kết quả thực hiện trước ngày 15/12 hằng năm; tổ chức sơ kết vào năm 2027 và tổng kết vào năm 2030.
@ 2. Sở Tài chính: | Chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch theo phân cấp ngân sách nhà nước hiện hành.
@ 3. Sở Kế hoạch và Đầu tư: | Phối hợp với Cục Thống kê tỉnh công bố hằng năm chỉ số năng suất lao động và tỷ trọng đóng góp của TFP; lồng ghép mục tiêu năng suất vào kế hoạch phát triển kinh tế - xã hội hằng năm.
@ 4. Sở Công Thương: | Chủ trì lựa chọn và hỗ trợ xây dựng mô hình điểm trong các ngành dệt may, cơ khí, chế biến; lồng ghép với Chương trình khuyến công của tỉnh.
@ 5. Sở Nông nghiệp và Phát triển nông thôn: | Chủ trì hỗ trợ hợp tác xã, chủ thể OCOP áp dụng VietGAP, truy xuất nguồn gốc và công cụ cải tiến năng suất.
@ 6. Sở Giáo dục và Đào tạo, Sở Lao động - Thương binh và Xã hội: | Chỉ đạo các trường, cơ sở giáo dục nghề nghiệp đưa nội dung năng suất vào chương trình đào tạo; phối hợp thành lập các câu lạc bộ năng suất.
@ 7. Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình tỉnh, Báo Sông Lam: | Tuyên truyền các chính sách, mô hình, điển hình về năng suất chất lượng trên địa bàn tỉnh.
@ 8. Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh: | Vận động doanh nghiệp trong khu kinh tế, khu công nghiệp tham gia Kế hoạch và áp dụng mô hình điểm.
@ 9. Hiệp hội Doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh: | Phổ biến chính sách hỗ trợ đến hội viên; giới thiệu doanh nghiệp, hợp tác xã tham gia.
@ 10. Ủy ban nhân dân các huyện, thành phố: | Phối hợp triển khai Kế hoạch trên địa bàn; đề xuất doanh nghiệp, hợp tác xã tham gia mô hình điểm; báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 30/11 hằng năm.
Trên đây là Kế hoạch nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tỉnh Sông Lam đến năm 2030. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, chỉ đạo./.
""",
    "recipients": [
        "- Bộ Khoa học và Công nghệ;",
        "- TT Tỉnh ủy, TT HĐND tỉnh;",
        "- Chủ tịch, các PCT UBND tỉnh;",
        "- Các sở, ban, ngành thuộc tỉnh;",
        "- UBND các huyện, thành phố;",
        "- Lưu: VT, KGVX.",
    ],
    "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(Đã ký)", "", "Đinh Quang Huy"],
}

# --------------------------------------------------------------------------------------------------
# 2. Kế hoạch số 12/KH-UBND (DOCX)
# --------------------------------------------------------------------------------------------------

PLAN_2025 = {
    "org": ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM"],
    "number": "Số: 12/KH-UBND",
    "place_date": "Sông Lam, ngày 15 tháng 01 năm 2025",
    "kind": "KẾ HOẠCH",
    "title": "Hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh Sông Lam năm 2025",
    "created": datetime(2025, 1, 15, 8, 0, 0),
    "body": """
Căn cứ Nghị định số 80/2021/NĐ-CP ngày 26/8/2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hỗ trợ doanh nghiệp nhỏ và vừa;
Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030;
Căn cứ Nghị quyết số 09/2024/NQ-HĐND ngày 12/7/2024 của Hội đồng nhân dân tỉnh quy định chính sách hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng trên địa bàn tỉnh Sông Lam giai đoạn 2024 - 2030;
Thực hiện Kế hoạch số 45/KH-UBND ngày 18/3/2024 của Ủy ban nhân dân tỉnh về nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tỉnh Sông Lam đến năm 2030, Ủy ban nhân dân tỉnh ban hành Kế hoạch hỗ trợ doanh nghiệp năm 2025 như sau:

# I. MỤC ĐÍCH, YÊU CẦU
## 1. Mục đích
- Cụ thể hóa các nhiệm vụ năm 2025 của Kế hoạch số 45/KH-UBND, bảo đảm hoàn thành các chỉ tiêu đến năm 2025.
- Hỗ trợ ít nhất 46 doanh nghiệp, hợp tác xã trong năm 2025, nâng tổng số đơn vị được hỗ trợ lũy kế lên 80 đơn vị.
- Xây dựng thêm 03 mô hình điểm về cải tiến năng suất, nâng tổng số mô hình điểm của tỉnh lên 06 mô hình.
## 2. Yêu cầu
- Hỗ trợ đúng đối tượng, công khai, minh bạch; không hỗ trợ trùng lặp với các chương trình khác sử dụng ngân sách nhà nước.
- Ưu tiên doanh nghiệp do phụ nữ làm chủ, doanh nghiệp sử dụng nhiều lao động nữ và doanh nghiệp, hợp tác xã tại huyện miền núi Thượng Lam.

# II. ĐỐI TƯỢNG VÀ ĐIỀU KIỆN HỖ TRỢ
## 1. Đối tượng được hỗ trợ
- Doanh nghiệp nhỏ và vừa (DNNVV) đáp ứng tiêu chí tại Nghị định số 80/2021/NĐ-CP, có trụ sở chính hoặc cơ sở sản xuất trên địa bàn tỉnh Sông Lam.
- Hợp tác xã, liên hiệp hợp tác xã (HTX) thành lập và hoạt động theo Luật Hợp tác xã.
- Chủ thể có sản phẩm OCOP đạt từ 3 sao trở lên, đối với nội dung hỗ trợ mã số mã vạch và truy xuất nguồn gốc.
## 2. Các trường hợp không được hỗ trợ
- Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ.
- Doanh nghiệp, hợp tác xã đang tạm ngừng kinh doanh hoặc đang làm thủ tục giải thể, phá sản.
- Đơn vị đã được ngân sách nhà nước hỗ trợ cho cùng một nội dung trong 03 năm liền trước.
- Đơn vị bị xử phạt vi phạm hành chính về thuế, bảo vệ môi trường hoặc chất lượng sản phẩm trong 12 tháng tính đến ngày nộp hồ sơ.
## 3. Điều kiện hỗ trợ
- Hoạt động sản xuất, kinh doanh liên tục ít nhất 12 tháng tính đến ngày nộp hồ sơ.
- Có phương án áp dụng giải pháp nâng cao năng suất, cam kết bố trí kinh phí đối ứng và duy trì kết quả ít nhất 24 tháng sau khi được hỗ trợ.

# III. NỘI DUNG VÀ MỨC HỖ TRỢ
## 1. Hỗ trợ xây dựng, áp dụng và chứng nhận hệ thống quản lý
- Các hệ thống quản lý được hỗ trợ: ISO 9001, ISO 22000, HACCP, ISO 14001, ISO 45001 và ISO 50001.
- Đối với doanh nghiệp: hỗ trợ 50% chi phí tư vấn và chứng nhận, tối đa 100 triệu đồng/doanh nghiệp.
- Đối với hợp tác xã: hỗ trợ 70% chi phí tư vấn và chứng nhận, tối đa 80 triệu đồng/hợp tác xã.
## 2. Hỗ trợ áp dụng công cụ cải tiến năng suất
- Các công cụ được hỗ trợ: 5S, Kaizen, Lean, TPM, KPI/BSC và năng suất xanh.
- Hỗ trợ 50% chi phí tư vấn, tối đa 60 triệu đồng/công cụ; mỗi đơn vị được hỗ trợ không quá 02 công cụ trong năm.
## 3. Hỗ trợ mã số mã vạch, truy xuất nguồn gốc và chứng nhận sản phẩm
- Hỗ trợ 100% phí cấp mã số mã vạch và phí duy trì năm đầu tiên.
- Hỗ trợ 50% chi phí xây dựng hệ thống truy xuất nguồn gốc, tối đa 30 triệu đồng/đơn vị.
- Hỗ trợ 50% chi phí chứng nhận sản phẩm phù hợp tiêu chuẩn, quy chuẩn kỹ thuật, tối đa 40 triệu đồng/sản phẩm.
## 4. Hỗ trợ đổi mới công nghệ
- Hỗ trợ 30% giá trị hợp đồng chuyển giao công nghệ hoặc mua thiết bị công nghệ tiên tiến, tối đa 500 triệu đồng/dự án; trong năm 2025 hỗ trợ không quá 05 dự án.
## 5. Hỗ trợ đào tạo và tham gia Giải thưởng Chất lượng quốc gia
- Hỗ trợ 100% học phí khóa đào tạo chuyên gia năng suất chất lượng, tối đa 02 người/doanh nghiệp.
- Hỗ trợ 20 triệu đồng chi phí tư vấn, lập hồ sơ cho doanh nghiệp tham gia Giải thưởng Chất lượng quốc gia; thưởng 50 triệu đồng cho doanh nghiệp đạt giải.
Tổng mức hỗ trợ cho một đơn vị trong năm 2025 không quá 300 triệu đồng, không bao gồm nội dung hỗ trợ đổi mới công nghệ.

# IV. HỒ SƠ, TRÌNH TỰ VÀ THỜI HẠN
## 1. Hồ sơ đăng ký
- Đơn đăng ký hỗ trợ (Mẫu số 01) và phương án nâng cao năng suất (Mẫu số 02) ban hành kèm theo Kế hoạch này.
- Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hợp tác xã; báo giá hoặc dự thảo hợp đồng tư vấn.
## 2. Thời hạn
- Đợt 1: nhận hồ sơ đến hết ngày 31/3/2025.
- Đợt 2: nhận hồ sơ đến hết ngày 31/7/2025.
- Hội đồng xét chọn hoàn thành việc xét chọn trong thời hạn 15 ngày làm việc kể từ ngày hết hạn nhận hồ sơ của mỗi đợt.
- Đơn vị được hỗ trợ hoàn thành nội dung và nộp hồ sơ nghiệm thu, thanh toán trước ngày 30/11/2025.
## 3. Địa điểm tiếp nhận hồ sơ
Chi cục Tiêu chuẩn Đo lường Chất lượng thuộc Sở Khoa học và Công nghệ, số 27 đường Trần Hưng Đạo, thành phố Vạn Xuân, tỉnh Sông Lam; thư điện tử: chicuctdc@skhcn.songlam.example.

# V. KINH PHÍ THỰC HIỆN
Tổng kinh phí thực hiện Kế hoạch năm 2025 là 5,6 tỷ đồng từ nguồn sự nghiệp khoa học và công nghệ của tỉnh, trong đó:
- Hỗ trợ trực tiếp doanh nghiệp, hợp tác xã: 4,5 tỷ đồng;
- Đào tạo, tập huấn, truyền thông: 0,7 tỷ đồng;
- Xét chọn, kiểm tra, nghiệm thu và quản lý chung: 0,4 tỷ đồng.

# VI. TỔ CHỨC THỰC HIỆN
## 1. Sở Khoa học và Công nghệ
- Là cơ quan thường trực, chủ trì tổ chức thực hiện Kế hoạch; thành lập Hội đồng xét chọn đơn vị được hỗ trợ.
- Báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch trước ngày 15/12/2025.
## 2. Sở Tài chính
- Thẩm định dự toán, cấp phát và hướng dẫn thanh quyết toán kinh phí theo quy định.
## 3. Sở Kế hoạch và Đầu tư
- Cung cấp danh sách doanh nghiệp nhỏ và vừa; lồng ghép với các chương trình hỗ trợ doanh nghiệp nhỏ và vừa của tỉnh.
## 4. Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn
- Giới thiệu doanh nghiệp, hợp tác xã thuộc ngành, lĩnh vực quản lý tham gia Kế hoạch; chủ trì các nhiệm vụ được giao tại Phụ lục.
## 5. Hiệp hội Doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh
- Phổ biến nội dung Kế hoạch đến hội viên, thành viên; phối hợp tổ chức các lớp tập huấn.
## 6. Ủy ban nhân dân các huyện, thành phố
- Tuyên truyền, vận động doanh nghiệp, hợp tác xã trên địa bàn đăng ký tham gia; xác nhận địa bàn hoạt động của đơn vị đăng ký.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết./.
""",
    "recipients": [
        "- Bộ Khoa học và Công nghệ;",
        "- Chủ tịch, các PCT UBND tỉnh;",
        "- Các sở, ban, ngành thuộc tỉnh;",
        "- Hiệp hội Doanh nghiệp tỉnh;",
        "- UBND các huyện, thành phố;",
        "- Lưu: VT, KT.",
    ],
    "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Vũ Thị Lan Phương"],
    "appendix_title": ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ THỰC HIỆN NĂM 2025"],
    "appendix_note": "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh Sông Lam)",
    "table_header": ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    "table_rows": [
        ["1", "Thông báo, hướng dẫn đăng ký hỗ trợ năm 2025 trên Cổng thông tin điện tử của tỉnh",
         "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông; Báo Sông Lam", "Tháng 02/2025"],
        ["2", "Tổ chức 04 lớp tập huấn về hệ thống quản lý và công cụ cải tiến năng suất",
         "Sở Khoa học và Công nghệ", "Hiệp hội Doanh nghiệp tỉnh; Liên minh Hợp tác xã tỉnh", "Quý II/2025"],
        ["3", "Xét chọn, hỗ trợ 46 doanh nghiệp, hợp tác xã áp dụng hệ thống quản lý, công cụ cải tiến năng suất",
         "Sở Khoa học và Công nghệ", "Sở Tài chính; Sở Kế hoạch và Đầu tư", "30/11/2025"],
        ["4", "Xây dựng 03 mô hình điểm cải tiến năng suất (dệt may, cơ khí, chế biến thủy sản)",
         "Sở Công Thương", "Sở Khoa học và Công nghệ; Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh",
         "Quý IV/2025"],
        ["5", "Hỗ trợ 20 hợp tác xã, chủ thể OCOP áp dụng mã số mã vạch, truy xuất nguồn gốc",
         "Sở Nông nghiệp và Phát triển nông thôn", "Sở Khoa học và Công nghệ; UBND các huyện, thành phố",
         "31/10/2025"],
        ["6", "Cử 07 người tham gia khóa đào tạo chuyên gia năng suất chất lượng",
         "Sở Khoa học và Công nghệ", "Các doanh nghiệp; các trường đại học, cao đẳng", "Quý III/2025"],
        ["7", "Tổ chức “Tháng năng suất tỉnh Sông Lam” năm 2025",
         "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông; Đài Phát thanh và Truyền hình tỉnh; Báo Sông Lam",
         "Tháng 10/2025"],
        ["8", "Sơ kết, báo cáo kết quả thực hiện Kế hoạch năm 2025",
         "Sở Khoa học và Công nghệ", "Các sở, ngành; UBND các huyện, thành phố", "15/12/2025"],
    ],
}

# --------------------------------------------------------------------------------------------------
# 3. Báo cáo số 210/BC-SKHCN (TXT)
# --------------------------------------------------------------------------------------------------

REPORT_2024 = {
    "org": ["UBND TỈNH SÔNG LAM", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
    "number": "Số: 210/BC-SKHCN",
    "place_date": "Sông Lam, ngày 10 tháng 12 năm 2024",
    "kind": "BÁO CÁO",
    "title": (
        "Sơ kết kết quả thực hiện năm 2024 Kế hoạch số 45/KH-UBND ngày 18/3/2024 của Ủy ban nhân dân tỉnh "
        "về nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo "
        "tỉnh Sông Lam đến năm 2030"
    ),
    "body": """
Kính gửi: Ủy ban nhân dân tỉnh Sông Lam.
Thực hiện Kế hoạch số 45/KH-UBND ngày 18/3/2024 của Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện năm 2024 như sau:

# I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI
## 1. Ban hành văn bản
- Sở đã tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh ban hành Nghị quyết số 09/2024/NQ-HĐND ngày 12/7/2024 quy định chính sách hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng giai đoạn 2024 - 2030.
- Sở ban hành Hướng dẫn số 35/HD-SKHCN ngày 02/5/2024 về trình tự, hồ sơ đăng ký hỗ trợ năm 2024.
## 2. Thông tin, tuyên truyền
- Tổ chức "Tháng năng suất tỉnh Sông Lam" lần thứ nhất từ ngày 01/10/2024 đến ngày 31/10/2024 với 12 hoạt động hưởng ứng.
- Đăng tải 46 tin, bài trên Cổng thông tin điện tử của Sở; Báo Sông Lam và Đài Phát thanh và Truyền hình tỉnh thực hiện 08 phóng sự, chuyên mục về năng suất.

# II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ
## 1. Kết quả thực hiện các chỉ tiêu so với mục tiêu đến năm 2025
- Tốc độ tăng năng suất lao động năm 2024 ước đạt 6,5%, thấp hơn mục tiêu bình quân 6,8%/năm.
- Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP năm 2024 ước đạt 39,6%, mục tiêu đến năm 2025 là 42%.
- Có 05/12 chuyên gia năng suất chất lượng được cấp chứng chỉ, đạt 41,7% chỉ tiêu.
- Đã hỗ trợ 34/80 doanh nghiệp, hợp tác xã, đạt 42,5% chỉ tiêu, trong đó:
+ 14 doanh nghiệp được hỗ trợ xây dựng, áp dụng, chứng nhận hệ thống quản lý (09 ISO 9001, 03 ISO 22000, 02 ISO 14001);
+ 11 doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến 5S, Kaizen, Lean;
+ 09 hợp tác xã, chủ thể OCOP được hỗ trợ mã số mã vạch, truy xuất nguồn gốc.
- Xây dựng 03/06 mô hình điểm, đạt 50% chỉ tiêu, tại Công ty cổ phần Thủy sản Cửa Lam, Công ty TNHH May Vạn Xuân và Công ty cổ phần Cơ khí Hữu Ngạn.
+ Năng suất lao động tại 03 doanh nghiệp mô hình điểm tăng bình quân 14,2% sau 06 tháng áp dụng.
- Thành lập 03/03 câu lạc bộ năng suất tại các trường đại học, cao đẳng, đạt 100% chỉ tiêu năm 2025; lễ ra mắt tổ chức ngày 21/10/2024 với 215 sinh viên tham gia.
- Tổ chức 06 lớp tập huấn cho 260/400 lượt học viên, đạt 65% chỉ tiêu.
## 2. Kết quả sử dụng kinh phí
- Kinh phí giao năm 2024 là 3,6 tỷ đồng; đã giải ngân 3,1 tỷ đồng, đạt 86,1%.
- Kinh phí đối ứng của doanh nghiệp, hợp tác xã ước đạt 2,4 tỷ đồng.

# III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG NĂM 2025
## 1. Kết quả đạt được
Năm đầu triển khai, Kế hoạch đã tạo chuyển biến về nhận thức của doanh nghiệp; chỉ tiêu câu lạc bộ năng suất đã hoàn thành sớm một năm; các mô hình điểm bước đầu cho hiệu quả rõ rệt.
## 2. Tồn tại, hạn chế
- Tốc độ tăng năng suất lao động và tỷ trọng đóng góp của TFP chưa đạt mục tiêu đề ra.
- Số chuyên gia năng suất chất lượng và số doanh nghiệp được hỗ trợ mới đạt dưới 50% chỉ tiêu đến năm 2025.
- Tiến độ giải ngân đợt 2 còn chậm; 0,5 tỷ đồng chưa giải ngân do 04 doanh nghiệp xin rút hồ sơ.
## 3. Nguyên nhân
+ Khách quan: phần lớn doanh nghiệp của tỉnh có quy mô siêu nhỏ, khó bố trí kinh phí đối ứng; đơn hàng dệt may giảm trong 6 tháng đầu năm.
+ Chủ quan: công tác tuyên truyền ở cấp huyện chưa thường xuyên; đội ngũ chuyên gia tư vấn tại chỗ còn mỏng.
## 4. Phương hướng, nhiệm vụ năm 2025
- Tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch hỗ trợ doanh nghiệp năm 2025, hỗ trợ ít nhất 46 doanh nghiệp, hợp tác xã.
- Cử 07 người tham gia khóa đào tạo chuyên gia năng suất chất lượng để hoàn thành chỉ tiêu 12 chuyên gia.
- Xây dựng thêm 03 mô hình điểm; tập huấn thêm ít nhất 140 lượt học viên.
## 5. Kiến nghị, đề xuất
- Đề nghị Ủy ban nhân dân tỉnh bố trí 5,6 tỷ đồng từ nguồn sự nghiệp khoa học và công nghệ năm 2025 để thực hiện Kế hoạch.
- Đề nghị Bộ Khoa học và Công nghệ ưu tiên phân bổ chỉ tiêu đào tạo chuyên gia năng suất chất lượng cho tỉnh.
Sở Khoa học và Công nghệ kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.
""",
    "recipients": [
        "- Như trên;",
        "- Bộ KH&CN (để b/c);",
        "- Sở Tài chính, Sở KH&ĐT;",
        "- Giám đốc, các PGĐ Sở;",
        "- Lưu: VT, TĐC.",
    ],
    "signature": ["GIÁM ĐỐC", "", "(Đã ký)", "", "Trần Quốc Bảo"],
}

# --------------------------------------------------------------------------------------------------
# 4. News article (HTML)
# --------------------------------------------------------------------------------------------------

NEWS_TITLE = "Ra mắt Câu lạc bộ Năng suất tại 03 trường đại học, cao đẳng tỉnh Sông Lam"

NEWS_HTML = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Sở Khoa học và Công nghệ tỉnh Sông Lam (trang mẫu hư cấu)</title>
<meta name="description" content="Sáng 21/10/2024, Sở Khoa học và Công nghệ tỉnh Sông Lam ra mắt Câu lạc bộ Năng suất tại 03 trường đại học, cao đẳng (tin mẫu hư cấu).">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-10-22T08:15:00+07:00">
<style>
body {{ font-family: Arial, sans-serif; margin: 0; color: #222; }}
.sample-warning {{ background: #fff3cd; border: 1px solid #e0b000; color: #8a4b00; padding: 6px 10px; font-weight: bold; }}
header .brand {{ background: #0b4f8a; color: #fff; padding: 12px 20px; font-size: 20px; }}
nav ul {{ list-style: none; margin: 0; padding: 0; background: #0d66b3; display: flex; }}
nav li a {{ color: #fff; padding: 10px 14px; display: block; text-decoration: none; }}
main {{ display: flex; gap: 24px; padding: 16px 20px; }}
article {{ flex: 3; }} aside {{ flex: 1; font-size: 14px; }}
.meta {{ color: #777; font-size: 13px; }} .sapo {{ font-weight: bold; }}
blockquote {{ border-left: 4px solid #0d66b3; margin: 12px 0; padding: 4px 12px; font-style: italic; }}
footer {{ background: #f0f0f0; padding: 12px 20px; font-size: 13px; }}
</style>
<script>
  // Bộ đếm truy cập (mẫu) - không gửi dữ liệu đi đâu.
  window.pageViews = 1234;
</script>
</head>
<body id="top">
<div class="sample-warning">{banner}. {note}</div>
<header>
  <div class="brand">SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH SÔNG LAM <small>(trang tin mẫu hư cấu)</small></div>
  <form class="search" action="#" method="get"><input type="text" name="q" placeholder="Tìm kiếm..."><button type="submit">Tìm</button></form>
</header>
<nav>
  <ul class="menu">
    <li><a href="#">Trang chủ</a></li>
    <li><a href="#">Giới thiệu</a></li>
    <li><a href="#">Tin tức - Sự kiện</a></li>
    <li><a href="#">Năng suất chất lượng</a></li>
    <li><a href="#">Văn bản</a></li>
    <li><a href="#">Thủ tục hành chính</a></li>
    <li><a href="#">Liên hệ</a></li>
  </ul>
</nav>
<div class="breadcrumb"><a href="#">Trang chủ</a> &gt; <a href="#">Tin tức - Sự kiện</a> &gt; <a href="#">Năng suất chất lượng</a></div>
<main>
<article>
  <h1>{title}</h1>
  <div class="meta"><span class="date">22/10/2024 08:15</span> <span class="views">Số lượt xem: 1234</span></div>
  <p class="note"><em>{banner}.</em></p>
  <p class="sapo">Sáng 21/10/2024, Sở Khoa học và Công nghệ tỉnh Sông Lam phối hợp với Trường Đại học Kỹ thuật Sông Lam tổ chức Lễ ra mắt Câu lạc bộ Năng suất tại 03 trường đại học, cao đẳng trên địa bàn tỉnh. Đây là một trong 12 hoạt động hưởng ứng “Tháng năng suất tỉnh Sông Lam” năm 2024.</p>
  <p>Việc thành lập các câu lạc bộ nhằm thực hiện Kế hoạch số 45/KH-UBND ngày 18/3/2024 của UBND tỉnh Sông Lam về nâng cao năng suất và chất lượng dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo đến năm 2030. Kế hoạch đặt mục tiêu thành lập 03 câu lạc bộ năng suất vào năm 2025 và duy trì 08 câu lạc bộ vào năm 2030.</p>
  <p>Ba câu lạc bộ ra mắt lần này gồm Câu lạc bộ Năng suất Trường Đại học Kỹ thuật Sông Lam (92 thành viên), Trường Đại học Kinh tế Vạn Xuân (78 thành viên) và Trường Cao đẳng Công nghiệp Sông Lam (45 thành viên). Tổng cộng 215 sinh viên đã đăng ký tham gia, cùng 18 giảng viên làm cố vấn.</p>
  <figure>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Lễ ra mắt Câu lạc bộ Năng suất" width="640" height="360">
    <figcaption>Các đại biểu bấm nút ra mắt Câu lạc bộ Năng suất (ảnh minh họa).</figcaption>
  </figure>
  <p>Phát biểu tại buổi lễ, ông Trần Quốc Bảo, Giám đốc Sở Khoa học và Công nghệ tỉnh Sông Lam, nhấn mạnh:</p>
  <blockquote>“Năng suất không chỉ là câu chuyện của doanh nghiệp. Chúng tôi muốn mỗi sinh viên khi ra trường đã biết áp dụng 5S, Kaizen và tư duy cải tiến liên tục, để trở thành lực lượng nòng cốt của phong trào năng suất của tỉnh.”</blockquote>
  <p>Theo ông Bảo, Sở Khoa học và Công nghệ sẽ hỗ trợ mỗi câu lạc bộ 50 triệu đồng kinh phí hoạt động trong năm đầu tiên, cung cấp tài liệu và cử chuyên gia năng suất chất lượng hướng dẫn sinh viên thực hành tại các doanh nghiệp mô hình điểm.</p>
  <p>Bà Nguyễn Thị Hồng Vân, Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng, cho biết trong năm 2024 tỉnh đã có 05 cán bộ được cấp chứng chỉ chuyên gia năng suất chất lượng; các chuyên gia này sẽ tham gia sinh hoạt định kỳ hằng tháng cùng câu lạc bộ.</p>
  <p>PGS.TS. Nguyễn Hữu Tài, Hiệu trưởng Trường Đại học Kỹ thuật Sông Lam, cam kết đưa học phần “Quản lý năng suất và chất lượng” (02 tín chỉ) vào chương trình đào tạo ngành Kỹ thuật công nghiệp từ năm học 2025 - 2026.</p>
  <p>Em Lê Thị Mai Anh, sinh viên năm thứ ba ngành Kỹ thuật công nghiệp, Chủ nhiệm Câu lạc bộ Năng suất Trường Đại học Kỹ thuật Sông Lam, chia sẻ: “Chúng em sẽ bắt đầu bằng việc áp dụng 5S ngay tại xưởng thực hành của trường, sau đó mang các ý tưởng cải tiến đến doanh nghiệp.”</p>
  <p>Dịp này, Ban tổ chức phát động Cuộc thi “Ý tưởng cải tiến năng suất trong sinh viên” lần thứ nhất, nhận bài dự thi đến hết ngày 15/12/2024. Tổng giá trị giải thưởng là 120 triệu đồng, trong đó giải Nhất trị giá 30 triệu đồng.</p>
  <p class="author"><strong>Thu Trang</strong> (Trung tâm Thông tin và Ứng dụng khoa học, công nghệ)</p>
  <div class="share">
    <span>Thích và chia sẻ bài viết:</span>
    <a href="#" class="fb">Facebook</a> <a href="#" class="zalo">Zalo</a> <a href="#" class="print">In bài viết</a>
  </div>
  <section class="related">
    <h3>Tin liên quan</h3>
    <ul>
      <li><a href="#">Sông Lam khai mạc “Tháng năng suất” năm 2024 (01/10/2024)</a></li>
      <li><a href="#">Ba doanh nghiệp đầu tiên được chọn xây dựng mô hình điểm cải tiến năng suất (12/8/2024)</a></li>
      <li><a href="#">HĐND tỉnh Sông Lam thông qua chính sách hỗ trợ doanh nghiệp nâng cao năng suất (12/7/2024)</a></li>
    </ul>
  </section>
</article>
<aside>
  <h3>Liên kết website</h3>
  <ul><li><a href="#">Cổng thông tin tỉnh Sông Lam (mẫu)</a></li><li><a href="#">Báo Sông Lam (mẫu)</a></li></ul>
  <h3>Thống kê truy cập</h3>
  <p>Đang truy cập: 27</p>
  <p>Tổng truy cập: 1.024.311</p>
</aside>
</main>
<footer>
  <p><a href="#top">Về đầu trang</a></p>
  <p>Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Sông Lam (giả định). Địa chỉ: số 27 đường Trần Hưng Đạo, thành phố Vạn Xuân, tỉnh Sông Lam.</p>
  <p>Thư điện tử: skhcn@songlam.example - {banner}; không phải website của cơ quan nhà nước thật.</p>
</footer>
</body>
</html>
"""

# --------------------------------------------------------------------------------------------------
# Question / answer pairs, each with the exact sentence (as it reads in the extracted text) that answers it
# --------------------------------------------------------------------------------------------------

QA = [
    {
        "file": PDF_NAME,
        "question": "Theo Kế hoạch số 45/KH-UBND, đến năm 2030 tỉnh Sông Lam đặt mục tiêu tỷ trọng đóng góp của TFP vào tăng trưởng GRDP là bao nhiêu?",
        "answer": "48% (mục tiêu đến năm 2025 là 42%).",
        "support": "Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP của tỉnh đạt 48%.",
        "section": "I. MỤC TIÊU > 2. Mục tiêu cụ thể > b) Mục tiêu đến năm 2030",
    },
    {
        "file": PDF_NAME,
        "question": "Tổng kinh phí dự kiến thực hiện Kế hoạch 45/KH-UBND của tỉnh Sông Lam là bao nhiêu và lấy từ đâu?",
        "answer": "38,5 tỷ đồng cho giai đoạn 2024 - 2030: 24 tỷ đồng ngân sách tỉnh (sự nghiệp KH&CN), 6,5 tỷ đồng ngân sách trung ương, 8 tỷ đồng đối ứng của doanh nghiệp và nguồn hợp pháp khác.",
        "support": "Tổng kinh phí dự kiến thực hiện Kế hoạch giai đoạn 2024 - 2030 là 38,5 tỷ đồng, trong đó:",
        "section": "III. KINH PHÍ THỰC HIỆN",
    },
    {
        "file": PDF_NAME,
        "question": "Cơ quan nào là đầu mối triển khai Kế hoạch 45/KH-UBND và phải báo cáo kết quả khi nào?",
        "answer": "Sở Khoa học và Công nghệ (Chi cục Tiêu chuẩn Đo lường Chất lượng là đơn vị thường trực); báo cáo UBND tỉnh và Bộ KH&CN trước ngày 15/12 hằng năm.",
        "support": "Hướng dẫn, theo dõi, kiểm tra việc thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Khoa học và Công nghệ kết quả thực hiện trước ngày 15/12 hằng năm; tổ chức sơ kết vào năm 2027 và tổng kết vào năm 2030.",
        "section": "IV. TỔ CHỨC THỰC HIỆN > 1. Sở Khoa học và Công nghệ",
    },
    {
        "file": DOCX_NAME,
        "question": "Năm 2025, doanh nghiệp ở Sông Lam được hỗ trợ bao nhiêu khi xây dựng, áp dụng và chứng nhận hệ thống quản lý như ISO 9001?",
        "answer": "50% chi phí tư vấn và chứng nhận, tối đa 100 triệu đồng/doanh nghiệp (hợp tác xã: 70%, tối đa 80 triệu đồng).",
        "support": "Đối với doanh nghiệp: hỗ trợ 50% chi phí tư vấn và chứng nhận, tối đa 100 triệu đồng/doanh nghiệp.",
        "section": "III. NỘI DUNG VÀ MỨC HỖ TRỢ > 1. Hỗ trợ xây dựng, áp dụng và chứng nhận hệ thống quản lý",
    },
    {
        "file": DOCX_NAME,
        "question": "Doanh nghiệp có vốn nhà nước chiếm 60% vốn điều lệ có được hỗ trợ theo Kế hoạch 12/KH-UBND không?",
        "answer": "Không: doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ thuộc các trường hợp không được hỗ trợ.",
        "support": "Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ.",
        "section": "II. ĐỐI TƯỢNG VÀ ĐIỀU KIỆN HỖ TRỢ > 2. Các trường hợp không được hỗ trợ",
    },
    {
        "file": DOCX_NAME,
        "question": "Trong phụ lục Kế hoạch 12/KH-UBND, cơ quan nào chủ trì xây dựng 03 mô hình điểm năm 2025 và thời hạn hoàn thành?",
        "answer": "Sở Công Thương chủ trì (phối hợp Sở KH&CN, Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh), hoàn thành trong Quý IV/2025.",
        "support": "Xây dựng 03 mô hình điểm cải tiến năng suất (dệt may, cơ khí, chế biến thủy sản) | Sở Công Thương | Sở Khoa học và Công nghệ; Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh | Quý IV/2025",
        "section": "PHỤ LỤC (bảng, dòng 4)",
    },
    {
        "file": HTML_NAME,
        "question": "Có bao nhiêu sinh viên tham gia các câu lạc bộ năng suất ra mắt ở Sông Lam ngày 21/10/2024?",
        "answer": "215 sinh viên (92 + 78 + 45 ở 3 trường), cùng 18 giảng viên cố vấn.",
        "support": "Tổng cộng 215 sinh viên đã đăng ký tham gia, cùng 18 giảng viên làm cố vấn.",
        "section": "bài tin ngày 22/10/2024",
    },
    {
        "file": HTML_NAME,
        "question": "Giám đốc Sở Khoa học và Công nghệ tỉnh Sông Lam là ai và ông nói gì về vai trò của sinh viên tại lễ ra mắt câu lạc bộ năng suất?",
        "answer": "Ông Trần Quốc Bảo; ông muốn mỗi sinh viên khi ra trường đã biết áp dụng 5S, Kaizen và tư duy cải tiến liên tục để trở thành lực lượng nòng cốt của phong trào năng suất của tỉnh.",
        "support": "Chúng tôi muốn mỗi sinh viên khi ra trường đã biết áp dụng 5S, Kaizen và tư duy cải tiến liên tục, để trở thành lực lượng nòng cốt của phong trào năng suất của tỉnh.",
        "section": "bài tin ngày 22/10/2024 (trích dẫn)",
    },
    {
        "file": TXT_NAME,
        "question": "Đến cuối năm 2024, tỉnh Sông Lam đã hỗ trợ được bao nhiêu doanh nghiệp, hợp tác xã so với chỉ tiêu?",
        "answer": "34/80 doanh nghiệp, hợp tác xã, đạt 42,5% chỉ tiêu đến năm 2025.",
        "support": "Đã hỗ trợ 34/80 doanh nghiệp, hợp tác xã, đạt 42,5% chỉ tiêu, trong đó:",
        "section": "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ > 1. Kết quả thực hiện các chỉ tiêu",
    },
    {
        "file": TXT_NAME,
        "question": "Năm 2024, Sở KH&CN Sông Lam đã giải ngân bao nhiêu kinh phí thực hiện Kế hoạch 45/KH-UBND?",
        "answer": "3,1 tỷ đồng trên 3,6 tỷ đồng được giao, đạt 86,1%.",
        "support": "Kinh phí giao năm 2024 là 3,6 tỷ đồng; đã giải ngân 3,1 tỷ đồng, đạt 86,1%.",
        "section": "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ > 2. Kết quả sử dụng kinh phí",
    },
]

# The quote in the news article, for tests that ask who said what.
NEWS_QUOTE = (
    "“Năng suất không chỉ là câu chuyện của doanh nghiệp. Chúng tôi muốn mỗi sinh viên khi ra trường đã biết "
    "áp dụng 5S, Kaizen và tư duy cải tiến liên tục, để trở thành lực lượng nòng cốt của phong trào năng suất của tỉnh.”"
)

# The 63 provinces and centrally-run cities (2021-2025); none may appear in the samples.
REAL_PROVINCES = [
    "An Giang", "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên", "Huế", "Tiền Giang", "Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]

# --------------------------------------------------------------------------------------------------
# Markup
# --------------------------------------------------------------------------------------------------


def parse_body(body: str) -> list[tuple[str, str]]:
    """Blocks of (kind, text): h1, h2, h3, bullet, sub, lead ("bold|rest"), p."""
    blocks: list[tuple[str, str]] = []
    for raw in body.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        for prefix, kind in (("### ", "h3"), ("## ", "h2"), ("# ", "h1"), ("- ", "bullet"), ("+ ", "sub"),
                             ("@ ", "lead")):
            if line.startswith(prefix):
                blocks.append((kind, line[len(prefix):].strip()))
                break
        else:
            blocks.append(("p", line))
    return blocks


def lead_parts(text: str) -> tuple[str, str]:
    bold, _, rest = text.partition(" | ")
    return bold.strip(), rest.strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    return " ".join(nfc(text).split())


# --------------------------------------------------------------------------------------------------
# PDF (fpdf2)
# --------------------------------------------------------------------------------------------------


def build_pdf(doc: dict, path: Path) -> None:
    from fpdf import FPDF

    class PlanPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", "I", 7.5)
            self.set_text_color(120, 120, 120)
            self.cell(0, 5, f"Tài liệu mẫu hư cấu - Trang {self.page_no()}/{{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = PlanPDF(orientation="P", unit="mm", format="A4")
    for style, fname in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"), ("I", "DejaVuSans-Oblique.ttf"),
                         ("BI", "DejaVuSans-BoldOblique.ttf")):
        pdf.add_font("DejaVu", style, str(FONT_DIR / fname))
    pdf.set_margins(left=22, top=15, right=17)
    pdf.set_auto_page_break(auto=True, margin=17)
    pdf.creation_date = doc["created"]
    pdf.set_title(doc["kind"].capitalize() + " " + doc["number"].removeprefix("Số: ") + ": " + doc["title"])
    pdf.set_author("Ủy ban nhân dân tỉnh Sông Lam (hư cấu)")
    pdf.set_subject(BANNER)
    pdf.set_keywords("tài liệu mẫu hư cấu, năng suất, chất lượng, Sông Lam")
    pdf.set_creator("samples/make_samples.py")
    pdf.set_producer("fpdf2")
    pdf.add_page()

    width = pdf.w - pdf.l_margin - pdf.r_margin
    size, lh = 10, 5.0

    # Fictional-sample banner: its own box, two short lines.
    pdf.set_font("DejaVu", "B", 8)
    pdf.set_text_color(170, 0, 0)
    pdf.set_draw_color(170, 0, 0)
    pdf.multi_cell(width, 4.2, BANNER + "\n" + BANNER_NOTE, border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(3)

    # National-style header: the left column is drawn first, then the right one, so each reads as its own lines.
    top = pdf.get_y()
    left_w, right_x = 62, pdf.l_margin + 66
    right_w = pdf.w - pdf.r_margin - right_x
    pdf.set_xy(pdf.l_margin, top)
    pdf.set_font("DejaVu", "", size)
    pdf.cell(left_w, lh, doc["org"][0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", size)
    pdf.cell(left_w, lh, doc["org"][1], align="C", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 0.8
    pdf.line(pdf.l_margin + left_w / 2 - 12, y, pdf.l_margin + left_w / 2 + 12, y)
    pdf.set_y(y + 1.5)
    pdf.set_font("DejaVu", "", size)
    pdf.cell(left_w, lh, doc["number"], align="C", new_x="LMARGIN", new_y="NEXT")
    left_bottom = pdf.get_y()

    pdf.set_xy(right_x, top)
    pdf.set_font("DejaVu", "B", size - 0.5)
    pdf.cell(right_w, lh, QUOC_HIEU, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "B", size)
    pdf.cell(right_w, lh, TIEU_NGU, align="C", new_x="LEFT", new_y="NEXT")
    y = pdf.get_y() + 0.8
    pdf.line(right_x + right_w / 2 - 25, y, right_x + right_w / 2 + 25, y)
    pdf.set_xy(right_x, y + 1.5)
    pdf.set_font("DejaVu", "I", size)
    pdf.cell(right_w, lh, doc["place_date"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 5)

    # Document kind and title.
    pdf.set_font("DejaVu", "B", size + 3)
    pdf.cell(width, 7, doc["kind"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", size + 0.5)
    pdf.set_x(pdf.l_margin + 8)
    pdf.multi_cell(width - 16, lh + 0.5, "\n".join(doc.get("title_lines") or [doc["title"]]), align="C",
                   new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 1
    pdf.line(pdf.w / 2 - 20, y, pdf.w / 2 + 20, y)
    pdf.ln(5)

    def para(text: str, style: str = "", indent: float = 0, gap: float = 1.2, markdown: bool = False) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, lh, text, align="J", new_x="LMARGIN", new_y="NEXT", markdown=markdown)
        pdf.ln(gap)

    for kind, text in parse_body(doc["body"]):
        if kind == "h1":
            pdf.ln(1.5)
            para(text, "B", gap=1.5)
        elif kind == "h2":
            para(text, "B")
        elif kind == "h3":
            para(text, "BI")
        elif kind == "bullet":
            para("- " + text, indent=4, gap=0.6)
        elif kind == "sub":
            para("+ " + text, indent=9, gap=0.6)
        elif kind == "lead":
            bold, rest = lead_parts(text)
            para(f"**{bold}** {rest}", markdown=True)
        else:
            para(text)

    # "Nơi nhận" (left) and the signature block (right), side by side.
    if pdf.get_y() > pdf.h - 70:
        pdf.add_page()
    pdf.ln(3)
    top = pdf.get_y()
    pdf.set_font("DejaVu", "BI", size - 1)
    pdf.cell(70, 5, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", size - 2)
    for line in doc["recipients"]:
        pdf.cell(70, 4.2, line, new_x="LMARGIN", new_y="NEXT")
    sig_x, sig_w = pdf.l_margin + 85, width - 85
    pdf.set_xy(sig_x, top)
    for line in doc["signature"]:
        pdf.set_font("DejaVu", "I" if line.startswith("(") else "B", size)
        pdf.cell(sig_w, lh if line else 4, line, align="C", new_x="LEFT", new_y="NEXT")

    path.write_bytes(bytes(pdf.output()))


# --------------------------------------------------------------------------------------------------
# DOCX (python-docx)
# --------------------------------------------------------------------------------------------------


def _plain_font(style, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    """Black Times New Roman, with the theme fonts of the built-in heading styles removed."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = "Times New Roman"
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    if rfonts is not None:
        for attr in list(rfonts.attrib):
            if attr.endswith("Theme"):
                del rfonts.attrib[attr]
        rfonts.set(qn("w:eastAsia"), "Times New Roman")
        rfonts.set(qn("w:cs"), "Times New Roman")


def build_docx(doc: dict, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)

    styles = d.styles
    _plain_font(styles["Normal"], 13)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    for name, size, italic in (("Heading 1", 13, False), ("Heading 2", 13, False), ("Heading 3", 13, True)):
        _plain_font(styles[name], size, bold=True, italic=italic)
        styles[name].paragraph_format.space_before = Pt(6)
        styles[name].paragraph_format.space_after = Pt(3)
    _plain_font(styles["Title"], 14, bold=True)
    _plain_font(styles["Subtitle"], 13, bold=True, italic=False)
    for name in ("List Bullet", "List Bullet 2"):
        _plain_font(styles[name], 13)
    # The Title style carries a bottom border in the default template; drop it.
    ppr = styles["Title"].element.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
        ppr.remove(ppr.find(qn("w:pBdr")))

    def centered(text: str, bold: bool = False, italic: bool = False, size: float | None = None,
                 align=WD_ALIGN_PARAGRAPH.CENTER, color: RGBColor | None = None):
        p = d.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        return p

    red = RGBColor(0xAA, 0, 0)
    centered(BANNER, bold=True, size=10, color=red)
    centered(BANNER_NOTE, italic=True, size=10, color=red).paragraph_format.space_after = Pt(8)
    centered(doc["org"][0], size=12)
    centered(doc["org"][1], bold=True, size=12)
    centered(doc["number"], size=12).paragraph_format.space_after = Pt(6)
    centered(QUOC_HIEU, bold=True, size=12)
    centered(TIEU_NGU, bold=True, size=13)
    centered(doc["place_date"], italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format.space_after = Pt(12)

    t = d.add_paragraph(doc["kind"], style="Title")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s = d.add_paragraph(doc["title"], style="Subtitle")
    s.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s.paragraph_format.space_after = Pt(12)

    for kind, text in parse_body(doc["body"]):
        if kind in ("h1", "h2", "h3"):
            d.add_heading(text, level=int(kind[1]))
        elif kind == "bullet":
            d.add_paragraph(text, style="List Bullet")
        elif kind == "sub":
            d.add_paragraph(text, style="List Bullet 2")
        elif kind == "lead":
            bold, rest = lead_parts(text)
            p = d.add_paragraph()
            p.add_run(bold).bold = True
            p.add_run(" " + rest)
        else:
            p = d.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)

    p = d.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    r = p.add_run("Nơi nhận:")
    r.bold, r.italic = True, True
    for line in doc["recipients"]:
        q = d.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        q.add_run(line).font.size = Pt(11)
    for i, line in enumerate(doc["signature"]):
        q = d.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        q.paragraph_format.space_after = Pt(0)
        if i == 0:
            q.paragraph_format.space_before = Pt(12)
        run = q.add_run(line)
        run.bold = not line.startswith("(")
        run.italic = line.startswith("(")
        if line.startswith("("):
            q.paragraph_format.space_before, q.paragraph_format.space_after = Pt(24), Pt(24)

    # Appendix in a landscape section.
    app = d.add_section(WD_SECTION.NEW_PAGE)
    app.orientation = WD_ORIENT.LANDSCAPE
    app.page_width, app.page_height = Cm(29.7), Cm(21)
    app.left_margin, app.right_margin, app.top_margin, app.bottom_margin = Cm(2), Cm(2), Cm(2), Cm(2)
    h = d.add_heading(doc["appendix_title"][0], level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centered(doc["appendix_title"][1], bold=True)
    centered(doc["appendix_note"], italic=True).paragraph_format.space_after = Pt(10)

    header, rows = doc["table_header"], doc["table_rows"]
    table = d.add_table(rows=1 + len(rows), cols=len(header))
    table.style = styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(1.3), Cm(9.5), Cm(5), Cm(6.7), Cm(3.2)]
    for r_i, values in enumerate([header, *rows]):
        row = table.rows[r_i]
        for c_i, value in enumerate(values):
            cell = row.cells[c_i]
            cell.width = widths[c_i]
            cell.text = value
            para = cell.paragraphs[0]
            para.paragraph_format.space_after = Pt(2)
            if c_i in (0, 4) or r_i == 0:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in para.runs:
                run.font.size = Pt(12)
                run.bold = r_i == 0
    tr_pr = table.rows[0]._tr.get_or_add_trPr()  # noqa: SLF001 - repeat the header row on each page
    tbl_header = OxmlElement("w:tblHeader")
    tbl_header.set(qn("w:val"), "true")
    tr_pr.append(tbl_header)

    cp = d.core_properties
    cp.title = f"{doc['kind'].capitalize()} {doc['number'].removeprefix('Số: ')}: {doc['title']}"
    cp.subject = BANNER
    cp.author = "Ủy ban nhân dân tỉnh Sông Lam (hư cấu)"
    cp.last_modified_by = "samples/make_samples.py"
    cp.keywords = "tài liệu mẫu hư cấu; năng suất; chất lượng; Sông Lam"
    cp.comments = BANNER_NOTE
    cp.category = "Tài liệu mẫu"
    cp.created = cp.modified = doc["created"]
    cp.last_printed = doc["created"]
    cp.revision = 1

    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_deterministic_zip(buf.getvalue()))


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------------
# TXT and HTML
# --------------------------------------------------------------------------------------------------


def render_txt(doc: dict) -> str:
    out = [BANNER + ".", BANNER_NOTE, ""]
    out += [*doc["org"], doc["number"], ""]
    out += [QUOC_HIEU, TIEU_NGU, "", doc["place_date"], ""]
    out += [doc["kind"], doc["title"], ""]
    prev = ""
    for kind, text in parse_body(doc["body"]):
        if kind == "bullet":
            line = "- " + text
        elif kind == "sub":
            line = "+ " + text
        elif kind == "lead":
            bold, rest = lead_parts(text)
            line = f"{bold} {rest}"
        else:
            line = text
        if kind not in ("bullet", "sub") or prev not in ("bullet", "sub"):
            if out[-1] != "":
                out.append("")
        out.append(line)
        prev = kind
    out += ["", "Nơi nhận:", *doc["recipients"], ""]
    out += [line for line in doc["signature"]]
    return nfc("\n".join(out).rstrip() + "\n")


def render_html() -> str:
    return nfc(NEWS_HTML.format(title=NEWS_TITLE, banner=BANNER, note=BANNER_NOTE))


# --------------------------------------------------------------------------------------------------
# Read-back checks
# --------------------------------------------------------------------------------------------------


def read_pdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [nfc(p.extract_text() or "") for p in PdfReader(str(path)).pages]


def read_docx(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    from docx import Document

    d = Document(str(path))
    paras = [(p.style.name if p.style is not None else "", nfc(p.text)) for p in d.paragraphs]
    tables = [[[nfc(c.text) for c in row.cells] for row in t.rows] for t in d.tables]
    return paras, tables


def read_html(path: Path) -> str:
    from lxml import html as lhtml

    tree = lhtml.fromstring(path.read_bytes())
    for bad in tree.xpath("//script|//style"):
        bad.getparent().remove(bad)
    return nfc(tree.text_content())


def _province_hits(text: str) -> list[str]:
    return [name for name in REAL_PROVINCES if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)]


def check(out_dir: Path) -> list[str]:
    problems: list[str] = []

    def need(cond: bool, msg: str) -> None:
        if not cond:
            problems.append(msg)

    # PDF: a real text layer, NFC-clean Vietnamese, headings alone on their lines, 2-3 pages.
    pages = read_pdf(out_dir / PDF_NAME)
    footer = re.compile(r"^Tài liệu mẫu hư cấu - Trang \d+/\d+$")
    need(all(footer.match(p.strip().splitlines()[-1]) for p in pages), "PDF: page footer missing")
    pdf_text = "\n".join(ln for p in pages for ln in p.splitlines() if not footer.match(ln.strip()))
    need(2 <= len(pages) <= 3, f"PDF has {len(pages)} pages, expected 2-3")
    need("\ufffd" not in pdf_text, "PDF text has replacement characters")
    lines = [ln.strip() for ln in pdf_text.splitlines()]
    for expected in ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 45/KH-UBND", QUOC_HIEU, TIEU_NGU,
                     "Sông Lam, ngày 18 tháng 3 năm 2024", "KẾ HOẠCH", "I. MỤC TIÊU", "1. Mục tiêu chung",
                     "2. Mục tiêu cụ thể", "a) Mục tiêu đến năm 2025", "b) Mục tiêu đến năm 2030",
                     "II. NHIỆM VỤ, GIẢI PHÁP", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận:",
                     "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Quang Huy"]:
        need(expected in lines, f"PDF: line {expected!r} not found on a line of its own")
    flat_pdf = collapse(pdf_text)
    need(BANNER in flat_pdf, "PDF: banner missing")
    for kind, text in parse_body(PLAN_2030["body"]):
        want = collapse(" ".join(lead_parts(text)) if kind == "lead" else text)
        need(want in flat_pdf, f"PDF: text not extracted verbatim: {want[:70]!r}")

    # DOCX: styles, paragraphs and the appendix table.
    paras, tables = read_docx(out_dir / DOCX_NAME)
    texts = [t for _, t in paras]
    need(texts[0] == BANNER, "DOCX: banner is not the first paragraph")
    styled = {(s, t) for s, t in paras}
    for kind, text in parse_body(PLAN_2025["body"]):
        style = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "bullet": "List Bullet",
                 "sub": "List Bullet 2"}.get(kind, "Normal")
        need((style, nfc(text)) in styled, f"DOCX: ({style}) {text[:60]!r} not read back")
    need(("Title", "KẾ HOẠCH") in styled, "DOCX: Title paragraph missing")
    need(("Subtitle", PLAN_2025["title"]) in styled, "DOCX: Subtitle (title line) missing")
    need(len(tables) == 1, f"DOCX: {len(tables)} tables, expected 1")
    if tables:
        need(tables[0][0] == PLAN_2025["table_header"], f"DOCX: table header is {tables[0][0]}")
        need(tables[0][1:] == [[nfc(c) for c in r] for r in PLAN_2025["table_rows"]], "DOCX: table rows differ")
    for line in ["Số: 12/KH-UBND", "Vũ Thị Lan Phương", "Nơi nhận:"]:
        need(line in texts, f"DOCX: paragraph {line!r} missing")

    # HTML and TXT.
    html_text = collapse(read_html(out_dir / HTML_NAME))
    for want in [BANNER, NEWS_TITLE, "Số lượt xem: 1234", "Thích và chia sẻ bài viết:", "Về đầu trang",
                 "Kế hoạch số 45/KH-UBND", collapse(NEWS_QUOTE), "Trần Quốc Bảo, Giám đốc Sở Khoa học và Công nghệ"]:
        need(want in html_text, f"HTML: {want[:60]!r} missing")
    raw_txt = (out_dir / TXT_NAME).read_bytes().decode("utf-8")
    need(raw_txt == nfc(raw_txt), "TXT is not NFC")
    for line in ["Số: 210/BC-SKHCN", "BÁO CÁO", "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
                 "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ", "III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG NĂM 2025",
                 "GIÁM ĐỐC", "Trần Quốc Bảo"]:
        need(line in raw_txt.splitlines(), f"TXT: line {line!r} missing")

    # Question/answer support sentences are verbatim in the extracted text of their file.
    flat = {
        PDF_NAME: flat_pdf,
        DOCX_NAME: collapse("\n".join(texts + [" | ".join(r) for t in tables for r in t])),
        HTML_NAME: html_text,
        TXT_NAME: collapse(raw_txt),
    }
    for qa in QA:
        need(collapse(qa["support"]) in flat[qa["file"]], f"QA support not found in {qa['file']}: {qa['support'][:60]!r}")

    # Fiction only: no real province name anywhere, and the banner in every file.
    for name, text in flat.items():
        hits = _province_hits(text)
        need(not hits, f"{name}: mentions real province(s) {hits}")
        need(BANNER in text, f"{name}: fictional banner missing")
    return problems


# --------------------------------------------------------------------------------------------------


def build(out_dir: Path) -> None:
    build_pdf(PLAN_2030, out_dir / PDF_NAME)
    build_docx(PLAN_2025, out_dir / DOCX_NAME)
    (out_dir / HTML_NAME).write_text(render_html(), encoding="utf-8", newline="\n")
    (out_dir / TXT_NAME).write_text(render_txt(REPORT_2024), encoding="utf-8", newline="\n")
    qa = [{k: nfc(v) for k, v in item.items()} for item in QA]
    (out_dir / QA_NAME).write_text(json.dumps(qa, ensure_ascii=False, indent=2) + "\n", encoding="utf-8",
                                   newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing files")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: this folder)")
    args = ap.parse_args(argv)
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
        build(args.out)
        print(f"wrote {PDF_NAME}, {DOCX_NAME}, {HTML_NAME}, {TXT_NAME}, {QA_NAME} to {args.out}")
    problems = check(args.out)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print("check:", "OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
