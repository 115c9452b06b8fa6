"""How a plan's quadrant changes what is expected of it (rules/builtin/expectations.py)."""

from __future__ import annotations

import pytest

from _rules import GOOD, change, lint, rule

THIN = """\
plan "Hooli FY2027" {
  account "Hooli"
  owner "Li Wei"
  period 2027-01-01 to 2027-12-31
  revenue current $80k, future low
  research {
    customer {
      goal "Replace the ageing print fleet in two offices" source customer
      pressure "Print costs up 20% since the supplier change" source crm
      fact "Office manager handles all purchasing under $50k" source account_team
    }
    no_competitor "Direct renewal of our own print contract, no tender"
    company {
      strength "We already service their print fleet"
      reference "Two similar office refreshes in the region in 2026"
    }
  }
  objective revenue "Renew the print contract with the fleet refresh" {
    target $60k by 2027-06-30
    supports "Replace the ageing print fleet in two offices"
    strategy "Bundle the refresh with the renewal" {
      action "Send the bundled renewal quote" owner "Li Wei" due 2027-04-01
      action "Site survey in both offices" owner "Li Wei" due 2027-03-15
    }
  }
}
"""

RELAXED_IN_D = ["PL151", "PL152", "PL153", "PL154", "PL155", "PL171", "PL172", "PL173", "PL174", "PL204", "PL401", "PL402"]


def test_a_d_plan_is_not_held_to_people_focus_cadence_or_breadth() -> None:
    result = lint(THIN)
    assert result.quadrant == "D"
    for code in RELAXED_IN_D:
        assert rule(result, code).total == 0, code  # not applicable: out of the score
    assert "people" not in result.categories
    assert result.score >= 85 and result.band == "tool"


def test_the_same_plan_in_quadrant_a_is_held_to_every_category() -> None:
    as_a = change("  revenue current $80k, future low\n", "  revenue current $1.5M, future $4M\n", THIN)
    result = lint(as_a)
    assert result.quadrant == "A"
    assert {"people", "focus", "cadence", "objectives"} <= set(result.categories)
    assert result.score < lint(THIN).score - 25 and rule(result, "PL152").total == 2


def test_an_unplaced_plan_is_held_to_everything_like_an_a_plan() -> None:
    unplaced = change("  revenue current $80k, future low\n", "", THIN)
    result = lint(unplaced)
    assert result.quadrant is None
    as_a = lint(change("  revenue current $80k, future low\n", "  revenue current high, future high\n", THIN))
    applicable = {r.code for r in result.rules if r.total}
    assert applicable == {r.code for r in as_a.rules if r.total}
    assert [f.message for f in result.failing() if f.code != "PL602"] == [f.message for f in as_a.failing()]


def test_the_portfolio_placement_overrides_the_plans_own_line() -> None:
    assert lint(THIN, options={"quadrant": "A"}).score < lint(THIN).score - 25


@pytest.mark.parametrize("line,letter,dropped", [
    ("  revenue current $200k, future $3M\n", "B", {"PL151", "PL204"}),
    ("  revenue current $1.5M, future low\n", "C", {"PL172", "PL174"}),
])
def test_b_and_c_relax_only_their_own_rules(line: str, letter: str, dropped: set[str]) -> None:
    result = lint(change("  revenue current $1.5M, future high\n", line, GOOD))
    assert result.quadrant == letter
    not_applicable = {r.code for r in result.rules if r.total == 0}
    assert dropped <= not_applicable
    assert not_applicable - dropped == {"PL601"}  # the portfolio rule never scores a plan
