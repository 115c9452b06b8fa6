"""Writing a report file by file, as the results arrive, instead of from a finished run.

Holding every :class:`~planlint.engine.results.FileResult` until the end made memory
grow with the number of plans (about 85 KB each). A *stream* writes each
file's part of the report the moment its result is known and keeps only the
summary counts, so ``planlint check`` over 10,000 plans uses as much memory as
over ten. The text, concise, JSON and GitHub formats stream; SARIF and JUnit
need the whole run (rule tables, per-suite totals up front) and are rendered
from held results.

A file's part is split in two so that it can be made where the file was
checked: :meth:`Stream.piece` turns one result into text and depends on
nothing else (a worker process calls it, and sends back a short string
instead of the whole result), and :meth:`Stream.write` puts pieces in order
with whatever joins them (the JSON stream's commas).

Each streaming format's ``render(result)`` runs its stream over a finished
run, so the bytes are the same whichever way a report is produced.
"""

from __future__ import annotations

import io
from importlib import import_module
from typing import TextIO

from ...engine.results import FileResult, RunResult, Summary

STREAMING_FORMATS = ("text", "concise", "json", "github")


class Stream:
    """A report written to ``out``: :meth:`file` (or :meth:`write`) once per result in report order, then :meth:`end`."""

    def __init__(self, out: TextIO, color: bool = False) -> None:
        self.out = out
        self.color = color

    @staticmethod
    def piece(result: FileResult, color: bool) -> str:
        """One file's part of the report. Pure: the same result always gives the same text."""
        raise NotImplementedError

    def write(self, piece: str) -> None:
        self.out.write(piece)

    def file(self, result: FileResult) -> None:
        self.write(self.piece(result, self.color))

    def end(self, summary: Summary) -> None:
        """Close the report once every file is written (a summary line, a closing bracket)."""


def render_with(stream: Stream, result: RunResult) -> str:
    """A finished run rendered through ``stream`` (writing to a :class:`io.StringIO`): how each ``render`` works."""
    for file_result in result.files:
        stream.file(file_result)
    stream.end(result.summary)
    assert isinstance(stream.out, io.StringIO), "render_with is given a stream over a StringIO"
    return stream.out.getvalue()


def stream_class(name: str) -> type[Stream]:
    """The stream of a format in :data:`STREAMING_FORMATS`."""
    return import_module(f".{name}", __package__).Stream
