"""Exports written to real files and read back: Markdown footnotes, and Word footnotes checked through the zip
(footnotes part, relationship, content type, settings), python-docx and, when installed, LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from datetime import date

import docx
import pytest
from lxml import etree

from assistant.export import (
    ExportError,
    answer_to_docx,
    answer_to_markdown,
    conversation_to_docx,
    conversation_to_markdown,
    escape_markdown,
    plan_turns,
    write_export,
)
from assistant.types import Answer, Citation, Passage
from common.errors import PlanAssistantError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TODAY = date(2025, 6, 5)

TITLE_ND = "Kế hoạch nâng cao năng suất lao động tỉnh Nam Định giai đoạn 2023-2030"
SECTION_ND = "I. MỤC TIÊU > 2. Mục tiêu cụ thể > a) Mục tiêu đến năm 2025"
QUOTE_ND = "Tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm."
TITLE_BN = "Kế hoạch thực hiện Chương trình quốc gia về tăng năng suất lao động tỉnh Bắc Ninh"
SECTION_BN = "II. NHIỆM VỤ, GIẢI PHÁP > 3. Hỗ trợ doanh nghiệp"
TEXT_BN = "Hỗ trợ 50% chi phí tư vấn cải tiến năng suất cho doanh nghiệp nhỏ và vừa."
TITLE_WEB = "Tin tức: Hội thảo năng suất <b>2024</b>"
TEXT_WEB = "Trang có mã độc <script>alert(1)</script> và dấu & < >.\x0cHết trang"


def passage(rank: int, title: str, section: str, page: int | None, text: str, **meta) -> Passage:
    return Passage(rank, f"chunk-{rank}", f"doc-{rank}", f"/corpus/doc-{rank}.pdf", title, section, page, text,
                   1.0 / rank, meta)


ND = passage(1, TITLE_ND, SECTION_ND, 3, "a) Mục tiêu đến năm 2025: " + QUOTE_ND, province="Nam Định",
             doc_number="285/KH-UBND")
BN = passage(2, TITLE_BN, SECTION_BN, 7, TEXT_BN, province="Bắc Ninh", doc_number="112/KH-UBND")
WEB = passage(3, TITLE_WEB, "", None, TEXT_WEB)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def first_answer() -> Answer:
    # Written in NFD on purpose: the exports must carry NFC text.
    text = nfd("Nam Định đặt mục tiêu năng suất lao động tăng trên 6,5%/năm [1]. Bắc Ninh hỗ trợ 50% chi phí "
               "tư vấn [2]; cả hai tỉnh [1, 2] đều có kế hoạch.")
    return Answer("Mục tiêu năng suất của Nam Định?", text, True,
                  [Citation(1, ND, (QUOTE_ND,)), Citation(2, BN), Citation(3, WEB)], [ND, BN, WEB], {})


def second_answer() -> Answer:
    text = "Các nội dung chính:\n- Hỗ trợ tư vấn [1]\n- Trang tin nhắc tới hội thảo [2] và [7]\n- Nhắc lại [1]"
    return Answer("Còn gì nữa?", text, True, [Citation(1, BN), Citation(2, WEB)], [BN, WEB], {})


def turns() -> list[tuple[str, Answer]]:
    return [("Mục tiêu năng suất của Nam Định?", first_answer()), ("Còn gì nữa?", second_answer())]


# ------------------------------------------------------------------ numbering


def test_plan_numbers_notes_by_first_use_uniquely_across_turns():
    plans = plan_turns(turns())
    assert [n.number for n in plans[0].notes] == [1, 2, 3]
    assert [n.citation.passage.title for n in plans[0].notes] == [TITLE_ND, TITLE_BN, TITLE_WEB]
    assert plans[0].unreferenced == (3,)  # citation 3 is never marked in the text
    assert [n.number for n in plans[1].notes] == [4, 5]
    refs = [p.refs for line in plans[0].lines + plans[1].lines for p in line if p.refs]
    assert refs == [(1,), (2,), (1, 2), (4,), (5,), (4,)]
    assert "[7]" in "".join(p.text for line in plans[1].lines for p in line)  # no citation 7: left as text


# ------------------------------------------------------------------ Markdown


def footnote_labels(md: str) -> tuple[list[str], list[str]]:
    definitions = re.findall(r"^\[\^(\d+)\]:", md, flags=re.MULTILINE)
    references = re.findall(r"\[\^(\d+)\](?!:)", md)
    return definitions, references


def test_answer_markdown_file(tmp_path):
    path = write_export(tmp_path / "tra-loi.md", [("Mục tiêu năng suất của Nam Định?", first_answer())],
                        today=TODAY)
    md = path.read_text(encoding="utf-8")
    assert md == answer_to_markdown("Mục tiêu năng suất của Nam Định?", first_answer(), today=TODAY)
    assert md.startswith("# Trả lời có trích dẫn\n\n_Ngày xuất: 05/06/2025_")
    assert "**Hỏi:** Mục tiêu năng suất của Nam Định?" in md
    assert "**Đáp:** Nam Định đặt mục tiêu năng suất lao động tăng trên 6,5%/năm[^1]. Bắc Ninh" in md
    assert "cả hai tỉnh[^1][^2] đều có kế hoạch." in md
    assert "Nguồn khác: [^3]" in md
    assert not re.search(r"\[\d+\]", md)
    assert md == unicodedata.normalize("NFC", md)
    definitions, references = footnote_labels(md)
    assert definitions == ["1", "2", "3"] and set(references) == set(definitions)
    assert (f"[^1]: {TITLE_ND} — {SECTION_ND} — trang 3 — số 285/KH-UBND\n\n    > {QUOTE_ND}") in md
    assert f"[^2]: {TITLE_BN} — {SECTION_BN} — trang 7 — số 112/KH-UBND\n\n    > {TEXT_BN}" in md


def test_markdown_never_carries_raw_html():
    md = answer_to_markdown("Câu hỏi <img src=x onerror=alert(1)>?", first_answer(), today=TODAY)
    assert "<script>" not in md and "<b>" not in md and "<img" not in md
    assert "&lt;script>alert(1)&lt;/script>" in md
    assert "[^3]: Tin tức: Hội thảo năng suất &lt;b>2024&lt;/b>" in md
    # The form feed of the extracted page became a line break, still inside the quote.
    assert "    > Trang có mã độc &lt;script>alert(1)&lt;/script> và dấu & &lt; >.\n    > Hết trang" in md


@pytest.mark.parametrize("raw, escaped", [
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("&lt;b&gt; and R&D", "&amp;lt;b&amp;gt; and R&D"),
    ("[link](javascript:alert(1)) [^9]", "\\[link](javascript:alert(1)) \\[^9]"),
    ("C:\\thu-muc\\", "C:\\\\thu-muc\\\\"),
    ("> trích\n# tiêu đề\n  > lồng", "\\> trích\n\\# tiêu đề\n  \\> lồng"),
    ("Mục tiêu > 2. Cụ thể # 1", "Mục tiêu > 2. Cụ thể # 1"),
])
def test_escape_markdown(raw, escaped):
    assert escape_markdown(raw) == escaped


def test_conversation_markdown_numbers_footnotes_uniquely(tmp_path):
    path = write_export(tmp_path / "hoi-thoai.md", turns(), today=TODAY)
    md = path.read_text(encoding="utf-8")
    assert md == conversation_to_markdown(turns(), today=TODAY)
    assert md.startswith("# Hội thoại có trích dẫn")
    assert md.count("**Hỏi:**") == 2 and md.count("**Đáp:**") == 2
    definitions, references = footnote_labels(md)
    assert definitions == ["1", "2", "3", "4", "5"]
    assert set(references) == set(definitions)
    second = md.split("---", 1)[1]
    assert "**Đáp:** Các nội dung chính:\n\n- Hỗ trợ tư vấn[^4]\n- Trang tin nhắc tới hội thảo[^5] và \\[7]" in second
    assert "- Nhắc lại[^4]" in second
    assert f"[^4]: {TITLE_BN}" in md and f"[^5]: {TITLE_WEB.replace('<', '&lt;')}" in md


def test_not_found_answer_exports_without_notes():
    answer = Answer("Hà Giang?", "Không tìm thấy thông tin phù hợp trong tài liệu.", False, [], [], {})
    md = answer_to_markdown("Hà Giang?", answer, today=TODAY)
    assert "**Đáp:** Không tìm thấy thông tin phù hợp trong tài liệu." in md and "[^" not in md
    data = answer_to_docx("Hà Giang?", answer, today=TODAY)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Đáp: Không tìm thấy thông tin phù hợp trong tài liệu." in texts


# ------------------------------------------------------------------ Word


def read_docx(path):
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    return parts


def footnotes_by_id(parts) -> dict[int, list[str]]:
    """Footnote id -> the text of each of its paragraphs."""
    root = etree.fromstring(parts["word/footnotes.xml"])
    out = {}
    for fn in root.findall("w:footnote", NS):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in fn.findall("w:p", NS)]
        out[int(fn.get(f"{{{W}}}id"))] = paragraphs
    return out


def reference_ids(parts) -> list[int]:
    root = etree.fromstring(parts["word/document.xml"])
    return [int(r.get(f"{{{W}}}id")) for r in root.iter(f"{{{W}}}footnoteReference")]


def test_docx_has_a_real_footnotes_part(tmp_path):
    path = write_export(tmp_path / "tra-loi.docx", [("Mục tiêu năng suất của Nam Định?", first_answer())],
                        today=TODAY)
    parts = read_docx(path)
    assert "word/footnotes.xml" in parts
    types = etree.fromstring(parts["[Content_Types].xml"])
    assert any(o.get("PartName") == "/word/footnotes.xml" and o.get("ContentType").endswith("footnotes+xml")
               for o in types)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    assert any(r.get("Target") == "footnotes.xml" and r.get("Type").endswith("/relationships/footnotes")
               for r in rels)
    settings = etree.fromstring(parts["word/settings.xml"])
    pr = settings.find("w:footnotePr", NS)
    assert [f.get(f"{{{W}}}id") for f in pr.findall("w:footnote", NS)] == ["-1", "0"]
    assert pr.getnext().tag == f"{{{W}}}compat"  # schema order: footnotePr right before compat
    root = etree.fromstring(parts["word/footnotes.xml"])
    special = {fn.get(f"{{{W}}}id"): fn.get(f"{{{W}}}type") for fn in root.findall("w:footnote", NS)[:2]}
    assert special == {"-1": "separator", "0": "continuationSeparator"}
    styles = parts["word/styles.xml"].decode("utf-8")
    assert 'w:styleId="FootnoteText"' in styles and 'w:styleId="FootnoteReference"' in styles


def test_docx_answer_text_and_footnotes(tmp_path):
    path = tmp_path / "tra-loi.docx"
    path.write_bytes(answer_to_docx("Mục tiêu năng suất của Nam Định?", first_answer(), today=TODAY))
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Trả lời có trích dẫn" and document.paragraphs[0].style.name == "Title"
    assert texts[1] == "Ngày xuất: 05/06/2025"
    assert "Hỏi: Mục tiêu năng suất của Nam Định?" in texts
    answer = next(t for t in texts if t.startswith("Đáp:"))
    # The markers are gone from the text: they are footnote reference marks now.
    assert answer == ("Đáp: Nam Định đặt mục tiêu năng suất lao động tăng trên 6,5%/năm. Bắc Ninh hỗ trợ 50% "
                      "chi phí tư vấn; cả hai tỉnh, đều có kế hoạch.")
    assert answer == unicodedata.normalize("NFC", answer) and nfd("Định") not in answer

    parts = read_docx(path)
    body = parts["word/document.xml"].decode("utf-8")
    assert "Nam Định đặt mục tiêu" in body and nfd("Nam Định") not in body
    assert reference_ids(parts) == [1, 2, 3]  # each note referenced once, in document order
    assert re.findall(r'NOTEREF (_RefNote\d+)', body) == ["_RefNote1", "_RefNote2"]  # the repeated "[1, 2]"
    assert set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_RefNote\d+)"', body)) == {
        "_RefNote1", "_RefNote2", "_RefNote3"}

    notes = footnotes_by_id(parts)
    assert sorted(notes) == [-1, 0, 1, 2, 3]
    assert notes[1] == [f" {TITLE_ND} — {SECTION_ND} — trang 3 — số 285/KH-UBND", f"“{QUOTE_ND}”"]
    assert notes[2] == [f" {TITLE_BN} — {SECTION_BN} — trang 7 — số 112/KH-UBND", f"“{TEXT_BN}”"]
    assert notes[3][0] == f" {TITLE_WEB}"
    assert notes[3][1] == "“Trang có mã độc <script>alert(1)</script> và dấu & < >.Hết trang”"  # + a <w:br/>
    assert "<w:t>“Trang có mã độc &lt;script&gt;alert(1)&lt;/script&gt; và dấu &amp; &lt; &gt;.</w:t><w:br/>" in (
        parts["word/footnotes.xml"].decode("utf-8"))


def test_docx_conversation_numbering_is_unique_and_in_order(tmp_path):
    path = write_export(tmp_path / "hoi-thoai.docx", turns(), today=TODAY)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Hội thoại có trích dẫn"
    assert [t for t in texts if t.startswith("Hỏi:")] == ["Hỏi: Mục tiêu năng suất của Nam Định?",
                                                          "Hỏi: Còn gì nữa?"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Hỗ trợ tư vấn", "Trang tin nhắc tới hội thảo và [7]", "Nhắc lại"]

    parts = read_docx(path)
    ids = reference_ids(parts)
    assert ids == [1, 2, 3, 4, 5]  # Word numbers notes by order of reference: the ids are the shown numbers
    notes = footnotes_by_id(parts)
    assert sorted(notes) == [-1, 0, 1, 2, 3, 4, 5]
    assert notes[4][0] == f" {TITLE_BN} — {SECTION_BN} — trang 7 — số 112/KH-UBND"
    assert notes[5][0] == f" {TITLE_WEB}"
    body = parts["word/document.xml"].decode("utf-8")
    assert re.findall(r"NOTEREF (_RefNote\d+)", body) == ["_RefNote1", "_RefNote2", "_RefNote4"]


def test_docx_survives_a_python_docx_round_trip(tmp_path):
    first = tmp_path / "a.docx"
    first.write_bytes(conversation_to_docx(turns(), today=TODAY))
    again = tmp_path / "b.docx"
    docx.Document(str(first)).save(str(again))
    assert footnotes_by_id(read_docx(again)) == footnotes_by_id(read_docx(first))


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ExportError, match=r"\.pdf") as err:
        write_export(tmp_path / "x.pdf", turns())
    assert isinstance(err.value, PlanAssistantError) and isinstance(err.value, ValueError)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_footnotes(tmp_path):
    path = write_export(tmp_path / "hoi-thoai.docx", turns(), today=TODAY)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "hoi-thoai.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count('text:note-class="footnote"') == 5
    citations = re.findall(r"<text:note-citation>(\d+)</text:note-citation>", content)
    assert citations == ["1", "2", "3", "4", "5"]
    assert "trang 3 — số 285/KH-UBND" in content and "Nam Định đặt mục tiêu" in content
