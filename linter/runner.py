"""Running a check: from paths and options to a :class:`RunResult` and an exit code.

Shared by `planlint check` and the commands that build on it (report,
portfolio), so every command loads rules and settings the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from . import __version__
from .engine import Linter
from .registry import Registry, load_registry
from .results import FileResult, RunResult, Summary
from .rule import Severity
from .settings import Settings


@dataclass(frozen=True)
class Options:
    """What the command line asked for, beyond the configuration files."""

    as_of: Optional[dt.date] = None
    fail_under: Optional[float] = None
    packs: tuple[str, ...] = ()


def make_registry(settings: Settings, options: Options) -> Registry:
    disabled = [name for name, enabled in settings.plugins.items() if not enabled]
    return load_registry(disabled_plugins=disabled, pack_paths=[*settings.packs, *options.packs])


def make_linter(settings: Settings, options: Options, registry: Optional[Registry] = None) -> Linter:
    return Linter(registry or make_registry(settings, options), settings, as_of=options.as_of)


def summarise(files: Iterable[FileResult]) -> Summary:
    files = list(files)
    counted = [finding for result in files for finding in result.failing()]
    scores = [result.score for result in files if result.kind == "plan"]
    return Summary(
        files=len(files),
        findings=len(counted),
        mean_score=round(sum(scores) / len(scores), 1) if scores else 0.0,
        errors=sum(1 for f in counted if f.severity == Severity.error),
        warnings=sum(1 for f in counted if f.severity == Severity.warning),
        infos=sum(1 for f in counted if f.severity == Severity.info),
    )


def run_result(files: list[FileResult]) -> RunResult:
    return RunResult(version=__version__, files=files, summary=summarise(files))


def file_fails(result: FileResult, fail_under: Optional[float]) -> bool:
    """A file fails the run on an error finding, an unreadable plan, or a score below the bar."""
    if not result.parsed:
        return True
    if any(finding.severity == Severity.error for finding in result.failing()):
        return True
    return result.kind == "plan" and fail_under is not None and result.score < fail_under


def lint_files(linter: Linter, paths: list[Path]) -> list[FileResult]:
    return list(linter.lint_paths(paths))
