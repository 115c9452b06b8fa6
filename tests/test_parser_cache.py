"""Issue 13 item 1: nothing planlint reads from disk can run code, and no cache is read from a folder another user can write.

The tests run as root, who passes every access check, so "another user" is
made real: the planted folders are chowned to ``nobody`` and the tests check
``st_uid`` and the mode before relying on them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from pathlib import Path

import lark
import pytest

from planlint.language import grammar_cache
from planlint.language.parser import GRAMMAR_PATH

from _planlint import PLAN, run_process, write

NOBODY = 65534


class Payload:
    """What an attacker plants: unpickling it runs a shell command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: D105
        return (os.system, (f"touch {self.marker}",))


def plant(folder: Path, marker: Path) -> None:
    """The reproduction: a folder of someone else's, open to all, holding pickles under every name a cache might use."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = b"x\n" + pickle.dumps(Payload(marker))
    grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
    # The names the pickle cache used (its version string was "1" or "2"), and others.
    digests = [hashlib.sha256((version + grammar).encode()).hexdigest()[:16] for version in "123"]
    for name in [f"grammar-{lark.__version__}-{digest}.cache" for digest in digests] + ["grammar-anything.json"]:
        (folder / name).write_bytes(payload)
    os.chown(folder, NOBODY, NOBODY)
    folder.chmod(0o777)
    info = folder.stat()
    assert info.st_uid == NOBODY and stat.S_IMODE(info.st_mode) == 0o777


requires_root = pytest.mark.skipif(os.getuid() != 0, reason="needs root to chown a folder to another user")


@requires_root
def test_a_planted_tmp_cache_folder_is_not_read_nor_written(tmp_path: Path) -> None:
    """HOME unusable, so the fallback is <tmp>/planlint-<uid>: someone else made it first."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    planted = tmp / f"planlint-{os.getuid()}"
    marker = tmp_path / "pwned"
    plant(planted, marker)
    before = sorted(p.name for p in planted.iterdir())
    write(tmp_path, "a.plan", PLAN)
    done = run_process("check", "a.plan", "--no-cache", "--exit-zero", cwd=tmp_path,
                       env={"HOME": "/proc/self", "XDG_CACHE_HOME": "", "TMPDIR": str(tmp)})
    assert done.code == 0, done.err
    assert not marker.exists(), "a planted cache file ran code"
    assert sorted(p.name for p in planted.iterdir()) == before, "planlint wrote into a folder another user owns"


@requires_root
def test_an_xdg_cache_home_someone_else_can_write_is_skipped(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    marker = tmp_path / "pwned"
    plant(xdg / "planlint", marker)
    write(tmp_path, "a.plan", PLAN)
    done = run_process("check", "a.plan", "--no-cache", "--exit-zero", cwd=tmp_path,
                       env={"XDG_CACHE_HOME": str(xdg), "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path)})
    assert done.code == 0, done.err
    assert not marker.exists()
    assert grammar_cache.private_folder() != xdg / "planlint"


def test_an_own_folder_others_can_write_is_not_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xdg" / "planlint"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr("tempfile.tempdir", None)
    chosen = grammar_cache.private_folder()
    assert chosen is not None and chosen != folder
    info = os.lstat(chosen)
    assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700


def test_a_symlinked_cache_folder_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    (tmp_path / "xdg").mkdir()
    (tmp_path / "xdg" / "planlint").symlink_to(real)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    assert grammar_cache.private_folder() == tmp_path / "home" / ".cache" / "planlint"


def test_tables_are_plain_data_stored_privately_and_checked_before_decoding(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    built = []
    tables = grammar_cache.cached("k" * 64, lambda: built.append(1) or {"data": {"states": {0: [1, 2]}}, "memo": {}}, folder)
    assert built == [1] and tables == {"data": {"states": {0: [1, 2]}}, "memo": {}}
    (stored,) = folder.iterdir()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stored.read_bytes().startswith(grammar_cache.MAGIC)
    assert grammar_cache.cached("k" * 64, lambda: built.append(2) or {}, folder) == tables and built == [1]  # reused

    stored.write_bytes(stored.read_bytes().replace(b"[1,2]", b"[1,3]"))  # edited: its hash no longer matches
    assert grammar_cache.load(folder, "k" * 64) is None
    stored.write_bytes(b"x\n" + pickle.dumps(Payload(tmp_path / "pwned")))
    assert grammar_cache.load(folder, "k" * 64) is None and not (tmp_path / "pwned").exists()


@requires_root
def test_a_cache_file_owned_by_someone_else_is_ignored_even_in_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    grammar_cache.store(folder, "k" * 64, {"data": {}, "memo": {}})
    (stored,) = folder.iterdir()
    assert grammar_cache.load(folder, "k" * 64) is not None
    os.chown(stored, NOBODY, NOBODY)
    assert stored.stat().st_uid == NOBODY
    assert grammar_cache.load(folder, "k" * 64) is None
    os.chown(stored, os.getuid(), os.getgid())
    stored.chmod(0o666)
    assert grammar_cache.load(folder, "k" * 64) is None


def test_the_parser_uses_and_reuses_the_private_cache(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    first = run_process("check", "a.plan", "--no-cache", "--format", "json", "--exit-zero", cwd=tmp_path, env=env)
    files = list((tmp_path / "xdg" / "planlint").glob("grammar-*.json"))
    assert len(files) == 1 and stat.S_IMODE((tmp_path / "xdg" / "planlint").stat().st_mode) == 0o700
    stamp = files[0].stat().st_mtime_ns
    second = run_process("check", "a.plan", "--no-cache", "--format", "json", "--exit-zero", cwd=tmp_path, env=env)
    assert first.out == second.out and first.code == second.code == 0
    assert files[0].stat().st_mtime_ns == stamp  # read, not rebuilt
