"""The report's data: change since the last version, trend from git, attention order, portfolio placing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _report import no_parent_repository  # noqa: F401 - autouse fixture
from _report import BROKEN, FULL, PORTFOLIO, THIN, commit, make_repo, report_on

from planlint.output.report import render
from planlint.output.report.model import Report


def by_path(report: Report) -> dict[str, object]:
    return {plan.path: plan for plan in report.plans}


def test_trend_follows_the_commits_and_change_compares_with_the_version_before(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    report = report_on(list(repo.glob("*.plan")))
    acme = by_path(report)["plans/acme.plan"]
    assert [p.label for p in acme.trend] == ["2027-01-05", "2027-01-12", "2027-01-19", "now"]
    scores = [p.score for p in acme.trend]
    assert scores[0] < scores[1] < scores[2] == scores[3] == acme.score
    # no uncommitted edit: the change is what the last commit did
    assert acme.change.delta == round(scores[3] - scores[1], 1)
    # dates and commit subjects, not hashes
    assert acme.change.basis == "the edit of 2027-01-19 “Acme: people, objectives and actions”, against 2027-01-12"
    assert [p.subject for p in acme.trend][:3] == ["First drafts of Acme and Initech", "Acme: research from the discovery call",
                                                   "Acme: people, objectives and actions"]


def test_an_uncommitted_edit_is_compared_with_the_last_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "acme.plan").write_text(THIN.replace("Initech", "Acme Corp"), encoding="utf-8")
    acme = by_path(report_on(list(repo.glob("*.plan"))))["plans/acme.plan"]
    assert acme.change.basis == "uncommitted edits, against 2027-01-19"  # the last commit
    assert acme.change.delta is not None and acme.change.delta < -50
    assert any(reason.startswith("an edit lost") for reason in acme.attention)


def test_a_plan_committed_once_or_never_has_no_change(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "new.plan").write_text(FULL.replace("Acme Corp", "Newco"), encoding="utf-8")
    plans = by_path(report_on(list(repo.glob("*.plan"))))
    assert plans["plans/initech.plan"].change.delta is None
    assert plans["plans/initech.plan"].change.basis == "first version in git"
    assert plans["plans/new.plan"].change.basis == "new: not committed yet"
    assert [p.label for p in plans["plans/new.plan"].trend] == ["now"]


def test_outside_git_there_is_no_trend(tmp_path: Path) -> None:
    (tmp_path / "a.plan").write_text(FULL, encoding="utf-8")
    report = report_on([tmp_path / "a.plan"])
    assert report.plans[0].trend == []
    assert report.plans[0].change.basis == "not in a git repository"
    assert report.team_trend is None


def test_history_limit_cuts_the_trend_and_zero_reads_no_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    acme = by_path(report_on(list(repo.glob("*.plan")), history=2))["plans/acme.plan"]
    assert [p.label for p in acme.trend] == ["2027-01-12", "2027-01-19", "now"]
    none = report_on(list(repo.glob("*.plan")), history=0)
    assert none.team_trend is None and all(plan.trend == [] for plan in none.plans)
    assert none.plans[0].change.basis == "history not read (--history 0)"
    assert "not read" in none.change_rule and "previous version in git" in report_on(list(repo.glob("*.plan"))).change_rule


def test_team_trend_is_the_mean_after_each_commit_then_now(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    report = report_on(list(repo.glob("*.plan")))
    plans = by_path(report)
    acme, initech = plans["plans/acme.plan"].trend, plans["plans/initech.plan"].trend
    team = report.team_trend
    assert team is not None
    assert [p.label for p in team.points] == ["2027-01-05", "2027-01-12", "2027-01-19", "now"]
    for index in range(3):
        assert team.points[index].score == round((acme[index].score + initech[0].score) / 2, 1)
    assert team.points[-1].score == report.totals.mean_score


def test_plans_needing_attention_come_first_lowest_score_first(tmp_path: Path) -> None:
    for name, text in {"full.plan": FULL, "thin.plan": THIN, "broken.plan": BROKEN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = report_on(list(tmp_path.glob("*.plan")))
    assert [plan.path for plan in report.plans] == ["broken.plan", "thin.plan", "full.plan"]
    broken, thin, full = report.plans
    assert not broken.parsed and broken.attention[0].startswith("cannot be read")
    assert thin.attention
    # a high score does not hide an error finding: it is flagged, and the plan needs attention
    assert full.score is not None and full.score >= 85 and full.attention == full.flags == [f"scores {full.score:.1f} (tool) with 1 error finding"]
    assert report.totals.needing_attention == 3
    assert broken.score is None and broken.band == ""  # "cannot be read" is a state, not a score of 0
    assert report.totals.unreadable == 1
    assert report.totals.mean_score == round((thin.score + full.score) / 2, 1)


def test_previous_report_json_is_the_basis_of_change(tmp_path: Path) -> None:
    (tmp_path / "a.plan").write_text(THIN, encoding="utf-8")
    before = Report.model_validate_json(render(report_on([tmp_path / "a.plan"]), "json"))
    (tmp_path / "a.plan").write_text(FULL, encoding="utf-8")
    (tmp_path / "b.plan").write_text(THIN, encoding="utf-8")
    after = by_path(report_on(sorted(tmp_path.glob("*.plan")), previous=before))
    assert after["a.plan"].change.delta == round(after["a.plan"].score - before.plans[0].score, 1)
    assert after["a.plan"].change.basis == "edits since the report as of 2027-02-01"
    assert after["b.plan"].change.basis == "new since the report as of 2027-02-01"


def test_portfolio_file_places_every_account_and_links_plans(tmp_path: Path) -> None:
    for name, text in {"acme.plan": FULL, "initech.plan": THIN, "portfolio.plan": PORTFOLIO}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = report_on(list(tmp_path.glob("*.plan")))
    assert {plan.path for plan in report.plans} == {"acme.plan", "initech.plan"}  # the portfolio is not a plan
    view = report.portfolio
    assert view is not None and view.source == "portfolio.plan"
    placed = {p.account: p for p in view.placements}
    assert {name: p.quadrant for name, p in placed.items()} == {"Acme Corp": "A", "Initech": "A", "Globex Retail": "B", "Hooli": "D"}
    assert placed["Acme Corp"].plan_path == "acme.plan" and placed["Acme Corp"].note == ""
    assert placed["Initech"].score == by_path(report)["initech.plan"].score
    assert "below the minimum" in placed["Initech"].note
    assert any("A-quadrant" in reason for reason in by_path(report)["initech.plan"].attention)
    assert placed["Hooli"].band == "no plan" and placed["Hooli"].score is None
    for p in view.placements:  # each marker sits in its quadrant's half of each axis
        assert (p.x > 0.5) == (p.quadrant in "AC") and (p.y > 0.5) == (p.quadrant in "AB")
    assert [q.count for q in view.quadrants] == [2, 1, 0, 1]


def test_without_a_portfolio_plans_are_placed_by_their_own_revenue_lines(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(FULL, encoding="utf-8")
    (tmp_path / "bare.plan").write_text(FULL.replace("  revenue current $1.2M, future $3.5M\n", "").replace("Acme", "Bare"),
                                        encoding="utf-8")
    view = report_on(list(tmp_path.glob("*.plan"))).portfolio
    assert view is not None and view.source == "plans"
    assert [(p.account, p.quadrant) for p in view.placements] == [("Acme Corp", "A")]
    assert len(view.unplaced) == 1 and "Bare Corp" in view.unplaced[0]


def test_same_input_same_bytes_and_no_timestamp_unless_asked(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    paths = list(repo.glob("*.plan"))
    first, second = report_on(paths), report_on(list(reversed(paths)))
    for fmt in ("html", "markdown", "json"):
        assert render(first, fmt) == render(second, fmt)
    assert json.loads(render(first, "json"))["generated"] is None
    assert "generated" not in render(first, "html")
    stamped = first.model_copy(update={"generated": "2027-02-01 09:00 UTC"})
    assert "generated 2027-02-01 09:00 UTC" in render(stamped, "html")
    assert "generated 2027-02-01 09:00 UTC" in render(stamped, "markdown")


def test_markers_that_would_overlap_are_moved_apart(tmp_path: Path) -> None:
    accounts = "".join(f'  account "Co {i}" {{ current high future high }}\n' for i in range(5))
    (tmp_path / "p.plan").write_text(f'portfolio "Same" {{\n{accounts}}}\n', encoding="utf-8")
    (tmp_path / "a.plan").write_text(FULL, encoding="utf-8")
    view = report_on(list(tmp_path.glob("*.plan"))).portfolio
    assert view is not None
    spots = [(p.x, p.y) for p in view.placements]
    assert len(set(spots)) == 5
    assert all(x > 0.5 and y > 0.5 for x, y in spots)


def test_historical_versions_that_cannot_be_read_have_no_score_on_the_trend(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    from _report import git

    git(repo, "init", "-q")
    commit(repo, {"a.plan": BROKEN}, "2027-01-05T10:00:00")
    commit(repo, {"a.plan": FULL}, "2027-01-06T10:00:00")
    plan = report_on([repo / "a.plan"]).plans[0]
    # "Cannot be read" is not a score of 0: the broken version has no point, and no change is measured from it.
    assert [point.label for point in plan.trend] == ["2027-01-06", "now"]
    assert plan.change.delta is None
