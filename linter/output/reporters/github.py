"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=plans/acme.plan,line=12,col=3,endLine=12,endColumn=40,title=PL302 action-owner::message``.
Values are escaped as the Actions runner expects (``%``, CR and LF everywhere;
``:`` and ``,`` also inside properties), so a message with a comma or a
newline can neither break the command nor inject another one. Suppressed
findings are not annotated. Each plan's score is a notice on its file.
"""

from __future__ import annotations

import io

from ...engine.results import FileResult, Finding, RunResult, Summary
from .stream import Stream as BaseStream, render_with
from .verdict import failed_pillars, headline, missed_thresholds

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def _annotation(path: str, finding: Finding) -> str:
    properties: dict[str, object] = {"file": path, "line": finding.line, "col": finding.column}
    if finding.end_line >= finding.line:
        properties.update(endLine=finding.end_line, endColumn=finding.end_column)
    properties["title"] = f"{finding.code} {finding.name}"
    return _command(COMMANDS[finding.severity.value], properties, finding.message)


class Stream(BaseStream):
    """The annotations written file by file (see :mod:`planlint.output.reporters.stream`)."""

    @staticmethod
    def piece(file_result: FileResult, color: bool) -> str:
        lines = [_annotation(file_result.path, f) for f in file_result.findings if f.suppressed is None]
        if file_result.kind == "plan":
            failed = failed_pillars(file_result)
            missed = missed_thresholds(file_result)
            lines.append(_command("notice", {"file": file_result.path, "title": "planlint score"},
                                  headline(file_result) + (f" · failed pillars: {', '.join(failed)}" if failed else "")
                                  + "".join(f" · {line}" for line in missed)))
        return "".join(line + "\n" for line in lines)

    def end(self, s: Summary) -> None:
        from .text import summary_line

        self.out.write(f"planlint: {summary_line(s)}\n")


def render(result: RunResult, color: bool = False) -> str:
    return render_with(Stream(io.StringIO(), color), result)
