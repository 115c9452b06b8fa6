"""Issue 13 item 7: inputs that never end are refused, not read: FIFOs, devices, oversized files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from _planlint import PACK, PLAN, write

GUARD = 60  # seconds: the old planlint blocked on a FIFO for ever and read /dev/zero until memory ran out


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planlint", "check", *args, "--no-cache"], cwd=folder,
                          capture_output=True, text=True, timeout=GUARD)


def test_a_fifo_named_as_a_plan_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.plan")
    done = check(tmp_path, "f.plan")
    assert done.returncode == 1
    assert "f.plan:1:1: error   PL003" in done.stdout and "a FIFO (named pipe), not a regular file" in done.stdout


def test_a_fifo_is_refused_with_the_result_cache_on_too(tmp_path: Path) -> None:
    """The default run keys its cache on the file's bytes: that read must be the guarded one too."""
    os.mkfifo(tmp_path / "f.plan")
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "f.plan"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=GUARD)
    assert done.returncode == 1
    assert "a FIFO (named pipe), not a regular file" in done.stdout


def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "z.plan").symlink_to("/dev/zero")
    write(tmp_path, "ok.plan", PLAN)
    done = check(tmp_path, "z.plan", "ok.plan", "--format", "json")
    assert done.returncode == 1
    assert "it is a device, not a regular file" in done.stdout and '"ok.plan"' in done.stdout  # the other file still checked


def test_a_pack_that_is_dev_zero_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'packs = ["/dev/zero"]\n')
    done = check(tmp_path, "a.plan")
    assert done.returncode == 2 and "cannot read the file: it is a device, not a regular file" in done.stderr, done.stderr


def test_a_plan_over_the_size_limit_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    write(tmp_path, "big.plan", PLAN + "# padding\n" * 200)
    write(tmp_path, "planlint.toml", "max-file-size = 1000\n")
    done = check(tmp_path, "big.plan")
    assert done.returncode == 1 and "the limit is 1,000 (max-file-size)" in done.stdout, done.stdout
    write(tmp_path, "planlint.toml", "")
    assert check(tmp_path, "big.plan").returncode == 1 and "max-file-size" not in check(tmp_path, "big.plan").stdout


def test_a_pack_bigger_than_the_limit_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    with open(tmp_path / "huge.toml", "wb") as handle:
        handle.write(PACK.encode())
        handle.truncate(20_000_001)  # sparse: 20 MB of NULs after the pack
    done = check(tmp_path, "a.plan", "--pack", "huge.toml")
    assert done.returncode == 2 and "the limit is 20,000,000" in done.stderr, done.stderr


def test_standard_input_has_the_same_limit(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", "max-file-size = 1000\n")
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "-", "--no-cache"], cwd=tmp_path, input=PLAN * 10,
                          capture_output=True, text=True, timeout=GUARD)
    assert done.returncode == 2 and "cannot read standard input: it is more than 1,000 bytes" in done.stderr, done.stderr
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "-", "--no-cache"], cwd=tmp_path, input=PLAN[:900],
                          capture_output=True, text=True, timeout=GUARD)
    assert done.returncode in (0, 1) and "max-file-size" not in done.stderr
