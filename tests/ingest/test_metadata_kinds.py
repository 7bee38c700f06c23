"""Metadata of every kind of document: decisions, resolutions, circulars, official letters, plans, legal sites'
pages, news in Vietnamese and English. The texts are synthetic headers written for these tests (laid out as
Nghị định 30/2020/NĐ-CP prescribes, and broken the way web and PDF extraction breaks them); the last tests read
the real documents in ../shared/eval/real when they are present."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.provinces import ProvinceGazetteer
from ingest.header_fields import read_site_fields
from ingest.metadata import extract_metadata, source_provinces
from ingest.official_header import issuer_from_number, sentence_case, type_from_number
from ingest.structure import parse_sections

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "real" / "corpus"


@pytest.fixture(scope="module")
def g() -> ProvinceGazetteer:
    return ProvinceGazetteer()


def meta(text: str, g: ProvinceGazetteer, **kw):
    return extract_metadata(text, parse_sections(text), g, **kw)


PM_DECISION = """Quyết định 99/QĐ-TTg năm 2020 phê duyệt chương trình thử nghiệm
THỦ TƯỚNG CHÍNH
PHỦ
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 99/QĐ-TTg
|
Hà Nội, ngày 31
tháng 8 năm 2020
|
QUYẾT ĐỊNH
PHÊ
DUYỆT CHƯƠNG TRÌNH THỬ NGHIỆM HỖ TRỢ DOANH NGHIỆP NÂNG CAO NĂNG SUẤT (TFP) VÀ CHẤT LƯỢNG
SẢN PHẨM CỦA DOANH NGHIỆP VIỆT NAM GIAI ĐOẠN 2021 - 2030
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Chương trình. Thành phố Hà Nội và các tỉnh thực hiện.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_prime_ministers_decision_is_national_whatever_its_place_line(g) -> None:
    m = meta(PM_DECISION, g)
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level) == (
        "quyết định", "99/QĐ-TTg", "Thủ tướng Chính phủ", "", "quốc gia")
    assert m.issued_date == "2020-08-31" and m.effective_date == "2020-08-31"
    # The whole title over its broken upper-case lines, in sentence case, abbreviations and names kept.
    assert m.title == ("Quyết định phê duyệt chương trình thử nghiệm hỗ trợ doanh nghiệp nâng cao năng suất (TFP) "
                       "và chất lượng sản phẩm của doanh nghiệp Việt Nam giai đoạn 2021 - 2030")


RESOLUTION_SITE = """Nghị quyết 7/2021/NQ-HĐND quy định mức chi trên địa bàn tỉnh Sông Đà

Số hiệu: 7/2021/NQ-HĐND Loại văn bản: Nghị quyết
Nơi ban hành: Tỉnh Sơn La Người ký: Lò Văn Minh
Ngày ban hành: 01/11/2021 Ngày hiệu lực: Đã biết
Tình trạng: Đã biết

HỘI ĐỒNG NHÂN DÂN
TỈNH SƠN LA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 7/2021/NQ-HĐND
Sơn La, ngày 01 tháng 11 năm 2021
NGHỊ QUYẾT
QUY ĐỊNH MỨC CHI THỰC HIỆN CHƯƠNG TRÌNH QUỐC GIA HỖ TRỢ DOANH NGHIỆP TRÊN ĐỊA BÀN TỈNH SƠN LA
GIAI ĐOẠN 2021 - 2030
HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA KHOÁ XV
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 3. Nghị quyết này có hiệu lực từ ngày 15 tháng 11 năm 2021.
"""


def test_a_provincial_resolution_on_a_legal_site(g) -> None:
    m = meta(RESOLUTION_SITE, g)
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level) == (
        "nghị quyết", "7/2021/NQ-HĐND", "HĐND tỉnh Sơn La", "Sơn La", "tỉnh")
    assert (m.issued_date, m.signer, m.effective_date) == ("2021-11-01", "Lò Văn Minh", "2021-11-15")
    assert m.title == ("Nghị quyết quy định mức chi thực hiện chương trình quốc gia hỗ trợ doanh nghiệp trên địa "
                       "bàn tỉnh Sơn La giai đoạn 2021 - 2030")


