"""Which documents a ``where`` filter selects, decided from the registry in memory when it can be.

At a million chunks a filtered dense search spends nearly all its time in Chroma's metadata filter (SQLite:
0.3-0.5 s for one province with warm pages, seconds with cold ones) while the unfiltered HNSW query takes
milliseconds. A filter on document-level fields (province, document number, type, ``doc_id``) is decided here
over the registry instead, and the store then searches only the selected documents' chunks.

Each registry record lists its *document-level keys*: the keys of the record whose value every chunk of that
version carries unchanged (same type, same value), written by the store when it commits the version. A filter
is decided here only if every field it names is document-level for every document considered (``doc_id``
always is); otherwise :meth:`DocSelector.select` returns None and the caller lets Chroma filter.

>>> reg = {"a": StoredDoc("a", "h", "a.txt", "", 3, {"province": "Nam Định", DOC_LEVEL_KEYS: '["province"]'}),
...        "b": StoredDoc("b", "k", "b.txt", "", 5, {"province": "Bắc Ninh", DOC_LEVEL_KEYS: '["province"]'})}
>>> selection = DocSelector(reg).select({"province": {"$in": ["Nam Định"]}})
>>> sorted(selection.doc_ids), selection.chunks
(['a'], 3)
>>> DocSelector(reg).select({"section_kind": {"$eq": "signature"}}) is None  # a chunk-level field: Chroma decides
True
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vectorstore.filters import Where, compile_where
from vectorstore.registry import DOC_LEVEL_KEYS, StoredDoc

SELECTIONS_KEPT = 256  # decided filters kept per registry version (a province, a document number...)
_ID = "doc_id"
_ABSENT = ("absent",)
# Documents by their (type, value) pairs of some fields: 1, 1.0 and True are different values for a filter.
Groups = dict[tuple[tuple[type, Any], ...], list[str]]


def doc_level_keys(record: Mapping[str, Any], chunk_metadatas: Sequence[Mapping[str, Any]]) -> str:
    """The registry field :data:`DOC_LEVEL_KEYS` for a version: the keys of ``record`` whose value (same type,
    same value) every chunk's metadata carries, as a sorted JSON list.

    >>> doc_level_keys({"province": "Huế", "title": "KH"}, [{"province": "Huế", "title": "KH"}, {"province": "Huế"}])
    '["province"]'
    """
    keys = [key for key, value in record.items() if key != DOC_LEVEL_KEYS
            and all(type(m.get(key)) is type(value) and m.get(key) == value for m in chunk_metadatas)]
    return json.dumps(sorted(keys), ensure_ascii=False)


def where_fields(where: Where) -> frozenset[str]:
    """The field names a normalised ``where`` filter tests.

    >>> sorted(where_fields({"$and": [{"province": {"$eq": "Huế"}}, {"$or": [{"year": {"$gte": 2024}}]}]}))
    ['province', 'year']
    """
    ((key, value),) = where.items()
    if key in ("$and", "$or"):
        return frozenset().union(*(where_fields(part) for part in value))
    return frozenset((key,))


def _named_ids(where: Where) -> set[str] | None:
    """The doc_ids a normalised filter is restricted to by a top-level ``doc_id`` ``$eq``/``$in`` (None: any)."""
    ((key, value),) = where.items()
    parts = value if key == "$and" else [where]
    named: set[str] | None = None
    for part in parts:
        ((field, condition),) = part.items()
        if field != _ID:
            continue
        ((op, operand),) = condition.items()
        if op in ("$eq", "$in"):
            ids = {v for v in (operand if op == "$in" else [operand]) if isinstance(v, str)}
            named = ids if named is None else named & ids
    return named


@dataclass(frozen=True)
class Selection:
    """The documents a filter selects: their ids and how many chunks their current versions have."""

    doc_ids: frozenset[str]
    chunks: int


class DocSelector:
    """Decides filters over one registry version (build a new one when the registry changes); thread-safe."""

    def __init__(self, registry: Mapping[str, StoredDoc]):
        self.registry = registry
        self.chunks = sum(doc.n_chunks for doc in registry.values())
        interned: dict[str, frozenset[str]] = {}
        self._levels = {doc_id: self._level_of(doc, interned) for doc_id, doc in registry.items()}
        self._groups: dict[tuple[str, ...], Groups | None] = {}
        self._selections: OrderedDict[str, Selection | None] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _level_of(doc: StoredDoc, interned: dict[str, frozenset[str]]) -> frozenset[str]:
        raw = doc.metadata.get(DOC_LEVEL_KEYS)
        if not isinstance(raw, str):  # written before the store recorded it: nothing is known document-level
            return frozenset((_ID,))
        if raw not in interned:
            try:
                keys = json.loads(raw)
            except ValueError:
                keys = []
            interned[raw] = frozenset(k for k in keys if isinstance(k, str)) | {_ID}
        return interned[raw]

    def select(self, where: Where) -> Selection | None:
        """The documents whose chunks match the normalised filter ``where``; None if the registry cannot tell
        (a field that is not document-level for some document)."""
        key = json.dumps(where, sort_keys=True, ensure_ascii=False)
        with self._lock:
            if key in self._selections:
                self._selections.move_to_end(key)
                return self._selections[key]
        selection = self._select(where)
        with self._lock:
            self._selections[key] = selection
            while len(self._selections) > SELECTIONS_KEPT:
                self._selections.popitem(last=False)
        return selection

    def _select(self, where: Where) -> Selection | None:
        fields = tuple(sorted(where_fields(where)))
        named = _named_ids(where)
        if named is not None:  # a few named documents: test them alone
            groups = self._grouped(fields, [d for d in named if d in self.registry])
        else:
            groups = self._groups_by(fields)
        if groups is None:
            return None
        predicate = compile_where(where)
        chosen: set[str] = set()
        for typed, doc_ids in groups.items():
            if predicate({f: v for f, (_, v) in zip(fields, typed) if v is not _ABSENT}):
                chosen.update(doc_ids)
        return Selection(frozenset(chosen), sum(self.registry[d].n_chunks for d in chosen))

    def _groups_by(self, fields: tuple[str, ...]) -> Groups | None:
        """The documents grouped by their values of ``fields`` (computed once per set of fields), or None if a
        field is not document-level for some document."""
        with self._lock:
            if fields in self._groups:
                return self._groups[fields]
        groups = self._grouped(fields, self.registry)
        with self._lock:
            self._groups[fields] = groups
        return groups

    def _grouped(self, fields: tuple[str, ...], doc_ids: Iterable[str]) -> Groups | None:
        wanted = set(fields)
        groups: Groups = {}
        for doc_id in doc_ids:
            if not wanted <= self._levels[doc_id]:
                return None
            meta = self.registry[doc_id].metadata
            values = tuple(doc_id if f == _ID else meta.get(f, _ABSENT) for f in fields)
            groups.setdefault(tuple((type(v), v) for v in values), []).append(doc_id)
        return groups
