"""Objectives that are present and measurable (methodology point 6).

An objective without a number and a date cannot be tracked, so nobody can
tell whether the plan is working.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed


class ObjectivesPresent(Rule):
    info = RuleInfo(
        code="PL201",
        name="objectives-present",
        category="objectives",
        severity=Severity.error,
        weight=3.0,
        message="the plan has no objectives",
        why="A plan turns research into objectives; with none it is a report, not a plan.",
        fix="Add at least one `objective revenue \"...\" { target $... by DATE ... }`.",
        methodology=(6,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        if ctx.plan.objectives:
            yield passed(ctx.plan.span)
        else:
            yield failed(ctx.plan.span, self.info.message)


class ObjectiveMeasurable(Rule):
    info = RuleInfo(
        code="PL202",
        name="objective-measurable",
        category="objectives",
        severity=Severity.error,
        weight=3.0,
        message="objective has no numeric target and date",
        why="Only a number and a date make an objective something the team can track and the customer can feel.",
        fix="Give the objective `target $500k by 2027-06-30` (money, a percentage or a count, and a date).",
        methodology=(6,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in ctx.plan.objectives:
            target = objective.target
            missing = []
            if target is None or target.value is None:
                missing.append("numeric target")
            if target is None or target.by is None:
                missing.append("date")
            if missing:
                yield failed(objective.span, f"objective '{objective.name}' has no {' and no '.join(missing)}")
            else:
                yield passed(objective.span)


RULES: list[Rule] = [ObjectivesPresent(), ObjectiveMeasurable()]
