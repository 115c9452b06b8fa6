"""`planlint rules`: list every rule with its code, name, category, severity, weight and pillar.

Weights and pillars are the ones the configuration in force gives (``weights``,
``essentials``), so a sales-enablement team sees which rules decide a verdict
the way ``planlint check`` will apply them.

``--format markdown`` prints the reference of planlint's own rules (the
built-in pack and the meta rules) that ``docs/rules.md`` ends with; ``--into FILE`` writes it into FILE in place of the reference already
there (the text above the reference's marker is kept).
"""

from __future__ import annotations

import argparse
import json

from pathlib import Path

from ..api.rule import OWN_PACKS, rule_link
from ..config.settings import effective_essential, effective_weight
from ..output.rules_doc import rules_reference, with_reference
from .exits import UsageError
from ._common import add_config_option, configured_rules, configured_settings, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the available rules", description=__doc__)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--into", metavar="FILE", help="with --format markdown: rewrite the rule reference at the end of FILE")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="also list a TOML rule pack's rules")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = configured_settings(args.config)
    infos = configured_rules(args.config, args.pack, settings)
    if args.into and args.format != "markdown":
        raise UsageError("--into writes the Markdown reference: add --format markdown")
    if args.format == "markdown":
        reference = rules_reference(info for info in infos if info.pack in OWN_PACKS)
        if args.into is None:
            write_output(reference, None)
            return 0
        try:
            document = Path(args.into).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot read {args.into}: {error.strerror or error}") from None
        write_output(with_reference(document, reference), args.into)
        return 0
    if args.format == "json":
        rows = [
            {"code": i.code, "name": i.name, "category": i.category, "severity": i.severity.value,
             "weight": effective_weight(i, settings), "pillar": effective_essential(i, settings),
             "quadrants": list(i.quadrants), "pack": i.pack, "message": i.message, "link": rule_link(i)}
            for i in infos
        ]
        write_output(json.dumps(rows, indent=2) + "\n", None)
        return 0
    header = ("CODE", "NAME", "CATEGORY", "SEVERITY", "WEIGHT", "PILLAR", "PACK")
    rows_text = [(i.code, i.name, i.category, i.severity.value, f"{effective_weight(i, settings):g}",
                  effective_essential(i, settings) or "-", i.pack) for i in infos]
    widths = [max(len(str(row[col])) for row in [header, *rows_text]) for col in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows_text]]
    write_output("\n".join(lines) + "\n", None)
    return 0
