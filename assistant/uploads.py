"""Files uploaded through the app: kept inside the library folder under a safe name, within the size limit.

>>> safe_name("../../etc/passwd.txt")
'passwd.txt'
>>> safe_name("Kế hoạch <số 45>.pdf")
'Kế hoạch số 45.pdf'
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from pathlib import Path

from common.errors import IngestError
from ingest.loaders import SUPPORTED_SUFFIXES

MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_name(name: str) -> str:
    """The last path component only, NFC, without characters that mean anything to a shell or a file system."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = " ".join(_UNSAFE.sub("", base).split()).lstrip(".") or "tai-lieu"
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    keep = MAX_NAME - len(suffix) - 1
    return f"{stem[:keep]}.{suffix}" if suffix else stem[:MAX_NAME]


def store_upload(temp_path: str | Path, original_name: str, library: Path, max_mb: int) -> Path:
    """Copy an uploaded file into ``library``; a different file with the same name gets a short hash suffix.
    Raises :class:`IngestError` (file name, reason) for an unsupported type or a file over the limit."""
    src = Path(temp_path)
    name = safe_name(original_name)
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(original_name, f"unsupported file type (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    if not src.is_file():  # Gradio's upload cache lost it (swept, or moved away by a concurrent request)
        raise IngestError(original_name, "the uploaded file is no longer on the server; upload it again")
    size = src.stat().st_size
    if size > max_mb * 2**20:
        raise IngestError(original_name, f"file is {size / 2**20:.1f} MB, over the {max_mb} MB upload limit")
    library.mkdir(parents=True, exist_ok=True)
    target = library / name
    if target.exists() and target.read_bytes() != src.read_bytes():
        digest = hashlib.sha1(src.read_bytes()).hexdigest()[:8]
        target = library / f"{Path(name).stem}-{digest}{Path(name).suffix}"
    if target.resolve().parent != library.resolve():
        raise IngestError(original_name, "file name escapes the library folder")
    shutil.copyfile(src, target)
    return target
