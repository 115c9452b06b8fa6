"""Objectives broken into strategies and owned, dated actions (methodology point 6).

An objective with fewer than two actions is a wish; an action with no owner,
an owner nobody on the team has heard of, or no due date is one nobody will
do; an open action past its due date (judged against ``--as-of``, so a run is
reproducible) shows the plan is not being worked.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.text import is_real_name, is_substantive, name_key
from .real import real_actions, real_objectives

MIN_ACTIONS = 2

_TEAM = '  owner "Jane Doe"\n  team "Raj Patel"\n  period 2027-01-01 to 2027-12-31\n'


def objective_with(actions: str) -> str:
    return (
        'plan "Acme" {\n' + _TEAM + '  objective revenue "Win the ERP consolidation" {\n    target $500k by 2027-06-30\n'
        '    strategy "Position as the consolidation partner" {\n' + actions + "    }\n  }\n}\n"
    )


_TWO = (
    '      action "Executive briefing with the CFO" owner "Jane Doe" due 2027-02-15\n'
    '      action "Reference call with Initech" owner "Raj Patel" due 2027-03-01 done\n'
)


class ObjectiveHasActions(Rule):
    info = RuleInfo(
        code="PL301",
        name="objective-actions",
        category="actions",
        severity=Severity.error,
        weight=3.0,
        message=f"objective has fewer than {MIN_ACTIONS} actions",
        why="Objectives are reached through strategies and actions; an objective with one action or none is a wish, "
        "and nothing happens on Monday.",
        fix=f"Add `strategy \"...\" {{ action \"...\" owner \"Name\" due DATE }}` under the objective, with at least {MIN_ACTIONS} actions.",
        methodology=(6,),
        failing=(objective_with('      action "Executive briefing with the CFO" owner "Jane Doe" due 2027-02-15\n'),),
        passing=(objective_with(_TWO),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            count = len([a for a in objective.actions() if is_substantive(a.text, 1)])
            if count >= MIN_ACTIONS:
                yield passed(objective.span)
            elif not objective.strategies:
                yield failed(objective.span, f"objective '{objective.name}' has no strategy and no action")
            else:
                yield failed(objective.span, f"objective '{objective.name}' has {count} action(s); plan at least {MIN_ACTIONS}")


class StrategyHasActions(Rule):
    info = RuleInfo(
        code="PL304",
        name="strategy-actions",
        category="actions",
        severity=Severity.warning,
        weight=1.0,
        message="strategy has no action",
        why="A strategy is a choice about how to reach an objective; without an action it is a slogan.",
        fix="Add at least one `action \"...\" owner \"Name\" due DATE` inside the strategy, or remove it.",
        methodology=(6,),
        failing=(objective_with(""),),
        passing=(objective_with(_TWO),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            for strategy in objective.strategies:
                if strategy.actions:
                    yield passed(strategy.span)
                else:
                    yield failed(strategy.span, f"strategy '{strategy.name}' has no action")


class CustomerActionOwner(Rule):
    info = RuleInfo(
        code="PL309",
        name="customer-action-owner",
        category="actions",
        severity=Severity.warning,
        weight=1.5,
        message="a customer action is owned by someone the plan does not map on the customer's side",
        why="A mutual action plan works when each of the customer's steps has a named person on their side who "
        "agreed to it; an action 'owned' by someone unmapped, or by our own team, is a hope about the customer.",
        fix="Give the `customer_action` an `owner` who is a mapped stakeholder or party; if it is ours, write `action`.",
        methodology=(4, 6),
        failing=(objective_with('      customer_action "CFO reviews the business case" owner "Jane Doe" due 2027-03-15\n'),),
        passing=('plan "Acme" {\n  stakeholder "Mary Chen" {\n    role economic_buyer\n  }\n' + objective_with(
            '      customer_action "CFO reviews the business case" owner "Mary Chen" due 2027-03-15\n').split("\n", 1)[1],),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan, team = ctx.plan, ctx.plan.people()
        theirs = {name_key(p.name) for p in [*plan.stakeholders, *plan.parties]}
        for action in real_actions(ctx):
            if not action.customer or not is_real_name(action.owner):
                continue
            owner = (action.owner or "").strip()
            where = action.owner_span or action.span
            if owner in team:
                yield failed(where, f"'{owner}', owner of the customer action '{action.text}', is on our team: "
                             "write it as an `action`, or name the customer's owner")
            elif name_key(owner) in theirs:
                yield passed(where)
            else:
                yield failed(where, f"'{owner}', owner of the customer action '{action.text}', is not a mapped "
                             "stakeholder or party")


RULES: list[Rule] = [  # PL302, PL303, PL305, PL306 and PL307 are in builtin.toml
    ObjectiveHasActions(),
    StrategyHasActions(),
    CustomerActionOwner(),
]
