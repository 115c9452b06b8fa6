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
    """The currency the pipeline yields in: that of its average deal value."""
    return plan.pipeline.average.currency if plan.pipeline and plan.pipeline.average else None


def missing_inputs(plan: Plan) -> list[str]:
    """The velocity inputs the pipeline does not state; a stated 0 (an empty pipeline) is not missing."""
    pipeline = plan.pipeline
    if pipeline is None:
        return []
    names = {"deals": pipeline.deals, "average": pipeline.average, "win_rate": pipeline.win_rate, "cycle": pipeline.cycle_days}
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
    assert pipeline.deals is not None and pipeline.average and pipeline.win_rate and pipeline.cycle_days
    return VelocityCheck(deals=pipeline.deals, average=pipeline.average.amount, win_rate=pipeline.win_rate.value,
                         cycle_days=pipeline.cycle_days, period_days=(period.end - period.start).days + 1,
                         target=sum(targets), currency=pipeline.average.currency)
