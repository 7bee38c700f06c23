"""Split gold questions by document into a half that weights are tuned on and a half that is only measured.

A document belongs to one half by a hash of its file name (stable, independent of the order of files). A
question is tuned on ("tune") only if every document its evidence quotes is in the tuned half; a question quoting
any document of the untouched half is only measured ("holdout"), so nothing the weights were fitted on quotes an
untouched document. Questions without evidence (unanswerable ones) are split by a hash of their id.

>>> split_of({"id": "x", "evidence": [{"doc": "a.txt", "quote": "..."}]}) in ("tune", "holdout")
True
"""

from __future__ import annotations

import hashlib
from typing import Any


def half_of(name: str) -> str:
    return "holdout" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 else "tune"


def split_of(question: dict[str, Any]) -> str:
    docs = {ev["doc"] for ev in question.get("evidence", [])}
    if not docs:
        return half_of(f"question:{question.get('id', '')}")
    return "tune" if all(half_of(d) == "tune" for d in docs) else "holdout"
