r"""What the chat page shows, as plain strings (no gradio here): answer text with clickable [n] markers, the
sources panel with the cited sentences highlighted, the timing line, suggested questions, and filters turned
into a store filter. Everything from documents is HTML-escaped.

>>> print(escape_markdown("“<b>[x](url)</b>” [1]"))
“&lt;b&gt;\[x\](url)&lt;/b&gt;” \[1\]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from assistant.types import Answer, Citation

NO_SOURCES = "<p class='no-sources'><em>Chưa có nguồn trích dẫn.</em></p>"


def escape_markdown(text: str) -> str:
    """Document text shown in the chat is text, never markup: escape HTML and Markdown link syntax."""
    return html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")


_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\]")


def answer_markdown(answer: Answer) -> str:
    """The chat bubble: the answer escaped (so "[x](url)" quoted from a document stays text), then only its
    [n] markers turned into links to the sources."""
    return _ESCAPED_MARKER.sub(lambda m: f"[[{m.group(1)}]](#nguon-{m.group(1)})", escape_markdown(answer.text))


def highlight(text: str, quotes: Iterable[str]) -> str:
    """``text`` escaped, with every quoted sentence wrapped in <mark>, line breaks kept."""
    spans = []
    for q in quotes:
        start = text.find(q)
        if q and start >= 0:
            spans.append((start, start + len(q)))
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def document_link(citation: Citation) -> str:
    """Where the app serves the original file (a PDF opens at the cited page)."""
    p = citation.passage
    page = f"#page={p.page}" if p.page and p.metadata.get("media_type") == "pdf" else ""
    return f"/tai-lieu/{quote(p.doc_id)}{page}"


def sources_html(answer: Answer) -> str:
    if not answer.citations:
        return NO_SOURCES
    parts = []
    for c in answer.citations:
        p = c.passage
        m = p.metadata
        facts = [x for x in (
            m.get("province") and f"Tỉnh/TP: {m['province']}",
            m.get("doc_number") and f"Số hiệu: {m['doc_number']}",
            p.section_path and f"Mục: {p.section_path}",
            p.page and f"Trang {p.page}",
            m.get("ocr") and "Văn bản nhận dạng (OCR)",
        ) if x]
        is_web = p.source.startswith(("http://", "https://"))
        href = p.source if is_web else document_link(c)
        parts.append(
            f'<div class="source" id="nguon-{c.n}"><h4>[{c.n}] {html.escape(p.title or p.source)}</h4>'
            f'<p class="meta">{html.escape(" · ".join(facts))}</p>'
            f'<blockquote>{highlight(p.text, c.quotes)}</blockquote>'
            f'<p class="file"><a href="{html.escape(href)}" target="_blank" rel="noopener">Mở văn bản gốc</a> '
            f'<span>{html.escape(p.source.rsplit("/", 1)[-1])}</span></p></div>'
        )
    return "\n".join(parts)


def timing_markdown(answer: Answer) -> str:
    t = answer.timings_ms
    return (f"Hiểu câu hỏi: {t.get('understand', 0):.0f} ms · Truy xuất: {t.get('retrieve', 0):.0f} ms · "
            f"Soạn câu trả lời: {t.get('answer', 0):.0f} ms · Tổng: {t.get('total', 0):.0f} ms")


def suggested_questions(documents: Iterable[dict[str, Any]], limit: int = 6) -> list[str]:
    """Questions a new user can click, made from what is indexed: one or two per document, varied by kind."""
    out: list[str] = []
    for i, meta in enumerate(sorted(documents, key=lambda m: (m.get("doc_type") != "kế hoạch", m.get("title", "")))):
        province = meta.get("province")
        if not province:
            continue
        where = f"tỉnh {province}" if province != "Hồ Chí Minh" else "TP. Hồ Chí Minh"
        options = [
            f"Mục tiêu tăng năng suất lao động của {where} là bao nhiêu?",
            f"Cơ quan nào chủ trì triển khai kế hoạch của {where}?",
            f"Doanh nghiệp nào được hỗ trợ theo kế hoạch của {where}?",
        ]
        if meta.get("signer"):
            options.insert(1, f"Ai ký {meta.get('doc_type') or 'văn bản'} của {where}?")
        if meta.get("doc_number"):
            options.append(f"Kế hoạch {meta['doc_number']} được ban hành ngày nào?")
        q = options[i % len(options)]
        if q not in out:
            out.append(q)
        if len(out) >= limit:
            break
    return out


def filter_where(province: str | None, doc_id: str | None, year: str | None,
                 documents: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The store filter for the chosen province, document and year ("" or None: no filter on it)."""
    clauses: list[dict[str, Any]] = []
    if province:
        clauses.append({"province": province})
    if doc_id:
        clauses.append({"doc_id": doc_id})
    if year:
        ids = [d for d, m in documents.items() if covers_year(m, int(year))]
        clauses.append({"doc_id": {"$in": ids or ["-"]}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def document_years(meta: dict[str, Any]) -> set[int]:
    """Years a document is about: its period ("2023-2030", "đến 2030") and its issue year."""
    years = {int(y) for y in re.findall(r"20\d{2}", f"{meta.get('period', '')} {meta.get('issued_date', '')}")}
    if len(years) >= 2:
        return set(range(min(years), max(years) + 1))
    return years


def covers_year(meta: dict[str, Any], year: int) -> bool:
    return year in document_years(meta)


_REASONS_VI: list[tuple[str, str]] = [
    (r"the file is empty|no text left|no text to index", "tệp rỗng, không có nội dung văn bản"),
    (r"has no pages", "tệp PDF không có trang nào"),
    (r"password is required|cannot be decrypted", "tệp PDF được mã hóa, cần mật khẩu"),
    (r"broken or truncated PDF|unreadable PDF", "tệp PDF bị hỏng hoặc không đầy đủ"),
    (r"named \.pdf but the content is an HTML", "tệp có đuôi .pdf nhưng nội dung là trang HTML"),
    (r"named \.pdf but", "tệp có đuôi .pdf nhưng không phải PDF"),
    (r"named \.docx but|unreadable Word", "tệp có đuôi .docx nhưng không phải văn bản Word"),
    (r"binary, not text", "tệp nhị phân, không phải văn bản"),
    (r"over the (\d+) MB", r"tệp vượt giới hạn \1 MB"),
    (r"unsupported file type", "định dạng tệp không được hỗ trợ (chỉ nhận PDF, DOCX, HTML, TXT, ảnh)"),
    (r"HTTP (\d{3})", r"không tải được địa chỉ (HTTP \1)"),
    (r"timed out", "quá thời gian chờ khi tải địa chỉ"),
    (r"could not be fetched", "không kết nối được tới địa chỉ"),
    (r"no such file", "không tìm thấy tệp"),
    (r"host .* not found", "không tìm thấy máy chủ của địa chỉ"),
    (r"(\d+) pages need OCR, over the limit of (\d+)",
     r"tệp có \1 trang cần nhận dạng chữ (OCR), vượt giới hạn \2 trang"),
    (r"only http\(s\) URLs", "chỉ nhận địa chỉ http:// hoặc https://"),
    (r"redirected to a refused URL", "địa chỉ chuyển hướng tới máy chủ nội bộ hoặc không được phép"),
    (r"not a public address", "địa chỉ trỏ tới máy chủ nội bộ, không được phép nạp"),
    (r"too many redirects", "địa chỉ chuyển hướng quá nhiều lần"),
    (r"malformed URL|URL without a host", "địa chỉ URL không hợp lệ"),
    (r"text layer|OCR", "không đọc được chữ trong tệp (kể cả bằng OCR)"),
    (r"escapes the library", "tên tệp không hợp lệ"),
]


def reason_vi(reason: str) -> str:
    """A failure reason (English, from ingestion) as the short Vietnamese line the page shows."""
    for pattern, vi in _REASONS_VI:
        m = re.search(pattern, reason, re.IGNORECASE)
        if m:
            return m.expand(vi)
    return "không đọc được tệp"
