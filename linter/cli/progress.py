"""A progress bar on standard error, for long runs on a terminal only.

Never on a pipe or a file (CI logs and ``--format json > out.json`` stay
clean), never for short runs, and erased when done, so standard output is
exactly the report whether or not the bar was shown.
"""

from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

MIN_FILES = 20
WIDTH = 30
INTERVAL = 0.1


class Progress:
    def __init__(self, total: int, stream: Optional[TextIO] = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.enabled = enabled and total >= MIN_FILES and _is_terminal(self.stream)
        self._last = 0.0

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= INTERVAL or self.done == self.total:
            self._last = now
            filled = WIDTH * self.done // max(self.total, 1)
            self.stream.write(f"\rplanlint [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} plans")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
