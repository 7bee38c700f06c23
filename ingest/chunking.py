"""Cut sections into chunks that never cross a section boundary and end at item or sentence boundaries.

Each chunk is an exact span of the cleaned document text, so a citation shows the document's own words.

>>> from ingest.types import Section
>>> spans = chunk_spans(Section(("I. MỤC TIÊU",), "I. MỤC TIÊU\\n- Một.\\n- Hai.", 0, 25), max_chars=20)
>>> [(a, b) for a, b in spans]
[(0, 18), (19, 25)]
"""

from __future__ import annotations

import re

from common.text import UPPER
from ingest.types import Section

# A chunk's soft upper bound, in characters. A passage should hold a whole short item (a news lead and its body, a
# target with its figures) while the embedding model still reads it in one window: multilingual-e5 reads 512
# tokens, and 1,400 characters of Vietnamese are about 200-500 of its tokens, which leaves room for the context
# line embedded with each chunk. Measured in bench/README.md ("Eleventh session": 900, 1,100, 1,400 and 1,800).
CHUNK_CHARS = 1400

# Break points inside a section: line ends first, then sentence ends, then clause ends.
_LINE = re.compile(r"\n+")
_SENTENCE = re.compile(rf"(?<=[.!?…;:])\s+(?=[\"“(]?[{UPPER}0-9\-+•])")
_CLAUSE = re.compile(r"(?<=[,;])\s+")


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _units(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Spans no longer than ``max_chars`` where possible, split at the coarsest boundary that suffices."""
    out: list[tuple[int, int]] = []
    for a, b in _split(text, start, end, _LINE):
        if b - a <= max_chars:
            out.append((a, b))
            continue
        for c, d in _split(text, a, b, _SENTENCE):
            if d - c <= max_chars:
                out.append((c, d))
            else:
                out.extend(_split(text, c, d, _CLAUSE))
    return out


def chunk_spans(section: Section, max_chars: int = CHUNK_CHARS, text: str | None = None) -> list[tuple[int, int]]:
    """Spans (into the document text, or into ``section.text`` when ``text`` is None) packing whole units
    up to ``max_chars``; a unit longer than that stands alone."""
    if text is None:
        text, offset = section.text, 0
    else:
        offset = section.char_start
    start, end = offset, offset + len(section.text)
    spans: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in _units(text, start, end, max_chars):
        if cur and b - cur[0] <= max_chars:
            cur = (cur[0], b)
        else:
            if cur:
                spans.append(cur)
            cur = (a, b)
    if cur:
        spans.append(cur)
    # A tiny tail (a closing line) reads better with the chunk before it, if that stays within bounds.
    if len(spans) > 1 and spans[-1][1] - spans[-1][0] < max_chars // 8 and spans[-1][1] - spans[-2][0] <= max_chars * 1.15:
        spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return spans
