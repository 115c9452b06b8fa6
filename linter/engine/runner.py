"""Running a check: from paths and options to a :class:`RunResult` and an exit code.

Shared by `planlint check` and the commands that build on it (report,
portfolio), so every command loads rules and settings the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Optional

from .. import __version__
from ..api import containment
from ..reading import read_input
from .cache import ResultCache
from ..api.containment import FileTimeout
from .documents import lint_document, lint_file
from .linter import Linter, display_path, read_document
from ..api.registry import Registry, load_registry
from .results import FileResult, RunResult, Summary
from ..api.rule import Severity
from ..config.settings import Settings
from .verdict import SCORING_VERSION


@dataclass(frozen=True)
class Options:
    """What the command line asked for, beyond the configuration files."""

    as_of: Optional[dt.date] = None
    fail_under: Optional[float] = None
    packs: tuple[str, ...] = ()


def make_registry(settings: Settings, options: Options) -> Registry:
    disabled = [name for name, enabled in settings.plugins.items() if not enabled]
    return load_registry(disabled_plugins=disabled, pack_paths=[*settings.packs, *options.packs],
                         load_timeout=settings.plugin_timeout)


def make_linter(settings: Settings, options: Options, registry: Optional[Registry] = None) -> Linter:
    return Linter(registry or make_registry(settings, options), settings, as_of=options.as_of)


class Tally(NamedTuple):
    """What the run's summary and exit code need of one file: a few numbers instead of its result."""

    kind: str
    score: float
    errors: int
    warnings: int
    infos: int
    fails: bool


def tally_of(result: FileResult, fail_under: Optional[float] = None) -> Tally:
    counts = {severity: 0 for severity in Severity}
    for finding in result.failing():
        counts[finding.severity] += 1
    return Tally(result.kind, result.score or 0.0, counts[Severity.error], counts[Severity.warning],
                 counts[Severity.info], file_fails(result, fail_under))


class SummaryCounter:
    """The run's summary counted file by file, so a streamed report need not hold the results."""

    def __init__(self) -> None:
        self.files = self.plans = self.portfolios = self.unreadable = self.errors = self.warnings = self.infos = 0
        self.score_total = 0.0
        self.failed = False

    def add(self, tally: Tally) -> None:
        self.files += 1
        self.errors += tally.errors
        self.warnings += tally.warnings
        self.infos += tally.infos
        self.failed = self.failed or tally.fails
        self.portfolios += tally.kind == "portfolio"
        self.unreadable += tally.kind == "unreadable"
        if tally.kind == "plan":
            self.plans += 1
            self.score_total += tally.score  # added in file order, as sum() would

    def summary(self) -> Summary:
        return Summary(
            files=self.files,
            findings=self.errors + self.warnings + self.infos,
            mean_score=round(self.score_total / self.plans, 1) if self.plans else 0.0,
            errors=self.errors,
            warnings=self.warnings,
            infos=self.infos,
            plans=self.plans,
            portfolios=self.portfolios,
            unreadable=self.unreadable,
        )


def summarise(files: Iterable[FileResult]) -> Summary:
    counter = SummaryCounter()
    for result in files:
        counter.add(tally_of(result))
    return counter.summary()


def run_result(files: list[FileResult]) -> RunResult:
    return RunResult(version=__version__, scoring=SCORING_VERSION, files=files, summary=summarise(files))


def file_fails(result: FileResult, fail_under: Optional[float]) -> bool:
    """A file fails the run on an error finding, an unreadable plan, a score below the bar, or a missed threshold."""
    if not result.parsed:
        return True
    if any(finding.severity == Severity.error for finding in result.failing()):
        return True
    if result.kind == "plan" and any(not bar.met for bar in result.thresholds):  # category-fail-under, quadrant bars
        return True
    return result.kind == "plan" and fail_under is not None and result.score < fail_under


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
    return run_tasks(partial(lint_one, linter, cache), paths, jobs, as_json, _lost_file, linter.settings.timeout)


class Reported(NamedTuple):
    """One file's part of a streamed report and its tally: all a worker sends back for it."""

    piece: str
    tally: Tally


def iter_reported(
    linter: Linter,
    paths: list[Path],
    piece: Callable[[FileResult, bool], str],
    color: bool = False,
    fail_under: Optional[float] = None,
    jobs: Optional[int] = 1,
    cache: Optional[ResultCache] = None,
) -> Iterator[Reported]:
    """Like :func:`iter_lint_files`, but each file's report text is made where it was checked.

    A worker then sends back a string and six numbers instead of the whole
    result (decoding a result took the parent about 1 ms a plan, which capped
    what a second core could add), and the parent only writes.
    """
    from .parallel import run_tasks

    def lost(path: Path, rule: str) -> Reported:
        result = _lost_file(path, rule)
        return Reported(piece(result, color), tally_of(result, fail_under))

    return run_tasks(partial(report_one, linter, cache, piece, color, fail_under), paths, jobs, None, lost,
                     linter.settings.timeout)


def report_one(
    linter: Linter,
    cache: Optional[ResultCache],
    piece: Callable[[FileResult, bool], str],
    color: bool,
    fail_under: Optional[float],
    path: Path,
) -> Reported:
    result = lint_one(linter, cache, path)
    return Reported(piece(result, color), tally_of(result, fail_under))


def lint_one(linter: Linter, cache: Optional[ResultCache], path: Path) -> FileResult:
    """One file's result: from the cache when its bytes and the run are unchanged, else linted.

    A file over its time budget gets an internal-error finding naming the
    rule and the run goes on (in a worker, in the language server), unless
    the command line runs it in its own process: then the run stops (the CLI
    says which rule on which file, exit 2).
    """
    try:
        return _lint_one(linter, cache, path)
    except FileTimeout as exc:
        if containment.end_run_on_timeout:
            raise
        return failed_file(display_path(path), exc.message())


def _lost_file(path: Path, rule: str = "") -> FileResult:
    """The file whose worker died (while ``rule`` ran, when it is known) or stopped answering."""
    if rule:
        return failed_file(display_path(path), f"the worker checking this file died while rule {rule} ran, and was replaced")
    return failed_file(display_path(path), "the worker checking this file died or stopped answering and was replaced")


def failed_file(display: str, message: str) -> FileResult:
    """A file no result could be had for (its rules ran out of time, its worker died): one PL000, and it fails the run."""
    from .findings import internal_finding

    finding = internal_finding(f"{message}; the other files were checked")
    return FileResult(path=display, kind="unreadable", score=None, band="", parsed=False,
                      error=f"{display}:1:1: {finding.message}", findings=[finding])


def _lint_one(linter: Linter, cache: Optional[ResultCache], path: Path) -> FileResult:
    display = display_path(path)
    if cache is None:
        return lint_file(linter, path, display)
    try:
        # The same guarded read as an uncached run: a FIFO or device is refused, never waited on.
        content = read_input(path, linter.settings.max_file_size)
    except OSError:
        return lint_file(linter, path, display)  # reports why the file cannot be read
    key = cache.key(display, content)
    result = cache.get(key, display)
    if result is None:
        result = lint_content(linter, content, display)
        cache.put(key, result)
    return result


def lint_content(linter: Linter, content: bytes, display: str) -> FileResult:
    """Lint the bytes already read (and hashed), so the result matches the key exactly."""
    from ..language.parser import parse_bytes

    try:
        return lint_document(linter, read_document(lambda: parse_bytes(content, display), display), display)
    except FileTimeout as exc:
        if containment.end_run_on_timeout:
            raise
        return failed_file(display, exc.message())
