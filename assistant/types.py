"""The answer and its parts: the one type the CLI, the UI, the API and the evaluation all consume."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk: the document's own text and where it comes from."""

    rank: int
    chunk_id: str
    doc_id: str
    source: str
    title: str
    section_path: str
    page: int | None
    text: str
    score: float
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "source": self.source, "title": self.title, "section_path": self.section_path,
                "page": self.page, "text": self.text, "score": round(self.score, 6)}


@dataclass(frozen=True)
class Citation:
    """Marker ``[n]`` in the answer text points to this passage; ``quotes`` are the sentences used from it."""

    n: int
    passage: Passage
    quotes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        p = self.passage
        return {"n": self.n, "doc_id": p.doc_id, "source": p.source, "title": p.title,
                "section_path": p.section_path, "page": p.page, "text": p.text, "score": round(p.score, 6),
                "quotes": list(self.quotes), "province": p.metadata.get("province", ""),
                "doc_number": p.metadata.get("doc_number", "")}


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    found: bool
    citations: list[Citation]
    passages: list[Passage]
    timings_ms: dict[str, float]
    standalone_question: str = ""
    mode: str = "extractive"
    checks: dict[str, Any] = field(default_factory=dict, compare=False)
    evidence_score: float | None = None  # the fitted gate's score of the best answer unit; None: no gate applied

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.text, "found": self.found,
                "standalone_question": self.standalone_question or self.question,
                "citations": [c.to_json() for c in self.citations],
                "passages": [p.to_json() for p in self.passages],
                "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
                "mode": self.mode, "verification": self.checks,
                "evidence_score": None if self.evidence_score is None else round(self.evidence_score, 4)}


def as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
