"""Writing files so that nothing planlint writes is ever half-written, and nothing is replaced that should be written into.

A regular file (or a path that does not exist yet) is written to a
temporary file beside it and renamed over it, so a reader or a killed run
sees the old file or the whole new one. A symlink is followed: its target is
what gets replaced, the link stays. Anything else (``/dev/stdout``, a
terminal, a FIFO, ``/dev/full``) is written straight into: renaming over a
device node or a pipe would replace the node itself with a regular file.

The temporary file is named ``<name>.<pid>.planlint-tmp``: visible, and
saying what it is. A run killed with SIGKILL cannot remove it, so each write
removes the leftovers of dead runs beside its target.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional, TextIO, cast

TEMP_SUFFIX = ".planlint-tmp"


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, mode: Optional[int] = None) -> None:
    """``mode`` None: what a plain ``open(path, "w")`` would give (see :func:`_mode_for`)."""
    with _replacing(path, binary=True, mode=mode) as handle:
        handle.write(data)


@contextmanager
def atomic_text_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file written piece by piece (a streamed report) that appears only when complete."""
    with _replacing(path, binary=False) as handle:
        yield cast(TextIO, handle)


def _is_special(path: Path) -> bool:
    """True for an existing target that is not a regular file (after following links)."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a folder", str(path))
    return not stat.S_ISREG(info.st_mode)


@contextmanager
def _replacing(path: str | os.PathLike[str], binary: bool, mode: Optional[int] = None) -> Iterator[IO]:
    """A handle on a temporary file in the target's folder, renamed over the target when the block ends.

    If the block raises, the temporary file is removed and the target is left
    as it was. The same folder keeps the rename atomic (one file system).
    """
    given = Path(path)
    if _is_special(given):
        with (open(given, "wb") if binary else open(given, "w", encoding="utf-8", newline="")) as direct:
            yield direct
        return
    target = Path(os.path.realpath(given))  # a symlink's target is replaced, not the link
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    fd, tmp = tempfile.mkstemp(prefix=f"{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        os.chmod(tmp, _mode_for(target) if mode is None else mode)  # mkstemp makes 0600; a report is meant to be shared
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _remove_leftovers(target: Path) -> None:
    """Delete temporary files for ``target`` whose writing process no longer exists (a killed run)."""
    try:
        names = [entry.name for entry in os.scandir(target.parent)
                 if entry.name.startswith(f"{target.name}.") and entry.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        pid = name[len(target.name) + 1:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _mode_for(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give: the old file's, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
