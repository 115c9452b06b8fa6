"""The samples score where a seasoned account director would put them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planlint.engine import Linter, lint_file
from planlint.api.registry import load_registry
from planlint.engine.results import FileResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
AS_OF = dt.date(2027, 2, 1)


def check(name: str, as_of: dt.date = AS_OF) -> FileResult:
    return lint_file(Linter(load_registry(), as_of=as_of), SAMPLES / name, f"samples/{name}")


def test_the_complete_plan_is_a_tool() -> None:
    result = check("acme.plan")
    assert result.score >= 90 and result.band == "tool"
    assert (result.completeness, result.substance) == (100.0, 100.0)
    assert {e.state for e in result.essentials} == {"met"}
    assert result.quadrant == "A"
    assert result.metrics["form_ratio"] < 0.05


def test_the_typical_form_is_form_and_says_why() -> None:
    result = check("form.plan")
    assert result.band == "form" and result.score < 15
    assert result.substance is not None and result.substance < 50
    assert result.metrics["form_ratio"] > 0.3
    codes = {f.code for f in result.failing()}
    assert {"PL207", "PL901", "PL902", "PL903", "PL904", "PL905", "PL101"} <= codes
    assert result.fixes and result.fixes[0].gain > 0


def test_the_blank_template_scores_below_15() -> None:
    result = check("blank.plan")
    assert result.score < 15 and result.band == "form"
    assert {e.state for e in result.essentials} == {"failed"}
    assert result.metrics["form_ratio"] == 1.0


@pytest.mark.parametrize("name", ["acme.plan", "form.plan", "blank.plan"])
def test_scores_are_reproducible_with_as_of(name: str) -> None:
    assert check(name).model_dump() == check(name).model_dump()


def test_time_passing_makes_the_complete_plan_stale_not_wrong() -> None:
    later = check("acme.plan", dt.date(2027, 8, 1))
    assert later.score < check("acme.plan").score
    assert "PL402" in {f.code for f in later.failing()}


def test_the_sample_portfolio_flags_the_a_account_with_a_form_for_a_plan() -> None:
    result = check("portfolio.plan")
    assert result.kind == "portfolio"
    assert [(f.code, f.line) for f in result.failing()] == [("PL601", 14)]
    assert "Initech" in result.failing()[0].message
