"""Portfolio: quadrant placement (planlint.api.quadrants), `planlint portfolio`, and portfolios in `planlint check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint.model import Level, Money, Portfolio, RevenueFigure
from planlint.language.parser import parse_text
from planlint.api.quadrants import Thresholds, place_accounts, plan_quadrant, quadrant

from _planlint import run, run_process, write
from _rules import GOOD

ROOT = Path(__file__).resolve().parent.parent


def amount(value: float) -> RevenueFigure:
    return RevenueFigure(amount=Money(amount=value))


def level(name: str) -> RevenueFigure:
    return RevenueFigure(level=Level(name))


@pytest.mark.parametrize("current,future,letter", [
    (amount(1_500_000), amount(2_000_000), "A"),
    (amount(200_000), amount(2_000_000), "B"),
    (amount(1_500_000), amount(200_000), "C"),
    (amount(200_000), amount(200_000), "D"),
    (amount(1_000_000), amount(1_000_000), "A"),  # the threshold itself is high
    (level("high"), level("medium"), "C"),  # medium counts as low
    (RevenueFigure(amount=Money(amount=50), level=Level.high), amount(5e6), "A"),  # a level wins over an amount
    (None, level("high"), "B"),  # unknown counts as low
])
def test_quadrant(current: RevenueFigure, future: RevenueFigure, letter: str) -> None:
    assert quadrant(current, future, Thresholds()) == letter


def test_thresholds_come_from_the_portfolio() -> None:
    portfolio = Portfolio(name="P", high_current=Money(amount=5e6))
    assert Thresholds.of(portfolio) == Thresholds(high_current=5e6, high_future=1e6)
    assert quadrant(amount(2e6), amount(2e6), Thresholds.of(portfolio)) == "B"


def test_a_plan_places_itself_only_when_it_states_both_figures() -> None:
    plan = parse_text(GOOD).document
    assert plan_quadrant(plan) == "A"  # type: ignore[arg-type]
    assert plan_quadrant(parse_text('plan "X" {\n  revenue current $2M\n}\n').document) is None  # type: ignore[arg-type]


PORTFOLIO = """\
portfolio "Territory" {
  high_current $1M
  high_future $1M
  account "Umbrella" { current $1.5M future high plan "plans/umbrella.plan" }
  account "Thin Co" { current high future $2M plan "plans/thin.plan" }
  account "Ghost" { current $3M future $3M plan "plans/ghost.plan" }
  account "Unplanned" { current high future high }
  account "Small" { current $10k future low }
  account "Growth" { current $100k future $5M }
}
"""

THIN = 'plan "Thin Co" {\n  owner "Bob Smith"\n  research {\n    customer {\n      goal "TBD"\n    }\n  }\n}\n'


def test_place_accounts_judges_only_a_accounts() -> None:
    portfolio = parse_text(PORTFOLIO).document
    placements = place_accounts(portfolio, {"Umbrella": 95.0, "Thin Co": 20.0}, min_score=70)  # type: ignore[arg-type]
    assert [(p.account, p.quadrant, p.needs_attention) for p in placements] == [
        ("Umbrella", "A", False), ("Thin Co", "A", True), ("Ghost", "A", True), ("Unplanned", "A", True),
        ("Small", "D", False), ("Growth", "B", False)]
    assert placements[1].problem == "A-quadrant account's plan 'plans/thin.plan' scores 20.0, below the minimum 70"


@pytest.fixture()
def territory(tmp_path: Path) -> Path:
    write(tmp_path, "portfolio.plan", PORTFOLIO)
    write(tmp_path, "plans/umbrella.plan", GOOD)
    write(tmp_path, "plans/thin.plan", THIN)
    return tmp_path


def test_portfolio_command_prints_the_two_by_two_and_fails_on_weak_a_accounts(territory: Path) -> None:
    result = run("portfolio", "portfolio.plan", "--as-of", "2027-03-01", cwd=territory)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "Territory (portfolio.plan)"
    b_row = next(line for line in lines if line.startswith("B  "))
    assert b_row.index("A  high current, high future") > 0  # B and A share the top row, A on the right
    top = next(line for line in lines if "Umbrella" in line)
    assert top.index("Growth ($100k / $5M): no plan") < top.index("Umbrella ($1.5M / high): plan 100.0 (tool)")
    assert any("! Thin Co (high / $2M): plan " in line for line in lines)
    assert any("! Ghost ($3M / $3M): plan missing or unreadable" in line for line in lines)
    assert any("Small ($10k / low): no plan" in line for line in lines)
    findings = [line for line in lines if " PL601 " in line]
    assert [line.split(": ", 2)[0] + ": " + line.split(": ", 2)[1] for line in findings] == [
        "portfolio.plan:5:3: error   PL601 a-quadrant-plan", "portfolio.plan:6:3: error   PL601 a-quadrant-plan",
        "portfolio.plan:7:3: error   PL601 a-quadrant-plan"]
    assert "A-quadrant account 'Ghost': plan file 'plans/ghost.plan' not found" in result.out
    assert "A-quadrant account 'Unplanned' has no plan" in result.out
    assert lines[-1] == "6 accounts, 4 in quadrant A, 3 findings"


def test_min_score_is_configurable(territory: Path) -> None:
    write(territory, "portfolio.plan", PORTFOLIO.replace('  account "Ghost"', '  # account "Ghost"')
          .replace('  account "Unplanned"', '  # account "Unplanned"'))
    strict = run("portfolio", "portfolio.plan", "--as-of", "2027-03-01", "--format", "json", cwd=territory)
    lenient = run("portfolio", "portfolio.plan", "--as-of", "2027-03-01", "--min-score", "0", cwd=territory)
    assert strict.code == 1 and lenient.code == 0
    data = json.loads(strict.out)
    thin = next(a for a in data["accounts"] if a["account"] == "Thin Co")
    assert thin["needs_attention"] and thin["plan_score"] < 70
    assert [f["code"] for f in data["findings"]] == ["PL601"]


def test_check_reports_the_same_portfolio_findings(territory: Path) -> None:
    result = run("check", "portfolio.plan", "--as-of", "2027-03-01", "--no-cache", cwd=territory)
    assert result.code == 1
    assert result.out.count(" PL601 a-quadrant-plan: ") == 3


def test_a_plan_linted_through_the_portfolio_is_held_to_its_portfolio_quadrant(territory: Path) -> None:
    # Thin Co's plan says nothing about revenue; the portfolio puts it in A.
    data = json.loads(run("portfolio", "portfolio.plan", "--as-of", "2027-03-01", "--format", "json", cwd=territory).out)
    assert data["plans"]["plans/thin.plan"]["quadrant"] == "A"


def test_bad_input_is_a_clear_message_not_a_traceback(territory: Path) -> None:
    missing = run("portfolio", "nope.plan", cwd=territory)
    assert (missing.code, missing.err.strip()) == (2, "planlint: error: nope.plan: no such portfolio file")
    a_plan = run("portfolio", "plans/umbrella.plan", cwd=territory)
    assert a_plan.code == 2 and "plans/umbrella.plan is a plan, not a portfolio" in a_plan.err
    write(territory, "broken.plan", 'portfolio "X" {\n  account "A" { current $1M future \n')
    broken = run("portfolio", "broken.plan", cwd=territory)
    assert broken.code == 1 and broken.out.startswith("broken.plan:") and "Traceback" not in broken.out + broken.err
    bad_bar = run_process("portfolio", "portfolio.plan", "--min-score", "120", cwd=territory)
    assert bad_bar.code == 2 and "argument --fail-under/--min-score: expected a score from 0 to 100, got 120" in bad_bar.err


def test_the_sample_portfolio(tmp_path: Path) -> None:
    result = run("portfolio", str(ROOT / "samples" / "portfolio.plan"), "--as-of", "2027-02-01", cwd=tmp_path)
    assert result.code == 1
    assert "Acme Corp ($1.2M / $3.5M): plan" in result.out and "(tool)" in result.out
    assert "A-quadrant account 'Initech' has a plan scoring" in result.out


def test_an_unreadable_a_plan_is_named_as_such(territory: Path) -> None:
    write(territory, "plans/umbrella.plan", 'plan "Umbrella" {\n  objectve revenue "x" {}\n}\n')
    result = run("portfolio", "portfolio.plan", "--as-of", "2027-03-01", cwd=territory)
    assert ("A-quadrant account 'Umbrella': 'plans/umbrella.plan' cannot be read as a plan "
            "(run `planlint check` on it to see why)") in result.out
