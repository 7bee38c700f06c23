"""`plan-assistant ask` refuses a question over the limits with a Vietnamese message before loading anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def _run(args, data_dir, stdin=None):  # noqa: ANN001
    env = {**os.environ, "PLAN_ASSISTANT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, input=stdin)


def test_a_long_question_or_history_is_refused(tmp_path):
    data = tmp_path / "data"
    long = _run(["ask", "x" * 2001], data)
    assert long.returncode == 2 and "vượt giới hạn 2000 ký tự" in long.stderr and long.stdout == ""
    history = [a for i in range(21) for a in ("--history", f"Câu {i}?")]
    many = _run(["ask", "Còn năm 2030?", *history], data)
    assert many.returncode == 2 and "vượt giới hạn 20 câu" in many.stderr
    assert not data.exists()  # nothing opened, nothing cached


def test_a_batch_line_over_the_limit_gets_an_error_line(tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"question": "y" * 3000}) + "\n", encoding="utf-8")
    run = _run(["ask", "--batch", str(batch), "--json"], tmp_path / "data")
    line = json.loads(run.stdout.strip())
    assert line["found"] is False and "vượt giới hạn 2000 ký tự" in line["error"]
