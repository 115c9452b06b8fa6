"""The command line: :mod:`.app` parses the arguments and dispatches, one module per subcommand.

Each subcommand module (``check``, ``rules``, ``explain``, ``parse``,
``schema``, ``config``, ``report``, ``portfolio``, ``test_rules``) has
``register(subparsers)``; :mod:`.exits` holds the exit codes and
:class:`~.exits.UsageError`, :mod:`._common` the options several commands share.
"""

from .app import main

__all__ = ["main"]
