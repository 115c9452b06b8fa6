"""Reading the value literals of the language: money, percentages, dates, quarters.

Each function takes the token text and returns the plain dict the model
expects, or raises :class:`ValueProblem` with a message for a sales rep.
"""

from __future__ import annotations

import datetime as dt
import re

from ..nodes import quarter_bounds  # the one home of quarter arithmetic (the model needs it too)

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
# The codes the grammar's MONEY terminal reads before an amount (``EUR 40,000``).
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY"})
MULTIPLIERS = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9}
MAX_AMOUNT = 1e15  # a thousand trillion: beyond any account's revenue, well inside a float's exact range
MAX_CYCLE_DAYS = 3650  # ten years
_MONEY = re.compile(r"(?P<cur>[$€£]|[A-Z]{3})\s*(?P<num>\d[\d,]*(?:\.\d+)?)(?P<mult>[kKmMbB]?)$")
_QUARTER = re.compile(r"[Qq](?P<q>[1-4])\s+(?P<year>\d{4})$")


class ValueProblem(ValueError):
    """A value that is well-formed text but not a valid value (2027-02-30)."""


def money(text: str) -> tuple[float, str]:
    """``$1.2M`` → (1200000.0, "USD"); ``EUR 40,000`` → (40000.0, "EUR")."""
    match = _MONEY.match(text.strip())
    if match is None:  # the grammar's MONEY terminal makes this unreachable for parsed text
        raise ValueProblem(f"'{text}' is not an amount like $500k or EUR 40,000")
    currency = CURRENCY_SYMBOLS.get(match["cur"], match["cur"])
    amount = float(match["num"].replace(",", "")) * MULTIPLIERS[match["mult"].lower()]
    if not amount <= MAX_AMOUNT:  # 400 digits read as infinity, and the report drew cx="nan"
        raise ValueProblem(f"{text.strip()[:40]} is too large to be an amount (at most {MAX_AMOUNT:,.0f})")
    return amount, currency


def number(text: str) -> float:
    """``2,500`` → 2500.0: counts may carry thousands separators like amounts do."""
    return float(text.replace(",", ""))


def percent(text: str) -> float:
    return float(text.rstrip("%").strip())


def win_rate(text: str) -> float:
    """``25%`` → 25.0. A win rate is the share of deals won, so above 100% it is a typo, not a forecast."""
    rate = percent(text)
    if rate > 100:
        raise ValueProblem(f"a win rate of {text} is not possible: it is the share of deals won, from 0% to 100%")
    return rate


def probability(text: str) -> float:
    """``60%`` → 60.0: the chance a deal closes, so above 100% it is a typo."""
    chance = percent(text)
    if chance > 100:
        raise ValueProblem(f"a probability of {text} is not possible: a deal's chance of closing is from 0% to 100%")
    return chance


def deal_count(text: str) -> int:
    """``12`` → 12. Deals are counted whole: reading 2.5 as 2 would quietly change the velocity."""
    count = number(text)
    if not count.is_integer():
        raise ValueProblem(f"{text} is not a number of deals: count whole deals")
    return int(count)


def cycle_days(text: str, unit: str = "") -> int:
    """``2 months`` → 60. At least one day: a deal takes time to close, and velocity divides by the cycle."""
    raw = number(text) * CYCLE_UNITS.get(unit.lower(), 1)
    if not raw <= MAX_CYCLE_DAYS:
        written = f"{text[:20]} {unit}".strip()
        raise ValueProblem(f"a sales cycle of {written} is not possible: at most {MAX_CYCLE_DAYS} days (ten years)")
    days = int(round(raw))
    if days < 1:
        written = f"{text} {unit}".strip()
        raise ValueProblem(f"a sales cycle of {written} is not possible: a deal takes at least a day to close")
    return days


def iso_date(text: str) -> dt.date:
    year, month, day = (int(part) for part in text.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(f"{text} is not a real date") from None


def quarter(text: str, fiscal_start: int = 1) -> tuple[int, int, dt.date]:
    """``Q3 2027`` → (2027, 3, last day of the quarter); see :func:`quarter_bounds` for ``fiscal_start``."""
    match = _QUARTER.match(text.strip())
    if match is None:
        raise ValueProblem(f"'{text}' is not a quarter like Q3 2027")
    year, number = int(match["year"]), int(match["q"])
    try:
        return year, number, quarter_bounds(year, number, fiscal_start)[1]
    except ValueError:  # before year 1: no calendar has it
        raise ValueProblem(f"{text} is not a real quarter") from None


CYCLE_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
