"""One line per counted finding and nothing else: for ``--quiet`` and for editors and scripts.

``path:line:col: severity CODE name: message``, the same line the text report
starts with, without scores, fixes or summary. Suppressed findings are left out.
"""

from __future__ import annotations

from typing import TextIO

from ..results import FileResult, RunResult, Summary
from .stream import render_with


class Stream:
    """The concise report written file by file (see :mod:`planlint.reporters.stream`)."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        self.out.write("".join(
            f"{result.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.name}: {f.message}\n"
            for f in result.failing()
        ))

    def end(self, summary: Summary) -> None:
        pass


def render(result: RunResult, color: bool = False) -> str:
    return render_with(Stream, result, color)
