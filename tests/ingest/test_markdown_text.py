"""A document saved as Markdown (as converters write it) reads as the same document: heading marks ("### Điều 2"),
emphasis ("**KT. CHỦ TỊCH**"), escapes and a table's rule row go; a table row is kept as written; the footer
table's two cells (recipients | signature) are two blocks, so the signer is found and the appendix after it is not
taken for the signature. Checked on the cleaned text, on the parsed sections and through the real pipeline."""

from __future__ import annotations

import pytest

from ingest.clean import clean_text
from ingest.structure import parse_sections

DECISION = """ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Số: 845/QĐ-UBND
Phú Thọ, ngày 14 tháng 4 năm 2023

**QUYẾT ĐỊNH**
**Về việc ban hành mức hỗ trợ doanh nghiệp áp dụng công cụ nâng cao năng suất**

### Điều 1. Mức hỗ trợ

Doanh nghiệp áp dụng công cụ cải tiến năng suất được hỗ trợ theo Phụ lục kèm theo Quyết định này\\.

### Điều 2. Hiệu lực thi hành

Quyết định này có hiệu lực kể từ ngày ký.

| Nơi nhận: - Như Điều 2; - Lưu: VT, KGVX. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Minh Tuấn |
|---|---|

**PHỤ LỤC I**
**MỨC HỖ TRỢ**

| STT | Công cụ | Mức hỗ trợ tối đa |
|---|---|---|
| 1 | Áp dụng 5S | 30 triệu đồng |
| 2 | Áp dụng Lean | 80 triệu đồng |
"""

# Italics in one asterisk, as a converter writes a resolution's footer and its appended programme's subtitle.
RESOLUTION = """# CHÍNH PHỦ
Số: 07/NQ-CP
*Hà Nội*, *ngày 09 tháng 01 năm 2025*

# NGHỊ QUYẾT
## Ban hành Chương trình hành động nâng cao năng suất lao động

**Điều 1.** Ban hành kèm theo Nghị quyết này Chương trình hành động nâng cao năng suất lao động.

**Điều 2.** Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

*Nơi nhận:*
- Các bộ, cơ quan ngang bộ;
- Lưu: VT, KGVX (2b).

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
[đã ký]
Lê Thành Long

# CHƯƠNG TRÌNH HÀNH ĐỘNG
*(Kèm theo Nghị quyết số 07/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)*

Tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm (*) theo số liệu ước tính.
"""


def test_italics_go_and_a_footnote_mark_stays():
    lines = clean_text(RESOLUTION).splitlines()
    assert "Hà Nội, ngày 09 tháng 01 năm 2025" in lines and "Nơi nhận:" in lines
    assert "(Kèm theo Nghị quyết số 07/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)" in lines
    assert "Tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm (*) theo số liệu ước tính." in lines


def test_a_bold_article_number_with_its_space_inside_the_marks_is_a_heading():
    """Converters write "**Điều 2. **Bãi bỏ ...": the article is still a heading of its own."""
    text = clean_text("**Điều 1.** Công bố danh mục.\n**Điều 2. **Bãi bỏ 03 thủ tục hành chính.")
    assert text.splitlines() == ["Điều 1. Công bố danh mục.", "Điều 2. Bãi bỏ 03 thủ tục hành chính."]
    assert [s.path[0][:8] for s in parse_sections(text)] == ["Điều 1. ", "Điều 2. "]


def test_an_italic_recipients_line_ends_the_articles():
    """"*Nơi nhận:*" in italics still opens the recipients: the last article does not run on over the footer."""
    sections = parse_sections(clean_text(RESOLUTION))
    kinds = {s.kind: s for s in sections}
    assert "recipients" in kinds and "signature" in kinds and "Lê Thành Long" in kinds["signature"].text
    assert all("Lê Thành Long" not in s.text for s in sections if s.kind == "body")


def test_markdown_marks_go_and_rows_keep_their_cells():
    text = clean_text(DECISION)
    assert "**" not in text and "###" not in text and "|---" not in text and "\\." not in text
    assert "Điều 1. Mức hỗ trợ" in text.splitlines()
    assert "| 2 | Áp dụng Lean | 80 triệu đồng |" in text.splitlines()  # a row as written
    lines = text.splitlines()
    assert "Nơi nhận: - Như Điều 2; - Lưu: VT, KGVX." in lines
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Minh Tuấn" in lines


def test_the_signature_is_its_own_section_and_the_appendix_is_not_in_it():
    sections = parse_sections(clean_text(DECISION))
    signature = [s for s in sections if s.kind == "signature"]
    assert signature and "Hoàng Minh Tuấn" in signature[0].text
    assert all("Áp dụng Lean" not in s.text for s in signature)
    assert any("Áp dụng Lean" in s.text and s.kind == "body" for s in sections)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("markdown-text"), embeddings,
                                {"phu_tho_qd_845_2023.md": DECISION, "nq_07_cp_2025.md": RESOLUTION})


def test_the_signer_of_a_markdown_document(assistant):  # noqa: ANN001
    answer = assistant.ask("Ai ký Quyết định 845/QĐ-UBND của Phú Thọ?")
    assert answer.found and "Hoàng Minh Tuấn" in answer.text, answer.text
    assert "Áp dụng" not in answer.text


def test_the_signer_of_a_resolution_with_an_italic_footer(assistant):  # noqa: ANN001
    answer = assistant.ask("Ai ký Nghị quyết 07/NQ-CP?")
    assert answer.found and "Lê Thành Long" in answer.text, answer.text
