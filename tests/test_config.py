"""Configuration through the command line: discovery, validation, per-file overrides, `planlint config`."""

from __future__ import annotations

import json
from pathlib import Path

from _planlint import PLAN, SELECT_ACTIONS, run, run_process, write


def findings(out: str) -> dict[str, list[tuple[str, str]]]:
    """``path -> [(code, severity)]`` from JSON output."""
    data = json.loads(out)
    return {f["path"]: [(x["code"], x["severity"]) for x in f["findings"]] for f in data["files"]}


def test_the_nearest_config_walking_up_from_each_plan_wins(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + 'severity = { PL302 = "warning" }\n')
    write(tmp_path, "top.plan", PLAN)
    write(tmp_path, "team/.planlint.toml", 'select = ["PL303"]\n')  # not merged with the parent's
    write(tmp_path, "team/deep/nested.plan", PLAN)
    result = run("check", "--format", "json", ".", cwd=tmp_path)
    assert findings(result.out) == {
        "team/deep/nested.plan": [("PL303", "error")],
        "top.plan": [("PL302", "warning"), ("PL303", "error")],
    }


def test_pyproject_tool_table_is_found_and_a_pyproject_without_one_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.planlint]\nselect = ["PL302"]\n')
    write(tmp_path, "sub/pyproject.toml", '[project]\nname = "not-about-plans"\n')
    write(tmp_path, "sub/a.plan", PLAN)
    result = run("check", "--format", "json", "sub", cwd=tmp_path)
    assert findings(result.out) == {"sub/a.plan": [("PL302", "error")]}


def test_config_option_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'select = ["PL302"]\n')
    write(tmp_path, "elsewhere/strict.toml", 'select = ["PL303"]\n')
    write(tmp_path, "a.plan", PLAN)
    result = run("check", "--format", "json", "--config", "elsewhere/strict.toml", "a.plan", cwd=tmp_path)
    assert findings(result.out) == {"a.plan": [("PL303", "error")]}


def test_unknown_key_names_file_line_and_nearest_key_and_exits_2(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + "fail_undr = 50\n")
    write(tmp_path, "a.plan", PLAN)
    result = run_process("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:2:1: unknown key 'fail_undr'; did you mean 'fail-under'?" in result.err
    assert "Traceback" not in result.err


def test_unknown_key_in_pyproject_and_in_a_per_file_block(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.planlint]\nselect = ["PL30"]\n\n[[tool.planlint.per-file]]\nfiles = ["x/*"]\nignor = ["PL302"]\n')
    write(tmp_path, "a.plan", PLAN)
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert ("pyproject.toml:6:1: unknown key 'per-file[0].ignor' in [tool.planlint]; did you mean 'ignore'?"
            in result.err)


def test_bad_values_are_explained(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + 'severity = { PL302 = "warnng" }\nfail-under = 150\n')
    write(tmp_path, "a.plan", PLAN)
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:2:14: bad value for 'severity.PL302'" in result.err
    assert "'error', 'warning' or 'info', got 'warnng'; did you mean 'warning'?" in result.err
    assert "planlint.toml:3:1: bad value for 'fail-under'" in result.err and "got 150" in result.err


def test_invalid_toml_gives_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'ignore = []\nselect = [PL30]\n')
    write(tmp_path, "a.plan", PLAN)
    result = run("check", "a.plan", cwd=tmp_path)
    assert (result.code, result.err) == (2, "planlint: error: planlint.toml:2:11: invalid TOML: Invalid value\n")

    write(tmp_path, "planlint.toml", 'select = ["PL30"\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert (result.code, result.err) == (
        2, "planlint: error: planlint.toml:1:17: invalid TOML: Unclosed array at the end of the file\n")


