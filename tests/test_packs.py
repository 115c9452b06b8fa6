"""TOML rule packs: each check, selector and combinator, judged on real plan text.

Every test writes a small pack the way an author would, lints plan text with
only that pack's rule, and asserts the findings a user would see.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from planlint.engine import Linter
from planlint.packs import load_pack
from planlint.api.examples import example_text
from planlint.api.registry import Registry, load_registry
from planlint.config.settings import Settings

AS_OF = dt.date(2027, 3, 1)
ROOT = Path(__file__).resolve().parent.parent

HEADER = '[pack]\nname = "t"\n\n'


def rule_toml(check: str, items: str = "objectives", message: str = "{reason}", extra: str = "") -> str:
    return HEADER + textwrap.dedent(
        f"""\
        [[rule]]
        code = "T101"
        name = "test-rule"
        category = "objectives"
        message = "{message}"
        why = "w"
        fix = "f"
        items = "{items}"
        {extra}
        check = {check}
        passing = ["x"]
        failing = ["y"]
        """
    )


def findings(tmp_path: Path, pack: str, plan_body: str) -> tuple[list[str], int]:
    """(messages, number of items) when only the pack's rule runs on the plan."""
    path = tmp_path / "pack.toml"
    path.write_text(pack, encoding="utf-8")
    rules = load_pack(path, ["objectives", "actions", "research"]).rules
    linter = Linter(Registry(rules=list(rules)), Settings(select=["T101"]), as_of=AS_OF)
    result = linter.lint_text(example_text(plan_body), "t.plan")
    assert result.parsed, result.findings
    score = next(r for r in result.rules if r.code == "T101")
    return [f.message for f in result.failing() if f.code == "T101"], score.total


REVENUE = 'objective revenue "Win the ERP consolidation" {{ target {target} by {by} }}'


def test_at_least_money_passes_and_fails_with_the_value_in_the_message(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "target.value", at_least = "$50k" }', "revenue_objectives",
                     "objective '{name}' targets {value}; the floor is {expected}")
    body = REVENUE.format(target="$500k", by="2027-06-30") + "\n" + \
        'objective revenue "Renew support" { target $20k by 2027-06-30 }\n' + \
        'objective marketing "Roadshow" { target 3 events by 2027-06-30 }'
    messages, total = findings(tmp_path, pack, body)
    assert messages == ["objective 'Renew support' targets $20k; the floor is $50k"]
    assert total == 2  # the marketing objective is not a revenue objective: not an item


@pytest.mark.parametrize(
    "target,expected",
    [
        ("EUR 90,000", "target.value is in EUR, the threshold $50k in USD"),
        ("30%", "target.value is 30%, which cannot be compared with $50k"),
        ("$49,999", "target.value is $49,999; it must be at least $50k"),
    ],
)
def test_money_comparisons_explain_what_does_not_compare(tmp_path: Path, target: str, expected: str) -> None:
    pack = rule_toml('{ field = "target.value", at_least = "$50k" }')
    messages, _ = findings(tmp_path, pack, REVENUE.format(target=target, by="2027-06-30"))
    assert messages == [expected]


def test_missing_value_fails_a_comparison(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "target.value", at_least = "$50k" }')
    messages, _ = findings(tmp_path, pack, 'objective revenue "Win the ERP consolidation" { target by 2027-06-30 }')
    assert messages == ["target.value is missing"]


def test_dates_inside_the_period_and_not_in_the_past(tmp_path: Path) -> None:
    pack = rule_toml('{ all = [ { field = "target.by", within_period = true }, { field = "target.by", not_past = true } ] }')
    late = REVENUE.format(target="$500k", by="2028-02-01")
    past = REVENUE.format(target="$500k", by="2027-02-01").replace("Win the ERP", "Close the CRM")
    ok = REVENUE.format(target="$500k", by="Q3 2027").replace("Win the ERP", "Land the BI")
    messages, total = findings(tmp_path, pack, "\n".join([late, past, ok]))
    assert messages == [
        "target.by 2028-02-01 is outside the plan period 2027-01-01 to 2027-12-31",
        "target.by 2027-02-01 is in the past (as of 2027-03-01)",
    ]
    assert total == 3


def test_the_period_placeholder_names_the_plans_period_or_nothing(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "target.by", within_period = true }', message="'{name}' is due {value}, outside {period}")
    late = REVENUE.format(target="$500k", by="2028-02-01")
    messages, _ = findings(tmp_path, pack, late)
    assert messages == ["'Win the ERP consolidation' is due 2028-02-01, outside 2027-01-01 to 2027-12-31"]
    pack = rule_toml('{ field = "target.by", at_most = 2027-12-31 }', message="{value} is outside {period}")
    messages, _ = findings(tmp_path, pack, 'plan "Acme" {\n' + late + "\n}\n")
    assert messages == ["2028-02-01 is outside nothing"]