def test_site_fields_on_their_own_lines_and_labels_above_values() -> None:
    lines = ["Số hiệu 36/QĐ-TTg", "Ngày ban hành 11/01/2021", "Ngày có hiệu lực 11/01/2021",
             "Loại văn bản Quyết định", "Cơ quan ban hành", "Thủ tướng Chính phủ", "Người ký Vũ Văn An"]
    assert read_site_fields(lines) == {"number": "36/QĐ-TTg", "issued": "11/01/2021", "effective": "11/01/2021",
                                       "type": "Quyết định", "issuer": "Thủ tướng Chính phủ", "signer": "Vũ Văn An"}
    # One label in a sentence is text, not a field block.
    assert read_site_fields(["Theo số hiệu đã công bố, người ký là ông A."]) == {}


def test_the_number_field_labelled_in_full(g) -> None:  # noqa: ANN001
    """"Số hiệu văn bản: 19/2014/QĐ-TTg" names the number as "Số hiệu" does (it was read as "vănbản:19/2014/...",
    and a question naming 19/2014/QĐ-TTg did not find the decision's own page)."""
    text = ("Quyết định về việc áp dụng hệ thống quản lý chất lượng vào hoạt động của cơ quan hành chính\n\n"
            "Thông tin chi tiết văn bản\n\nSố hiệu văn bản: 19/2014/QĐ-TTg\nNgày ban hành: 05/03/2014\nQuyết định\n\n"
            "Thủ tướng Chính phủ ban hành Quyết định về việc áp dụng hệ thống quản lý chất lượng.\n")
    assert read_site_fields(text.split("\n"))["number"] == "19/2014/QĐ-TTg"
    assert read_site_fields(["Số văn bản: 45/KH-UBND", "Ngày ban hành: 01/02/2023"])["number"] == "45/KH-UBND"
    m = meta(text, g)
    assert m.doc_number == "19/2014/QĐ-TTg" and m.issued_date == "2014-03-05"


def test_a_page_that_names_only_its_districts(g) -> None:  # noqa: ANN001
    """A provincial paper's article names its districts, not its province; the one province it names is a
    partner's. The districts tell where it is (common.districts); the capital's districts, where national events
    are held, do not."""
    local = ("Trao giấy chứng nhận VietGAP cho các hợp tác xã\n\n"
             "Ngày 21-12, Sở Khoa học và Công nghệ phối hợp với Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng tỉnh "
             "Lâm Đồng trao giấy chứng nhận VietGAP cho 14 hợp tác xã thuộc địa bàn các huyện: Ninh Hải, Ninh Sơn, "
             "Ninh Phước.\nCác hợp tác xã được hướng dẫn áp dụng quy trình sản xuất tốt.\n")
    assert meta(local, g).province == "Ninh Thuận"
    national = ("75 doanh nghiệp đoạt Giải thưởng Chất lượng Quốc gia\n\n"
                "Lễ trao giải sẽ được tổ chức tại Hội trường Bộ Quốc phòng, số 7 Nguyễn Tri Phương, quận Ba Đình, Hà "
                "Nội. Bộ Khoa học và Công nghệ là cơ quan thường trực của Giải thưởng.\n")
    assert meta(national, g).province == ""


def test_a_title_naming_a_province_the_body_never_names(g) -> None:  # noqa: ANN001
    """A site can serve a page under another article's title: the province the body names (twice) and the title
    never does is the page's; a body that also names the title's province keeps it."""
    body = ("Triển khai Kế hoạch hoạt động Giải thưởng chất lượng Quốc gia trên địa bàn tỉnh Quảng Ninh năm 2022, "
            "Chi cục đã tổ chức Hội thảo cho 03 doanh nghiệp.\nCác doanh nghiệp Quảng Ninh được hướng dẫn viết báo cáo.\n")
    title = "Chi cục Tiêu chuẩn Đo lường Chất lượng Bình Thuận thông báo việc đăng ký Giải thưởng năm 2021"
    assert meta(f"{title}\n\n{title}\n\n{body}", g).province == "Quảng Ninh"
    assert meta(f"{title}\n\n{body}Chi cục Bình Thuận phối hợp tổ chức.\n", g).province == "Bình Thuận"


