"""Export a cited answer, or a whole conversation, to Markdown or to a Word document with real footnotes.

Both formats share one numbering: every citation an answer uses becomes one note, numbered in the order its
first marker appears, uniquely across the whole conversation. Citations the text never marks still get a note,
listed on a "Nguồn khác" line after their answer. A marker may name several passages (``[1, 2]``); a marker
that names no citation of its answer is left as plain text.

>>> from assistant.types import Answer, Citation, Passage
>>> p = Passage(1, "c1", "d1", "kh.pdf", "Kế hoạch 285/KH-UBND", "I. MỤC TIÊU", 3, "Tăng 6,5%/năm.", 1.0)
>>> a = Answer("Mục tiêu?", "Năng suất tăng 6,5%/năm [1].", True, [Citation(1, p)], [p], {})
>>> md = answer_to_markdown("Mục tiêu?", a)
>>> "Năng suất tăng 6,5%/năm[^1]." in md and "[^1]: Kế hoạch 285/KH-UBND — I. MỤC TIÊU — trang 3" in md
True
>>> answer_to_docx("Mục tiêu?", a)[:2]
b'PK'

Markdown never carries a document's raw HTML: ``<`` becomes ``&lt;``, so ``<script>`` stays text.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.parts.story import StoryPart
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from assistant.types import Answer, Citation
from common.errors import PlanAssistantError

TITLE_ANSWER = "Trả lời có trích dẫn"
TITLE_CONVERSATION = "Hội thoại có trích dẫn"
ASKED, ANSWERED, OTHER_SOURCES, EXPORTED_ON = "Hỏi:", "Đáp:", "Nguồn khác:", "Ngày xuất:"

MARKER = re.compile(r"\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]")
LIST_LINE = re.compile(r"^\s*(?:[-+*•]|\d{1,2}[.)])\s+")
BULLET = re.compile(r"^\s*[-+*•]\s+")
# Characters XML 1.0 cannot hold (python-docx would refuse them); PDFs leave form feeds and the like behind.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Turn = tuple[str, Answer]


class ExportError(PlanAssistantError, ValueError):
    """An export was asked for in a form this module cannot write (e.g. an unknown file suffix)."""

    vi = "Không xuất được câu trả lời."


@dataclass(frozen=True)
class Note:
    """One footnote of the export: ``number`` is unique across the file; ``citation`` is what it points to."""

    number: int
    citation: Citation


@dataclass(frozen=True)
class Piece:
    """A run of answer text, or (when ``refs`` is set) the footnote references that replace one marker."""

    text: str = ""
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class TurnPlan:
    """A turn ready to render: the answer's lines cut into pieces, and the notes in number order."""

    question: str
    lines: tuple[tuple[Piece, ...], ...]
    notes: tuple[Note, ...]
    unreferenced: tuple[int, ...]


def clean(text: str) -> str:
    """NFC-normalise, unify line breaks and drop characters XML cannot hold.

    >>> clean("Nghe\\u0323\\u0302 An\\x0c\\x01") == "Nghệ An\\n"
    True
    """
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"\r\n?|[\x0b\x0c]", "\n", text)  # page and line breaks of extracted text become newlines
    return XML_INVALID.sub("", text)


def plan_turns(turns: Sequence[Turn]) -> list[TurnPlan]:
    """Number the notes of every turn: first marker first, unique across the conversation."""
    plans, first = [], 1
    for question, answer in turns:
        plans.append(_plan_turn(question, answer, first))
        first += len(plans[-1].notes)
    return plans