def test_date_thresholds_are_toml_dates(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "target.by", at_most = 2027-06-30 }')
    messages, _ = findings(tmp_path, pack, REVENUE.format(target="$1", by="2027-07-01"))
    assert messages == ["target.by is 2027-07-01; it must be at most 2027-06-30"]


def test_present_treats_placeholders_as_missing(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "owner", present = true, message = "action \'{name}\' has no owner" }', "actions")
    body = """objective revenue "Win the deal" { target $1 by 2027-06-30
      strategy "Prove it" {
        action "Call the CFO" owner "TBD" due 2027-04-01
        action "Send the proposal" owner "Raj Patel" due 2027-04-01
        action "TODO" due 2027-04-01
      } }"""
    messages, total = findings(tmp_path, pack, body)
    assert messages == ["action 'Call the CFO' has no owner"]
    assert total == 2  # the placeholder action itself is not graded (PL901 reports it)


def test_counts_patterns_and_words(tmp_path: Path) -> None:
    pack = rule_toml(
        '{ all = [ { field = "strategies", min_count = 1 }, { field = "actions", max_count = 2 }, '
        "{ field = \"name\", min_words = 3 }, { field = \"name\", not_matches = '\\b(?:grow|increase)\\b' } ] }"
    )
    body = """objective revenue "Grow the account" { target $1 by 2027-06-30
        strategy "S" { action "a" owner "Jane Doe" due 2027-04-01 } }
      objective revenue "Consolidate" { target $1 by 2027-06-30 strategy "S" { action "b" owner "Jane Doe" due 2027-04-01 } }
      objective revenue "No strategy at all here" { target $1 by 2027-06-30 }
      objective revenue "Too many actions here" { target $1 by 2027-06-30 strategy "S" {
        action "a" owner "Jane Doe" due 2027-04-01 action "b" owner "Jane Doe" due 2027-04-01
        action "c" owner "Jane Doe" due 2027-04-01 } }"""
    messages, _ = findings(tmp_path, pack, body)
    assert messages == [
        "name contains 'Grow'",
        "name 'Consolidate' has 1 word(s); write at least 3",
        "strategies has 0; at least 1 needed",
        "actions has 3; at most 2 allowed",
    ]


def test_matches_one_of_contains_and_any_matches(tmp_path: Path) -> None:
    pack = rule_toml(
        "{ any = [ { field = \"role\", one_of = [\"economic_buyer\", \"champion\"] }, "
        "{ field = \"title\", matches = '^(?:CFO|CEO|COO)$' } ] }",
        "stakeholders", "stakeholder '{name}': {reason}",
    )
    body = """stakeholder "Mary Chen" { title "CFO" role user }
      stakeholder "Tom Reyes" { title "Head of Plants" role champion }
      stakeholder "Ann Li" { title "IT manager" role user }"""
    messages, total = findings(tmp_path, pack, body)
    assert messages == ["stakeholder 'Ann Li': role is 'user', not one of economic_buyer, champion; "
                        "or title 'IT manager' does not match ^(?:CFO|CEO|COO)$"]
    assert total == 3
    plan_pack = rule_toml("{ all = [ { field = \"stakeholders.role\", contains = \"economic_buyer\" }, "
                          "{ field = \"research.customer.statements\", any_matches = 'criteria' } ] }", "plan")
    messages, _ = findings(tmp_path, plan_pack, 'stakeholder "Ann Li" { role user }\nstakeholder "Bo Wu" { role economic_buyer }\n'
                           'research { customer { fact "budget frozen" fact "Decision criteria: cost" } }')
    assert messages == []
    messages, _ = findings(tmp_path, plan_pack, 'stakeholder "Ann Li" { role user }')
    assert messages == ["stakeholders.role has user; none is economic_buyer"]


def test_refers_to_and_unique(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "people", refers_to = "stakeholder" }', extra="")
    body = """stakeholder "Mary Chen" { role economic_buyer }
      objective revenue "Win the ERP deal" { target $1 by 2027-06-30 with "mary  chen" }
      objective revenue "Land the BI deal" { target $1 by 2027-06-30 with "Nobody Known" }"""
    messages, _ = findings(tmp_path, pack, body)
    assert messages == ["people 'Nobody Known' is not a stakeholder in this plan"]
    unique = rule_toml('{ field = "name", unique = true }', message="'{value}' is used twice")
    body = "\n".join(REVENUE.format(target="$1", by="2027-06-30") for _ in range(2)) + \
        '\nobjective marketing "Roadshow in the EU" { target 3 events by 2027-06-30 }'
    messages, total = findings(tmp_path, unique, body)
    assert messages == ["'Win the ERP consolidation' is used twice"] * 2 and total == 3


