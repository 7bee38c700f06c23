"""The in-memory ``where`` evaluator against Chroma itself (the reference implementation)."""

from __future__ import annotations

import uuid

import chromadb
import pytest

from common.errors import StoreError
from vectorstore.chroma import chroma_settings
from vectorstore.filters import compile_where, matches, normalize_where

RECORDS = {
    "a": {"province": "Nam Định", "page": 1, "score": 0.5, "final": True},
    "b": {"province": "Bắc Ninh", "page": 2, "score": 2.0, "final": False},
    "c": {"province": "Nam Định", "page": 3},
    "d": {"doc_type": "tin tức", "page": 0, "score": 1},
    "e": {"province": "Hà Nội", "page": 2, "final": True, "score": 1.5},
}

WHERES = [
    {"province": "Nam Định"},
    {"province": {"$eq": "Bắc Ninh"}},
    {"province": {"$ne": "Nam Định"}},  # matches records without the field
    {"province": {"$in": ["Nam Định", "Hà Nội"]}},
    {"province": {"$nin": ["Nam Định"]}},
    {"page": 2},
    {"page": 2.0},  # numbers compare by value
    {"score": 1},
    {"page": {"$gt": 1}},
    {"page": {"$gte": 2}},
    {"page": {"$lt": 2}},
    {"score": {"$lte": 1.5}},
    {"final": True},
    {"final": {"$ne": True}},
    {"page": "2"},  # a string never equals a number
    {"page": {"$ne": "2"}},
    {"$and": [{"province": "Nam Định"}, {"page": {"$gte": 2}}]},
    {"$or": [{"province": "Bắc Ninh"}, {"doc_type": "tin tức"}]},
    {"$or": [{"$and": [{"province": "Nam Định"}, {"page": 1}]}, {"final": False}]},
    {"province": "Nam Định", "page": 3},  # several fields: normalised to $and
    {"$and": [{"page": {"$in": [1, 2]}}]},  # one-element $and: normalised away
]


@pytest.fixture(scope="module")
def collection():
    client = chromadb.EphemeralClient(settings=chroma_settings())
    col = client.create_collection(f"filters-{uuid.uuid4().hex[:8]}", embedding_function=None)
    col.add(ids=list(RECORDS), embeddings=[[1.0, 0.0]] * len(RECORDS), metadatas=list(RECORDS.values()))
    return col


@pytest.mark.parametrize("where", WHERES, ids=[str(w) for w in WHERES])
def test_evaluator_agrees_with_chroma(collection, where) -> None:
    reference = set(collection.get(where=normalize_where(where))["ids"])
    pred = compile_where(where)
    assert {rid for rid, meta in RECORDS.items() if pred(meta)} == reference


@pytest.mark.parametrize(
    "where, message",
    [
        ({"page": {"$in": []}}, "non-empty list"),
        ({"page": {"$in": [1, 2.0]}}, "same type"),
        ({"province": {"$gt": "A"}}, "int or a float"),
        ({"page": {"$gt": True}}, "int or a float"),
        ({"page": {"$eq": 1, "$ne": 2}}, "exactly one operator"),
        ({"province": {"$like": "Nam"}}, r"\$like"),
        ({"$and": []}, "non-empty list"),
        ({"$not": [{"page": 1}]}, r"\$not"),
        ({"page": [1, 2]}, r"\[1, 2\]"),
        ({"page": None}, "None"),
    ],
)
def test_invalid_filters_name_the_bad_part(where, message) -> None:
    with pytest.raises(StoreError, match=message):
        normalize_where(where)


def test_no_filter() -> None:
    assert normalize_where(None) is None and normalize_where({}) is None
    assert matches(None, {}) and matches({}, {"a": 1})


def test_normalised_form_is_what_chroma_requires() -> None:
    assert normalize_where({"a": 1, "b": {"$ne": "x"}}) == {"$and": [{"a": {"$eq": 1}}, {"b": {"$ne": "x"}}]}
    assert normalize_where({"$or": [{"a": 1}]}) == {"a": {"$eq": 1}}
