"""Objectives broken into owned, dated actions (methodology point 6).

An objective with no action is a wish; an action with no owner or due date is
one nobody will do.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed


class ObjectiveHasActions(Rule):
    info = RuleInfo(
        code="PL301",
        name="objective-actions",
        category="actions",
        severity=Severity.error,
        weight=3.0,
        message="objective has no action",
        why="Objectives are reached through strategies and actions; without them nothing happens on Monday.",
        fix="Add `strategy \"...\" { action \"...\" owner \"Name\" due DATE }` under the objective.",
        methodology=(6,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in ctx.plan.objectives:
            if objective.actions():
                yield passed(objective.span)
            else:
                yield failed(objective.span, f"objective '{objective.name}' has no action")


class ActionOwner(Rule):
    info = RuleInfo(
        code="PL302",
        name="action-owner",
        category="actions",
        severity=Severity.error,
        weight=2.0,
        message="action has no owner",
        why="An action that belongs to everyone belongs to no one.",
        fix="Add `owner \"Name\"` to the action, naming someone on the account team.",
        methodology=(6,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for action in ctx.plan.actions():
            if action.owner and action.owner.strip():
                yield passed(action.span)
            else:
                yield failed(action.span, f"action '{action.text}' has no owner")


class ActionDue(Rule):
    info = RuleInfo(
        code="PL303",
        name="action-due-date",
        category="actions",
        severity=Severity.error,
        weight=2.0,
        message="action has no due date",
        why="Without a date an action slides forever and nobody can tell it is late.",
        fix="Add `due 2027-03-01` (or a quarter such as `due Q2 2027`) to the action.",
        methodology=(6,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for action in ctx.plan.actions():
            if action.due is not None:
                yield passed(action.span)
            else:
                yield failed(action.span, f"action '{action.text}' has no due date")


RULES: list[Rule] = [ObjectiveHasActions(), ActionOwner(), ActionDue()]
