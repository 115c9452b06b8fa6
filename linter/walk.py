"""Walk the plan model for the free text a writer typed.

Form-not-tool rules (placeholders, boilerplate, pasted sentences) look at every
piece of prose regardless of where it sits; this is the one place that knows
where prose lives in the model.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from .model import Plan, Span, Statement


class Prose(NamedTuple):
    where: str
    text: str
    span: Span


def _statements(where: str, statements: list[Statement]) -> Iterator[Prose]:
    for statement in statements:
        yield Prose(where, statement.text, statement.span)


def iter_header(plan: Plan) -> Iterator[Prose]:
    """The plan's name, account and owner: labels rather than content."""
    for where, text in (("plan name", plan.name), ("account", plan.account), ("owner", plan.owner), *(("team", t) for t in plan.team)):
        if text:
            yield Prose(where, text, plan.span)


def iter_prose(plan: Plan) -> Iterator[Prose]:
    """Every writer-typed sentence in the plan, in source order of sections."""
    research = plan.research
    if research is not None:
        customer = research.customer
        if customer is not None:
            yield from _statements("customer research", customer.statements())
            for question in customer.questions:
                yield Prose("open question", question.text, question.span)
        for competitor in research.competitors:
            yield from _statements(f"competitor {competitor.name}", [*competitor.strengths, *competitor.weaknesses, *competitor.facts])
        if research.no_competitor is not None:
            yield Prose("no competitor", research.no_competitor.reason, research.no_competitor.span)
        if research.company is not None:
            yield from _statements("company research", research.company.statements())
    for unit in plan.units:
        for text in [*unit.current, *unit.potential, *unit.white_space]:
            yield Prose(f"unit {unit.name}", text.text, text.span)
    for stakeholder in plan.stakeholders:
        if stakeholder.title:
            yield Prose(f"stakeholder {stakeholder.name}", stakeholder.title, stakeholder.span)
        yield from _statements(f"stakeholder {stakeholder.name}", stakeholder.notes)
    for objective in plan.objectives:
        yield Prose("objective", objective.name, objective.span)
        if objective.metric:
            yield Prose(f"objective {objective.name}", objective.metric, objective.span)
        for strategy in objective.strategies:
            yield Prose("strategy", strategy.name, strategy.span)
            for action in strategy.actions:
                yield Prose("action", action.text, action.span)
