"""`plan-assistant ingest` shows a progress line for the OCR of a scanned document of several pages (on stderr,
like every progress bar), and the document is indexed as in any other run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.ingest.ingest_cases import scanned_pdf


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_ingest_shows_the_ocr_pages_of_a_scan(tmp_path):
    scan = tmp_path / "ke_hoach_lai_chau_scan.pdf"
    scan.write_bytes(scanned_pdf([["KẾ HOẠCH", "Nâng cao năng suất lao động tỉnh Lai Châu"],
                                  ["I. MỤC TIÊU", "- Năng suất lao động tăng 5,9%/năm."],
                                  ["II. TỔ CHỨC THỰC HIỆN", "Sở Công Thương chủ trì."]]))
    env = {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    run = subprocess.run([sys.executable, "-m", "cli", "ingest", str(scan)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.replace("\r", "\n").splitlines()
    assert any(line.startswith(f"OCR {scan.name}:") and "1/3" in line for line in lines), run.stderr
    assert any(line.startswith(f"OCR {scan.name}:") and "3/3" in line for line in lines), run.stderr
    assert "1 added" in lines[-1] and run.stdout == ""
