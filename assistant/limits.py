"""Limits on what a question may carry: its length and the earlier questions sent with it. Checked at the edge
(the app's chat, its ``ask`` and ``export`` APIs, the CLI) before anything is answered or cached.

>>> from common.settings import Settings
>>> check_question("Mục tiêu năm 2025?", [], Settings())
>>> check_question("x" * 2001, [], Settings())
Traceback (most recent call last):
...
common.errors.LimitError: question of 2001 characters, over the limit of 2000
"""

from __future__ import annotations

from collections.abc import Sequence

from common.errors import LimitError
from common.settings import Settings

TOO_LONG = "Câu hỏi dài {n} ký tự, vượt giới hạn {limit} ký tự. Vui lòng rút gọn câu hỏi."
HISTORY_TOO_LONG = ("Cuộc hội thoại đã có {n} câu hỏi, vượt giới hạn {limit} câu. Vui lòng bắt đầu cuộc hội thoại "
                    "mới.")
HISTORY_ITEM_TOO_LONG = "Một câu hỏi trước trong hội thoại dài {n} ký tự, vượt giới hạn {limit} ký tự."


def check_question(question: str, history: Sequence[str] | None, settings: Settings) -> None:
    """Raise :class:`LimitError` (with a Vietnamese message) when the question or its history is over the limits
    ``settings.max_question_chars`` and ``settings.max_history_turns``."""
    limit = settings.max_question_chars
    n = len(question or "")
    if n > limit:
        raise LimitError(f"question of {n} characters, over the limit of {limit}", TOO_LONG.format(n=n, limit=limit))
    history = list(history or [])
    if len(history) > settings.max_history_turns:
        raise LimitError(f"history of {len(history)} questions, over the limit of {settings.max_history_turns}",
                         HISTORY_TOO_LONG.format(n=len(history), limit=settings.max_history_turns))
    longest = max((len(h) if isinstance(h, str) else 0 for h in history), default=0)
    if longest > limit:
        raise LimitError(f"a history question of {longest} characters, over the limit of {limit}",
                         HISTORY_ITEM_TOO_LONG.format(n=longest, limit=limit))
