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
from typing import Callable, Mapping, Optional, Sequence

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


class Means:
    """The category means of some tallies, and the plan score with any one of them passing all its items.

    Fixing one rule changes only its own category's mean, so a what-if costs
    that category's sum and the mean over the categories, not the whole plan
    again. The pairs are the ones :func:`category_scores` and :func:`plan_score`
    sum, in the same order, so every figure is the same float they give.
    ``keep`` picks the tallies that count (an axis's categories); a tally is
    named by its index in ``tallies``.
    """

    def __init__(self, tallies: Sequence[RuleTally], keep: Callable[[RuleTally], bool] = lambda tally: True) -> None:
        self.pairs: dict[str, list[tuple[float, float]]] = {}
        self.slot: dict[int, tuple[str, int]] = {}
        for index, tally in enumerate(tallies):
            ratio = tally.ratio
            if ratio is not None and tally.weight > 0 and keep(tally):
                pairs = self.pairs.setdefault(tally.category, [])
                self.slot[index] = (tally.category, len(pairs))
                pairs.append((ratio, tally.weight))
        self.means = {name: _weighted_mean(self.pairs[name]) for name in sorted(self.pairs)}

    @property
    def applies(self) -> bool:
        """Whether any category has a score (:func:`category_scores` is not empty)."""
        return any(mean is not None for mean in self.means.values())

    def score(self, category_weights: Mapping[str, float], passing: Optional[int] = None) -> float:
        """:func:`plan_score`'s score, with tally number ``passing`` passing all its items."""
        means = self.means
        if passing in self.slot:
            name, slot = self.slot[passing]
            pairs = list(self.pairs[name])
            pairs[slot] = (1.0, pairs[slot][1])
            means = {**means, name: _weighted_mean(pairs)}
        mean = _weighted_mean([(ratio, category_weights.get(name, 1.0)) for name, ratio in means.items() if ratio is not None])
        return round(0.0 if mean is None else mean * 100, 1)
