"""`planlint parse FILE`: print the plan model the rules see (JSON)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exits import EXIT_FINDINGS, UsageError
from ._common import write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("parse", help="print a plan's model as JSON", description=__doc__)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.linter import read_document
    from ..engine.results import FileResult
    from ..language.parser import parse_file
    from ..output.reporters.text import render_file

    path = Path(args.file)
    if path.is_dir():
        raise UsageError(f"{args.file} is a folder: planlint parse reads one plan file (planlint check reads folders)")
    if not path.exists():
        raise UsageError(f"no such file: {args.file}")
    read = read_document(lambda: parse_file(path, path.as_posix()), path.as_posix())
    if isinstance(read, FileResult):  # the same lines as `planlint check` prints for the file
        print("\n".join(line for line in render_file(read) if line.startswith(read.path + ":")
                        or line.startswith(" ")), file=sys.stderr)
        return EXIT_FINDINGS
    write_output(read.model_dump_json(indent=2) + "\n", None)
    return 0
