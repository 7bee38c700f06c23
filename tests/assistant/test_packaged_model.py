"""Joining a model from its PyPI parts: numeric order, sha256 checked, atomic, reused; the real packaged model
when its parts are installed."""

from __future__ import annotations

import hashlib
import sys

import pytest

from assistant.packaged_model import QWEN_15B, PackagedModel, packaged_gguf
from common.errors import ConfigError
from tests.conftest import ROOT


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """Eleven part modules (so that 10 sorts before 2 alphabetically) each pointing at a file of its own."""
    data = b""
    for i in range(1, 12):
        blob = f"part-{i:02d};".encode() * 100
        data += blob
        (tmp_path / f"blob{i}.bin").write_bytes(blob)
        (tmp_path / f"fake_model_part{i}.py").write_text(
            f"def get_part_path():\n    return {str(tmp_path / f'blob{i}.bin')!r}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield data
    for i in range(1, 12):
        sys.modules.pop(f"fake_model_part{i}", None)


def test_parts_are_joined_in_numeric_order_and_checked(parts, tmp_path):
    model = PackagedModel("m.gguf", "fake_model_part", 11, len(parts), hashlib.sha256(parts).hexdigest(), "1.0")
    path = packaged_gguf(tmp_path / "cache", model)
    assert path.read_bytes() == parts
    mtime = path.stat().st_mtime_ns
    assert packaged_gguf(tmp_path / "cache", model).stat().st_mtime_ns == mtime  # reused, not joined again


def test_wrong_checksum_leaves_nothing_behind(parts, tmp_path):
    model = PackagedModel("m.gguf", "fake_model_part", 11, len(parts), "0" * 64, "1.0")
    with pytest.raises(ConfigError, match="sha256"):
        packaged_gguf(tmp_path / "cache", model)
    assert list((tmp_path / "cache").iterdir()) == []


def test_missing_parts_name_the_pip_command(tmp_path):
    model = PackagedModel("m.gguf", "no_such_model_part", 2, 1, "0" * 64, "3.1")
    with pytest.raises(ConfigError, match="pip install no-such-model-part1==3.1 no-such-model-part2==3.1"):
        packaged_gguf(tmp_path, model)


def test_the_packaged_qwen_model(tmp_path):
    from common.settings import Settings

    path = packaged_gguf(Settings().model_cache_dir, QWEN_15B)
    assert path.stat().st_size == QWEN_15B.size
    assert path.read_bytes()[:4] == b"GGUF"
    assert path.parent == Settings().model_cache_dir and ROOT not in path.parents  # cached outside the repo
