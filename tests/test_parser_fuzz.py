"""No input may crash the parser: only PlanSyntaxError, never a traceback, however big or deep."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _constructs import plans
from _mutations import mutate

from planlint.language.diagnostics import PlanSyntaxError
from planlint.model import Plan
from planlint.language.parser import MAX_ERRORS, parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = (SAMPLES / "acme.plan").read_text(encoding="utf-8")
TOKENS = re.findall(r'"[^"\n]*"|#[^\n]*|\S+|\n', SAMPLE)
# The sample that uses every construct of the language (issue 15), mutated and mined for words like acme.plan.
FULL = (SAMPLES / "hospital-group.plan").read_text(encoding="utf-8")
FULL_TOKENS = re.findall(r'"[^"\n]*"|#[^\n]*|\S+|\n', FULL)
VOCABULARY = sorted(set(TOKENS) | set(FULL_TOKENS)) + ["{", "}", '"', "#", ",", "$", "%", "Q3", "2027-02-30", "\x00", "\t", "é"]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    try:
        parsed = parse_text(text)
    except PlanSyntaxError as error:
        assert 1 <= len(error.diagnostics) <= MAX_ERRORS
        for diagnostic in error.diagnostics:
            assert diagnostic.line >= 1 and diagnostic.column >= 1 and diagnostic.message
            diagnostic.render()
    else:
        assert parsed.document is not None


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    check(text)


@FAST
@given(st.lists(st.sampled_from(VOCABULARY), max_size=60))
def test_random_token_soup(tokens: list[str]) -> None:
    check(" ".join(tokens))


@FAST
@given(st.data())
def test_mutations_of_a_valid_plan(data: st.DataObject) -> None:
    check(mutate(data, TOKENS, VOCABULARY))


@FAST
@given(st.data())
def test_mutations_of_the_plan_that_uses_every_construct(data: st.DataObject) -> None:
    check(mutate(data, FULL_TOKENS, VOCABULARY))


@FAST
@given(plans())
def test_generated_plans_with_the_new_constructs(text: str) -> None:
    check(text)


OBJECTIVE = '''  objective revenue "Objective number {i}" {{
    metric "Signed value"
    target $500k by 2027-06-30
    strategy "Strategy {i}" {{
      action "Do the thing {i}" owner "Jane Doe" due 2027-02-15
    }}
  }}
'''


def big_plan(objectives: int) -> str:
    body = "".join(OBJECTIVE.format(i=i) for i in range(objectives))
    return 'plan "Big" {\n  period 2027-01-01 to 2027-12-31\n' + body + "}\n"


def test_a_plan_with_ten_thousand_objectives_parses_without_recursion_error() -> None:
    """Deep and long input must not hit Python's recursion limit; its timing is bench/run.py's job."""
    large = big_plan(10_000)
    assert len(large) > 2_000_000
    document = parse_text(large).document
    assert isinstance(document, Plan)
    assert len(document.objectives) == 10_000
    assert document.objectives[-1].span.line == large.count("\n") - 7


def test_every_bad_value_in_a_large_file_is_reported() -> None:
    text = big_plan(5_000).replace("2027-02-15", "2027-02-30", 3)
    try:
        parse_text(text)
    except PlanSyntaxError as error:
        assert len(error.diagnostics) == 3
        assert all("2027-02-30" in d.message for d in error.diagnostics)
    else:
        raise AssertionError("three bad dates were not reported")
