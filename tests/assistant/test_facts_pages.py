"""What the fact tabs and the passage page render, from hand-made facts: escaping, links with the quote's
offsets, export files read back, and an eligibility result that is never a bare yes or no."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import openpyxl
import pytest
from langchain_core.documents import Document

from assistant import facts_pages as fp
from assistant.facts.check import (
    CHECK,
    FAILS,
    LIKELY,
    MEETS,
    UNLIKELY,
    CriterionCheck,
    EnterpriseProfile,
    PlanEligibility,
)
from assistant.facts.types import EligibilityRule, FactSource, PlanFacts, Responsibility, Target

EVIL = "<script>alert('x')</script> [bấm](javascript:alert(1))"
LINK = re.compile(r"(?<!\\)\]\(")  # a live Markdown link: "](" not escaped


def source(chunk_id: str = "d1-abc-0003", quote: str = "Tăng 7%/năm.", start: int = 10, province: str = "Sông Lam",
           title: str = "Kế hoạch 45/KH-UBND", doc_number: str = "45/KH-UBND") -> FactSource:
    return FactSource("d1", chunk_id, title, doc_number, province, "tỉnh", "I. MỤC TIÊU", 2, quote, start,
                      start + len(quote))


def target(province: str = "Sông Lam", value: str = "trên 7%/năm", year: int | None = 2025, high: float = 7.0,
           indicator: str = "labour_productivity", **kw) -> Target:
    return Target(indicator, "Tăng năng suất lao động (%/năm)", value, "trên", high, high, "%/năm", year, "",
                  source(province=province, **kw))


class _Text(HTMLParser):
    """The text of every element, to check what a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.cells.append(data.strip())


def texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.cells


# -- links and the passage page -----------------------------------------------------------------------------------

def test_passage_url_carries_the_quote_offsets_and_encodes_the_id():
    assert fp.passage_url(source(start=5, quote="abc")) == "/doan/d1-abc-0003?s=5&e=8"
    assert fp.passage_url(source(chunk_id="a/../b c")) == "/doan/a%2F..%2Fb%20c?s=10&e=22"


@pytest.mark.parametrize("text", [EVIL, "[x](y)", "<img src=x onerror=alert(1)>"])
def test_links_escape_document_text(text):
    md = fp.passage_link(source(), text)
    assert md.endswith("](/doan/d1-abc-0003?s=10&e=22)")
    assert "<" not in md and len(LINK.findall(md)) == 1
    anchor = fp.passage_anchor(source(), text)
    assert "<script" not in anchor and "<img" not in anchor and anchor.count("<a ") == 1
    assert 'href="/doan/d1-abc-0003?s=10&amp;e=22"' in anchor


def passage(text: str, **meta) -> Document:
    metadata = {"doc_id": "d1", "title": "Kế hoạch 45/KH-UBND", "province": "Sông Lam", "doc_number": "45/KH-UBND",
                "section_path": "I. MỤC TIÊU > 1. Chung", "page": 3, "source": "/thu-vien/kh45.pdf",
                "media_type": "pdf"}
    return Document(page_content=text, metadata={**metadata, **meta})


def test_passage_page_marks_the_quote_and_shows_where_it_is():
    text = "I. MỤC TIÊU\nTăng năng suất lao động bình quân trên 7%/năm. Đến 2030 đạt 7,5%."
    start = text.index("Tăng")
    end = text.index(" Đến")
    page = fp.passage_page(passage(text), start, end)
    assert f'<mark id="trich">{text[start:end]}</mark>' in page
    assert page.count("<mark") == 1
    for fact in ("Sông Lam", "Số hiệu: 45/KH-UBND", "Mục: I. MỤC TIÊU &gt; 1. Chung", "Trang 3"):
        assert fact in page
    assert '<a href="/tai-lieu/d1#page=3">Mở văn bản gốc</a>' in page
    assert '<html lang="vi">' in page


@pytest.mark.parametrize("start,end", [(None, None), (5, 2), (0, 10_000), (-1, 3)])
def test_passage_page_without_valid_offsets_has_no_mark(start, end):
    page = fp.passage_page(passage("Một câu ngắn."), start, end)
    assert "<mark" not in page and "Một câu ngắn." in page


def test_passage_page_escapes_the_document():
    text = f"Tiêu đề {EVIL} và tiếp"
    page = fp.passage_page(passage(text, title=EVIL, section_path=EVIL), 0, len(text))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert page.count("<a ") == 1  # only "Mở văn bản gốc"


def test_passage_page_of_a_web_document_links_to_the_page_on_the_web():
    page = fp.passage_page(passage("Nội dung.", source="https://example.vn/tin?id=1&x=2", media_type="html"))
    assert '<a href="https://example.vn/tin?id=1&amp;x=2">Mở văn bản gốc</a>' in page


def test_not_found_page_is_vietnamese():
    assert "Không tìm thấy đoạn văn bản" in fp.not_found_page()


# -- "Chỉ tiêu" ----------------------------------------------------------------------------------------------------

