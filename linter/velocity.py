"""Sales velocity (methodology point 10): how much revenue a pipeline yields per day.

velocity = deals × average deal value × win rate ÷ sales-cycle length (days).
Over a plan period of N days the pipeline can yield about velocity × N. A
revenue target far beyond that is a plan built on hope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .model import ObjectiveCategory, Money, Plan

STRETCH_FACTOR = 1.5


@dataclass(frozen=True)
class VelocityCheck:
    deals: int
    average: float
    win_rate: float  # percent
    cycle_days: int
    period_days: int
    target: float
    currency: str

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


def revenue_target(plan: Plan) -> Optional[tuple[float, str]]:
    """The sum of the money targets of revenue objectives, or None when there are none."""
    targets = [o.target.value for o in plan.objectives
               if o.category == ObjectiveCategory.revenue and o.target and isinstance(o.target.value, Money)]
    if not targets:
        return None
    return sum(t.amount for t in targets), targets[0].currency


def missing_inputs(plan: Plan) -> list[str]:
    pipeline = plan.pipeline
    if pipeline is None:
        return []
    names = {"deals": pipeline.deals, "average": pipeline.average, "win_rate": pipeline.win_rate, "cycle": pipeline.cycle_days}
    return [name for name, value in names.items() if not value]


def velocity_check(plan: Plan) -> Optional[VelocityCheck]:
    """The velocity arithmetic for a plan with a complete pipeline, a period and a revenue target."""
    pipeline, period, target = plan.pipeline, plan.period, revenue_target(plan)
    if pipeline is None or period is None or target is None or missing_inputs(plan):
        return None
    assert pipeline.deals and pipeline.average and pipeline.win_rate and pipeline.cycle_days
    return VelocityCheck(deals=pipeline.deals, average=pipeline.average.amount, win_rate=pipeline.win_rate.value,
                         cycle_days=pipeline.cycle_days, period_days=(period.end - period.start).days + 1,
                         target=target[0], currency=target[1])
