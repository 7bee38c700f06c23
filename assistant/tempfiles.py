"""The app's own temporary folders (exports, tables, summaries, feedback CSV): one root per data directory,
emptied when the app starts and swept of folders older than ``max_age_s`` whenever a new one is made. Gradio
copies a returned file into its own cache at once, so a folder is only needed for moments after it is filled.

>>> import tempfile
>>> temp = TempFolders(Path(tempfile.mkdtemp()) / "t", max_age_s=60)
>>> folder = temp.new("export-")
>>> folder.parent == temp.root and folder.is_dir()
True
>>> temp.clear(), folder.exists()
(1, False)
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)


class TempFolders:
    def __init__(self, root: str | Path, max_age_s: float = 900.0):
        self.root = Path(root)
        self.max_age_s = max_age_s

    @classmethod
    def for_data_dir(cls, data_dir: str | Path, max_age_s: float = 900.0) -> TempFolders:
        """The root of the app serving ``data_dir``, under the system temp folder (where Gradio may read)."""
        digest = hashlib.sha1(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:12]
        return cls(Path(tempfile.gettempdir()) / f"plan-assistant-{digest}", max_age_s)

    def clear(self) -> int:
        """Remove everything under the root (at start-up); returns how many entries were removed."""
        return self._remove(lambda _: True)

    def sweep(self, now: float | None = None) -> int:
        """Remove the folders whose newest file is older than ``max_age_s``."""
        now = time.time() if now is None else now
        return self._remove(lambda p: now - _newest_mtime(p) > self.max_age_s)

    def new(self, prefix: str) -> Path:
        self.sweep()
        self.root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=self.root))

    def _remove(self, old) -> int:  # noqa: ANN001 - a predicate on a path
        if not self.root.is_dir():
            return 0
        removed = 0
        for entry in list(self.root.iterdir()):
            try:
                if not old(entry):
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
                removed += 1
            except OSError as exc:  # a file in use or gone already: the next sweep tries again
                log.debug("temp entry %s not removed: %s", entry, exc)
        return removed


def _newest_mtime(path: Path) -> float:
    try:
        times = [path.stat().st_mtime]
        if path.is_dir():
            times += [p.stat().st_mtime for p in path.rglob("*")]
        return max(times)
    except OSError:
        return 0.0
