"""The CRM's own pipeline figures for one account, with the arithmetic that gives them.

One home for "what does the CRM say the pipeline is": the rule that holds the
plan's pipeline against it (PL703), the velocity check on the CRM's numbers
(PL707) and the report's side-by-side all read :func:`crm_pipeline`. Open
deals are counted now; the win rate and the cycle come from the deals closed
in the twelve months up to the reference date, as a sales team reads them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ...model import Plan
from ..velocity import VelocityCheck, money, revenue_targets
from .records import CrmAccount

YEAR_DAYS = 365


@dataclass(frozen=True)
class CrmPipeline:
    open_count: int
    amounts: tuple[float, ...]  # the open deals' amounts in ``currency`` (others are never converted)
    currency: Optional[str]
    won: int  # closed in the twelve months to ``as_of``
    closed: int
    cycles: tuple[int, ...]  # days from created to close of each deal won in those months
    as_of: dt.date

    @property
    def average(self) -> Optional[float]:
        return sum(self.amounts) / len(self.amounts) if self.amounts else None

    @property
    def win_rate(self) -> Optional[float]:
        return self.won / self.closed * 100 if self.closed else None

    @property
    def cycle_days(self) -> Optional[int]:
        return round(sum(self.cycles) / len(self.cycles)) if self.cycles else None

    def average_arithmetic(self) -> str:
        assert self.currency is not None and self.amounts
        return f"{money(sum(self.amounts), self.currency)} ÷ {len(self.amounts)} open deals"

    def win_rate_arithmetic(self) -> str:
        return f"{self.won} won ÷ {self.closed} closed in the 12 months to {self.as_of.isoformat()}"

    def cycle_arithmetic(self) -> str:
        return f"{' + '.join(map(str, self.cycles))} days ÷ {len(self.cycles)} won deals, created to close"


def crm_pipeline(account: CrmAccount, as_of: dt.date, currency: Optional[str] = None) -> CrmPipeline:
    """The account's open deals (amounts in ``currency``, else in the currency most of them use) and last year's."""
    open_deals = account.open_opportunities()
    if currency is None:
        used = Counter(o.currency or "USD" for o in open_deals if o.amount is not None)
        currency = min(used, key=lambda code: (-used[code], code)) if used else None
    amounts = tuple(o.amount for o in open_deals if o.amount is not None and (o.currency or "USD") == currency)
    since = as_of - dt.timedelta(days=YEAR_DAYS)
    recent = [o for o in account.opportunities if o.closed and o.close is not None and since < o.close <= as_of]
    won = [o for o in recent if o.won]
    cycles = tuple((o.close - o.created).days for o in won
                   if o.close is not None and o.created is not None and o.close >= o.created)
    return CrmPipeline(len(open_deals), amounts, currency, len(won), len(recent), cycles, as_of)


def crm_velocity(plan: Plan, crm: CrmPipeline) -> Optional[VelocityCheck]:
    """The velocity arithmetic on the CRM's figures and the plan's revenue targets in their currency, when complete."""
    targets = [t.amount for t in revenue_targets(plan) if t.currency == crm.currency]
    if (plan.period is None or not targets or crm.currency is None or crm.average is None or crm.win_rate is None
            or not crm.cycle_days):
        return None
    return VelocityCheck(deals=len(crm.amounts), average=crm.average, win_rate=round(crm.win_rate, 1),
                         cycle_days=crm.cycle_days, period_days=(plan.period.end - plan.period.start).days + 1,
                         target=sum(targets), currency=crm.currency)