def test_a_list_item_is_no_headline(g) -> None:  # noqa: ANN001
    """A questions-and-answers page titled "Hỏi đáp": its bullet list on the topic is body text, not its title."""
    page = ("Hỏi đáp\n\nHỏi đáp\n\nTrả lời\n"
            "Duy trì năng suất tổng thể (TPM) bắt đầu được triển khai ở Nhật Bản năm 1971. TPM mang lại nhiều lợi ích:\n"
            "• Tăng năng suất và hiệu suất thiết bị toàn bộ (OEE);\n• Giảm chi phí bảo dưỡng và sửa chữa thiết bị;\n")
    assert meta(page, g).title == "Hỏi đáp"


def test_a_leaked_address_is_no_headline(g) -> None:  # noqa: ANN001
    """A page repeats an image's URL-encoded name (its "%" signs lost) where a headline would stand: made of no
    words, it is no headline; the page's own title line is."""
    slug = "khe1baa3i tin cue1bb99c20he1bb8dp20le1baa7n20the1bba920620ce1bba7a20he1bb99i20c491e1bb93ng"
    page = (f"Cuộc họp lần thứ 6 của Hội đồng cơ quan chứng nhận Tổ chức Năng suất châu Á\n\n{slug}\n\n"
            "Cuộc họp có sự tham dự của các thành viên Hội đồng APO-AB giai đoạn 2023-2025.\n"
            f"{slug} 1\n{slug}\n")
    assert meta(page, g).title == "Cuộc họp lần thứ 6 của Hội đồng cơ quan chứng nhận Tổ chức Năng suất châu Á"


CIRCULAR = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2022/TT-BKHCN
Hà Nội, ngày 15 tháng 10 năm 2022
THÔNG TƯ
QUY ĐỊNH QUẢN LÝ CHƯƠNG TRÌNH QUỐC GIA HỖ TRỢ DOANH NGHIỆP NÂNG CAO NĂNG SUẤT
Căn cứ Nghị định số 28/2023/NĐ-CP;
"""


def test_a_ministrys_circular_is_national(g) -> None:
    m = meta(CIRCULAR, g)
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level, m.issued_date) == (
        "thông tư", "15/2022/TT-BKHCN", "Bộ Khoa học và Công nghệ", "", "quốc gia", "2022-10-15")
    assert m.title == "Thông tư quy định quản lý chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất"


OFFICIAL_LETTER = """VĂN PHÒNG CHÍNH PHỦ
 -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1078/VPCP-KGVX
V/v triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất
và chất lượng sản phẩm, hàng hóa.
Hà Nội, ngày 20 tháng 02 năm 2024
Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.
Xét đề xuất của Bộ Khoa học và Công nghệ, Phó Thủ tướng Chính phủ có ý kiến như sau:
"""


def test_an_official_letter_is_a_cong_van_of_its_national_office(g) -> None:
    m = meta(OFFICIAL_LETTER, g)
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level, m.issued_date) == (
        "công văn", "1078/VPCP-KGVX", "Văn phòng Chính phủ", "", "quốc gia", "2024-02-20")
    assert m.title == ("Công văn về việc triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất "
                       "và chất lượng sản phẩm, hàng hóa")


PLAN_WITHOUT_ITS_PROVINCE = """ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 2284/KH-UBND |
ngày 14 tháng 4 năm 2021 |
Triển khai Quyết định số 1322/QĐ-TTg của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện:
1. Mục tiêu chung
"""


def test_a_province_only_the_file_name_gives(g) -> None:
    m = meta(PLAN_WITHOUT_ITS_PROVINCE, g, source="/data/lam-dong-kh-2284-2021.txt")
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level) == (
        "kế hoạch", "2284/KH-UBND", "UBND tỉnh Lâm Đồng", "Lâm Đồng", "tỉnh")
    m = meta(PLAN_WITHOUT_ITS_PROVINCE, g, source="https://example.vn/Ke-hoach-2284-KH-UBND-tinh-Lam-Dong-534796")
    assert m.province == "Lâm Đồng"


def test_provinces_in_file_names_and_urls(g) -> None:
    assert source_provinces("dong-nai-nq-20-2021-noi-dung-chi.txt", g) == ["Đồng Nai"]
    assert source_provinces("https://skhcn.dongthap.gov.vn/web/chi-tiet/5562667", g) == ["Đồng Tháp"]
    assert source_provinces("000_90dd7864220ee2ce.txt", g) == []
    # names written without spaces, alone or run into a neighbouring word (a provincial newspaper or TV station)
    assert source_provinces("022_kontum_ho_tro_dn_nscl.txt", g) == ["Kon Tum"]
    assert source_provinces("https://baogialai.com.vn/nang-cao-nang-suat-post567974.html", g) == ["Gia Lai"]
    assert source_provinces("https://kontumtv.vn/tin-tuc/nang-suat", g) == ["Kon Tum"]
    assert source_provinces("014_nang_suat_xanh_vnpi_tailieumienphi.txt", g) == []
    assert source_provinces("bao-cao-ket-qua-hanam2024.txt", g) == []  # a short name only as a whole word


LOCAL_NEWS_WITHOUT_ITS_PROVINCE = """Hỗ trợ doanh nghiệp nâng cao năng suất chất lượng giai đoạn 2021-2030

