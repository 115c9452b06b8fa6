"""How a plan's quadrant changes what is expected of it: ``RuleInfo.quadrants``, applied by the engine."""

from __future__ import annotations

import pytest

from pathlib import Path

from _rules import GOOD, REGISTRY, change, lint, rule
from planlint.api.quadrants import plan_quadrant
from planlint.engine import Linter, lint_file
from planlint.language.parser import parse_file, parse_text
from planlint.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent

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
    in_a = {r.code for r in lint(GOOD).rules if r.total == 0}  # PL601 (never scores a plan), the rules of constructs GOOD lacks
    assert "PL601" in in_a
    assert not_applicable - in_a == dropped


def test_d_plans_skip_every_rule_whose_quadrants_leave_d_out_and_say_why() -> None:
    result = lint(THIN)
    skipped = {entry.code: entry.reason for entry in result.not_applicable}
    for code in RELAXED_IN_D:
        assert skipped[code] == "not expected of a D-quadrant account (low current, low future: leave to marketing)"


def test_the_velocity_rules_agree_on_their_quadrants() -> None:
    """PL503 once asked about PL502's quadrants by hand; the quadrants are now data on each rule."""
    infos = {r.info.code: r.info for r in REGISTRY.rules}
    assert infos["PL501"].quadrants == infos["PL502"].quadrants == infos["PL503"].quadrants == ("A", "B", "C")


QUADRANT_PACK = """[pack]
name = "q"

[[rule]]
code = "Q101"
name = "says-its-quadrant"
category = "objectives"
message = "quadrant {value}"
why = "w"
fix = "f"
items = "plan"
check = { field = "quadrant", one_of = ["none"] }
passing = ["x"]
failing = ["y"]

[[rule]]
code = "Q102"
name = "only-in-a"
category = "objectives"
quadrants = ["A"]
message = "an A plan"
why = "w"
fix = "f"
items = "plan"
check = { field = "name", equals = "never" }
passing = ["x"]
failing = ["y"]
"""


def _toml_linter(tmp_path: Path) -> Linter:
    pack = tmp_path / "q.toml"
    pack.write_text(QUADRANT_PACK, encoding="utf-8")
    registry = REGISTRY.__class__(rules=[*REGISTRY.rules, *load_pack(pack, ["objectives"]).rules],
                                  categories=REGISTRY.categories)
    return Linter(registry)


def _toml_quadrant(result) -> str:  # type: ignore[no-untyped-def]
    return next(f.message for f in result.findings if f.code == "Q101").removeprefix("quadrant ")


def test_the_toml_quadrant_field_and_the_engine_agree_on_amounts(tmp_path: Path) -> None:
    """``revenue current $2M, future $5M`` is A for the engine and for a pack's ``quadrant`` field alike."""
    linter = _toml_linter(tmp_path)
    text = change("  revenue current $1.5M, future high\n", "  revenue current $2M, future $5M\n", GOOD)
    result = linter.lint_text(text, "t.plan")
    assert result.quadrant == "A" == _toml_quadrant(result)
    assert plan_quadrant(parse_text(text).document) == "A"


def test_the_toml_quadrant_field_and_the_engine_agree_on_every_sample_and_under_a_portfolio(tmp_path: Path) -> None:
    linter = _toml_linter(tmp_path)
    for path in sorted((ROOT / "samples").glob("*.plan")):
        result = lint_file(linter, path, path.name)
        if result.kind != "plan":
            continue
        shown = _toml_quadrant(result)
        assert shown == (result.quadrant or "nothing"), path.name
    placed = linter.lint_path(ROOT / "samples" / "form.plan", "form.plan", options={"quadrant": "B"})
    assert placed.quadrant == "B" == _toml_quadrant(placed)
    assert plan_quadrant(parse_file(ROOT / "samples" / "form.plan").document, placed="B") == "B"


def test_a_toml_rule_applies_only_in_its_quadrants(tmp_path: Path) -> None:
    linter = _toml_linter(tmp_path)
    as_a = linter.lint_text(change("  revenue current $80k, future low\n", "  revenue current $2M, future $5M\n", THIN), "a.plan")
    as_d = linter.lint_text(THIN, "d.plan")
    assert [f.code for f in as_a.failing() if f.code == "Q102"] == ["Q102"]
    assert [f.code for f in as_d.failing() if f.code == "Q102"] == []
    assert "Q102" in {entry.code for entry in as_d.not_applicable}
