"""`planlint rules`: list every rule with its code, name, category, severity and weight."""

from __future__ import annotations

import argparse
import json

from ..engine.meta import with_meta_rules
from ._common import add_config_option, configured_registry, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the available rules", description=__doc__)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="also list a TOML rule pack's rules")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    registry = configured_registry(args.config, args.pack)
    infos = with_meta_rules(rule.info for rule in registry.rules)
    if args.format == "json":
        rows = [
            {"code": i.code, "name": i.name, "category": i.category, "severity": i.severity.value,
             "weight": i.weight, "pack": i.pack, "message": i.message}
            for i in infos
        ]
        write_output(json.dumps(rows, indent=2) + "\n", None)
        return 0
    header = ("CODE", "NAME", "CATEGORY", "SEVERITY", "WEIGHT", "PACK")
    rows_text = [(i.code, i.name, i.category, i.severity.value, f"{i.weight:g}", i.pack) for i in infos]
    widths = [max(len(str(row[col])) for row in [header, *rows_text]) for col in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows_text]]
    write_output("\n".join(lines) + "\n", None)
    return 0
