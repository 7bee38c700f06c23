"""Plan summaries over the real index of the corpus and the samples: written to .docx, read back with python-docx
and through the zip (headings, values, the comparison table, footnotes quoting the source sentences)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import docx
import pytest
from lxml import etree

from assistant.facts.summary import (
    H_COMPARE,
    H_DUTIES,
    H_INFO,
    H_TARGETS,
    SummaryError,
    find_documents,
    plan_summary_docx,
    select_plans,
    summary_title,
)
from common.errors import PlanAssistantError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TODAY = date(2025, 6, 5)


@pytest.fixture(scope="module")
def plans(indexed_assistant):
    return indexed_assistant.facts.plans()


def read(data: bytes) -> tuple[docx.document.Document, dict[str, str], str]:
    """The document, its footnotes by id (text of all paragraphs) and the body XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert "word/footnotes.xml" in names
        root = etree.fromstring(z.read("word/footnotes.xml"))
        body = z.read("word/document.xml").decode()
    notes = {n.get(f"{{{W}}}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
                                            for p in n.findall("w:p", NS))
             for n in root.findall("w:footnote", NS) if n.get(f"{{{W}}}type") is None}
    return docx.Document(io.BytesIO(data)), notes, body


def headings(document, level: int) -> list[str]:
    name = "Title" if level == 0 else f"Heading {level}"
    return [p.text for p in document.paragraphs if p.style.name == name]


def paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_nam_dinh_summary(plans):
    chosen = select_plans(plans, provinces=["Nam Định"])
    assert [p.province for p in chosen] == ["Nam Định"]
    document, notes, body = read(plan_summary_docx(chosen, today=TODAY))
    assert headings(document, 0) == ["Tóm tắt kế hoạch: Nam Định"]
    assert any(p.text == "Ngày lập: 05/06/2025" for p in document.paragraphs)
    assert headings(document, 1)[0].startswith("Kế hoạch nâng cao năng suất") and "Nam Định" in headings(document, 1)[0]
    assert {H_INFO, H_TARGETS, H_DUTIES} <= set(headings(document, 2))
    assert headings(document, 3)[:2] == ["Đến năm 2025", "Đến năm 2030"]
    assert paragraph(document, "Ngày ban hành").text == "Ngày ban hành: 03/2023"
    assert paragraph(document, "Tỉnh/thành phố").text == "Tỉnh/thành phố: Nam Định"

    texts = [p.text for p in document.paragraphs]
    i2030 = texts.index("Đến năm 2030")
    labour = [t for t in texts if t.startswith("Tăng năng suất lao động")]
    assert labour == ["Tăng năng suất lao động (%/năm): trên 7%/năm", "Tăng năng suất lao động (%/năm): trên 7,5%/năm"]
    assert texts.index(labour[1]) > i2030 > texts.index(labour[0])
    assert "Đóng góp của TFP vào tăng trưởng (%): 45%" in texts
    assert paragraph(document, "Cơ quan đầu mối").text == "Cơ quan đầu mối: Sở Khoa học và Công nghệ"

    # Every value line carries a real footnote reference; the note names the document and section and quotes.
    line = paragraph(document, "Tăng năng suất lao động (%/năm): trên 7,5%/năm")
    ref = line._p.find(".//w:footnoteReference", NS)
    assert ref is not None
    note = notes[ref.get(f"{{{W}}}id")]
    assert "Kế hoạch nâng cao năng suất" in note and "I. MỤC TIÊU > 2. Mục tiêu cụ thể > b) Mục tiêu đến 2030" in note
    assert "“Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm.”" in note
    assert len(notes) >= 16 and all("“" in n for n in notes.values())
    assert body.count("w:footnoteReference") == len(notes)  # each note referenced once, repeats via NOTEREF


