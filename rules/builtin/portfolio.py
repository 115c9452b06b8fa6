"""Prioritise accounts (methodology point 9).

A-quadrant accounts (high current and high future revenue) deserve a full
plan: one whose plan is missing, or scores below the bar (default 70;
``planlint portfolio --min-score N``, or ``a-quadrant-min-score`` in the
configuration), is a finding. Every plan should also state the quadrant inputs.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, PortfolioContext, PortfolioRule, Rule, RuleInfo, Severity, failed, passed



class AQuadrantPlan(PortfolioRule):
    info = RuleInfo(
        code="PL601", name="a-quadrant-plan", category="portfolio", severity=Severity.error, weight=3.0,
        message="an A-quadrant account has no plan, or its plan scores below the bar",
        why="A accounts (high current and high future revenue) carry the business; they deserve a full, working plan.",
        fix='Write the plan (`plan "path.plan"` in the portfolio) and raise its score above the bar.',
        passing=('portfolio "Team" {\n  account "Acme" { current high future low }\n}\n',),
        failing=('portfolio "Team" {\n  account "Acme" { current high future high }\n}\n',),
        methodology=(9,),
    )

    def check_portfolio(self, ctx: PortfolioContext) -> Iterable[Item]:
        for account in ctx.accounts:
            if account.quadrant != "A":
                continue
            if account.plan is None:
                yield failed(account.span, f"A-quadrant account '{account.name}' has no plan")
            elif not account.plan_found:
                yield failed(account.span, f"A-quadrant account '{account.name}': plan file '{account.plan}' not found")
            elif account.score is None:
                yield failed(account.span, f"A-quadrant account '{account.name}': '{account.plan}' cannot be read as a plan "
                             "(run `planlint check` on it to see why)")
            elif account.score < ctx.min_score:
                yield failed(account.span, f"A-quadrant account '{account.name}' has a plan scoring {account.score:.1f}, below {ctx.min_score:g}")
            else:
                yield passed(account.span)


class QuadrantInputs(Rule):
    info = RuleInfo(
        code="PL602", name="quadrant-inputs", category="focus", severity=Severity.info, weight=1.0,
        message="the plan does not state current and future revenue",
        why="Current and future revenue place the account in the A/B/C/D two-by-two, which decides how much planning it deserves.",
        fix="Add `revenue current $1.2M high, future $3M high` (an amount, a level, or both).",
        passing=("revenue current $1.2M high, future high",),
        failing=("revenue current $1.2M",),
        methodology=(9,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan_ = ctx.plan
        if plan_.current_revenue is not None and plan_.future_revenue is not None:
            yield passed(plan_.span)
        else:
            yield failed(plan_.span, "state `revenue current ..., future ...` so the account can be placed in a quadrant")


RULES: list[Rule] = [AQuadrantPlan(), QuadrantInputs()]
