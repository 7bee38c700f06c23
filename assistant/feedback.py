"""Thumbs up / down on answers, kept in one SQLite file beside the index, exportable to CSV.

Safe to share between the threads of a web app: every call opens its own connection, writes are serialised
by a lock (and by SQLite's busy timeout across processes), and the database runs in WAL mode so readers never
wait for a writer. The schema is created on first use.

>>> import tempfile
>>> from assistant.types import Answer
>>> store = FeedbackStore(Path(tempfile.mkdtemp()) / "feedback.sqlite3")
>>> answer = Answer("Mục tiêu năm 2025?", "Không tìm thấy thông tin.", False, [], [], {})
>>> store.record("Mục tiêu năm 2025?", answer, "down", comment="Thiếu số liệu")
1
>>> store.count(), store.list()[0].comment
(1, 'Thiếu số liệu')
>>> store.to_csv().splitlines()[0]
'id,created_at,rating,question,answer,found,comment,history,citations'
"""

from __future__ import annotations

import builtins
import csv
import io
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.types import Answer
from common.errors import PlanAssistantError
from common.settings import Settings
from common.spreadsheet import neutralise_row

RATINGS = ("up", "down")
COLUMNS = ("id", "created_at", "rating", "question", "answer", "found", "comment", "history", "citations")
FILENAME = "feedback.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    found INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    history TEXT NOT NULL DEFAULT '[]',
    citations TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS feedback_created_at ON feedback (created_at);
"""


class FeedbackError(PlanAssistantError, ValueError):
    """Feedback that cannot be stored as given (a rating other than "up"/"down", a non-text comment, ...)."""

    vi = "Phản hồi không hợp lệ."


@dataclass(frozen=True)
class FeedbackRecord:
    """One stored rating. ``citations`` holds, per citation: n, title, section_path, page, source, doc_id, quotes."""

    id: int
    created_at: str
    rating: str
    question: str
    answer: str
    found: bool
    comment: str
    history: tuple[str, ...]
    citations: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "rating": self.rating, "question": self.question,
                "answer": self.answer, "found": self.found, "comment": self.comment,
                "history": list(self.history), "citations": [dict(c) for c in self.citations]}


def citations_json(answer: Answer) -> list[dict[str, Any]]:
    """What feedback keeps of each citation: enough to find the passage again, and the quoted sentences."""
    out = []
    for c in answer.citations:
        p = c.passage
        out.append({"n": c.n, "title": p.title, "section_path": p.section_path, "page": p.page,
                    "source": p.source, "doc_id": p.doc_id, "quotes": list(c.quotes)})
    return out


class FeedbackStore:
    """Ratings of answers in a SQLite file (``FeedbackStore.in_data_dir(settings)`` puts it in the data directory).

    >>> import tempfile
    >>> FeedbackStore(Path(tempfile.mkdtemp()) / "f.sqlite3").count()
    0
    """

    def __init__(self, path: str | Path, *, timeout_s: float = 30.0):
        self.path = Path(path)
        self.timeout_s = timeout_s
        self._create_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._ready = False

    @classmethod
    def in_data_dir(cls, settings: Settings) -> FeedbackStore:
        return cls(Path(settings.data_dir) / FILENAME)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection for this call, committed on success, rolled back on error, always closed."""
        if not self._ready:
            with self._create_lock:
                if not self._ready:
                    self._create()
        conn = sqlite3.connect(self.path, timeout=self.timeout_s)
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            with conn:
                yield conn
        finally:
            conn.close()

    def _create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.timeout_s)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(SCHEMA)
            conn.commit()
        finally:
            conn.close()
        self._ready = True

    def record(self, question: str, answer: Answer, rating: str, comment: str = "",
               history: Sequence[str] | None = None) -> int:
        """Store one rating ("up" or "down") of ``answer``; returns the new row's id.

        ``history`` is the conversation's earlier questions, oldest first. Raises :class:`FeedbackError` for
        a bad rating, comment or history.
        """
        value = rating.strip().lower() if isinstance(rating, str) else rating
        if value not in RATINGS:
            raise FeedbackError(f"rating must be 'up' or 'down', got {rating!r}")
        if not isinstance(comment, str):
            raise FeedbackError(f"comment must be text, got {type(comment).__name__}: {comment!r}")
        if history is not None and not (isinstance(history, (builtins.list, tuple))
                                        and all(isinstance(h, str) for h in history)):
            raise FeedbackError(f"history must be a list of questions (text), got {history!r}")
        row = (datetime.now(UTC).isoformat(timespec="seconds"), value, question or answer.question,
               answer.text, int(bool(answer.found)), comment.strip(),
               json.dumps(list(history or ()), ensure_ascii=False),
               json.dumps(citations_json(answer), ensure_ascii=False))
        with self._write_lock, self._connect() as conn:
            cur = conn.execute("INSERT INTO feedback (created_at, rating, question, answer, found, comment, "
                               "history, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)

    def count(self, rating: str | None = None) -> int:
        """How many ratings are stored (of one kind, if ``rating`` is given)."""
        with self._connect() as conn:
            if rating is None:
                return conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
            return conn.execute("SELECT COUNT(*) FROM feedback WHERE rating = ?", (rating,)).fetchone()[0]

    def to_csv(self, excel: bool = False) -> str:
        """Every rating, oldest first, as CSV text with English column names; history and citations as JSON.

        ``excel=True`` is for opening in a spreadsheet: a UTF-8 byte-order mark first (so Vietnamese shows
        right) and a ``'`` before any cell a spreadsheet would run as a formula (:mod:`common.spreadsheet`).
        Write the text with ``encoding="utf-8", newline=""``.
        """
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for record in reversed(self.list(limit=None)):
            row = [record.id, record.created_at, record.rating, record.question, record.answer,
                   int(record.found), record.comment, json.dumps(list(record.history), ensure_ascii=False),
                   json.dumps(list(record.citations), ensure_ascii=False)]
            writer.writerow(neutralise_row(row) if excel else row)
        return ("\ufeff" if excel else "") + out.getvalue()

    # Last: inside the class body the name ``list`` means this method from here on.
    def list(self, limit: int | None = 100, offset: int = 0) -> builtins.list[FeedbackRecord]:
        """The most recent ratings first; ``limit=None`` for all of them."""
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            raise FeedbackError(f"limit must be a non-negative integer or None, got {limit!r}")
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id DESC LIMIT ? OFFSET ?",
                                (-1 if limit is None else limit, max(0, offset))).fetchall()
        return [FeedbackRecord(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], tuple(json.loads(r[7])),
                               tuple(json.loads(r[8]))) for r in rows]
