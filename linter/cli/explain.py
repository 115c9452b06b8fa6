"""`planlint explain CODE|NAME`: why a rule matters, how to fix it, with examples."""

from __future__ import annotations

import argparse
import re

from ..suggest import did_you_mean
from .exits import UsageError
from ..engine.meta import find_rule
from ..output.explain import explanation
from ._common import add_config_option, configured_rules, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("explain", help="explain one rule", description=__doc__)
    parser.add_argument("rule", metavar="CODE|NAME")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="also load a TOML rule pack's rules")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    infos = configured_rules(args.config, args.pack)
    info = find_rule(args.rule, infos)
    if info is None:
        # A code is a number: PL999 is not "close" to PL905 the way 'stakholders' is to 'stakeholders'.
        is_code = re.fullmatch(r"[A-Za-z]+\d+", args.rule.strip()) is not None
        hint = ("" if is_code else did_you_mean(args.rule, [i.name for i in infos])) or "; run 'planlint rules' to list them"
        raise UsageError(f"unknown rule '{args.rule}'{hint}")
    write_output(explanation(info), None)
    return 0
