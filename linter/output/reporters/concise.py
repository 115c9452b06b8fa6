"""One line per counted finding and nothing else: for ``--quiet`` and for editors and scripts.

``path:line:col: severity CODE name: message``, the same line the text report
starts with, without scores, fixes or summary. Suppressed findings are left out.
"""

from __future__ import annotations

import io

from ...engine.results import FileResult, RunResult
from .stream import Stream as BaseStream, render_with


class Stream(BaseStream):
    """The concise report written file by file (see :mod:`planlint.output.reporters.stream`)."""

    @staticmethod
    def piece(result: FileResult, color: bool) -> str:
        return "".join(
            f"{result.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.name}: {f.message}\n"
            for f in result.failing()
        )


def render(result: RunResult, color: bool = False) -> str:
    return render_with(Stream(io.StringIO(), color), result)
