"""Files planlint keeps between runs in a folder only the user can reach, checked before they are trusted.

One home for every cache outside the working tree (Lark's grammar tables,
the installed plugins' entry points). A cache another user can plant (a
shared ``/tmp``, an ``XDG_CACHE_HOME`` someone else can write) must never
steer a run, so:

* the folder is owned by the user with no access for anyone else (0700);
  one that belongs to someone else, is a symlink or lets others write is
  skipped, never repaired;
* a file is read only when owned by the user and writable by nobody else,
  checked on the opened file itself (``fstat``), so a link or a swap between
  the check and the read gains nothing;
* each file starts with a header naming what it holds, the key it was made
  for and the hash of its body, all checked before the body is decoded: a
  stale, truncated or edited file is a miss, never used;
* bodies are plain data (JSON), never a pickle.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional


def private_folder(name: str = "planlint") -> Optional[Path]:
    """A cache folder only this user can read or write, created 0700 when missing; None if there is none.

    Tried in order: ``$XDG_CACHE_HOME/planlint``, ``~/.cache/planlint``, and
    ``<tmp>/planlint-<uid>``. A candidate that exists but belongs to someone
    else, is a symlink, or lets others write is skipped, never repaired: who
    made it may already have put files in it. One of ours that only others
    could read (an older planlint made it 0755) is made 0700.
    """
    for folder in _candidates(name):
        try:
            folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                pass
            info = os.lstat(folder)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022:
                if info.st_mode & 0o077:
                    os.chmod(folder, 0o700)  # ours, and nobody else could ever write in it: make it private
                if is_private(os.lstat(folder), directory=True):
                    return folder
        except OSError:
            continue
    return None


def _candidates(name: str) -> Iterator[Path]:
    """The folders :func:`private_folder` tries, in order; ``tempfile`` only imported when the first two fail."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        yield Path(xdg) / name
    home = os.path.expanduser("~")
    if os.path.isabs(home):
        yield Path(home) / ".cache" / name
    import tempfile

    yield Path(tempfile.gettempdir()) / f"{name}-{os.getuid()}"


def is_private(info: os.stat_result, directory: bool) -> bool:
    """Owned by this user; a folder open to nobody else, a file nobody else can write."""
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    others = 0o077 if directory else 0o022
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & others


@lru_cache(maxsize=None)
def code_stamp() -> str:
    """A hash of planlint's own source files (each one's path, size and modification time), worked out once a process.

    What is kept here because planlint computed it from its code (a pack's
    compiled form) is stale when that code changes, and a development
    checkout changes its code under one version number. One listing per
    folder and one ``stat`` per file: well under a millisecond.
    """
    parts: list[str] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as listing:
            for entry in sorted(listing, key=lambda item: item.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        walk(entry.path)
                elif entry.name.endswith((".py", ".lark", ".toml")):
                    info = entry.stat(follow_symlinks=False)
                    parts.append(f"{entry.path} {info.st_size} {info.st_mtime_ns}")

    walk(os.path.dirname(os.path.abspath(__file__)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _header(magic: bytes, key: str, body: bytes) -> bytes:
    return magic + b" " + key.encode() + b" " + hashlib.sha256(body).hexdigest().encode()


def read(folder: Path, file_name: str, magic: bytes, key: str) -> Optional[bytes]:
    """The body stored as ``file_name`` for ``key``, or None when absent, not private, stale or damaged."""
    try:
        fd = os.open(folder / file_name, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not is_private(os.fstat(handle.fileno()), directory=False) or not is_private(os.lstat(folder), directory=True):
            return None
        data = handle.read()
    header, _, body = data.partition(b"\n")
    return body if header == _header(magic, key, body) else None


def write(folder: Path, file_name: str, magic: bytes, key: str, body: bytes) -> None:
    """Write 0600 under a temporary name, then rename: a failure only means the next run makes it again.

    Not the report writer (:mod:`planlint.engine.atomic`): that one follows
    symlinks and writes into devices, which a private cache must never do;
    here ``O_EXCL`` and ``O_NOFOLLOW`` refuse anything already in the way.
    """
    final = folder / file_name
    temporary = folder / f"{file_name}.{os.getpid()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_header(magic, key, body) + b"\n" + body)
        os.replace(temporary, final)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
