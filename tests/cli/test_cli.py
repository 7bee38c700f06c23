"""The `plan-assistant` command run as a subprocess: ingest (incremental, replace, prune, bad files), ask, eval."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, shared_or_skip

EXE = [sys.executable, "-m", "cli"]


def run(args: list[str], data_dir: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(EXE + args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> dict[str, Path]:
    shared = shared_or_skip()
    docs = tmp_path_factory.mktemp("docs")
    for name in ("003_b2a90f66a4f11357.txt", "004_80b94bbeffaeb75e.txt"):
        shutil.copy(shared / "corpus" / name, docs / name)
    shutil.copy(SAMPLES / "ke_hoach_nang_suat_song_lam_2030.pdf", docs)
    shutil.copy(SAMPLES / "ho_tro_doanh_nghiep_song_lam_2025.docx", docs)
    data = tmp_path_factory.mktemp("data")
    first = run(["ingest", str(docs)], data)
    return {"docs": docs, "data": data, "first": first}  # type: ignore[dict-item]


def test_first_ingest_adds_every_document(workdir):
    first = workdir["first"]
    assert first.returncode == 0, first.stderr
    assert "4 added" in first.stderr and "0 failed" in first.stderr


def test_unchanged_files_do_no_embedding_work(workdir):
    again = run(["ingest", str(workdir["docs"])], workdir["data"])
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 replaced, 4 unchanged" in again.stderr
    assert "chunks written: 0" in again.stderr


def test_ask_json_prints_only_json_on_stdout(workdir):
    res = run(["ask", "Kế hoạch 285/KH-UBND của Bắc Ninh được ban hành ngày nào?", "--json"], workdir["data"])
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["found"] and "08/9/2023" in data["answer"]
    assert data["citations"][0]["source"].endswith("003_b2a90f66a4f11357.txt")
    assert 1 <= len(data["passages"]) <= 10
    # The named document ranks first; other documents' passages may follow (the question ranks, it does not filter).
    assert data["passages"][0]["source"].endswith("003_b2a90f66a4f11357.txt")
    assert all(c["source"].endswith("003_b2a90f66a4f11357.txt") for c in data["citations"])


def test_ask_with_history(workdir):
    res = run(["ask", "Còn đến năm 2030 thì sao?", "--history",
               "Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?", "--json"], workdir["data"])
    assert "7,5%" in json.loads(res.stdout)["answer"]


def test_batch_answers_in_order(workdir, tmp_path):
    batch = tmp_path / "q.jsonl"
    questions = [
        {"question": "Ai ký ban hành kế hoạch nâng cao năng suất của Nam Định?"},
        {"question": "Mục tiêu tăng năng suất lao động của tỉnh Cà Mau là bao nhiêu?"},
        {"question": "Còn đến năm 2030 thì sao?",
         "history": ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"]},
    ]
    batch.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions), encoding="utf-8")
    res = run(["ask", "--batch", str(batch), "--json"], workdir["data"])
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["question"] for o in out] == [q["question"] for q in questions]
    assert "Trần Lê Đoài" in out[0]["answer"]
    assert out[1]["found"] is False and out[1]["citations"] == []
    assert "7,5%" in out[2]["answer"]


def test_a_new_chunk_size_rechunks_unchanged_files(tmp_path):
    """The chunk size is part of what makes a stored version current: files indexed with another
    ``chunk_chars`` are parsed again, not skipped as unchanged."""
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    shutil.copy(shared_or_skip() / "corpus" / "004_80b94bbeffaeb75e.txt", docs)

    def ingest(chunk_chars: int) -> tuple[str, int]:
        env = {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(data), "PLAN_ASSISTANT_CHUNK_CHARS": str(chunk_chars)}
        res = subprocess.run(EXE + ["ingest", str(docs)], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=300)
        assert res.returncode == 0, res.stderr
        return res.stderr, int(res.stderr.rsplit("chunks written: ", 1)[1].split(";")[0])

    first, small = ingest(400)
    assert "1 added" in first
    again, _ = ingest(400)
    assert "1 unchanged" in again
    bigger, large = ingest(1400)
    assert "1 replaced" in bigger and 0 < large < small


def test_changed_file_is_replaced_and_answers_change(workdir):
    docs, data = workdir["docs"], workdir["data"]
    target = docs / "003_b2a90f66a4f11357.txt"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("12,5%/năm", "13,5%/năm"), encoding="utf-8")
    try:
        res = run(["ingest", str(docs)], data)
        assert res.returncode == 0, res.stderr
        assert "1 replaced, 3 unchanged" in res.stderr
        ans = json.loads(run(["ask", "Bắc Ninh đặt mục tiêu tăng năng suất lao động bao nhiêu phần trăm mỗi năm?",
                              "--json"], data).stdout)
        assert "13,5%" in ans["answer"] and "12,5%" not in ans["answer"]
        texts = " ".join(p["text"] for p in ans["passages"])
        assert "12,5%/năm" not in texts  # the old version is gone everywhere
    finally:
        target.write_text(original, encoding="utf-8")
        run(["ingest", str(docs)], data)


def test_bad_files_are_reported_and_do_not_stop_the_batch(workdir, tmp_path):
    docs = tmp_path / "mixed"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "fake.pdf").write_bytes(b"<!DOCTYPE html><html><body>not a pdf</body></html>")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(SAMPLES / "bao_cao_so_ket_song_lam_2024.txt", docs / "good.txt")
    res = run(["ingest", str(docs)], workdir["data"])
    assert res.returncode == 1
    failed = [line for line in res.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 4, res.stderr
    for name in ("empty.txt", "fake.pdf", "binary.txt", "broken.docx"):
        assert any(name in line for line in failed), name
    assert "1 added" in res.stderr
    listing = run(["docs"], workdir["data"]).stdout
    assert "good.txt" in listing and "003_b2a90f66a4f11357.txt" in listing


def test_prune_removes_documents_whose_files_are_gone(workdir, tmp_path):
    data = tmp_path / "data"
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / "bao_cao_so_ket_song_lam_2024.txt", docs / "a.txt")
    shutil.copy(SAMPLES / "tin_song_lam_cau_lac_bo_nang_suat.html", docs / "b.html")
    assert run(["ingest", str(docs)], data).returncode == 0
    (docs / "b.html").unlink()
    res = run(["ingest", str(docs), "--prune", "--force"], data)  # 1 of 2 documents: over the 20 % share
    assert "1 pruned" in res.stderr, res.stderr
    listing = run(["docs", "--json"], data).stdout
    assert "a.txt" in listing and "b.html" not in listing


def test_eval_prints_the_metrics(tmp_path):
    shared = shared_or_skip()
    res = run(["eval", "--questions", str(shared / "eval" / "dev.jsonl"), "--corpus", str(shared / "corpus"),
               "--json"], tmp_path / "data", timeout=600)
    assert res.returncode == 0, res.stderr
    m = json.loads(res.stdout)
    assert m["hit@5"] >= 0.95 and m["answer_accuracy"] >= 0.85 and m["refusal_accuracy"] == 1.0


def _encrypted_pdf(path: Path, user_password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(SAMPLES / "ke_hoach_nang_suat_song_lam_2030.pdf")).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu")
    with path.open("wb") as f:
        writer.write(f)


def test_encrypted_pdfs_with_and_without_a_password(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    _encrypted_pdf(docs / "khoa.pdf", "mat-khau")
    _encrypted_pdf(docs / "chi_han_che.pdf", "")  # restrictions only: opens without a password
    first = run(["ingest", str(docs)], data)
    assert first.returncode == 1
    assert "FAILED" in first.stderr and "khoa.pdf: encrypted PDF: a password is required" in first.stderr
    assert "1 added" in first.stderr  # the restrictions-only PDF
    second = run(["ingest", str(docs), "--pdf-password", "mat-khau"], data)
    assert second.returncode == 0, second.stderr
    assert "1 added" in second.stderr and "1 unchanged" in second.stderr
