r"""What the chat page shows, as plain strings (no gradio here): answer text with clickable [n] markers, the
sources panel with the cited sentences highlighted, the timing line, suggested questions, and filters turned
into a store filter. Everything from documents is HTML-escaped.

>>> print(escape_markdown("“<b>[x](url)</b>” [1]"))
“&lt;b&gt;\[x\](url)&lt;/b&gt;” \[1\]
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from assistant.types import Answer, Citation

if TYPE_CHECKING:
    from assistant.ocr_jobs import OcrJob

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
    (r"uploaded file is no longer on the server", "tệp tải lên không còn trên máy chủ, hãy tải lên lại"),
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
    (r"cannot render page (\d+) for OCR", r"trang \1 bị hỏng, không dựng được ảnh của trang để nhận dạng chữ (OCR)"),
    (r"cannot render the PDF for OCR", "không dựng được ảnh các trang PDF để nhận dạng chữ (OCR)"),
    (r"OCR unavailable", "máy chủ chưa cài phần mềm nhận dạng chữ (tesseract-ocr, tesseract-ocr-vie)"),
    (r"OCR failed", "phần mềm nhận dạng chữ (Tesseract) báo lỗi khi đọc trang"),
    (r"no text layer on any of its (\d+) pages and OCR found no text",
     r"không tìm thấy chữ nào trên \1 trang, kể cả khi nhận dạng chữ (OCR): trang trắng hoặc ảnh quá mờ"),
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


OCR_S_PER_PAGE = 1.5  # Tesseract on an A4 page at 300 dpi, 2 cores: the estimate before a job has measured its own


def duration_vi(seconds: float) -> str:
    """A duration as the page says it.

    >>> duration_vi(42.4), duration_vi(150)
    ('42 giây', '3 phút')
    """
    s = max(1, round(seconds))
    return f"{s} giây" if s < 90 else f"{int(s / 60 + 0.5)} phút"


def ocr_queued_line(job: OcrJob) -> str:
    """What the ingest request answers for a scan it left to the background worker."""
    return (f"⏳ Đang nhận dạng chữ (OCR) **{escape_markdown(job.name)}** trong nền: {job.pages_total} trang, "
            f"khoảng {duration_vi(job.pages_total * OCR_S_PER_PAGE)}. Tiến độ hiện ở dòng “Nhận dạng chữ (OCR)” "
            "bên dưới; tài liệu tra cứu được khi xong.")


def ocr_job_line(job: OcrJob, now: float | None = None) -> str:
    """One background OCR job as the library tab shows it: waiting, page n of N, indexing, done or failed (with
    the reason)."""
    name, done, total = f"**{escape_markdown(job.name)}**", job.pages_done, job.pages_total
    if job.state == "queued":
        return f"⏳ Chờ nhận dạng chữ (OCR) {name}: {total} trang (khoảng {duration_vi(total * OCR_S_PER_PAGE)})."
    if job.state == "ocr":
        spent = (now or time.time()) - (job.started or 0) if job.started else 0.0
        per_page = spent / done if done else OCR_S_PER_PAGE
        return (f"⏳ Đang nhận dạng chữ (OCR) {name}: trang {done}/{total} "
                f"(còn khoảng {duration_vi((total - done) * per_page)}).")
    if job.state == "indexing":
        return f"⏳ Đang lập chỉ mục {name}: đã nhận dạng chữ (OCR) {total}/{total} trang."
    seconds = duration_vi((job.finished or 0) - (job.started or 0))
    if job.state == "done":
        if job.outcome == "unchanged":
            return f"✅ {name} đã có trong thư viện, nội dung không đổi."
        return (f"✅ Đã nạp {name}: nhận dạng chữ (OCR) xong {total}/{total} trang, {job.chunks} đoạn văn bản, "
                f"{seconds}; đã có thể hỏi về tài liệu này.")
    where = f" (đã nhận dạng {done}/{total} trang)" if done else ""
    return f"❌ Không nạp được {name}: {job.reason_vi}{where}. Thư viện tài liệu không thay đổi."


def ocr_status_markdown(jobs: Iterable[OcrJob]) -> str:
    """The library tab's "Nhận dạng chữ (OCR)" lines, one per job ("" when there is none)."""
    lines = [ocr_job_line(job) for job in jobs]
    return "**Nhận dạng chữ (OCR):**\n\n" + "\n\n".join(lines) if lines else ""