def _plan_turn(question: str, answer: Answer, start: int) -> TurnPlan:
    by_n: dict[int, Citation] = {}
    for c in answer.citations:
        by_n.setdefault(c.n, c)
    numbers: dict[int, int] = {}  # citation n -> note number, in order of first use
    lines = []
    for line in clean(answer.text).split("\n"):
        pieces, pos = [], 0
        for m in MARKER.finditer(line):
            known = [n for n in dict.fromkeys(int(x) for x in re.split(r"\s*[,;]\s*", m.group(1))) if n in by_n]
            if not known:
                continue
            before = line[pos : m.start()].rstrip(" \t")  # the mark sits on the word: "6,5%/năm¹"
            if before:
                pieces.append(Piece(before))
            pieces.append(Piece(refs=tuple(numbers.setdefault(n, start + len(numbers)) for n in known)))
            pos = m.end()
        if pos < len(line):
            pieces.append(Piece(line[pos:]))
        if any(x.refs or x.text.strip() for x in pieces):
            lines.append(tuple(pieces))
    unreferenced = tuple(numbers.setdefault(n, start + len(numbers)) for n in sorted(set(by_n) - set(numbers)))
    notes = tuple(Note(no, by_n[n]) for n, no in numbers.items())  # dict order is number order
    return TurnPlan(clean(question or answer.question), tuple(lines), notes, unreferenced)


def note_label(citation: Citation) -> str:
    """Where a passage comes from: "title — section path — trang N — province — số hiệu" (parts present only)."""
    p = citation.passage
    title = clean(p.title).strip() or clean(p.source).strip() or "Tài liệu không tên"
    parts = [title]
    if p.section_path:
        parts.append(clean(p.section_path).strip())
    if p.page is not None:
        parts.append(f"trang {p.page}")
    province = clean(str(p.metadata.get("province") or "")).strip()
    if province and province not in title:
        parts.append(province)
    number = clean(str(p.metadata.get("doc_number") or "")).strip()
    if number and number not in title:
        parts.append(f"số {number}")
    return " — ".join(x for x in parts if x)


def note_quotes(citation: Citation) -> list[str]:
    """The sentences the answer used from the passage, or the whole passage when it names none."""
    quotes = [clean(q).strip() for q in citation.quotes if q and q.strip()]
    return quotes or [clean(citation.passage.text).strip()]


def _stamp(today: date | None) -> str:
    return (today or date.today()).strftime("%d/%m/%Y")


# ---------------------------------------------------------------- Markdown


def escape_markdown(text: str) -> str:
    """Make document text safe to embed: no raw HTML, entities, escapes, footnote/link syntax, stray quotes.

    >>> escape_markdown("<script>alert(1)</script> &amp; [^x]")
    '&lt;script>alert(1)&lt;/script> &amp;amp; \\\\[^x]'
    >>> print(escape_markdown("> not a quote; # not a heading"))
    \\> not a quote; # not a heading
    """
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text.replace("\\", "\\\\"))
    text = text.replace("[", "\\[").replace("<", "&lt;")
    return re.sub(r"^(\s*)([>#])", r"\1\\\2", text, flags=re.MULTILINE)


def _markdown_turn(plan: TurnPlan) -> list[str]:
    body, previous_item = "", False
    for pieces in plan.lines:
        line = "".join("".join(f"[^{r}]" for r in x.refs) if x.refs else escape_markdown(x.text) for x in pieces)
        item = bool(LIST_LINE.match(line))
        # Consecutive list items stay one list; any other line is its own paragraph in every renderer.
        body += ("\n" if item and previous_item else "\n\n") + line if body else line
        previous_item = item
    sep = "\n\n" if LIST_LINE.match(body) else " "
    question = "  \n".join(escape_markdown(q) for q in plan.question.split("\n"))
    out = [f"**{ASKED}** {question}", f"**{ANSWERED}**{sep}{body}".rstrip()]
    if plan.unreferenced:
        out.append(f"{OTHER_SOURCES} " + " ".join(f"[^{n}]" for n in plan.unreferenced))
    return out


def _markdown_note(note: Note) -> str:
    lines = [f"[^{note.number}]: {escape_markdown(note_label(note.citation))}"]
    for quote in note_quotes(note.citation):
        lines.append("")
        lines.extend(("    > " + escape_markdown(q)).rstrip() for q in quote.split("\n"))
    return "\n".join(lines)


def _markdown(title: str, plans: list[TurnPlan], today: date | None) -> str:
    blocks = [f"# {title}", f"_{EXPORTED_ON} {_stamp(today)}_"]
    for i, plan in enumerate(plans):
        if i:
            blocks.append("---")
        blocks.extend(_markdown_turn(plan))
    blocks.extend(_markdown_note(n) for plan in plans for n in plan.notes)
    return "\n\n".join(blocks) + "\n"


