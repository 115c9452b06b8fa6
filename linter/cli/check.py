"""`planlint check PATH...`: lint plans, print findings and scores, set the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Optional, TypeVar

from dataclasses import replace

from ..api.crm import CRM_CATEGORY, CrmError
from ..engine.exports import export_paths, export_results, load_crm
from ..engine.cache import cache_for
from .exits import EXIT_FINDINGS, EXIT_OK, UsageError
from ..config.loader import (ConfigError, ConfigResolver, LoadedConfig, PlanGroup, group_plans,
                             shown_path)
from ..config.rule_names import check_rule_names
from ..engine.linter import Linter
from ..engine.files import MissingPath, collect_plan_files
from ..engine.meta import META_RULES
from .progress import Progress
from ..api.registry import Registry
from ..output.reporters import FORMATS, get_reporter
from ..output.reporters.stream import STREAMING_FORMATS, stream_class
from ..engine.results import FileResult, RunResult, Summary
from ..api.rule import RULES_DOCS, RuleInfo
from ..engine.runner import (Options, Reported, SummaryCounter, file_fails, iter_lint_files, iter_reported, lint_content,
                      make_linter, make_registry, run_result)
from ._common import (STDIN, add_stdin_filename_option, iso_date, open_output, read_stdin, report_load_problems, score,
                      stdin_display, use_color, whole_number, write_output)
from ..output.words import counted
from ..config.overrides import Overrides, selectors

if TYPE_CHECKING:  # imported where used: a plain check reads no baseline and writes no SARIF (tests/test_lazy_imports.py)
    from ..api.crm import CrmData
    from ..engine import baseline as baseline_module

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="lint plans and score them", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched for *.plan), or - for standard input")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--fail-under", type=score, metavar="SCORE", help="fail when any plan scores below SCORE")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date to judge 'past due' and 'stale' by (default: today)")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="load a TOML rule pack (repeatable)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    parser.add_argument("-j", "--jobs", type=whole_number("processes", 1), metavar="N", help="check with N processes (default: one per core; never more than the cores this process may use)")
    parser.add_argument("--no-cache", dest="cache", action="store_false", help="lint every file, reusing no cached result")
    parser.add_argument("--config", action="append", metavar="PATH|'KEY = VALUE'",
                        help="use this configuration file for every plan (default: the nearest planlint.toml, "
                        ".planlint.toml or pyproject.toml [tool.planlint] above each plan); a 'key = value' line of "
                        "TOML overrides one setting, as in the file (repeatable)")
    parser.add_argument("--select", action="append", metavar="RULES",
                        help="check only these rules: codes, prefixes or names, comma-separated (replaces 'select')")
    parser.add_argument("--extend-select", action="append", metavar="RULES", help="also check these rules")
    parser.add_argument("--ignore", action="append", metavar="RULES", help="do not check these rules")
    parser.add_argument("--show-files", action="store_true",
                        help="list the plans this run would check and the configuration of each, then exit")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the findings: no scores, summary or notes")
    parser.add_argument("--statistics", action="store_true", help="print how many findings each rule raised instead of the report")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings or scores fail (2 still means an error)")
    parser.add_argument("--baseline", metavar="FILE", help="fail only on findings not in FILE, and on plans scoring below it")
    parser.add_argument("--write-baseline", metavar="FILE", help="record today's findings and scores in FILE, then exit 0")
    parser.add_argument("--crm", metavar="FILE", help="hold the plans against this CRM opportunities export (CSV; "
                        "see docs/crm.md); replaces [crm] opportunities")
    parser.add_argument("--contacts", metavar="FILE", help="the CRM contacts export to check stakeholders against "
                        "(with --crm); replaces [crm] contacts")
    parser.add_argument("--contact-roles", metavar="FILE", help="the CRM opportunity contact role export (buying "
                        "roles; with --crm); replaces [crm] contact-roles")
    add_stdin_filename_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    excluded: list[tuple[Path, LoadedConfig]] = []
    try:
        groups = (_stdin_group(args) if STDIN in args.paths
                  else group_plans(collect_plan_files(args.paths), _resolver(args), excluded))
    except (MissingPath, ConfigError) as error:
        raise UsageError(str(error)) from None
    if args.stdin_filename and STDIN not in args.paths:
        raise UsageError("--stdin-filename only applies when the path is - (standard input)")
    if args.show_files:
        return _show_files(groups, excluded)
    if not groups:
        _warn_nothing_to_check(args.paths, excluded)
    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics prints a table (text) or a list (json); drop --format " + args.format)
    baseline = _load_baseline(args.baseline)
    options = Options(as_of=args.as_of, fail_under=args.fail_under, packs=tuple(args.pack))
    batches, rules = _prepare(groups, options)
    batches, exports = _with_crm(batches, groups, args)
    if not any(batch.linter.crm for batch in batches):
        rules = [info for info in rules if info.category != CRM_CATEGORY]  # no export: the crm rules do not exist
    color = args.output is None and use_color(sys.stdout, args.color)
    if STDIN in args.paths:
        results = [(lint_content(batches[0].linter, read_stdin(batches[0].linter.settings.max_file_size), stdin_display(args.stdin_filename)), batches[0].fail_under)]
    elif _streams(args, baseline) and not exports:
        return _stream_report(batches, args, color)
    else:
        results = list(_results_in_order(batches, args))
    results = [(export, None) for export in exports] + results
    files = [file_result for file_result, _ in results]
    fail_under = {file_result.path: bar for file_result, bar in results}
    if args.write_baseline:
        _write_baseline(files, args.write_baseline, args.quiet)
    if baseline is not None:
        from ..engine import baseline as baseline_module

        _report_baseline(baseline_module.apply(baseline, files), args.quiet)
    result = run_result(files)
    # SARIF describes each rule once: with the docs of the first plan's configuration (its findings carry their own).
    docs = batches[0].linter.settings.rules_docs_url if batches else RULES_DOCS
    write_output(_render(result, args, color, rules, docs), args.output)
    _note_written(args, result.summary)
    if args.write_baseline or args.exit_zero:
        return EXIT_OK

    def fails(file: FileResult) -> bool:
        bar = None if baseline is not None and _in_baseline(baseline, file) else fail_under[file.path]
        return file_fails(file, bar)

    return EXIT_FINDINGS if any(fails(f) for f in files) else EXIT_OK


def _resolver(args: argparse.Namespace) -> ConfigResolver:
    """The configuration of each plan, with what ``--config 'key = value'``, ``--select`` and the like change."""
    select = selectors(args.select) if args.select else None
    extend, ignore = selectors(args.extend_select), selectors(args.ignore)
    given = {**{s: "--ignore" for s in ignore}, **{s: "--extend-select" for s in extend},
             **{s: "--select" for s in select or ()}}
    return ConfigResolver(args.config, overrides=Overrides(select=select, extend_select=extend, ignore=ignore, given=given))


def _show_files(groups: list[PlanGroup], excluded: list[tuple[Path, LoadedConfig]]) -> int:
    """``--show-files``: each plan the run would check with its configuration, then the ones ``exclude`` drops."""
    rows = [(path, f"configured by {group.config.describe()}") for group in groups for path in group.paths]
    rows += [(path, f"excluded by 'exclude' in {config.describe()}") for path, config in excluded]
    for path, what in sorted(rows, key=lambda row: row[0].as_posix()):
        print(f"{shown_path(path)}  {what}")
    if not rows:
        print("planlint: warning: no plans to check", file=sys.stderr)
    return EXIT_OK


def _stdin_group(args: argparse.Namespace) -> list[PlanGroup]:
    """Standard input as one plan, configured as the file ``--stdin-filename`` names would be (as Ruff does)."""
    if len(args.paths) > 1:
        raise UsageError("- (standard input) cannot be combined with other paths")
    stands_for = Path(args.stdin_filename) if args.stdin_filename else Path.cwd() / "-"
    config = _resolver(args).for_plan(stands_for)
    return [PlanGroup(config.settings_for(stands_for), config, [stands_for])]


class Batch(NamedTuple):
    """One group of plans with the linter for its settings and its --fail-under bar."""

    paths: list[Path]
    linter: Linter
    fail_under: Optional[float]


def _prepare(groups: list[PlanGroup], options: Options) -> tuple[list[Batch], list[RuleInfo]]:
    """A linter per group of plans, every configuration checked before any output is written."""
    registries: dict[tuple[object, ...], Registry] = {}
    checked_configs: set[int] = set()
    rules: dict[str, RuleInfo] = {}
    batches = []
    for group in groups:
        settings = group.settings
        key = (tuple(settings.packs), tuple(sorted(settings.plugins.items())))
        if key not in registries:
            registries[key] = make_registry(settings, options)
            report_load_problems(registries[key])
        registry = registries[key]
        if id(group.config) not in checked_configs:
            checked_configs.add(id(group.config))
            try:
                check_rule_names(group.config, [*(r.info for r in registry.rules), *META_RULES], registry.categories,
                                 registry.available_plugins)
            except ConfigError as error:
                raise UsageError(str(error)) from None
        rules.update((rule.info.code, rule.info) for rule in registry.rules)
        bar = options.fail_under if options.fail_under is not None else settings.fail_under
        batches.append(Batch(group.paths, make_linter(settings, options, registry), bar))
    return batches, [rules[code] for code in sorted(rules)]


def _with_crm(batches: list[Batch], groups: list[PlanGroup],
              args: argparse.Namespace) -> tuple[list[Batch], list[FileResult]]:
    """Each batch's linter with its CRM exports (``--crm``, else ``[crm]`` of its configuration), read once each.

    Also the results of the exports' unreadable rows, to be reported before the plans. Exports that
    cannot be used at all (missing, no known columns) stop the run with a usage error.
    """
    for option, value in (("--contacts", args.contacts), ("--contact-roles", args.contact_roles)):
        if value and not args.crm:
            raise UsageError(f"{option} needs --crm (the opportunities export it goes with)")
    given = {"opportunities": args.crm, "contacts": args.contacts, "contact-roles": args.contact_roles}
    plans = [path for group in groups for path in group.paths]
    loaded: dict[tuple[object, ...], CrmData] = {}
    out = []
    for batch, group in zip(batches, groups):
        crm = group.settings.crm
        exports = export_paths(given, crm, group.config.root)
        if not exports:
            out.append(batch)
            continue
        key = (tuple(sorted(exports.items())), crm.model_dump_json())
        if key not in loaded:
            try:
                loaded[key] = load_crm(exports, crm, plans)
            except CrmError as error:
                raise UsageError(str(error)) from None
        out.append(batch._replace(linter=replace(batch.linter, crm=loaded[key])))
    return out, [result for data in loaded.values() for result in export_results(data)]


def _results_in_order(batches: list[Batch], args: argparse.Namespace) -> Iterator[tuple[FileResult, Optional[float]]]:
    """Each plan's result and bar, in path order, as soon as it is known."""

    def results(batch: Batch) -> Iterator[tuple[FileResult, Optional[float]]]:
        cache = cache_for(batch.linter, args.cache)
        for file_result in iter_lint_files(batch.linter, batch.paths, jobs=args.jobs, cache=cache):
            yield file_result, batch.fail_under

    return _in_path_order(batches, results, progress=not args.quiet)


