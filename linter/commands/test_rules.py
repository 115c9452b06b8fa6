"""`planlint test-rules [PACK...]`: run each rule's own passing and failing examples.

Exit 0 when every rule does what its examples say, 1 when any does not (the
report names the rule and the example), 2 when a pack cannot be loaded.
Without a PACK, the built-in rules' examples are run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from ..packs import PackError, load_pack
from ..packs.examples import ExampleResult, run_examples
from ..rule import Rule
from ._common import iso_date, write_output

DEFAULT_AS_OF = dt.date(2027, 3, 1)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("test-rules", help="run the examples of each rule in a pack", description=__doc__)
    parser.add_argument("packs", nargs="*", metavar="PACK", help="TOML rule packs (default: the built-in rules)")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE",
                        help="the date examples are judged by (default: the pack's examples_as_of, else today)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing examples too")
    parser.set_defaults(handler=run)


def _builtin_rules() -> list[Rule]:
    from ..registry import load_registry

    return [rule for rule in load_registry().rules if rule.info.pack == "builtin"]


def run(args: argparse.Namespace) -> int:
    suites: list[tuple[str, list[Rule], dt.date]] = []
    broken = False
    if not args.packs:
        suites.append(("built-in rules", _builtin_rules(), args.as_of or DEFAULT_AS_OF))
    for path in args.packs:
        try:
            pack = load_pack(path, _known_categories())
        except PackError as error:
            for problem in error.problems:
                print(f"planlint: error: {problem}", file=sys.stderr)
            broken = True
            continue
        suites.append((path, list(pack.rules), args.as_of or pack.meta.examples_as_of or dt.date.today()))
    if broken:
        return EXIT_ERROR
    lines: list[str] = []
    failures = total = 0
    for title, rules, as_of in suites:
        results = run_examples(rules, as_of)
        failed = [r for r in results if not r.ok]
        total += len(results)
        failures += len(failed)
        lines.append(f"{title}: {len(rules)} rules, {len(results)} examples, {len(failed)} failed (as of {as_of})")
        lines += [f"  {r.describe()}" for r in results if args.verbose or not r.ok]
    lines.append(_summary(failures, total))
    write_output("\n".join(lines) + "\n", None)
    return EXIT_FINDINGS if failures else EXIT_OK


def _summary(failures: int, total: int) -> str:
    if failures:
        return f"{failures} of {total} examples do not do what they say"
    return f"all {total} examples do what they say"


def _known_categories() -> list[str]:
    from ..packs import _known_categories as known

    return known()


__all__ = ["ExampleResult", "register", "run"]
