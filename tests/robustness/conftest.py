"""Helpers for the robustness tests: the CLI as a real subprocess (run to completion, or SIGKILLed at a chosen
moment), a consistency check of a data directory read straight from Chroma, and the batch of bad inputs that
``test_bad_inputs.py`` and ``bench/bad_inputs_report.py`` share.

Everything here is plain functions (importable as ``tests.robustness.conftest``) except the fixtures at the end.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, SHARED
from tests.servers import chroma_cli, chroma_server  # noqa: F401 - used by the writer-fault tests

EXE = [sys.executable, "-m", "cli"]
CORPUS = SHARED / "corpus"
# The lexical index is split into shards of a few chunks here (a large library's layout), so that replacing,
# crashing and reading are checked across shards.
SHARD_CHUNKS = 8


# -- the CLI as a subprocess --------------------------------------------------------------------------------------

def cli_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False", "PYTHONUNBUFFERED": "1",
            "PLAN_ASSISTANT_LEXICAL_SHARD_CHUNKS": str(SHARD_CHUNKS)}


def run_cli(args: list[str], data_dir: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(EXE + args, cwd=ROOT, env=cli_env(data_dir), capture_output=True, text=True,
                          timeout=timeout)


@dataclass
class KillResult:
    killed: bool  # False: the process finished before the trigger
    returncode: int
    elapsed: float
    stderr: str
    trigger: str
    last_lines: list[str] = field(default_factory=list)


def run_and_kill(args: list[str], data_dir: Path, *, after_s: float | None = None, pattern: str | None = None,
                 nth: int = 1, delay_s: float = 0.0, timeout: float = 240.0) -> KillResult:
    """Start the CLI and SIGKILL it ``after_s`` seconds after start, or ``delay_s`` after the ``nth`` occurrence of
    ``pattern`` (a regex) on its stderr. stderr is read as raw bytes (tqdm writes ``\\r``, not lines)."""
    trigger = f"t={after_s}s" if after_s is not None else f"{nth}x /{pattern}/ +{delay_s}s"
    proc = subprocess.Popen(EXE + args, cwd=ROOT, env=cli_env(data_dir), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    buf = bytearray()
    lock = threading.Lock()

    def reader() -> None:
        assert proc.stderr is not None
        while chunk := os.read(proc.stderr.fileno(), 65536):
            with lock:
                buf.extend(chunk)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    started = time.monotonic()
    regex = re.compile(pattern) if pattern else None
    fire_at: float | None = started + after_s if after_s is not None else None
    killed = False
    while proc.poll() is None:
        now = time.monotonic()
        if now - started > timeout:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            raise AssertionError(f"ingest did not reach {trigger} within {timeout}s")
        if fire_at is None and regex is not None:
            with lock:
                text = buf.decode("utf-8", "replace")
            if len(regex.findall(text)) >= nth:
                fire_at = now + delay_s
        if fire_at is not None and now >= fire_at:
            os.kill(proc.pid, signal.SIGKILL)  # only the process we started, by its id
            killed = True
            break
        time.sleep(0.005)
    proc.wait()
    thread.join(timeout=5)
    text = buf.decode("utf-8", "replace")
    lines = [ln for ln in re.split(r"[\r\n]+", text) if ln.strip() and not ln.startswith("DEBUG chromadb")]
    return KillResult(killed, proc.returncode, time.monotonic() - started, text, trigger, lines[-3:])


# -- the store, read in this process --------------------------------------------------------------------------------

def open_store(data_dir: Path, embeddings):  # noqa: ANN001, ANN201
    """A fresh PlanStore over ``data_dir`` (Chroma's per-path client cache cleared first, so what another process
    wrote is read from disk)."""
    from chromadb.api.client import SharedSystemClient

    from vectorstore import PlanStore
    from vectorstore.chroma import persistent_client

    SharedSystemClient.clear_system_cache()
    client = persistent_client(Path(data_dir) / "chroma")
    return PlanStore(client, embeddings, collection="plans", lexical_dir=Path(data_dir) / "lexical",
                     lexical_shard_chunks=SHARD_CHUNKS)


def close_store() -> None:
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def raw_chunks(store) -> dict[str, dict]:  # noqa: ANN001
    """Every row of the chunks collection (live or not), read with chromadb directly; asserts no duplicate ids."""
    col = store.client.get_collection(store.collection_name)
    ids: list[str] = []
    metas: list[dict] = []
    offset = 0
    while True:
        page = col.get(limit=500, offset=offset, include=["metadatas"])
        ids.extend(page["ids"])
        metas.extend(dict(m or {}) for m in page["metadatas"])
        if len(page["ids"]) < 500:
            break
        offset += 500
    assert len(ids) == len(set(ids)), "duplicate chunk ids in the chunks collection"
    assert col.count() == len(ids), (col.count(), len(ids))
    return dict(zip(ids, metas))


def rare_phrase(text: str, words: int = 9) -> str:
    toks = text.split()
    mid = max(0, len(toks) // 2 - words // 2)
    return " ".join(toks[mid: mid + words])


@dataclass
class Consistency:
    docs: int
    live: int
    raw: int
    leftovers: int


def check_consistency(data_dir: Path, embeddings, strict: bool) -> Consistency:  # noqa: ANN001
    """Readers' view is whole: each registered document has all its chunks (of its registered version), the lexical
    index holds exactly the live chunks, and a rare phrase of each document finds that document lexically.
    ``strict`` (after a completed run): no row in Chroma that is not live."""
    store = open_store(data_dir, embeddings)
    try:
        registry = store.documents()
        live: set[str] = set()
        for doc in registry.values():
            ids = doc.chunk_ids
            got = store.get_chunks(ids)
            assert [d.metadata["chunk_id"] for d in got] == ids, f"{doc.source}: {len(got)}/{doc.n_chunks} chunks"
            assert all(d.metadata["content_hash"] == doc.content_hash for d in got)
            live.update(ids)
        assert store.count() == len(live)
        raw = raw_chunks(store)
        assert live <= set(raw), f"registered chunks missing from Chroma: {sorted(live - set(raw))[:5]}"
        leftovers = set(raw) - live
        if strict:
            assert not leftovers, f"{len(leftovers)} rows in Chroma that are not live, e.g. {sorted(leftovers)[:5]}"
        index = store.lexical_index()
        assert len(index.ids) == len(set(index.ids))
        assert set(index.ids) == live, "the lexical index and Chroma disagree on the live chunks"
        for doc in registry.values():
            target = store.get_chunks([doc.chunk_ids[doc.n_chunks // 2]])[0]
            hits = store.lexical_search(rare_phrase(target.page_content), k=3)
            assert hits, doc.source
            top = hits[0][0].metadata
            assert top["doc_id"] == doc.doc_id and top["chunk_id"] in live, (doc.source, top.get("source"))
        return Consistency(len(registry), len(live), len(raw), len(leftovers))
    finally:
        del store
        close_store()


# -- the batch of bad inputs ------------------------------------------------------------------------------------------

ODD_STEM = "Kế hoạch số 36 “năng suất” 'Nam Định' #1 100% ✅ 🇻🇳 – Quyết định tỉnh Sông Lam "


def _pdf_bytes(build) -> bytes:  # noqa: ANN001
    from pypdf import PdfWriter

    writer = PdfWriter()
    build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _name_of_bytes(stem: str, suffix: str, limit: int) -> str:
    """``stem`` repeated and cut (on a character boundary) so that the name is at most ``limit`` UTF-8 bytes."""
    name = ""
    for ch in (stem * 10):
        if len((name + ch + suffix).encode("utf-8")) > limit:
            break
        name += ch
    return name.rstrip() + suffix


@dataclass
class BadBatch:
    folder: Path
    bad: dict[str, str]  # file name -> what it is
    good: dict[str, str]
    notes: list[str]


def build_bad_batch(folder: Path) -> BadBatch:
    """The folder of bad inputs plus good files. The 300-character odd name is tried first; Linux limits a name to
    255 bytes, so the longest legal name with the same characters is used (recorded in ``notes``)."""
    from pypdf import PdfReader

    folder.mkdir(parents=True, exist_ok=True)
    pdf = (SAMPLES / "ke_hoach_nang_suat_song_lam_2030.pdf").read_bytes()
    bad: dict[str, str] = {}
    good: dict[str, str] = {}
    notes: list[str] = []

    def put(name: str, data: bytes, what: str, table: dict[str, str]) -> None:
        (folder / name).write_bytes(data)
        table[name] = what

    put("empty.txt", b"", "empty file", bad)
    put("zero_pages.pdf", _pdf_bytes(lambda w: None), "PDF with zero pages", bad)

    def encrypt(w) -> None:  # noqa: ANN001
        w.append(PdfReader(io.BytesIO(pdf)))
        w.encrypt(user_password="mat-khau", owner_password="chu-so-huu")

    put("encrypted.pdf", _pdf_bytes(encrypt), "encrypted PDF, no password given", bad)
    put("truncated.pdf", pdf[: len(pdf) // 3], "PDF cut at a third of its bytes", bad)
    put("html_really.pdf", (SAMPLES / "tin_song_lam_cau_lac_bo_nang_suat.html").read_bytes(),
        "HTML page named .pdf", bad)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr("notes/readme.txt", "không phải tài liệu Word")
        z.writestr("image.png", b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    put("not_word.docx", zbuf.getvalue(), "zip of other files named .docx", bad)
    put("binary.txt", os.urandom(4096) + bytes(range(256)) * 16, "random binary named .txt", bad)
    huge = folder / "huge_201mb.txt"
    with open(huge, "wb") as f:  # sparse: one byte at the last offset
        f.seek(201 * 2**20 - 1)
        f.write(b"\0")
    bad[huge.name] = "201 MB file (sparse), limit is 200 MB"

    # good files
    shutil.copy(CORPUS / "001_973f1fb2c12b9f14.txt", folder / "good_khanh_hoa.txt")
    good["good_khanh_hoa.txt"] = "corpus text (Khánh Hòa)"
    shutil.copy(SAMPLES / "tin_song_lam_cau_lac_bo_nang_suat.html", folder / "good_song_lam.html")
    good["good_song_lam.html"] = "sample HTML page"

    # the odd name: 300 characters first
    long300 = (ODD_STEM * 5)[: 300 - 4] + ".txt"
    assert len(long300) == 300
    content = (CORPUS / "003_b2a90f66a4f11357.txt").read_bytes()
    try:
        (folder / long300).write_bytes(content)
        good[long300] = "valid text, 300-character odd name"
        notes.append(f"a 300-character name ({len(long300.encode())} bytes) was accepted by the file system")
    except OSError as exc:
        notes.append(f"a 300-character name ({len(long300.encode())} UTF-8 bytes) cannot be created on this file "
                     f"system: {errno.errorcode.get(exc.errno, exc.errno)} ({exc.strerror}); used the longest legal "
                     f"name (255 bytes) with the same characters instead")
        legal = _name_of_bytes(ODD_STEM, ".txt", 255)
        (folder / legal).write_bytes(content)
        good[legal] = f"valid text (Bắc Ninh), {len(legal)}-character / {len(legal.encode())}-byte odd name"
    return BadBatch(folder, bad, good, notes)


def reason_for(name: str, folder: Path, stderr: str) -> list[str]:
    """The reasons printed for ``folder/name`` (normally exactly one)."""
    prefix = f"FAILED {folder / name}: "
    return [line[len(prefix):] for line in stderr.splitlines() if line.startswith(prefix)]


# -- fixtures ---------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def corpus_or_skip() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not found")
    return CORPUS


# -- a real `chroma run` server ----------------------------------------------------------------------------------------