def _in_path_order(batches: list[Batch], each: Callable[[Batch], Iterable[T]], progress: bool) -> Iterator[T]:
    """``each(batch)``'s values for every batch, in the sorted order of their paths, as soon as known.

    Paths arrive sorted and each group keeps that order, so one group (the
    usual case), or groups that follow one another in the sorted list, are
    passed on as they come. Groups whose plans interleave (configurations
    that alternate folder by folder) are collected and sorted first.
    """
    bar = Progress(sum(len(batch.paths) for batch in batches), enabled=progress)
    every = [path for batch in batches for path in batch.paths]
    in_order = all(a.as_posix() <= b.as_posix() for a, b in zip(every, every[1:]))
    held: dict[Path, T] = {}
    for batch in batches:
        for path, value in zip(batch.paths, each(batch)):
            bar.advance()
            if in_order:
                yield value
            else:
                held[path] = value
    bar.close()
    for path in sorted(held, key=lambda p: p.as_posix()):
        yield held[path]


def _streams(args: argparse.Namespace, baseline: Optional[baseline_module.Baseline]) -> bool:
    """Whether the report can be written as results arrive (see :mod:`planlint.output.reporters.stream`).

    A baseline (read or written) and ``--statistics`` need the whole run, as
    do the SARIF and JUnit formats; they hold the results until the end. So
    does a report to a terminal: there the progress bar runs first and the
    report follows it, rather than the two garbling each other on one screen.
    """
    to_terminal = args.output in (None, "-") and hasattr(sys.stdout, "isatty") and sys.stdout.isatty()
    return (baseline is None and not args.write_baseline and not args.statistics and not to_terminal
            and args.format in STREAMING_FORMATS)


