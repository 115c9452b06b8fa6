"""Running a check: from paths and options to a :class:`RunResult` and an exit code.

Shared by `planlint check` and the commands that build on it (report,
portfolio), so every command loads rules and settings the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import __version__
from .cache import ResultCache
from .diagnostics import PlanSyntaxError
from .engine import Linter, display_path, unreadable_result
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


class SummaryCounter:
    """The run's summary counted file by file, so a streamed report need not hold the results."""

    def __init__(self) -> None:
        self.files = self.plans = 0
        self.score_total = 0.0
        self.severities = {severity: 0 for severity in Severity}

    def add(self, result: FileResult) -> None:
        self.files += 1
        for finding in result.failing():
            self.severities[finding.severity] += 1
        if result.kind == "plan":
            self.plans += 1
            self.score_total += result.score  # added in file order, as sum() would

    def summary(self) -> Summary:
        counts = self.severities
        return Summary(
            files=self.files,
            findings=sum(counts.values()),
            mean_score=round(self.score_total / self.plans, 1) if self.plans else 0.0,
            errors=counts[Severity.error],
            warnings=counts[Severity.warning],
            infos=counts[Severity.info],
        )


def summarise(files: Iterable[FileResult]) -> Summary:
    counter = SummaryCounter()
    for result in files:
        counter.add(result)
    return counter.summary()


def run_result(files: list[FileResult]) -> RunResult:
    return RunResult(version=__version__, files=files, summary=summarise(files))


def file_fails(result: FileResult, fail_under: Optional[float]) -> bool:
    """A file fails the run on an error finding, an unreadable plan, or a score below the bar."""
    if not result.parsed:
        return True
    if any(finding.severity == Severity.error for finding in result.failing()):
        return True
    return result.kind == "plan" and fail_under is not None and result.score < fail_under


def lint_files(
    linter: Linter, paths: list[Path], jobs: Optional[int] = 1, cache: Optional[ResultCache] = None
) -> list[FileResult]:
    """Lint every path, in order. ``jobs=None`` uses every core; see :func:`iter_lint_files`."""
    return list(iter_lint_files(linter, paths, jobs, cache))


def iter_lint_files(
    linter: Linter, paths: list[Path], jobs: Optional[int] = 1, cache: Optional[ResultCache] = None
) -> Iterator[FileResult]:
    """Yield each path's result in the order of ``paths``, as soon as it is known.

    Results are streamed, never held here; with ``jobs`` above one the files
    are shared out to a fork pool, with a ``cache`` unchanged files are not
    linted again.
    """
    from .parallel import Transfer, run_tasks

    as_json = Transfer(FileResult.model_dump_json, FileResult.model_validate_json)
    return run_tasks(partial(lint_one, linter, cache), paths, jobs, as_json)


def lint_one(linter: Linter, cache: Optional[ResultCache], path: Path) -> FileResult:
    """One file's result: from the cache when its bytes and the run are unchanged, else linted."""
    display = display_path(path)
    if cache is None:
        return linter.lint_path(path, display)
    try:
        content = path.read_bytes()
    except OSError:
        return linter.lint_path(path, display)  # reports why the file cannot be read
    key = cache.key(display, content)
    result = cache.get(key)
    if result is None:
        result = lint_content(linter, content, display)
        cache.put(key, result)
    return result


def lint_content(linter: Linter, content: bytes, display: str) -> FileResult:
    """Lint the bytes already read (and hashed), so the result matches the key exactly."""
    from .parser import parse_bytes

    try:
        planfile = parse_bytes(content, display)
    except PlanSyntaxError as error:
        return unreadable_result(display, error.diagnostics)
    return linter.lint_model(planfile, display)
