"""Undo the line wrapping of PDF text: join a line to the next when the sentence runs on.

Headings, list items, upper-case header lines and short lines (titles, names) keep their own line.

>>> reflow("Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế\\nhoạch tổng thể;\\nI. MỤC TIÊU")
'Căn cứ Quyết định số 36/QĐ-TTg của Thủ tướng Chính phủ ban hành Kế hoạch tổng thể;\\nI. MỤC TIÊU'
"""

from __future__ import annotations

import re
import statistics

from ingest.structure import heading_rank

_ITEM = re.compile(r"^(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s")
_ENDS_SENTENCE = re.compile(r"[.:;!?…]$|/\.$")


def _is_block_start(line: str) -> bool:
    return bool(heading_rank(line) is not None or _ITEM.match(line) or line.isupper()
                or line.startswith(("Số:", "Nơi nhận", "Căn cứ", "TM.", "KT.")))


def reflow(text: str) -> str:
    lines = text.split("\n")
    lengths = [len(ln.strip()) for ln in lines if len(ln.strip()) > 20]
    full = 0.7 * statistics.median(lengths) if len(lengths) >= 3 else 60
    out: list[str] = []
    for line in lines:
        line = line.strip()
        prev = out[-1] if out else ""
        runs_on = len(prev) >= full and not _ENDS_SENTENCE.search(prev)
        continues = line[:1].islower()  # a sentence goes on after a line break ("...;\nnâng cao ...")
        if prev and line and not prev.isupper() and not _is_block_start(line) and (runs_on or continues):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)
