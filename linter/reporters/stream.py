"""Writing a report file by file, as the results arrive, instead of from a finished run.

Holding every :class:`~planlint.results.FileResult` until the end made memory
grow with the number of plans (about 85 KB each). A *stream* writes each
file's part of the report the moment its result is known and keeps only the
summary counts, so ``planlint check`` over 10,000 plans uses as much memory as
over ten. The text, concise, JSON and GitHub formats stream; SARIF and JUnit
need the whole run (rule tables, per-suite totals up front) and are rendered
from held results.

Each streaming format's ``render(result)`` runs its stream over a finished
run, so the bytes are the same whichever way a report is produced.
"""

from __future__ import annotations

import io
from typing import Callable, Protocol, TextIO

from ..results import FileResult, RunResult, Summary

STREAMING_FORMATS = ("text", "concise", "json", "github")


class Stream(Protocol):
    """Writes a report to ``out``: :meth:`file` once per result in report order, then :meth:`end`."""

    def file(self, result: FileResult) -> None: ...

    def end(self, summary: Summary) -> None: ...


StreamFactory = Callable[[TextIO, bool], Stream]


def render_with(factory: StreamFactory, result: RunResult, color: bool = False) -> str:
    """A finished run rendered through a stream: how each streaming format's ``render`` works."""
    out = io.StringIO()
    stream = factory(out, color)
    for file_result in result.files:
        stream.file(file_result)
    stream.end(result.summary)
    return out.getvalue()


def open_stream(name: str, out: TextIO, color: bool = False) -> Stream:
    """The stream of a format in :data:`STREAMING_FORMATS`."""
    from importlib import import_module

    factory: StreamFactory = import_module(f".{name}", __package__).Stream
    return factory(out, color)
