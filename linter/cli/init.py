"""`planlint init`: write a commented planlint.toml (or the [tool.planlint] table of pyproject.toml).

The file holds the common settings, each with a line saying what it does;
all but `select` are commented out, so the new file changes nothing until a
setting is switched on. An existing configuration is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exits import EXIT_OK, UsageError
from ._common import write_output

SETTINGS = """\
# Which rules run: codes (PL302), code prefixes (PL3) or names (action-owner).
# `planlint rules` lists them; `planlint explain CODE` says why each matters.
select = ["ALL"]
# ignore = ["PL107"]

# A plan scoring below this fails the run (0-100).
# fail-under = 65

# Judge "past due" and "stale" as of this date instead of today, so runs repeat.
# as-of = 2027-02-01

# Your company's TOML rule packs, relative to this file (docs/custom-rules.md).
# packs = ["rules/acme.toml"]

# Plans to leave out: folders and globs, relative to this file.
# exclude = ["archive/", "*.draft.plan"]

# A rule's severity or weight, a category's weight in the score.
# severity = { PL105 = "info" }
# weights = { PL302 = 3 }
# category-weights = { research = 2 }

# Switch an installed plugin off.
# plugins = { meddpicc = false }
"""

HEADER = """\
# planlint configuration for the plans in this folder and below it.
# Every key is optional. `planlint config PLAN` shows what applies to a plan;
# docs/configuration.md describes every key, and docs/planlint.schema.json is
# the JSON Schema an editor's TOML support can check this file with.

"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="write a commented planlint.toml", description=__doc__)
    parser.add_argument("--pyproject", action="store_true",
                        help="add a [tool.planlint] table to pyproject.toml instead of writing planlint.toml")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..config.loader import config_in

    existing = config_in(Path.cwd())
    if existing is not None:
        raise UsageError(f"{existing.name} already configures planlint here; edit it (planlint init never overwrites)")
    if args.pyproject:
        target = Path("pyproject.toml")
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        text = before + ("\n" if before and not before.endswith("\n\n") else "") + "[tool.planlint]\n" + HEADER + SETTINGS
    else:
        target = Path("planlint.toml")
        text = HEADER + SETTINGS
    write_output(text, str(target))
    print(f"planlint: wrote {target}{' ([tool.planlint])' if args.pyproject else ''}; "
          "`planlint config .` shows the settings in force", file=sys.stderr)
    return EXIT_OK