def test_comparison_of_bac_ninh_and_nam_dinh(plans):
    chosen = select_plans(plans, docs=["285/KH-UBND"], provinces=["Nam Định"])
    assert [p.province for p in chosen] == ["Bắc Ninh", "Nam Định"]
    data = plan_summary_docx(chosen, today=TODAY)
    document, notes, _ = read(data)
    assert headings(document, 0) == ["So sánh các kế hoạch: Bắc Ninh (285/KH-UBND), Nam Định"]
    assert headings(document, 1) == [H_COMPARE, "Bắc Ninh (285/KH-UBND)", "Nam Định"]

    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Chỉ tiêu", "Bắc Ninh (285/KH-UBND)", "Nam Định"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["Tăng năng suất lao động (%/năm)"] == [
        "khoảng 12,5%/năm (giai đoạn 2023-2030)", "trên 7%/năm (đến năm 2025); trên 7,5%/năm (đến năm 2030)"]
    assert rows["Đóng góp của TFP vào tăng trưởng (%)"] == [
        "khoảng từ 45-47% (đến năm 2025); trên 50% (đến năm 2030)", "40% (đến năm 2025); 45% (đến năm 2030)"]
    assert "—" in [c for cells in rows.values() for c in cells]  # an indicator one plan does not set

    cell = table.rows[1].cells[1]._tc
    assert cell.findall(".//w:footnoteReference", NS) or cell.findall(".//w:fldSimple", NS)
    all_notes = "\n".join(notes.values())
    assert "285/KH-UBND" in all_notes and "khoảng 12,5%/năm" in all_notes
    assert "đạt khoảng từ 45-47%; giai đoạn 2026-2030 đạt trên 50%." in all_notes
    assert "trên 7,5%/năm" in all_notes
    # The Bắc Ninh TFP sentence holds two targets: one note, cited from both cells.
    assert sum("45-47%" in n for n in notes.values()) == 1


def test_a_summary_of_a_plan_with_support_lines(plans):
    chosen = select_plans(plans, docs=["12/KH-UBND"])
    document, notes, _ = read(plan_summary_docx(chosen, today=TODAY))
    assert summary_title(chosen) == "Tóm tắt kế hoạch: Sông Lam (12/KH-UBND)"
    texts = [p.text for p in document.paragraphs]
    assert "Đối tượng và mức hỗ trợ" in texts and "Trường hợp không được hỗ trợ" in texts
    assert "Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ." in texts
    assert any("tối đa 100 triệu đồng/doanh nghiệp" in t for t in texts)
    assert any("“Doanh nghiệp có vốn nhà nước chiếm trên 50% vốn điều lệ.”" in n for n in notes.values())
    assert any("thời hạn" in t for t in texts)  # tasks with deadlines from the plan's annex


def test_selection_by_id_number_and_province(plans):
    nam_dinh = select_plans(plans, provinces=["nam dinh"])[0]
    assert find_documents(plans, nam_dinh.doc_id) == [nam_dinh]
    assert find_documents(plans, nam_dinh.doc_id[:8]) == [nam_dinh]
    # A number shared by a plan and the news about it selects the plan.
    assert [p.doc_type for p in find_documents(plans, "45/kh-ubnd")] == ["kế hoạch"]
    both = select_plans(plans, docs=[nam_dinh.doc_id], provinces=["Nam Định", "Bắc Ninh"])
    assert [p.province for p in both] == ["Nam Định", "Bắc Ninh"]  # no repeats, in the order asked


@pytest.mark.parametrize(("docs", "provinces", "named"), [
    (["999/KH-UBND"], [], "'999/KH-UBND'"),
    (["285/KH-UBND", "deadbeef00"], [], "'deadbeef00'"),
    ([], ["Hà Giang"], "'Hà Giang'"),
    ([], [], "no plan chosen"),
])
def test_selection_errors_name_what_was_not_found(plans, docs, provinces, named):
    with pytest.raises(SummaryError) as err:
        select_plans(plans, docs=docs, provinces=provinces)
    assert named in str(err.value)
    assert isinstance(err.value, PlanAssistantError) and err.value.user_message().startswith("Không lập được")


def test_nothing_to_summarise():
    with pytest.raises(SummaryError):
        plan_summary_docx([])
