"""The plan held against the CRM (issue 20): what the exports given with ``--crm`` say about the account.

These rules run only when an export is given (the engine leaves the ``crm``
category out otherwise, so a plan's score without one is unchanged). A
finding stands on the plan's ``account`` line and cites the export's
``file:line``, since that is where the reader would look the row up.
"""

from __future__ import annotations

from typing import Iterable, Optional

from planlint.api.crm import CrmAccount, CrmData, CrmOpportunity, crm_account, crm_data
from planlint.api.real import real_objectives
from planlint.api.velocity import money
from planlint.api.text import name_key
from planlint.model import Opportunity, Plan, Span
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


def account_shown(plan: Plan, account: Optional[CrmAccount]) -> str:
    """The account as a finding names it: the CRM's name when the exports know it, else the plan's."""
    return account.name if account else plan.account or plan.name


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
                count = len(account.opportunities)
                which = "its one opportunity is" if count == 1 else f"all {count} of its opportunities are"
                yield failed(objective.span, f"revenue objective {objective.name!r}: {account.name!r} has no open "
                             f"opportunity in {data.opportunities_path} ({which} closed)")


_DEAL = ('pipeline {\n  opportunity "ERP renewal" {\n    stage negotiation\n    amount $300k\n    close 2027-09-30\n  }\n'
         '  opportunity "Analytics add-on" {\n    stage proposal\n    amount $100k\n    close Q2 2027\n  }\n}')


class NamedOpportunitiesMatchCrm(Rule):
    info = RuleInfo(
        code="PL706",
        name="crm-named-opportunity",
        category=CATEGORY,
        severity=Severity.warning,
        weight=1.5,
        message="a named opportunity is missing from the CRM or from the plan, or the two disagree on stage, amount "
        "or close date",
        why="A plan that names its deals can be read against the system the forecast comes from. A deal the CRM "
        "has never seen is not being worked where the team is measured; an open CRM deal the plan leaves out is "
        "a plan that forgot part of its pipeline; and a stage, an amount or a close date that differ mean one of "
        "the two is out of date. Deals are matched by name (case and spacing aside). The CRM's stage is read in "
        "the plan's words (docs/crm.md); an amount may differ by [tool.planlint.crm] amount-tolerance percent "
        "(default 5, for rounding such as $1.3M); a close date written as a quarter agrees with any day in it. "
        "Open CRM deals missing from the plan are looked for only when the plan names any deal.",
        fix="Bring the opportunity in the plan and in the CRM in line (the name, stage, amount and close date), "
        "then re-export.",
        methodology=(10,),
        failing=(f'account "On Time Co"\n{_DEAL.replace("$100k", "$150k")}',
                 f'account "On Time Co"\n{_DEAL.replace("Analytics add-on", "Fleet telematics")}'),
        passing=(f'account "On Time Co"\n{_DEAL}',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data, account, pipeline = crm_data(ctx), crm_account(ctx), ctx.plan.pipeline
        if data is None or pipeline is None or not pipeline.opportunities:
            return
        in_crm = {name_key(o.name): o for o in account.opportunities} if account else {}
        for deal in pipeline.opportunities:
            found = in_crm.get(name_key(deal.name))
            if found is None:
                yield failed(deal.span, f"opportunity {deal.name!r} is not in {data.opportunities_path} for account "
                             f"{account_shown(ctx.plan, account)!r}")
                continue
            differences = deal_differences(deal, found, data.amount_tolerance)
            yield passed(deal.span) if not differences else failed(
                deal.span, f"opportunity {deal.name!r} disagrees with {_cited(data, found)}: {'; '.join(differences)}")
        named = {name_key(deal.name) for deal in pipeline.opportunities}
        for opportunity in account.open_opportunities() if account else []:
            if name_key(opportunity.name) not in named:
                amount = f", {money(opportunity.amount, opportunity.currency or 'USD')}" if opportunity.amount else ""
                yield failed(pipeline.span, f"{_cited(data, opportunity)}: open opportunity {opportunity.name!r} "
                             f"({opportunity.stage}{amount}) is not among the plan's named opportunities")


def deal_differences(deal: Opportunity, crm: CrmOpportunity, amount_tolerance: float) -> list[str]:
    """What a named deal and its CRM record disagree on, each side in its own words."""
    out = []
    if deal.stage is not None and crm.plan_stage is not None and deal.stage.value != crm.plan_stage:
        out.append(f"stage {deal.stage.value} in the plan, {crm.stage!r} ({crm.plan_stage}) in the CRM")
    if deal.amount is not None and crm.amount is not None:
        currency = crm.currency or deal.amount.currency
        off = abs(deal.amount.amount - crm.amount) / crm.amount * 100 if crm.amount else float(deal.amount.amount != 0)
        if currency != deal.amount.currency:
            out.append(f"amount in {deal.amount.currency} in the plan, in {currency} in the CRM")
        elif off > amount_tolerance:
            out.append(f"amount {deal.amount.text or money(deal.amount.amount, currency)} in the plan, "
                       f"{money(crm.amount, currency)} in the CRM ({off:.0f}% apart, more than {amount_tolerance:g}%)")
    if deal.close is not None and crm.close is not None:
        first = deal.close.quarter.first_day if deal.close.quarter else deal.close.date
        if not first <= crm.close <= deal.close.date:
            out.append(f"close {deal.close.shown()} in the plan, {crm.close.isoformat()} in the CRM")
    return out


RULES = [OverdueOpportunity(), RevenueWithoutOpportunity(), NamedOpportunitiesMatchCrm()]
