"""ingest.reflow: undo PDF line wrapping, keep headings, list items, upper-case and short header lines apart."""

from __future__ import annotations

import pytest

from ingest.reflow import reflow

LONG_A = "Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực thông qua"
LONG_B = "việc ứng dụng những thành tựu mới của khoa học, công nghệ; áp dụng các hệ thống quản lý,"
LONG_C = "công cụ cải tiến năng suất tiên tiến, kết hợp với nghiên cứu, đào tạo nguồn nhân lực."
NEXT = "Kế hoạch này được triển khai trên toàn tỉnh từ năm 2024 đến năm 2030 theo lộ trình cụ thể."


def test_docstring_example() -> None:
    text = "Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế\nhoạch tổng thể;\nI. MỤC TIÊU"
    assert reflow(text) == ("Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể;\n"
                            "I. MỤC TIÊU")


def test_wrapped_paragraph_is_joined() -> None:
    assert reflow(f"{LONG_A}\n{LONG_B}\n{LONG_C}") == f"{LONG_A} {LONG_B} {LONG_C}"


def test_wrapped_line_starting_upper_case_is_joined_when_the_previous_line_runs_on() -> None:
    first = "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/08/2020 của Thủ tướng"
    second = "Chính phủ phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất."
    third = "Kế hoạch này áp dụng cho các doanh nghiệp, hợp tác xã trên địa bàn tỉnh Nam Định."
    assert reflow(f"{first}\n{second}\n{third}") == f"{first} {second}\n{third}"


def test_wrapped_bullet_is_joined_into_its_item() -> None:
    text = ("- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm, đóng góp của TFP khoảng\n"
            "45% vào tăng trưởng kinh tế của tỉnh.\n"
            "- Có từ 01 đến 03 doanh nghiệp đi đầu về cải tiến năng suất, ứng dụng khoa học công nghệ.")
    assert reflow(text).split("\n") == [
        "- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm, đóng góp của TFP khoảng 45% vào "
        "tăng trưởng kinh tế của tỉnh.",
        "- Có từ 01 đến 03 doanh nghiệp đi đầu về cải tiến năng suất, ứng dụng khoa học công nghệ.",
    ]


def test_lower_case_continuation_after_a_clause_end_is_joined() -> None:
    text = f"{LONG_A} và xu hướng phát triển;\nnâng cao năng suất, chất lượng, hiệu quả."
    assert reflow(text) == f"{LONG_A} và xu hướng phát triển; nâng cao năng suất, chất lượng, hiệu quả."


@pytest.mark.parametrize(
    "block",
    [
        "I. MỤC TIÊU",
        "III.KINH PHÍ THỰC HIỆN",
        "1. Mục tiêu chung",
        "1.1. Hệ thống quản lý",
        "a) Mục tiêu đến năm 2025",
        "Điều 2. Tổ chức thực hiện",
        "Chương II",
        "- Tăng năng suất lao động bình quân trên 7%/năm.",
        "+ Tối đa 100 triệu đồng.",
        "• Hỗ trợ 50% chi phí tư vấn.",
        "KẾ HOẠCH",
        "TỈNH NAM ĐỊNH",
        "Số: 45/KH-UBND",
        "Nơi nhận:",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    ],
)
def test_block_starts_keep_their_own_line_after_a_running_line(block: str) -> None:
    out = reflow(f"{LONG_A}\n{LONG_B}\n{block}\n{NEXT}")
    assert out.split("\n")[1:] == [block, NEXT]


@pytest.mark.parametrize(
    "header",
    [
        ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "Sông Lam, ngày 18 tháng 3 năm 2024", "KẾ HOẠCH"],
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Đinh Quang Huy"],
        ["GIÁM ĐỐC", "Trần Quốc Bảo"],
    ],
)
def test_short_header_and_signature_lines_stay_apart(header: list[str]) -> None:
    text = "\n".join([LONG_A + ".", NEXT, LONG_B.rstrip(",") + ".", *header])
    assert reflow(text).split("\n")[-len(header):] == header


def test_header_lines_stay_apart_on_a_page_of_short_lines() -> None:
    header = ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Sông Lam, ngày 18 tháng 3 năm 2024", "KẾ HOẠCH"]
    assert reflow("\n".join(header)).split("\n") == header


def test_upper_case_line_never_absorbs_the_next() -> None:
    text = "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ NÂNG CAO NĂNG SUẤT DỰA TRÊN KHOA HỌC\nnâng cao"
    assert reflow(text).split("\n")[0] == "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ NÂNG CAO NĂNG SUẤT DỰA TRÊN KHOA HỌC"


def test_blank_lines_and_empty_text() -> None:
    assert reflow("") == ""
    assert reflow(f"{LONG_A}\n\n{LONG_B}") == f"{LONG_A}\n\n{LONG_B}"


def test_sentence_ends_stop_joining() -> None:
    text = f"{LONG_A} hiệu quả.\nKế hoạch này được triển khai trên toàn tỉnh từ năm 2024 đến năm 2030 theo lộ trình."
    assert reflow(text).count("\n") == 1


