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


# Issue 13 item 5: -o and --write-baseline write into what is not a regular file, and follow symlinks.


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old")
    link = tmp_path / "out.json"
    link.symlink_to(real)
    done = run("check", "a.plan", "-o", "out.json", "--format", "json", "--exit-zero", cwd=tmp_path)
    assert done.code == 0, done.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("{")


def test_output_onto_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    (tmp_path / "out.txt").symlink_to(tmp_path / "made.txt")
    assert run("check", "a.plan", "-o", "out.txt", "--exit-zero", cwd=tmp_path).code == 0
    assert (tmp_path / "out.txt").is_symlink() and (tmp_path / "made.txt").read_text()


@pytest.mark.skipif(os.getuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("args", [("check", "a.plan", "-o", "full"), ("check", "a.plan", "--write-baseline", "full")])
def test_a_device_is_written_into_not_replaced(tmp_path: Path, args: tuple[str, ...]) -> None:
    """A copy of /dev/full (char 1,7): the write fails with a message, and the node is still a device."""
    write(tmp_path, "a.plan", PLAN)
    node = tmp_path / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    done = run(*args, cwd=tmp_path)
    assert done.code == 2 and "cannot write full" in done.err and "internal error" not in done.err, done.err
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name not in ("a.plan", ".planlint_cache")] == ["full"]


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    import threading

    write(tmp_path, "a.plan", PLAN)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = run("check", "a.plan", "-o", "out.fifo", "--format", "json", "--exit-zero", cwd=tmp_path)
    reader.join(timeout=30)
    assert done.code == 0, done.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"{")


def test_the_temporary_file_is_visible_and_named_for_what_it_is(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    with atomic_text_writer(target) as handle:
        handle.write("part")
        (temporary,) = [p.name for p in tmp_path.iterdir()]
    assert not temporary.startswith(".") and temporary.startswith("report.html.") and temporary.endswith(".planlint-tmp")


def test_leftovers_of_a_killed_run_are_removed_by_the_next_write(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    (tmp_path / f"report.html.{dead}.abc123.planlint-tmp").write_text("17 MB of a half-written report")
    live = tmp_path / f"report.html.{os.getppid()}.def456.planlint-tmp"  # a run still writing: left alone
    live.write_text("in progress")
    write_text_atomic(tmp_path / "report.html", "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.html", live.name])
