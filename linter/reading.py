"""Reading input files so that no input can block a run or fill the memory.

A FIFO named on the command line blocks ``read()`` forever; a symlink to
``/dev/zero`` never ends; ``packs = ["/dev/zero"]`` likewise. So planlint
reads only regular files (after following symlinks), opened without
blocking and checked on the opened file itself, and at most ``limit`` bytes
(``max-file-size``, 20 MB by default). Standard input (``-``) is the one
exception to "regular", read with the same limit.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import Optional

DEFAULT_LIMIT = 20_000_000  # bytes


class InputRefused(OSError):
    """A file planlint will not read; ``reason`` is said to the user as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_input(path: "str | os.PathLike[str]", limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of a regular file (or of standard input for ``-``), refusing anything else or anything larger than ``limit``."""
    if str(path) == "-":
        return _bounded(sys.stdin.buffer.read, limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(f"it is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise InputRefused(f"it is {info.st_size:,} bytes; the limit is {limit:,} (max-file-size)")
        return _bounded(handle.read, limit, info.st_size)


def _bounded(read: "object", limit: int, expected: Optional[int] = None) -> bytes:
    """At most ``limit`` bytes (one more says "too large").

    Asking for ``limit + 1`` bytes at once makes Python allocate that much
    (20 MB by default) whatever the file's size: a regular file is read at
    its size, and further only if it grew meanwhile.
    """
    if expected is None:
        data = read(limit + 1)  # type: ignore[operator]
    else:
        data = read(min(expected, limit) + 1)  # type: ignore[operator]
        if len(data) > expected and len(data) <= limit:  # the file grew since it was measured
            data += read(limit + 1 - len(data))  # type: ignore[operator]
    if len(data) > limit:
        raise InputRefused(f"it is more than {limit:,} bytes; the limit is {limit:,} (max-file-size)")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"
