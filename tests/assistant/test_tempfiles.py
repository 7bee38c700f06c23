"""The app's temp folders: emptied at start, and folders older than the age limit removed when a new one is made
(Gradio has copied a returned file into its own cache by then)."""

from __future__ import annotations

import os
import time

from assistant.tempfiles import TempFolders


def test_old_folders_are_swept_and_new_ones_kept(tmp_path):
    temp = TempFolders(tmp_path / "root", max_age_s=60)
    old, fresh = temp.new("export-"), temp.new("chat-")
    (old / "tra-loi.docx").write_bytes(b"x")
    (fresh / "hoi-thoai.md").write_bytes(b"y")
    past = time.time() - 3600
    for p in (old, old / "tra-loi.docx"):
        os.utime(p, (past, past))
    newest = temp.new("summary-")  # making a folder sweeps the old ones
    assert not old.exists() and fresh.is_dir() and newest.is_dir()
    assert temp.clear() == 2 and list(temp.root.iterdir()) == []


def test_each_data_dir_has_its_own_root(tmp_path):
    a, b = TempFolders.for_data_dir(tmp_path / "a"), TempFolders.for_data_dir(tmp_path / "b")
    assert a.root != b.root and a.root.name.startswith("plan-assistant-")
