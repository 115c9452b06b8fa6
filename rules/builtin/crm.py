"""The plan held against the CRM (issue 20): what the exports given with ``--crm`` say about the account.

These rules run only when an export is given (the engine leaves the ``crm``
category out otherwise, so a plan's score without one is unchanged). A
finding stands on the plan's ``account`` line and cites the export's
``file:line``, since that is where the reader would look the row up.
"""

from __future__ import annotations

from typing import Iterable

from planlint.api.crm import CrmData, CrmOpportunity, crm_account, crm_data
from planlint.api.real import real_objectives
from planlint.api.velocity import money
from planlint.model import Plan, Span
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed
from planlint.vocabulary import ObjectiveCategory

CATEGORY = "crm"

# The CRM rows the rules' examples are checked against (RuleInfo.crm): one account per example keeps them apart.
_OPPORTUNITY_HEADER = "Account Name,Opportunity Name,Stage,Amount,Close Date,Closed,Won\n"
EXAMPLE_OPPORTUNITIES = _OPPORTUNITY_HEADER + (
    "Late Co,ERP renewal,Negotiation,\"$300,000\",2027-01-31,0,0\n"
    "On Time Co,ERP renewal,Negotiation,\"$300,000\",2027-09-30,0,0\n"
    "On Time Co,Analytics add-on,Proposal,\"$100,000\",2027-06-30,0,0\n"
    "Closed Co,Pilot,Closed Won,\"$80,000\",2026-10-31,1,1\n")


def _where(plan: Plan) -> Span:
    return plan.account_span or plan.span


def _cited(data: CrmData, opportunity: CrmOpportunity) -> str:
    return f"{data.opportunities_path}:{opportunity.line}"


class OverdueOpportunity(Rule):
    info = RuleInfo(
        code="PL701",
        name="crm-overdue-opportunity",
        category=CATEGORY,
        severity=Severity.warning,
        weight=1.0,
        message="an open opportunity in the CRM has a close date that has passed",
        why="An open deal whose close date is behind us is either lost, slipped or won and not recorded: in each case "
        "the pipeline the plan is built on is not the real one.",
        fix="Update the opportunity in the CRM (close it, or move its close date) and re-export.",
        methodology=(10,),
        failing=('account "Late Co"',),
        passing=('account "On Time Co"',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data, account = crm_data(ctx), crm_account(ctx)
        if data is None or account is None:
            return
        for opportunity in account.open_opportunities():
            if opportunity.close is not None and opportunity.close < ctx.as_of:
                days = (ctx.as_of - opportunity.close).days
                yield failed(_where(ctx.plan), f"{_cited(data, opportunity)}: open opportunity {opportunity.name!r} "
                             f"({opportunity.stage}) was due to close on {opportunity.close.isoformat()}, {days} days ago")
            else:
                yield passed(_where(ctx.plan))


class RevenueWithoutOpportunity(Rule):
    info = RuleInfo(
        code="PL702",
        name="crm-revenue-opportunity",
        category=CATEGORY,
        severity=Severity.warning,
        weight=2.0,
        message="a revenue objective has no open opportunity in the CRM for the account",
        why="Revenue comes from deals. A revenue objective with no open opportunity in the CRM is a target nobody "
        "is yet working in the system the forecast is drawn from.",
        fix="Create the opportunities the objective depends on in the CRM, or check that the plan's account "
        "matches the CRM's account name (add an alias in [tool.planlint.crm] aliases).",
        methodology=(10,),
        failing=('account "Closed Co"\nobjective revenue "Expand the pilot" {\n  target $500k by 2027-12-31\n}',),
        passing=('account "On Time Co"\nobjective revenue "Renew the ERP" {\n  target $300k by 2027-12-31\n}',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data = crm_data(ctx)
        if data is None:
            return
        account = crm_account(ctx)
        open_count = len(account.open_opportunities()) if account else 0
        name = ctx.plan.account or ctx.plan.name
        for objective in real_objectives(ctx.plan):
            if objective.category != ObjectiveCategory.revenue:
                continue
            if open_count:
                yield passed(objective.span)
            elif account is None:
                yield failed(objective.span, f"revenue objective {objective.name!r}: {data.opportunities_path} has no "
                             f"opportunity for account {name!r} (is it named otherwise there? add an alias)")
            else:
                yield failed(objective.span, f"revenue objective {objective.name!r}: none of the "
                             f"{len(account.opportunities)} opportunities for {account.name!r} in "
                             f"{data.opportunities_path} is open")


class PipelineMatchesCrm(Rule):
    info = RuleInfo(
        code="PL703",
        name="crm-pipeline",
        category=CATEGORY,
        severity=Severity.warning,
        weight=2.0,
        message="the plan's pipeline differs from the CRM's open opportunities by more than the tolerance",
        why="The velocity check (PL502) is only as good as the pipeline it is fed. When the plan states more deals "
        "or bigger deals than the CRM holds, the plan's revenue looks reachable on paper only. The plan's "
        "stated pipeline is compared (else the totals of its own named opportunities) with the CRM's open "
        "opportunities for the account, within [tool.planlint.crm] tolerance (percent, default 20).",
        fix="Bring the plan's pipeline in line with the CRM, or bring the CRM up to date with the deals the team "
        "is actually working.",
        methodology=(10,),
        failing=('account "On Time Co"\npipeline {\n  deals 6\n  average $200k\n}',),
        passing=('account "On Time Co"\npipeline {\n  deals 2\n  average $200k\n}',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data, pipeline = crm_data(ctx), ctx.plan.pipeline
        if data is None or pipeline is None:
            return
        account = crm_account(ctx)
        crm_open = account.open_opportunities() if account else []
        named = pipeline.open_opportunities()
        deals = pipeline.deals if pipeline.deals is not None else (len(named) if named else None)
        source = "stated" if pipeline.deals is not None else "from its named opportunities"
        if deals is not None:
            yield _compare("open deals", float(deals), float(len(crm_open)), source, data, pipeline.span,
                           lambda v: f"{v:g}")
        average = pipeline.average
        if average is None:
            return
        currency = average.currency
        amounts = [o.amount for o in crm_open if o.amount is not None and (o.currency or currency) == currency]
        if not amounts:
            return  # nothing in the plan's currency to average
        crm_average = sum(amounts) / len(amounts)
        yield _compare(f"average deal value ({currency})", average.amount, crm_average,
                       f"stated, CRM: {money(sum(amounts), currency)} ÷ {len(amounts)} open deals", data, pipeline.span,
                       lambda v: money(v, currency))


def _compare(what: str, plan: float, crm: float, source: str, data: CrmData, span: Span, shown) -> Item:  # type: ignore[no-untyped-def]
    tolerance = data.tolerance
    if crm == 0:
        off = 0.0 if plan == 0 else float("inf")
    else:
        off = abs(plan - crm) / crm * 100
    if off <= tolerance:
        return passed(span)
    gap = "the CRM has none" if crm == 0 else f"|{shown(plan)} − {shown(crm)}| ÷ {shown(crm)} = {off:.0f}%"
    return failed(span, f"{what}: the plan says {shown(plan)} ({source}), {data.opportunities_path} has {shown(crm)}; "
                  f"{gap}, more than the {tolerance:g}% tolerance")


RULES = [OverdueOpportunity(), RevenueWithoutOpportunity(), PipelineMatchesCrm()]
