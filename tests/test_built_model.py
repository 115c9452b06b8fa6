"""The builder makes the plan's frozen nodes directly, without pydantic's validation (issue 19 item 1).

What the rules and the outputs see must be exactly what validating the same
data gives: the same values of the same types (an enum member, not its text;
a float, not an int), the same defaults, the same dump. These tests build
plans of every construct, then validate their dump again with pydantic and
compare the two, field by field through ``repr``, which shows each value's
type. They also check what the direct path promises besides: frozen lists,
the compact span, and that external JSON is still validated.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from _constructs import plans
from planlint.frozen import FrozenList, frozen_node
from planlint.language.parser import parse_text
from planlint.model import DEFAULT_SPAN, Objective, PlanFile, Span, Stakeholder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_plan  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.plan"))
FISCAL = """plan "Fiscal" {
  owner "Jane Doe"
  period Q1 2027 to Q4 2027
  fiscal_year_start July
  objective revenue "Win the renewal" {
    target $500k by Q3 2027
    milestone $200k by Q2 2027
    strategy "Land" {
      action "Call the CFO" owner "Jane Doe" due Q2 2027
    }
  }
}
"""


def readable(text: str) -> PlanFile:
    return parse_text(text, "<test>")


def assert_same_as_validated(planfile: PlanFile) -> None:
    again = PlanFile.model_validate(planfile.model_dump())
    assert repr(again) == repr(planfile)
    assert again.model_dump_json() == planfile.model_dump_json()


def _reads(text: str) -> bool:
    try:
        readable(text)
    except Exception:  # noqa: BLE001 - broken.plan, and generated plans with errors on purpose, do not read
        return False
    return True


READABLE_SAMPLES = [path for path in SAMPLES if _reads(path.read_text(encoding="utf-8"))]
READABLE_GENERATED = [index for index in range(60) if _reads(generate_plan(index))][:40]


def test_the_readable_plans_are_most_of_them() -> None:
    assert len(READABLE_SAMPLES) == len(SAMPLES) - 1 and len(READABLE_GENERATED) == 40


@pytest.mark.parametrize("path", READABLE_SAMPLES, ids=lambda p: p.name)
def test_each_sample_is_built_as_pydantic_would_validate_it(path: Path) -> None:
    assert_same_as_validated(readable(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("index", READABLE_GENERATED)
def test_generated_plans_are_built_as_pydantic_would_validate_them(index: int) -> None:
    assert_same_as_validated(readable(generate_plan(index)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_plans_of_every_construct_are_built_as_pydantic_would_validate_them(text: str) -> None:
    try:
        planfile = readable(text)
    except Exception:  # noqa: BLE001 - a generated plan with a value problem is not read at all
        return
    assert_same_as_validated(planfile)


def test_quarters_are_read_in_the_fiscal_year_even_inside_nodes_built_before_it_was_named() -> None:
    plan = readable(FISCAL).document
    objective = plan.objectives[0]
    assert plan.period is not None and plan.period.fiscal and plan.period.start.isoformat() == "2026-07-01"
    assert objective.target.by.date.isoformat() == "2027-03-31"
    assert objective.target.by.quarter.fiscal_start == 7
    assert objective.milestones[0].by.date.isoformat() == "2026-12-31"
    assert objective.strategies[0].actions[0].due.date.isoformat() == "2026-12-31"
    assert_same_as_validated(readable(FISCAL))


def test_built_lists_are_frozen_and_enums_are_members() -> None:
    plan = readable(FISCAL).document
    assert isinstance(plan.objectives, FrozenList) and isinstance(plan.objectives[0].strategies, FrozenList)
    with pytest.raises(TypeError):
        plan.objectives.append(plan.objectives[0])
    assert type(plan.objectives[0].category).__name__ == "ObjectiveCategory"
    assert type(plan.objectives[0].strategies[0].actions[0].status).__name__ == "ActionStatus"


def test_a_node_given_a_field_it_does_not_have_is_an_error_not_a_silent_drop() -> None:
    with pytest.raises(TypeError, match="unknown fields"):
        frozen_node(Stakeholder, {"name": "Ann", "nmae": "typo"})
    with pytest.raises(TypeError, match="missing"):
        frozen_node(Objective, {"name": "no category"})


def test_span_keeps_the_public_shape_of_the_model_it_was() -> None:
    span = Span(line=2, column=5, end_line=3)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 5, 3, 1)
    assert Span() == DEFAULT_SPAN and Span(line=2) != Span(line=3)
    assert repr(span) == "Span(line=2, column=5, end_line=3, end_column=1)"
    with pytest.raises(AttributeError):
        span.line = 9  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(line="3")  # type: ignore[arg-type] - a plugin's bad span is its own error, not a finding at line "3"
    planfile = readable('plan "X" {\n  owner "Jane Doe"\n}\n')
    dumped = planfile.model_dump()
    assert dumped["document"]["span"] == {"line": 1, "column": 1, "end_line": 3, "end_column": 2}
    assert json.loads(planfile.model_dump_json())["document"]["owner_span"] == {"line": 2, "column": 9, "end_line": 2,
                                                                                "end_column": 19}


def test_plans_from_json_are_still_validated() -> None:
    planfile = readable('plan "X" {\n  owner "Jane Doe"\n}\n')
    data = planfile.model_dump(mode="json")
    assert PlanFile.model_validate_json(json.dumps(data)) == planfile
    data["document"]["span"]["colour"] = 1
    with pytest.raises(ValueError):
        PlanFile.model_validate(data)
    data["document"]["span"] = {"line": "two"}
    with pytest.raises(ValueError):
        PlanFile.model_validate(data)


def test_reading_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    readable('plan "X" {\n  owner "Jane Doe"\n}\n')
    with pytest.raises(Exception):
        readable('plan "X" {\n  owner\n}\n')
    assert gc.isenabled()
    gc.disable()
    try:
        readable('plan "X" {\n  owner "Jane Doe"\n}\n')
        assert not gc.isenabled()
    finally:
        gc.enable()
