"""`planlint portfolio FILE`: the A/B/C/D two-by-two of a portfolio, with each plan's score.

Reads a portfolio file, lints the plans its accounts reference (paths relative
to the portfolio file) and prints the two-by-two: current revenue left to
right, future revenue bottom to top. An A-quadrant account whose plan is
missing or scores below ``--fail-under`` (``[quadrant.A] fail-under`` in the
configuration, default 70; ``--min-score`` is its old name) is a finding and
makes the exit code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from .exits import EXIT_FINDINGS, EXIT_OK, UsageError
from ..config.loader import ConfigError, ConfigResolver
from ..engine.linter import read_document
from ..model import Portfolio
from ..api.quadrants import QUADRANTS, Placement, Thresholds
from ..engine.portfolio import PortfolioOutcome, lint_portfolio
from ..output.reporters.text import render_file
from ..engine.results import FileResult
from ..engine.runner import Options, make_linter
from ..output.report.placing import round_money
from ._common import add_config_option, iso_date, score, write_output

GRID = (("B", "A"), ("D", "C"))  # top row: high future; left column: low current


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("portfolio", help="place accounts in the A/B/C/D two-by-two", description=__doc__)
    parser.add_argument("file", metavar="FILE", help="a portfolio file: portfolio \"...\" { account \"...\" { ... } }")
    parser.add_argument("--fail-under", "--min-score", dest="min_score", type=score, metavar="N",
                        help="the score an A-quadrant plan must reach (default: [quadrant.A] fail-under in the configuration, else 70)")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date to judge 'past due' and 'stale' by (default: today)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH", help="load a TOML rule pack (repeatable)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of standard output")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"{args.file}: no such portfolio file")
    try:
        settings = ConfigResolver(args.config).for_plan(path).settings_for(path)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    linter = make_linter(settings, Options(as_of=args.as_of, packs=tuple(args.pack)))
    for problem in linter.registry.problems:
        print(f"planlint: warning: {problem.source}: {problem.message}", file=sys.stderr)
    shown = path.as_posix()
    from ..language.parser import parse_file

    read = read_document(lambda: parse_file(path, shown), shown)
    if isinstance(read, FileResult):
        write_output("\n".join(render_file(read)) + "\n", args.output)
        return EXIT_FINDINGS
    document = read.document
    if not isinstance(document, Portfolio):
        raise UsageError(f"{shown} is a plan, not a portfolio: planlint portfolio reads a file that starts with "
                         "`portfolio \"Name\" {` and lists `account \"Name\" { current ... future ... plan \"file.plan\" }`")
    outcome = lint_portfolio(linter, document, shown, args.min_score)
    text = render_json(outcome, document) if args.format == "json" else render_text(outcome, document)
    write_output(text, args.output)
    return EXIT_FINDINGS if outcome.result.failing() else EXIT_OK


# ---------------------------------------------------------------------------- text


def entry(placement: Placement, band: str = "") -> str:
    """``! Initech ($1.6M / high): plan 22.6 (form)``; ``!`` marks what needs attention."""
    mark = "!" if placement.needs_attention else " "
    figures = f"{placement.current} / {placement.future}"
    if placement.plan is None:
        plan = "no plan"
    elif placement.plan_score is None:
        plan = "plan missing or unreadable"
    else:
        plan = f"plan {placement.plan_score:.1f}" + (f" ({band})" if band else "")
    return f"{mark} {placement.account} ({figures}): {plan}"


def cell(letter: str, placements: list[Placement], bands: dict[str, str]) -> list[str]:
    lines = [f"{letter}  {QUADRANTS[letter]}"]
    inside = [entry(p, bands.get(p.account, "")) for p in placements if p.quadrant == letter]
    return lines + (inside or ["  (none)"])


def render_text(outcome: PortfolioOutcome, portfolio: Portfolio) -> str:
    thresholds = Thresholds.of(portfolio)
    placements = outcome.placements
    out = [
        f"{portfolio.name} ({outcome.result.path})",
        f"high current from {round_money(thresholds.high_current)}, high future from {round_money(thresholds.high_future)}; "
        "a level (high/medium/low) is taken as written, medium counting as low",
        "",
    ]
    bands = {name: result.band for name, result in outcome.by_account.items()}
    cells = {letter: cell(letter, placements, bands) for row in GRID for letter in row}
    width = max(len(line) for letter in ("B", "D") for line in cells[letter]) + 3
    rule = "-" * (width + max(len(line) for letter in ("A", "C") for line in cells[letter]))
    out.append(f"{'low current':<{width}}high current")
    for label, (left, right) in zip(("high future", "low future"), GRID):
        out.append(f"{rule}   {label}")
        rows = max(len(cells[left]), len(cells[right]))
        for index in range(rows):
            a = cells[left][index] if index < len(cells[left]) else ""
            b = cells[right][index] if index < len(cells[right]) else ""
            out.append(f"{a:<{width}}{b}".rstrip())
    out.append(rule)
    unknown = [p.account for p in placements if not p.known]
    if unknown:
        out.append(f"not sized (current or future revenue missing, counted as low): {', '.join(unknown)}")
    out.append("")
    out.extend(render_file(outcome.result))
    failing = outcome.result.failing()
    out.append(
        f"{len(placements)} account{'s' if len(placements) != 1 else ''}, "
        f"{sum(1 for p in placements if p.quadrant == 'A')} in quadrant A, "
        f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
    )
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- json


def render_json(outcome: PortfolioOutcome, portfolio: Portfolio) -> str:
    thresholds = Thresholds.of(portfolio)
    plans: dict[str, Optional[FileResult]] = dict(outcome.plans)
    data = {
        "portfolio": portfolio.name,
        "path": outcome.result.path,
        "thresholds": asdict(thresholds),
        "accounts": [asdict(p) | {"needs_attention": p.needs_attention} for p in outcome.placements],
        "findings": [f.model_dump(mode="json") for f in outcome.result.findings],
        "plans": {path: {"score": r.score, "band": r.band, "quadrant": r.quadrant} for path, r in sorted(plans.items()) if r},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
