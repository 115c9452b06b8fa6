"""Per-category minimums and quadrant bars (category-fail-under, [quadrant.X]): one design with --fail-under."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _planlint import run, write

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture()
def plans(tmp_path: Path) -> Path:
    for name in ("acme.plan", "form.plan", "portfolio.plan"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    return tmp_path


def config(folder: Path, text: str) -> None:
    write(folder, "planlint.toml", "as-of = 2027-02-01\n" + text)


def test_a_category_below_its_minimum_fails_the_run_and_says_so_in_text_and_json(plans: Path) -> None:
    config(plans, "category-fail-under = { people = 99 }\n")
    assert run("check", "acme.plan", cwd=plans).code == 0
    write(plans, "acme.plan", (plans / "acme.plan").read_text(encoding="utf-8").replace("    owner \"Raj Patel\"\n", "", 1)
          .replace("    owner \"Li Wei\"\n", ""))
    result = run("check", "acme.plan", cwd=plans)
    assert result.code == 1
    (entry,) = json.loads(run("check", "acme.plan", "--format", "json", cwd=plans).out)["files"]
    people = entry["categories"]["people"]
    assert people < 99 and entry["score"] >= 85  # a tool, with too little on people for this team's bar
    assert entry["thresholds"] == [{"name": "people", "minimum": 99.0, "value": people, "met": False, "setting": "category-fail-under"}]
    assert f"  below minimum: people {people:.1f} < 99 (category-fail-under)" in result.out


def test_minimums_per_file_and_per_quadrant_add_to_the_file_ones(plans: Path) -> None:
    config(plans, 'category-fail-under = { people = 10 }\n\n[[per-file]]\nfiles = ["acme.plan"]\ncategory-fail-under = { research = 99.5 }\n'
                  '\n[quadrant.A]\nfail-under = 75\ncategory-fail-under = { people = 20 }\n')
    (entry,) = json.loads(run("check", "acme.plan", "--format", "json", cwd=plans).out)["files"]
    assert [(bar["name"], bar["minimum"], bar["setting"]) for bar in entry["thresholds"]] == [
        ("score", 75.0, "quadrant.A.fail-under"), ("people", 20.0, "quadrant.A.category-fail-under"),
        ("research", 99.5, "category-fail-under")]
    assert all(bar["met"] for bar in entry["thresholds"])
    result = run("check", "form.plan", "--format", "junit", cwd=plans)
    assert result.code == 1
    assert 'name="minimum.score" value="missed: 75 (quadrant.A.fail-under)"' in result.out


def test_the_a_quadrant_bar_is_one_setting_for_check_and_portfolio(plans: Path) -> None:
    config(plans, "[quadrant.A]\nfail-under = 5\n")
    assert run("portfolio", "portfolio.plan", cwd=plans).code == 0  # the form sample's 7.5 clears a bar of 5
    assert run("portfolio", "portfolio.plan", "--fail-under", "9", cwd=plans).code == 1
    assert run("portfolio", "portfolio.plan", "--min-score", "9", cwd=plans).code == 1  # the old name still works
    config(plans, "a-quadrant-min-score = 9\n")  # the old configuration key, read as [quadrant.A] fail-under
    out = run("check", "form.plan", cwd=plans).out
    assert "  below minimum: score 7.5 < 9 (a-quadrant-min-score)" in out


def test_an_unknown_category_in_a_minimum_is_a_configuration_error(plans: Path) -> None:
    config(plans, "category-fail-under = { peple = 70 }\n")
    result = run("check", "acme.plan", cwd=plans)
    assert result.code == 2 and "unknown category 'peple' in 'category-fail-under'; did you mean 'people'?" in result.err
    config(plans, "[quadrant.E]\nfail-under = 70\n")
    assert run("check", "acme.plan", cwd=plans).code == 2
