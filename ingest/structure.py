"""Parse the heading tree of a Vietnamese administrative document into sections.

Headings recognised, from the outermost: "Chương I", "Phụ lục", Roman numerals ("I.", "III.KINH PHÍ"),
"Điều 5.", "1.", "1.1.", "a)". "-", "+" and "•" lines are list items inside a section, not headings.
"Nơi nhận:" and the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", ...) become their own sections.

>>> [s.path for s in parse_sections("I. MỤC TIÊU\\n1. Mục tiêu chung\\nĐưa năng suất ...")]
[('I. MỤC TIÊU', '1. Mục tiêu chung')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.text import UPPER
from ingest.types import Section

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# (rank, pattern): a smaller rank is an outer level.
_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"^(?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+)\b")),
    (0, re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")),
    (1, re.compile(rf"^(?:PHẦN|Phần)\s+(?:thứ\s+\w+|{_ROMAN}|\d+)\b")),
    (2, re.compile(rf"^(?=[IVX])({_ROMAN})\s*[.)/]\s*\S")),
    (3, re.compile(r"^(?:Điều|ĐIỀU)\s+\d+\s*[.:]?")),
    (4, re.compile(r"^\d{1,2}\s*[.)]\s*(?!\d)\S")),
    (5, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    (6, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S")),
    (7, re.compile(r"^[a-zđ]\s*\)\s*\S")),
]
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*$|^Nơi nhận\s*:\s*(?:[-–•]|(?:TM|T\.M|KT|K\.T)\.)", re.IGNORECASE)
# A signature marker inside a line: PDF text of a two-column footer gives "Nơi nhận: TM. ỦY BAN NHÂN DÂN".
_SIGNATURE_INLINE = re.compile(rf"(?:^|\s)(?:TM|T\.M|KT|K\.T)\.\s*[{UPPER}]{{2}}")
_SIGNATURE = re.compile(
    r"^(?:TM\.|T\.M\.|KT\.|K\.T\.|TL\.|TUQ\.|Q\.|Q\. ?)\s*\S|^(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|"
    r"TRƯỞNG BAN|CHÁNH VĂN PHÒNG)$"
)
MAX_HEADING_CHARS = 90
# A chapter or appendix heading that is only its designator ("Chương II", "PHỤ LỤC I"): an administrative
# document writes the title on the next line, in capitals (Nghị định 30/2020/NĐ-CP, Phụ lục I: "Chương, mục"
# and "Phụ lục" are numbered on one line and titled on the next).
_DESIGNATOR_ONLY = re.compile(rf"^(?:CHƯƠNG|Chương|PHỤ LỤC|Phụ lục|PHẦN|Phần)(?:\s+(?:{_ROMAN}|\d{{1,2}}|[A-Z]))?"
                              r"\s*[.:]?$")
RECIPIENTS_LABEL = "Nơi nhận"
SIGNATURE_LABEL = "Người ký"


@dataclass
class _Open:
    rank: int
    label: str


def heading_rank(line: str) -> int | None:
    """The rank of ``line`` as a heading, or None for body text."""
    for rank, pattern in _HEADINGS:
        if pattern.match(line):
            if rank == 2 and not re.match(r"^[IVX]+\s*[.)/]", line):
                return None
            return rank
    return None


def _capitals_title(line: str) -> str:
    """The title a line written in capitals states, as under a chapter or appendix designator ("QUY ĐỊNH CHUNG",
    "DANH MỤC NHIỆM VỤ ... (Kèm theo Quyết định số ...)" → "DANH MỤC NHIỆM VỤ ..."), or "": at least four
    letters, nine in ten of them capitals, an appendix's closing "(Kèm theo ...)" note left out."""
    title = re.sub(r"\s*\([^()]*\)\s*$", "", " ".join(line.split()))
    letters = [c for c in title if c.isalpha()]
    return title if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) else ""


def _title_under(lines: list[tuple[int, str]], ranks: list[int | None], idx: int) -> tuple[str, int]:
    """The title in capitals under the designator at ``idx`` (up to three lines, as a long title wraps) and the
    index of its last line; ("", idx) when the next line is not such a title."""
    parts: list[str] = []
    end = idx
    for j in range(idx + 1, min(idx + 4, len(lines))):
        line = lines[j][1]
        title = _capitals_title(line)
        if not title or ranks[j] is not None or " | " in line or _SIGNATURE.match(line) \
                or sum(len(p) for p in parts) + len(title) > 300:
            break
        parts.append(title)
        end = j
        if title != " ".join(line.split()):  # a closing "(Kèm theo ...)" ends the title
            break
    return " ".join(parts), end


def _is_list_item(line: str, rank: int | None) -> bool:
    """A numbered line (of heading rank ``rank``) that ends as a list item does: on ";", or on the full stop of the
    last item ("1. Giải vàng chất lượng quốc gia;"). A heading ends on neither."""
    return rank in (4, 5, 6, 7) and line.endswith((";", "."))


