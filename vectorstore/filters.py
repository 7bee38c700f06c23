"""Chroma-style ``where`` filters: validation, normalisation and an in-memory evaluator.

The same filter is passed to Chroma for dense search and evaluated here for lexical search, so both
must agree. The semantics follow Chroma 1.x (checked against it in the tests):

- ``{"field": value}`` is ``{"field": {"$eq": value}}``; a dict with several fields is their ``$and``.
- ``$eq``/``$in`` need the field present with an equal value; numbers compare by value (``1 == 1.0``),
  booleans only equal booleans, strings only strings.
- ``$ne``/``$nin`` also match records that lack the field.
- ``$gt``/``$gte``/``$lt``/``$lte`` take a number and match only numeric fields.
- ``{"$and": [...]}``, ``{"$or": [...]}`` combine filters.

>>> pred = compile_where({"province": "Nam Định", "page": {"$gte": 2}})
>>> pred({"province": "Nam Định", "page": 3}), pred({"province": "Bắc Ninh", "page": 3})
(True, False)
>>> normalize_where({"province": "Nam Định", "page": {"$gte": 2}})
{'$and': [{'province': {'$eq': 'Nam Định'}}, {'page': {'$gte': 2}}]}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from common.errors import StoreError

Where = dict[str, Any]
Predicate = Callable[[Mapping[str, Any]], bool]

_LOGICAL = ("$and", "$or")
_COMPARE = ("$gt", "$gte", "$lt", "$lte")
_OPERATORS = ("$eq", "$ne", "$in", "$nin", *_COMPARE)
_SCALARS = (str, int, float, bool)


def _fail(where: Any, reason: str) -> StoreError:
    return StoreError(f"invalid where filter {where!r}: {reason}")


def _check_scalar(where: Any, value: Any) -> None:
    if not isinstance(value, _SCALARS):
        raise _fail(where, f"value {value!r} is not a str, int, float or bool")


def _normalize_field(field: str, condition: Any, where: Any) -> Where:
    if not isinstance(field, str) or not field or field.startswith("$"):
        raise _fail(where, f"unknown operator or bad field name {field!r}")
    if not isinstance(condition, Mapping):
        _check_scalar(where, condition)
        return {field: {"$eq": condition}}
    if len(condition) != 1:
        raise _fail(where, f"expected exactly one operator for {field!r}, got {dict(condition)!r}")
    ((op, value),) = condition.items()
    if op not in _OPERATORS:
        raise _fail(where, f"unsupported operator {op!r} (supported: {', '.join(_OPERATORS)})")
    if op in ("$in", "$nin"):
        if not isinstance(value, (list, tuple)) or not value:
            raise _fail(where, f"{op} needs a non-empty list, got {value!r}")
        for v in value:
            _check_scalar(where, v)
        if len({type(v) for v in value}) != 1:
            raise _fail(where, f"{op} values must all have the same type, got {value!r}")
        return {field: {op: list(value)}}
    if op in _COMPARE and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise _fail(where, f"{op} needs an int or a float, got {value!r}")
    _check_scalar(where, value)
    return {field: {op: value}}


def _normalize(where: Any, root: Any) -> Where:
    if not isinstance(where, Mapping) or not where:
        raise _fail(root, f"expected a non-empty dict, got {where!r}")
    if len(where) > 1:
        return {"$and": [_normalize({k: v}, root) for k, v in where.items()]}
    ((key, value),) = where.items()
    if key in _LOGICAL:
        if not isinstance(value, (list, tuple)) or not value:
            raise _fail(root, f"{key} needs a non-empty list of filters, got {value!r}")
        parts = [_normalize(part, root) for part in value]
        return parts[0] if len(parts) == 1 else {key: parts}
    return _normalize_field(key, value, root)


def normalize_where(where: Mapping[str, Any] | None) -> Where | None:
    """Validate ``where`` and return the explicit form Chroma accepts (``None`` for no filter).

    Accepts a little more than Chroma (several fields in one dict, one-element ``$and``/``$or``) and
    returns what Chroma requires. Raises :class:`StoreError` naming the bad part.
    """
    if where is None or (isinstance(where, Mapping) and not where):
        return None
    return _normalize(where, where)


def _same_kind(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool)
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str)
    return isinstance(a, (int, float)) and isinstance(b, (int, float))


_MISSING = object()


def _equal(actual: Any, expected: Any) -> bool:
    return actual is not _MISSING and _same_kind(actual, expected) and actual == expected


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _field_predicate(field: str, op: str, value: Any) -> Predicate:
    if op == "$eq":
        return lambda m: _equal(m.get(field, _MISSING), value)
    if op == "$ne":
        return lambda m: not _equal(m.get(field, _MISSING), value)
    if op == "$in":
        return lambda m: any(_equal(m.get(field, _MISSING), v) for v in value)
    if op == "$nin":
        return lambda m: not any(_equal(m.get(field, _MISSING), v) for v in value)
    compare: Callable[[Any], bool] = {
        "$gt": lambda a: a > value,
        "$gte": lambda a: a >= value,
        "$lt": lambda a: a < value,
        "$lte": lambda a: a <= value,
    }[op]
    return lambda m: _is_number(a := m.get(field, _MISSING)) and compare(a)


def _compile(where: Where) -> Predicate:
    ((key, value),) = where.items()
    if key in _LOGICAL:
        parts = [_compile(part) for part in value]
        if key == "$and":
            return lambda m: all(p(m) for p in parts)
        return lambda m: any(p(m) for p in parts)
    ((op, operand),) = value.items()
    return _field_predicate(key, op, operand)


def compile_where(where: Mapping[str, Any] | None) -> Predicate:
    """A function ``metadata -> bool`` with Chroma's semantics; ``None`` matches everything."""
    normalized = normalize_where(where)
    if normalized is None:
        return lambda m: True
    return _compile(normalized)


def matches(where: Mapping[str, Any] | None, metadata: Mapping[str, Any]) -> bool:
    """Whether one record's metadata passes ``where`` (compile once with :func:`compile_where` for many)."""
    return compile_where(where)(metadata)
