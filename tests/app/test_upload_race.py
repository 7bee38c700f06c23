"""Gradio answers an upload before it has moved the file into its cache: the ingest waits for the file, and a file
that never arrives is a clear per-file failure, not a crash of the request."""

from __future__ import annotations

import threading
import time

import pytest

from app import wait_for_upload
from assistant.presentation import reason_vi
from assistant.uploads import store_upload
from common.errors import IngestError


def test_the_ingest_waits_for_an_upload_still_being_moved(tmp_path):
    late = tmp_path / "cache" / "ke_hoach.txt"
    late.parent.mkdir()

    def arrive() -> None:
        time.sleep(0.3)
        late.write_text("Kế hoạch nâng cao năng suất", encoding="utf-8")

    threading.Thread(target=arrive).start()
    wait_for_upload(late, timeout_s=5)
    assert late.is_file()
    stored = store_upload(late, late.name, tmp_path / "library", max_mb=5)
    assert stored.read_text(encoding="utf-8") == "Kế hoạch nâng cao năng suất"


def test_an_upload_that_never_arrives_is_named_and_refused_in_vietnamese(tmp_path):
    started = time.monotonic()
    wait_for_upload(tmp_path / "missing.pdf", timeout_s=0.2)
    assert time.monotonic() - started < 2
    with pytest.raises(IngestError) as info:
        store_upload(tmp_path / "missing.pdf", "ke_hoach.pdf", tmp_path / "library", max_mb=5)
    assert info.value.source == "ke_hoach.pdf"
    assert reason_vi(info.value.reason) == "tệp tải lên không còn trên máy chủ, hãy tải lên lại"
    assert not (tmp_path / "library").exists() or not any((tmp_path / "library").iterdir())
