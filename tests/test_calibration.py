"""The verdict holds against plans an account director judged blind (tests/calibration/README.md).

Each plan's verdict (band, a score range, the failed pillars, the findings
that must appear) was written by a reviewer who saw no score. The
held-out plans are read only by :func:`test_holdout_verdicts_hold`, so
``-k "not holdout"`` never opens them while the scoring is tuned.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from planlint.api.registry import load_registry
from planlint.engine import Linter
from planlint.engine.results import FileResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CALIBRATION = Path(__file__).resolve().parent / "calibration"
AS_OF = dt.date(2027, 2, 1)  # the calibration folders' planlint.toml says the same
BANDS = ("tool", "developing", "thin", "form")
PILLARS = {"customer", "competitor", "company", "objectives", "actions", "in-use"}


def verdicts(folder: Path) -> dict[str, dict[str, Any]]:
    return tomllib.loads((folder / "verdicts.toml").read_text(encoding="utf-8"))["plan"]


def judged(path: Path) -> FileResult:
    return Linter(load_registry(), as_of=AS_OF).lint_path(path, path.name)


def disagreements(stem: str, verdict: dict[str, Any], result: FileResult) -> list[str]:
    """What differs between the reviewer's verdict and planlint's, in words (empty when they agree)."""
    assert verdict["band"] in BANDS and set(verdict["failed_pillars"]) <= PILLARS, f"{stem}: a malformed verdict"
    problems = []
    low, high = verdict["score"]
    if result.band != verdict["band"]:
        problems.append(f"band {result.band}, the reviewer says {verdict['band']}")
    if not low <= (result.score or 0) <= high:
        problems.append(f"score {result.score}, the reviewer accepts {low}-{high}")
    failed = sorted(e.pillar for e in result.essentials if e.state == "failed")
    if failed != sorted(verdict["failed_pillars"]):
        problems.append(f"failed pillars {failed}, the reviewer says {sorted(verdict['failed_pillars'])}")
    found = {finding.code for finding in result.failing()}
    missing = [code for code in verdict["must_find"] if code not in found]
    if missing:
        problems.append(f"does not find {missing}")
    return [f"{stem}: {problem} ({verdict['note']})" for problem in problems]


TUNING = verdicts(CALIBRATION)


def test_the_calibration_set_covers_every_band_and_every_plan_has_a_verdict() -> None:
    plans = {path.stem for path in (CALIBRATION / "plans").glob("*.plan")}
    assert plans == set(TUNING) and len(plans) >= 12
    assert {verdict["band"] for verdict in TUNING.values()} == set(BANDS)


@pytest.mark.parametrize("stem", sorted(TUNING))
def test_the_calibration_verdict_holds(stem: str) -> None:
    result = judged(CALIBRATION / "plans" / f"{stem}.plan")
    assert disagreements(stem, TUNING[stem], result) == []


HOLDOUT = CALIBRATION / "holdout"
HELD_OUT = verdicts(HOLDOUT)
# Held-out verdicts that did not hold when checked at the end are listed here with the reason, as
# strict xfails: reported, never tuned away. (The second round's mining plan failed here on the
# objectives pillar; the general fix it pointed to, a percentage of money needs its base and a
# quality is not a metric, was made in PL202 and the plan moved to the tuning set: README.md.)
NOT_YET: dict[str, str] = {
    # Third round, checked once at the end (2026-12-02): 2 of 5 hold whole, 4 of 5 agree on the band.
    "broadcaster-holdout3": (
        "a plan cloned from another account (the old customer's name left in its goals, generic IT-services text): "
        "the reviewer says form 15-35 with customer, competitor, company and objectives failed; planlint says thin "
        "50.7 with customer and competitor failed (competitor only since PL102 learned, after this check, that "
        "'Global SIs' is a kind of competitor). Nothing reads another account's name as a sign of a copied plan, and "
        "objectives with real numbers that mean nothing for this account still count as measurable"),
    "container-shipping-holdout3": (
        "band developing, score 80.1 and no failed pillar all agree; the reviewer's must-find PL151 (no stakeholder "
        "map) is not applicable to a B-quadrant account under the method's quadrant rule, and planlint raises PL152 "
        "(no buying roles) for the same gap instead"),
    "semiconductor-holdout3": (
        "objectives that are our own KPIs (share of wallet, a health score, touchpoints, sentiment), each with a "
        "baseline, a target and a date: the reviewer fails the objectives pillar (developing, 58-78) because they "
        "serve almost nothing the customer wants and ignore the renewal and the open deals; planlint finds them "
        "measurable (tool, 95.6). PL206 (supports a customer goal) is not part of the objectives pillar, and making "
        "it one would fail tuning plans whose reviewers passed them"),
}


def test_every_held_out_plan_has_a_verdict() -> None:
    assert {path.stem for path in HOLDOUT.glob("*.plan")} == set(HELD_OUT)


@pytest.mark.parametrize("stem", [
    pytest.param(stem, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[stem])) if stem in NOT_YET else stem
    for stem in sorted(HELD_OUT)])
def test_holdout_verdicts_hold(stem: str) -> None:
    assert len(HELD_OUT) >= 10
    assert disagreements(stem, HELD_OUT[stem], judged(HOLDOUT / f"{stem}.plan")) == []
