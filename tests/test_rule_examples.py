"""Every built-in rule's examples, run through the real parser and engine.

Each rule carries its passing and failing examples as data (RuleInfo.passing
and .failing); `planlint explain` shows them, and this suite proves them: a
failing example must make that rule report at least one finding, a passing
example none. Each example runs with only its own rule selected.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planlint.engine import lint_text
from planlint.engine.examples import example_linter
from planlint.api.registry import load_registry
from planlint.rule import Rule

REGISTRY = load_registry()
BUILTIN = [rule for rule in REGISTRY.rules if rule.info.pack == "builtin"]
AS_OF = dt.date(2027, 3, 1)


def findings_of(rule: Rule, text: str) -> list[str]:
    linter = example_linter(REGISTRY, rule.info, AS_OF)  # with the rule's own CRM rows, as test-rules runs it
    result = lint_text(linter, text, "example.plan")
    assert result.parsed, f"{rule.info.code} example does not parse: {[f.message for f in result.findings]}"
    return [f.message for f in result.failing() if f.code == rule.info.code]


def test_the_builtin_pack_loads_cleanly() -> None:
    assert REGISTRY.problems == []
    assert len(BUILTIN) >= 30


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.info.code)
def test_every_rule_has_examples_and_full_metadata(rule: Rule) -> None:
    info = rule.info
    assert info.passing and info.failing, f"{info.code} needs a passing and a failing example"
    assert info.methodology and all(1 <= point <= 11 for point in info.methodology)
    assert info.why and info.fix and info.message and info.name and info.weight > 0


EXAMPLES = [
    (rule, kind, index, text)
    for rule in BUILTIN
    for kind, texts in (("failing", rule.info.failing), ("passing", rule.info.passing))
    for index, text in enumerate(texts)
]


@pytest.mark.parametrize("rule,kind,index,text", EXAMPLES, ids=[f"{r.info.code}-{k}-{i}" for r, k, i, _ in EXAMPLES])
def test_example(rule: Rule, kind: str, index: int, text: str) -> None:
    found = findings_of(rule, text)
    if kind == "failing":
        assert found, f"{rule.info.code} failing example #{index} produced no finding"
    else:
        assert not found, f"{rule.info.code} passing example #{index} was flagged: {found}"


def test_rule_codes_follow_the_numbering_by_category() -> None:
    prefixes = {"research": "PL1", "people": "PL15", "focus": "PL17", "objectives": "PL2", "actions": "PL3",
                "cadence": "PL4", "velocity": "PL5", "portfolio": "PL6", "crm": "PL7", "form": "PL9"}
    for rule in BUILTIN:
        code, category = rule.info.code, rule.info.category
        if category == "focus" and code.startswith("PL6"):
            continue  # PL602 quadrant-inputs: a portfolio input, scored with focus
        assert code.startswith(prefixes[category]), f"{code} is in category {category}"


def test_every_methodology_point_has_a_rule() -> None:
    served = {point for rule in BUILTIN for point in rule.info.methodology}
    assert served == set(range(1, 12))