def test_targets_frame_links_every_row_to_its_passage():
    frame = fp.targets_frame([target(), target("Bắc Ninh", "khoảng 12,5%/năm", None, 12.5, chunk_id="d2-x-0000",
                                               start=662, quote="x" * 108)])
    assert list(frame.columns) == fp.TABLE_COLUMNS and len(fp.TABLE_TYPES) == len(fp.TABLE_COLUMNS)
    bac_ninh = frame[frame["Tỉnh/TP"] == "Bắc Ninh"].iloc[0]
    assert bac_ninh["Giá trị"] == "khoảng 12,5%/năm" and bac_ninh["Năm"] == ""
    assert bac_ninh["Nguồn"] == "[Xem đoạn trích](/doan/d2-x-0000?s=662&e=770)"
    assert fp.targets_frame([]).empty


def test_comparison_is_province_by_year_with_linked_values():
    html = fp.comparison_html([target(year=2025), target(value="7,5%/năm", year=2030, chunk_id="d1-abc-0004"),
                               target("Bắc Ninh", "khoảng 12,5%/năm", None, 12.5)])
    assert texts(html)[:5] == ["Tăng năng suất lao động (%/năm)", "Tỉnh/TP", "2025", "2030", "Không nêu năm"]
    assert 'href="/doan/d1-abc-0004?s=10&amp;e=22"' in html and ">7,5%/năm</a>" in html
    assert "Chọn một chỉ tiêu" in fp.comparison_html([target(), target(indicator="experts")])
    assert fp.comparison_html([]) == fp.NO_TARGETS


def test_comparison_escapes_values():
    html = fp.comparison_html([target(value=EVIL)])
    assert "<script" not in html


def test_chart_frame_needs_one_indicator():
    frame = fp.chart_frame([target(), target("Bắc Ninh", "12,5%/năm", 2025, 12.5)])
    assert list(frame["Tỉnh/TP"]) == ["Bắc Ninh", "Sông Lam"] and list(frame["Giá trị"]) == [12.5, 7.0]
    assert fp.chart_frame([target(), target(indicator="experts")]).empty


def test_exports_read_back_with_absolute_links(tmp_path):
    targets = [target("Bắc Ninh", "khoảng 12,5%/năm", None, 12.5), target(value="=cmd|' /C calc'!A0")]
    csv_path, xlsx_path = fp.export_targets(targets, tmp_path, "http://may-chu:7860/")
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8-sig", newline="")))
    assert rows[0]["Tỉnh/TP"] == "Bắc Ninh" and rows[0]["Giá trị"] == "khoảng 12,5%/năm"
    assert rows[0]["Liên kết"] == "http://may-chu:7860/doan/d1-abc-0003?s=10&e=22"
    assert rows[1]["Giá trị"].startswith("'=")  # a formula stays text in a spreadsheet
    sheet = openpyxl.load_workbook(xlsx_path).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]]))
    assert row["Giá trị"] == "khoảng 12,5%/năm" and row["Liên kết"].endswith("/doan/d1-abc-0003?s=10&e=22")
    link = sheet.cell(row=2, column=header.index("chunk_id") + 1).hyperlink
    assert link.target == "http://may-chu:7860/doan/d1-abc-0003"


# -- "Trách nhiệm" -------------------------------------------------------------------------------------------------

def duty(agency: str, role: str, task: str = "- Chủ trì triển khai Kế hoạch.", province: str = "Sông Lam",
         deadline: str = "", chunk_id: str = "d1-abc-0010") -> Responsibility:
    where = source(chunk_id=chunk_id, province=province, quote=task)
    return Responsibility(agency, agency, role, task, deadline, where)


def test_matrix_cells_list_roles_in_order_each_linked():
    duties = [duty("Sở Khoa học và Công nghệ", "phối hợp", chunk_id="d1-abc-0011"),
              duty("Sở Khoa học và Công nghệ", "đầu mối"), duty("Sở Công Thương", "phối hợp"),
              duty("Sở Công Thương", "chủ trì", province="Bắc Ninh")]
    frame, types = fp.matrix_frame(duties)
    assert list(frame.columns) == ["Cơ quan", "Bắc Ninh (45/KH-UBND)", "Sông Lam (45/KH-UBND)"]
    assert types == ["str", "markdown", "markdown"]
    khcn = frame[frame["Cơ quan"] == "Sở Khoa học và Công nghệ"].iloc[0]
    assert khcn["Sông Lam (45/KH-UBND)"] == ("[đầu mối](/doan/d1-abc-0010?s=10&e=40), "
                                             "[phối hợp](/doan/d1-abc-0011?s=10&e=40)")
    assert khcn["Bắc Ninh (45/KH-UBND)"] == ""


