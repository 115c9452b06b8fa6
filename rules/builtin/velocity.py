"""Sales velocity: can the pipeline the plan states yield the revenue it targets?

Methodology point 10. velocity = deals × average value × win rate ÷ cycle
length (per day); over the plan period the pipeline yields velocity × days.
A revenue target more than :data:`MAX_STRETCH` times that is a finding whose
message shows the arithmetic, so the reader can check it and see which lever
(more deals, bigger deals, better win rate, shorter cycle) would close the gap.
Only targets in the pipeline's currency are compared; a revenue target in
another currency is left out and said so (PL503), because no exchange rate
planlint could pick is the one the business plans with. The rules apply only
where the plan states a pipeline.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed
from planlint.api.velocity import (STRETCH_FACTOR, deal_totals, missing_inputs, pipeline_currency, revenue_targets,
                                   shortfall, velocity_check)


MAX_STRETCH = STRETCH_FACTOR  # 1.5: the one place the threshold lives is planlint.api.velocity

_PERIOD = "  period 2027-01-01 to 2027-12-31\n"


def pipeline_plan(target: str, deals: int = 8) -> str:
    return (
        'plan "Acme" {\n' + _PERIOD + f"  pipeline {{\n    deals {deals}\n    average $150k\n    win_rate 25%\n    cycle 120 days\n  }}\n"
        f'  objective revenue "Win the ERP consolidation" {{\n    target {target} by 2027-12-31\n  }}\n}}\n'
    )


class PipelineComplete(Rule):
    info = RuleInfo(
        code="PL501",
        name="pipeline-complete",
        category="velocity",
        severity=Severity.warning,
        weight=1.0,
        message="the pipeline leaves out a velocity input",
        why="Sales velocity needs all four numbers: deals, average deal value, win rate and cycle length. "
        "A pipeline with one missing cannot be checked against the targets.",
        fix="Complete `pipeline { deals N average $... win_rate N% cycle N days }`.",
        quadrants=("A", "B", "C"),  # a D account has no pipeline worth modelling
        methodology=(10,),
        failing=('plan "Acme" {\n  pipeline {\n    deals 8\n    average $150k\n  }\n}\n',),
        passing=(pipeline_plan("$500k"),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        pipeline = ctx.plan.pipeline
        if pipeline is None:
            return
        missing = missing_inputs(ctx.plan)
        if missing:
            yield failed(pipeline.span, f"the pipeline has no {', '.join(missing)}")
        else:
            yield passed(pipeline.span)


class VelocitySupportsTarget(Rule):
    info = RuleInfo(
        code="PL502",
        name="velocity-target",
        category="velocity",
        severity=Severity.warning,
        weight=2.0,
        message=f"revenue target is more than {MAX_STRETCH:g}× what the pipeline can yield over the plan period",
        why="velocity = deals × average value × win rate ÷ cycle length; over the plan period the pipeline yields "
        f"velocity × days. A target more than {MAX_STRETCH:g}× that is a hope, not a plan: it needs more pipeline, "
        "bigger deals, a better win rate or a shorter cycle — or a smaller target.",
        fix="Add business-development objectives that grow the pipeline, or bring the revenue target in line with "
        "what the pipeline can yield.",
        quadrants=("A", "B", "C"),  # a D account has no pipeline worth modelling
        methodology=(10,),
        failing=(pipeline_plan("$2M"),),
        passing=(pipeline_plan("$500k"),),
        version="2",
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        pipeline = ctx.plan.pipeline
        check = velocity_check(ctx.plan)
        if check is None or pipeline is None:
            return  # no complete pipeline, no period or no money revenue target in its currency: nothing to compare
        problem = shortfall(check)
        yield passed(pipeline.span) if problem is None else failed(pipeline.span, problem)


class VelocityCurrency(Rule):
    info = RuleInfo(
        code="PL503",
        name="velocity-currency",
        category="velocity",
        severity=Severity.info,
        weight=1.0,
        message="a revenue target is in another currency than the pipeline, so the velocity check leaves it out",
        why="planlint never adds or compares amounts in different currencies: no exchange rate it could pick is the "
        "one the business plans with. A revenue target in another currency than the pipeline's average deal value "
        "is therefore not checked against what the pipeline can yield (PL502), and nobody can tell if it is realistic.",
        fix="State the target in the pipeline's currency (converted at the rate your finance team plans with), "
        "or state the pipeline in the target's currency.",
        quadrants=("A", "B", "C"),  # a D account has no pipeline worth modelling
        methodology=(10,),
        failing=(pipeline_plan("EUR 400,000"),),
        passing=(pipeline_plan("$500k"),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        currency = pipeline_currency(ctx.plan)
        if currency is None:  # this rule reports what PL502 cannot check
            return
        for target in revenue_targets(ctx.plan):
            if target.currency == currency:
                yield passed(target.span)
            else:
                yield failed(target.span, f"the target {target.text} is in {target.currency} but the pipeline is in "
                             f"{currency}: planlint does not convert currencies, so the velocity check leaves it out")


AVERAGE_TOLERANCE = 0.10  # a stated average within 10% of the named deals' average agrees with them

_DEALS = ('  opportunity "EHR renewal" { stage negotiation amount $1.2M probability 80% }\n'
          '  opportunity "Mobile app wards" { stage proposal amount $400k probability 50% }\n'
          '  opportunity "Pharmacy interface" { stage won amount $300k }\n')


def _deals_plan(stated: str) -> str:
    return 'plan "Acme" {\n  pipeline {\n' + stated + _DEALS + "  }\n}\n"


class PipelineMatchesDeals(Rule):
    info = RuleInfo(
        code="PL504",
        name="pipeline-deals",
        category="velocity",
        severity=Severity.warning,
        weight=1.5,
        message="the pipeline's stated deals or average value disagree with the opportunities it lists",
        quadrants=("A", "B", "C"),  # a D account has no pipeline worth modelling
        why="When a plan lists its deals, their number and average value follow from them; a stated `deals` or "
        "`average` that says otherwise was copied from an older plan or a different report, and the velocity "
        f"check would run on it. A stated average within {AVERAGE_TOLERANCE:.0%} of the listed deals' agrees. "
        "Open deals are those not `won` or `lost`; leave `deals` and `average` out and planlint derives them.",
        fix="Update `deals` and `average` to match the listed opportunities, or delete them so they are derived.",
        methodology=(10,),
        failing=(_deals_plan("    deals 6\n    average $420k\n"),),
        passing=(_deals_plan("    deals 2\n    average $800k\n"), _deals_plan("")),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        pipeline, totals = ctx.plan.pipeline, deal_totals(ctx.plan)
        if pipeline is None or totals is None:
            return
        problems = []
        if pipeline.deals is not None and pipeline.deals != totals.count:
            problems.append(f"{pipeline.deals} deals")
        stated, derived = pipeline.average, totals.average
        if stated is not None and derived is not None and totals.currency == stated.currency \
                and abs(stated.amount - derived) > AVERAGE_TOLERANCE * derived:
            problems.append(f"an average of {stated.text}")
        if problems:
            yield failed(pipeline.span, f"the pipeline states {' and '.join(problems)}, but it lists {totals.arithmetic()}")
        else:
            yield passed(pipeline.span)


RULES: list[Rule] = [PipelineComplete(), VelocitySupportsTarget(), VelocityCurrency(), PipelineMatchesDeals()]
