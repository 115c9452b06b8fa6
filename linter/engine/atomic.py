"""Writing files so that nothing planlint writes is ever half-written."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, TextIO, cast


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with _replacing(path, binary=True) as handle:
        handle.write(data)


@contextmanager
def atomic_text_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file written piece by piece (a streamed report) that appears only when complete."""
    with _replacing(path, binary=False) as handle:
        yield cast(TextIO, handle)


@contextmanager
def _replacing(path: str | os.PathLike[str], binary: bool) -> Iterator[IO]:
    """A handle on a temporary file in the target's folder, renamed over the target when the block ends.

    If the block raises, the temporary file is removed and the target is left
    as it was. The same folder keeps the rename atomic (one file system).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; a report is meant to be shared
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


def _mode_for(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give: the old file's, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
