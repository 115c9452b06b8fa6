"""Velocity rules (PL501-PL503) and the arithmetic in planlint.api.velocity."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.language.parser import parse_text
from planlint.api.velocity import velocity_check

from _planlint import run
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
    assert message.startswith("revenue targets in USD total $900.0k but the pipeline yields about $486.7k over the 365-day plan period: ")
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


EUR_OBJECTIVE = ('  objective business_development "Qualify fraud analytics in Claims" {\n    target 2 opportunities by 2027-06-30\n',
                 '  objective revenue "Win fraud analytics in Claims" {\n    target EUR 400,000 by 2027-06-30\n')


def test_targets_in_another_currency_are_never_added_to_the_pipelines() -> None:
    text = change(*EUR_OBJECTIVE, text=change(PIPELINE, PIPELINE.replace("deals 5", "deals 1")))
    result = lint(text, select=["PL5"])
    # $900k alone is compared ($900k + €400k would be adding euros to dollars); the euro target is set aside, said so
    [message] = messages(result, "PL502")
    assert message.startswith("revenue targets in USD total $900.0k but the pipeline yields about $486.7k")
    [finding] = [f for f in result.failing() if f.code == "PL503"]
    assert finding.severity.value == "info"
    assert (finding.line, finding.column) == (text.splitlines().index("    target EUR 400,000 by 2027-06-30") + 1, 12)
    assert finding.message == ("the target EUR 400,000 is in EUR but the pipeline is in USD: planlint does not convert "
                               "currencies, so the velocity check leaves it out")


def test_a_pipeline_in_euros_is_compared_and_shown_in_euros() -> None:
    text = change("    average $300k\n", "    average EUR 300k\n")
    only_dollars = lint(text, select=["PL5"])
    assert rule(only_dollars, "PL502").total == 0  # nothing in euros to compare: not applicable, and PL503 says why
    assert messages(only_dollars, "PL503") == [
        "the target $900k is in USD but the pipeline is in EUR: planlint does not convert currencies, "
        "so the velocity check leaves it out"]
    in_euros = change("    target $900k by 2027-09-30\n", "    target €3.7M by 2027-09-30\n", text)
    [message] = messages(lint(in_euros, select=["PL5"]), "PL502")
    assert message.startswith("revenue targets in EUR total €3.70M but the pipeline yields about €2.43M")
    assert "5 deals × €300.0k × 40% ÷ 90 days = €6.7k/day" in message and "$" not in message


def test_same_currency_targets_pass_the_currency_rule() -> None:
    result = lint(GOOD, select=["PL503"])
    assert result.failing() == [] and rule(result, "PL503").total == 1


def test_an_empty_pipeline_is_complete_and_yields_nothing() -> None:
    text = change("    deals 5\n", "    deals 0\n")
    result = lint(text, select=["PL5"])
    assert messages(result, "PL501") == []  # 0 deals is stated, not missing
    [message] = messages(result, "PL502")
    assert message.endswith("0 deals × $300.0k × 40% ÷ 90 days = $0/day; × 365 days = $0; "
                            "a pipeline that yields nothing cannot meet any target")


def test_the_cli_never_shows_euros_as_dollars(tmp_path: Path) -> None:
    text = change(*EUR_OBJECTIVE)
    (tmp_path / "vel.plan").write_text(text, encoding="utf-8")
    out = run("check", "vel.plan", "--as-of", "2027-03-01", "--no-cache", cwd=tmp_path).out
    line = text.splitlines().index("    target EUR 400,000 by 2027-06-30") + 1
    assert f"vel.plan:{line}:12: info    PL503 velocity-currency: the target EUR 400,000 is in EUR" in out
    assert "$1.30M" not in out  # $900k + €400k, the sum of two currencies
