"""On-disk copies of lexical shards, one directory per shard fingerprint.

Saving writes a private temporary directory and renames it into place, so a reader (in this or another
process) sees a whole shard or none. Directories of shards no longer current are pruned after a save.

>>> import tempfile
>>> cache = LexicalCache(Path(tempfile.mkdtemp()) / "plans")
>>> shard = LexicalShard.build("ab12", ["d-0"], ["Sở Công Thương"], [{}], ["Sở Công Thương"])
>>> cache.load("ab12") is None
True
>>> _ = cache.save(shard); cache.prune(keep={"ab12"}); cache.load("ab12").ids
0
['d-0']
"""

from __future__ import annotations

import logging
import os
import shutil
import time
import uuid
from pathlib import Path

from common.errors import StoreError
from vectorstore.lexical import LexicalShard

logger = logging.getLogger(__name__)

_TMP_PREFIX = ".tmp-"
_STALE_TMP_S = 3600.0  # another process's unfinished save older than this is abandoned


class LexicalCache:
    """Lexical shards under ``directory/<fingerprint>/``."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def path_for(self, fingerprint: str) -> Path:
        if not fingerprint or not all(c in "0123456789abcdef" for c in fingerprint):
            raise StoreError(f"fingerprint must be lower-case hex, got {fingerprint!r}")
        return self.directory / fingerprint

    def load(self, fingerprint: str) -> LexicalShard | None:
        path = self.path_for(fingerprint)
        if not path.is_dir():
            return None
        started = time.perf_counter()
        try:
            index = LexicalShard.load(path, fingerprint)
        except StoreError as e:
            logger.info("rebuilding a lexical shard (saved one not usable: %s)", e)
            return None
        logger.info("loaded lexical shard %s (%d chunks) in %.3fs", fingerprint[:12], len(index),
                    time.perf_counter() - started)
        return index

    def save(self, index: LexicalShard) -> Path:
        final = self.path_for(index.fingerprint)
        if final.is_dir():
            return final
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f"{_TMP_PREFIX}{index.fingerprint[:16]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            index.save(tmp)
            try:
                os.rename(tmp, final)
            except OSError:
                if not final.is_dir():  # not "someone else saved it first"
                    raise
                shutil.rmtree(tmp, ignore_errors=True)
        except Exception as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"cannot save a lexical shard to {final}: {e}") from e
        return final

    def prune(self, keep: set[str]) -> int:
        """Remove the directories of other fingerprints than ``keep`` (and abandoned temporary ones); return how
        many."""
        if not self.directory.is_dir():
            return 0
        removed = 0
        now = time.time()
        for entry in self.directory.iterdir():
            if not entry.is_dir() or entry.name in keep:
                continue
            if entry.name.startswith(_TMP_PREFIX):
                try:
                    if now - entry.stat().st_mtime < _STALE_TMP_S:
                        continue  # probably another process saving right now
                except OSError:
                    continue
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
        if removed:
            logger.debug("pruned %d old lexical shard(s) in %s", removed, self.directory)
        return removed
