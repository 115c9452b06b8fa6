"""The command line: :mod:`.app` parses the arguments and dispatches, one module per subcommand.

Each subcommand module (``check``, ``rules``, ``explain``, ``parse``,
``schema``, ``config``, ``report``, ``portfolio``, ``test_rules``) has
``register(subparsers)``; :mod:`.exits` holds the exit codes and
:class:`~.exits.UsageError`, :mod:`._common` the options several commands share.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .exits import interrupted

__all__ = ["main"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The console script and ``python -m planlint``: :func:`.app.main`, with a Ctrl-C that comes while it starts.

    :func:`.app.main` turns a Ctrl-C during the command into one line and
    exit 130; one that comes earlier, while the modules import or the
    arguments are read, would be Python's traceback, so it is caught here.
    """
    try:
        from .app import main as run

        return run(argv)
    except KeyboardInterrupt:
        return interrupted()
