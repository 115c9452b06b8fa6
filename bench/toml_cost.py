"""What a rule written in TOML costs per item, against the same rule written in Python.

    python bench/run.py --only toml-rule     # as a section of the benchmark
    python bench/toml_cost.py                # on its own

The TOML rule is the built-in PL302 (action-owner: ``items = "actions"``,
``check = { field = "owner", present = true }``), loaded as ``planlint check``
loads it. The Python rule does the same check on the same items, the way a
built-in Python rule is written: the plan's real actions, an owner that is a
real name, the same message and position; the script first makes sure both
give the very same items. Both run in this process on one plan of 2,000
actions (one in ten without an owner, one in twenty a placeholder, which
neither rule checks), in interleaved repetitions (TOML, Python, TOML,
Python...) so both see the same machine, and each repetition's CPU time
(``time.process_time``) is divided by the number of items. The figures are
the medians with the spread (min - max); the ratio is the median of the
ratios of neighbouring repetitions, against the target of 1.5x.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Figure, median_spread, times, verdict  # noqa: E402

AS_OF = dt.date(2027, 3, 1)
ACTIONS = 2_000
TARGET = 1.5


def plan_text(actions: int, unowned: int = 10) -> str:
    """A plan of ``actions`` actions; one in ``unowned`` has no owner (none when 0)."""
    lines = []
    for number in range(actions):
        text = "TBD" if number % 20 == 7 else f"Workshop {number} with the finance team"
        owner = "" if unowned and number % unowned == 3 else f' owner "{("Jane Doe", "Raj Patel")[number % 2]}"'
        lines.append(f'      action "{text}"{owner} due 2027-0{1 + number % 9}-15\n')
    return ('plan "Acme" {\n  owner "Jane Doe"\n  team "Raj Patel"\n  period 2027-01-01 to 2027-12-31\n'
            '  objective revenue "Win the ERP consolidation" {\n    target $500k by 2027-06-30\n'
            '    strategy "Position as the consolidation partner" {\n' + "".join(lines) + "    }\n  }\n}\n")


def python_rule() -> Any:
    """PL302 as a Python rule: what the TOML rule is measured against."""
    from planlint.api.real import real_actions, real_objectives
    from planlint.api.text import is_real_name
    from planlint.rule import CheckContext, Item, Rule, failed, passed

    class ActionOwner(Rule):
        def check(self, ctx: CheckContext) -> Iterable[Item]:
            for action in real_actions(real_objectives(ctx.plan)):
                if is_real_name(action.owner):
                    yield passed(action.span)
                else:
                    yield failed(action.span, f"action '{action.text}' has no owner")

    return ActionOwner()


def cpu_per_item(check: Callable[[Any], Iterable[Any]], plan: Any, repeat: int) -> float:
    """CPU seconds per item of ``repeat`` back-to-back checks of ``plan`` (one check is a few milliseconds)."""
    from planlint.rule import CheckContext

    items = 0
    started = time.process_time()
    for _ in range(repeat):
        items += sum(1 for _ in check(CheckContext(plan, as_of=AS_OF)))
    return (time.process_time() - started) / items


def toml_rule_cost(repetitions: int = 30, actions: int = ACTIONS, unowned: int = 10) -> list[Figure]:
    from planlint.api.registry import load_registry
    from planlint.language.parser import parse_text
    from planlint.rule import CheckContext

    plan = parse_text(plan_text(actions, unowned)).document
    toml_rule = load_registry().by_code()["PL302"]
    assert type(toml_rule).__name__ == "TomlRule", "PL302 is expected to be the TOML rule"
    python = python_rule()
    found = [list(rule.check(CheckContext(plan, as_of=AS_OF))) for rule in (toml_rule, python)]
    assert found[0] == found[1], "the two rules must give the same items"
    toml_times: list[float] = []
    python_times: list[float] = []
    for number in range(repetitions + 3):  # the first three warm both up
        toml_time, python_time = cpu_per_item(toml_rule.check, plan, 3), cpu_per_item(python.check, plan, 3)
        if number >= 3:
            toml_times.append(toml_time)
            python_times.append(python_time)
    ratios = [t / p for t, p in zip(toml_times, python_times)]
    ratio = statistics.median(ratios)
    micro = lambda seconds: f"{seconds * 1e6:.2f} µs"  # noqa: E731
    return [
        Figure(f"TOML rule per item (PL302 action-owner, {len(found[0]):,} items, CPU)", *median_spread(toml_times, micro), "", ""),
        Figure("  the same check as a Python rule, per item", *median_spread(python_times, micro), "", ""),
        Figure("TOML / Python per item (interleaved pairs)", times(ratio), f"{times(min(ratios))} - {times(max(ratios))}",
               f"<= {TARGET}x", verdict(ratio <= TARGET, f"{ratio / TARGET:.1f}x over")),
    ]


if __name__ == "__main__":
    for figure in toml_rule_cost(10 if "--quick" in sys.argv[1:] else 30):
        print(f"{figure.name:60} {figure.value:>9}  ({figure.spread})  {figure.target} {figure.verdict}".rstrip())
