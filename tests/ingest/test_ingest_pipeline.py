"""ingest.pipeline end to end: the fictional samples with their qa.json facts, and the Nam Định plan as a PDF."""

from __future__ import annotations

import json
import re

import pytest
from ingest_cases import (
    CORPUS_DIR,
    DOCX_SAMPLE,
    EVIDENCE,
    ND_PLAN,
    PDF_SAMPLE,
    SAMPLES_DIR,
    flat,
    plan_as_pdf,
)

from common.settings import Settings
from ingest.chunking import CHUNK_CHARS
from ingest.pipeline import PIPELINE_VERSION, content_hash_for, doc_id_for, parse_bytes

QA = json.loads((SAMPLES_DIR / "qa.json").read_text(encoding="utf-8"))


def test_docstring_example(gazetteer) -> None:
    doc = parse_bytes(b"KE HOACH\nI. MUC TIEU\n- Tang 7%/nam.", "plan.txt", gazetteer)
    assert doc.chunks[-1].metadata["section_path"] == "I. MUC TIEU"
    assert [c.metadata["page"] for c in doc.chunks] == [0, 0]


def test_ids_and_hashes(tmp_path, monkeypatch) -> None:
    assert doc_id_for("https://a.vn/x") == doc_id_for("https://a.vn/x") != doc_id_for("https://a.vn/y")
    assert re.fullmatch(r"[0-9a-f]{16}", doc_id_for("https://a.vn/x"))
    monkeypatch.chdir(tmp_path)
    assert doc_id_for("plan.txt") == doc_id_for(str(tmp_path / "plan.txt")) != doc_id_for("other.txt")
    assert content_hash_for(b"a") != content_hash_for(b"b")
    assert content_hash_for(b"a") == content_hash_for(b"a") and PIPELINE_VERSION
    assert content_hash_for(b"a", 900) != content_hash_for(b"a", 1400) == content_hash_for(b"a")


def test_settings_default_chunk_size_is_the_pipelines() -> None:
    assert Settings.model_fields["chunk_chars"].default == CHUNK_CHARS


@pytest.mark.parametrize("qa", QA, ids=[f"{q['file'].split('_')[0]}-{i}" for i, q in enumerate(QA)])
def test_sample_fact_lies_in_one_chunk_under_its_section(sample_docs, qa) -> None:
    doc = sample_docs[qa["file"]]
    holders = [c for c in doc.chunks if flat(qa["support"]) in flat(c.page_content)]
    assert holders, f"support sentence not within one chunk: {qa['support']!r}"
    want = qa["section"].split(" (")[0]
    if re.match(r"^(?:[IVX]+\.|PHỤ LỤC)", want):  # the news items give a description, not a path
        assert any(c.metadata["section_path"].startswith(want) for c in holders), (
            want, [c.metadata["section_path"] for c in holders])


def test_sample_pdf_chunk_pages(sample_docs) -> None:
    doc = sample_docs[PDF_SAMPLE]
    page_of = {c.metadata["section_path"].split(" > ")[0]: c.metadata["page"] for c in doc.chunks}
    assert page_of["I. MỤC TIÊU"] == 1 and page_of["III. KINH PHÍ THỰC HIỆN"] == 2
    assert page_of["Nơi nhận"] == 3 and page_of["Người ký"] == 3


def test_docx_sample_appendix_table_rows(sample_docs) -> None:
    doc = sample_docs[DOCX_SAMPLE]
    # The appendix's title, on the line under "PHỤ LỤC", is part of its heading.
    appendix = [c for c in doc.chunks if c.metadata["section_path"] == "PHỤ LỤC - DANH MỤC NHIỆM VỤ THỰC HIỆN NĂM 2025"]
    rows = [ln for c in appendix for ln in c.page_content.split("\n") if " | " in ln]
    assert rows[0] == "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"
    assert [r.split(" | ")[0] for r in rows[1:]] == [str(i) for i in range(1, 9)]
    assert all(len(r.split(" | ")) == 5 for r in rows)


def test_docx_sample_signature_block_is_whole(sample_docs) -> None:
    doc = sample_docs[DOCX_SAMPLE]
    (rec,) = [c for c in doc.chunks if c.metadata["section_kind"] == "recipients"]
    (sig,) = [c for c in doc.chunks if c.metadata["section_kind"] == "signature"]
    assert "ỦY BAN NHÂN DÂN" not in rec.page_content
    assert sig.page_content.startswith("TM. ỦY BAN NHÂN DÂN")


@pytest.mark.parametrize(
    "sentence",
    [
        "Duy trì hoạt động của 08 câu lạc bộ năng suất tại các trường đại học, cao đẳng, cơ sở giáo dục nghề "
        "nghiệp.",
        "Chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế "
        "hoạch theo phân cấp ngân sách nhà nước hiện hành.",
    ],
)
def test_sample_pdf_sentence_across_a_page_break(sample_docs, sentence: str) -> None:
    assert any(flat(sentence) in flat(c.page_content) for c in sample_docs[PDF_SAMPLE].chunks)


def test_sample_pdf_running_footer_is_removed(sample_docs) -> None:
    footers = [c.metadata["chunk_index"] for c in sample_docs[PDF_SAMPLE].chunks
               if re.search(r"Trang \d/3", c.page_content)]
    assert footers == []


# --------------------------------------------------------- the Nam Định plan, laid out as a PDF


@pytest.fixture(scope="module")
def nd_pdf(gazetteer):
    return parse_bytes(plan_as_pdf((CORPUS_DIR / ND_PLAN).read_text(encoding="utf-8")), "nam_dinh.pdf", gazetteer)