def test_long_heading_does_not_absorb_the_next_paragraph() -> None:
    heading = "4. Tăng cường năng lực của tổ chức hỗ trợ hoạt động năng suất chất lượng"
    body = ("Hình thành mạng lưới các tổ chức hỗ trợ hoạt động năng suất ở các sở, ngành, địa phương, gắn kết với "
            "các trường.")
    other = "Phối hợp với các cơ quan thông tin đại chúng, các sở, ban và UBND các huyện, thành phố."
    assert reflow(f"{heading}\n{body}\n{other}").split("\n")[0] == heading


def test_title_does_not_absorb_the_thuc_hien_paragraph() -> None:
    text = ("KẾ HOẠCH\n"
            "Nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tỉnh Nam Định\n"
            "đến 2030\n"
            "Thực hiện Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng Chính phủ ban hành Kế\n"
            "hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo")
    lines = reflow(text).split("\n")
    assert lines[1] == ("Nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tỉnh Nam Định "
                        "đến 2030")


def test_text_copied_from_a_legal_site_joins_only_sure_continuations() -> None:
    """Text files and web pages keep a PDF's line breaks at any width: a line ending on a word no sentence ends on
    ("Bộ", "của", "tháng") or followed by a lower-case line goes on; a short line ending a title does not."""
    text = ("Hà Nội, ngày 08\ntháng 11 năm 2023\nQUYẾT ĐỊNH\nCăn cứ Luật Khoa học và công nghệ ngày 18 tháng\n"
            "6 năm 2013;\nTheo đề nghị của Bộ trưởng Bộ\nKế hoạch và Đầu tư.\nĐiều 1. Phê duyệt Chương trình\n"
            "Mục tiêu chung\nHỗ trợ doanh nghiệp nâng cao năng suất và chất lượng\nsản phẩm, hàng hóa.")
    assert reflow(text, hard_wrapped=False).split("\n") == [
        "Hà Nội, ngày 08 tháng 11 năm 2023", "QUYẾT ĐỊNH", "Căn cứ Luật Khoa học và công nghệ ngày 18 tháng 6 năm 2013;",
        "Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư.", "Điều 1. Phê duyệt Chương trình", "Mục tiêu chung",
        "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa."]


def test_a_hard_wrapped_text_file_is_indexed_in_whole_sentences() -> None:
    from common.provinces import ProvinceGazetteer
    from ingest.pipeline import parse_bytes

    text = ("Quyết định phê duyệt chương trình\n\nSố: 99/QĐ-TTg\nHà Nội, ngày 08\ntháng 11 năm 2023\n"
            "Theo đề nghị của Bộ trưởng Bộ\nKế hoạch và Đầu tư.\n")
    doc = parse_bytes(text.encode(), "qd-99.txt", ProvinceGazetteer())
    body = "\n".join(c.page_content for c in doc.chunks)
    assert "Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư." in body
    assert doc.chunks[0].metadata["issued_date"] == "2023-11-08"


def test_a_numbered_clause_wrapped_in_a_text_file_goes_on_into_its_lower_case_line() -> None:
    """A heading keeps its own line in a text file, but a numbered clause broken off mid-phrase is not a heading
    with a paragraph under it: "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp" / "với Sở Tài chính ..." is one
    clause, so its duty and its time limit are read together (they were a heading and a body chunks apart)."""
    from common.provinces import ProvinceGazetteer
    from ingest.pipeline import parse_bytes

    text = ("Quyết định công bố thủ tục hành chính\n\nĐiều 3. Tổ chức thực hiện\n"
            "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp\n"
            "với Sở Tài chính cung cấp dịch vụ công trực tuyến trong thời gian 05 ngày\nlàm việc.\n"
            "2. Giao Sở Tài chính chủ trì xây dựng quy trình nội bộ.\n")
    assert reflow(text, hard_wrapped=False).split("\n")[3] == (
        "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính cung cấp dịch vụ công trực tuyến "
        "trong thời gian 05 ngày làm việc.")
    doc = parse_bytes(text.encode(), "qd-1936.txt", ProvinceGazetteer())
    holder = [c for c in doc.chunks if "05 ngày làm việc" in c.page_content]
    assert holder and "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính" in holder[0].page_content


@pytest.mark.parametrize("hard_wrapped", [False, True])
def test_a_line_closing_the_parenthesis_the_line_before_opened_goes_on(hard_wrapped: bool) -> None:
    """"... của Sở Tài chính (Có" / "Phụ lục II kèm theo)." is one sentence: the second line is no appendix heading."""
    text = "Điều 2. Bãi bỏ 03 thủ tục của Sở Tài chính (Có\nPhụ lục II kèm theo).\nĐiều 3. Tổ chức thực hiện"
    assert reflow(text, hard_wrapped=hard_wrapped).split("\n") == [
        "Điều 2. Bãi bỏ 03 thủ tục của Sở Tài chính (Có Phụ lục II kèm theo).", "Điều 3. Tổ chức thực hiện"]
