"""ingest.structure: the heading tree of administrative documents, "Nơi nhận" and the signature block."""

from __future__ import annotations

import pytest
from ingest_cases import CORPUS_DIR, CORPUS_FILES, ND_PLAN, SAMPLE_FILES

from ingest.clean import clean_text
from ingest.structure import (
    MAX_HEADING_CHARS,
    RECIPIENTS_LABEL,
    SIGNATURE_LABEL,
    heading_label,
    heading_rank,
    parse_sections,
)
from ingest.types import Section


def paths(sections: list[Section]) -> list[tuple[str, ...]]:
    return [s.path for s in sections]


def check_invariants(text: str, sections: list[Section]) -> None:
    """Sections are exact, ordered, non-overlapping spans; no body section runs over a heading."""
    prev_end = -1
    for s in sections:
        assert text[s.char_start : s.char_end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.char_start > prev_end
        prev_end = s.char_end
        if s.kind == "body":
            lines = [ln.strip() for ln in s.text.split("\n") if ln.strip()]
            for ln in lines[1:]:
                assert heading_rank(ln) is None, f"section {s.path} runs over the heading {ln!r}"
            if s.path:
                assert heading_rank(lines[0]) is not None
                # a chapter's or appendix's title line joins its designator's label
                assert s.path[-1] == heading_label(lines[0]) or s.path[-1].startswith(f"{lines[0]} - ")
        else:
            assert s.path in {(RECIPIENTS_LABEL,), (SIGNATURE_LABEL,)}


@pytest.fixture(scope="module")
def nd() -> tuple[str, list[Section]]:
    text = clean_text((CORPUS_DIR / ND_PLAN).read_text(encoding="utf-8"))
    return text, parse_sections(text)


# ----------------------------------------------------------------------------------- heading_rank


@pytest.mark.parametrize(
    ("line", "rank"),
    [
        ("Chương I", 0), ("CHƯƠNG II", 0), ("Chương 3", 0), ("PHỤ LỤC", 0), ("Phụ lục I", 0),
        ("PHẦN I", 1), ("Phần thứ nhất", 1),
        ("I. MỤC TIÊU", 2), ("III.KINH PHÍ THỰC HIỆN", 2), ("IV/ TỔ CHỨC THỰC HIỆN", 2), ("IX. KHÁC", 2),
        ("Điều 5. Trách nhiệm", 3), ("ĐIỀU 1", 3),
        ("1. Mục tiêu chung", 4), ("10. Ủy ban nhân dân các huyện", 4), ("2) Sở Tài chính", 4),
        ("1.1. Hệ thống quản lý", 5), ("2.3 Công cụ cải tiến", 5),
        ("1.1.1. Tiêu chuẩn ISO", 6),
        ("a) Mục tiêu đến năm 2025", 7), ("đ) Nhiệm vụ khác", 7),
    ],
)
def test_heading_rank(line: str, rank: int) -> None:
    assert heading_rank(line) == rank


@pytest.mark.parametrize(
    "line",
    [
        "- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm.",
        "+ Tối đa 100 triệu đồng.",
        "• Hỗ trợ 50% chi phí.",
        "Chương trình quốc gia hỗ trợ doanh nghiệp",
        "Việt Nam",
        "2025 là năm bản lề",
        "1.000 doanh nghiệp được hỗ trợ",
        "12,5%/năm",
        "II",
        "I.",
        "Kinh phí thực hiện kế hoạch: Từ nguồn sự nghiệp khoa học công nghệ.",
        "Nơi nhận:",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert heading_rank(line) is None


def test_heading_label_shortens_long_headings_at_a_word() -> None:
    long = "1. " + "Hoàn thiện cơ chế chính sách thúc đẩy năng suất " * 4 + ":"
    label = heading_label(long)
    assert label.endswith(" …")
    assert len(label) <= MAX_HEADING_CHARS + 2
    assert long.startswith(label[:-2])
    assert heading_label("  I.   MỤC   TIÊU: ") == "I. MỤC TIÊU"


# ------------------------------------------------------------------------------- the Nam Định plan


@pytest.mark.parametrize(
    "path",
    [
        ("I. MỤC TIÊU", "2. Mục tiêu cụ thể", "a) Mục tiêu đến năm 2025"),
        ("I. MỤC TIÊU", "2. Mục tiêu cụ thể", "b) Mục tiêu đến 2030"),
        ("II. NHIỆM VỤ, GIẢI PHÁP", "6. Đẩy mạnh hợp tác quốc tế về năng suất"),
        ("III.KINH PHÍ THỰC HIỆN",),
        ("IV. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ"),
        ("IV. TỔ CHỨC THỰC HIỆN", "2. Sở Tài chính"),
        ("IV. TỔ CHỨC THỰC HIỆN", "7. UBND các huyện, thành phố"),
    ],
)
def test_nam_dinh_section_paths(nd: tuple[str, list[Section]], path: tuple[str, ...]) -> None:
    assert path in paths(nd[1])


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        (("I. MỤC TIÊU", "2. Mục tiêu cụ thể", "a) Mục tiêu đến năm 2025"),
         "- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm."),
        (("I. MỤC TIÊU", "2. Mục tiêu cụ thể", "b) Mục tiêu đến 2030"),
         "- Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm."),
        (("III.KINH PHÍ THỰC HIỆN",),
         "Kinh phí thực hiện kế hoạch: Từ nguồn sự nghiệp khoa học công nghệ và các nguồn vốn huy động hợp pháp"),
        (("IV. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ"), "Là cơ quan đầu mối, chủ trì triển khai Kế hoạch"),
    ],
)
def test_nam_dinh_content_sits_under_its_heading(nd, path, sentence) -> None:
    (section,) = [s for s in nd[1] if s.path == path]
    assert sentence in section.text
    assert section.kind == "body"


def test_nam_dinh_recipients_and_signature(nd) -> None:
    _, sections = nd
    recipients = [s for s in sections if s.kind == "recipients"]
    signature = [s for s in sections if s.kind == "signature"]
    assert [s.path for s in recipients] == [(RECIPIENTS_LABEL,)] == [("Nơi nhận",)]
    assert [s.path for s in signature] == [(SIGNATURE_LABEL,)] == [("Người ký",)]
    assert recipients[0].text.startswith("Nơi nhận:")
    assert "- Lưu: VP1, VP7." in recipients[0].text
    assert "TM. ỦY BAN NHÂN DÂN" not in recipients[0].text
    assert signature[0].text.startswith("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    assert signature[0].text.endswith("Trần Lê Đoài")
    assert sections[-2:] == recipients + signature


def test_nam_dinh_preamble_and_lone_titles(nd) -> None:
    text, sections = nd
    assert sections[0].path == ()
    assert sections[0].text.startswith("Số: /KH-UBND")
    assert "Thực hiện Quyết định số 36/QĐ-TTg" in sections[0].text
    # "I. MỤC TIÊU", "1. Mục tiêu chung", "2. Mục tiêu cụ thể" and "IV. TỔ CHỨC THỰC HIỆN" stand alone above deeper
    # headings: they live on in their children's paths, not as sections of their own.
    for lone in [("I. MỤC TIÊU",), ("I. MỤC TIÊU", "2. Mục tiêu cụ thể"), ("IV. TỔ CHỨC THỰC HIỆN",),
                 ("II. NHIỆM VỤ, GIẢI PHÁP",)]:
        assert lone not in paths(sections)
    check_invariants(text, sections)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_invariants(name: str) -> None:
    text = clean_text((CORPUS_DIR / name).read_text(encoding="utf-8"))
    sections = parse_sections(text)
    check_invariants(text, sections)
    assert sections, "every document has at least one section"


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_invariants(sample_docs, name: str) -> None:
    text = sample_docs[name].text
    check_invariants(text, parse_sections(text))


@pytest.mark.parametrize("name", [n for n in CORPUS_FILES if n != ND_PLAN])
def test_news_without_headings_is_one_preamble_section(name: str) -> None:
    text = clean_text((CORPUS_DIR / name).read_text(encoding="utf-8"))
    sections = parse_sections(text)
    assert paths(sections) == [()]
    assert sections[0].text == text


# ------------------------------------------------------------------------------------ synthetic


LAW = """QUY CHẾ
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc hỗ trợ doanh nghiệp.
Điều 2. Đối tượng áp dụng
1. Doanh nghiệp nhỏ và vừa.
2. Hợp tác xã.
Chương II
NỘI DUNG HỖ TRỢ
Điều 3. Mức hỗ trợ
1. Hỗ trợ tư vấn
1.1. Hệ thống quản lý
a) ISO 9001
- Hỗ trợ 50% chi phí.
+ Tối đa 100 triệu đồng.
b) ISO 14001
- Hỗ trợ 30% chi phí.
1.2. Công cụ cải tiến
Hỗ trợ 5S, Kaizen.
Phụ lục I
DANH MỤC NHIỆM VỤ
1 | Tập huấn | Quý II/2025"""


def test_chapters_articles_numbered_items_and_bullets() -> None:
    sections = parse_sections(LAW)
    check_invariants(LAW, sections)
    # A chapter's or appendix's title, on the line under its designator, is part of its heading; the chapter's two
    # lines are then a lone title whose label lives on in its articles.
    c1, c2 = "Chương I - QUY ĐỊNH CHUNG", "Chương II - NỘI DUNG HỖ TRỢ"
    assert paths(sections) == [
        (),
        (c1, "Điều 1. Phạm vi điều chỉnh"),
        (c1, "Điều 2. Đối tượng áp dụng", "1. Doanh nghiệp nhỏ và vừa."),
        (c1, "Điều 2. Đối tượng áp dụng", "2. Hợp tác xã."),
        (c2, "Điều 3. Mức hỗ trợ", "1. Hỗ trợ tư vấn", "1.1. Hệ thống quản lý", "a) ISO 9001"),
        (c2, "Điều 3. Mức hỗ trợ", "1. Hỗ trợ tư vấn", "1.1. Hệ thống quản lý", "b) ISO 14001"),
        (c2, "Điều 3. Mức hỗ trợ", "1. Hỗ trợ tư vấn", "1.2. Công cụ cải tiến"),
        ("Phụ lục I - DANH MỤC NHIỆM VỤ",),
    ]
    by_path = {s.path: s.text for s in sections}
    # "-" and "+" lines are items inside the section, not headings.
    assert by_path[paths(sections)[4]] == "a) ISO 9001\n- Hỗ trợ 50% chi phí.\n+ Tối đa 100 triệu đồng."
    assert by_path[("Phụ lục I - DANH MỤC NHIỆM VỤ",)].endswith("1 | Tập huấn | Quý II/2025")
    assert by_path[()] == "QUY CHẾ"


def test_lone_heading_followed_by_a_deeper_heading_yields_no_section() -> None:
    text = "I. MỤC TIÊU\n1. Mục tiêu chung\n2. Mục tiêu cụ thể\na) Đến năm 2025\n- Tăng 7%/năm.\nII. NHIỆM VỤ"
    sections = parse_sections(text)
    assert paths(sections) == [
        ("I. MỤC TIÊU", "1. Mục tiêu chung"),  # followed by a sibling, not a child: kept
        ("I. MỤC TIÊU", "2. Mục tiêu cụ thể", "a) Đến năm 2025"),
        ("II. NHIỆM VỤ",),  # the last heading, alone: kept
    ]
    assert sections[0].text == "1. Mục tiêu chung"


def test_a_lone_heading_that_states_something_keeps_its_line() -> None:
    """Its label is shortened in the children's paths, so the line itself is a section: no text of the document
    is left out of the index (an amount in a numbered heading above its "a)" items was unsearchable)."""
    total = "1. Tổng mức kinh phí cho hoạt động KH&CN năm 2023: 72,989 tỷ đồng (Bảy mươi hai tỷ), bao gồm:"
    article = ("Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch số 59/KH-SKHCN ngày 11 tháng 7 năm 2022 của Sở "
               "Khoa học và Công nghệ với các nội dung sau:")
    text = f"{article}\n{total}\na) Kinh phí sự nghiệp: 40 tỷ đồng.\nb) Kinh phí đầu tư: 32,989 tỷ đồng.\nĐiều 2. Hiệu lực."
    sections = parse_sections(text)
    assert [s.text for s in sections[:2]] == [article, total]
    assert all(s.path[-1] != s.text for s in sections[:2])  # labels are shortened: the line is not in a path
    assert paths(sections)[2] == (heading_label(article), "1. Tổng mức kinh phí cho hoạt động KH&CN năm 2023",
                                  "a) Kinh phí sự nghiệp")
    check_invariants(text, sections)


def test_heading_with_body_before_a_deeper_heading_is_a_section() -> None:
    text = "I. MỤC TIÊU\nMục tiêu của Kế hoạch như sau.\n1. Mục tiêu chung\nĐưa năng suất lên."
    assert paths(parse_sections(text)) == [("I. MỤC TIÊU",), ("I. MỤC TIÊU", "1. Mục tiêu chung")]


def test_text_before_the_first_heading_has_an_empty_path_and_blank_text_has_no_sections() -> None:
    assert parse_sections("") == []
    assert parse_sections("\n \n") == []
    (only,) = parse_sections("  Chỉ một dòng văn bản.  ")
    assert only.path == () and only.text == "Chỉ một dòng văn bản." and only.char_start == 2


def test_sibling_pops_deeper_levels() -> None:
    text = "I. A\n1. B\na) C\nnội dung c\n2. D\nnội dung d\nII. E\nnội dung e"
    assert paths(parse_sections(text)) == [("I. A", "1. B", "a) C"), ("I. A", "2. D"), ("II. E",)]


def test_appendix_after_the_signature_is_body_again() -> None:
    text = ("I. MỤC TIÊU\n- Tăng 7%/năm.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
            "Nguyễn Văn A\nPHỤ LỤC\nDanh mục nhiệm vụ\n1. Tập huấn")
    sections = parse_sections(text)
    assert [(s.kind, s.path) for s in sections] == [
        ("body", ("I. MỤC TIÊU",)),
        ("recipients", ("Nơi nhận",)),
        ("signature", ("Người ký",)),
        ("body", ("PHỤ LỤC",)),
        ("body", ("PHỤ LỤC", "1. Tập huấn")),
    ]
    assert sections[2].text == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A"


@pytest.mark.parametrize("first", ["GIÁM ĐỐC", "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "TL. CHỦ TỊCH"])
def test_signature_block_starts(first: str) -> None:
    text = f"I. MỤC TIÊU\n- Tăng 7%/năm./.\nNơi nhận:\n- Lưu: VT.\n{first}\n(Đã ký)\nTrần Quốc Bảo"
    sig = [s for s in parse_sections(text) if s.kind == "signature"]
    assert len(sig) == 1 and sig[0].text.startswith(first) and sig[0].text.endswith("Trần Quốc Bảo")


def _plan_with_appendix(rows: int) -> str:
    table = "\n".join(f"{i} | Nhiệm vụ số {i} | Sở Khoa học và Công nghệ | Quý IV/2025" for i in range(1, rows + 1))
    return ("KẾ HOẠCH\nI. MỤC TIÊU\n- Tăng 7%/năm./.\nNơi nhận:\n- Bộ KH&CN;\n- Lưu: VT.\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nVũ Thị Lan Phương\n"
            f"PHỤ LỤC\nDANH MỤC NHIỆM VỤ\nSTT | Nhiệm vụ | Chủ trì | Thời gian\n{table}")


def test_signature_found_before_a_short_appendix() -> None:
    sig = [s for s in parse_sections(_plan_with_appendix(2)) if s.kind == "signature"]
    assert sig and sig[0].text.startswith("TM. ỦY BAN NHÂN DÂN")


@pytest.mark.parametrize("rows", [8, 20])
def test_signature_found_before_a_long_appendix(rows: int) -> None:
    sections = parse_sections(_plan_with_appendix(rows))
    sig = [s for s in sections if s.kind == "signature"]
    rec = [s for s in sections if s.kind == "recipients"]
    assert sig and sig[0].text.startswith("TM. ỦY BAN NHÂN DÂN") and sig[0].text.endswith("Vũ Thị Lan Phương")
    assert rec and "ỦY BAN NHÂN DÂN" not in rec[0].text


def test_two_column_footer_as_pdf_text_extraction_gives_it() -> None:
    text = ("II. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ là cơ quan đầu mối./.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Bộ KH&CN; KT. CHỦ TỊCH\n- Lưu: VT. PHÓ CHỦ TỊCH\nTrần Lê Đoài")
    kinds = {s.kind for s in parse_sections(text)}
    assert {"recipients", "signature"} <= kinds


def _real_documents() -> list:
    real = CORPUS_DIR.parent / "eval" / "real" / "corpus"
    return sorted(CORPUS_DIR.glob("*")) + (sorted(real.glob("*")) if real.is_dir() else [])


@pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason="../shared/corpus not found")
def test_every_line_of_the_real_documents_is_indexed() -> None:
    """Every non-blank line of each real document (../shared/corpus and eval/real) lies in a chunk, or is a short
    title that its children's section paths hold whole: nothing a question could ask about is left out."""
    from common.provinces import ProvinceGazetteer
    from ingest.pipeline import parse_bytes

    gazetteer = ProvinceGazetteer()
    for path in _real_documents():
        doc = parse_bytes(path.read_bytes(), str(path), gazetteer)
        spans = [(c.metadata["char_start"], c.metadata["char_end"]) for c in doc.chunks]
        labels = {label for c in doc.chunks for label in c.metadata["section_path"].split(" > ")}
        pos = 0
        for line in doc.text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if not line.strip() or any(a < end and start < b for a, b in spans):
                continue
            assert heading_label(line) in labels and heading_label(line) == " ".join(line.split()), (path.name, line)


def test_numbered_items_of_a_list_a_sentence_introduces_stay_in_its_section():
    """"... bao gồm:" then "1. ...;" "2. ...." is a list (its items end in ";" and the last in "."), not two
    sub-sections; a "1." that does not continue the numbering, or a heading ending in no such mark, is a heading."""
    text = ("2. Giải thưởng được xét tặng hằng năm.\nGiải thưởng chất lượng quốc gia bao gồm:\n"
            "1. Giải vàng chất lượng quốc gia;\n2. Giải bạc chất lượng quốc gia.\n"
            "Giải thưởng được đánh giá theo các tiêu chí sau đây:\n1. Vai trò của lãnh đạo;\n2. Chiến lược hoạt động;\n"
            "1. Giải thưởng được xét thông qua Hội đồng sơ tuyển.\na) Hội đồng quốc gia gồm 11 thành viên.\n"
            "Kế hoạch gồm các nội dung như sau:\n1. Mục tiêu chung\nNâng cao năng suất.")
    sections = parse_sections(text)
    first = sections[0]
    assert first.path == ("2. Giải thưởng được xét tặng hằng năm.",)
    assert "1. Giải vàng chất lượng quốc gia;" in first.text and "2. Chiến lược hoạt động;" in first.text
    labels = {label for s in sections for label in s.path}
    assert {"1. Giải thưởng được xét thông qua Hội đồng sơ tuyển.", "1. Mục tiêu chung"} <= labels, labels
    assert "1. Giải vàng chất lượng quốc gia;" not in labels


def test_a_title_wrapped_over_two_lines_joins_its_designator() -> None:
    text = ("PHỤ LỤC I\nDANH MỤC THỦ TỤC\nHÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG\n(Kèm theo Quyết định số 1936/QĐ-UBND)\n"
            "| STT | Tên thủ tục |\n| 1 | Cấp giấy chứng nhận |")
    sections = parse_sections(text)
    check_invariants(text, sections)
    assert paths(sections) == [("PHỤ LỤC I - DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG",)]


@pytest.mark.parametrize("under", ["Quy định chung về hỗ trợ doanh nghiệp.", "Điều 1. Phạm vi điều chỉnh",
                                   "| STT | NHIỆM VỤ | CHỦ TRÌ |"])
def test_a_line_in_lower_case_a_heading_or_a_row_under_a_designator_is_no_title(under: str) -> None:
    sections = parse_sections(f"Chương I\n{under}\nNội dung.")
    assert all(" - " not in p for s in sections for p in s.path)
    assert sections[0].path[0] == "Chương I"


def test_a_numbered_heading_with_a_title_on_its_line_keeps_the_next_line() -> None:
    """Only a bare designator takes the next line: "Chương I. QUY ĐỊNH CHUNG" is titled already."""
    sections = parse_sections("Chương I. QUY ĐỊNH CHUNG\nNỘI DUNG HỖ TRỢ GỒM HAI PHẦN\n- Tư vấn.")
    assert sections[0].path == ("Chương I. QUY ĐỊNH CHUNG",)
