"""Keeping a buggy rule from taking the run down with it.

Python plugins are code the user chose to install, so this is no sandbox
against malice (docs/plugins.md says so); it contains the bugs seen in the
wild. While a rule runs:

* any exception it raises, ``SystemExit`` and a ``KeyboardInterrupt`` it
  raises itself included, is caught and reported by the caller as an
  internal-error finding naming the rule (a real Ctrl-C is told apart: the
  SIGINT handler installed by :func:`install_sigint` marks it first);
* ``os._exit`` raises instead of ending the process, so a rule cannot end a
  run that would then pass with a truncated report;
* what it prints to standard output is captured and reported, so it cannot
  corrupt ``--format json``;
* a per-file time budget (``timeout`` in the configuration, 30 s by default)
  is enforced with a timer signal: :class:`FileTimeout` names the rule that
  was running when the time ran out. The one-process command line then ends
  the run; anywhere else (workers, the language server) that rule becomes a
  finding and the rules after it run on a fresh budget, so a rule that hangs
  hides no other rule's findings.

Exception messages are read with :func:`describe`, which survives an
exception whose ``__str__`` raises.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from ..frozen import EMPTY, FrozenList, freeze  # noqa: F401 - re-exported: the engine freezes plans through here

DEFAULT_TIMEOUT = 30.0  # seconds per file
PLUGIN_LOAD_TIMEOUT = 30.0  # seconds for loading every plugin

_interrupted = False
# Whether a file over its time budget ends the run (the command line, one process) or becomes a finding on
# that file (forked workers, the language server, library callers).
end_run_on_timeout = False


class FileTimeout(BaseException):
    """The per-file budget ran out while ``rule`` was running (a BaseException: no rule's ``except Exception`` eats it)."""

    def __init__(self, rule: str, seconds: float, path: str = "") -> None:
        super().__init__(rule, seconds)
        self.rule = rule
        self.seconds = seconds
        self.path = path

    def overrun(self) -> str:
        """What happened, without the rule: ``took more than 30 s on plans/a.plan (the per-file budget, ...)``."""
        where = f" on {self.path}" if self.path else ""  # a finding on the file itself needs no path
        return f"took more than {self.seconds:g} s{where} (the per-file budget, `timeout` in the configuration)"

    def message(self) -> str:
        return f"rule {self.rule} {self.overrun()}"


class ProcessExit(BaseException):
    """A rule called ``os._exit``: raised in its place so the run goes on."""


def install_sigint() -> None:
    """Mark a real Ctrl-C before raising KeyboardInterrupt, so it is never mistaken for a rule's own raise."""
    if threading.current_thread() is not threading.main_thread():
        return

    def handler(signum: int, frame: Any) -> None:
        global _interrupted
        _interrupted = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)


def was_interrupted() -> bool:
    return _interrupted


def describe(exc: BaseException) -> str:
    """``Type: message`` for any exception, even one whose ``__str__`` raises."""
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - the message itself is broken
        text = "(its message could not be read)"
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


# Set in a pool worker only: told the code of each rule as it starts (and "" between files), so that when
# the worker dies the parent can say which rule it was running (planlint.engine.parallel).
on_rule: Optional[Callable[[str], None]] = None


def _fake_exit(status: int = 0) -> None:
    raise ProcessExit(status)


class Guard:
    """The state around one file's rules: which rule runs, what it printed, when time runs out."""

    def __init__(self, seconds: Optional[float]) -> None:
        self.seconds = seconds
        self.current = ""  # the code of the rule running now (the caller sets it around each rule)
        self.buffer = io.StringIO()
        self.restart: Callable[[], None] = lambda: None  # a fresh budget for the rules after one that overran (set by _arm)

    def printed(self) -> str:
        """What the last rule wrote to standard output (and forget it)."""
        text = self.buffer.getvalue()
        if text:
            self.buffer.seek(0)
            self.buffer.truncate()
        return text


@contextmanager
def guarded(seconds: Optional[float] = DEFAULT_TIMEOUT) -> Iterator[Guard]:
    """Run a file's rules under a :class:`Guard`: stdout captured, ``os._exit`` disarmed, the budget armed."""
    guard = Guard(seconds)
    saved_stdout, saved_exit = sys.stdout, os._exit
    timer = _arm(guard)
    sys.stdout = guard.buffer
    os._exit = _fake_exit  # type: ignore[assignment]
    try:
        yield guard
    finally:
        sys.stdout, os._exit = saved_stdout, saved_exit  # type: ignore[assignment]
        timer()


@contextmanager
def time_limit(seconds: float, label: str) -> Iterator[None]:
    """Raise :class:`FileTimeout` naming ``label`` if the block takes longer than ``seconds`` (loading plugins)."""
    guard = Guard(seconds)
    guard.current = label
    stop = _arm(guard)
    try:
        yield
    finally:
        stop()


def _arm(guard: Guard) -> Callable[[], None]:
    """Start the per-file timer (main thread, POSIX); return what stops it."""
    usable = (guard.seconds and guard.seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        return lambda: None

    def expired(signum: int, frame: Any) -> None:
        raise FileTimeout(guard.current or "(none: between rules)", guard.seconds or 0)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, guard.seconds)
    guard.restart = lambda: signal.setitimer(signal.ITIMER_REAL, guard.seconds or 0)

    def stop() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return stop


def malformed(items: list[Any], span_type: type, item_type: type) -> Optional[str]:
    """Why ``items`` is not a list of proper items, or None when it is."""
    for item in items:
        if type(item) is item_type and type(item.span) is span_type and type(item.message) is str and (
                item.passed is True or item.passed is False):
            continue  # the common case, told with the cheapest tests; anything else is looked at below
        if not isinstance(item, item_type):
            return f"gave {_short(item)}, not an item made with passed() or failed()"
        if not isinstance(item.passed, bool) or not isinstance(item.span, span_type) or not isinstance(item.message, str):
            return f"gave a malformed item {_short(item)} (expected passed(span) or failed(span, 'message'))"
    return None


def _short(value: Any) -> str:
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001
        text = f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."