Thứ Năm, 12/08/2021

Sở Khoa học và Công nghệ vừa tổ chức hội nghị triển khai hỗ trợ doanh nghiệp trên địa bàn tỉnh nâng cao năng
suất và chất lượng sản phẩm, hàng hóa. Năm 2021, tỉnh hỗ trợ 12 doanh nghiệp áp dụng công cụ 5S và Kaizen.
"""


def test_local_news_whose_province_only_the_file_name_or_url_gives(g) -> None:
    """A provincial newspaper's item says "tỉnh" and never names its province: the file name or URL does."""
    assert meta(LOCAL_NEWS_WITHOUT_ITS_PROVINCE, g).province == ""
    m = meta(LOCAL_NEWS_WITHOUT_ITS_PROVINCE, g, source="/data/022_kontum_ho_tro_dn_nscl.txt")
    assert (m.doc_type, m.province, m.level) == ("tin tức", "Kon Tum", "tỉnh")
    assert meta(LOCAL_NEWS_WITHOUT_ITS_PROVINCE, g, source="https://baogialai.com.vn/post-1.html").province == "Gia Lai"
    # a province's news on carrying out a national decision: the province from the file name, the issuer national
    carrying_out = LOCAL_NEWS_WITHOUT_ITS_PROVINCE.replace("Sở Khoa học", "Thực hiện Quyết định số 1322/QĐ-TTg, Sở "
                                                          "Khoa học")
    m = meta(carrying_out, g, source="/data/011_travinh_sct_ct1322.txt")
    assert (m.doc_number, m.issuer, m.province) == ("1322/QĐ-TTg", "Thủ tướng Chính phủ", "Trà Vinh")
    # a text that names provinces itself is read from them, whatever its file name
    assert meta(ENGLISH_NEWS, g, source="/data/kontum_pm_decision_1322.txt").province == ""


ENGLISH_NEWS = """PM launches nationwide campaign to support businesses

17:34 | 05/09/2020

Prime Minister has issued Decision 1322/QD-TTg approving the national programme to support businesses to
improve productivity and quality of products in the 2021-30 period, the Government announced in Hanoi.
The programme sets targets for ministries, agencies and localities.
"""


def test_english_news_on_a_national_decision_is_national_news(g) -> None:
    m = meta(ENGLISH_NEWS, g)
    assert (m.doc_type, m.province, m.level, m.issued_date) == ("tin tức", "", "quốc gia", "2020-09-05")
    assert (m.doc_number, m.issuer) == ("1322/QD-TTg", "Thủ tướng Chính phủ")


PROVINCIAL_NEWS = """Sông Hồng đẩy mạnh hỗ trợ doanh nghiệp nâng cao năng suất

10:21 08/04/2021

Thực hiện Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ, UBND tỉnh Hòa Bình đã ban hành Kế hoạch số
45/KH-UBND về nâng cao năng suất trên địa bàn tỉnh Hòa Bình. Theo đó, toàn tỉnh phấn đấu tăng năng suất 7%/năm.
"""


