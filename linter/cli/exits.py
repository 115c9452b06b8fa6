"""Exit codes and the usage error: what every command returns, in a module of its own.

Every command module needs these, and so does :mod:`planlint.cli.app`, which
imports the commands; kept apart, neither imports the other for them.
Exit codes follow the linters people know: 0 clean, 1 findings that fail the
run, 2 a usage, configuration or internal error.
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def interrupted() -> int:
    """Ctrl-C, whenever it comes: one line, never a traceback, and the shell's 130."""
    print("planlint: interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


class UsageError(Exception):
    """A problem with what the user asked for: printed plainly, exit 2."""
