"""The app's admin box: login attempts limited per client and overall with a growing delay, sessions that
expire, and an audit log of every admin action. No web framework here: ``app.py`` passes the client address and
session id in.

>>> guard = LoginGuard(clock=lambda: 0.0)
>>> [guard.failed("1.2.3.4") for _ in range(3)][-1], guard.wait_s("1.2.3.4")
(0.0, 0.0)
>>> guard.failed("1.2.3.4"), guard.wait_s("1.2.3.4"), guard.wait_s("5.6.7.8")
(2.0, 2.0, 0.0)

A refused attempt is recorded and answered at once (no sleeping in the server): the caller shows
:func:`locked_message` while :meth:`LoginGuard.wait_s` is above zero.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LOCKED = "Đăng nhập sai quá nhiều lần. Thử lại sau {n} giây."
EXPIRED = "Phiên quản trị đã hết hạn; hãy đăng nhập lại."


def locked_message(wait_s: float) -> str:
    return LOCKED.format(n=max(1, math.ceil(wait_s)))


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0
    last: float = 0.0


@dataclass
class LoginGuard:
    """Failed logins per client and overall. After ``free_per_client`` failures a client waits ``base_delay_s``,
    doubling with each further failure up to ``max_delay_s``; after ``free_overall`` failures within
    ``overall_window_s`` (from any clients) everyone waits the same way. A success clears its client's count;
    a client's count is forgotten after ``max_delay_s`` without failures."""

    free_per_client: int = 3
    free_overall: int = 20
    base_delay_s: float = 2.0
    max_delay_s: float = 900.0
    overall_window_s: float = 900.0
    max_clients: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _clients: OrderedDict[str, _Failures] = field(default_factory=OrderedDict, init=False, repr=False)
    _overall: list[float] = field(default_factory=list, init=False, repr=False)
    _overall_until: float = field(default=0.0, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _delay(self, excess: int) -> float:
        return 0.0 if excess <= 0 else min(self.max_delay_s, self.base_delay_s * 2 ** (excess - 1))

    def wait_s(self, client: str) -> float:
        """Seconds ``client`` must wait before its next attempt (0: it may try now)."""
        now = self.clock()
        with self._lock:
            mine = self._clients.get(client)
            until = max(self._overall_until, mine.locked_until if mine else 0.0)
        return max(0.0, until - now)

    def failed(self, client: str) -> float:
        """Record a failed attempt; returns the seconds the client must now wait."""
        now = self.clock()
        with self._lock:
            mine = self._clients.pop(client, None) or _Failures()
            if now - mine.last > self.max_delay_s:
                mine = _Failures()
            mine.count += 1
            mine.last = now
            mine.locked_until = now + self._delay(mine.count - self.free_per_client)
            self._clients[client] = mine
            while len(self._clients) > self.max_clients:
                self._clients.popitem(last=False)
            self._overall = [t for t in self._overall if now - t < self.overall_window_s] + [now]
            delay = self._delay(len(self._overall) - self.free_overall)
            if delay:
                self._overall_until = max(self._overall_until, now + delay)
            until = max(self._overall_until, mine.locked_until)
        return max(0.0, until - now)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)


@dataclass(frozen=True)
class AdminSession:
    """What the page keeps after a login: who logged in and until when (wall-clock seconds)."""

    session: str
    client: str
    until: float

    def valid(self, now: float | None = None) -> bool:
        return (time.time() if now is None else now) < self.until


def start_session(client: str, session: str, minutes: float, now: float | None = None) -> AdminSession:
    return AdminSession(session, client, (time.time() if now is None else now) + minutes * 60)


class AuditLog:
    """Admin actions as JSON lines: ``{"time", "client", "session", "action", "outcome", ...details}``.

    >>> import tempfile
    >>> audit = AuditLog(Path(tempfile.mkdtemp()) / "admin-audit.jsonl")
    >>> audit.write("login", "failed", client="1.2.3.4", session="abc")
    >>> audit.read()[0]["outcome"]
    'failed'
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(self, action: str, outcome: str, *, client: str = "", session: str = "", **details: Any) -> None:
        record = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "client": client, "session": session,
                  "action": action, "outcome": outcome, **details}
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(line)
        except OSError:  # an unwritable log never stops the action; the process log keeps it
            log.exception("audit log not written: %s", line.strip())
        log.info("admin %s %s by %s", action, outcome, client or session)

    def read(self) -> list[dict[str, Any]]:
        if not self.path.is_file():
            return []
        return [json.loads(x) for x in self.path.read_text(encoding="utf-8").splitlines() if x.strip()]
