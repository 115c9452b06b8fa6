"""Every piece of text a writer typed, tagged with what kind of text it is.

The form rules judge text differently by kind: a name may be one word
(``"Globex"``), a white-space entry may be two (``"Field service"``), but a
researched fact of one word is a box ticked. an earlier walker
lists sentences only; the form rules also need names (``owner "TBD"`` is a
placeholder too), so this walker adds them and says which is which. It walks
every text field of the model, references included (``source``, ``how``,
``supports``, ``unit``, ``with``): a field it skipped would be a place where
``"TBD"`` passes unseen.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from planlint.model import Plan, Span, Statement

NAME = "name"  # people, accounts, competitors, units: placeholders only
LABEL = "label"  # titles, white-space entries, metrics: placeholders and boilerplate
SENTENCE = "sentence"  # research, notes, questions, reasons: everything, at least 3 words
STEP = "step"  # objective, strategy and action names: everything, at least 2 words

MIN_WORDS = {SENTENCE: 3, STEP: 2}


class Prose(NamedTuple):
    where: str
    text: str
    span: Span
    kind: str


def _statements(where: str, statements: list[Statement]) -> Iterator[Prose]:
    """Each sentence, then its quoted source: ``source "TBD"`` is a placeholder like any other."""
    for statement in statements:
        yield Prose(where, statement.text, statement.span, SENTENCE)
        if statement.source_text is not None:
            yield Prose(f"{where} source", statement.source_text, statement.span, NAME)


def iter_text(plan: Plan) -> Iterator[Prose]:
    """Every writer-typed text in the plan, in a fixed order (sections, then source order)."""
    yield Prose("plan name", plan.name, plan.span, NAME)
    if plan.account is not None:
        yield Prose("account", plan.account, plan.account_span or plan.span, NAME)
    if plan.owner is not None:
        yield Prose("owner", plan.owner, plan.owner_span or plan.span, NAME)
    spans = [*plan.team_spans, *[plan.span] * (len(plan.team) - len(plan.team_spans))]
    for person, span in zip(plan.team, spans):
        yield Prose("team", person, span, NAME)
    research = plan.research
    if research is not None:
        customer = research.customer
        if customer is not None:
            yield from _statements("customer research", customer.statements())
            for question in customer.questions:
                yield Prose("open question", question.text, question.span, SENTENCE)
                if question.ask is not None:
                    yield Prose("open question ask", question.ask, question.ask_span or question.span, NAME)
                if question.how is not None:
                    yield Prose("open question how", question.how, question.how_span or question.span, LABEL)
        for competitor in research.competitors:
            yield Prose("competitor", competitor.name, competitor.span, NAME)
            where = f"competitor {competitor.name}"
            yield from _statements(where, [*competitor.strengths, *competitor.weaknesses, *competitor.facts])
        if research.no_competitor is not None:
            yield Prose("no competitor", research.no_competitor.reason, research.no_competitor.span, SENTENCE)
        if research.company is not None:
            yield from _statements("company research", research.company.statements())
    for unit in plan.units:
        yield Prose("unit", unit.name, unit.span, NAME)
        for text in [*unit.current, *unit.potential, *unit.white_space]:
            yield Prose(f"unit {unit.name}", text.text, text.span, LABEL)
    for stakeholder in plan.stakeholders:
        yield Prose("stakeholder", stakeholder.name, stakeholder.span, NAME)
        if stakeholder.title is not None:
            yield Prose(f"stakeholder {stakeholder.name}", stakeholder.title, stakeholder.title_span or stakeholder.span, LABEL)
        if stakeholder.owner is not None:
            yield Prose(f"stakeholder {stakeholder.name}", stakeholder.owner, stakeholder.owner_span or stakeholder.span, NAME)
        yield from _statements(f"stakeholder {stakeholder.name}", stakeholder.notes)
    for objective in plan.objectives:
        yield Prose("objective", objective.name, objective.span, STEP)
        if objective.metric is not None:
            yield Prose(f"objective {objective.name} metric", objective.metric, objective.metric_span or objective.span, LABEL)
        # References to text written elsewhere (a driver, a unit, a stakeholder): judged as names, so a
        # quoted driver is not "pasted" and a real reference neither earns nor dilutes form credit.
        for supported in objective.supports:
            yield Prose(f"objective {objective.name} supports", supported.text, supported.span, NAME)
        if objective.unit is not None:
            yield Prose(f"objective {objective.name} unit", objective.unit, objective.span, NAME)
        for person in objective.people:
            yield Prose(f"objective {objective.name} with", person.text, person.span, NAME)
        for strategy in objective.strategies:
            yield Prose("strategy", strategy.name, strategy.span, STEP)
            for action in strategy.actions:
                yield Prose("action", action.text, action.span, STEP)
                if action.owner is not None:
                    yield Prose("action owner", action.owner, action.owner_span or action.span, NAME)
