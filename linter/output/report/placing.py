"""The portfolio picture: which account sits where on the A/B/C/D two-by-two.

Quadrant letters and the "A account without a complete plan" verdict come
from :mod:`planlint.api.quadrants`, so the report agrees with every other place
that judges a portfolio. This module adds what only a chart needs: a
position for each marker (0-1 on each axis, 0.5 being the threshold) and the
link from an account to the plan file that scores it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ...api import quadrants as method
from ...model import Plan, Portfolio, RevenueFigure
from .model import Placement, PortfolioView, Quadrant

QUADRANT_TITLES = {"A": "A: full account plan", "B": "B: develop", "C": "C: protect", "D": "D: marketing"}
MIN_GAP = 0.075  # markers closer than this (as a share of the chart) are moved apart
EDGE = 0.05


@dataclass(frozen=True)
class ScoredPlan:
    """What placing needs to know about one plan file."""

    path: Path
    shown: str
    anchor: str
    plan: Optional[Plan]
    score: Optional[float]
    band: str
    owner: str


def axis_position(figure: Optional[RevenueFigure], threshold: float, high: bool) -> float:
    """Where a figure sits on its axis: in the high half when it counts as high, else the low half.

    An amount is placed by its ratio to the threshold (r / (1 + r), so the
    threshold lands on the middle line and bigger accounts sit further out);
    a level alone puts the marker in the middle of its half.
    """
    if figure is not None and figure.amount is not None and threshold > 0:
        ratio = figure.amount.amount / threshold
        fraction = ratio / (1 + ratio)
    else:
        fraction = 0.75 if high else 0.25
    if high:
        return min(max(fraction, 0.5 + EDGE), 1 - EDGE)
    return min(max(fraction, EDGE), 0.5 - EDGE)


def spread(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Move markers that would overlap apart, downwards then across, staying in their quadrant."""
    placed: list[tuple[float, float]] = []
    for x, y in points:
        low_x, high_x = (0.5 + EDGE, 1 - EDGE) if x > 0.5 else (EDGE, 0.5 - EDGE)
        low_y, high_y = (0.5 + EDGE, 1 - EDGE) if y > 0.5 else (EDGE, 0.5 - EDGE)
        for _ in range(40):
            if all(abs(x - px) >= MIN_GAP or abs(y - py) >= MIN_GAP for px, py in placed):
                break
            y -= MIN_GAP
            if y < low_y:
                y = high_y
                x = x + MIN_GAP if x + MIN_GAP <= high_x else low_x
        placed.append((round(x, 4), round(y, 4)))
    return placed


def find_plan(account_name: str, plan_ref: Optional[str], base: Path, plans: Sequence[ScoredPlan]) -> Optional[ScoredPlan]:
    """The plan an account refers to: by its ``plan "..."`` path or name, else by the plan's ``account``."""
    if plan_ref:
        wanted = (base / plan_ref).resolve()
        for scored in plans:
            if scored.path.resolve() == wanted:
                return scored
        for scored in plans:
            if scored.path.name == Path(plan_ref).name or (scored.plan is not None and scored.plan.name == plan_ref):
                return scored
        return None
    key = account_name.strip().lower()
    for scored in plans:
        if scored.plan is not None and (scored.plan.account or scored.plan.name).strip().lower() == key:
            return scored
    return None


def _placement(
    name: str,
    current: Optional[RevenueFigure],
    future: Optional[RevenueFigure],
    thresholds: method.Thresholds,
    scored: Optional[ScoredPlan],
    plan_ref: Optional[str],
    min_score: float,
) -> Placement:
    letter = method.quadrant(current, future, thresholds)
    high_now, high_later = letter in ("A", "C"), letter in ("A", "B")
    score = scored.score if scored else None
    reference = plan_ref or (scored.shown if scored else None)
    return Placement(
        account=name,
        quadrant=letter,
        x=axis_position(current, thresholds.high_current, high_now),
        y=axis_position(future, thresholds.high_future, high_later),
        current=method.describe(current),
        future=method.describe(future),
        plan_path=scored.shown if scored else "",
        plan_anchor=scored.anchor if scored else "",
        score=score,
        band=scored.band if scored and score is not None else "no plan",
        owner=(scored.owner if scored else ""),
        note=method.account_problem(letter, reference, score, min_score),
    )


def round_money(amount: float) -> str:
    """A threshold in dollars as people say it: $1M, $2.5M, $500k (the report and `planlint portfolio` alike)."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if amount >= size:
            return f"${amount / size:g}{suffix}"
    return f"${amount:g}"


def _view(name: str, source: str, thresholds: method.Thresholds, placements: list[Placement], unplaced: list[str]) -> PortfolioView:
    moved = spread([(p.x, p.y) for p in placements])
    placements = [p.model_copy(update={"x": x, "y": y}) for p, (x, y) in zip(placements, moved)]
    quadrants = [
        Quadrant(letter=letter, title=QUADRANT_TITLES[letter], advice=method.QUADRANTS[letter],
                 count=sum(1 for p in placements if p.quadrant == letter))
        for letter in "ABCD"
    ]
    return PortfolioView(
        name=name,
        source=source,
        thresholds=(f"high current revenue from {round_money(thresholds.high_current)}, "
                    f"high future revenue from {round_money(thresholds.high_future)}; a written level (high, medium, low) wins"),
        quadrants=quadrants,
        placements=placements,
        unplaced=unplaced,
    )


def portfolio_view(portfolio: Portfolio, source: Path, shown: str, plans: Sequence[ScoredPlan], min_score: float) -> PortfolioView:
    """Every account of a portfolio file on the chart, in the order written."""
    thresholds = method.Thresholds.of(portfolio)
    placements = [
        _placement(account.name, account.current_revenue, account.future_revenue, thresholds,
                   find_plan(account.name, account.plan, source.parent, plans), account.plan, min_score)
        for account in portfolio.accounts
    ]
    return _view(portfolio.name, shown, thresholds, placements, [])


def plans_view(plans: Sequence[ScoredPlan], min_score: float) -> Optional[PortfolioView]:
    """Without a portfolio file, each plan placed by its own ``revenue current ..., future ...`` line."""
    thresholds = method.Thresholds()
    placements: list[Placement] = []
    unplaced: list[str] = []
    for scored in plans:
        if scored.plan is None:
            continue
        label = scored.plan.account or scored.plan.name
        if method.plan_quadrant(scored.plan, thresholds) is None:
            unplaced.append(f"{label} ({scored.shown}: no `revenue current ..., future ...` line)")
            continue
        placements.append(_placement(label, scored.plan.current_revenue, scored.plan.future_revenue,
                                     thresholds, scored, scored.shown, min_score))
    if not placements and not unplaced:
        return None
    return _view("Plans by their own revenue lines", "plans", thresholds, placements, unplaced)
