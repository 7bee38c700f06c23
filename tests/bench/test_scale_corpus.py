"""The scale-benchmark corpus generator: deterministic, all provinces, realistic structure, sound gold questions."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter

import pytest

from bench.scale.corpus import GeneratedDoc, gold_questions, iter_documents, provinces, take, write
from bench.scale.templates import KINDS
from common.provinces import ProvinceGazetteer
from common.text import collapse_ws, nfc
from ingest.chunking import CHUNK_CHARS
from ingest.pipeline import parse_bytes

N_DOCS = 400


@pytest.fixture(scope="module")
def docs() -> list[GeneratedDoc]:
    return take(N_DOCS)


@pytest.fixture(scope="module")
def questions(docs: list[GeneratedDoc]) -> list[dict]:
    return gold_questions(docs, 200)


def _norm(text: str) -> str:
    return collapse_ws(nfc(text)).lower()


def test_document_i_is_the_same_whatever_was_taken_before():
    stream = list(itertools.islice(iter_documents(), 150))
    assert take(150) == stream
    assert take(150, seed=7)[149] == take(400)[149]
    assert take(5, seed=8)[3].text != take(5)[3].text


def test_all_provinces_in_the_first_63_documents_and_all_kinds_soon():
    first = take(63)
    assert {d.province for d in first} == set(provinces()) and len(provinces()) == 63
    assert set(KINDS) == {d.kind for d in take(63 * 4)}


def test_file_names_and_sizes(docs):
    assert len({d.file for d in docs}) == len(docs)
    for d in docs:
        assert re.fullmatch(rf"\d{{6}}_[a-z0-9-]+_{d.year}_{d.kind}\.txt", d.file), d.file
        size = len(d.text.encode("utf-8"))
        if d.kind == "tin_tuc":
            assert 1_800 <= size <= 4_500, (d.file, size)
        elif d.kind != "bao_cao":
            assert 4_000 <= size <= 10_000, (d.file, size)


def test_near_duplicates_present(docs):
    kinds = Counter(d.kind for d in docs)
    verbatim_news = sum(d.facts.get("verbatim") == "True" for d in docs)
    share = (kinds["sua_doi"] + verbatim_news) / len(docs)
    assert kinds["sua_doi"] and verbatim_news and 0.05 <= share <= 0.2, (kinds, verbatim_news)
    revision = next(d for d in docs if d.kind == "sua_doi")
    assert "Sửa đổi, bổ sung" in revision.text and revision.facts["revises"] in revision.text


def test_gold_quotes_are_verbatim_and_answers_are_in_the_evidence(docs, questions):
    texts = {d.file: _norm(d.text) for d in docs}
    for q in questions:
        assert set(q) >= {"id", "question", "kind", "evidence", "answer_any", "answerable"}
        for ev in q["evidence"]:
            assert _norm(ev["quote"]) in texts[ev["doc"]], q
        if q["answerable"]:
            assert q["evidence"] and q["answer_any"], q
            for group in q["answer_any"]:
                assert any(_norm(a) in texts[ev["doc"]] for a in group for ev in q["evidence"]), q
    assert len({q["id"] for q in questions}) == len(questions)


def test_gold_mix(questions):
    kinds = Counter(q["kind"] for q in questions)
    assert len(questions) == 200
    assert kinds["unanswerable"] >= 10 and all(not q["evidence"] for q in questions if not q["answerable"])
    assert kinds["followup"] >= 5 and all(q.get("history") for q in questions if q["kind"] == "followup")
    assert 15 <= kinds["no-diacritics"] <= 50
    assert kinds["by-docnumber"] >= 10 and kinds["agency"] and kinds["funding"] and kinds["person"]
    plain = [q["question"] for q in questions if q["kind"] == "no-diacritics"]
    assert all(q.isascii() for q in plain)


def test_gold_answers_are_unique_across_the_taken_documents(docs, questions):
    """A question naming a province and year has one answer in the taken set (or both values of a revision)."""
    for q in questions:
        if q["answerable"] and not q["by_number"]:
            assert len(q["evidence"]) <= 2 and len(q["answer_any"]) == 1, q


def test_texts_parse_into_a_heading_tree():
    gazetteer = ProvinceGazetteer()
    chunk_counts: dict[str, list[int]] = {}
    for d in take(150):
        parsed = parse_bytes(d.text.encode("utf-8"), d.file, gazetteer)
        chunk_counts.setdefault(d.kind, []).append(len(parsed.chunks))
        paths = [c.metadata["section_path"] for c in parsed.chunks]
        if d.kind in ("ke_hoach_giai_doan", "ke_hoach_nam", "sua_doi"):
            assert any(re.match(r"[IVX]+\. MỤC TIÊU > ", p) for p in paths), (d.file, paths)
            assert any(re.match(r"[IVX]+\. TỔ CHỨC THỰC HIỆN > 1\. ", p) for p in paths), (d.file, paths)
            assert 5 <= len(parsed.chunks) <= 40, (d.file, len(parsed.chunks))
            assert parsed.meta.province == d.province and parsed.meta.doc_number == d.doc_number
            assert max(len(c.page_content) for c in parsed.chunks) <= CHUNK_CHARS
    assert set(chunk_counts) == set(KINDS)


def test_write(tmp_path, docs, questions):
    out = write(tmp_path / "corpus", docs[:20], questions[:5])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == {d.file for d in docs[:20]}
    assert manifest[docs[0].file]["facts"]["doc_number"] == docs[0].doc_number
    assert (out / docs[0].file).read_text(encoding="utf-8") == docs[0].text
    assert len((out / "gold.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_generation_is_fast():
    start = time.perf_counter()
    take(5_000)
    assert time.perf_counter() - start < 10
