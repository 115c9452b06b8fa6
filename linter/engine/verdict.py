"""The verdict on one plan: completeness, substance, the pillars, the score and the band.

A weighted mean of forty rules ranks plans well but averages away what
matters most: a plan with no competitor research lost one rule in one
category and still scored 97.5. So the verdict is built in three steps
(``docs/scoring.md`` works an example through):

1. **completeness** (0-100): the weighted mean of the categories that say
   how much of the method the plan covers (every category whose axis is
   ``completeness``: research, people, focus, objectives, actions, cadence,
   velocity), from :mod:`.scoring`;
2. **substance** (0-100): how much of what is written is real: 100 minus
   the share of the plan's texts that read as form (placeholders, template
   prompts, boilerplate, pasted or one-word text), the ``form_ratio``
   metric; without that metric, the mean of the ``substance`` categories;
3. **score** = completeness × (½ + ½ × substance/100) ÷ (1 + ¼ × failed
   pillars), one decimal. Text that is all form halves what the plan
   covers (a form cannot earn its score with paperwork). The first failed
   pillar (:mod:`.essentials`) takes a fifth, so it puts even a perfect
   plan at 80, below the tool floor; each further one lowers the score
   again, by less in proportion (two leave two thirds, six leave 40%), so
   that among plans that are not tools the score still tells how much of
   the method each covers.

The band says what kind of plan it is: **form** when less than half of its
text is real (whatever else it covers); otherwise **tool** from 85 (which
no plan with a failed pillar reaches), **developing** from 60, **thin**
below. An honest plan that is merely incomplete is therefore never "form",
and the score, the band and ``--fail-under`` always agree.

``SCORING_VERSION`` names this model: a cached result or a baseline score
written under another version is never compared with the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

from . import scoring
from .essentials import PillarVerdict

SCORING_VERSION = "2"
FORM_RATIO = "form_ratio"  # the metric a pack reports for the substance axis: share of the text (in words) that reads as form
FORM_TEXTS = "form_texts"  # how many texts the plan has (lets a fix's gain on substance be worked out)
FORM_COUNT = "form_count"  # how many of them read as form
PILLAR_COST = 0.25  # the score is divided by 1 + this for each failed pillar: the first leaves 80%
SUBSTANCE_FLOOR = 0.5  # what a plan whose text is all form keeps of its completeness
FORM_BELOW = 50.0  # substance under this: the plan reads as paperwork, band "form"
TOOL, DEVELOPING, THIN, FORM = "tool", "developing", "thin", "form"


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
    if not scoring.category_scores(covered):
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


def combine(covered: Optional[float], real: Optional[float], failed_pillars: int) -> float:
    """The 0-100 score from the two axes and the number of failed pillars (see the module docstring)."""
    if covered is None:
        return 0.0
    kept = 1.0 if real is None else SUBSTANCE_FLOOR + (1 - SUBSTANCE_FLOOR) * real / 100
    return round(covered * kept / (1 + PILLAR_COST * failed_pillars), 1)


def band_of(score: float, real: Optional[float]) -> str:
    """Form when most of the text is form; else tool, developing or thin by the score's floors."""
    if real is not None and real < FORM_BELOW:
        return FORM
    return scoring.band(score)


def judge(tallies: Sequence[scoring.RuleTally], category_weights: Mapping[str, float], axes: Mapping[str, str],
          metrics: Mapping[str, float], pillars: Sequence[PillarVerdict]) -> Verdict:
    """The plan's score and band, with its two axes."""
    covered = completeness(tallies, category_weights, axes)
    real = substance(metrics, tallies, category_weights, axes)
    score = combine(covered, real, sum(1 for pillar in pillars if pillar.state == "failed"))
    return Verdict(score=score, band=band_of(score, real), completeness=covered, substance=real)


def fix_gains(tallies: Sequence[scoring.RuleTally], category_weights: Mapping[str, float], axes: Mapping[str, str],
              metrics: Mapping[str, float], failed_if_fixed: Callable[[str], int], current: float) -> list[tuple[str, float]]:
    """For each failing rule, the points the plan's score would gain if all its items passed.

    Worked out with the real model, so a fix that saves a pillar shows the
    pillar's worth: completeness with the rule passing, substance with its
    form texts made real (a plan-level form judgement, once fixed, means all
    of them), and the pillars judged again (``failed_if_fixed(code)``).
    Sorted by gain (largest first), then by code. Each what-if recomputes
    only the fixed rule's category (:class:`~planlint.engine.scoring.Means`):
    the same figures as :func:`completeness` and :func:`substance` on the
    fixed tallies, without working out the whole plan once per failing rule.
    """
    covered = scoring.Means(tallies, lambda tally: axes.get(tally.category, "completeness") == "completeness")
    judged = scoring.Means(tallies, lambda tally: axes.get(tally.category) == "substance")
    covered_now = covered.score(category_weights) if covered.applies else None  # completeness(tallies, ...)
    real_now = substance(metrics, tallies, category_weights, axes)
    gains: list[tuple[str, float]] = []
    for index, tally in enumerate(tallies):
        if tally.total == 0 or tally.passed == tally.total:
            continue
        real, covered_fixed = real_now, covered_now
        if axes.get(tally.category) == "substance":
            if FORM_RATIO in metrics:
                real = _substance_fixed(metrics, tally)
            else:
                real = judged.score(category_weights, index) if judged.applies else None
        elif covered_now is not None:
            covered_fixed = covered.score(category_weights, index)  # completeness with this rule passing
        gain = round(combine(covered_fixed, real, failed_if_fixed(tally.code)) - current, 1)
        if gain > 0:
            gains.append((tally.code, gain))
    gains.sort(key=lambda pair: (-pair[1], pair[0]))
    return gains


def _substance_fixed(metrics: Mapping[str, float], tally: scoring.RuleTally) -> float:
    """Substance once this form rule's failing texts are real; a one-item (plan-level) rule fixes all of them.

    The share is in words and the engine knows only how many texts each rule
    failed, so the texts fixed are taken to weigh what the plan's form texts
    weigh on average.
    """
    form = metrics.get(FORM_COUNT, metrics[FORM_RATIO] * metrics.get(FORM_TEXTS, 0))
    if tally.total == 1 or not form:
        return 100.0
    fixed = min((tally.total - tally.passed) / form, 1.0)
    return round(100 * (1 - metrics[FORM_RATIO] * (1 - fixed)), 1)
