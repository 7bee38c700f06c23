"""HTML: main content with trafilatura (menus and footers dropped); a block-level fallback keeps every line."""

from __future__ import annotations

import re

import lxml.html
import trafilatura

from ingest.loaders.text import decode_text
from ingest.types import LoadedSource, Page

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article", "table",
           "ul", "ol", "blockquote", "pre", "dd", "dt", "td", "th"}


def _block_text(html: str) -> str:
    root = lxml.html.fromstring(html)
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    body = root.find("body")
    node = body if body is not None else root
    parts: list[str] = []

    def walk(el) -> None:  # noqa: ANN001 - lxml element
        if not isinstance(el.tag, str):  # a comment or processing instruction: only its tail is page text
            if el.tail:
                parts.append(el.tail)
            return
        tag = el.tag
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and tag not in _DROP:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in ("td", "th"):
            parts.append(" | ")
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(node)
    return "".join(parts)


def _title(html: str) -> str | None:
    try:
        titles = lxml.html.fromstring(html).xpath("//title/text()|//h1//text()")
    except Exception:  # noqa: BLE001 - a page without a parseable head simply has no title hint
        return None
    titles = [t.strip() for t in titles if t.strip()]
    return titles[-1] if titles else None


def load_html(data: bytes, source: str) -> LoadedSource:
    html = decode_text(data)
    extracted = trafilatura.extract(
        html, output_format="txt", include_tables=True, include_comments=False, favor_recall=True,
        include_formatting=False, deduplicate=False,
    )
    fallback = _block_text(html)
    text = extracted or ""
    # trafilatura can drop headings or short pages; keep the fuller text when it lost much of the content.
    if len(text.split()) < 0.6 * len(fallback.split()):
        text = fallback
    return LoadedSource(source=source, pages=[Page(text)], media_type="html", title_hint=_title(html),
                        date_hint=_published(html))


def _published(html: str) -> str | None:
    """The page's publication date (meta tags, or a visible dateline) as ISO yyyy-mm-dd, if it states one."""
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is a hint; the text date rules still apply without it
        return None
    date = getattr(meta, "date", None) if meta is not None else None
    return date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None
