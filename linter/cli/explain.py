"""`planlint explain CODE|NAME`: why a rule matters, how to fix it, with examples."""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING

from .exits import UsageError
from ._common import add_config_option, configured_registry, write_output

if TYPE_CHECKING:
    from ..api.rule import RuleInfo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("explain", help="explain one rule", description=__doc__)
    parser.add_argument("rule", metavar="CODE|NAME")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="also load a TOML rule pack's rules")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").splitlines())


def run(args: argparse.Namespace) -> int:
    registry = configured_registry(args.config, args.pack)
    rule = registry.find(args.rule)
    if rule is None:
        names = [r.info.code for r in registry.rules] + [r.info.name for r in registry.rules]
        close = difflib.get_close_matches(args.rule, names, n=1)
        hint = f" — did you mean '{close[0]}'?" if close else "; run 'planlint rules' to list them"
        raise UsageError(f"unknown rule '{args.rule}'{hint}")
    write_output(explanation(rule.info), None)
    return 0


def explanation(info: "RuleInfo") -> str:
    """What ``planlint explain`` prints for a rule (the language server's "explain rule" shows the same)."""
    parts = [
        f"{info.code} {info.name}",
        f"category {info.category} · severity {info.severity.value} · weight {info.weight:g} · pack {info.pack}",
        "",
        info.message,
        "",
        "Why it matters:",
        _indent(info.why),
        "",
        "How to fix:",
        _indent(info.fix),
    ]
    if info.failing:
        parts += ["", "Fails:", _indent(info.failing[0])]
    if info.passing:
        parts += ["", "Passes:", _indent(info.passing[0])]
    return "\n".join(parts) + "\n"
