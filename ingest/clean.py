"""Clean extracted text: NFC, tidy white space, strip web-page furniture without touching content, part a number
from the word scraping glued to it.

>>> clean_text("Về đầu trang\\nI. MỤC TIÊU\\nSố lượt xem: 110")
'I. MỤC TIÊU'
"""

from __future__ import annotations

import re

from common.text import clean_spaces, fold, nfc

# Whole lines (compared folded, i.e. lower-case without diacritics) that are page furniture.
_FURNITURE_LINES = [
    r"ve dau trang", r"len dau trang", r"tro ve dau trang", r"back to top",
    r"thich va chia se( bai viet)?:?", r"chia se( bai viet)?:?", r"chia se:? ?(facebook|zalo|twitter).*",
    r"in bai viet", r"gui email", r"ban in", r"quay lai", r"tin lien quan", r"tin khac", r"cac tin khac",
    r"video hot", r"da phuong tien", r"lien ket", r"lien ket website", r"thong ke truy cap",
    r"(online|dang truy cap|da truy cap|tong truy cap|luot truy cap|hom nay|trong tuan|trong thang)\s*:?\s*[\d.,]+",
    r"so luot xem:?\s*[\d.,]+", r"luot xem:?\s*[\d.,]+",
    r"(thu (hai|ba|tu|nam|sau|bay)|chu nhat),?\s*\d{1,2}/\d{1,2}/\d{4}\s*\|?\s*\d{1,2}:\d{2}",
    r"\*?\s*xem chi tiet (ke hoach|van ban|tai lieu)? ?tai day\.?",
    r"(trang chu|gioi thieu|tin tuc|lien he|so do trang|dang nhap|tim kiem)(\s*\|\s*\w[\w ]*)*",
    r"font size:?.*", r"\(?anh minh hoa\)?",
]
_FURNITURE_RE = re.compile(rf"^(?:{'|'.join(_FURNITURE_LINES)})$")

# Furniture inside a line: a view counter after a date, a stray server error before a headline.
_INLINE = [
    re.compile(r"\s*Số lượt xem:?\s*[\d.,]+", re.IGNORECASE),
    re.compile(
        r"^(?:Database|Warning|Notice|Fatal error|Error|Exception|SQLSTATE)\b[^.\n]{0,160}?"
        r"(?:does not exist|not found|failed|error|denied|exception)[^.\n]*\.(?:\s*Make sure[^.\n]*\.)?\s*",
    ),
]


# A number run into the lower-case word after it ("Up to 73enterprises won", "1,842enterprises"): scraped pages
# lose the space between inline elements. Three letters or more (an ordinal's "2nd", a unit's "10ha" stay); a
# number inside a longer token (an address's "e1baa3i", "ISO9001abc", "/2w247nzh") is left alone.
_GLUED_NUMBER = re.compile(r"(?<![\w/.%-])(\d(?:[\d.,]*\d)?)([^\W\d_]{3,})")


def _unglue_numbers(line: str) -> str:
    """``line`` with a space between a number and the lower-case word glued to it.

    >>> _unglue_numbers("Up to 73enterprises won; 1,842enterprises by 2017; 2nd, 10ha, ISO9001, 3D, 5G")
    'Up to 73 enterprises won; 1,842 enterprises by 2017; 2nd, 10ha, ISO9001, 3D, 5G'
    """
    return _GLUED_NUMBER.sub(lambda m: f"{m[1]} {m[2]}" if m[2].islower() else m[0], line)


# Markdown, as documents converted to text often carry it: heading marks ("### Điều 2"), emphasis ("**KT. CHỦ
# TỊCH**"), escapes ("\\-") and a table's rule row ("|---|---|") go. The text keeps its words, and a table row
# ("| a | b |") is kept as written (its cells are " | "-separated, as the DOCX and HTML loaders write rows, and a
# quote of it still matches), but for a document's footer row.
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# (a converter may leave the space after a bold heading inside its marks: "**Điều 2. **Bãi bỏ ...")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.*?\S)(\s*)\1")
# Italics in one asterisk ("*Nơi nhận:*", "*Hà Nội*, *ngày 09 tháng 01 năm 2025*"); not a product ("5 * 3"), a
# bullet ("* Một") nor a footnote mark ("(*)"): the marks touch the words they enclose.
_MD_ITALIC = re.compile(r"(?<![\w*(])\*(?=[\w(\[])([^*\n]*?[^\s*])\*(?![\w*)])")
_MD_ESCAPE = re.compile(r"\\([-*_#.|()\[\]+!`>])")
_MD_RULE_ROW = re.compile(r"^(?=.*\|)\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")  # (a pipe: "-----" alone stays)
_MD_ROW = re.compile(r"^\|\s+(.*\S)\s+\|$")


def _plain_markdown(line: str) -> str:
    """``line`` without Markdown's marks ("" for a table's rule row; a document's footer row as its two cells).

    >>> _plain_markdown("### **Điều 2.** Giải thích từ ngữ"), _plain_markdown("|---|---|")
    ('Điều 2. Giải thích từ ngữ', '')
    >>> _plain_markdown("| STT | **Nhiệm vụ** |"), _plain_markdown("\\\\- Lưu: VT")
    ('| STT | Nhiệm vụ |', '- Lưu: VT')
    >>> _plain_markdown("| Nơi nhận: - Như Điều 3; | TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà |")
    'Nơi nhận: - Như Điều 3;\\nTM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà'
    >>> _plain_markdown("**Điều 2. **Bãi bỏ 03 thủ tục")
    'Điều 2. Bãi bỏ 03 thủ tục'
    >>> _plain_markdown("*Nơi nhận:*"), _plain_markdown("*Hà Nội*, *ngày 09 tháng 01 năm 2025*")
    ('Nơi nhận:', 'Hà Nội, ngày 09 tháng 01 năm 2025')
    >>> _plain_markdown("|"), _plain_markdown("5 * 3 = 15, a__b"), _plain_markdown("-----------")
    ('|', '5 * 3 = 15, a__b', '-----------')
    >>> _plain_markdown("* Một *hai* ba"), _plain_markdown("Ghi chú (*): số liệu ước tính*")
    ('* Một hai ba', 'Ghi chú (*): số liệu ước tính*')
    >>> _plain_markdown("*(Kèm theo Nghị quyết số 03/NQ-CP)*")
    '(Kèm theo Nghị quyết số 03/NQ-CP)'
    """
    if _MD_RULE_ROW.match(line):
        return ""
    line = _MD_ESCAPE.sub(r"\1", _MD_ITALIC.sub(r"\1", _MD_EMPHASIS.sub(r"\2\3", _MD_HEADING.sub("", line))))
    row = _MD_ROW.match(line)
    if row and row[1].startswith("Nơi nhận"):
        # a document's footer is a table of two cells, the recipients and the signature: each its own block
        return "\n".join(cell.strip() for cell in row[1].split(" | "))
    return line


def _strip_inline(line: str) -> str:
    for pattern in _INLINE:
        line = pattern.sub("", line)
    return line


def clean_text(text: str) -> str:
    """Return ``text`` NFC-normalised with furniture lines removed and blank-line runs collapsed."""
    out: list[str] = []
    for line in clean_spaces(nfc(text).replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        line = _plain_markdown(_unglue_numbers(_strip_inline(line)).strip()).strip()
        if line and _FURNITURE_RE.match(fold(line)):
            continue
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
