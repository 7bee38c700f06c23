"""One CLI batch of bad inputs (empty, zero-page / encrypted / truncated PDFs, HTML named .pdf, a zip named .docx,
binary named .txt, a 201 MB file, an odd long name) plus good files: one ``FAILED <file>: <reason>`` line per bad
file, exit code 1, the good files indexed, and nothing else in the index."""

from __future__ import annotations

import json

import pytest

from tests.robustness.conftest import build_bad_batch, reason_for, run_cli


@pytest.fixture(scope="module")
def batch(tmp_path_factory, corpus_or_skip):  # noqa: ANN001, ANN201
    b = build_bad_batch(tmp_path_factory.mktemp("bad") / "inbox")
    data = tmp_path_factory.mktemp("data")
    res = run_cli(["ingest", str(b.folder)], data)
    listing = run_cli(["docs", "--json"], data)
    return b, res, listing


def test_exit_code_is_1_and_summary_counts(batch):  # noqa: ANN001
    b, res, _ = batch
    assert res.returncode == 1, res.stderr[-3000:]
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("documents: ")
    assert f"{len(b.good)} added" in summary and f"{len(b.bad)} failed" in summary, summary


def test_one_failed_line_per_bad_file(batch):  # noqa: ANN001
    b, res, _ = batch
    failed = [ln for ln in res.stderr.splitlines() if ln.startswith("FAILED ")]
    assert len(failed) == len(b.bad), "\n".join(failed)
    for name in b.bad:
        reasons = reason_for(name, b.folder, res.stderr)
        assert len(reasons) == 1, (name, failed)
        assert reasons[0].strip(), name
        assert "Traceback" not in reasons[0]
    for name in b.good:
        assert not reason_for(name, b.folder, res.stderr), name


def test_reasons_say_why(batch):  # noqa: ANN001
    b, res, _ = batch
    reason = {name: reason_for(name, b.folder, res.stderr)[0].lower() for name in b.bad}
    assert "201 mb" in reason["huge_201mb.txt"] and "200 mb" in reason["huge_201mb.txt"]
    assert "encrypt" in reason["encrypted.pdf"] or "password" in reason["encrypted.pdf"] or \
        "mật khẩu" in reason["encrypted.pdf"], reason["encrypted.pdf"]


def test_no_traceback_on_stderr(batch):  # noqa: ANN001
    _, res, _ = batch
    assert "Traceback" not in res.stderr, res.stderr[-3000:]


def test_index_holds_exactly_the_good_documents(batch):  # noqa: ANN001
    b, _, listing = batch
    assert listing.returncode == 0, listing.stderr[-2000:]
    rows = [json.loads(line) for line in listing.stdout.splitlines() if line.strip()]
    assert sorted(r["source"] for r in rows) == sorted(str(b.folder / n) for n in b.good)
    assert all(r["chunks"] > 0 for r in rows)


def test_odd_name_handling_is_reported(batch):  # noqa: ANN001
    b, _, _ = batch
    assert b.notes  # what happened to the 300-character name
    odd = [n for n in b.good if n.startswith("Kế hoạch")]
    assert len(odd) == 1 and len(odd[0].encode("utf-8")) <= 255