def _item_label(line: str) -> str:
    """The label of a numbered item: "1" of "1. Giải vàng;", "a" of "a) Hỗ trợ;". Of "1.1." only its first number,
    so a run of "1.1., 1.2." items does not read as one list."""
    m = re.match(r"^(\d{1,2}|[a-zđ])\s*[.)]", line)
    return m.group(1) if m else ""


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def heading_label(line: str) -> str:
    """A heading as shown in a section path: the line up to a colon that ends the heading proper
    ("1. Sở Khoa học và Công nghệ: Là cơ quan đầu mối ..." → "1. Sở Khoa học và Công nghệ"), shortened at a
    word boundary if still long."""
    line = " ".join(line.split()).rstrip(":")
    head, colon, _ = line.partition(": ")
    if colon and 3 < len(head) <= MAX_HEADING_CHARS:
        return head
    if len(line) <= MAX_HEADING_CHARS:
        return line
    cut = line[:MAX_HEADING_CHARS].rsplit(" ", 1)[0]
    return cut + " …"


def _signature_start(lines: list[tuple[int, str]]) -> int | None:
    """Index (into ``lines``) where the closing signature block starts: the first signature line after
    "Nơi nhận" (or in the second half of the document when there is no "Nơi nhận"). An appendix may follow."""
    texts = [t for _, t in lines]
    recipients = next((i for i, t in enumerate(texts) if _RECIPIENTS.match(t)), None)
    first = recipients if recipients is not None else len(texts) // 2
    for i in range(first, len(texts)):
        if _SIGNATURE.match(texts[i]) or _SIGNATURE_INLINE.search(texts[i]):
            if i == recipients:  # a two-column footer: the signature block is interleaved with the recipients
                return i + 1 if i + 1 < len(texts) else None
            return i
    return None


def parse_sections(text: str) -> list[Section]:
    """Split ``text`` into sections in document order; each carries its heading path and character span.

    A heading with nothing under it but sub-headings yields no section of its own (its label lives on in the
    paths of its children), unless its label shortens it (then its line is a section of its own). Text before the first heading is a section with an empty path.
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, raw.strip()))
        pos += len(raw) + 1
    sig_at = _signature_start(lines)
    ranks = [heading_rank(line) for _, line in lines] + [None]  # each line's rank as a heading (None after the last)

    sections: list[Section] = []
    stack: list[_Open] = []
    cur_path: tuple[str, ...] = ()
    cur_kind = "body"
    cur_start: int | None = None
    cur_end = 0
    cur_lines = 0
    cur_rank: int | None = None
    cur_heading = ""  # the open section's heading line (with its title line, see _DESIGNATOR_ONLY)
    title_end = -1  # index of the last title line read with the designator above it

    def close(next_rank: int | None) -> None:
        # A lone heading line followed by a deeper heading is only a title: its label lives on in the children.
        # Unless the label shortens it: a heading that states something ("Điều 1. Phê duyệt kèm theo Quyết định
        # này Kế hoạch số 59/KH-SKHCN ...", "1. Tổng mức kinh phí năm 2023: 72,989 tỷ đồng, bao gồm:") keeps its
        # line as a section of its own, so no text of the document is left out of the index.
        lone_title = cur_rank is not None and cur_lines <= 1 and next_rank is not None and next_rank > cur_rank
        if lone_title and cur_start is not None:
            lone_title = heading_label(cur_heading) == cur_heading
        if cur_start is None or lone_title:
            return
        sections.append(Section(cur_path, text[cur_start:cur_end], cur_start, cur_end, cur_kind))

    # Inside a list that a body line ending in ":" introduced ("... bao gồm:"): the label its next item carries.
    # Its items end in ";" (the last in ".") and are numbered in turn; they stay in the section.
    expected = ""
    for idx, (start, line) in enumerate(lines):
        start = text.index(line, start)  # lines are stripped: find the real span in the text
        end = start + len(line)
        if idx <= title_end:  # the title of the heading above: not a line of the section's text
            cur_end = end
            continue
        new_kind, rank = None, None
        item = bool(expected) and _is_list_item(line, ranks[idx]) and _item_label(line) == expected
        following = lines[idx + 1][1] if idx + 1 < len(lines) else ""
        if item:
            expected = _next_label(expected) if line.endswith(";") else ""
        elif ranks[idx] is None and line.endswith(":") and _is_list_item(following, ranks[idx + 1]) \
                and following.endswith(";") and _item_label(following) in ("1", "a"):
            expected = _item_label(following)
        else:
            expected = ""
        if item:
            pass  # an item of the list, text of the section it is in
        elif sig_at is not None and idx == sig_at:
            new_kind, path = "signature", (SIGNATURE_LABEL,)
        elif cur_kind != "signature" and _RECIPIENTS.match(line):
            new_kind, path = "recipients", (RECIPIENTS_LABEL,)
        elif cur_kind == "body" or ranks[idx] == 0:  # an appendix ends a signature block
            rank = ranks[idx]
            if rank is not None:
                heading = " ".join(line.split()).rstrip(":")
                if rank <= 1 and _DESIGNATOR_ONLY.match(line):
                    title, title_end = _title_under(lines, ranks, idx)
                    if title:
                        heading = f"{heading} - {title}"
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                stack.append(_Open(rank, heading_label(heading)))
                new_kind, path = "body", tuple(o.label for o in stack)
        if new_kind is not None:
            close(rank)
            cur_path, cur_kind, cur_start, cur_end, cur_lines, cur_rank = path, new_kind, start, end, 1, rank
            cur_heading = heading if new_kind == "body" and rank is not None else ""
            continue
        if cur_start is None:
            cur_start = start
        cur_end = end
        cur_lines += 1
    close(None)
    return sections
