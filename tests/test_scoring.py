"""The scoring formula: rule → category → plan, with not-applicable rules dropping out."""

from __future__ import annotations

import pytest

from planlint.engine.scoring import Means, RuleTally, band, plan_score


def tally(code: str, category: str, weight: float, passed: int, total: int) -> RuleTally:
    return RuleTally(code, category, weight, passed, total)


def test_worked_example_from_the_readme() -> None:
    tallies = [
        tally("PL101", "research", 3, 1, 1),  # 100%
        tally("PL102", "research", 1, 0, 1),  # 0%   -> research = (3*1 + 1*0) / 4 = 75%
        tally("PL202", "objectives", 2, 1, 2),  # 50% -> objectives = 50%
    ]
    score, categories = plan_score(tallies, {"research": 2, "objectives": 1})
    assert categories == {"objectives": 50.0, "research": 75.0}
    assert score == pytest.approx((75 * 2 + 50 * 1) / 3, abs=0.05)
    assert score == 66.7


def test_rule_with_no_items_drops_out_instead_of_passing() -> None:
    with_empty = [tally("A", "x", 1, 0, 2), tally("B", "x", 5, 0, 0)]
    assert plan_score(with_empty, {}) == (0.0, {"x": 0.0})


def test_category_with_only_inapplicable_rules_drops_out() -> None:
    score, categories = plan_score([tally("A", "x", 1, 1, 1), tally("B", "y", 1, 0, 0)], {"x": 1, "y": 100})
    assert score == 100.0
    assert "y" not in categories


def test_no_applicable_rules_scores_zero() -> None:
    assert plan_score([], {}) == (0.0, {})


def test_partial_credit_is_the_share_of_items_passing() -> None:
    score, _ = plan_score([tally("A", "x", 1, 3, 4)], {})
    assert score == 75.0


def test_a_rule_fixed_gains_what_its_category_would_gain() -> None:
    tallies = [tally("A", "x", 1, 0, 1), tally("B", "x", 3, 0, 1), tally("C", "y", 1, 1, 1)]
    means = Means(tallies)
    now = means.score({})
    assert now == plan_score(tallies, {})[0] == 50.0
    gains = {t.code: round(means.score({}, index) - now, 1) for index, t in enumerate(tallies)}
    assert gains == {"A": 12.5, "B": 37.5, "C": 0.0}  # fixing B takes x from 0 to 75%, the plan from 50 to 87.5


@pytest.mark.parametrize(("score", "name"), [(100, "tool"), (85, "tool"), (84.9, "developing"), (60, "developing"), (59.9, "thin"), (0, "thin")])
def test_a_score_alone_never_makes_a_plan_form(score: float, name: str) -> None:
    assert band(score) == name
