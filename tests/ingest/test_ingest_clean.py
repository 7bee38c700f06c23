"""ingest.clean: web-page furniture goes, content stays, NFC and white space are normalised."""

from __future__ import annotations

import unicodedata

import pytest
from ingest_cases import CORPUS_DIR, CORPUS_FILES, EVIDENCE, flat, sentences

from ingest.clean import clean_text

BODY = "Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì triển khai Kế hoạch."


@pytest.mark.parametrize(
    "furniture",
    [
        "Về đầu trang",
        "Lên đầu trang",
        "lên đầu trang",
        "Trở về đầu trang",
        "Thích và chia sẻ bài viết:",
        "Chia sẻ:",
        "Tin liên quan",
        "tin liên quan",
        "Các tin khác",
        "video hot",
        "Đa phương tiện",
        "Liên kết",
        "Liên kết website",
        "In bài viết",
        "Thống kê truy cập",
        "Online : 4915",
        "Đã truy cập : 130990592",
        "Đang truy cập: 27",
        "Tổng truy cập: 1.024.311",
        "Số lượt xem: 110",
        "Lượt xem: 1234",
        "Chủ nhật, 28/04/2024 | 13:28",
        "Thứ hai, 10/04/2023 | 08:30",
        "*Xem chi tiết Kế hoạch tại đây",
        "Xem chi tiết kế hoạch TẠI ĐÂY",
        "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
        "(Ảnh minh họa)",
    ],
)
def test_furniture_line_is_removed(furniture: str) -> None:
    out = clean_text(f"{BODY}\n{furniture}\n{BODY}")
    assert [ln for ln in out.split("\n") if ln] == [BODY, BODY]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("02/10/2023 08:54 Số lượt xem: 110", "02/10/2023 08:54"),
        ("22/10/2024 08:15 Số lượt xem: 1.234", "22/10/2024 08:15"),
        (
            "Database 'dbo' does not exist. Make sure that the name is entered correctly. Kế hoạch tổng thể nâng "
            "cao năng suất chất lượng trên địa bàn tỉnh Khánh Hòa, giai đoạn 2021 – 2025",
            "Kế hoạch tổng thể nâng cao năng suất chất lượng trên địa bàn tỉnh Khánh Hòa, giai đoạn 2021 – 2025",
        ),
        ("Warning: mysql_connect() failed. Quảng Nam đẩy mạnh hỗ trợ doanh nghiệp",
         "Quảng Nam đẩy mạnh hỗ trợ doanh nghiệp"),
    ],
)
def test_inline_furniture_is_cut_and_the_rest_of_the_line_kept(line: str, expected: str) -> None:
    assert clean_text(line) == expected


@pytest.mark.parametrize(
    "content",
    [
        "I. MỤC TIÊU",
        "III.KINH PHÍ THỰC HIỆN",
        "Kinh phí thực hiện kế hoạch: Từ nguồn sự nghiệp khoa học công nghệ và các nguồn vốn huy động hợp pháp khác.",
        "- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm.",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Trần Lê Đoài",
        "Liên hệ: Sở Khoa học và Công nghệ, số 27 đường Trần Hưng Đạo.",
        "Chia sẻ kinh nghiệm về các mô hình điểm áp dụng công cụ cải tiến năng suất.",
        "Trong tháng 10/2024, Sở tổ chức 12 hoạt động hưởng ứng.",
        "Hôm nay, Sở Khoa học và Công nghệ tổ chức hội nghị.",
        "Đăng nhập hệ thống dịch vụ công để nộp hồ sơ.",
        "Ảnh: Sở KH&CN Quảng Ninh",
        "Lượt xem xét hồ sơ thứ hai sẽ hoàn thành trước ngày 30/11/2025.",
        "Error trong báo cáo được sửa ngày 12/3/2024.",
        "Tin tức về năng suất được đăng tải hằng tuần.",
    ],
)
def test_content_line_is_kept(content: str) -> None:
    assert clean_text(f"Về đầu trang\n{content}\nOnline : 12") == content


def test_docstring_example() -> None:
    assert clean_text("Về đầu trang\nI. MỤC TIÊU\nSố lượt xem: 110") == "I. MỤC TIÊU"


