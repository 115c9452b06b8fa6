"""The `planlint` command line: argument parsing and dispatch to subcommands.

Each subcommand lives in its own module of :mod:`planlint.cli` with a
``register(subparsers)`` function; this module only wires them together and
turns any unexpected exception into exit code 2 with a one-line message, never
a traceback (set ``PLANLINT_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import re
from typing import Any, Callable, Optional, Sequence

from .. import __version__

from .exits import EXIT_ERROR, EXIT_FINDINGS, UsageError, interrupted

COMMANDS = ("check", "format", "server", "rules", "explain", "parse", "schema", "config", "report", "portfolio", "test-rules",
            "init", "new")


MARKUP = re.compile(r":\w+:`([^`]*)`|``([^`]*)``|`([^`]*)`")


def plain_text(text: str) -> str:
    """Help text without the reStructuredText of the docstrings it comes from: ``x``, `x` and :func:`x` read as x."""
    return MARKUP.sub(lambda found: next(group for group in found.groups() if group is not None), text)


class PlainHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, showing descriptions and option help as plain text."""

    def _format_text(self, text: str) -> str:
        return super()._format_text(plain_text(text))

    def _expand_help(self, action: argparse.Action) -> str:
        return plain_text(super()._expand_help(action))


class Parser(argparse.ArgumentParser):
    """planlint's parser and every subcommand's: plain help text (see :class:`PlainHelpFormatter`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", PlainHelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, or with ``only`` that one.

    Importing a command module imports what it needs (the report builder,
    the pack loader...), so a run registers only the command it was asked
    for: ``planlint check one.plan`` in a pre-commit hook does not pay for
    ``report``. Help, ``--version`` and unknown commands get the full parser.
    """
    parser = Parser(
        prog="planlint",
        description="Lint B2B sales account plans and score their completeness (0-100).",
    )
    parser.add_argument("-V", "--version", action="version", version=f"planlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f".{name.replace('-', '_')}", __package__).register(subparsers)
    return parser


def invoked_command(argv: Sequence[str]) -> Optional[str]:
    """The subcommand when the command line starts with one (``planlint check ...``), else None."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def main(argv: Optional[Sequence[str]] = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(invoked_command(arguments))
    args = parser.parse_args(arguments)
    handler: Optional[Callable[[argparse.Namespace], int]] = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_ERROR
    from ..api import containment
    from ..api.containment import FileTimeout, install_sigint

    install_sigint()
    containment.end_run_on_timeout = True  # one process: a rule over its budget ends the run (docs/plugins.md)
    try:
        code = handler(args)
        sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
        return code
    except UsageError as error:
        for line in str(error).splitlines() or [""]:  # several problems: each on its own line, each marked
            print(line if line.startswith("planlint: ") else f"planlint: error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except FileTimeout as timeout:
        print(f"planlint: error: {timeout.message()}; stopping", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        # The reader (``| head``) left before the run finished, so whether it
        # would have passed is unknown: never report success. Python's own
        # advice for SIGPIPE: point stdout at devnull and exit 1.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    except OSError as error:  # standard output on a full device, a file that vanished: say what, not "internal error"
        where = f" {error.filename}" if error.filename else " the output"
        print(f"planlint: error: cannot write{where}: {(error.strerror or str(error)).lower()}", file=sys.stderr)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - last line of defence: no tracebacks for users
        if os.environ.get("PLANLINT_DEBUG"):
            raise
        print(f"planlint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("planlint: set PLANLINT_DEBUG=1 to see the details", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