def test_unknown_rule_and_category_names_suggest_the_nearest(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'select = ["PL30"]\nignore = ["action-ownr"]\n')
    write(tmp_path, "a.plan", PLAN)
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:2:11: unknown rule 'action-ownr' in 'ignore'; did you mean 'action-owner'?" in result.err

    write(tmp_path, "planlint.toml", 'select = ["PL30"]\ncategory-weights = { actoins = 2 }\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "unknown category 'actoins' in 'category-weights'; did you mean 'actions'?" in result.err


def test_per_file_overrides_by_glob(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + """
[per-file-ignores]
"drafts/*.plan" = ["PL302"]

[[per-file]]
files = ["legacy/**"]
ignore = ["action-due-date"]
severity = { PL302 = "info" }
""")
    for name in ("a.plan", "drafts/d.plan", "legacy/old/l.plan"):
        write(tmp_path, name, PLAN)
    result = run("check", "--format", "json", ".", cwd=tmp_path)
    assert findings(result.out) == {
        "a.plan": [("PL302", "error"), ("PL303", "error")],
        "drafts/d.plan": [("PL303", "error")],
        "legacy/old/l.plan": [("PL302", "info")],
    }


def test_per_file_ignore_beats_a_global_select_of_the_same_rule(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'select = ["PL302", "PL303"]\n[per-file-ignores]\n"a.plan" = ["PL3"]\n')
    write(tmp_path, "a.plan", PLAN)
    assert findings(run("check", "--format", "json", "a.plan", cwd=tmp_path).out) == {"a.plan": []}


def test_exclude_globs_drop_plans(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + 'exclude = ["archive/", "*.draft.plan"]\n')
    for name in ("a.plan", "archive/2019/old.plan", "b.draft.plan"):
        write(tmp_path, name, PLAN)
    result = run("check", "--format", "json", ".", cwd=tmp_path)
    assert list(findings(result.out)) == ["a.plan"]


def test_fail_under_from_config_and_cli_override(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'select = ["PL30"]\nseverity = { PL302 = "info", PL303 = "info" }\nfail-under = 99\n')
    write(tmp_path, "a.plan", PLAN)
    assert run("check", "a.plan", cwd=tmp_path).code == 1  # scores 50, below 99
    assert run("check", "--fail-under", "10", "a.plan", cwd=tmp_path).code == 0


def test_config_command_prints_the_effective_settings_for_a_plan(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS + 'fail-under = 60\n[[per-file]]\nfiles = "legacy/**"\nfail-under = 30\nignore = ["PL303"]\n')
    write(tmp_path, "legacy/l.plan", PLAN)
    result = run_process("config", "legacy/l.plan", cwd=tmp_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:3] == ["# effective configuration for legacy/l.plan", "# from planlint.toml",
                         '# per-file ignores applied: ["PL303"]']
    assert "fail-under = 30.0" in lines
    assert 'select = ["PL302", "PL303"]' in lines
    assert lines[-1] == "# rules on: PL302"

    as_json = json.loads(run("config", "--format", "json", ".", cwd=tmp_path).out)
    assert as_json["source"] == "planlint.toml" and as_json["settings"]["fail-under"] == 60.0
    assert as_json["settings"]["per-file"][0]["files"] == ["legacy/**"]


def test_config_command_reports_a_broken_config(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", "selct = []\n")
    result = run("config", ".", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:1:1: unknown key 'selct'; did you mean 'select'?" in result.err


def test_weights_must_be_finite_and_not_negative(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    for line, shown in [
        ("category-weights = { research = -5 }", "1:22: bad value for 'category-weights.research': expected a number at least 0, got -5"),
        ("weights = { PL302 = inf }", "1:13: bad value for 'weights.PL302': expected a finite number, got inf"),
        ("weights = { PL302 = nan }", "1:13: bad value for 'weights.PL302': expected a finite number, got nan"),
    ]:
        write(tmp_path, "planlint.toml", line + "\n")
        result = run("check", "a.plan", cwd=tmp_path)
        assert result.code == 2, line
        assert f"planlint.toml:{shown}" in result.err, result.err


def test_python_spelt_keys_are_refused_with_the_toml_spelling_suggested(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'extend_select = ["PL302"]\n\n[[per-file]]\nfiles = ["x/**"]\nfail_under = 40\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:1:1: unknown key 'extend_select'; did you mean 'extend-select'?" in result.err
    assert "planlint.toml:5:1: unknown key 'per-file[0].fail_under'; did you mean 'fail-under'?" in result.err


def test_an_unknown_plugin_name_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'plugins = { "planlint.rules.bultin" = false }\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2
    assert "planlint.toml:1:13: unknown plugin 'planlint.rules.bultin' in 'plugins'; did you mean 'planlint.rules.builtin'?" in result.err


def test_score_thresholds_outside_0_to_100_are_usage_errors(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    result = run_process("check", "a.plan", "--fail-under", "150", cwd=tmp_path)
    assert result.code == 2
    assert "expected a score from 0 to 100, got 150" in result.err


def test_the_a_quadrant_bar_can_be_configured(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "samples"
    for name in ("portfolio.plan", "acme.plan", "form.plan"):
        write(tmp_path, name, (sample / name).read_text(encoding="utf-8"))
    strict = run("check", "portfolio.plan", "--format", "json", "--as-of", "2027-02-01", cwd=tmp_path)
    write(tmp_path, "planlint.toml", "a-quadrant-min-score = 0\n")
    lenient = run("check", "portfolio.plan", "--format", "json", "--as-of", "2027-02-01", cwd=tmp_path)
    codes = lambda out: [f["code"] for f in json.loads(out)["files"][0]["findings"]]  # noqa: E731
    assert "PL601" in codes(strict.out)
    assert codes(lenient.out).count("PL601") < codes(strict.out).count("PL601")
