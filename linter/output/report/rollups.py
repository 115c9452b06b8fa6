"""The team picture: each rep's plans (mean and worst) and each quadrant's accounts, A first.

A manager preparing a review asks "whose plans need help?" and "are our A
accounts covered?" before any single plan. These roll-ups answer both from
the plan entries and the portfolio placing already built; nothing is scored
again here.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .model import OwnerRollup, PlanEntry, PlanRef, PortfolioView, QuadrantRollup

NO_OWNER = "no owner written"


def _mean(scores: Sequence[float]) -> Optional[float]:
    return round(sum(scores) / len(scores), 1) if scores else None


def _ref(entry: PlanEntry) -> PlanRef:
    return PlanRef(path=entry.path, name=entry.name, anchor=entry.anchor, score=entry.score, band=entry.band)


def by_owner(entries: Sequence[PlanEntry]) -> list[OwnerRollup]:
    """One row per owner, the lowest mean first (owners whose plans cannot be read at all last), then by name."""
    groups: dict[str, list[PlanEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.owner or NO_OWNER, []).append(entry)
    rows = []
    for owner, plans in groups.items():
        readable = sorted((e for e in plans if e.score is not None), key=lambda e: (e.score, e.path))
        rows.append(OwnerRollup(
            owner=owner,
            plans=[_ref(e) for e in sorted(plans, key=lambda e: e.path)],
            mean=_mean([e.score for e in readable if e.score is not None]),
            worst=_ref(readable[0]) if readable else None,
            needing_attention=sum(1 for e in plans if e.attention),
            unreadable=sum(1 for e in plans if e.score is None),
        ))
    rows.sort(key=lambda r: (r.mean is None, r.mean if r.mean is not None else 0.0, r.owner == NO_OWNER, r.owner.lower()))
    return rows


def by_quadrant(view: Optional[PortfolioView]) -> tuple[list[QuadrantRollup], list[str]]:
    """Each quadrant in A-B-C-D order, and the A accounts whose plan is missing or short (shown on top)."""
    if view is None:
        return [], []
    rows = []
    for quadrant in view.quadrants:
        placed = [p for p in view.placements if p.quadrant == quadrant.letter]
        scores = [p.score for p in placed if p.score is not None]
        rows.append(QuadrantRollup(letter=quadrant.letter, advice=quadrant.advice, accounts=len(placed), with_plan=len(scores),
                                   mean=_mean(scores), short=[f"{p.account}: {p.note}" for p in placed if p.note]))
    short_a = next((row.short for row in rows if row.letter == "A"), [])
    return rows, list(short_a)