def test_nfc_white_space_and_blank_lines() -> None:
    raw = unicodedata.normalize("NFD", "  Kế   hoạch\u00a0số 12 \r\n\r\n\r\n\n- Tăng\t7%/năm.\r\n\n\n")
    assert clean_text(raw) == "Kế hoạch số 12\n\n- Tăng 7%/năm."


def test_zero_width_and_bom_removed() -> None:
    assert clean_text("\ufeffKế\u200b hoạch") == "Kế hoạch"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_cleaning_is_idempotent(name: str) -> None:
    once = clean_text((CORPUS_DIR / name).read_text(encoding="utf-8"))
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\n\n\n" not in once and once == once.strip()


@pytest.mark.parametrize(
    ("name", "gone", "kept"),
    [
        ("000_90dd7864220ee2ce.txt", ["Thích và chia sẻ bài viết:", "video hot", "Về đầu trang", "tin liên quan"],
         ["Phong Lâm", "Triển khai kế hoạch tổng thể nâng cao năng suất chất lượng tại Quảng Ninh"]),
        ("001_973f1fb2c12b9f14.txt", ["Database 'dbo'", "Make sure", "Đa phương tiện", "Xem chi tiết",
                                      "\nLiên kết"],
         ["Kế hoạch tổng thể nâng cao năng suất chất lượng trên địa bàn tỉnh Khánh Hòa, giai đoạn 2021 – 2025",
          "20/07/2021 11:06", "LanCC"]),
        ("002_22d1417cd32a5629.txt", ["Chủ nhật, 28/04/2024", "TẠI ĐÂY", "lên đầu trang"],
         ["Cập nhật lúc 16:46 ngày 13/04/2023", "Phương Loan"]),
        ("003_b2a90f66a4f11357.txt", ["Số lượt xem", "Online", "Đã truy cập", "Thống kê truy cập"],
         ["02/10/2023 08:54", "P. QLN"]),
        ("004_80b94bbeffaeb75e.txt", [], ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                                          "Trần Lê Đoài", "III.KINH PHÍ THỰC HIỆN"]),
    ],
)
def test_corpus_furniture_removed_and_content_kept(name: str, gone: list[str], kept: list[str]) -> None:
    cleaned = clean_text((CORPUS_DIR / name).read_text(encoding="utf-8"))
    for g in gone:
        assert g not in cleaned
    for k in kept:
        assert k in cleaned


@pytest.mark.parametrize(("doc", "quote"), [pytest.param(d, q, id=f"{i}-{d[:3]}") for i, d, q in EVIDENCE])
def test_evidence_sentences_survive_cleaning(doc: str, quote: str) -> None:
    raw = (CORPUS_DIR / doc).read_text(encoding="utf-8")
    cleaned = flat(clean_text(raw))
    assert flat(quote) in cleaned
    # Every sentence of the source paragraph that holds the quote survives as well.
    paragraphs = [ln for ln in raw.split("\n") if flat(quote) in flat(ln)]
    assert paragraphs, "the quote is verbatim in one line of the corpus file"
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            assert sentence in cleaned


@pytest.mark.parametrize(
    ("scraped", "clean"),
    [
        ("Up to 73enterprises won the 2017 National Quality Awards.", "Up to 73 enterprises won the 2017 National Quality Awards."),
        ("By 2017, 1,842enterprises won the awards.", "By 2017, 1,842 enterprises won the awards."),
        ("Hỗ trợ tối đa 50triệu đồng mỗi doanh nghiệp.", "Hỗ trợ tối đa 50 triệu đồng mỗi doanh nghiệp."),
    ],
)
def test_a_number_glued_to_the_next_word_is_parted(scraped: str, clean: str) -> None:
    assert clean_text(scraped) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "Công nghiệp 4.0, mạng 5G, in 3D và ISO9001 giữ nguyên.",
        "The 2nd award, 10ha of land.",
        "Ảnh: khe1baa3i20cue1bb99c20he1bb8dp.jpg",
        "Xem tại tinyurl.com/2w247nzh",
    ],
)
def test_numbers_inside_names_and_addresses_stay_whole(kept: str) -> None:
    assert clean_text(kept) == kept