def answer_to_markdown(question: str, answer: Answer, *, today: date | None = None) -> str:
    """One question and its answer, markers as ``[^n]`` footnotes, the sources (with quotes) at the end."""
    return _markdown(TITLE_ANSWER, plan_turns([(question, answer)]), today)


def conversation_to_markdown(turns: Sequence[Turn], *, today: date | None = None) -> str:
    """Every (question, answer) turn as **Hỏi:** / **Đáp:**, footnotes numbered across the conversation."""
    return _markdown(TITLE_CONVERSATION, plan_turns(turns), today)


# ---------------------------------------------------------------- Word

FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
# Children of w:settings that must come after w:footnotePr (ECMA-376 order).
SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)
FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "footnote text", "footnote reference"


class Footnotes:
    """The /word/footnotes.xml part of one document under construction (python-docx has no footnote API).
    Used by every Word export here and by the plan summaries (:mod:`assistant.facts.summary`)."""

    def __init__(self, document: DocxDocument):
        self.referenced: set[int] = set()
        self.part = StoryPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                              parse_xml(FOOTNOTES_XML), document.part.package)
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        pr = OxmlElement("w:footnotePr")
        for special in ("-1", "0"):
            pr.append(OxmlElement("w:footnote", {qn("w:id"): special}))
        document.settings.element.insert_element_before(pr, *SETTINGS_AFTER_FOOTNOTEPR)

        styles = document.styles
        if FOOTNOTE_TEXT not in styles:
            text = styles.add_style(FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
            text.style_id, text.base_style = "FootnoteText", styles["Normal"]
            text.font.size = Pt(10)
            text.paragraph_format.space_after = Pt(2)
            text.priority, text.unhide_when_used = 99, True
        if FOOTNOTE_REFERENCE not in styles:
            ref = styles.add_style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER, builtin=True)
            ref.style_id, ref.font.superscript = "FootnoteReference", True
            ref.priority, ref.unhide_when_used = 99, True

    def add(self, number: int, label: str, quotes: list[str]) -> None:
        """Footnote ``number``: the mark and the label, then each quote in its own italic paragraph."""
        footnote = OxmlElement("w:footnote", {qn("w:id"): str(number)})
        self.part.element.append(footnote)

        def paragraph() -> Paragraph:
            p = OxmlElement("w:p")
            footnote.append(p)
            para = Paragraph(p, self.part)
            para.style = FOOTNOTE_TEXT
            return para

        first = paragraph()
        mark = first.add_run()
        mark.style = FOOTNOTE_REFERENCE
        mark._r.append(OxmlElement("w:footnoteRef"))
        first.add_run(" ")
        first.add_run(label)
        for quote in quotes:
            paragraph().add_run(f"“{quote}”").italic = True

    def references(self, paragraph: Paragraph, numbers: tuple[int, ...]) -> None:
        """Superscript marks for one marker of the text, separated by superscript commas."""
        for i, number in enumerate(numbers):
            if i:
                paragraph.add_run(",").font.superscript = True
            self._reference(paragraph, number)

    def _reference(self, paragraph: Paragraph, number: int) -> None:
        """The first mark of a note is the footnote reference itself (inside a bookmark); a later mark of the
        same note is a NOTEREF field to that bookmark, showing the same number, as Word's cross-references do."""
        name = f"_RefNote{number}"
        if number not in self.referenced:
            self.referenced.add(number)
            paragraph._p.append(OxmlElement("w:bookmarkStart", {qn("w:id"): str(number), qn("w:name"): name}))
            run = paragraph.add_run()
            run.style = FOOTNOTE_REFERENCE
            run._r.append(OxmlElement("w:footnoteReference", {qn("w:id"): str(number)}))
            paragraph._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(number)}))
            return
        field = OxmlElement("w:fldSimple", {qn("w:instr"): f" NOTEREF {name} \\f \\h "})
        paragraph._p.append(field)
        run = paragraph.add_run(str(number))
        run.style = FOOTNOTE_REFERENCE
        field.append(run._r)  # move the cached result into the field


