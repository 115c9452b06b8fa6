"""The fast path must build exactly what Lark's own parser builds, or step aside.

``planlint.language.fast_parser`` drives Lark's parse table with its own lexer loop.
Whatever it accepts, Lark must accept too and produce the same data, the same
comments and the same value problems; whatever Lark rejects, it must leave
to Lark (return None). These tests compare the two on the samples, on the
benchmark's generated plans and on fuzzed text.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any, Optional

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _constructs import plans
from _mutations import mutate
from lark.exceptions import UnexpectedInput

from planlint.language.parser import get_builder, get_fast_parser, get_parser, parse_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.plan"))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)
    spec.loader.exec_module(module)
    return module


def lark_result(text: str) -> Optional[tuple[Any, list[Any], list[Any]]]:
    with get_builder().session() as log:
        try:
            data = get_parser().parse(text)
        except UnexpectedInput:
            return None
    return data, log.comments, log.problems


def fast_result(text: str) -> Optional[tuple[Any, list[Any], list[Any]]]:
    with get_builder().session() as log:
        data = get_fast_parser().parse(text)
    if data is None:
        return None
    return data, log.comments, log.problems


def assert_same(text: str) -> None:
    fast = fast_result(text)
    if fast is None:
        return  # left to Lark, which is always correct
    assert fast == lark_result(text)


def test_fast_path_reads_every_readable_sample_exactly_as_lark_does() -> None:
    readable = 0
    for sample in SAMPLES:
        text = sample.read_text(encoding="utf-8")
        expected = lark_result(text)
        fast = fast_result(text)
        if expected is None:
            assert fast is None, f"{sample.name}: the fast path accepted a file Lark rejects"
        else:
            readable += 1
            assert fast == expected, sample.name
    assert readable >= 4


def test_fast_path_matches_lark_on_generated_plans() -> None:
    generate = _generator()
    accepted = 0
    for index in range(40):
        text = generate.generate_plan(index)
        expected = lark_result(text)
        fast = fast_result(text)
        if expected is None:
            assert fast is None
        else:
            accepted += fast is not None
            assert fast is None or fast == expected
    assert accepted >= 30, "the fast path should handle nearly every well-formed plan"


def test_positions_of_tokens_after_multi_line_values_match_lark() -> None:
    text = 'plan "P" {\n  period 2027-01-01 to Q4\n 2027\n  owner "Jane Doe" # who\n}\n'
    assert fast_result(text) is not None
    assert_same(text)


def test_text_lark_rejects_is_left_to_lark() -> None:
    for text in ['plan "P" { objectve revenue "X" { } }', 'plan "P" {', 'plan "P" { owner Jane }', "plan é"]:
        assert fast_result(text) is None
        assert lark_result(text) is None
    # and the full parser still gives the plain-words message
    error_text = 'plan "P" {\n  objectve revenue "X" { }\n}\n'
    try:
        parse_text(error_text)
    except Exception as error:  # noqa: BLE001 - the assertion below names what is expected
        assert "did you mean 'objective'" in str(error)
    else:
        raise AssertionError("a misspelt keyword was accepted")


SAMPLE = (ROOT / "samples" / "acme.plan").read_text(encoding="utf-8")
TOKENS = re.findall(r'"[^"\n]*"|#[^\n]*|\S+|\n', SAMPLE)
FULL_TOKENS = re.findall(r'"[^"\n]*"|#[^\n]*|\S+|\n', (ROOT / "samples" / "hospital-group.plan").read_text(encoding="utf-8"))
VOCABULARY = sorted(set(TOKENS) | set(FULL_TOKENS)) + ["{", "}", ",", "Q3 2027", "q1\n2028", "$ 5k", "EUR 40,000", "50 %", "deals", "3",
                                    "current", "future", "done", "open", "status", "é", "plan-x", "2027-02-30"]


@FUZZ
@given(st.data())
def test_fast_path_matches_lark_on_mutated_plans(data: st.DataObject) -> None:
    assert_same(mutate(data, TOKENS, VOCABULARY))


@FUZZ
@given(st.data())
def test_fast_path_matches_lark_on_the_plan_that_uses_every_construct(data: st.DataObject) -> None:
    assert_same(mutate(data, FULL_TOKENS, VOCABULARY))


@FUZZ
@given(plans())
def test_fast_path_matches_lark_on_generated_plans_with_the_new_constructs(text: str) -> None:
    fast = fast_result(text)
    if fast is not None:
        assert fast == lark_result(text)
    else:
        assert lark_result(text) is None, "the fast path left a plan Lark reads to Lark: it should read it itself"


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=80))
def test_fast_path_matches_lark_on_token_soup(tokens: list[str]) -> None:
    assert_same('plan "P" { ' + " ".join(tokens) + " }")


def test_each_reduction_is_named_for_its_rule_though_rules_of_one_shape_share_their_code() -> None:
    """The ~255 reductions have ~20 shapes, each compiled once at start-up; a traceback still names the rule reduced."""
    reductions = {reduction for actions in get_fast_parser().states.values() for _, reduction in actions.values()
                  if isinstance(reduction, tuple)}
    assert len(reductions) > 100
    assert all(function.__code__.co_filename == f"<reduce {name}>" for _, function, name in reductions)
    shapes = {function.__code__.co_code for _, function, _ in reductions}
    assert len(shapes) < len(reductions) / 5
