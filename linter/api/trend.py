"""An objective's path from its baseline to its target, and where a progress reading stands against it.

Methodology point 7 (try, learn, improve): "if your goal is to grow an
account by 25% within a year, after a few months you should see a trend
heading there". The path is drawn straight from the baseline at the start of
the plan period, through each milestone, to the target on its date. With no
baseline, an amount of money (signed value, revenue) starts from nothing at
the period start; anything else starts at its first milestone. A reading is
compared with the path on its own date, and every step is kept so a finding
can show the arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..model import Count, Money, Objective, Percent, Period, Quantity, Reading, number_of
from .velocity import money

MARGIN_OPTION = "off_track_margin"  # CheckContext.options key: the `off-track-margin` setting
DEFAULT_MARGIN = 10.0  # percent of the path's whole rise


@dataclass(frozen=True)
class Point:
    date: dt.date
    value: float
    label: str  # "baseline", "milestone", "target"


@dataclass(frozen=True)
class Standing:
    """A reading against the path: where the path was that day, and how far behind the reading is (negative: ahead)."""

    reading: Reading
    before: Point
    after: Point
    expected: float
    behind: float  # in the objective's own units, towards the target
    rise: float  # the whole path's change, from its first point to the target

    def share_behind(self) -> float:
        return self.behind / abs(self.rise) if self.rise else 0.0


def shown(value: float, like: Quantity, gap: bool = False) -> str:
    """A number written the way the objective writes its quantities; a ``gap`` between percentages is in points."""
    if isinstance(like, Money):
        return money(value, like.currency)
    if isinstance(like, Percent) and gap:
        return f"{value:.1f} percentage points"
    if isinstance(like, Percent):
        return f"{value:.3g}%" if abs(value) < 100 else f"{value:.0f}%"
    unit = f" {like.unit}" if isinstance(like, Count) and like.unit else ""
    return f"{value:g}{unit}" if float(value).is_integer() else f"{value:.1f}{unit}"


def path(objective: Objective, period: Optional[Period]) -> list[Point]:
    """The points of the objective's path in date order, or [] when it cannot be drawn."""
    target = objective.target
    if target is None or target.value is None or target.by is None:
        return []
    points = [Point(m.by.date, number_of(m.value) or 0.0, "milestone") for m in objective.milestones]
    start_value = number_of(target.baseline)
    if start_value is None and isinstance(target.value, Money):
        start_value = 0.0
    if start_value is not None and period is not None:
        points.append(Point(period.start, start_value, "baseline"))
    points.append(Point(target.by.date, number_of(target.value) or 0.0, "target"))
    points.sort(key=lambda point: point.date)
    return points if len(points) >= 2 and points[0].date < points[-1].date else []


def standing(objective: Objective, period: Optional[Period]) -> Optional[Standing]:
    """The latest reading against the path, or None when there is no reading or no path on its date."""
    points = path(objective, period)
    if not points or not objective.progress:
        return None
    reading = max(objective.progress, key=lambda r: r.on.date)
    day = reading.on.date
    if day < points[0].date:
        return None
    before, after = points[0], points[-1]
    for earlier, later in zip(points, points[1:]):
        if earlier.date <= day <= later.date:
            before, after = earlier, later
            break
    else:
        before = after = points[-1]  # past the target date: the path has arrived
    if after.date > before.date:
        expected = before.value + (after.value - before.value) * (day - before.date).days / (after.date - before.date).days
    else:
        expected = after.value
    rise = points[-1].value - points[0].value
    direction = 1.0 if rise >= 0 else -1.0
    actual = number_of(reading.value) or 0.0
    return Standing(reading, before, after, expected, (expected - actual) * direction, rise)


def arithmetic(result: Standing, like: Quantity) -> str:
    """How the path's value on the reading's day was worked out, in words a rep can check."""
    before, after, day = result.before, result.after, result.reading.on.date
    if after.date == before.date:
        return f"the path reached {shown(after.value, like)} on {after.date.isoformat()}"
    done, total = (day - before.date).days, (after.date - before.date).days
    return (f"between the {before.label} {shown(before.value, like)} on {before.date.isoformat()} and the {after.label} "
            f"{shown(after.value, like)} on {after.date.isoformat()}, {done} of {total} days in: "
            f"{shown(before.value, like)} + ({shown(after.value, like)} − {shown(before.value, like)}) × {done}/{total} "
            f"= {shown(result.expected, like)}")
