"""What a sales manager reads in a review meeting: edits apart from decay, progress, roll-ups, the agenda, honest states.

Issue 17: each test builds the report on small plans (and, where change is
the point, a small git repository) and asserts what the page would say.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from _planlint import run
from _report import no_parent_repository  # noqa: F401 - autouse fixture
from _report import BROKEN, FULL, PORTFOLIO, THIN, commit, git, report_on

from planlint.output.report import render
from planlint.output.report.model import FINDING_ROWS, Report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def plans_of(report: Report) -> dict[str, object]:
    return {plan.path: plan for plan in report.plans}


def repo_with(tmp_path: Path) -> Path:
    repo = tmp_path / "plans"
    repo.mkdir()
    git(repo, "init", "-q")
    return repo


# --------------------------------------------------------------------------- 1. change means edits


def test_an_edit_that_changes_no_rule_outcome_shows_no_change_and_time_is_shown_apart(tmp_path: Path) -> None:
    repo = repo_with(tmp_path)
    commit(repo, {"acme.plan": FULL}, "2027-01-10T10:00:00", "Acme plan for the kickoff")
    commit(repo, {"acme.plan": "# reviewed with Raj\n" + FULL}, "2027-01-20T10:00:00", "Note who reviewed it")
    # judged six weeks later: two actions are overdue and the monthly review is stale, yet nobody edited anything that counts
    done = run("report", "plans", "--as-of", "2027-03-05", "--format", "json", cwd=tmp_path)
    late = Report.model_validate_json(done.out)
    acme = plans_of(late)["plans/acme.plan"]
    assert acme.change.delta == 0.0
    assert acme.change.basis == "the edit of 2027-01-20 “Note who reviewed it”, against 2027-01-10"
    assert all(point.score == acme.score for point in acme.trend)  # every version judged as of the same day
    assert acme.decay is not None and acme.decay.delta < 0
    assert acme.decay.basis == "since the last review (2027-01-20)"
    assert any("PL402" in reason for reason in acme.decay.reasons)  # the review is now stale
    html = render(late, "html")
    assert "no change" in html and "time: " in html


def test_change_is_the_effect_of_the_edit_judged_on_one_day(tmp_path: Path) -> None:
    repo = repo_with(tmp_path)
    commit(repo, {"acme.plan": THIN.replace("Initech", "Acme Corp")}, "2026-11-05T10:00:00", "First draft")
    commit(repo, {"acme.plan": FULL}, "2027-01-19T10:00:00", "Research, people and actions")
    report = report_on([repo / "acme.plan"])
    acme = plans_of(report)["plans/acme.plan"]
    from _report import linter_for

    draft_today = linter_for(Path("x")).lint_text(THIN.replace("Initech", "Acme Corp"), "plans/acme.plan").score
    assert acme.change.previous == draft_today  # the draft as it would score today, not on the day it was written
    assert acme.change.delta == round(acme.score - draft_today, 1)


# --------------------------------------------------------------------------- 2. new and fixed findings


def test_new_and_fixed_findings_by_fingerprint_not_by_line(tmp_path: Path) -> None:
    repo = repo_with(tmp_path)
    two_gaps = FULL.replace(' owner "Raj Patel" due 2027-03-01', "").replace(' owner "Li Wei" due 2027-03-15', ' owner "Li Wei"')
    commit(repo, {"acme.plan": two_gaps}, "2027-01-10T10:00:00", "Acme plan")
    # uncommitted: three lines added at the top (every finding moves) and one of the gaps fixed
    fixed_one = two_gaps.replace('Lyon" owner "Li Wei"\n', 'Lyon" owner "Li Wei" due 2027-03-15\n')
    assert fixed_one != two_gaps
    (repo / "acme.plan").write_text("# a\n# b\n# c\n" + fixed_one, encoding="utf-8")
    acme = plans_of(report_on([repo / "acme.plan"]))["plans/acme.plan"]
    moved = acme.finding_change
    assert moved is not None and moved.basis == "uncommitted edits, against 2027-01-10"
    assert moved.new == []  # moved lines are not new findings
    assert [f.code for f in moved.fixed] == ["PL303"]  # the action that now has a due date; the other gap is still known


def test_with_previous_report_new_and_fixed_are_since_that_report(tmp_path: Path) -> None:
    (tmp_path / "a.plan").write_text(THIN, encoding="utf-8")
    before = Report.model_validate_json(render(report_on([tmp_path / "a.plan"]), "json"))
    (tmp_path / "a.plan").write_text(THIN.replace('action "TODO: follow up"', 'action "Call the CFO" owner "Bob Smith" due 2027-03-01'),
                                     encoding="utf-8")
    after = report_on([tmp_path / "a.plan"], previous=before).plans[0]
    assert after.finding_change is not None
    fixed = {f.code for f in after.finding_change.fixed}
    assert "PL901" in fixed and "PL901" not in {f.code for f in after.finding_change.new}  # the TODO is gone
    assert after.change.delta is not None and after.change.delta > 0
    same = report_on([tmp_path / "a.plan"], previous=Report.model_validate_json(render(report_on([tmp_path / "a.plan"]), "json")))
    assert same.plans[0].change.delta == 0.0 and not same.plans[0].change.edited
    assert same.plans[0].change.basis == "same text as in the report as of 2027-02-01"


# --------------------------------------------------------------------------- 3. roll-ups


def test_roll_up_by_owner_gives_each_reps_plans_mean_and_worst(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(FULL, encoding="utf-8")
    (tmp_path / "initech.plan").write_text(THIN, encoding="utf-8")
    (tmp_path / "hooli.plan").write_text(FULL.replace("Acme Corp", "Hooli").replace('owner "Jane Doe"\n  team', 'owner "Bob Smith"\n  team', 1),
                                         encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    scores = {p.path: p.score for p in report.plans}
    bob, jane = report.owners
    assert (bob.owner, jane.owner) == ("Bob Smith", "Jane Doe")  # the lowest mean first
    assert sorted(p.path for p in bob.plans) == ["hooli.plan", "initech.plan"]
    assert bob.mean == round((scores["hooli.plan"] + scores["initech.plan"]) / 2, 1)
    assert bob.worst is not None and bob.worst.path == "initech.plan"
    assert jane.mean == scores["acme.plan"] and len(jane.plans) == 1


def test_roll_up_by_quadrant_puts_a_first_and_short_a_accounts_on_top(tmp_path: Path) -> None:
    for name, text in {"acme.plan": FULL, "initech.plan": THIN, "portfolio.plan": PORTFOLIO}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    assert [q.letter for q in report.quadrants] == ["A", "B", "C", "D"]
    a = report.quadrants[0]
    assert (a.accounts, a.with_plan) == (2, 2)
    assert report.short_a == a.short and len(a.short) == 1 and a.short[0].startswith("Initech: ")
    html = render(report, "html")
    team, plans = html.index('id="team"'), html.index('id="plans"')
    assert team < html.index("A accounts whose plan is missing or below the minimum") < html.index('class="owners"') < plans


# --------------------------------------------------------------------------- 4. the agenda


def test_agenda_asks_at_most_three_questions_each_tied_to_a_cause_and_a_person(tmp_path: Path) -> None:
    (tmp_path / "initech.plan").write_text(THIN, encoding="utf-8")
    asking = FULL.replace("  unit ", "  # no competitor research yet\n  unit ", 1)
    asking = asking.replace(FULL[FULL.index('    competitor "Globex"'):FULL.index("    company {")], "")
    (tmp_path / "acme.plan").write_text(asking, encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    initech, acme = plans_of(report)["initech.plan"], plans_of(report)["acme.plan"]
    for plan in (initech, acme):
        assert plan.attention and 1 <= len(plan.agenda) <= 3
        assert all(item.source in ("pillar", "fix", "question") and item.because for item in plan.agenda)
    assert initech.agenda[0].source == "pillar" and initech.agenda[0].ask == "Bob Smith"
    assert "Initech" in initech.agenda[0].question
    sources = [item.source for item in acme.agenda]
    assert sources[0] == "pillar" and "competitor" in acme.agenda[0].because
    question = next(item for item in acme.agenda if item.source == "question")
    assert question.question.startswith("The plan asks “Who owns the integration budget after April?”")
    assert question.ask == "Mary Chen"  # the person the plan says to ask
    md = render(report, "markdown", agenda=True)
    assert md.startswith("# Account plan review: review agenda") and "**Ask Mary Chen.**" in md


# --------------------------------------------------------------------------- 5. honest states


def test_a_file_that_cannot_be_read_is_a_state_with_its_first_error(tmp_path: Path) -> None:
    (tmp_path / "broken.plan").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "acme.plan").write_text(FULL, encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    broken = plans_of(report)["broken.plan"]
    assert broken.score is None and broken.band == "" and broken.error and broken.error.startswith("broken.plan:3:")
    assert broken.agenda == [] and broken.categories == []
    html = render(report, "html")
    section = html[html.index('id="unreadable"'):html.index("</table>", html.index('id="unreadable"'))]
    assert broken.error.split(": ", 1)[1].replace("'", "&#x27;") in section
    assert report.totals.mean_score == plans_of(report)["acme.plan"].score  # not dragged down by a 0


def test_a_plan_named_by_placeholders_shows_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "template.plan").write_text(THIN.replace("Initech FY2027", "{{account name}} FY20XX")
                                            .replace('owner "Bob Smith"', 'owner "{{account manager}}"'), encoding="utf-8")
    plan = report_on([tmp_path / "template.plan"]).plans[0]
    assert plan.name == "template.plan" and plan.written_name == "{{account name}} FY20XX"
    assert plan.owner == ""
    assert report_on([tmp_path / "template.plan"]).owners[0].owner == "no owner written"


def test_suppressions_lifting_a_category_and_an_expired_period_are_flagged(tmp_path: Path) -> None:
    lifted = THIN.replace('      action "TODO: follow up"',
                          '      # planlint: ignore[PL302] -- date agreed at the kickoff\n      action "Call the CFO"')
    (tmp_path / "lifted.plan").write_text(lifted, encoding="utf-8")
    (tmp_path / "expired.plan").write_text(FULL.replace("period 2027-01-01 to 2027-12-31", "period 2026-01-01 to 2026-12-31"),
                                           encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    lifted_plan, expired = plans_of(report)["lifted.plan"], plans_of(report)["expired.plan"]
    actions = next(bar for bar in lifted_plan.categories if bar.name == "actions")
    assert actions.unsuppressed is not None and actions.score is not None and actions.unsuppressed < actions.score
    assert any(flag.startswith(f"{actions.title} lifted from {actions.unsuppressed:.1f} to {actions.score:.1f} by 1 suppression")
               for flag in lifted_plan.flags)
    assert "period ended 2026-12-31: the plan has expired" in expired.flags
    assert "period ended 2026-12-31: the plan has expired" in expired.attention


def test_sparklines_carry_their_scale(tmp_path: Path) -> None:
    from planlint.output.report import svg
    from planlint.output.report.model import TrendPoint

    line = svg.sparkline([TrendPoint(label="2027-01-05", subject="First draft", score=20.0), TrendPoint(label="now", score=60.0)])
    assert ">100</text>" in line and ">0</text>" in line
    assert "2027-01-05 “First draft”: 20.0" in line  # the date and subject, not a hash


# --------------------------------------------------------------------------- 6. scale


def test_findings_are_collapsed_and_capped_with_the_command_for_the_rest(tmp_path: Path) -> None:
    many = THIN.replace('      action "TODO: follow up"\n', "".join(f'      action "TODO {n}"\n' for n in range(40)))
    (tmp_path / "many.plan").write_text(many, encoding="utf-8")
    report = report_on([tmp_path / "many.plan"])
    plan = report.plans[0]
    assert len(plan.findings) > FINDING_ROWS
    html = render(report, "html")
    section = html[html.index('<section class="plan"'):]
    details = section[section.index("<details>"):section.index("</details>")]
    assert details.count("<tr") == FINDING_ROWS
    assert [f.severity.value for f in plan.findings[:FINDING_ROWS]] == ["error"] * FINDING_ROWS  # errors first
    assert f"and {len(plan.findings) - FINDING_ROWS} more: run <code>planlint check many.plan</code>" in details
    fixes = section[section.index('class="fixes"'):section.index("</ol>", section.index('class="fixes"'))]
    assert fixes.count("<li>") == min(3, len(plan.fixes)) == 3 and "<details" not in fixes  # the top three fixes, open
    md = render(report, "markdown")
    assert f"and {len(plan.findings) - FINDING_ROWS} more: run `planlint check many.plan`" in md


# --------------------------------------------------------------------------- 7. red/amber/green


def test_each_category_has_red_amber_or_green_with_words_and_a_marked_minimum(tmp_path: Path) -> None:
    from planlint.output.report.flags import rag
    from planlint.output.report.html_parts import category_list
    from planlint.output.report.model import CategoryBar

    (tmp_path / "initech.plan").write_text(THIN, encoding="utf-8")
    (tmp_path / "acme.plan").write_text(FULL, encoding="utf-8")
    report = report_on(sorted(tmp_path.glob("*.plan")))
    for plan in report.plans:
        for bar in plan.categories:
            if bar.score is not None:
                assert bar.rag in ("red", "amber", "green") and bar.rag_words.startswith(bar.rag)
    html = render(report, "html")
    assert '<li class="green">' in html and '<li class="red">' in html
    assert re.search(r'<li class="green"><span>[^<]+</span><i style="--w:\d+%"></i><b>[\d.]+</b> green</li>', html)  # the word beside
    assert rag(90, None) == ("green", "green")
    assert rag(70, None) == ("amber", "amber")
    assert rag(30, None) == ("red", "red")
    assert rag(80, 85) == ("red", "red, below the minimum 85")  # a configured minimum wins over the band
    bars = category_list([CategoryBar(name="research", title="Research", score=80, band="developing", rag="red",
                                      rag_words="red, below the minimum 85", minimum=85)])
    assert '<s class="minimum" style="left:85%"></s>' in bars and "red, below the minimum 85" in bars


# --------------------------------------------------------------------------- 8. Markdown and counts


def test_markdown_escapes_template_braces_links_and_images_in_plan_and_finding_text(tmp_path: Path) -> None:
    hostile = THIN.replace("Initech FY2027", "{{ site.secret }} {% include x %} [click](https://evil.example) ![x](https://evil.example/x.png)")
    hostile = hostile.replace('account "Initech"', 'account "Initech [here](https://evil.example)"')
    (tmp_path / "a.plan").write_text(hostile, encoding="utf-8")
    (tmp_path / "b.plan").write_text(FULL.replace('owner "Jane Doe"\n  team', 'owner "{{ site.owner }}"\n  team', 1), encoding="utf-8")
    md = render(report_on(sorted(tmp_path.glob("*.plan"))), "markdown")
    for raw in ("{{", "}}", "{%", "%}", "![x]"):
        assert raw not in md
    for text in ("[click", "[here", "[x"):  # every bracket a plan wrote is escaped: no [text](url) survives
        assert not re.search(r"(?<!\\)" + re.escape(text), md)
    assert "&#123;&#123; site.secret &#125;&#125; &#123;% include x %&#125; \\[click\\](https://evil.example)" in md
    assert "Initech \\[here\\](https://evil.example)" in md
    # finding messages quote plan text: escaped by the same function
    assert "placeholder '&#123;&#123; site.owner &#125;&#125;' in" in md


@pytest.mark.skipif(not (SAMPLES / "acme.plan").exists(), reason="the samples are not in this checkout")
def test_finding_counts_equal_checks_on_the_samples(tmp_path: Path) -> None:
    check = run("check", str(SAMPLES), "--format", "json", cwd=tmp_path)
    counted = json.loads(check.out)["summary"]["findings"]
    done = run("report", str(SAMPLES), "--history", "0", "--format", "json", cwd=tmp_path)
    report = json.loads(done.out)
    assert report["totals"]["findings"] == counted
    md = run("report", str(SAMPLES), "--history", "0", "--format", "markdown", cwd=tmp_path).out
    assert f"{counted} findings (as `planlint check` counts them)" in md


@pytest.mark.skipif("thresholds" not in __import__("planlint.engine.results", fromlist=["FileResult"]).FileResult.model_fields,
                    reason="the verdict's per-category minimums (FileResult.thresholds, category-fail-under) have not landed")
def test_configured_category_minimums_are_marked_on_the_bars(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.plan").write_text(FULL, encoding="utf-8")
    (tmp_path / "plans" / "planlint.toml").write_text("[category-fail-under]\nresearch = 99.5\n", encoding="utf-8")
    done = run("report", "plans", "--as-of", "2027-02-01", "--history", "0", "--format", "json", cwd=tmp_path)
    assert done.code == 0, done.err
    research = next(bar for bar in Report.model_validate_json(done.out).plans[0].categories if bar.name == "research")
    assert research.minimum == 99.5
    if research.score is not None and research.score < 99.5:
        assert (research.rag, research.rag_words) == ("red", "red, below the minimum 99.5")
    html = run("report", "plans", "--as-of", "2027-02-01", "--history", "0", "--format", "html", cwd=tmp_path).out
    assert '<s class="minimum" style="left:99.5%"></s>' in html
