"""What a good-looking score hides, and each category's red/amber/green.

A mean can be high while the plan is not: many error findings priced as a few
points, a category lifted to 100 because its failing items were suppressed,
a plan whose period has ended. Each is a flag in words beside the score, and
puts the plan on the attention list.

Categories get red, amber or green by the score bands (green from the *tool*
floor, amber from *developing*, red below) unless the configuration sets a
minimum for the category (``category-fail-under``): below it is red whatever
the band ("red, below the minimum 70"), and the minimum is marked on the bar.
The colour's name is always written beside it; the page's key says what each means.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Mapping, Optional

from ...api.rule import Severity
from ...engine import scoring
from ...engine.linter import Linter
from ...engine.results import FileResult
from ...model import Plan
from .model import CategoryBar

GOOD_BANDS = ("tool", "developing")
LIFT = 0.05  # points; below this a suppression did not lift the category


def floor_of(band: str) -> float:
    return next(floor for floor, name in scoring.BANDS if name == band)


def category_minimums(result: FileResult) -> Mapping[str, float]:
    """The per-category minimums the configuration sets for this plan (``category-fail-under``, by quadrant too).

    Read from the result's ``thresholds`` (the verdict's model: one bar per
    configured minimum, ``name`` a category or ``score``), so the report shows
    the same bars ``check`` applies; a result without them has none.
    """
    return {bar.name: bar.minimum for bar in getattr(result, "thresholds", None) or []
            if bar.name != "score" and bar.minimum is not None}


def rag(score: float, minimum: Optional[float]) -> tuple[str, str]:
    """The colour and the words written beside it."""
    if minimum is not None and score < minimum:
        return "red", f"red, below the minimum {minimum:g}"
    if score >= max(floor_of("tool"), minimum or 0.0):
        return "green", "green"
    if score >= floor_of("developing") or (minimum is not None and score >= minimum):
        return "amber", "amber"
    return "red", "red"


def unsuppressed_scores(result: FileResult) -> dict[str, float]:
    """Each category's score were the suppressed failing items counted as failing (0-100)."""
    suppressed = Counter(f.code for f in result.findings if f.suppressed is not None)
    tallies = [scoring.RuleTally(r.code, r.category, r.weight, r.passed, r.total + suppressed.get(r.code, 0))
               for r in result.rules]
    return {name: round(ratio * 100, 1) for name, ratio in scoring.category_scores(tallies).items()}


def category_bars(result: FileResult, linter: Linter) -> list[CategoryBar]:
    """One bar per category of the loaded packs, in the packs' order, with its colour, minimum and any lift."""
    minimums = category_minimums(result)
    without = unsuppressed_scores(result)
    bars = []
    for name, category in linter.categories.items():
        score = result.categories.get(name)
        minimum = minimums.get(name)
        if score is None:
            bars.append(CategoryBar(name=name, title=category.title, minimum=minimum))
            continue
        colour, words = rag(score, minimum)
        lifted = without.get(name)
        bars.append(CategoryBar(name=name, title=category.title, score=score, band=scoring.band(score), rag=colour,
                                rag_words=words, minimum=minimum,
                                unsuppressed=lifted if lifted is not None and lifted < score - LIFT else None))
    return bars


def flags(result: FileResult, plan: Optional[Plan], bars: list[CategoryBar], day: dt.date) -> list[str]:
    """What the score hides, in words: errors under a good band, categories lifted by suppressions, an ended period."""
    found = []
    if result.parsed and result.score is not None and result.band in GOOD_BANDS:
        errors = sum(1 for f in result.failing() if f.severity == Severity.error)
        if errors:
            found.append(f"scores {result.score:.1f} ({result.band}) with {errors} error finding{'s' if errors != 1 else ''}")
    for bar in bars:
        if bar.unsuppressed is not None and bar.score is not None:
            count = sum(1 for f in result.findings if f.suppressed is not None and f.category == bar.name)
            found.append(f"{bar.title} lifted from {bar.unsuppressed:.1f} to {bar.score:.1f} by "
                         f"{count} suppression{'s' if count != 1 else ''}")
    if plan is not None and plan.period is not None and plan.period.end < day:
        found.append(f"period ended {plan.period.end.isoformat()}: the plan has expired")
    return found
