"""The verdict on one plan: completeness, substance, the pillars, the score and the band.

:mod:`.scoring` computes the weighted means; :mod:`.essentials`
judges the pillars; this module puts them together into what a manager reads.

* **completeness** (0-100): the weighted mean of the categories that measure
  what of the method the plan covers (every category whose axis is
  ``completeness``), so placeholders do not count for or against it twice;
* **substance** (0-100): how much of what is written is real: 100 minus the
  share of the plan's text that reads as form (the ``form_ratio`` metric),
  or, when no rule reports that metric, the mean of the ``substance``
  categories.

``SCORING_VERSION`` names the model: a cached result or a baseline score
written under another version is never compared with the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from . import scoring
from .essentials import PillarVerdict

SCORING_VERSION = "2"
FORM_RATIO = "form_ratio"  # the metric a pack reports for the substance axis


@dataclass(frozen=True)
class Verdict:
    score: float
    band: str
    completeness: Optional[float]
    substance: Optional[float]


def completeness(tallies: Sequence[scoring.RuleTally], category_weights: Mapping[str, float],
                 axes: Mapping[str, str]) -> Optional[float]:
    """The weighted mean of the completeness categories, 0-100 with one decimal (None when none applies)."""
    covered = [tally for tally in tallies if axes.get(tally.category, "completeness") == "completeness"]
    categories = scoring.category_scores(covered)
    if not categories:
        return None
    score, _ = scoring.plan_score(covered, category_weights)
    return score


def substance(metrics: Mapping[str, float], tallies: Sequence[scoring.RuleTally],
              category_weights: Mapping[str, float], axes: Mapping[str, str]) -> Optional[float]:
    """100 minus the share of text that reads as form; else the substance categories' mean."""
    ratio = metrics.get(FORM_RATIO)
    if ratio is not None:
        return round(100 * (1 - min(max(ratio, 0.0), 1.0)), 1)
    judged = [tally for tally in tallies if axes.get(tally.category) == "substance"]
    if not scoring.category_scores(judged):
        return None
    score, _ = scoring.plan_score(judged, category_weights)
    return score


def judge(tallies: Sequence[scoring.RuleTally], category_weights: Mapping[str, float], axes: Mapping[str, str],
          metrics: Mapping[str, float], pillars: Sequence[PillarVerdict]) -> Verdict:
    """The plan's score and band, with its two axes."""
    score, _ = scoring.plan_score(tallies, category_weights)
    return Verdict(
        score=score,
        band=scoring.band(score),
        completeness=completeness(tallies, category_weights, axes),
        substance=substance(metrics, tallies, category_weights, axes),
    )
