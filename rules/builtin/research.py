"""Research for insight: the Three Cs (methodology point 1).

A plan with no research on the customer, the competitor and our own company
has no insight to bring the customer; it is a form. Each C must be present
and say more than one line.
"""

from __future__ import annotations

from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

MIN_LINES = 2


class CustomerResearch(Rule):
    info = RuleInfo(
        code="PL101",
        name="customer-research",
        category="research",
        severity=Severity.error,
        weight=3.0,
        message="customer research is missing or a single line",
        why="Without research on the customer's goals, pressures and initiatives there is no insight to bring them.",
        fix="Add a `research { customer { ... } }` block with at least two goals, pressures, initiatives, obstacles or facts.",
        methodology=(1, 2),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        customer = research.customer if research else None
        if customer is None:
            yield failed(ctx.plan.span, "no customer research: add research { customer { ... } }")
        elif len(customer.statements()) < MIN_LINES:
            yield failed(customer.span, f"customer research has {len(customer.statements())} line(s); write at least {MIN_LINES}")
        else:
            yield passed(customer.span)


class CompetitorResearch(Rule):
    info = RuleInfo(
        code="PL102",
        name="competitor-research",
        category="research",
        severity=Severity.error,
        weight=2.0,
        message="competitor research is missing or a single line",
        why="The customer is comparing you with someone, even if it is doing nothing; not knowing who means losing to them.",
        fix="Add `competitor \"Name\" { strength \"...\" weakness \"...\" }`, or `no_competitor \"reason\"` when there truly is none.",
        methodology=(1,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        if research is not None and research.no_competitor is not None and research.no_competitor.reason.strip():
            yield passed(research.no_competitor.span)
            return
        if research is None or not research.competitors:
            yield failed((research or ctx.plan).span, "no competitor research: name at least one competitor")
            return
        for competitor in research.competitors:
            lines = len(competitor.strengths) + len(competitor.weaknesses) + len(competitor.facts)
            if lines < MIN_LINES:
                yield failed(competitor.span, f"competitor '{competitor.name}' has {lines} line(s) of research; write at least {MIN_LINES}")
            else:
                yield passed(competitor.span)


class CompanyResearch(Rule):
    info = RuleInfo(
        code="PL103",
        name="company-research",
        category="research",
        severity=Severity.error,
        weight=2.0,
        message="research on our own company is missing or a single line",
        why="Our strengths, references and differentiators are what make us relevant to this customer.",
        fix="Add `company { strength \"...\" reference \"...\" }` with at least two lines that matter to this customer.",
        methodology=(1,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        company = research.company if research else None
        if company is None:
            yield failed((research or ctx.plan).span, "no research on our own company: add company { strength ... }")
        elif len(company.statements()) < MIN_LINES:
            yield failed(company.span, f"company research has {len(company.statements())} line(s); write at least {MIN_LINES}")
        else:
            yield passed(company.span)


RULES: list[Rule] = [CustomerResearch(), CompetitorResearch(), CompanyResearch()]
