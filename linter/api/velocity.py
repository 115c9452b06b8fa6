"""Sales velocity (methodology point 10): how much revenue a pipeline yields per day.

velocity = deals × average deal value × win rate ÷ sales-cycle length (days).
Over a plan period of N days the pipeline can yield about velocity × N. A
revenue target far beyond that is a plan built on hope. Only targets in the
pipeline's currency are compared with it: planlint never converts currencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import ObjectiveCategory, Money, Plan

STRETCH_FACTOR = 1.5


@dataclass(frozen=True)
class VelocityCheck:
    deals: int
    average: float
    win_rate: float  # percent
    cycle_days: int
    period_days: int
    target: float  # the revenue targets in ``currency`` only
    currency: str  # the pipeline's (its average deal value's)

    @property
    def per_day(self) -> float:
        return self.deals * self.average * (self.win_rate / 100) / self.cycle_days

    @property
    def capacity(self) -> float:
        return self.per_day * self.period_days

    @property
    def realistic(self) -> bool:
        return self.target <= self.capacity * STRETCH_FACTOR

    def arithmetic(self) -> str:
        return (f"{self.deals} deals × {money(self.average, self.currency)} × {self.win_rate:g}% ÷ {self.cycle_days} days "
                f"= {money(self.per_day, self.currency)}/day; × {self.period_days} days = {money(self.capacity, self.currency)}")


def shortfall(check: VelocityCheck, pipeline: str = "the pipeline") -> Optional[str]:
    """None when ``pipeline`` can yield the targets; else the finding's words, with the arithmetic.

    The one wording of the velocity verdict, for the plan's own pipeline (PL502) and the CRM's (PL707).
    """
    if check.capacity > 0 and check.realistic:
        return None
    verdict = (f"the target is {check.target / check.capacity:.1f}× that (more than {STRETCH_FACTOR:g}×)"
               if check.capacity > 0 else f"{'a pipeline' if pipeline == 'the pipeline' else pipeline} that yields "
               "nothing cannot meet any target")
    return (f"revenue targets in {check.currency} total {money(check.target, check.currency)} but {pipeline} yields "
            f"about {money(check.capacity, check.currency)} over the {check.period_days}-day plan period: "
            f"{check.arithmetic()}; {verdict}")


def money(amount: float, currency: str = "USD") -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, currency + " ")
    if abs(amount) >= 1e6:
        return f"{symbol}{amount / 1e6:.2f}M"
    if abs(amount) >= 1e3:
        return f"{symbol}{amount / 1e3:.1f}k"
    return f"{symbol}{amount:.0f}"


def revenue_targets(plan: Plan) -> list[Money]:
    """The money targets of revenue objectives: what the pipeline is meant to yield."""
    return [o.target.value for o in plan.objectives
            if o.category == ObjectiveCategory.revenue and o.target and isinstance(o.target.value, Money)]


def pipeline_currency(plan: Plan) -> Optional[str]:
    """The currency the pipeline yields in: that of its average deal value (stated, or from its opportunities)."""
    average = stated_or_derived(plan)[1]
    return average.currency if average else None


@dataclass(frozen=True)
class DealTotals:
    """What the pipeline's named open opportunities add up to (the stated `deals` and `average` may disagree)."""

    count: int
    total: Optional[float]  # None when the amounts are missing or in several currencies
    currency: Optional[str]
    weighted: Optional[float]  # each amount × its probability
    amounts: tuple[float, ...]

    @property
    def average(self) -> Optional[float]:
        return self.total / self.count if self.total is not None and self.count else None

    def arithmetic(self) -> str:
        if self.total is None or not self.count or self.currency is None:
            return f"{self.count} open opportunities"
        added = " + ".join(money(amount, self.currency) for amount in self.amounts)
        weighted = f"; weighted by probability {money(self.weighted, self.currency)}" if self.weighted is not None else ""
        return (f"{self.count} open opportunities: {added} = {money(self.total, self.currency)} ÷ {self.count} = "
                f"{money(self.total / self.count, self.currency)} average{weighted}")


def deal_totals(plan: Plan) -> Optional[DealTotals]:
    """The totals of the named open opportunities, or None when the pipeline names none."""
    pipeline = plan.pipeline
    if pipeline is None or not pipeline.opportunities:
        return None
    deals = pipeline.open_opportunities()
    amounts = [deal.amount for deal in deals]
    currencies = {amount.currency for amount in amounts if amount is not None}
    if not deals or None in amounts or len(currencies) != 1:
        return DealTotals(len(deals), None, None, None, ())
    values = tuple(amount.amount for amount in amounts if amount is not None)
    chances = [deal.probability.value if deal.probability else None for deal in deals]
    weighted = None if None in chances else sum(v * (c or 0) / 100 for v, c in zip(values, chances))
    return DealTotals(len(deals), sum(values), currencies.pop(), weighted, values)


def stated_or_derived(plan: Plan) -> tuple[Optional[int], Optional[Money]]:
    """The pipeline's deal count and average value: as stated, else as its named open opportunities give them."""
    pipeline = plan.pipeline
    if pipeline is None:
        return None, None
    deals, average = pipeline.deals, pipeline.average
    totals = deal_totals(plan)
    if totals is not None:
        if deals is None:
            deals = totals.count
        if average is None and totals.average is not None and totals.currency is not None:
            average = Money(amount=totals.average, currency=totals.currency, text=money(totals.average, totals.currency),
                            span=pipeline.span)
    return deals, average


def missing_inputs(plan: Plan) -> list[str]:
    """The velocity inputs the pipeline does not state (or derive from its opportunities); a stated 0 is not missing."""
    pipeline = plan.pipeline
    if pipeline is None:
        return []
    deals, average = stated_or_derived(plan)
    names = {"deals": deals, "average": average, "win_rate": pipeline.win_rate, "cycle": pipeline.cycle_days}
    return [name for name, value in names.items() if value is None]


def velocity_check(plan: Plan) -> Optional[VelocityCheck]:
    """The velocity arithmetic for a complete pipeline, a period and revenue targets in the pipeline's currency.

    Targets in other currencies are left out, never added or converted: any
    rate planlint picked would not be the one the business plans with.
    """
    pipeline, period, currency = plan.pipeline, plan.period, pipeline_currency(plan)
    targets = [t.amount for t in revenue_targets(plan) if t.currency == currency]
    if pipeline is None or period is None or not targets or missing_inputs(plan):
        return None
    deals, average = stated_or_derived(plan)
    assert deals is not None and average and pipeline.win_rate and pipeline.cycle_days
    return VelocityCheck(deals=deals, average=average.amount, win_rate=pipeline.win_rate.value,
                         cycle_days=pipeline.cycle_days, period_days=(period.end - period.start).days + 1,
                         target=sum(targets), currency=average.currency)
