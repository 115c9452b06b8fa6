"""A planlint plugin that misbehaves on purpose, one rule per bug seen in the wild (issue 13 item 6).

Which rules it offers is chosen by the ``HOSTILE`` environment variable (a
comma-separated list of behaviours, or ``all``), so each test switches on
only what it studies. ``HOSTILE_LOAD=sleep`` makes the ``planlint_rules``
hook itself hang.
"""

from __future__ import annotations

import os
import sys
import time

from planlint.hookspecs import hookimpl
from planlint.rule import Rule, RuleInfo, Severity, failed, passed


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message for you")


def _behave(kind: str, ctx):  # noqa: ANN001
    span = ctx.plan.span
    if kind == "raise":
        raise ValueError("a plain bug")
    if kind == "exit":
        sys.exit(0)
    if kind == "osexit":
        os._exit(0)
    if kind == "interrupt":
        raise KeyboardInterrupt
    if kind == "print":
        print("debug: looking at", ctx.plan.name)
        return [passed(span)]
    if kind == "sleep":
        time.sleep(3600)
    if kind == "garbage":
        return [42]
    if kind == "badmessage":
        return [failed(span, 12345)]
    if kind == "unprintable":
        raise Unprintable()
    if kind == "mutate":
        ctx.plan.objectives.clear()
        return [passed(span)]
    if kind == "rename":
        ctx.plan.name = "changed"
        return [passed(span)]
    if kind == "die" and ctx.plan.name.startswith(os.environ.get("HOSTILE_DIE", "")):
        os.kill(os.getpid(), 9)
    return [passed(span)]


KINDS = ["raise", "exit", "osexit", "interrupt", "print", "sleep", "garbage", "badmessage", "unprintable", "mutate",
         "rename", "die"]


class Hostile(Rule):
    def __init__(self, number: int, kind: str) -> None:
        self.kind = kind
        self.info = RuleInfo(code=f"HOST{number:02d}", name=f"hostile-{kind}", category="objectives", severity=Severity.warning, weight=1.0,
                             message="hostile", why="A test.", fix="None.", passing=(), failing=(), pack="hostile")

    def check(self, ctx):  # noqa: ANN001, D102
        return _behave(self.kind, ctx)


@hookimpl
def planlint_rules():  # noqa: D103
    if os.environ.get("HOSTILE_LOAD") == "sleep":
        time.sleep(3600)
    wanted = os.environ.get("HOSTILE", "")
    chosen = KINDS if wanted == "all" else [kind for kind in wanted.split(",") if kind]
    return [Hostile(KINDS.index(kind) + 1, kind) for kind in chosen]
