"""JSON output: the machine contract (see README, "JSON output").

Keys are sorted and floats keep one decimal, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from ... import __version__
from ...engine.results import FileResult, RunResult, Summary
from ...engine.verdict import SCORING_VERSION
from .stream import Stream as BaseStream, render_with


def to_data(result: RunResult) -> dict:
    return result.model_dump(mode="json")


def _dumps(data: Any, indent: str) -> str:
    """``data`` as ``json.dumps(..., indent=2)`` writes it at nesting depth ``indent``.

    JSON strings hold no raw newline (they are escaped), so indenting every
    line after the first gives exactly the text of the whole document's dump.
    """
    return json.dumps(data, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


class Stream(BaseStream):
    """The JSON document written file by file: the same bytes as dumping the finished run.

    ``{"version": ..., "files": [`` first, each file's object as it arrives,
    then the summary; see :mod:`planlint.output.reporters.stream`.
    """

    def __init__(self, out: TextIO, color: bool = False, version: str = __version__, scoring: str = SCORING_VERSION) -> None:
        super().__init__(out, color)
        self.count = 0
        out.write("{\n  " + _dumps("version", "") + ": " + _dumps(version, "  ")
                  + ',\n  "scoring": ' + _dumps(scoring, "  ") + ',\n  "files": [')

    @staticmethod
    def piece(result: FileResult, color: bool) -> str:
        return _dumps(result.model_dump(mode="json"), "    ")

    def write(self, piece: str) -> None:
        self.out.write(("," if self.count else "") + "\n    " + piece)
        self.count += 1

    def end(self, summary: Summary) -> None:
        close = "\n  ]" if self.count else "]"
        self.out.write(close + ',\n  "summary": ' + _dumps(summary.model_dump(mode="json"), "  ") + "\n}\n")


def render(result: RunResult, color: bool = False) -> str:
    return render_with(Stream(io.StringIO(), color, result.version, result.scoring), result)