def _docx_turn(document: DocxDocument, notes: Footnotes, plan: TurnPlan) -> None:
    asked = document.add_paragraph()
    asked.paragraph_format.space_before = Pt(12)
    asked.add_run(f"{ASKED} ").bold = True
    asked.add_run(plan.question)

    def bullet(pieces: tuple[Piece, ...]) -> bool:
        return not pieces[0].refs and bool(BULLET.match(pieces[0].text))

    if not plan.lines or bullet(plan.lines[0]):
        document.add_paragraph().add_run(ANSWERED).bold = True
    for i, pieces in enumerate(plan.lines):
        is_item = bullet(pieces)
        para = document.add_paragraph(style="List Bullet" if is_item else None)
        if i == 0 and not is_item:
            para.add_run(f"{ANSWERED} ").bold = True
        for k, piece in enumerate(pieces):
            if piece.refs:
                notes.references(para, piece.refs)
            elif piece.text:
                para.add_run(BULLET.sub("", piece.text, count=1) if is_item and k == 0 else piece.text)
    if plan.unreferenced:
        para = document.add_paragraph()
        para.add_run(f"{OTHER_SOURCES} ").italic = True
        notes.references(para, plan.unreferenced)
    for note in plan.notes:
        notes.add(note.number, note_label(note.citation), note_quotes(note.citation))


def new_word_document(title: str, dated: str) -> tuple[DocxDocument, Footnotes]:
    """A Vietnamese Word document with a footnotes part, its title heading and an italic date line."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Trợ lý kế hoạch năng suất"
    document.core_properties.language = "vi-VN"
    normal = document.styles["Normal"].element.get_or_add_rPr()
    normal.remove_all("w:lang")
    normal.insert_element_before(OxmlElement("w:lang", {qn("w:val"): "vi-VN"}),
                                 "w:eastAsianLayout", "w:specVanish", "w:oMath")
    notes = Footnotes(document)
    document.add_heading(title, level=0)
    document.add_paragraph().add_run(dated).italic = True
    return document, notes


def docx_bytes(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx(title: str, plans: list[TurnPlan], today: date | None) -> bytes:
    document, notes = new_word_document(title, f"{EXPORTED_ON} {_stamp(today)}")
    for plan in plans:
        _docx_turn(document, notes, plan)
    return docx_bytes(document)


def answer_to_docx(question: str, answer: Answer, *, today: date | None = None) -> bytes:
    """A .docx: title, date, the question, the answer, each citation as a Word footnote (title, section,
    page, quoted passage)."""
    return _docx(TITLE_ANSWER, plan_turns([(question, answer)]), today)


def conversation_to_docx(turns: Sequence[Turn], *, today: date | None = None) -> bytes:
    """A .docx of the whole conversation, footnotes numbered across it."""
    return _docx(TITLE_CONVERSATION, plan_turns(turns), today)


def write_export(path: str | Path, turns: Sequence[Turn], *, today: date | None = None) -> Path:
    """Write ``turns`` to ``path``; the suffix (.md or .docx) picks the format, one turn an answer export.

    >>> import tempfile
    >>> from assistant.types import Answer
    >>> a = Answer("Hỏi gì?", "Không tìm thấy thông tin.", False, [], [], {})
    >>> out = write_export(Path(tempfile.mkdtemp()) / "tra-loi.md", [("Hỏi gì?", a)])
    >>> out.read_text(encoding="utf-8").splitlines()[0]
    '# Trả lời có trích dẫn'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    single = len(turns) == 1
    if suffix in (".md", ".markdown"):
        text = answer_to_markdown(*turns[0], today=today) if single else conversation_to_markdown(turns, today=today)
        path.write_text(text, encoding="utf-8")
    elif suffix == ".docx":
        data = answer_to_docx(*turns[0], today=today) if single else conversation_to_docx(turns, today=today)
        path.write_bytes(data)
    else:
        raise ExportError(f"unsupported export suffix {suffix!r} for {path} (use .md or .docx)")
    return path
