"""The plan model: the one contract between the parser and the rules.

Rules never see Lark's parse tree; they see these pydantic models. Every node
carries a :class:`Span` so any finding can point at the exact source text.
The parser builds plain dicts and validates once at the root
(``PlanFile.model_validate``), which is far cheaper than validating per node.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field


class Node(BaseModel):
    """Base of every model node: frozen-free, strict about unknown fields.

    Not ``defer_build``: ``planlint check`` validates every node type on its
    first plan anyway, and building them all then was measured slower than
    building each class at import.
    """

    model_config = ConfigDict(extra="forbid")


class Span(Node):
    """Where a node sits in the source: 1-based lines and columns, end exclusive."""

    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1


DEFAULT_SPAN = Span()


class Spanned(Node):
    span: Span = Field(default_factory=Span)


# --------------------------------------------------------------------------- values


class Money(Spanned):
    """An amount of money as written (`$500k`, `$1.2M`, `EUR 40,000`)."""

    amount: float
    currency: str = "USD"
    text: str = ""


class Percent(Spanned):
    value: float
    text: str = ""


class Count(Spanned):
    value: float
    unit: str = ""
    text: str = ""


Quantity = Union[Money, Percent, Count]


class Quarter(Node):
    year: int
    quarter: int

    @property
    def first_day(self) -> dt.date:
        """Where a period that starts in this quarter begins (``period Q1 2027 to ...``)."""
        return dt.date(self.year, self.quarter * 3 - 2, 1)

    @property
    def last_day(self) -> dt.date:
        month = self.quarter * 3
        next_first = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return next_first - dt.timedelta(days=1)


class DateValue(Spanned):
    """A date as written: an ISO date, or a quarter (resolved to its last day;
    only a period's start resolves to the first, see :class:`Period`)."""

    date: dt.date
    quarter: Optional[Quarter] = None
    text: str = ""


class Text(Spanned):
    """A quoted string with where it stands."""

    text: str


# --------------------------------------------------------------------------- enums


class Cadence(str, Enum):
    weekly = "weekly"
    biweekly = "biweekly"
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"


CADENCE_DAYS: dict[Cadence, int] = {
    Cadence.weekly: 7,
    Cadence.biweekly: 14,
    Cadence.monthly: 31,
    Cadence.quarterly: 92,
    Cadence.semiannual: 183,
    Cadence.annual: 366,
}


class Level(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


class Role(str, Enum):
    economic_buyer = "economic_buyer"
    decision_maker = "decision_maker"
    champion = "champion"
    sponsor = "sponsor"
    influencer = "influencer"
    user = "user"
    technical_buyer = "technical_buyer"
    gatekeeper = "gatekeeper"
    blocker = "blocker"


class Stance(str, Enum):
    supporter = "supporter"
    neutral = "neutral"
    opponent = "opponent"
    unknown = "unknown"


class Source(str, Enum):
    """Where a fact came from (methodology point 3: integrate sources)."""

    crm = "crm"
    account_team = "account_team"
    customer = "customer"
    external = "external"


class CompetitorPosition(str, Enum):
    incumbent = "incumbent"
    challenger = "challenger"
    niche = "niche"
    internal = "internal"
    unknown = "unknown"


class ObjectiveCategory(str, Enum):
    revenue = "revenue"
    business_development = "business_development"
    marketing = "marketing"
    relationship = "relationship"
    partnering = "partnering"
    research = "research"
    customer_success = "customer_success"


class ActionStatus(str, Enum):
    open = "open"
    in_progress = "in_progress"
    done = "done"
    blocked = "blocked"
    cancelled = "cancelled"


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


class Unit(Spanned):
    """A division or business unit in scope (methodology point 5)."""

    name: str
    current: list[Text] = Field(default_factory=list)
    potential: list[Text] = Field(default_factory=list)
    white_space: list[Text] = Field(default_factory=list)


# --------------------------------------------------------------------------- objectives


class Action(Spanned):
    text: str
    owner: Optional[str] = None
    owner_span: Optional[Span] = None
    due: Optional[DateValue] = None
    status: ActionStatus = ActionStatus.open


class Strategy(Spanned):
    name: str
    actions: list[Action] = Field(default_factory=list)


class Target(Spanned):
    """``target $500k by 2027-06-30``: a quantity and the date it is due."""

    value: Optional[Quantity] = None
    by: Optional[DateValue] = None


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

    def actions(self) -> list[Action]:
        return [action for strategy in self.strategies for action in strategy.actions]


class Pipeline(Spanned):
    """Sales-velocity inputs (methodology point 10)."""

    deals: Optional[int] = None
    average: Optional[Money] = None
    win_rate: Optional[Percent] = None
    cycle_days: Optional[int] = None


class Period(Spanned):
    """The time a plan covers; a quarter as ``start`` means its first day, as ``end`` its last."""

    start: dt.date
    end: dt.date


class RevenueFigure(Spanned):
    """Current or future revenue: an amount, a level, or both."""

    amount: Optional[Money] = None
    level: Optional[Level] = None


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
