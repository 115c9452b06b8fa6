"""`planlint format PATH...`: rewrite plans in the one canonical layout (see :mod:`planlint.formatter`).

With --check nothing is written and the exit code says whether any file would
change; --diff prints what would change instead. A plan that cannot be read is
left untouched and its errors are reported (exit 1). ``-`` formats standard
input to standard output.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import Optional

from .exits import EXIT_FINDINGS, EXIT_OK, UsageError
from ..config.loader import ConfigError, ConfigResolver
from ..language.diagnostics import PlanSyntaxError
from ..engine.linter import display_path
from ..engine.files import MissingPath, collect_plan_files
from ._common import STDIN, add_stdin_filename_option, read_stdin, stdin_display


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("format", help="rewrite plans in the canonical layout", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched for *.plan), or - for standard input")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when any file would be reformatted")
    parser.add_argument("--diff", action="store_true", help="write nothing; print the changes as a diff (exit 1 when there are some)")
    add_stdin_filename_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if STDIN in args.paths:
        if len(args.paths) > 1:
            raise UsageError("- (standard input) cannot be combined with other paths")
        return _format_stdin(args)
    if args.stdin_filename:
        raise UsageError("--stdin-filename only applies when the path is - (standard input)")
    try:
        resolver = ConfigResolver()
        paths = [path for path in collect_plan_files(args.paths) if not resolver.for_plan(path).excludes(path, formatting=True)]
    except (MissingPath, ConfigError) as error:
        raise UsageError(str(error)) from None
    changed = unchanged = failed = 0
    for path in sorted(paths, key=lambda p: p.as_posix()):
        shown = display_path(path)
        try:
            original = path.read_bytes()
        except OSError as error:
            print(f"{shown}:1:1: cannot read {shown}: {(error.strerror or str(error)).lower()}", file=sys.stderr)
            failed += 1
            continue
        formatted = _formatted(original, shown)
        if formatted is None:
            failed += 1
        elif formatted == original:
            unchanged += 1
        else:
            changed += 1
            _changed(path, shown, original, formatted, args)
    _summary(changed, unchanged, failed, args)
    return EXIT_FINDINGS if failed or (changed and (args.check or args.diff)) else EXIT_OK


def _formatted(data: bytes, shown: str) -> Optional[bytes]:
    """The canonical bytes of a plan, or None (its errors printed) when it cannot be read."""
    from ..language.formatter import format_text
    from ..language.parser import parse_bytes

    try:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            parse_bytes(data, shown)  # raises the parser's own "not UTF-8" error, with its position
            raise
        return format_text(text, shown).encode("utf-8")
    except PlanSyntaxError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.render(), file=sys.stderr)
        print(f"planlint: error: cannot format {shown}: it cannot be read as a plan (left unchanged)", file=sys.stderr)
        return None


def _changed(path: Path, shown: str, original: bytes, formatted: bytes, args: argparse.Namespace) -> None:
    if args.diff:
        sys.stdout.write(_diff(shown, original, formatted))
    elif args.check:
        print(f"would reformat {shown}")
    else:
        from ..engine.atomic import write_bytes_atomic

        try:
            write_bytes_atomic(path, formatted)
        except OSError as error:
            raise UsageError(f"cannot write {shown}: {error.strerror or error}") from None


def _diff(shown: str, original: bytes, formatted: bytes) -> str:
    before = original.decode("utf-8").splitlines(keepends=True)
    after = formatted.decode("utf-8").splitlines(keepends=True)
    lines = list(difflib.unified_diff(before, after, fromfile=shown, tofile=shown))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _summary(changed: int, unchanged: int, failed: int, args: argparse.Namespace) -> None:
    def files(count: int) -> str:
        return f"{count} file{'s' if count != 1 else ''}"

    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    parts = [f"{files(changed)} {verb}"] if changed else []
    if unchanged:
        parts.append(f"{files(unchanged)} {'already formatted' if args.check or args.diff else 'left unchanged'}")
    if failed:
        parts.append(f"{files(failed)} could not be read")
    print("planlint: " + (", ".join(parts) or "no plans found"), file=sys.stderr)


def _format_stdin(args: argparse.Namespace) -> int:
    shown = stdin_display(args.stdin_filename)
    original = read_stdin()
    formatted = _formatted(original, shown)
    if formatted is None:
        return EXIT_FINDINGS
    if args.diff:
        sys.stdout.write(_diff(shown, original, formatted))
    elif not args.check:
        sys.stdout.buffer.write(formatted)
        sys.stdout.flush()
    return EXIT_FINDINGS if formatted != original and (args.check or args.diff) else EXIT_OK
