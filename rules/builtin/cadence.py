"""Cadence: a plan has a period, a review rhythm, and was reviewed recently.

Methodology point 7. A plan reviewed once for compliance and never again is
the definition of a form. Staleness is judged against ``--as-of DATE``
(default: today) so the same plan gives the same verdict in CI next year.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from planlint.model import CADENCE_DAYS, Cadence
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed


DEFAULT_CADENCE = Cadence.quarterly  # judged against when none is declared
# A review dated up to this many days after --as-of is not "in the future": dates carry no time zone, and a
# review written down in Sydney on the 20th is checked by a CI runner in UTC while it is still the 19th there.
FUTURE_GRACE_DAYS = 1


class ReviewFresh(Rule):
    info = RuleInfo(
        code="PL402",
        name="stale-review",
        essential="in-use",
        category="cadence",
        severity=Severity.warning,
        weight=2.0,
        message="the plan's last review is older than its cadence allows, or dated in the future",
        why="A plan not reviewed within its own cadence is not being used, and a review dated after today never "
        "happened: it is a typo that would keep the plan looking fresh. Judged against `--as-of DATE` "
        f"(default: today); a plan with no cadence is judged against {DEFAULT_CADENCE.value}.",
        fix="Review the plan with the team and update `reviewed DATE`.",
        quadrants=("A", "B", "C"),  # a D account's plan is not reviewed on a cadence
        methodology=(7,),
        failing=(
            'plan "Acme" {\n  cadence monthly\n  reviewed 2001-01-10\n}\n',
            'plan "Acme" {\n  cadence monthly\n}\n',
            'plan "Acme" {\n  cadence monthly\n  reviewed 2999-01-10\n}\n',
        ),
        passing=('plan "Acme" {\n  cadence monthly\n  reviewed 2027-02-20\n}\n',),
        version="2",
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan = ctx.plan
        cadence = plan.cadence or DEFAULT_CADENCE
        allowed = CADENCE_DAYS[cadence]
        if plan.reviewed is None:
            yield failed(plan.span, "the plan has no `reviewed DATE`: record when it was last reviewed")
            return
        age = (ctx.as_of - plan.reviewed.date).days
        if age < -FUTURE_GRACE_DAYS:  # a typo (2072 for 2027) that would otherwise keep the plan "fresh" for decades
            yield failed(
                plan.reviewed.span,
                f"reviewed {plan.reviewed.date.isoformat()} is after {ctx.as_of.isoformat()}: a plan cannot have been "
                "reviewed in the future; put the date of the last review that actually took place",
            )
        elif age <= allowed:
            yield passed(plan.reviewed.span)
        else:
            yield failed(
                plan.reviewed.span,
                f"last reviewed {plan.reviewed.date.isoformat()}, {age} days before {ctx.as_of.isoformat()}; "
                f"a {cadence.value} cadence allows {allowed}",
            )


class FiscalPeriod(Rule):
    info = RuleInfo(
        code="PL405",
        name="fiscal-period",
        category="cadence",
        severity=Severity.warning,
        weight=1.0,
        message="the plan period does not follow the customer's fiscal quarters",
        why="A customer budgets, buys and reviews by its own fiscal year. When the plan declares "
        "`fiscal_year_start`, a period that starts or ends in the middle of one of the customer's quarters "
        "splits a budget cycle in two, and its objectives fall due between the customer's own reviews.",
        fix="Write the period in the customer's quarters: `period Q1 2027 to Q4 2027` (with `fiscal_year_start July`, "
        "July 2026 to June 2027).",
        methodology=(7,),
        failing=('plan "Acme" {\n  fiscal_year_start July\n  period 2027-01-15 to 2027-12-31\n}\n',
                 'plan "Acme" {\n  fiscal_year_start July\n  period 2027-02-01 to 2027-06-30\n}\n'),
        passing=('plan "Acme" {\n  fiscal_year_start July\n  period Q1 2027 to Q4 2027\n}\n',
                 'plan "Acme" {\n  fiscal_year_start July\n  period 2026-07-01 to 2027-06-30\n}\n'),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan, period = ctx.plan, ctx.plan.period
        start = plan.fiscal_year_start
        if period is None or start is None:
            return
        months = sorted({(start - 1 + 3 * step) % 12 + 1 for step in range(4)})
        starts_ok = period.start.day == 1 and period.start.month in months
        after_end = period.end + dt.timedelta(days=1)
        ends_ok = after_end.day == 1 and after_end.month in months
        fiscal_year = period.end.year + (period.end.month >= start > 1)
        if starts_ok and ends_ok:
            yield passed(period.span)
        else:
            names = ", ".join(dt.date(2000, month, 1).strftime("%B") for month in months)
            yield failed(period.span, f"the plan period {period.shown()} does not run from the start of one of the "
                         f"customer's fiscal quarters (they start in {names}) to the end of one; the period's end falls "
                         f"in the customer's FY{fiscal_year}")


RULES: list[Rule] = [ReviewFresh(), FiscalPeriod()]  # PL401, PL403 and PL404 are in builtin.toml
