"""Files planlint writes appear whole, with the mode a normal write would give them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from planlint.engine.atomic import atomic_text_writer, write_text_atomic

from _planlint import PLAN, run, write


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_output_file_is_readable_by_others_under_the_usual_umask(tmp_path: Path, umask_022: None) -> None:
    write(tmp_path, "a.plan", PLAN)
    run("check", "a.plan", "-o", "out.txt", "--exit-zero", cwd=tmp_path)
    assert mode(tmp_path / "out.txt") == 0o644


def test_rewriting_a_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report")
    with pytest.raises(RuntimeError):
        with atomic_text_writer(target) as handle:
            handle.write("half a rep")
            raise RuntimeError("interrupted")
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
