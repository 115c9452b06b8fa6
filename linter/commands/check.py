"""`planlint check PATH...`: lint plans, print findings and scores, set the exit code."""

from __future__ import annotations

import argparse
import sys

from ..cli import EXIT_FINDINGS, EXIT_OK, UsageError
from ..files import MissingPath, collect_plan_files
from ..reporters import FORMATS, get_reporter
from ..runner import Options, file_fails, lint_files, make_linter, run_result
from ..settings import Settings
from ._common import iso_date, use_color, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="lint plans and score them", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched for *.plan)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--fail-under", type=float, metavar="SCORE", help="fail when any plan scores below SCORE")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date to judge 'past due' and 'stale' by (default: today)")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="load a TOML rule pack (repeatable)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        paths = collect_plan_files(args.paths)
    except MissingPath as error:
        raise UsageError(str(error)) from None
    settings = Settings()
    options = Options(as_of=args.as_of, fail_under=args.fail_under, packs=tuple(args.pack))
    linter = make_linter(settings, options)
    for problem in linter.registry.problems:
        print(f"planlint: warning: {problem.source}: {problem.message}", file=sys.stderr)
    files = lint_files(linter, paths)
    result = run_result(files)
    color = args.output is None and use_color(sys.stdout, args.color)
    write_output(get_reporter(args.format)(result, color=color), args.output)
    fail_under = options.fail_under if options.fail_under is not None else settings.fail_under
    return EXIT_FINDINGS if any(file_fails(f, fail_under) for f in files) else EXIT_OK
