"""Baselines through the command line: only new findings fail, fixed ones are prunable, scores ratchet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _planlint import PLAN, SELECT_ACTIONS, run, run_process, write

from planlint.engine.verdict import SCORING_VERSION

NO_OWNER = '      action "Call the CFO about the budget" due 2027-02-01'
NO_DUE = '      action "Send the proposal to procurement" owner "Jane Doe"'
EXTRA = '      action "Book the reference visit" due 2027-04-01'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS)
    write(tmp_path, "plans/a.plan", PLAN)
    return tmp_path


def test_write_baseline_records_findings_and_scores_deterministically(repo: Path) -> None:
    result = run_process("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    assert result.code == 0
    assert "planlint: wrote baseline.json: 2 findings in 1 plan" in result.err
    first = (repo / "baseline.json").read_bytes()
    data = json.loads(first)
    assert data["format"] == "planlint-baseline"
    entry = data["plans"]["plans/a.plan"]
    assert [(row["code"], row["count"]) for row in entry["findings"]] == [("PL302", 1), ("PL303", 1)]
    assert entry["score"] == 50.0
    assert "line" not in json.dumps(entry)  # fingerprints never use line numbers
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    assert (repo / "baseline.json").read_bytes() == first


def test_known_findings_pass_even_after_lines_shift(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    write(repo, "plans/a.plan", "# Reviewed with the team.\n# Next review in March.\n" + PLAN)
    result = run_process("check", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 0, result.out + result.err
    assert "plans/a.plan:3:" not in result.out and "plans/a.plan:9:" not in result.out  # no finding lines
    assert "1 plan checked, 0 findings" in result.out
    assert "planlint: 2 findings already in the baseline are not shown" in result.err


def test_only_new_findings_fail(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    write(repo, "plans/a.plan", PLAN.replace(NO_DUE, NO_DUE + "\n" + EXTRA))
    result = run("check", "--format", "json", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 1
    shown = [(f["code"], f["message"]) for f in json.loads(result.out)["files"][0]["findings"]]
    # Two of three actions without an owner: the actions pillar now fails, so the score ratchet speaks too.
    assert shown == [("PL013", "score 40.0 is below the baseline's 50.0 for this plan; plans may only get better (fix the new findings, or rewrite the baseline)"),
                     ("PL302", "action 'Book the reference visit' has no owner")]


def test_a_repeated_identical_finding_beyond_the_recorded_count_is_new(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    write(repo, "plans/a.plan", PLAN.replace(NO_OWNER, NO_OWNER + "\n" + NO_OWNER))
    result = run("check", "--format", "concise", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 1
    assert result.out == ("plans/a.plan:1:1: error PL013 score-below-baseline: score 40.0 is below the baseline's 50.0 for this "
                          "plan; plans may only get better (fix the new findings, or rewrite the baseline)\n"
                          "plans/a.plan:8:7: error PL302 action-owner: action 'Call the CFO about the budget' has no owner\n")


def test_fixed_findings_are_reported_as_prunable(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    write(repo, "plans/a.plan", PLAN.replace(NO_DUE, NO_DUE + " due 2027-03-01"))
    write(repo, "plans/gone.plan", PLAN)
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    (repo / "plans/gone.plan").unlink()
    write(repo, "plans/a.plan", PLAN.replace(NO_OWNER, NO_OWNER + ' owner "Jane Doe"').replace(NO_DUE, NO_DUE + " due 2027-03-01"))
    result = run("check", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 0
    assert ("planlint: 2 baseline entries no longer occur and can be pruned (rewrite the baseline with --write-baseline):\n"
            "  plans/a.plan: PL302 action 'Call the CFO about the budget' has no owner\n"
            "  plans/gone.plan: the plan no longer exists\n") in result.err


def test_score_ratchet_fails_a_plan_that_got_worse_without_new_findings(repo: Path) -> None:
    # PL302 weighs 3, PL303 1: removing the one action that passed PL302 drops the score
    # from 50 to 20 (25, and the actions pillar fails) while every remaining finding is already in the baseline.
    write(repo, "planlint.toml", SELECT_ACTIONS + "weights = { PL302 = 3, PL303 = 1 }\n")
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    write(repo, "plans/a.plan", PLAN.replace(NO_DUE + "\n", ""))
    result = run("check", "--format", "concise", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 1
    assert result.out == ("plans/a.plan:1:1: error PL013 score-below-baseline: score 20.0 is below the baseline's 50.0 "
                          "for this plan; plans may only get better (fix the new findings, or rewrite the baseline)\n")


def test_with_a_baseline_recorded_plans_meet_their_own_score_and_new_plans_meet_fail_under(repo: Path) -> None:
    write(repo, "planlint.toml", SELECT_ACTIONS + "fail-under = 90\n")
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    assert run("check", "plans", "--baseline", "baseline.json", cwd=repo).code == 0  # 50 >= its recorded 50
    write(repo, "plans/new.plan", PLAN.replace(NO_OWNER, NO_OWNER + ' owner "Jane Doe"'))  # 75 < 90, not recorded
    result = run("check", "--format", "json", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 1
    assert [f["score"] for f in json.loads(result.out)["files"]] == [50.0, 75.0]


def test_baseline_paths_are_relative_to_the_baseline_file(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    result = run("check", ".", "--baseline", "../baseline.json", cwd=repo / "plans")
    assert result.code == 0, result.out


@pytest.mark.parametrize("content, message", [
    (None, "baseline.json: no such baseline file (create one with --write-baseline baseline.json)"),
    ("{not json", "baseline.json:1:2: not a planlint baseline"),
    ('{"format": "other"}', 'baseline.json: not a planlint baseline (expected "format": "planlint-baseline")'),
])
def test_a_bad_baseline_file_is_a_usage_error(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        write(repo, "baseline.json", content)
    result = run("check", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 2
    assert result.err.startswith("planlint: error: " + message)


def test_findings_whose_numbers_change_are_still_known(tmp_path: Path) -> None:
    """Overdue days, dates and 'same text as line N' move from run to run; the finding is the same."""
    sample = (Path(__file__).resolve().parent.parent / "samples" / "form.plan").read_text(encoding="utf-8")
    write(tmp_path, "plans/form.plan", sample)
    run("check", "plans", "--as-of", "2027-06-01", "--write-baseline", "baseline.json", cwd=tmp_path)
    write(tmp_path, "plans/form.plan", "# moved down by a line\n" + sample)
    result = run("check", "plans", "--as-of", "2027-06-02", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    shown = [(f["code"], f["message"]) for f in json.loads(result.out)["files"][0]["findings"]]
    assert shown == []
    assert result.code == 0, result.err


def test_a_file_that_cannot_be_read_is_never_hidden_by_the_baseline(repo: Path) -> None:
    write(repo, "plans/broken.plan", 'plan "Broken" {\n  objectve revenue "X" { }\n}\n')
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    assert json.loads((repo / "baseline.json").read_text())["plans"]["plans/broken.plan"]["findings"] == []
    result = run("check", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 1
    assert "plans/broken.plan:2:3: error   PL001 syntax-error: unknown keyword 'objectve'" in result.out


def test_a_baseline_from_another_scoring_model_says_in_one_line_it_must_be_rewritten(repo: Path) -> None:
    run("check", "plans", "--write-baseline", "baseline.json", cwd=repo)
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["scoring"] == SCORING_VERSION
    del data["scoring"]  # as written before the scoring model had a version
    (repo / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("check", "plans", "--baseline", "baseline.json", cwd=repo)
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == (f"planlint: error: baseline.json: written under scoring model 1, and this planlint scores with "
                                  f"model {SCORING_VERSION}, so its scores cannot be compared: rewrite it with "
                                  "`planlint check PATHS --write-baseline baseline.json`")