def test_news_on_a_provincial_plan_keeps_its_province(g) -> None:
    m = meta(PROVINCIAL_NEWS, g)
    assert (m.doc_type, m.doc_number, m.issuer, m.province, m.level, m.issued_date) == (
        "tin tức", "45/KH-UBND", "UBND tỉnh Hòa Bình", "Hòa Bình", "tỉnh", "2021-04-08")


def test_national_news_that_lists_firms_of_several_provinces_has_no_province(g) -> None:
    text = ("67 doanh nghiệp nhận giải chất lượng quốc gia\n\nNgày 17/3, 67 doanh nghiệp được vinh danh tại Hà Nội "
            "tại lễ trao Giải thưởng Chất lượng quốc tế châu Á - Thái Bình Dương, trong đó có Công ty CP Vật tư Nông "
            "nghiệp Nghệ An (tỉnh Nghệ An) và Công ty Thoát nước tỉnh Bà Rịa - Vũng Tàu.\n")
    m = meta(text, g)
    assert (m.doc_type, m.province) == ("tin tức", "")


def test_news_naming_its_province_once_among_the_provinces_agencies_is_that_provinces(g) -> None:
    """A provincial association's news names the province once; its agencies are "X tỉnh" ("the province's")."""
    text = ("Giới thiệu doanh nghiệp tham gia Giải thưởng chất lượng Quốc gia năm 2020\n\nGiải thưởng là hình thức "
            "tôn vinh của Thủ tướng Chính phủ. Điều kiện tham dự là doanh nghiệp hoạt động liên tục tại tỉnh Phú Thọ "
            "ít nhất 36 tháng.\n\nSở KH và CN gửi các sở, Liên hiệp các hội KH&KT tỉnh, Hiệp hội DNNVV tỉnh, đề nghị "
            "giới thiệu doanh nghiệp.\n")
    m = meta(text, g)
    assert (m.doc_type, m.province, m.level) == ("tin tức", "Phú Thọ", "tỉnh")
    national = text.replace("Liên hiệp các hội KH&KT tỉnh, Hiệp hội DNNVV tỉnh", "các tỉnh, thành phố")
    assert meta(national, g).province == ""  # "các tỉnh, thành phố": every province, not this one


PARTY_RESOLUTION_PAGE = """Nghị quyết số 52-NQ/TW của Bộ Chính trị về tham gia cách mạng công nghiệp lần thứ tư

Thay mặt Bộ Chính trị, Tổng Bí thư đã ký ban hành Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số
chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư. Trân trọng giới thiệu toàn văn.

I. TÌNH HÌNH VÀ NGUYÊN NHÂN
Thời gian qua, Đảng và Nhà nước đã ban hành nhiều chủ trương.
"""
PLAN_CARRYING_OUT_A_PARTY_RESOLUTION = """Chương trình hành động của Bộ Công Thương thực hiện Nghị quyết 52-NQ/TW về cách mạng công nghiệp lần thứ tư

Chương trình hành động nhằm triển khai Nghị quyết số 52-NQ/TW, Nghị quyết số 50/NQ-CP của Chính phủ trong ngành Công
Thương. Mục tiêu đến năm 2030 là 50% doanh nghiệp ứng dụng công nghệ số.
"""


def test_a_party_resolution_is_numbered_with_a_hyphen(g) -> None:
    """The Party's numbers ("52-NQ/TW") are document numbers: a page reporting the resolution is about it."""
    m = meta(PARTY_RESOLUTION_PAGE, g)
    assert (m.doc_number, m.issuer, m.level) == ("52-NQ/TW", "Ban Chấp hành Trung ương Đảng", "quốc gia")


def test_a_party_offices_letter_is_numbered_by_its_number_line(g) -> None:
    """"Số 402-CV/VPĐU" (no colon; a Party header is not the state's) is the letter's own number, not the
    resolution it reports on."""
    text = ("ĐẢNG ỦY CHÍNH PHỦ\nVĂN PHÒNG\nSố 402-CV/VPĐU\nV/v xin ý kiến dự thảo báo cáo thực hiện Nghị quyết số "
            "57-NQ/TW\nHà Nội, ngày 25 tháng 5 năm 2025\nKính gửi: Các đồng chí Ủy viên Ban Thường vụ.\n"
            "Văn phòng đề nghị các đồng chí cho ý kiến về việc thực hiện Nghị quyết số 57-NQ/TW.\n")
    assert meta(text, g).doc_number == "402-CV/VPĐU"


