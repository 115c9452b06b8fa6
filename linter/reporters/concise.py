"""One line per counted finding and nothing else: for ``--quiet`` and for editors and scripts.

``path:line:col: severity CODE name: message``, the same line the text report
starts with, without scores, fixes or summary. Suppressed findings are left out.
"""

from __future__ import annotations

from ..results import RunResult


def render(result: RunResult, color: bool = False) -> str:
    lines = [
        f"{file_result.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.name}: {f.message}"
        for file_result in result.files
        for f in file_result.failing()
    ]
    return "".join(line + "\n" for line in lines)