def _stream_report(batches: list[Batch], args: argparse.Namespace, color: bool) -> int:
    """Write each plan's report as its result arrives, holding only the summary counts.

    The text of each plan's part is made in the worker that checked it (see
    :func:`planlint.engine.runner.iter_reported`); this process only writes it out.
    """
    name = "concise" if args.quiet and args.format == "text" else args.format
    kind = stream_class(name)

    def reported(batch: Batch) -> Iterator[Reported]:
        cache = cache_for(batch.linter, args.cache)
        return iter_reported(batch.linter, batch.paths, kind.piece, color, batch.fail_under, args.jobs, cache)

    counter = SummaryCounter()
    with open_output(args.output) as out:
        stream = kind(out, color)
        for piece, tally in _in_path_order(batches, reported, progress=not args.quiet):
            stream.write(piece)
            counter.add(tally)
        stream.end(counter.summary())
    _note_written(args, counter.summary())
    return EXIT_FINDINGS if counter.failed and not args.exit_zero else EXIT_OK


def _render(result: RunResult, args: argparse.Namespace, color: bool, rules: list[RuleInfo], docs: str = RULES_DOCS) -> str:
    if args.statistics:
        from ..output.reporters import statistics

        return statistics.render_json(result) if args.format == "json" else statistics.render(result)
    if args.quiet and args.format == "text":
        return get_reporter("concise")(result)
    if args.format == "sarif":
        from ..output.reporters import sarif

        return sarif.render(result, rules=rules, docs=docs)
    return get_reporter(args.format)(result, color=color)


