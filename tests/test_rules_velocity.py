"""Velocity rules (PL501-PL502) and the arithmetic in planlint.velocity."""

from __future__ import annotations

import pytest

from planlint.parser import parse_text
from planlint.velocity import velocity_check

from _rules import GOOD, change, lint, messages, rule

PIPELINE = "    deals 5\n    average $300k\n    win_rate 40%\n    cycle 90 days\n"


def test_velocity_arithmetic() -> None:
    plan = parse_text(GOOD).document
    check = velocity_check(plan)  # type: ignore[arg-type]
    assert check is not None
    assert check.per_day == pytest.approx(5 * 300_000 * 0.40 / 90)  # $6,667 a day
    assert check.period_days == 365
    assert check.capacity == pytest.approx(5 * 300_000 * 0.40 / 90 * 365)  # about $2.43M
    assert check.target == 900_000  # revenue objectives only, money targets only


def test_a_target_the_pipeline_can_yield_passes() -> None:
    result = lint(GOOD, select=["PL5"])
    assert result.failing() == [] and rule(result, "PL502").total == 1


def test_a_target_beyond_one_and_a_half_times_the_yield_shows_the_arithmetic() -> None:
    text = change(PIPELINE, "    deals 1\n    average $300k\n    win_rate 40%\n    cycle 90 days\n")
    # 1 × $300k × 40% ÷ 90 days = $1,333/day; × 365 days = $486.7k; $900k is 1.8× that
    [message] = messages(lint(text, select=["PL502"]), "PL502")
    assert message.startswith("revenue targets total $900.0k but the pipeline yields about $486.7k over the 365-day plan period: ")
    assert "1 deals × $300.0k × 40% ÷ 90 days = $1.3k/day" in message
    assert message.endswith("the target is 1.8× that (more than 1.5×)")


def test_exactly_at_the_stretch_limit_passes() -> None:
    # 5 × $300k × 40% ÷ 90 × 365 = $2,433,333; 1.5× that = $3.65M
    text = change("    target $900k by 2027-09-30\n", "    target $3.65M by 2027-09-30\n")
    assert messages(lint(text, select=["PL502"]), "PL502") == []
    text = change("    target $900k by 2027-09-30\n", "    target $3.7M by 2027-09-30\n")
    assert len(messages(lint(text, select=["PL502"]), "PL502")) == 1


def test_an_incomplete_pipeline_is_flagged_and_not_compared() -> None:
    text = change(PIPELINE, "    deals 5\n    average $300k\n")
    result = lint(text, select=["PL5"])
    assert messages(result, "PL501") == ["the pipeline has no win_rate, cycle"]
    assert rule(result, "PL502").total == 0  # not applicable: drops out of the score


def test_without_a_pipeline_velocity_drops_out_of_the_score() -> None:
    text = change("  pipeline {\n" + PIPELINE + "  }\n", "")
    result = lint(text)
    assert "velocity" not in result.categories and result.score == 100.0
