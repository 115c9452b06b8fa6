"""The plan's pipeline held against the CRM's (issue 20): the figures, and what they can yield.

Three pipelines can disagree, and each pair has one rule: the plan's stated
figures against its own named deals is the velocity category's PL504; the
plan's figures (stated, else derived from its named deals) against the CRM's
is PL703 here, one item per figure, each with the arithmetic on both sides;
and when the plan states no complete pipeline, the velocity check runs on the
CRM's own figures (PL707), with the words of PL502. The CRM's figures come
from :func:`planlint.api.crm.metrics.crm_pipeline`: open deals now, win rate
and cycle from the deals closed in the last twelve months.
"""

from __future__ import annotations

from typing import Callable, Iterable

from planlint.api.crm import CrmData, crm_account, crm_data
from planlint.api.crm.metrics import crm_pipeline, crm_velocity
from planlint.api.velocity import deal_totals, money, pipeline_currency, shortfall, stated_or_derived, velocity_check
from planlint.model import Plan, Span
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from .crm import CATEGORY

# Two won deals and one lost in the year to the examples' date (2027-03-01): a 67% win rate, a 90-day cycle.
EXAMPLE_HISTORY = (
    "Account Name,Opportunity Name,Stage,Amount,Close Date,Closed,Won,Created Date\n"
    "On Time Co,ERP renewal,Negotiation,\"$300,000\",2027-09-30,0,0,2026-11-02\n"
    "On Time Co,Analytics add-on,Proposal,\"$100,000\",2027-06-30,0,0,2027-01-10\n"
    "On Time Co,Pilot,Closed Won,\"$90,000\",2026-10-31,1,1,2026-08-02\n"
    "On Time Co,Support,Closed Won,\"$60,000\",2026-12-15,1,1,2026-09-16\n"
    "On Time Co,Field service,Closed Lost,\"$50,000\",2026-11-30,1,0,2026-06-01\n")
_TARGET = 'objective revenue "Renew and expand" {\n  target {amount} by 2027-12-31\n}'


class PipelineMatchesCrm(Rule):
    info = RuleInfo(
        code="PL703",
        name="crm-pipeline",
        category=CATEGORY,
        severity=Severity.warning,
        weight=2.0,
        message="the plan's pipeline (deals, average value, win rate, cycle) differs from the CRM's by more than the "
        "tolerance",
        why="The velocity check (PL502) is only as good as the pipeline it is fed. When the plan states more deals, "
        "bigger deals, a better win rate or a shorter cycle than the CRM shows, the plan's revenue looks reachable "
        "on paper only. The plan's figures as stated (else as its own named opportunities give them) are held "
        "against the CRM's open opportunities for the account, and its win rate and cycle against the deals the "
        "CRM shows closed in the twelve months to the reference date, each within [tool.planlint.crm] tolerance "
        "(percent of the CRM's figure, default 20).",
        fix="Bring the plan's pipeline in line with the CRM, or bring the CRM up to date with the deals the team "
        "is actually working.",
        methodology=(10,),
        failing=('account "On Time Co"\npipeline {\n  deals 6\n  average $200k\n}',
                 'account "On Time Co"\npipeline {\n  deals 2\n  average $200k\n  win_rate 25%\n  cycle 90 days\n}'),
        passing=('account "On Time Co"\npipeline {\n  deals 2\n  average $200k\n  win_rate 60%\n  cycle 3 months\n}',),
        crm={"opportunities": EXAMPLE_HISTORY},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data, pipeline, plan = crm_data(ctx), ctx.plan.pipeline, ctx.plan
        if data is None or pipeline is None:
            return
        account = crm_account(ctx)
        deals, average = stated_or_derived(plan)
        crm = crm_pipeline(account, ctx.as_of, average.currency if average else None) if account else None
        span = pipeline.span
        derived = f"from its named opportunities: {_totals(plan)}"
        if deals is not None:
            yield _compare(data, span, "open deals", deals, crm.open_count if crm else 0,
                           "stated" if pipeline.deals is not None else "its open named opportunities", "",
                           lambda v: f"{v:g}")
        if crm is None:
            return
        if average is not None and crm.average is not None:
            shown = lambda v: money(v, average.currency)  # noqa: E731
            yield _compare(data, span, f"average deal value ({average.currency})", average.amount, crm.average,
                           "stated" if pipeline.average is not None else derived, crm.average_arithmetic(), shown)
        if pipeline.win_rate is not None and crm.win_rate is not None:
            yield _compare(data, span, "win rate", pipeline.win_rate.value, crm.win_rate, "stated",
                           crm.win_rate_arithmetic(), lambda v: f"{v:.0f}%")
        if pipeline.cycle_days is not None and crm.cycle_days is not None:
            yield _compare(data, span, "sales cycle", pipeline.cycle_days, crm.cycle_days, "stated",
                           crm.cycle_arithmetic(), lambda v: f"{v:.0f} days")


def _totals(plan: Plan) -> str:
    totals = deal_totals(plan)
    return totals.arithmetic() if totals else "none"


def _compare(data: CrmData, span: Span, what: str, plan: float, crm: float, source: str, crm_source: str,
             shown: Callable[[float], str]) -> Item:
    """One figure, plan against CRM, with both sides' arithmetic and the gap as a share of the CRM's figure."""
    tolerance = data.tolerance
    off = (0.0 if plan == 0 else float("inf")) if crm == 0 else abs(plan - crm) / crm * 100
    if off <= tolerance:
        return passed(span)
    gap = "the CRM has none" if crm == 0 else f"|{shown(plan)} − {shown(crm)}| ÷ {shown(crm)} = {off:.0f}%"
    crm_side = f" ({crm_source})" if crm_source else ""
    return failed(span, f"{what}: the plan says {shown(plan)} ({source}), {data.opportunities_path} has "
                  f"{shown(crm)}{crm_side}; {gap}, more than the {tolerance:g}% tolerance")


class CrmVelocity(Rule):
    info = RuleInfo(
        code="PL707",
        name="crm-velocity",
        category=CATEGORY,
        severity=Severity.warning,
        weight=2.0,
        message="the plan states no pipeline, and the CRM's pipeline cannot yield its revenue targets",
        why="A plan without a complete pipeline (deals, average value, win rate, cycle) escapes the velocity check "
        "(PL502). The CRM has the numbers: its open deals and their average value, and the win rate and cycle of "
        "the deals closed in the last twelve months. The same arithmetic on them says whether the revenue targets "
        "are a plan or a hope.",
        fix="State the pipeline in the plan (`pipeline { deals ... average ... win_rate ... cycle ... }`) and add "
        "objectives that grow it, or bring the revenue targets in line with what the CRM's pipeline can yield.",
        methodology=(10,),
        failing=(f'account "On Time Co"\n{_TARGET.replace("{amount}", "$2M")}',),
        passing=(f'account "On Time Co"\n{_TARGET.replace("{amount}", "$300k")}',),
        crm={"opportunities": EXAMPLE_HISTORY},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data, account, plan = crm_data(ctx), crm_account(ctx), ctx.plan
        if data is None or account is None or velocity_check(plan) is not None:
            return  # no CRM record, or the plan states a complete pipeline: PL502 checks it
        check = crm_velocity(plan, crm_pipeline(account, ctx.as_of, pipeline_currency(plan)))
        if check is None:
            return
        where = plan.pipeline.span if plan.pipeline else (plan.account_span or plan.span)
        problem = shortfall(check, f"the CRM's pipeline ({data.opportunities_path})")
        yield passed(where) if problem is None else failed(where, problem)


RULES = [PipelineMatchesCrm(), CrmVelocity()]
