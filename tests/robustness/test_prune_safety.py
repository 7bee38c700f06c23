"""Prune cannot destroy a library by accident: it removes only documents under the folders (or the files) given in
this run whose files are gone, nothing under a folder that does not exist (moved, unmounted), never an upload, and
refuses (exit 2, with the count) to remove more than PLAN_ASSISTANT_PRUNE_MAX_SHARE of the library without --force.
`make ingest` does not prune."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from common.errors import PruneRefusedError
from tests.conftest import ROOT
from tests.robustness.conftest import run_cli


def _write(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(
            f"KẾ HOẠCH {name}\nI. MỤC TIÊU\n- Năng suất lao động của đơn vị {name} tăng 6%/năm.\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path, embeddings):  # noqa: ANN001, ANN201
    from assistant.service import Assistant
    from common.settings import Settings
    from vectorstore import PlanStore

    settings = Settings(data_dir=tmp_path / "data")
    assistant = Assistant(PlanStore.from_settings(settings, embeddings), settings)
    roots = {"a": tmp_path / "a", "b": tmp_path / "b", "c": tmp_path / "c"}
    _write(roots["a"], ["a1", "a2"])
    _write(roots["b"], ["b1", "b2", "b3"])
    _write(roots["c"], ["c1", "c2", "c3", "c4", "c5"])
    report = assistant.library.ingest([str(p) for p in roots.values()])
    assert report.ok and len(report.added) == 10
    return assistant.library, roots, settings


def _names(library) -> set[str]:  # noqa: ANN001
    return {Path(d.source).stem for d in library.store.documents().values()}


def test_prune_touches_only_the_folders_given_and_never_a_missing_one(library) -> None:  # noqa: ANN001
    lib, roots, _ = library
    shutil.move(roots["b"], roots["b"].with_name("b-moved"))  # a moved folder (or an unmounted share)
    report = lib.ingest([str(roots["a"])], prune=True)
    assert report.pruned == [] and len(_names(lib)) == 10  # before: b1..b3 pruned by a run about a/
    report = lib.ingest([str(roots["b"])], prune=True)  # the missing folder itself
    assert report.pruned == [] and {"b1", "b2", "b3"} <= _names(lib)
    assert [f.reason for f in report.failed] == ["no such file or folder"]
    (roots["a"] / "a2.txt").unlink()
    report = lib.ingest([str(roots["a"])], prune=True)
    assert [Path(p).stem for p in report.pruned] == ["a2"] and len(_names(lib)) == 9


def test_prune_over_the_share_is_refused_with_the_count_unless_forced(library) -> None:  # noqa: ANN001
    lib, roots, _ = library
    for name in ("c1", "c2", "c3"):
        (roots["c"] / f"{name}.txt").unlink()
    report = lib.ingest([str(roots["c"])], prune=True)
    assert isinstance(report.prune_refused, PruneRefusedError)
    assert (report.prune_refused.count, report.prune_refused.total) == (3, 10)
    assert "3 of the 10" in str(report.prune_refused) and report.pruned == [] and len(_names(lib)) == 10
    report = lib.ingest([str(roots["c"])], prune=True, force_prune=True)
    assert sorted(Path(p).stem for p in report.pruned) == ["c1", "c2", "c3"] and len(_names(lib)) == 7


def test_an_upload_is_never_pruned_by_path(library) -> None:  # noqa: ANN001
    lib, _, settings = library
    uploads = Path(settings.library_path)
    _write(uploads, ["upload1"])
    assert lib.ingest([str(uploads / "upload1.txt")]).ok
    assert lib.original_file(next(d.doc_id for d in lib.store.documents().values()
                                  if d.source.endswith("upload1.txt"))) is not None
    (uploads / "upload1.txt").unlink()  # the stored upload lost (a disk restored from an old backup, say)
    report = lib.ingest([str(uploads)], prune=True, force_prune=True)
    assert report.pruned == [] and "upload1" in _names(lib)


def test_the_cli_refuses_with_exit_2_and_the_count(tmp_path: Path) -> None:
    docs, data = tmp_path / "docs", tmp_path / "data"
    _write(docs, ["d1", "d2", "d3", "d4"])
    assert run_cli(["ingest", str(docs)], data).returncode == 0
    (docs / "d1.txt").unlink()
    (docs / "d2.txt").unlink()
    res = run_cli(["ingest", str(docs), "--prune"], data)
    assert res.returncode == 2, res.stderr[-1500:]
    assert re.search(r"PRUNE REFUSED: prune would remove 2 of the 4 documents", res.stderr), res.stderr[-1500:]
    assert "0 pruned" in res.stderr.splitlines()[-1]
    res = run_cli(["ingest", str(docs), "--prune", "--force"], data)
    assert res.returncode == 0 and "2 pruned" in res.stderr.splitlines()[-1], res.stderr[-1500:]


def test_make_ingest_does_not_prune() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^ingest:.*?(?=^\S)", makefile, re.S | re.M)
    assert target and "plan-assistant" in target.group(0) and "--prune" not in target.group(0)
