"""`planlint parse FILE`: print the plan model the rules see (JSON)."""

from __future__ import annotations

import argparse
import sys

from .exits import EXIT_FINDINGS, UsageError
from ..language.diagnostics import PlanSyntaxError
from ._common import write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("parse", help="print a plan's model as JSON", description=__doc__)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..language.parser import parse_file

    try:
        planfile = parse_file(args.file)
    except FileNotFoundError:
        raise UsageError(f"no such file: {args.file}") from None
    except PlanSyntaxError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.render(), file=sys.stderr)
        return EXIT_FINDINGS
    write_output(planfile.model_dump_json(indent=2) + "\n", None)
    return 0
