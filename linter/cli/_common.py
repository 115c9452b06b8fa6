"""Options and helpers shared by the commands that lint plans."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence, TextIO

from ..reading import DEFAULT_LIMIT, InputRefused, read_input
from .exits import UsageError

if TYPE_CHECKING:
    from ..api.registry import Registry
    from ..api.rule import RuleInfo
    from ..config.settings import Settings


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2027-06-30, got '{value}'") from None


def score(value: str) -> float:
    """A score threshold from the command line: a number from 0 to 100."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a score from 0 to 100, got '{value}'") from None
    if not 0 <= number <= 100:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a score from 0 to 100, got {value}")
    return number


def whole_number(plural: str, minimum: int) -> Callable[[str], int]:
    """An argparse ``type`` for a count of ``plural`` (``--jobs``, ``--history``): a whole number, at least ``minimum``."""

    def parse(value: str) -> int:
        try:
            count = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number of {plural}, got '{value}'") from None
        if count < minimum:
            raise argparse.ArgumentTypeError(f"expected {minimum} or more {plural}, got {count}")
        return count

    return parse


def use_color(stream: TextIO, choice: str = "auto") -> bool:
    """Colour on a terminal; never when NO_COLOR is set (https://no-color.org); always when FORCE_COLOR is.

    ``--color always|never`` beats both variables. ``FORCE_COLOR`` (any value
    but empty or ``0``, https://force-color.org) is how CI systems that show
    colour in their logs ask for it; ``NO_COLOR``, the user's own preference,
    wins over it.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write a file atomically (temporary file, then rename)."""
    if path in (None, "-"):
        sys.stdout.write(text)
        return
    from ..engine.atomic import write_text_atomic

    try:
        write_text_atomic(path, text)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Where a streamed report goes: stdout, or a file that appears whole (see :func:`write_output`)."""
    if path in (None, "-"):
        yield sys.stdout
        return
    from ..engine.atomic import atomic_text_writer

    try:
        writer = atomic_text_writer(path)
        out = writer.__enter__()
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        yield out
    except BaseException:
        writer.__exit__(*sys.exc_info())
        raise
    try:
        writer.__exit__(None, None, None)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def report_load_problems(registry: "Registry") -> None:
    """Warn about broken plugins; stop (exit 2) on a broken pack or a clashing rule code."""
    for problem in registry.problems:
        if not problem.fatal:
            print(f"planlint: warning: {problem.source}: {problem.message}", file=sys.stderr)
    fatal = registry.fatal_problems()
    if fatal:
        raise UsageError("\nplanlint: error: ".join(f"{problem.source}: {problem.message}" for problem in fatal))


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """``--config PATH``, worded as ``check`` words it, for the commands that read the configuration."""
    parser.add_argument("--config", action="append", metavar="PATH|'KEY = VALUE'",
                        help="use this configuration file (default: the nearest planlint.toml, .planlint.toml or "
                        "pyproject.toml [tool.planlint] above the current folder); a 'key = value' line of TOML "
                        "overrides one setting (repeatable)")


def configured_settings(config: Optional[str]) -> "Settings":
    """The settings ``planlint check`` would use for a plan in the current folder; a broken configuration stops with exit 2."""
    from ..config.loader import ConfigError, ConfigResolver

    try:
        return ConfigResolver(config).for_folder(Path.cwd().resolve()).settings
    except ConfigError as error:
        raise UsageError(str(error)) from None


def configured_registry(config: Optional[str], packs: Sequence[str] = (),
                        settings: "Optional[Settings]" = None) -> "Registry":
    """The rules ``planlint check`` would load for a plan in the current folder, plus ``packs`` (``--pack``).

    ``rules``, ``explain`` and ``test-rules`` find the configuration and turn
    it into a registry exactly as ``check`` does (:class:`ConfigResolver`,
    :func:`make_registry`), so what they show is what a check applies: the
    configuration's ``packs``, without the plugins it switches off. A broken
    configuration or pack, or a rule code used twice, stops with exit 2.
    ``settings`` are :func:`configured_settings` when the caller has them already.
    """
    from ..engine.runner import Options, make_registry

    settings = configured_settings(config) if settings is None else settings
    registry = make_registry(settings, Options(packs=tuple(packs)))
    report_load_problems(registry)
    return registry


STDIN = "-"


def add_stdin_filename_option(parser: argparse.ArgumentParser) -> None:
    """``--stdin-filename PATH``: the path an unsaved buffer read from ``-`` stands for."""
    parser.add_argument("--stdin-filename", metavar="PATH",
                        help="with - as the path: the file standard input stands for, for finding the configuration, "
                             "its per-file settings and the path shown in the output (the file need not exist)")


def stdin_display(stdin_filename: Optional[str]) -> str:
    """The path shown for standard input: ``--stdin-filename`` as ``check`` shows paths, else ``-``."""
    if not stdin_filename:
        return STDIN
    from ..engine.linter import display_path

    return display_path(Path(stdin_filename))


def read_stdin(limit: int = DEFAULT_LIMIT) -> bytes:
    """All of standard input, as bytes (decoded by the parser, as a file's are), at most ``limit`` of them."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read().encode("utf-8") if sys.stdin is not None else b""
    try:
        return read_input("-", limit)
    except InputRefused as error:
        raise UsageError(f"cannot read standard input: {error.reason}") from None


def configured_rules(config: Optional[str], packs: Sequence[str] = (),
                     settings: "Optional[Settings]" = None) -> "list[RuleInfo]":
    """Every rule `planlint check` could report here, the meta rules PL000-PL013 included, by code.

    Each links to its page as the configuration says (``rules-docs-url``), as the findings of a check do.
    The configuration is read once (``settings``, when the caller has them already).
    """
    from ..api.rule import with_link
    from ..engine.meta import with_meta_rules

    settings = configured_settings(config) if settings is None else settings
    rules = configured_registry(config, packs, settings).rules
    return [with_link(info, settings.rules_docs_url) for info in with_meta_rules(rule.info for rule in rules)]
