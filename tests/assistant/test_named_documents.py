"""Questions that name a document by number, resolved against the library: held → answered from it; not held →
``found: false``, saying the library does not hold it (over the ingested shared corpus and samples)."""

from __future__ import annotations

import pytest

from assistant.named_documents import NamedDocuments, mentions, number_key


@pytest.mark.parametrize("a,b", [
    ("36/QĐ-TTg", "36/QD-TTG"), ("285/KH-UBND", "285 / KH - UBND"), ("20/2021/NQ-HĐND", "20/2021/nq-hdnd"),
])
def test_number_keys_ignore_case_spaces_and_diacritics(a, b):
    assert number_key(a) == number_key(b)


@pytest.mark.parametrize("text,number,expected", [
    ("theo Quyết định số 36/QĐ-TTg ngày 11/01/2021", "36/QĐ-TTg", True),
    ("theo Quyết định số 136/QĐ-TTg", "36/QĐ-TTg", False),
    ("Quyết định 36/QĐ-TTgX", "36/QĐ-TTg", False),
    ("Kế hoạch 285 / KH-UBND của tỉnh", "285/KH-UBND", True),
    ("ke hoach 285/kh-ubnd", "285/KH-UBND", True),
])
def test_mentions_a_number_only_whole(text, number, expected):
    assert mentions(text, number) is expected


def test_resolve_splits_held_and_absent_numbers():
    named = NamedDocuments.resolve(["285/KH-UBND", "202/2025/QH15", "36/QD-TTg"],
                                   {"285/KH-UBND": ("a",), "36/QĐ-TTG": ("b", "c")})
    assert named.held == {"285/KH-UBND": ("a",), "36/QD-TTg": ("b", "c")}
    assert named.absent == ["202/2025/QH15"]
    assert not named.only_absent
    assert NamedDocuments.resolve(["202/2025/QH15"], {"285/KH-UBND": ("a",)}).only_absent


def test_a_document_the_library_does_not_hold_is_not_answered_from_another(indexed_assistant):
    answer = indexed_assistant.ask("Ai ký Nghị quyết 202/2025/QH15?")
    assert not answer.found and not answer.citations
    assert "202/2025/QH15" in answer.text and "chưa có văn bản" in answer.text


def test_a_document_mentioned_but_not_held_is_answered_from_what_mentions_it(indexed_assistant):
    catalog = indexed_assistant.store.catalog()
    assert not NamedDocuments.resolve(["36/QĐ-TTg"], catalog.by_number).held  # the corpus holds news about it
    answer = indexed_assistant.ask("Quyết định 36/QĐ-TTg đặt mục tiêu tăng năng suất lao động bình quân bao nhiêu?")
    assert answer.passages and all(mentions(p.text, "36/QĐ-TTg") for p in answer.passages)
    if answer.found:
        assert all(mentions(c.passage.text, "36/QĐ-TTg") for c in answer.citations)


def test_a_held_number_is_answered_from_that_document(indexed_assistant):
    catalog = indexed_assistant.store.catalog()
    held = NamedDocuments.resolve(["285/KH-UBND"], catalog.by_number).held
    assert held, sorted(catalog.by_number)
    answer = indexed_assistant.ask("Kế hoạch 285/KH-UBND được ban hành ngày nào?")
    assert answer.found
    assert answer.citations[0].passage.doc_id in held["285/KH-UBND"]
