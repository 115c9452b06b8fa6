"""Inline suppressions through the command line: scope, reasons, unused and invalid ones, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _planlint import PLAN, SELECT_ACTIONS, run, run_process, write

NO_OWNER = '      action "Call the CFO about the budget" due 2027-02-01'
NO_DUE = '      action "Send the proposal to procurement" owner "Jane Doe"'
OBJECTIVE = '  objective revenue "Win the ERP deal" {'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS)
    return tmp_path


def check_json(folder: Path, text: str) -> dict:
    write(folder, "a.plan", text)
    result = run("check", "--format", "json", "a.plan", cwd=folder)
    data = json.loads(result.out)["files"][0]
    data["exit"] = result.code
    return data


def rows(data: dict) -> list[tuple[int, str, str | None]]:
    return [(f["line"], f["code"], f["suppressed"]) for f in data["findings"]]


def rule(data: dict, code: str) -> tuple[int, int, float | None]:
    found = next(r for r in data["rules"] if r["code"] == code)
    return found["passed"], found["total"], found["score"]


def test_a_trailing_suppression_makes_the_item_not_applicable_and_shows_the_reason(folder: Path) -> None:
    baseline = check_json(folder, PLAN)
    assert rule(baseline, "PL302") == (1, 2, 50.0)
    data = check_json(folder, PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignore[PL302] -- the CFO's office assigns this"))
    assert rows(data) == [(7, "PL302", "the CFO's office assigns this"), (8, "PL303", None)]
    assert rule(data, "PL302") == (1, 1, 100.0)  # dropped out: one item left, not two passes
    assert data["score"] > baseline["score"]
    assert data["exit"] == 1  # PL303 still fails


def test_a_suppression_on_its_own_line_applies_to_the_next_line(folder: Path) -> None:
    text = PLAN.replace(NO_DUE, "      # planlint: ignore[action-due-date] -- dated when procurement replies\n" + NO_DUE)
    data = check_json(folder, text)
    assert rows(data) == [(7, "PL302", None), (9, "PL303", "dated when procurement replies")]
    assert rule(data, "PL303") == (1, 1, 100.0)


def test_text_output_shows_the_reason(folder: Path) -> None:
    write(folder, "a.plan", PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignore[PL302] -- owner named at kickoff"))
    result = run_process("check", "--color", "never", "a.plan", cwd=folder)
    assert ("a.plan:7:7: error   PL302 action-owner: action 'Call the CFO about the budget' has no owner"
            "  (suppressed: owner named at kickoff)") in result.out
    assert "1 finding (1 error," in result.out.splitlines()[-1]  # the suppressed one is not counted


def test_ignore_block_covers_everything_inside_the_block(folder: Path) -> None:
    text = PLAN.replace(OBJECTIVE, "  # planlint: ignore-block[PL302, PL303] -- placeholder objective for the Q3 review\n" + OBJECTIVE)
    data = check_json(folder, text)
    assert [f["suppressed"] for f in data["findings"]] == ["placeholder objective for the Q3 review"] * 2
    assert rule(data, "PL302") == (0, 0, None) and rule(data, "PL303") == (0, 0, None)
    assert data["exit"] == 0


def test_ignore_file_covers_the_whole_file(folder: Path) -> None:
    data = check_json(folder, "# planlint: ignore-file[PL303] -- dates come from the CRM export\n" + PLAN)
    assert rows(data) == [(8, "PL302", None), (9, "PL303", "dates come from the CRM export")]


def test_a_suppression_without_a_reason_is_a_finding_and_does_not_suppress(folder: Path) -> None:
    data = check_json(folder, PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignore[PL302]"))
    assert rows(data) == [(7, "PL302", None), (7, "PL010", None), (8, "PL303", None)]
    finding = data["findings"][1]
    assert finding["name"] == "suppression-without-reason" and finding["severity"] == "error"
    assert finding["column"] == len(NO_OWNER) + 3
    assert rule(data, "PL302") == (1, 2, 50.0)


def test_an_unused_suppression_is_reported_per_code(folder: Path) -> None:
    data = check_json(folder, PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignore[PL302, PL303] -- both"))
    unused = [f for f in data["findings"] if f["code"] == "PL011"]
    assert [(f["line"], f["severity"], f["message"]) for f in unused] == [
        (7, "warning", "unused suppression: no PL303 finding on this line to suppress")]


def test_unused_suppression_reports_can_be_switched_off(folder: Path) -> None:
    write(folder, "planlint.toml", SELECT_ACTIONS + 'ignore = ["unused-suppression"]\n')
    data = check_json(folder, "# planlint: ignore-file[PL303] -- x\n" + PLAN.replace("due 2027-02-01", ""))
    assert "PL011" not in [f["code"] for f in data["findings"]]


def test_misspelt_directives_and_unknown_codes_are_reported(folder: Path) -> None:
    text = PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignroe[PL302] -- x").replace(
        NO_DUE, NO_DUE + "  # planlint: ignore[PL3O3] -- y")
    data = check_json(folder, text)
    invalid = [(f["line"], f["message"]) for f in data["findings"] if f["code"] == "PL012"]
    assert invalid == [
        (7, "cannot read '# planlint: ignroe[PL302] -- x': expected ignore[CODES], ignore-block[CODES] or "
            "ignore-file[CODES] followed by ' -- reason'; did you mean 'ignore'?"),
        (8, "'PL3O3' is not a rule code, prefix or name; did you mean 'PL303'?"),
    ]


def test_a_suppression_for_a_rule_switched_off_by_config_is_not_reported_unused(folder: Path) -> None:
    write(folder, "planlint.toml", 'select = ["PL302"]\n')
    data = check_json(folder, PLAN.replace(NO_DUE, NO_DUE + "  # planlint: ignore[PL303] -- y"))
    assert rows(data) == [(7, "PL302", None)]


def test_a_block_longer_than_the_line_index_and_the_most_specific_reason_still_apply(folder: Path) -> None:
    """Scopes wider than 200 lines are tested directly rather than indexed line by line: same answers."""
    many = "\n".join(f'      action "Call supplier number {n} about the renewal" owner "Jane Doe"' for n in range(250))
    text = PLAN.replace(NO_DUE, many + "\n" + NO_DUE + "  # planlint: ignore[PL303] -- dated when procurement replies")
    text = text.replace(OBJECTIVE, "  # planlint: ignore-block[PL303] -- the supplier calls are dated weekly\n" + OBJECTIVE)
    data = check_json(folder, text)
    reasons = [f["suppressed"] for f in data["findings"] if f["code"] == "PL303"]
    assert reasons == ["the supplier calls are dated weekly"] * 250 + ["dated when procurement replies"]
    assert rule(data, "PL303") == (0, 0, None)  # every action sits in the block: none is left to count
    assert rows(data)[0] == (8, "PL302", None)  # a rule the block does not name is not excused
