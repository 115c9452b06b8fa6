"""TOML rule packs: the compiled checks, `exact` names, the `{team}`, `{days_late}` and `{item.FIELD}` placeholders.

A compiled check (one plain function per check, built when the pack loads)
must give exactly the verdict of the full, explaining evaluation on every
item of real plans; the other tests write a small pack as an author would and
assert what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _planlint import bench_generator  # type: ignore[import-not-found]
from test_packs import AS_OF, ROOT, findings, rule_toml  # type: ignore[import-not-found]

from planlint.api.examples import example_text
from planlint.api.packs.checks import Scope
from planlint.api.registry import Registry, load_registry
from planlint.engine import Linter
from planlint.language.parser import parse_text
from planlint.language.diagnostics import PlanSyntaxError
from planlint.model import Plan
from planlint.packs import PackError, load_pack

ACTIONS = """objective revenue "Win the deal" {{ target $1 by 2027-06-30 strategy "S" {{
  {lines}
}} }}"""

# One rule per check kind and combinator, so the equivalence test below covers every compiled function.
EVERY_KIND = [
    ("actions", '{ field = "owner", present = true }'),
    ("actions", '{ field = "owner", present = false }'),
    ("actions", '{ field = "owner", refers_to = "team", exact = true }'),
    ("actions", '{ field = "owner", refers_to = "anyone" }'),
    ("actions", '{ field = "due", not_past = true }'),
    ("actions", '{ field = "due", within_period = true }'),
    ("actions", '{ field = "due", at_most = "Q3 2027" }'),
    ("actions", '{ field = "status", one_of = ["done", "cancelled"] }'),
    ("actions", '{ field = "customer", equals = false }'),
    ("actions", '{ field = "text", unique = true }'),
    ("actions", '{ any = [ { field = "due", not_past = true }, { field = "status", one_of = ["done"] } ] }'),
    ("actions", '{ not = { field = "text", matches = "(?i)call" } }'),
    ("objectives", '{ field = "target.value", at_least = "$50k" }'),
    ("objectives", '{ field = "target.by", less_than = 2027-07-01 }'),
    ("objectives", '{ field = "name", min_words = 4 }'),
    ("objectives", '{ field = "name", not_matches = "\\\\b(?:grow|increase)\\\\b" }'),
    ("objectives", '{ field = "supports", any_matches = "cost" }'),
    ("objectives", '{ field = "people", refers_to = "stakeholder" }'),
    ("objectives", '{ all = [ { field = "metric", present = true }, { field = "strategies.actions", min_count = 2 } ] }'),
    ("plan", '{ field = "stakeholders.role", contains = ["economic_buyer", "decision_maker"] }'),
    ("plan", '{ field = "research.customer.statements", min_count = 3, count = "substantive" }'),
    ("plan", '{ field = "stakeholders.name", max_count = 4, count = "real" }'),
    ("plan", '{ field = "quadrant", one_of = ["A", "B"] }'),
    ("stakeholders", '{ field = "influence", equals = "high" }'),
    ("stakeholders", '{ field = "key", equals = true }'),
    ("units", '{ field = "white_space", min_count = 1, count = "real" }'),
    ("statements", '{ field = "source", present = true }'),
]


def every_kind_pack() -> str:
    rules = []
    for number, (items, check) in enumerate(EVERY_KIND, start=1):
        rules.append(rule_toml(check, items).split("\n\n", 1)[1].replace("T101", f"T{100 + number}")
                     .replace("test-rule", f"kind-{number}"))
    return '[pack]\nname = "kinds"\n\n' + "\n".join(rules)


def sample_plans() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").glob("*.plan"))]
    return texts + [bench_generator().generate_plan(seed) for seed in range(40)]


def test_a_compiled_check_gives_the_verdict_of_the_full_evaluation_on_every_item(tmp_path: Path) -> None:
    """Every TOML rule in use (built-in, the example pack, one per check kind), on the samples and 40 generated plans."""
    (tmp_path / "kinds.toml").write_text(every_kind_pack(), encoding="utf-8")
    registry = load_registry(pack_paths=[str(ROOT / "rules" / "examples" / "acme.toml"), str(tmp_path / "kinds.toml")])
    assert registry.problems == []
    rules = [rule for rule in registry.rules if type(rule).__name__ == "TomlRule"]
    assert len(rules) >= 11 + 7 + len(EVERY_KIND)
    compared = failed = 0
    for text in sample_plans():
        try:
            plan = parse_text(text).document
        except PlanSyntaxError:  # one generated plan in twenty is unreadable, as are the broken samples
            continue
        if not isinstance(plan, Plan):
            continue
        for rule in rules:
            scope = Scope(plan, AS_OF, None)
            items = rule.selector.select(plan)
            scope.items = items
            for check, compiled, targets in ((rule.test, rule._test, items), (rule.where, rule._where, items),
                                             (rule.when, rule._when, [plan])):
                for item in targets if check is not None else []:
                    full, fast = check.evaluate(item, scope), compiled(item, scope)
                    assert fast.passed == full.passed, (rule.info.code, check.describe(), plan.name)
                    if not full.passed:
                        assert fast == full  # a failure is explained by the full evaluation itself
                        failed += 1
                    compared += 1
    assert compared > 5000 and failed > 500  # real plans, both verdicts seen


def test_refers_to_exact_compares_names_as_the_plan_writes_them(tmp_path: Path) -> None:
    body = ACTIONS.format(lines='action "Brief the CFO" owner "jane  doe" due 2027-04-02\n'
                                '  action "Call Initech" owner "Raj Patel" due 2027-04-02')
    assert findings(tmp_path, rule_toml('{ field = "owner", refers_to = "team" }', "actions"), body) == ([], 2)
    exact = rule_toml('{ field = "owner", refers_to = "team", exact = true }', "actions", "{reason}")
    assert findings(tmp_path, exact, body) == (["owner 'jane  doe' is not the plan owner or team in this plan"], 2)


def test_exact_belongs_to_refers_to_and_is_true_or_false(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    for check, said in (('{ field = "owner", present = true, exact = true }', "got True with 'present'"),
                        ('{ field = "owner", refers_to = "team", exact = "yes" }', "got 'yes' with 'refers_to'")):
        path.write_text(rule_toml(check, "actions"), encoding="utf-8")
        with pytest.raises(PackError) as raised:
            load_pack(path, ["objectives"])
        [problem] = raised.value.problems
        assert str(problem) == f"{path}:13: rule T101: field 'check': 'exact' goes with refers_to and is true or false, {said}"


def test_the_team_days_late_and_item_field_placeholders(tmp_path: Path) -> None:
    message = "'{name}' is still {item.status}, {days_late} day(s) late as of {as_of}; the team is {team}"
    pack = rule_toml('{ field = "due", not_past = true }', "actions", message)
    body = ACTIONS.format(lines='action "Brief the CFO" owner "Jane Doe" due 2027-02-15 in_progress\n'
                                '  action "Call Initech" owner "Raj Patel" due 2027-04-02')
    assert findings(tmp_path, pack, body) == (
        ["'Brief the CFO' is still in progress, 14 day(s) late as of 2027-03-01; the team is Jane Doe, Raj Patel"], 2)
    alone = 'plan "Acme" {\n' + ACTIONS.format(lines='action "Brief the CFO" due 2027-02-15') + "\n}\n"
    pack = rule_toml('{ field = "due", not_past = true }', "actions", "{item.owner} of {team}: {days_late}")
    assert findings(tmp_path, pack, alone) == (["nothing of nobody: add `owner` and `team` to the plan: 14"], 1)
    pack = rule_toml('{ field = "owner", present = true }', "actions", "late {days_late}")
    assert findings(tmp_path, pack, alone) == (["late nothing"], 1)  # the check found no date


def test_an_item_field_placeholder_is_checked_against_the_items(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(rule_toml('{ field = "due", not_past = true }', "actions", "still {item.stauts}"), encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_pack(path, ["objectives"])
    [problem] = raised.value.problems
    assert str(problem) == (f"{path}:8: rule T101: field 'message': placeholder '{{item.stauts}}': "
                            "unknown field 'stauts' on action — did you mean 'status'?")


def test_a_finding_on_a_name_points_at_where_the_name_is_written(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(rule_toml('{ field = "owner", refers_to = "team", exact = true }', "actions"), encoding="utf-8")
    registry = Registry(rules=list(load_pack(path, ["objectives"]).rules))
    text = example_text(ACTIONS.format(lines='action "Brief the CFO" owner "Bob Smith" due 2027-04-02'))
    [finding] = Linter(registry, as_of=AS_OF).lint_text(text, "t.plan").findings
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1:].startswith('"Bob Smith"'), (line, finding.column)


def test_the_moved_built_in_rules_keep_their_messages(tmp_path: Path) -> None:
    """PL305 and PL307, now TOML, say what the Python rules said (the golden corpus holds the rest)."""
    registry = load_registry()
    rules = {code: registry.by_code()[code] for code in ("PL305", "PL307")}
    assert all(type(rule).__name__ == "TomlRule" for rule in rules.values())
    body = ACTIONS.format(lines='action "Brief the CFO" owner "Bob Smith" due 2027-02-15 in_progress\n'
                                '  action "Ask the customer" owner "jane doe" due 2027-02-15 blocked')
    result = Linter(Registry(rules=list(rules.values())), as_of=AS_OF).lint_text(example_text(body), "t.plan")
    assert sorted(f.message for f in result.findings) == [
        "'Bob Smith', owner of 'Brief the CFO', is not on the plan's team (Jane Doe, Raj Patel)",
        "'jane doe', owner of 'Ask the customer', is not on the plan's team (Jane Doe, Raj Patel)",
        "action 'Ask the customer' was due 2027-02-15 and is still blocked (14 day(s) late as of 2027-03-01)",
        "action 'Brief the CFO' was due 2027-02-15 and is still in progress (14 day(s) late as of 2027-03-01)",
    ]


def test_the_published_pack_schema_describes_every_check_kind_and_option() -> None:
    import json

    import jsonschema

    from planlint.api.packs.checkspec import COMBINATORS, OPERATORS, OPTIONS

    schema = json.loads((ROOT / "docs" / "rule-pack.schema.json").read_text(encoding="utf-8"))
    described = schema["$defs"]["Check"]["properties"]
    assert set(described) == {*OPERATORS, *COMBINATORS, *OPTIONS}
    assert all(entry.get("description") for entry in described.values())
    validator = jsonschema.Draft202012Validator(schema)
    rule = {"code": "ACME1", "name": "owner-on-team", "category": "actions", "message": "m", "why": "w", "fix": "f",
            "items": "actions", "passing": ["x"], "failing": ["y"],
            "check": {"all": [{"field": "owner", "present": True}, {"field": "owner", "refers_to": "team", "exact": True}]}}
    assert list(validator.iter_errors({"pack": {"name": "acme"}, "rule": [rule]})) == []
    rule["check"] = {"not": {"field": "due", "not_pass": True}}
    [error] = validator.iter_errors({"pack": {"name": "acme"}, "rule": [rule]})
    assert "'not_pass' was unexpected" in error.message


def test_every_documented_placeholder_is_filled() -> None:
    from planlint.api.packs.templates import PLACEHOLDERS
    from planlint.api.packs.toml_rule import VALUES

    assert set(VALUES) == set(PLACEHOLDERS)
