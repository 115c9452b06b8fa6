"""Linting any planlint file: a plan through the :class:`Linter`, a portfolio through the portfolio checker.

A portfolio's verdict depends on the plans it references, so it is checked by
:mod:`planlint.engine.portfolio`, which lints those plans with the same
linter. This module sits above both and is the one place that tells the two
kinds of file apart; the linter itself only ever lints plans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from ..model import Portfolio, PlanFile
from .linter import Linter, read_document
from .portfolio import lint_portfolio
from .results import FileResult


def lint_document(linter: Linter, read: "PlanFile | FileResult", path: str,
                  options: Optional[dict[str, Any]] = None) -> FileResult:
    """What :func:`read_document` gave, linted: a plan as a plan, a portfolio with the plans it references."""
    if isinstance(read, PlanFile) and isinstance(read.document, Portfolio):
        return lint_portfolio(linter, read.document, path).result
    return linter.lint_read(read, path, options)


def lint_file(linter: Linter, path: Path, display: Optional[str] = None) -> FileResult:
    """Read and lint the file at ``path``, shown as ``display``."""
    from ..language.parser import parse_file  # lazy: commands that never parse stay fast to start

    shown = display or str(path)
    limit = linter.settings.max_file_size
    return lint_document(linter, read_document(lambda: parse_file(path, shown, limit), shown), shown)


def lint_text(linter: Linter, text: str, path: str = "<string>") -> FileResult:
    """Lint plan or portfolio text (a rule's examples, a plan's text at an earlier commit)."""
    from ..language.parser import parse_text

    return lint_document(linter, read_document(lambda: parse_text(text, path), path), path)
