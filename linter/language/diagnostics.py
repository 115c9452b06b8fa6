"""Problems found while *reading* a file, before any rule runs.

A :class:`Diagnostic` is what a sales rep sees when a plan cannot be read:
``path:line:col: message``, the source line, and a caret under the spot. The
parser raises :class:`PlanSyntaxError` carrying every diagnostic it could
recover; the engine turns each into a finding so it shows up in every output
format.
"""

from __future__ import annotations

from dataclasses import dataclass

SYNTAX_ERROR = "PL001"
INVALID_VALUE = "PL002"
UNREADABLE_FILE = "PL003"


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    column: int
    message: str
    code: str = SYNTAX_ERROR
    end_line: int = 0
    end_column: int = 0
    source_line: str = ""

    def render(self) -> str:
        """Format as ``path:line:col: message`` with the line and a caret."""
        head = f"{self.path}:{self.line}:{self.column}: {self.message}"
        if not self.source_line:
            return head
        return head + "\n" + excerpt(self.source_line, self.line, self.column, self.end_line, self.end_column)


def excerpt(source_line: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source line, indented, with carets under columns ``column`` to ``end_column``."""
    shown = source_line.expandtabs(1)[:200]
    width = end_column - column if end_line == line and end_column > column else 1
    width = max(1, min(width, len(shown) - column + 2))
    return f"    {shown}\n    {' ' * (max(column, 1) - 1)}{'^' * width}"


class PlanSyntaxError(Exception):
    """Raised when a file cannot be read into a model; holds every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.render() for d in diagnostics))
