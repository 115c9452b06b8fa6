"""The completeness score: rule → category → plan, each a weighted mean.

* A rule's score is the share of its items that pass.
* A category's score is the mean of its rules' scores weighted by rule weight.
* The plan's score is the mean of its categories' scores weighted by category
  weight, 0 to 100, rounded to one decimal.

A rule with no items (or whose items were all suppressed) is *not applicable*:
it drops out rather than counting as a pass, so an empty plan cannot score
well by having nothing to fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from . import bands

# The score's floors. "form" has no floor of its own: a plan is form by its substance (less than half of its
# text real), whatever it scores; see planlint.engine.verdict, which assigns a plan's band.
BANDS: tuple[tuple[float, str], ...] = tuple((band.floor, band.name) for band in bands.BANDS)


@dataclass(frozen=True)
class RuleTally:
    """Items passed and counted for one rule on one plan."""

    code: str
    category: str
    weight: float
    passed: int
    total: int

    @property
    def ratio(self) -> Optional[float]:
        return None if self.total == 0 else self.passed / self.total


def band(score: float) -> str:
    """The band a score alone falls in: tool, developing or thin (a plan's "form" comes from its substance)."""
    for floor, name in BANDS:
        if score >= floor:
            return name
    return BANDS[-1][1]


def _weighted_mean(pairs: Sequence[tuple[float, float]]) -> Optional[float]:
    total_weight = sum(weight for _, weight in pairs)
    if total_weight <= 0:
        return None
    return sum(value * weight for value, weight in pairs) / total_weight


def category_scores(tallies: Sequence[RuleTally]) -> dict[str, float]:
    """Each category's weighted mean of its applicable rules, as a 0-1 ratio."""
    by_category: dict[str, list[tuple[float, float]]] = {}
    for tally in tallies:
        ratio = tally.ratio
        if ratio is not None and tally.weight > 0:
            by_category.setdefault(tally.category, []).append((ratio, tally.weight))
    scores: dict[str, float] = {}
    for name in sorted(by_category):
        mean = _weighted_mean(by_category[name])
        if mean is not None:
            scores[name] = mean
    return scores


def plan_score(tallies: Sequence[RuleTally], category_weights: Mapping[str, float]) -> tuple[float, dict[str, float]]:
    """The plan's 0-100 score and its categories' 0-100 scores."""
    categories = category_scores(tallies)
    mean = _weighted_mean([(ratio, category_weights.get(name, 1.0)) for name, ratio in categories.items()])
    score = 0.0 if mean is None else mean * 100
    return round(score, 1), {name: round(ratio * 100, 1) for name, ratio in categories.items()}


def fix_gains(tallies: Sequence[RuleTally], category_weights: Mapping[str, float]) -> list[tuple[str, float]]:
    """For each failing rule, the points the plan would gain if all its items passed.

    Sorted by gain (largest first), then by code so the order is stable.
    Fixing one rule changes only its own category's score, so only that mean
    is recomputed (over the same pairs in the same order as :func:`plan_score`,
    hence the same floating-point result) instead of the whole plan per rule.
    """
    base, _ = plan_score(tallies, category_weights)
    by_category: dict[str, list[tuple[float, float]]] = {}
    position: dict[int, tuple[str, int]] = {}
    for index, tally in enumerate(tallies):
        ratio = tally.ratio
        if ratio is not None and tally.weight > 0:
            pairs = by_category.setdefault(tally.category, [])
            position[index] = (tally.category, len(pairs))
            pairs.append((ratio, tally.weight))
    means = {name: _weighted_mean(by_category[name]) for name in sorted(by_category)}
    gains: list[tuple[str, float]] = []
    for index, tally in enumerate(tallies):
        if tally.total == 0 or tally.passed == tally.total:
            continue
        if index in position:
            name, slot = position[index]
            pairs = list(by_category[name])
            pairs[slot] = (1.0 if tally.total else 0.0, tally.weight)
            fixed_means = dict(means)
            fixed_means[name] = _weighted_mean(pairs)
        else:
            fixed_means = means  # a rule of weight 0 counts in no category: fixing it changes nothing
        categories = {name: mean for name, mean in fixed_means.items() if mean is not None}
        mean = _weighted_mean([(ratio, category_weights.get(name, 1.0)) for name, ratio in categories.items()])
        improved = round(0.0 if mean is None else mean * 100, 1)
        gain = round(improved - base, 1)
        if gain > 0:
            gains.append((tally.code, gain))
    gains.sort(key=lambda pair: (-pair[1], pair[0]))
    return gains
