"""The plan model: the one contract between the parser and the rules.

Rules never see Lark's parse tree; they see these pydantic models. Every node
carries a :class:`Span` so any finding can point at the exact source text.
The parser builds each node frozen, directly from values it has checked
(:func:`planlint.frozen.frozen_node`), without pydantic validating them a
second time; a plan read from JSON is validated as any pydantic model is.
The leaves (spans, amounts, dates) live in :mod:`planlint.nodes` and the word
lists in :mod:`planlint.vocabulary`; both are re-exported here, so rules and
packs import everything from this one module.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import Field

from .nodes import (  # noqa: F401 - re-exported: the model is one import for rules and packs
    DEFAULT_SPAN, SPAN_FIELDS, Count, DateValue, Money, Node, Percent, Quantity, Quarter, Span, Spanned, Text, added, number_of,
    same_kind,
)
from .vocabulary import (  # noqa: F401 - re-exported
    CADENCE_DAYS, CLOSED_STAGES, ActionStatus, Cadence, CompetitorPosition, ExperimentState, Level, Month,
    ObjectiveCategory, PartyKind, RevenueKind, Role, Source, Stage, Stance,
)


# --------------------------------------------------------------------------- research


class Statement(Spanned):
    """One researched sentence: a fact, goal, pressure, strength, ...

    ``source`` is one of :class:`Source` when the writer used a keyword
    (``source crm``) and ``source_text`` when they quoted a document
    (``source "FY2026 annual report"``).
    """

    kind: str
    text: str
    source: Optional[Source] = None
    source_text: Optional[str] = None


class Question(Spanned):
    """Something the team does not know yet, and whom to ask or how to find out."""

    text: str
    ask: Optional[str] = None
    ask_span: Optional[Span] = None
    how: Optional[str] = None
    how_span: Optional[Span] = None


class CustomerResearch(Spanned):
    goals: list[Statement] = Field(default_factory=list)
    pressures: list[Statement] = Field(default_factory=list)
    initiatives: list[Statement] = Field(default_factory=list)
    obstacles: list[Statement] = Field(default_factory=list)
    facts: list[Statement] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    def statements(self) -> list[Statement]:
        return [*self.goals, *self.pressures, *self.initiatives, *self.obstacles, *self.facts]


class Competitor(Spanned):
    name: str
    position: Optional[CompetitorPosition] = None
    units: list[Text] = added(many=True)  # where the competitor plays (`unit "Cardiology"`)
    strengths: list[Statement] = Field(default_factory=list)
    weaknesses: list[Statement] = Field(default_factory=list)
    facts: list[Statement] = Field(default_factory=list)


class NoCompetitor(Spanned):
    """An explicit, reasoned statement that the deal has no competitor."""

    reason: str


class CompanyResearch(Spanned):
    strengths: list[Statement] = Field(default_factory=list)
    references: list[Statement] = Field(default_factory=list)
    differentiators: list[Statement] = Field(default_factory=list)

    def statements(self) -> list[Statement]:
        return [*self.strengths, *self.references, *self.differentiators]


class Research(Spanned):
    customer: Optional[CustomerResearch] = None
    competitors: list[Competitor] = Field(default_factory=list)
    no_competitor: Optional[NoCompetitor] = None
    company: Optional[CompanyResearch] = None


# --------------------------------------------------------------------------- people & focus


class Stakeholder(Spanned):
    """A person on the customer's side.

    ``title`` and ``owner`` stay plain strings (rules and packs compare them as
    text); ``title_span`` and ``owner_span`` say where each value was written.
    """

    name: str
    title: Optional[str] = None
    title_span: Optional[Span] = None
    role: Optional[Role] = None
    influence: Optional[Level] = None
    stance: Optional[Stance] = None
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    notes: list[Statement] = Field(default_factory=list)
    reports_to: Optional[str] = added()
    reports_to_span: Optional[Span] = added()
    last_contact: Optional[DateValue] = added()


class Party(Spanned):
    """Someone with a say who does not buy: a works council, a regulator, a partner (`party regulator "..."`).

    Like a stakeholder it has influence, a stance and an owner on our team; it
    has no buying role, so the buying-role rules do not count it.
    """

    kind: Optional[PartyKind] = None
    name: str
    title: Optional[str] = None
    title_span: Optional[Span] = None
    influence: Optional[Level] = None
    stance: Optional[Stance] = None
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    notes: list[Statement] = Field(default_factory=list)
    last_contact: Optional[DateValue] = None


class Unit(Spanned):
    """A division or business unit in scope (methodology point 5)."""

    name: str
    current: list[Text] = Field(default_factory=list)
    potential: list[Text] = Field(default_factory=list)
    white_space: list[Text] = Field(default_factory=list)


# --------------------------------------------------------------------------- objectives


class Action(Spanned):
    """Something to do. ``customer`` marks an action the customer owns (`customer_action`, a mutual action plan);
    ``repeats`` a recurring one (`repeats monthly`), which needs no due date."""

    text: str
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    due: Optional[DateValue] = None
    status: ActionStatus = ActionStatus.open
    customer: bool = added(False)
    repeats: Optional[Cadence] = added()


class Experiment(Spanned):
    """A strategy tried as an experiment: what we expect, where it stands, what happened and what we learned."""

    hypothesis: str
    state: Optional[ExperimentState] = None
    result: Optional[str] = None
    learned: Optional[str] = None

    @property
    def finished(self) -> bool:
        """Over: said so (`finished`, `stopped`), or a result recorded."""
        return self.state in (ExperimentState.finished, ExperimentState.stopped) or (self.state is None and self.result is not None)


class Strategy(Spanned):
    name: str
    actions: list[Action] = Field(default_factory=list)
    experiment: Optional[Experiment] = added()


class Target(Spanned):
    """``target $500k by 2027-06-30``: a quantity and the date it is due.

    ``target from 66% to 74% by Q3 2027`` adds the ``baseline``, where the
    objective starts; ``target from opponent to supporter by ...`` is a change of
    stance (``from_stance`` to ``to_stance``) rather than a number.
    """

    value: Optional[Quantity] = None
    by: Optional[DateValue] = None
    baseline: Optional[Quantity] = added()
    from_stance: Optional[Stance] = added()
    to_stance: Optional[Stance] = added()


class Milestone(Spanned):
    """``milestone 70% by Q1 2027``: where the objective should be by a date on the way."""

    value: Quantity
    by: DateValue


class Reading(Spanned):
    """``progress 69% on 2027-01-31``: where the objective actually stood on a date."""

    value: Quantity
    on: DateValue


class Objective(Spanned):
    category: ObjectiveCategory
    name: str
    metric: Optional[str] = None
    metric_span: Optional[Span] = None
    target: Optional[Target] = None
    supports: list[Text] = Field(default_factory=list)
    unit: Optional[str] = None
    people: list[Text] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    more_units: list[Text] = added(many=True)  # `unit "A", "B"`: the units after the first
    milestones: list[Milestone] = added(many=True)
    progress: list[Reading] = added(many=True)

    def actions(self) -> list[Action]:
        return [action for strategy in self.strategies for action in strategy.actions]

    def unit_names(self) -> list[str]:
        """Every unit the objective names, the first one first."""
        return [self.unit, *(t.text for t in self.more_units)] if self.unit is not None else []


class Opportunity(Spanned):
    """A named deal in the pipeline: its unit, stage, amount, close date, probability and the objective it serves."""

    name: str
    units: list[Text] = Field(default_factory=list)
    stage: Optional[Stage] = None
    amount: Optional[Money] = None
    close: Optional[DateValue] = None
    probability: Optional[Percent] = None
    objective: Optional[str] = None
    objective_span: Optional[Span] = None

    @property
    def open(self) -> bool:
        return self.stage not in CLOSED_STAGES


class Pipeline(Spanned):
    """Sales-velocity inputs (methodology point 10)."""

    deals: Optional[int] = None
    average: Optional[Money] = None
    win_rate: Optional[Percent] = None
    cycle_days: Optional[int] = None
    opportunities: list[Opportunity] = added(many=True)

    def open_opportunities(self) -> list[Opportunity]:
        return [o for o in self.opportunities if o.open]


class Period(Spanned):
    """The time a plan covers; a quarter as ``start`` means its first day, as ``end`` its last."""

    start: dt.date
    end: dt.date
    fiscal: bool = added(False)  # written with fiscal quarters (the plan declares `fiscal_year_start`)

    def shown(self) -> str:
        dates = f"{self.start.isoformat()} to {self.end.isoformat()}"
        return f"{dates} (fiscal quarters)" if self.fiscal else dates


class RevenueFigure(Spanned):
    """Current or future revenue: an amount, a level, or both."""

    amount: Optional[Money] = None
    level: Optional[Level] = None
    kinds: list[RevenueKind] = added(many=True)
    horizon: Optional[DateValue] = added()  # `future $3.5M by 2029-06-30`: by when
    parts: list[RevenueFigure] = added(many=True)  # `current $900k recurring, current $300k one_off`


class Risk(Spanned):
    """Something that could lose the deal, how bad and how likely, who watches it and what we do about it."""

    name: str
    impact: Optional[Level] = None
    likelihood: Optional[Level] = None
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    mitigations: list[Action] = Field(default_factory=list)

    @property
    def high(self) -> bool:
        """High impact, or high likelihood, and neither said to be low."""
        levels = {self.impact, self.likelihood}
        return Level.high in levels and Level.low not in levels


class WinTheme(Spanned):
    """Why this customer should choose us, who carries the message, and the proof behind it."""

    name: str
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    proofs: list[Statement] = Field(default_factory=list)
    supports: list[Text] = Field(default_factory=list)


class Plan(Spanned):
    """One account plan.

    ``account``, ``owner`` and ``team`` stay plain strings, which is what rules
    compare; the ``*_span`` fields beside them say where each value was
    written (``team_spans[i]`` is where ``team[i]`` stands).
    """

    kind: Literal["plan"] = "plan"
    name: str
    account: Optional[str] = None
    account_span: Optional[Span] = None
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    team: list[str] = Field(default_factory=list)
    team_spans: list[Span] = Field(default_factory=list)
    period: Optional[Period] = None
    cadence: Optional[Cadence] = None
    reviewed: Optional[DateValue] = None
    current_revenue: Optional[RevenueFigure] = None
    future_revenue: Optional[RevenueFigure] = None
    research: Optional[Research] = None
    units: list[Unit] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    pipeline: Optional[Pipeline] = None
    fiscal_year_start: Optional[int] = added()  # 1-12: the month the customer's fiscal year starts
    parties: list[Party] = added(many=True)
    risks: list[Risk] = added(many=True)
    win_themes: list[WinTheme] = added(many=True)

    def people(self) -> set[str]:
        """Everyone on our side of the table: the plan owner and the team."""
        return {name for name in [self.owner, *self.team] if name}

    def actions(self) -> list[Action]:
        return [action for objective in self.objectives for action in objective.actions()]


# --------------------------------------------------------------------------- portfolio


class Account(Spanned):
    name: str
    current_revenue: Optional[RevenueFigure] = None
    future_revenue: Optional[RevenueFigure] = None
    plan: Optional[str] = None
    owner: Optional[str] = None
    owner_span: Optional[Span] = None


class Portfolio(Spanned):
    kind: Literal["portfolio"] = "portfolio"
    name: str
    high_current: Optional[Money] = None
    high_future: Optional[Money] = None
    accounts: list[Account] = Field(default_factory=list)


class Comment(Spanned):
    """A `#` comment; suppressions (`# planlint: ignore[...]`) are read from these."""

    text: str


class PlanFile(Node):
    """What one source file holds: a plan or a portfolio, plus its comments."""

    document: Union[Plan, Portfolio] = Field(discriminator="kind")
    comments: list[Comment] = Field(default_factory=list)
