"""The words of the plan language: every closed list a keyword takes after it.

One home for each list, read by the builder (an unknown word is a PL002 with
"did you mean"), by the syntax-error wording ("expected a role (...)"), by the
model (pydantic enums) and by the docs. :mod:`planlint.model` re-exports them.
"""

from __future__ import annotations

from enum import Enum


class Cadence(str, Enum):
    """How often a plan is reviewed, and how often a recurring action repeats (`repeats monthly`)."""

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


class RevenueKind(str, Enum):
    """What a revenue figure is made of: its rhythm (recurring, one_off) and its origin (new, renewal, expansion)."""

    recurring = "recurring"
    one_off = "one_off"
    new_business = "new_business"
    renewal = "renewal"
    expansion = "expansion"


class PartyKind(str, Enum):
    """Who a party is: someone with a say in the deal who does not buy (`party works_council "..."`)."""

    partner = "partner"
    regulator = "regulator"
    works_council = "works_council"
    union = "union"
    board = "board"
    payer = "payer"
    consultant = "consultant"
    supplier = "supplier"
    other = "other"


class Stage(str, Enum):
    """Where a named opportunity stands; ``won`` and ``lost`` are closed, the rest open."""

    lead = "lead"
    qualified = "qualified"
    proposal = "proposal"
    negotiation = "negotiation"
    commit = "commit"
    won = "won"
    lost = "lost"


CLOSED_STAGES = frozenset({Stage.won, Stage.lost})


class ExperimentState(str, Enum):
    """Where a strategy run as an experiment stands (`experiment finished "..."`)."""

    planned = "planned"
    running = "running"
    finished = "finished"
    stopped = "stopped"


class Month(str, Enum):
    """The months a customer's fiscal year may start in (`fiscal_year_start July`)."""

    january = "january"
    february = "february"
    march = "march"
    april = "april"
    may = "may"
    june = "june"
    july = "july"
    august = "august"
    september = "september"
    october = "october"
    november = "november"
    december = "december"


MONTH_NUMBERS = {month.value: number for number, month in enumerate(Month, start=1)}
MONTH_NUMBERS.update({name[:3]: number for name, number in list(MONTH_NUMBERS.items())})
