"""`planlint report PATH... -o report.html`: one page for a review meeting.

HTML (a self-contained page), Markdown (for a wiki or a pull request) or
JSON (the report's data; give it back next time with ``--previous`` to show
the change since this report). The format follows the output file's suffix
unless ``--format`` says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from .exits import EXIT_OK, UsageError
from ..config.loader import ConfigError, ConfigResolver, group_plans
from ..api.crm import CrmData, CrmError
from ..engine.exports import export_paths, load_crm
from ..engine.linter import Linter
from ..engine.files import MissingPath, collect_plan_files
from ..api.registry import Registry
from ..output.report import FORMATS, render
from ..output.report.build import DEFAULT_HISTORY, LinterFor, ReportOptions, build_report, with_referenced_plans
from ..output.report.model import Report
from ..engine.runner import Options, make_linter, make_registry
from ._common import iso_date, report_load_problems, whole_number, write_output
from ..output.words import counted

SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".json": "json"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="write a review-meeting report (HTML or Markdown)", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan and portfolio files or folders (searched for *.plan)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (default: standard output)")
    parser.add_argument("--format", choices=FORMATS, help="html, markdown or json (default: from the suffix of -o, else html)")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date to judge 'past due' and 'stale' by (default: today)")
    parser.add_argument("--history", type=whole_number("commits", 0), default=DEFAULT_HISTORY, metavar="N",
                        help=f"read each plan's last N commits for the trend (default: {DEFAULT_HISTORY}; 0: do not read git)")
    parser.add_argument("--previous", metavar="FILE",
                        help="a report written earlier with --format json: show the change since it instead of since the last commit")
    parser.add_argument("--agenda", action="store_true",
                        help="write only the review agenda: up to three questions per plan needing attention, one printed page each")
    parser.add_argument("--timestamp", action="store_true", help="print when the report was made (off by default so the same plans give the same bytes)")
    parser.add_argument("--title", default="Account plan review", help="the report's heading (default: %(default)s)")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="load a TOML rule pack (repeatable)")
    parser.add_argument("--config", metavar="PATH", help="use this configuration file for every plan (default: the nearest one above each plan)")
    parser.add_argument("--crm", metavar="FILE", help="show each plan against this CRM opportunities export (docs/crm.md)")
    parser.add_argument("--contacts", metavar="FILE", help="the CRM contacts export (with --crm)")
    parser.add_argument("--contact-roles", metavar="FILE", help="the CRM opportunity contact role export (with --crm)")
    parser.set_defaults(handler=run)


def load_exports(args: argparse.Namespace, paths: list[Path], linter_for: LinterFor) -> Optional[CrmData]:
    """The exports given on the command line, read with the first plan's [crm] settings (date format, aliases...)."""
    for option, value in (("--contacts", args.contacts), ("--contact-roles", args.contact_roles)):
        if value and not args.crm:
            raise UsageError(f"{option} needs --crm (the opportunities export it goes with)")
    if not args.crm:
        return None
    settings = linter_for(paths[0]).settings.crm
    given = {"opportunities": args.crm, "contacts": args.contacts, "contact-roles": args.contact_roles}
    try:
        return load_crm(export_paths(given, settings, Path.cwd()), settings, paths)
    except CrmError as error:
        raise UsageError(str(error)) from None


def output_format(chosen: Optional[str], output: Optional[str]) -> str:
    if chosen:
        return chosen
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            known = ", ".join(sorted(SUFFIX_FORMATS))
            raise UsageError(f"cannot tell the report's format from '{output}' (it ends in {suffix or 'no suffix'}; "
                             f"use {known}, or say --format html|markdown|json)")
        return SUFFIX_FORMATS[suffix]
    return "html"


def load_previous(path: Optional[str]) -> Optional[Report]:
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return Report.model_validate_json(text)
    except ValidationError as error:
        from ..language.plain_errors import plain_message

        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "the top level"
        raise UsageError(f"{path}: not a planlint report in JSON (write one with `planlint report --format json`): "
                         f"{plain_message(first)} at {where}") from None


def linters_for(paths: list[Path], config: Optional[str], options: Options) -> tuple[list[Path], LinterFor]:
    """The plans the configuration keeps, and a linter per plan honouring each plan's configuration file.

    Rule-loading problems are warned about once per set of packs, as `check` does.
    """
    try:
        groups = group_plans(paths, ConfigResolver(config))
    except ConfigError as error:
        raise UsageError(str(error)) from None
    registries: dict[tuple[object, ...], Registry] = {}
    by_path: dict[Path, Linter] = {}
    for group in groups:
        key = (tuple(group.settings.packs), tuple(sorted(group.settings.plugins.items())))
        if key not in registries:
            registries[key] = make_registry(group.settings, options)
            report_load_problems(registries[key])
            for problem in registries[key].problems:
                print(f"planlint: warning: {problem.source}: {problem.message}", file=sys.stderr)
        linter = make_linter(group.settings, options, registries[key])
        by_path.update((path, linter) for path in group.paths)
    kept = [path for path in paths if path in by_path]  # `exclude` in a configuration drops a plan
    return kept, by_path.__getitem__


def run(args: argparse.Namespace) -> int:
    try:
        paths = with_referenced_plans(collect_plan_files(args.paths))
    except MissingPath as error:
        raise UsageError(str(error)) from None
    if not paths:
        raise UsageError(f"no plan files (*.plan) in {', '.join(args.paths)}")
    fmt = output_format(args.format, args.output)
    previous = load_previous(args.previous)
    options = Options(as_of=args.as_of, packs=tuple(args.pack))
    paths, linter_for = linters_for(paths, args.config, options)
    if not paths:
        raise UsageError("no plan files to report on (every file given is excluded by the configuration)")
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if args.timestamp else None
    crm = load_exports(args, paths, linter_for)
    report = build_report(paths, linter_for, ReportOptions(history=args.history, previous=previous, generated=generated,
                                                           title=args.title, as_of=args.as_of, crm=crm))
    write_output(render(report, fmt, agenda=args.agenda), args.output)
    if args.output and args.output != "-":
        t = report.totals
        print(f"planlint: wrote {args.output}: {counted(t.plans, 'plan')}, mean score {t.mean_score:.1f}, "
              f"{t.needing_attention} need attention", file=sys.stderr)
    return EXIT_OK