@pytest.mark.parametrize("quote", sorted({q for _, d, q in EVIDENCE if d == ND_PLAN}))
def test_nam_dinh_pdf_keeps_every_evidence_quote_within_a_chunk(nd_pdf, quote: str) -> None:
    assert any(flat(quote) in flat(c.page_content) for c in nd_pdf.chunks)


@pytest.mark.parametrize(
    "path",
    [
        "I. MỤC TIÊU > 2. Mục tiêu cụ thể > a) Mục tiêu đến năm 2025",
        "III.KINH PHÍ THỰC HIỆN",
        "IV. TỔ CHỨC THỰC HIỆN > 1. Sở Khoa học và Công nghệ",
        "Nơi nhận",
        "Người ký",
        "II. NHIỆM VỤ, GIẢI PHÁP > 4. Tăng cường năng lực của tổ chức hỗ trợ hoạt động năng suất chất "
                     "lượng",
    ],
)
def test_nam_dinh_pdf_section_paths(nd_pdf, path: str) -> None:
    assert path in {c.metadata["section_path"] for c in nd_pdf.chunks}


def test_nam_dinh_pdf_matches_the_text_version(nd_pdf, corpus_docs) -> None:
    text_doc = corpus_docs[ND_PLAN]
    assert flat(nd_pdf.text).replace(" ", "") == flat(text_doc.text).replace(" ", "")
    assert nd_pdf.meta.signer == text_doc.meta.signer == "Trần Lê Đoài"


def _docx_with_a_long_table(path, paragraphs: list[str], header: list[str], row_of,  # noqa: ANN001, ANN202
                            rows: int = 40):
    """A DOCX file at ``path``: ``paragraphs``, then a table of ``header`` and ``rows`` rows (``row_of(i)``)."""
    import docx as python_docx

    d = python_docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    table = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for i in range(1, rows + 1):
        for cell, text in zip(table.add_row().cells, row_of(i)):
            cell.text = text
    d.save(str(path))
    return path


def test_long_docx_table_repeats_its_header_in_every_later_chunk(gazetteer, tmp_path) -> None:
    from ingest.pipeline import parse_bytes as parse
    from vectorstore.context import contextual_text

    path = _docx_with_a_long_table(tmp_path / "bang.docx", ["KẾ HOẠCH", "PHỤ LỤC"], ["STT", "Chỉ tiêu", "2025", "2030"],
                                   lambda i: [str(i), f"Chỉ tiêu số {i} về năng suất lao động của tỉnh", f"{i},5%",
                                              f"{i + 1}%"])
    doc = parse(path.read_bytes(), str(path), gazetteer, max_chars=400)
    table_chunks = [c for c in doc.chunks if " | " in c.page_content]
    assert len(table_chunks) >= 3
    assert "STT | Chỉ tiêu | 2025 | 2030" in table_chunks[0].page_content.split("\n")
    for c in table_chunks[1:]:
        assert c.metadata["table_header"] == "STT | Chỉ tiêu | 2025 | 2030"
        assert contextual_text(c).count("STT | Chỉ tiêu | 2025 | 2030") == 1
        assert doc.text[c.metadata["char_start"]:c.metadata["char_end"]] == c.page_content  # still the own text


@pytest.mark.parametrize("second_line", ["date 2025-12-16 HÀ NỘI — The national programme reached 6,400 firms.",
                                         "bởi Minh Anh, 16/12/2025 — Chương trình đã hỗ trợ 6.400 doanh nghiệp."])
def test_a_text_pages_first_line_is_its_title_though_a_line_in_lower_case_follows(gazetteer, second_line) -> None:
    """A saved page's title line is not run into the byline or date line under it (it was: the title became
    "... quality date 2025-12-16 HÀ NỘI — ...", too long for a headline, and a body sentence was taken instead)."""
    text = (f"Pilot models spread to boost productivity and quality\n{second_line}\n\n"
            "Nguyen Tung Lam, Director of the Vietnam Productivity Institute, said the programme has built capacity\n")
    doc = parse_bytes(text.encode(), "page.txt", gazetteer)
    assert doc.meta.title == "Pilot models spread to boost productivity and quality"


def test_an_appendix_title_under_its_number_heads_every_chunk_of_its_table(gazetteer, tmp_path) -> None:
    """An appendix is numbered on one line and titled on the next ("PHỤ LỤC II" / "MỨC HỖ TRỢ ..."). Its title is
    what its rows are about, so every chunk of a long appendix table carries it in its heading path (it was only in
    the first chunk's text: a row chunks away from it lost what it was a figure of)."""
    from vectorstore.context import contextual_text

    path = _docx_with_a_long_table(
        tmp_path / "phu_luc.docx",
        ["KẾ HOẠCH", "PHỤ LỤC II", "MỨC HỖ TRỢ DOANH NGHIỆP ÁP DỤNG HỆ THỐNG QUẢN LÝ",
         "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND tỉnh)"],
        ["STT", "Hệ thống", "Mức hỗ trợ"],
        lambda i: [str(i), f"Tiêu chuẩn quản lý số {i} cho cơ sở sản xuất", f"{i * 5} triệu đồng"])
    doc = parse_bytes(path.read_bytes(), str(path), gazetteer, max_chars=400)
    table_chunks = [c for c in doc.chunks if " | " in c.page_content]
    assert len(table_chunks) >= 3
    title = "PHỤ LỤC II - MỨC HỖ TRỢ DOANH NGHIỆP ÁP DỤNG HỆ THỐNG QUẢN LÝ"
    for c in table_chunks:
        assert c.metadata["section_path"] == title
        assert title in contextual_text(c)