def test_when_limits_a_rule_to_a_quadrant_and_not_inverts(tmp_path: Path) -> None:
    pack = rule_toml('{ not = { field = "metric", present = false } }', message="'{name}' has no metric",
                     extra='when = { field = "quadrant", equals = "A" }')
    body = 'objective revenue "Win the ERP deal" { target $1 by 2027-06-30 }'
    assert findings(tmp_path, pack, 'revenue current $2M high, future $5M high\n' + body) == (["'Win the ERP deal' has no metric"], 1)
    assert findings(tmp_path, pack, 'revenue current $2M low, future $5M high\n' + body) == ([], 0)  # B: not applicable
    assert findings(tmp_path, pack, body) == ([], 0)  # quadrant unknown: not applicable


def test_where_filters_items(tmp_path: Path) -> None:
    pack = rule_toml('{ field = "due", not_past = true }', "actions", "'{name}' overdue",
                     extra='where = { not = { field = "status", one_of = ["done", "cancelled"] } }')
    body = """objective revenue "Win the deal" { target $1 by 2027-06-30 strategy "S" {
        action "Old and done" owner "Jane Doe" due 2027-01-02 done
        action "Old and open" owner "Jane Doe" due 2027-01-02 } }"""
    assert findings(tmp_path, pack, body) == (["'Old and open' overdue"], 1)


def test_finding_points_at_the_field_or_the_item(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(rule_toml('{ field = "target.value", at_least = "$50k" }'), encoding="utf-8")
    registry = Registry(rules=list(load_pack(path, ["objectives"]).rules))
    text = example_text('objective revenue "Renew support" {\n  target $20k by 2027-06-30\n}')
    finding = Linter(registry, as_of=AS_OF).lint_text(text, "t.plan").findings[0]
    assert (finding.line, finding.column) == (6, 12)  # the $20k itself
    path.write_text(rule_toml('{ field = "target.value", at_least = "$50k", at = "item" }'), encoding="utf-8")
    registry = Registry(rules=list(load_pack(path, ["objectives"]).rules))
    finding = Linter(registry, as_of=AS_OF).lint_text(text, "t.plan").findings[0]
    assert (finding.line, finding.column) == (5, 3)  # the objective


def test_the_example_pack_works_with_check(tmp_path: Path) -> None:
    registry = load_registry(pack_paths=[str(ROOT / "rules" / "examples" / "acme.toml")])
    assert registry.problems == []
    codes = {rule.info.code for rule in registry.rules}
    assert {"ACME101", "ACME107", "PL101"} <= codes
    assert registry.categories["playbook"].title == "Acme playbook"
    result = Linter(registry, Settings(select=["ACME"]), as_of=AS_OF).lint_path(ROOT / "samples" / "acme.plan")
    assert sorted({f.code for f in result.findings}) == ["ACME103", "ACME106"]


def test_builtin_toml_rules_are_part_of_the_builtin_pack() -> None:
    registry = load_registry()
    toml_codes = {code for code, rule in registry.by_code().items() if type(rule).__name__ == "TomlRule"}
    assert toml_codes == {"PL101", "PL103", "PL151", "PL154", "PL201", "PL205", "PL302", "PL303", "PL305", "PL306", "PL307",
                          "PL401", "PL403", "PL404"}
    assert all(registry.by_code()[code].info.pack == "builtin" for code in toml_codes)


def test_the_reference_documents_every_check_selector_and_placeholder() -> None:
    from planlint.api.packs.checkspec import COMBINATORS, OPERATORS
    from planlint.api.packs.selectors import SELECTORS
    from planlint.api.packs.templates import PLACEHOLDERS

    doc = (ROOT / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    missing = [name for name in [*OPERATORS, *COMBINATORS, *SELECTORS] if f"`{name}`" not in doc]
    missing += [name for name in PLACEHOLDERS if f"`{{{name}}}`" not in doc]
    assert missing == []


def test_pack_selectors_and_the_built_in_rules_agree_on_what_a_real_objective_is(tmp_path: Path) -> None:
    """An objective whose metric is a placeholder is a template's sample row, for a pack as for PL201 (planlint.api.real)."""
    pack = rule_toml('{ field = "target", present = true }', message="'{name}' has no target")
    body = ('objective revenue "Win the ERP consolidation" { metric "TBD" }\n'
            'objective revenue "Land the BI deal" { metric "Signed order value" }')
    assert findings(tmp_path, pack, body) == (["'Land the BI deal' has no target"], 1)