def test_a_page_carrying_out_a_document_is_not_that_document(g) -> None:
    """A programme "thực hiện Nghị quyết 52-NQ/TW" (and the government's resolution it lists after it) is not
    numbered by the documents it carries out."""
    assert meta(PLAN_CARRYING_OUT_A_PARTY_RESOLUTION, g).doc_number == ""


def test_a_plan_titled_after_what_it_carries_out(g) -> None:
    """The line under "KẾ HOẠCH" is its subject even when it opens on "Thực hiện"; a body sentence is not."""
    head = ("ỦY BAN NHÂN DÂN TỈNH SÔNG LAM\nSố: 91/KH-UBND\nSông Lam, ngày 05 tháng 4 năm 2022\nKẾ HOẠCH\n{}\n"
            "I. MỤC TIÊU\nĐến năm 2025 có 4.500 doanh nghiệp.\n")
    titled = meta(head.format("Thực hiện Nghị quyết số 61-NQ/TU của Tỉnh ủy về phát triển doanh nghiệp"), g)
    assert titled.title == "Kế hoạch thực hiện Nghị quyết số 61-NQ/TU của Tỉnh ủy về phát triển doanh nghiệp"
    body = meta(head.format("Thực hiện Nghị quyết số 61-NQ/TU, UBND tỉnh ban hành Kế hoạch như sau:"), g)
    assert "ban hành Kế hoạch như sau" not in body.title


@pytest.mark.parametrize(("number", "doc_type", "issuer"), [
    ("20/2021/NQ-HĐND", "nghị quyết", ("HĐND", "tỉnh")),
    ("15/2022/TT-BKHCN", "thông tư", ("Bộ Khoa học và Công nghệ", "quốc gia")),
    ("1078/VPCP-KGVX", "công văn", ("Văn phòng Chính phủ", "quốc gia")),
    ("36/QĐ-TTg", "quyết định", ("Thủ tướng Chính phủ", "quốc gia")),
    ("1322/QD-TTg", "quyết định", ("Thủ tướng Chính phủ", "quốc gia")),
    ("129-CTr/TU", "chương trình", ("", "")),  # a Party committee's programme (Tỉnh ủy)
    ("57-NQ/TW", "nghị quyết", ("Ban Chấp hành Trung ương Đảng", "quốc gia")),  # the Politburo's resolution
    ("12/CTr-UBND", "chương trình", ("UBND", "tỉnh")),
])
def test_number_codes(number: str, doc_type: str, issuer: tuple[str, str]) -> None:
    assert type_from_number(number) == doc_type
    assert issuer_from_number(number) == issuer


def test_sentence_case_keeps_names_and_abbreviations(g) -> None:
    assert sentence_case("KẾ HOẠCH TỔNG THỂ CỦA THÀNH PHỐ HỒ CHÍ MINH VỀ KH&CN VÀ TFP", g) == \
        "kế hoạch tổng thể của thành phố Hồ Chí Minh về KH&CN và TFP"
    assert sentence_case("PHÊ DUYỆT DỰ ÁN “NÂNG CAO NĂNG SUẤT TỈNH BÀ RỊA - VŨNG TÀU”", g) == \
        "phê duyệt dự án “Nâng cao năng suất tỉnh Bà Rịa - Vũng Tàu”"


# ------------------------------------------------------------------------------------- the real documents

