"""`planlint test-rules [PACK...]`: run each rule's own passing and failing examples.

Exit 0 when every rule does what its examples say, 1 when any does not (the
report names the rule and the example), 2 when a pack cannot be loaded or
uses a rule code that another pack given, the built-in rules, an installed
plugin or a pack in the configuration already uses: `planlint check` would
stop with exit 2 on that pack too. Without a PACK, the built-in rules'
examples are run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Optional

from .exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from ..api.packs import PackError, load_pack
from ..engine.examples import ExampleResult, run_examples
from ..api.registry import BUILTIN_PLUGINS, Registry, builtin_category_names
from ..api.rule import Rule
from ._common import add_config_option, configured_registry, iso_date, write_output
from ..output.words import counted

DEFAULT_AS_OF = dt.date(2027, 3, 1)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("test-rules", help="run the examples of each rule in a pack", description=__doc__)
    parser.add_argument("packs", nargs="*", metavar="PACK", help="TOML rule packs (default: the built-in rules)")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE",
                        help="the date examples are judged by (default: the pack's examples_as_of, else today)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing examples too")
    add_config_option(parser)
    parser.set_defaults(handler=run)


def _builtin_rules() -> list[Rule]:
    from ..api.registry import load_registry

    return [rule for rule in load_registry().rules if rule.info.pack == "builtin"]


def run(args: argparse.Namespace) -> int:
    suites: list[tuple[str, list[Rule], dt.date]] = []
    broken = False
    if not args.packs:
        suites.append(("built-in rules", _builtin_rules(), args.as_of or DEFAULT_AS_OF))
    for path in args.packs:
        try:
            pack = load_pack(path, builtin_category_names())
        except PackError as error:
            for problem in error.problems:
                print(f"planlint: error: {problem}", file=sys.stderr)
            broken = True
            continue
        if not pack.rules:
            print(f"planlint: error: {path}: the pack has no rules, so nothing was tested (add a [[rule]] with "
                  "passing and failing examples)", file=sys.stderr)
            broken = True
            continue
        suites.append((path, list(pack.rules), args.as_of or pack.meta.examples_as_of or dt.date.today()))
    if broken:
        return EXIT_ERROR
    if args.packs:
        clashes = _clashes([(title, rules) for title, rules, _ in suites], configured_registry(args.config))
        for clash in clashes:
            print(f"planlint: error: {clash}", file=sys.stderr)
        if clashes:
            return EXIT_ERROR
    lines: list[str] = []
    failures = total = 0
    for title, rules, as_of in suites:
        results = run_examples(rules, as_of)
        failed = [r for r in results if not r.ok]
        total += len(results)
        failures += len(failed)
        lines.append(f"{title}: {counted(len(rules), 'rule')}, {counted(len(results), 'example')}, {len(failed)} failed "
                     f"(as of {as_of})")
        lines += [f"  {r.describe()}" for r in results if args.verbose or not r.ok]
    lines.append(_summary(failures, total))
    write_output("\n".join(lines) + "\n", None)
    return EXIT_FINDINGS if failures else EXIT_OK


def _clashes(packs: list[tuple[str, list[Rule]]], registry: Registry) -> list[str]:
    """Rule codes the packs share with each other or with what ``check`` loads anyway.

    Each pack's examples pass on their own, so without this a code used twice
    passes here and then stops every ``check`` with exit 2. The same rule
    loaded twice is not a clash: the pack under test may also be named in the
    configuration, and a plugin's own TOML file is the one its entry point loads.
    Nor is another copy of the same pack (same ``[pack] name``) that ``check``
    loads from elsewhere: after ``pip install ./plugins/x`` (not editable) the
    plugin's installed copy of the TOML file is the pack being tested, and the
    file on the command line takes its place for the run (with a note when the
    two differ).
    """
    tested = {rule.info.pack: _source(rule) for _, rules in packs for rule in rules}
    loaded: list[Rule] = []
    replaced: dict[Path, str] = {}
    for rule in registry.rules:
        source = _source(rule)
        plugin = registry.plugin_of.get(rule.info.code, "")
        if source is not None and not plugin.startswith("pack:") and rule.info.pack in tested \
                and source != tested[rule.info.pack]:
            replaced[source] = rule.info.pack
            continue
        loaded.append(rule)
    for installed, pack in replaced.items():
        _note_replaced(pack, installed, tested[pack])
    owners: dict[str, tuple[Optional[Path], str]] = {}
    found: list[str] = []
    for path, rules in [("", loaded), *packs]:  # the registry's codes are already unique
        for rule in rules:
            source = _source(rule)
            first, owner = owners.setdefault(rule.info.code, (source, _owner(rule.info.pack, source)))
            if source != first:
                found.append(f"{path}: rule code {rule.info.code} ({rule.info.name}) is already used by {owner}; "
                             "codes must be unique across packs, or planlint check stops with exit 2")
    installed = sorted({registry.plugin_of[code] for code in owners if code in registry.plugin_of
                        and not registry.plugin_of[code].startswith("pack:") and registry.plugin_of[code] not in BUILTIN_PLUGINS
                        and any(f"rule code {code} " in line for line in found)})
    for plugin in installed:
        found.append(f"(to test these rules without the installed plugin '{plugin}', switch it off with "
                     f"`plugins = {{ {plugin} = false }}` in planlint.toml)")
    return found


def _note_replaced(pack: str, installed: Path, tested: Optional[Path]) -> None:
    """Say that an installed copy of the pack under test, which differs from it, is left out of this run."""
    if tested is None or _same_content(installed, tested):
        return
    from ..config.loader import shown_path

    print(f"planlint: note: testing {shown_path(tested)} in place of pack '{pack}' as installed ({shown_path(installed)}), "
          "which differs; `planlint check` uses the installed copy until you reinstall it (pip install -e keeps the "
          "two the same)", file=sys.stderr)


def _same_content(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _source(rule: Rule) -> Optional[Path]:
    """The TOML file a rule was read from (None for a rule written in Python)."""
    source = getattr(rule, "source", None)
    return Path(source).resolve() if source else None


def _owner(pack: str, source: Optional[Path]) -> str:
    if pack == "builtin":
        return "the built-in rules"
    from ..config.loader import shown_path

    return f"'{pack}'" + (f" ({shown_path(source)})" if source else "")


def _summary(failures: int, total: int) -> str:
    if failures:
        return f"{failures} of {total} examples do not do what they say"
    return f"all {total} examples do what they say"


__all__ = ["ExampleResult", "register", "run"]
