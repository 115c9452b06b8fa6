"""The pillars of the method: what a plan cannot lack and still be a tool.

A weighted mean of forty small rules averages away the loss of a whole
pillar (no competitor research moves one rule in one category), so the
verdict also asks, pillar by pillar, whether the plan has it. Which rules
decide a pillar is data on the rule (``RuleInfo.essential``, ``essential =
"competitor"`` in a TOML pack), changeable in configuration (the names: :mod:`planlint.api.pillars`)
(``essentials = { PL105 = "customer", PL302 = false }``).

Each pillar ends in one of four states, with a reason a reader can act on:

* **met**: every rule of the pillar that applies passes at least half of
  its items (``no_competitor "reason"`` passes the competitor rule);
* **failed**: one of its rules passes fewer than half of its items (a
  plan-level rule: it fails), or the pillar's rules apply but found nothing
  to look at (no action at all);
* **waived**: every item of one of its rules was suppressed with a reason
  (and none of its rules fails): shown as waived, never silently met;
* **not-required**: its rules are switched off in the configuration, not
  expected in the plan's quadrant, or no loaded rule declares the pillar.

One unowned action out of twenty is a small flaw the score prices; it is
not a failed pillar. Half is the line because below it the pillar is
mostly missing, which is what an account director would call "not there".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Mapping, Optional, Sequence

from ..api.pillars import LABELS, PILLAR_NAMES, State

MIN_PASSING = 0.5  # a rule of a pillar passing fewer than half of its items fails the pillar


@dataclass(frozen=True)
class RuleOutcome:
    """What the engine saw of one rule of a pillar on one plan."""

    code: str
    selected: bool
    passed: int = 0
    total: int = 0
    suppressed: int = 0
    suppression: str = ""  # the first reason given
    skipped: str = ""  # why the rule did not apply (the quadrant), when it said so
    first_failure: str = ""  # the message of its first failing item

    @property
    def ratio(self) -> Optional[float]:
        return None if self.total == 0 else self.passed / self.total


@dataclass(frozen=True)
class PillarVerdict:
    """One pillar's state and the reason for it."""

    pillar: str
    state: State
    reason: str
    rules: tuple[str, ...]


def judge_pillar(pillar: str, outcomes: Sequence[RuleOutcome]) -> PillarVerdict:
    """The state of one pillar from the outcomes of the rules that declare it."""
    codes = tuple(outcome.code for outcome in outcomes)
    label = LABELS.get(pillar, pillar)
    if not outcomes:
        return PillarVerdict(pillar, "not-required", "no loaded rule checks it", codes)
    running = [outcome for outcome in outcomes if outcome.selected]
    if not running:
        return PillarVerdict(pillar, "not-required", f"switched off in the configuration ({', '.join(codes)})", codes)
    for outcome in running:
        ratio = outcome.ratio
        if ratio is not None and ratio < MIN_PASSING:
            share = f"{outcome.passed} of {outcome.total}" if outcome.total > 1 else "fails"
            detail = f": {outcome.first_failure}" if outcome.first_failure else ""
            return PillarVerdict(pillar, "failed", f"{outcome.code} {share}{detail}", codes)
    waived = [outcome for outcome in running if outcome.suppressed and not outcome.total]
    if waived:
        return PillarVerdict(pillar, "waived", f"{waived[0].code} suppressed: {waived[0].suppression}", codes)
    judged = [outcome for outcome in running if outcome.total]
    if judged:
        passed = sum(outcome.passed for outcome in judged)
        total = sum(outcome.total for outcome in judged)
        return PillarVerdict(pillar, "met", f"{passed} of {total} checks pass ({', '.join(o.code for o in judged)})", codes)
    skipped = [outcome for outcome in running if outcome.skipped]
    if len(skipped) == len(running):
        return PillarVerdict(pillar, "not-required", skipped[0].skipped, codes)
    return PillarVerdict(pillar, "failed", f"the plan has no {label} to check", codes)


def judge_pillars(essential_of: Mapping[str, Optional[str]], outcomes: Mapping[str, RuleOutcome]) -> list[PillarVerdict]:
    """Every pillar's verdict, in :data:`PILLARS` order.

    ``essential_of`` maps each loaded rule's code to its pillar (after the
    configuration); ``outcomes`` holds what the engine saw of each.
    """
    members = _members(essential_of, outcomes)
    return [judge_pillar(name, members[name]) for name in PILLAR_NAMES]


def _members(essential_of: Mapping[str, Optional[str]], outcomes: Mapping[str, RuleOutcome]) -> dict[str, list[RuleOutcome]]:
    """Each pillar's rules' outcomes, in code order (a rule that did not run: not selected)."""
    members: dict[str, list[RuleOutcome]] = {name: [] for name in PILLAR_NAMES}
    for code in sorted(essential_of):
        pillar = essential_of[code]
        if pillar in members:
            members[pillar].append(outcomes.get(code, RuleOutcome(code, selected=False)))
    return members


def failed_if_mended(essential_of: Mapping[str, Optional[str]], outcomes: Mapping[str, RuleOutcome]) -> Callable[[str], int]:
    """How many pillars fail once rule ``code`` passes all its items: a function of ``code``.

    What :func:`judge_pillars` would count with that one outcome mended, but
    only the rule's own pillar is judged again (the engine asks once per
    failing rule, for each fix's gain).
    """
    members = _members(essential_of, outcomes)
    failed = {name: judge_pillar(name, members[name]).state == "failed" for name in PILLAR_NAMES}
    now = sum(failed.values())

    def count(code: str) -> int:
        pillar = essential_of.get(code)
        if pillar not in members or code not in outcomes:
            return now
        outcome = outcomes[code]
        mended = replace(outcome, passed=outcome.total)
        again = judge_pillar(pillar, [mended if member.code == code else member for member in members[pillar]])
        return now - failed[pillar] + (again.state == "failed")

    return count