REAL_EXPECTED = {
    "qd-1322-qd-ttg-2020-thuvienphapluat.txt": dict(doc_type="quyết định", doc_number="1322/QĐ-TTg",
                                                      issuer="Thủ tướng Chính phủ", province="", level="quốc gia",
                                                      issued_date="2020-08-31"),
    "qd-36-qd-ttg-2021-thuviennhadat.txt": dict(doc_type="quyết định", doc_number="36/QĐ-TTg", province="",
                                                level="quốc gia", signer="Vũ Đức Đam"),
    "vpcp-1078-2024-trien-khai-1322.txt": dict(doc_type="công văn", issuer="Văn phòng Chính phủ", level="quốc gia"),
    "dong-nai-nq-20-2021-noi-dung-chi-muc-chi.txt": dict(doc_type="nghị quyết", doc_number="20/2021/NQ-HĐND",
                                                         issuer="HĐND tỉnh Đồng Nai", province="Đồng Nai",
                                                         effective_date="2022-01-01"),
    "lam-dong-kh-2284-2021.txt": dict(doc_type="kế hoạch", issuer="UBND tỉnh Lâm Đồng", province="Lâm Đồng"),
    "tphcm-qd-299-2022-vanban123.txt": dict(issuer="UBND thành phố Hồ Chí Minh", issued_date="2022-01-21"),
    "qd-1322-news-en-vov.txt": dict(doc_type="tin tức", province="", level="quốc gia"),
    "dong-thap-kh-105-2021-baodongthap.txt": dict(doc_type="tin tức", doc_number="105/KH-UBND", province="Đồng Tháp"),
}


@pytest.mark.parametrize("name", sorted(REAL_EXPECTED))
def test_real_documents(g, name: str) -> None:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    from ingest.pipeline import parse_bytes
    m = parse_bytes(path.read_bytes(), str(path), g).meta
    assert {k: getattr(m, k) for k in REAL_EXPECTED[name]} == REAL_EXPECTED[name]


@pytest.mark.parametrize("name", ["qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt", "binh-duong-qd-2684-2021.txt",
                                  "ba-ria-vung-tau-qd-2541-2012-du-an-nscl.txt", "kon-tum-kh-4617-2021-tfp.txt"])
def test_real_official_titles_are_whole(g, name: str) -> None:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    from ingest.pipeline import parse_bytes
    title = parse_bytes(path.read_bytes(), str(path), g).meta.title
    assert title.split(" ", 2)[1].islower() and title[-4:].isdigit() or title.endswith("”"), title


EN_DECISION_PAGE = """Decision No. 444/QD-TTg dated March 3, 2013 of the Prime Minister approving a pilot productivity project (English translation)
THE PRIME MINISTER | THE SOCIALIST REPUBLIC OF VIETNAM
No. 444/QD-TTg | Hanoi, March 3, 2013
DECISION
APPROVING A PILOT PROJECT ON PRODUCTIVITY OF INDUSTRIAL GOODS
Pursuant to the Prime Minister's Decision No. 712/QD-TTg of May 21, 2010, approving the national program;
At the proposal of the Minister of Industry and Trade,
DECIDES:
Article 1. To approve the pilot project.
"""


def test_an_english_page_of_a_decision_is_filed_under_the_number_in_its_title(g) -> None:
    """The page's first line names the decision it is; the body cites an older one ("Pursuant to ... Decision No.
    712/QD-TTg"), which is background."""
    m = meta(EN_DECISION_PAGE, g)
    assert m.doc_number == "444/QD-TTg" and m.level == "quốc gia" and m.province == ""


PLAN_CARRYING_OUT = """ỦY
BAN NHÂN DÂN
TỈNH SƠN LA
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
71/KH-UBND
|
Sơn La, ngày 08 tháng 04 năm 2021
|
KẾ HOẠCH
THỰC HIỆN CHƯƠNG TRÌNH QUỐC GIA HỖ TRỢ DOANH NGHIỆP NÂNG CAO NĂNG SUẤT
VÀ CHẤT LƯỢNG SẢN PHẨM, HÀNG HÓA TRÊN ĐỊA BÀN TỈNH SƠN LA GIAI ĐOẠN 2021 -
2025
I. CĂN CỨ XÂY DỰNG
Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ.
"""


def test_a_title_opening_with_a_bodys_words_is_whole(g) -> None:
    """"KẾ HOẠCH / THỰC HIỆN CHƯƠNG TRÌNH ...": words that open a body ("Thực hiện ...") open the title when they
    stand in capitals under the kind line; a period broken over two lines ("2021 -" / "2025") stays whole."""
    m = meta(PLAN_CARRYING_OUT, g)
    assert m.title == ("Kế hoạch thực hiện chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
                       "lượng sản phẩm, hàng hóa trên địa bàn tỉnh Sơn La giai đoạn 2021 - 2025")
    assert m.doc_number == "71/KH-UBND"


