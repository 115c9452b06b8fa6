"""Every piece of text a writer typed, tagged with what kind of text it is.

The one walk over a plan's text (``planlint.api.prose``, public for pack
authors): the form rules judge each text it yields, and
:func:`planlint.api.text.pasted_sentences` finds the sentences it yields
twice. Text is judged differently by kind: a name may be one word
(``"Globex"``), a white-space entry may be two (``"Field service"``), but a
researched fact of one word is a box ticked, so each text says which it is.
It walks every text field of the model, references included (``source``,
``how``, ``supports``, ``unit``, ``with``, ``reports_to``), risks, win themes,
experiments, other parties and named opportunities: a field it skipped would
be a place where ``"TBD"`` or a pasted paragraph passes unseen
(``tests/test_prose.py`` fails when the model gains a text field this walk
does not reach).
"""

from __future__ import annotations

from typing import Iterator, NamedTuple, Union

from ..model import Action, Objective, Opportunity, Party, Plan, Research, Span, Stakeholder, Statement

NAME = "name"  # people, accounts, competitors, units: placeholders only
LABEL = "label"  # titles, white-space entries, metrics: placeholders and boilerplate
SENTENCE = "sentence"  # research, notes, questions, reasons, proofs, hypotheses: everything, at least 3 words
STEP = "step"  # objective, strategy, action, risk and win-theme names: everything, at least 2 words

MIN_WORDS = {SENTENCE: 3, STEP: 2}
WRITTEN = frozenset(MIN_WORDS)
ACTION = "action"  # where a strategy's action stands (an identical action under two strategies is one commitment)  # the kinds that are prose the writer composed (a copy of one is pasted)


class Prose(NamedTuple):
    """One text: where it stands (for messages), the text, its span, and its kind (NAME, LABEL, SENTENCE, STEP)."""

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
    if plan.research is not None:
        yield from _research(plan.research)
    for unit in plan.units:
        yield Prose("unit", unit.name, unit.span, NAME)
        for text in [*unit.current, *unit.potential, *unit.white_space]:
            yield Prose(f"unit {unit.name}", text.text, text.span, LABEL)
    for stakeholder in plan.stakeholders:
        yield from _person("stakeholder", stakeholder)
        if stakeholder.reports_to is not None:
            yield Prose(f"stakeholder {stakeholder.name} reports to", stakeholder.reports_to, stakeholder.span, NAME)
    for party in plan.parties:
        yield from _person("party", party)
    for objective in plan.objectives:
        yield from _objective(objective)
    for risk in plan.risks:
        yield Prose("risk", risk.name, risk.span, STEP)
        if risk.owner is not None:
            yield Prose(f"risk {risk.name} owner", risk.owner, risk.owner_span or risk.span, NAME)
        yield from _actions(f"risk {risk.name} mitigation", risk.mitigations)
    for theme in plan.win_themes:
        yield Prose("win theme", theme.name, theme.span, STEP)
        if theme.owner is not None:
            yield Prose(f"win theme {theme.name} owner", theme.owner, theme.owner_span or theme.span, NAME)
        yield from _statements(f"win theme {theme.name} proof", theme.proofs)
        for supported in theme.supports:
            yield Prose(f"win theme {theme.name} supports", supported.text, supported.span, NAME)
    if plan.pipeline is not None:
        yield from _opportunities(plan.pipeline.opportunities)


def _research(research: Research) -> Iterator[Prose]:
    """The Three Cs: customer research and open questions, each competitor, our own company."""
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
        for unit in competitor.units:
            yield Prose(f"{where} unit", unit.text, unit.span, NAME)
        yield from _statements(where, [*competitor.strengths, *competitor.weaknesses, *competitor.facts])
    if research.no_competitor is not None:
        yield Prose("no competitor", research.no_competitor.reason, research.no_competitor.span, SENTENCE)
    if research.company is not None:
        yield from _statements("company research", research.company.statements())


def _person(kind: str, person: Union[Stakeholder, Party]) -> Iterator[Prose]:
    """A stakeholder or another party: the name, the title, our owner of the relationship, the notes."""
    yield Prose(kind, person.name, person.span, NAME)
    where = f"{kind} {person.name}"
    if person.title is not None:
        yield Prose(where, person.title, person.title_span or person.span, LABEL)
    if person.owner is not None:
        yield Prose(where, person.owner, person.owner_span or person.span, NAME)
    yield from _statements(where, person.notes)


def _objective(objective: Objective) -> Iterator[Prose]:
    """An objective's name and metric, what it refers to, and its strategies, experiments and actions."""
    yield Prose("objective", objective.name, objective.span, STEP)
    where = f"objective {objective.name}"
    if objective.metric is not None:
        yield Prose(f"{where} metric", objective.metric, objective.metric_span or objective.span, LABEL)
    # References to text written elsewhere (a driver, a unit, a stakeholder): judged as names, so a
    # quoted driver is not "pasted" and a real reference neither earns nor dilutes form credit.
    for supported in objective.supports:
        yield Prose(f"{where} supports", supported.text, supported.span, NAME)
    if objective.unit is not None:
        yield Prose(f"{where} unit", objective.unit, objective.span, NAME)
    for unit in objective.more_units:
        yield Prose(f"{where} unit", unit.text, unit.span, NAME)
    for person in objective.people:
        yield Prose(f"{where} with", person.text, person.span, NAME)
    for strategy in objective.strategies:
        yield Prose("strategy", strategy.name, strategy.span, STEP)
        experiment = strategy.experiment
        if experiment is not None:
            for label, text in (("hypothesis", experiment.hypothesis), ("result", experiment.result), ("learned", experiment.learned)):
                if text is not None:
                    yield Prose(f"strategy {strategy.name} {label}", text, experiment.span, SENTENCE)
        yield from _actions(ACTION, strategy.actions)


def _actions(where: str, actions: list[Action]) -> Iterator[Prose]:
    """Each action (or mitigation) and its owner."""
    for action in actions:
        yield Prose(where, action.text, action.span, STEP)
        if action.owner is not None:
            yield Prose(f"{where} owner", action.owner, action.owner_span or action.span, NAME)


def _opportunities(opportunities: list[Opportunity]) -> Iterator[Prose]:
    """A named deal is a name, like an account: its units and the objective it serves are references."""
    for opportunity in opportunities:
        yield Prose("opportunity", opportunity.name, opportunity.span, NAME)
        for unit in opportunity.units:
            yield Prose(f"opportunity {opportunity.name} unit", unit.text, unit.span, NAME)
        if opportunity.objective is not None:
            yield Prose(f"opportunity {opportunity.name} objective", opportunity.objective,
                        opportunity.objective_span or opportunity.span, NAME)