def _note_written(args: argparse.Namespace, summary: Summary) -> None:
    """``-o FILE`` says what it wrote, as ``planlint report -o`` does (not with ``-q``)."""
    if args.output in (None, "-") or args.quiet:
        return
    print(f"planlint: wrote {args.output}: {args.format} report of {counted(summary.files, 'file')}, "
          f"{counted(summary.findings, 'finding')}", file=sys.stderr)


def _warn_nothing_to_check(typed: list[str], excluded: list[tuple[Path, LoadedConfig]]) -> None:
    """A run that checks no plan says so, and why: an empty folder, or the configuration's ``exclude``."""
    if not excluded:
        where = ", ".join(typed)
        print(f"planlint: warning: no plans to check: no *.plan file in {where}", file=sys.stderr)
        return
    shown = [f"{shown_path(path)} is excluded by 'exclude' in {config.describe()}" for path, config in excluded[:3]]
    more = f" (and {len(excluded) - 3} more)" if len(excluded) > 3 else ""
    print(f"planlint: warning: no plans to check: {'; '.join(shown)}{more}", file=sys.stderr)


def _load_baseline(path: Optional[str]) -> Optional[baseline_module.Baseline]:
    if path is None:
        return None
    from ..engine import baseline as baseline_module

    try:
        return baseline_module.load(Path(path))
    except baseline_module.BaselineError as error:
        raise UsageError(str(error)) from None


def _in_baseline(baseline: baseline_module.Baseline, file: FileResult) -> bool:
    from ..engine import baseline as baseline_module

    return baseline_module.in_baseline(baseline, file)


def _write_baseline(files: list[FileResult], path: str, quiet: bool) -> None:
    from ..engine import baseline as baseline_module

    try:
        written = baseline_module.write(files, Path(path))
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    if not quiet:
        count = sum(sum(entry.findings.values()) for entry in written.plans.values())
        print(f"planlint: wrote {path}: {counted(count, 'finding')} in {counted(len(written.plans), 'plan')}", file=sys.stderr)


def _report_baseline(outcome: "baseline_module.Outcome", quiet: bool) -> None:
    if quiet:
        return
    if outcome.known:
        print(f"planlint: {counted(outcome.known, 'finding')} already in the baseline "
              f"{'is' if outcome.known == 1 else 'are'} not shown", file=sys.stderr)
    if outcome.prunable:
        print(f"planlint: {counted(len(outcome.prunable), 'baseline entry')} no longer "
              f"{'occurs' if len(outcome.prunable) == 1 else 'occur'} and can be pruned "
              f"(rewrite the baseline with --write-baseline):", file=sys.stderr)
        for entry in outcome.prunable:
            print(f"  {entry}", file=sys.stderr)
