"""One rule for every cell the project writes to a spreadsheet file (CSV, XLSX, the feedback export): a text cell
that a spreadsheet program could run as a formula is neutralised with a leading ``'``; numbers stay numbers.

A text cell is neutralised when its first character, or its first character after leading spaces and line
breaks, is one of ``= + - @``, a tab or a carriage return (the OWASP "CSV injection" guidance; Excel and
LibreOffice also accept a formula after leading blanks). Real ``int``/``float``/``Decimal`` values (booleans, dates)
are written as they are, so a target's 12.5 stays a number a spreadsheet can sum; a *string* "-5" is text from a
document or a user and is neutralised like any other.

>>> neutralise("=1+2")
"'=1+2"
>>> neutralise("-1+1"), neutralise("  @SUM(1+1)"), neutralise("\\t=1")
("'-1+1", "'  @SUM(1+1)", "'\\t=1")
>>> neutralise(-5), neutralise(12.5), neutralise("khoảng 12,5%/năm"), neutralise(None)
(-5, 12.5, 'khoảng 12,5%/năm', '')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BLANKS = " \n\u00a0"


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program might read ``text`` as a formula (or a DDE command)."""
    return text.startswith(FORMULA_START) or text.lstrip(_BLANKS).startswith(FORMULA_START)


def neutralise(value: Any) -> Any:
    """The value to write into a cell: numbers unchanged, ``None`` as an empty cell, text prefixed with ``'``
    when it could run as a formula; anything else as its text."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, Decimal, date, time)):
        return value
    text = value if isinstance(value, str) else str(value)
    return "'" + text if is_formula_like(text) else text


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]
