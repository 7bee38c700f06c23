"""Split gold questions by document into a half that weights are tuned on and a half that is only measured.

A document belongs to one half by a hash of its file name (stable, independent of the order of files). A
question goes to the untouched half ("holdout") only if every document its evidence quotes is there; questions
with evidence in the tuned half, or in both, are tuned on ("tune"), so the untouched half never shares a document
with what the weights saw. Questions without evidence (unanswerable ones) are split by a hash of their id.

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
    return "holdout" if all(half_of(d) == "holdout" for d in docs) else "tune"