CUT_NEWS = """PM launches nationwide campaign to support businesses
The Prime Minister has issued a decision approving the national programme to support businesses to improve productivity.
The decision is considered a new push to support enterprises amid the Fourth Industrial Revolution.
Among the winners of last year's awards were Khanh Hoa Salangane Nests Company and firms of Binh Dinh, whose productivity grew"""


def test_a_headline_comes_before_the_body(g) -> None:
    # the page's last line, cut mid-sentence, names a province and the topic: it is body text, not the headline
    m = meta(CUT_NEWS, g)
    assert m.title == "PM launches nationwide campaign to support businesses"
    assert m.province == ""
    english = meta(CUT_NEWS.replace("PM launches nationwide campaign to support businesses",
                                    "National, Asia-Pacific quality awards bestowed on 77 firms"), g)
    assert english.title == "National, Asia-Pacific quality awards bestowed on 77 firms"  # "quality": on topic


BROKEN_PROVINCE_HEADER = """Kế hoạch 77/KH-UBND năm 2021 về nâng cao năng suất chất lượng trên địa bàn tỉnh Khánh Hòa

Số hiệu 77/KH-UBND
Ngày ban hành 23/06/2021
Loại văn bản Kế hoạch
Cơ quan ban hành Tỉnh Khánh Hòa
Người ký Nguyễn Văn A

ỦY BAN NHÂN DÂN
TỈNH KHÁNH H
ÒA
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 77/KH-UBND

Khánh Hoà, ngày 23 tháng 6 năm 2021

KẾ HOẠCH

NÂNG CAO NĂNG SUẤT CHẤT LƯỢNG TRÊN ĐỊA BÀN TỈNH KHÁNH HÒA
"""


def test_a_header_line_broken_inside_the_province_name_yields_to_a_known_province(g) -> None:
    """"TỈNH KHÁNH H / ÒA" (a legal site's header cell broken mid-word) reads as a province no gazetteer knows; the
    site's "Cơ quan ban hành", the place-date line and the title name Khánh Hòa."""
    m = meta(BROKEN_PROVINCE_HEADER, g)
    assert (m.province, m.issuer, m.level) == ("Khánh Hòa", "UBND tỉnh Khánh Hòa", "tỉnh"), m


def test_a_decision_whose_header_has_no_kind_line_keeps_the_pages_title(g) -> None:
    """A legal site's page of a decision whose header lost its "QUYẾT ĐỊNH" line: the title is the page's title
    line, not the number and place-date line that names Hà Nội."""
    text = ("Quyết định 950/QĐ-TTg năm 2016 phê duyệt Chương trình hỗ trợ doanh nghiệp đổi mới công nghệ đến năm 2020\n"
            "THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 950/QĐ-TTg | Hà Nội, ngày 03 tháng 06 năm 2016 |\n"
            "PHÊ DUYỆT CHƯƠNG TRÌNH HỖ TRỢ DOANH NGHIỆP ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2020\n"
            "THỦ TƯỚNG CHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
            "QUYẾT ĐỊNH:\n"
            "Điều 1. Phê duyệt Chương trình hỗ trợ doanh nghiệp đổi mới công nghệ đến năm 2020.\n")
    m = meta(text, g)
    assert m.title.startswith("Quyết định 950/QĐ-TTg năm 2016 phê duyệt"), m.title
    assert m.doc_number == "950/QĐ-TTg" and m.province == "" and m.level == "quốc gia"


def test_an_english_legal_site_page_reads_its_fields(g) -> None:
    text = ("Decision No. 88/QD-TTg on the programme to raise productivity of small enterprises\n"
            "Issuing body: Prime Minister Effective date:\nKnown\n"
            "Official number: 88/QD-TTg Signer: Tran Van An\n"
            "Type: Decision Expiry date: Updating\n"
            "Issuing date: 12/01/2022 Effect status:\nKnown\n"
            "The Prime Minister approves the programme to raise the productivity of small enterprises.\n")
    assert read_site_fields(text.split("\n"))["signer"] == "Tran Van An"
    m = meta(text, g)
    assert m.doc_type == "quyết định" and m.signer == "Tran Van An" and m.issued_date == "2022-01-12"
    assert m.title == "Decision No. 88/QD-TTg on the programme to raise productivity of small enterprises"