def test_agency_tasks_list_tasks_deadlines_and_passages_escaped():
    duties = [duty("Sở Công Thương", "chủ trì", f"- Tổ chức tập huấn {EVIL}", deadline="Quý II/2025"),
              duty("Sở Tài chính", "phối hợp")]
    md = fp.agency_tasks_markdown(duties, "Sở Công Thương")
    assert "Thời hạn: Quý II/2025" in md and "](/doan/d1-abc-0010?s=10&e=" in md
    assert "<script" not in md and "**chủ trì**: Tổ chức tập huấn" in md
    assert len(LINK.findall(md)) == 1  # only the link to the passage
    assert "Sở Tài chính" not in md
    assert fp.agency_tasks_markdown(duties, "") == fp.CHOOSE_AGENCY
    assert "Không có nhiệm vụ" in fp.agency_tasks_markdown(duties, "Sở Y tế")


# -- "Kiểm tra đủ điều kiện" ---------------------------------------------------------------------------------------

def rule(kind: str, text: str, rate: str = "", ceiling: str = "") -> EligibilityRule:
    return EligibilityRule(kind, text, ("doanh nghiệp",), (), rate, ceiling, source(quote=text, chunk_id="d1-abc-0005"))


def result(assessment: str = LIKELY) -> PlanEligibility:
    plan = PlanFacts("d1", "Kế hoạch hỗ trợ doanh nghiệp năm 2025", "Sông Lam", "12/KH-UBND", "kế hoạch", "2025-01-10")
    exclusion = rule("không hỗ trợ", "- Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ.")
    checks = (CriterionCheck(rule("đối tượng", "- Doanh nghiệp nhỏ và vừa."), MEETS, "Quy mô nhỏ thuộc nhóm DNNVV."),
              CriterionCheck(exclusion, FAILS, "Đơn vị có vốn nhà nước."),
              CriterionCheck(rule("điều kiện", f"- Hoạt động ít nhất 12 tháng {EVIL}"), CHECK, "Tự đối chiếu."))
    support = (rule("mức hỗ trợ", "- Hỗ trợ 50% chi phí tư vấn, tối đa 100 triệu đồng.", "50% chi phí tư vấn",
                    "tối đa 100 triệu đồng"),)
    procedure = (rule("hồ sơ", "- Đợt 1: nhận hồ sơ đến hết ngày 31/3/2025."),)
    contacts = (duty("Sở Khoa học và Công nghệ", "đầu mối"),)
    return PlanEligibility(plan, assessment, checks, support, procedure, contacts,
                           ("Liên hệ Sở Khoa học và Công nghệ để xác nhận trước khi nộp hồ sơ.",))


def test_eligibility_shows_assessment_criteria_support_procedure_contacts_and_steps():
    profile = EnterpriseProfile("Sông Lam", "chế biến thủy sản", "nhỏ", "nhà nước (trên 50% vốn)")
    html = fp.eligibility_html([result(UNLIKELY)], profile)
    seen = texts(html)
    assert UNLIKELY in seen and fp.DISCLAIMER in seen
    assert "Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ." in seen  # the cited criterion, linked
    assert 'href="/doan/d1-abc-0005?s=10&amp;e=' in html
    for status, note in ((MEETS, "Quy mô nhỏ thuộc nhóm DNNVV."), (FAILS, "Đơn vị có vốn nhà nước."),
                         (CHECK, "Tự đối chiếu.")):
        assert seen[seen.index(status) + 1] == note  # every status comes with its reason
    assert "(Mức: 50% chi phí tư vấn; Tối đa: tối đa 100 triệu đồng)" in seen
    assert "Đợt 1: nhận hồ sơ đến hết ngày 31/3/2025." in seen
    assert "Sở Khoa học và Công nghệ (đầu mối)" in seen
    assert "Liên hệ Sở Khoa học và Công nghệ để xác nhận trước khi nộp hồ sơ." in seen
    assert "<script" not in html
    assert seen[0] == "Tỉnh/TP: Sông Lam; Ngành: chế biến thủy sản; Quy mô: nhỏ; Loại hình: nhà nước (trên 50% vốn)"


BARE = re.compile(r"^(có|không|đủ điều kiện|không đủ điều kiện|đạt|không đạt|yes|no|true|false)[.!]?$", re.IGNORECASE)


@pytest.mark.parametrize("assessment", [LIKELY, UNLIKELY])
def test_eligibility_is_never_a_bare_yes_or_no(assessment):
    html = fp.eligibility_html([result(assessment)], EnterpriseProfile("Sông Lam", "", "nhỏ", "tư nhân"))
    seen = texts(html)
    assert not [t for t in seen if BARE.match(t)]
    assert seen[seen.index("Đánh giá sơ bộ:") + 1] == assessment and len(assessment.split()) > 5


def test_eligibility_asks_for_a_province_and_says_when_no_plan_is_indexed():
    asked = fp.eligibility_html([result()], EnterpriseProfile(""))
    assert asked == f"<p class='eligibility-empty'>{fp.CHOOSE_PROVINCE}</p>"
    none = fp.eligibility_html([], EnterpriseProfile("Cà Mau <b>"))
    assert "Chưa có kế hoạch nào của Cà Mau &lt;b&gt;" in none
