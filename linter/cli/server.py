"""`planlint server`: the language server for editors, over standard input and output (see docs/editors.md)."""

from __future__ import annotations

import argparse

from .exits import EXIT_OK, UsageError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("server", help="run the language server (LSP over stdio) for editors",
                                   description=__doc__)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        import pygls  # noqa: F401 - the optional dependency, checked before anything starts
    except ImportError:
        raise UsageError("planlint server needs the language server extra: pip install 'planlint[lsp]'") from None
    from ..server.protocol import serve

    serve()
    return EXIT_OK
