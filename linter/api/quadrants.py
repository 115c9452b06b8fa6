"""Placing accounts in the four quadrants of the portfolio (methodology point 9).

Accounts are sorted by current and future revenue into a two-by-two:

==========  ================  ===============================================
quadrant    current, future   what the account gets
==========  ================  ===============================================
``A``       high, high        a full account plan, held to every rule
``B``       low, high         a place in the sales plan: develop it
``C``       high, low         protect the revenue there is
``D``       low, low          leave it to marketing
==========  ================  ===============================================

This module is pure (no I/O, no linting) so every reporter, from the text
two-by-two to the HTML report, places accounts the same way. Its public API
is stable:

* :func:`quadrant` — ``quadrant(current, future, thresholds) -> "A"|"B"|"C"|"D"``
* :func:`plan_quadrant` — a plan's quadrant (a portfolio's placement wins), or ``None``
* :func:`expected_in` — whether a rule's ``quadrants`` include a plan's
* :func:`place_accounts` — ``place_accounts(portfolio, plan_scores, min_score)
  -> list[Placement]``
* :class:`Thresholds`, :class:`Placement`, :data:`QUADRANTS`

How a revenue figure is read: an explicit level wins (``high`` is high;
``medium`` and ``low`` are low, because quadrant A is for the accounts a
manager would call high without hesitating); otherwise an amount is high when
it is at least the threshold; a missing figure is low and the placement says
it was unknown, so an account nobody has sized is never silently treated as
a top account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from ..model import Level, Plan, Portfolio, RevenueFigure

DEFAULT_HIGH_CURRENT = 1_000_000.0
DEFAULT_HIGH_FUTURE = 1_000_000.0
DEFAULT_MIN_SCORE = 70.0

QUADRANTS: dict[str, str] = {
    "A": "high current, high future: full account plan",
    "B": "low current, high future: develop in the sales plan",
    "C": "high current, low future: protect",
    "D": "low current, low future: leave to marketing",
}


@dataclass(frozen=True)
class Thresholds:
    """The amounts from which current and future revenue count as high."""

    high_current: float = DEFAULT_HIGH_CURRENT
    high_future: float = DEFAULT_HIGH_FUTURE

    @classmethod
    def of(cls, portfolio: Optional[Portfolio]) -> "Thresholds":
        """The portfolio's own thresholds, falling back to the defaults."""
        if portfolio is None:
            return cls()
        return cls(
            high_current=portfolio.high_current.amount if portfolio.high_current else DEFAULT_HIGH_CURRENT,
            high_future=portfolio.high_future.amount if portfolio.high_future else DEFAULT_HIGH_FUTURE,
        )


def is_high(figure: Optional[RevenueFigure], threshold: float) -> Optional[bool]:
    """Whether a figure counts as high; ``None`` when the figure says nothing."""
    if figure is None:
        return None
    if figure.level is not None:
        return figure.level == Level.high
    if figure.amount is not None:
        return figure.amount.amount >= threshold
    return None


def quadrant(current: Optional[RevenueFigure], future: Optional[RevenueFigure], thresholds: Thresholds = Thresholds()) -> str:
    """The quadrant letter for a current and a future revenue figure (unknown counts as low)."""
    high_now = bool(is_high(current, thresholds.high_current))
    high_later = bool(is_high(future, thresholds.high_future))
    if high_now and high_later:
        return "A"
    if high_later:
        return "B"
    if high_now:
        return "C"
    return "D"


LETTERS: tuple[str, ...] = tuple(QUADRANTS)


def plan_quadrant(plan: Plan, thresholds: Thresholds = Thresholds(), placed: Optional[str] = None) -> Optional[str]:
    """The plan's quadrant: where a portfolio ``placed`` the account, else where its own revenue line puts it.

    The portfolio's placement wins (the manager's view decides). ``None`` when
    neither says: an unplaced plan is held to every rule, like an A plan,
    because nothing says it may do less. This is the one place a plan's
    quadrant is worked out; the engine (:attr:`CheckContext.quadrant`), the
    TOML ``quadrant`` field and every output ask it.
    """
    if placed in QUADRANTS:
        return placed
    if is_high(plan.current_revenue, thresholds.high_current) is None:
        return None
    if is_high(plan.future_revenue, thresholds.high_future) is None:
        return None
    return quadrant(plan.current_revenue, plan.future_revenue, thresholds)


def expected_in(quadrants: tuple[str, ...], letter: Optional[str]) -> bool:
    """Whether a rule that applies in ``quadrants`` applies to a plan in quadrant ``letter`` (unplaced: always)."""
    return letter is None or letter in quadrants


def not_expected_reason(letter: str) -> str:
    """Why a rule is not applicable to a plan in quadrant ``letter``, as outputs list it."""
    return f"not expected of a {letter}-quadrant account ({QUADRANTS[letter]})"


@dataclass(frozen=True)
class Placement:
    """One account in the two-by-two, with the verdict on its plan.

    ``plan_score`` is ``None`` when the account names no plan or the plan
    could not be scored; ``problem`` is the finding for an A account whose
    plan is missing or below the minimum score, else ``""``.
    """

    account: str
    quadrant: str
    current: str
    future: str
    known: bool
    plan: Optional[str]
    plan_score: Optional[float]
    problem: str

    @property
    def needs_attention(self) -> bool:
        return bool(self.problem)


def describe(figure: Optional[RevenueFigure]) -> str:
    """How a figure reads in the two-by-two: ``$1.2M``, ``high``, or ``?``."""
    if figure is None:
        return "?"
    parts = []
    if figure.amount is not None:
        parts.append(figure.amount.text or f"{figure.amount.amount:,.0f}")
    if figure.level is not None:
        parts.append(figure.level.value)
    return " ".join(parts) or "?"


def account_problem(quadrant_letter: str, plan: Optional[str], score: Optional[float], min_score: float) -> str:
    """Why an account's plan falls short of its quadrant, or ``""``.

    Only quadrant A carries the expectation of a complete plan.
    """
    if quadrant_letter != "A":
        return ""
    if plan is None:
        return "A-quadrant account has no account plan (add `plan \"path.plan\"`)"
    if score is None:
        return f"A-quadrant account's plan '{plan}' is missing or unreadable"
    if score < min_score:
        return f"A-quadrant account's plan '{plan}' scores {score:.1f}, below the minimum {min_score:g}"
    return ""


def place_accounts(
    portfolio: Portfolio,
    plan_scores: Mapping[str, Optional[float]],
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Placement]:
    """Place each account of a portfolio, in the order written.

    ``plan_scores`` maps an account's name to its plan's score (``None`` or
    absent when the plan is missing or unreadable).
    """
    thresholds = Thresholds.of(portfolio)
    placements = []
    for account in portfolio.accounts:
        letter = quadrant(account.current_revenue, account.future_revenue, thresholds)
        known = (
            is_high(account.current_revenue, thresholds.high_current) is not None
            and is_high(account.future_revenue, thresholds.high_future) is not None
        )
        score = plan_scores.get(account.name)
        placements.append(
            Placement(
                account=account.name,
                quadrant=letter,
                current=describe(account.current_revenue),
                future=describe(account.future_revenue),
                known=known,
                plan=account.plan,
                plan_score=score,
                problem=account_problem(letter, account.plan, score, min_score),
            )
        )
    return placements
