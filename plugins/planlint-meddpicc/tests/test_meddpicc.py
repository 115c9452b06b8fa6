"""The MEDDPICC plugin: its hooks, its examples, and what it says about a real plan."""

from __future__ import annotations

import datetime as dt

import planlint_meddpicc
from planlint.engine import Linter, Settings, load_registry, run_examples

AS_OF = dt.date(2027, 3, 1)

PLAN = """\
plan "Acme FY2027" {
  owner "Jane Doe"
  period 2027-01-01 to 2027-12-31
  research {
    customer {
      fact "Decision criteria: migration risk, total cost, local support" source customer
      fact "Steering committee recommends, the CFO approves in May" source customer
      fact "Procurement needs three quotes" source customer
    }
    competitor "Globex" { strength "Installed in two divisions" }
  }
  stakeholder "Mary Chen" { title "CFO" role economic_buyer }
  stakeholder "Tom Reyes" { title "COO" role champion }
  objective revenue "Win the ERP consolidation" {
    target $500k by 2027-06-30
    supports "Consolidate three ERPs"
    with "Mary Chen"
  }
}
"""


def registry():
    """The plugin registered directly; its entry point (when installed) is switched off so it loads once."""
    return load_registry(disabled_plugins=["meddpicc"], extra_plugins=[planlint_meddpicc])


def lint(text: str) -> list[tuple[str, str]]:
    result = Linter(registry(), Settings(select=["MED"]), as_of=AS_OF).lint_text(text, "acme.plan")
    return [(f.code, f.message) for f in result.findings]


def test_the_plugin_provides_eight_rules_in_its_own_category() -> None:
    reg = registry()
    codes = sorted(code for code in reg.by_code() if code.startswith("MED"))
    assert codes == [f"MED10{i}" for i in range(1, 9)]
    assert reg.categories["meddpicc"].title == "MEDDPICC qualification"
    assert {reg.by_code()[code].info.pack for code in codes} == {"meddpicc"}


def test_every_rule_does_what_its_examples_say() -> None:
    rules = [rule for rule in registry().rules if rule.info.pack == "meddpicc"]
    failures = [r.describe() for r in run_examples(rules, AS_OF) if not r.ok]
    assert failures == []


def test_a_qualified_plan_passes() -> None:
    assert lint(PLAN) == []


def test_an_unqualified_objective_is_flagged_letter_by_letter() -> None:
    text = (PLAN.replace('    with "Mary Chen"\n', "").replace('    supports "Consolidate three ERPs"\n', "")
            .replace("role champion", "role influencer"))
    assert sorted(code for code, _ in lint(text)) == ["MED102", "MED106", "MED107"]
    assert ("MED102", "revenue objective 'Win the ERP consolidation' does not name the economic buyer "
            "(with \"Mary Chen\")") in lint(text)


def test_plans_without_revenue_objectives_are_not_judged() -> None:
    text = PLAN.replace("objective revenue", "objective marketing")
    assert lint(text) == []
