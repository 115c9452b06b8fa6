"""Each objective's readings against its path, as the report draws them: positions and words, computed once.

The path and the standing of a reading come from :mod:`planlint.api.trend`
(the same arithmetic PL208 and PL209 use); this module only places them on a
chart (as 0-1 fractions of its dates and values) and says in words where the
latest reading stands, so the HTML chart and the Markdown line agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ...api.trend import path, shown, standing
from ...model import Objective, Period, Plan, Quantity, number_of
from .model import ObjectivePath, PathMark

def objective_paths(plan: Optional[Plan]) -> list[ObjectivePath]:
    """The plan's objectives that name milestones or progress readings and have a path to draw, in plan order."""
    if plan is None:
        return []
    drawn = [objective_path(o, plan.period) for o in plan.objectives if o.milestones or o.progress]
    return [d for d in drawn if d is not None]


def objective_path(objective: Objective, period: Optional[Period]) -> Optional[ObjectivePath]:
    points = path(objective, period)
    target = objective.target
    if not points or target is None or target.value is None:
        return None
    like = target.value
    readings = sorted(((r.on.date, number_of(r.value), r.value.text) for r in objective.progress if number_of(r.value) is not None),
                      key=lambda reading: reading[0])
    dates = [p.date for p in points] + [day for day, _, _ in readings]
    values = [p.value for p in points] + [value for _, value, _ in readings if value is not None]
    first, last = min(dates), max(dates)
    low, high = min(values), max(values)
    span_days = max((last - first).days, 1)
    span_value = (high - low) or 1.0

    def mark(day: dt.date, value: float, label: str, text: str = "") -> PathMark:
        return PathMark(date=day.isoformat(), value=text or shown(value, like), label=label,
                        x=round((day - first).days / span_days, 4), y=round((value - low) / span_value, 4))

    return ObjectivePath(
        name=objective.name,
        path=[mark(p.date, p.value, p.label) for p in points],
        readings=[mark(day, value, "reading", text) for day, value, text in readings if value is not None],
        words=words(objective, period, like, points[-1].value, points[-1].date),
    )


def words(objective: Objective, period: Optional[Period], like: Quantity, target: float, by: dt.date) -> str:
    """``61% on 2027-01-25, 1.2 percentage points behind the path (62.2% by then); target 75% by 2027-06-30``."""
    goal = f"target {shown(target, like)} by {by.isoformat()}"
    if not objective.progress:
        return f"no progress reading yet; {goal}"
    result = standing(objective, period)
    latest = max(objective.progress, key=lambda r: r.on.date)
    said = f"{latest.value.text} on {latest.on.date.isoformat()}"
    if result is None:
        return f"{said}, before the path starts; {goal}"
    if result.behind == 0:
        where = "on the path"
    else:
        where = f"{shown(abs(result.behind), like, gap=True)} {'behind' if result.behind > 0 else 'ahead of'} the path"
    return f"{said}, {where} ({shown(result.expected, like)} by then); {goal}"
