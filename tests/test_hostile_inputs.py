"""Issue 13 item 10: odd names, numbers and devices get a message, never an internal error or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planlint.engine.verdict import SCORING_VERSION

from _planlint import PACK, PLAN, run, write

GUARD = 60


def test_file_names_that_are_not_utf8_or_hold_a_newline_are_shown_escaped(tmp_path: Path) -> None:
    os.makedirs(tmp_path / "plans")
    for raw in (b"a\nb.plan", b"x\xff.plan", b"tab\t\x1b[31m.plan"):
        with open(os.path.join(os.fsencode(tmp_path / "plans"), raw), "w") as handle:
            handle.write(PLAN)
    for fmt in ("text", "json", "sarif", "junit", "github"):
        done = subprocess.run([sys.executable, "-m", "planlint", "check", "plans", "--format", fmt, "--no-cache"],
                              cwd=tmp_path, capture_output=True, timeout=GUARD)
        assert done.returncode == 1, (fmt, done.stderr)
        out = done.stdout.decode("utf-8")  # valid UTF-8 in every format
        assert "internal error" not in done.stderr.decode()
        assert "x\\xff.plan" in out.replace("\\\\", "\\") and "a\\nb.plan" in out.replace("\\\\", "\\"), fmt
        if fmt == "text":
            assert all(line.startswith(("plans/", "  ", "")) for line in out.splitlines())
            assert not any(line.startswith("b.plan") for line in out.splitlines())  # no forged line
            assert "\x1b" not in out
        if fmt in ("json", "sarif"):
            json.loads(out)
    done = subprocess.run([sys.executable, "-m", "planlint", "report", "plans", "-o", "r.md"], cwd=tmp_path,
                          capture_output=True, timeout=GUARD)
    assert done.returncode == 0, done.stderr
    assert "x\\xff.plan" in (tmp_path / "r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text,message", [
    ('{"format": "planlint-baseline", "version": 1, "scoring": "SCORING", "plans": {"a.plan": {"score": 50, "findings": [{"code": "PL302", "message": "m", "count": 1e400}]}}}',
     "a finding count must be a whole number"),
    ('{"format": "planlint-baseline", "version": 1, "scoring": "SCORING", "plans": {"a.plan": {"score": NaN, "findings": []}}}',
     "NaN is not a number a baseline can hold"),
    ('{"format": "planlint-baseline", "version": 1, "scoring": "SCORING", "plans": {"a.plan": {"score": 1e400, "findings": []}}}',
     "a score must be a number from 0 to 100"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_a_hostile_baseline_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "baseline.json", text.replace("SCORING", SCORING_VERSION))
    done = run("check", "a.plan", "--baseline", "baseline.json", cwd=tmp_path)
    assert done.code == 2 and message in done.err and "internal error" not in done.err, done.err


def test_baseline_version_and_scoring_are_read_before_numbers(tmp_path: Path) -> None:
    """The parametrised cases above must reach the number checks: a real baseline's header passes."""
    write(tmp_path, "a.plan", PLAN)
    assert run("check", "a.plan", "--write-baseline", "baseline.json", cwd=tmp_path).code == 0
    data = json.loads((tmp_path / "baseline.json").read_text())
    data["plans"]["a.plan"]["score"] = float("nan")
    (tmp_path / "baseline.json").write_text(json.dumps(data))
    done = run("check", "a.plan", "--baseline", "baseline.json", cwd=tmp_path)
    assert done.code == 2 and "NaN is not a number a baseline can hold" in done.err, done.err


def test_a_plugin_switch_must_be_true_or_false(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'plugins = { x = "yes" }\n')
    done = run("check", "a.plan", cwd=tmp_path)
    assert done.code == 2 and "plugins.x" in done.err and "internal error" not in done.err, done.err


def test_a_huge_count_in_a_pack_pattern_is_a_load_error(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "p.toml", PACK.replace('check = { field = "target.value", at_least = "$50k" }',
                                           "check = { field = \"name\", matches = 'a{99999999999}' }"))
    done = run("check", "a.plan", "--pack", "p.toml", cwd=tmp_path)
    assert done.code == 2 and "far too large" in done.err and "internal error" not in done.err, done.err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_device_says_cannot_write(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN * 1)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "planlint", "check", "a.plan", "--format", "json", "--no-cache"],
                              cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=GUARD)
    assert done.returncode == 2
    assert "cannot write" in done.stderr and "no space left on device" in done.stderr and "internal error" not in done.stderr


def _json(tmp_path: Path, text: str) -> dict:
    write(tmp_path, "a.plan", text)
    done = run("check", "a.plan", "--format", "json", "--no-cache", cwd=tmp_path)
    assert "internal error" not in done.err, done.err
    return json.loads(done.out)["files"][0]


def test_a_quarter_in_year_9999_is_read(tmp_path: Path) -> None:
    result = _json(tmp_path, PLAN.replace('owner "Jane Doe"\n  objective', 'owner "Jane Doe"\n  period Q1 9999 to Q4 9999\n  objective', 1))
    assert result["kind"] == "plan" and not [f for f in result["findings"] if f["code"] in ("PL000", "PL001")]


@pytest.mark.parametrize("replace,needle", [
    (("$500k", "$" + "9" * 400), "is too large to be an amount"),
    (('owner "Jane Doe"\n  objective', 'owner "Jane Doe"\n  pipeline { cycle ' + "9" * 400 + ' days }\n  objective'),
     "a sales cycle of"),
    (('owner "Jane Doe"\n  objective', 'owner "Jane Doe"\n  pipeline { cycle 99999999999 days }\n  objective'),
     "at most 3650 days"),
])
def test_impossible_numbers_are_one_pl002_not_an_unreadable_file(tmp_path: Path, replace: tuple[str, str], needle: str) -> None:
    result = _json(tmp_path, PLAN.replace(*replace, 1))
    problems = [f for f in result["findings"] if f["code"] == "PL002"]
    assert len(problems) == 1 and needle in problems[0]["message"], result["findings"]
    assert not [f for f in result["findings"] if f["code"] in ("PL000", "PL001")]


def test_an_action_directly_in_an_objective_says_it_belongs_in_a_strategy(tmp_path: Path) -> None:
    """Issue 13 item 11: the method is objectives -> strategies -> actions; say so, not 'did you mean'."""
    text = PLAN.replace('    strategy "Prove it with references" {\n', "").replace('owner "Jane Doe"\n    }\n  }', 'owner "Jane Doe"\n  }')
    result = _json(tmp_path, text)
    messages = [f["message"] for f in result["findings"] if f["code"] == "PL001"]
    assert messages and all(m.startswith("an action belongs in a strategy") and 'strategy "' in m for m in messages), messages
    assert not any("never closed" in m or "did you mean" in m for m in messages)


def test_cr_only_line_endings_read_like_any_other(tmp_path: Path) -> None:
    lf = _json(tmp_path, PLAN)
    cr = _json(tmp_path, PLAN.replace("\n", "\r"))
    assert cr["kind"] == "plan"
    assert [(f["code"], f["line"], f["column"]) for f in cr["findings"]] == [(f["code"], f["line"], f["column"]) for f in lf["findings"]]


@pytest.mark.parametrize("config", [
    'exclude = ["*a*a*a*a*a*a*a*a*a*a*a*a*b.plan"]\n',
    '[[per-file]]\nfiles = ["**/*a*a*a*a*a*a*a*a*a*a*a*a*b.plan"]\nignore = ["PL302"]\n',
    '[per-file-ignores]\n"*a*a*a*a*a*a*a*a*a*a*a*a*b.plan" = ["PL302"]\n',
])
def test_a_glob_in_the_configuration_never_hangs_the_run(tmp_path: Path, config: str) -> None:
    """On a backtracking engine this glob took minutes on a 60-letter file name; matching is now linear in the path."""
    write(tmp_path, "plans/" + "a" * 60 + ".plan", PLAN)
    write(tmp_path, "plans/" + "a" * 12 + "b.plan", PLAN)
    write(tmp_path, "planlint.toml", 'select = ["PL30"]\n' + config)
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "plans", "--no-cache", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)  # a hang guard, not a speed figure
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    codes = {result["path"]: sorted(f["code"] for f in result["findings"]) for result in report["files"]}
    assert codes["plans/" + "a" * 60 + ".plan"] == ["PL302", "PL303"]  # not matched: checked in full
    assert codes.get("plans/" + "a" * 12 + "b.plan", ["PL303"]) == ["PL303"]  # matched: excluded, or PL302 ignored


@pytest.mark.parametrize("config,key", [
    ('exclude = ["[z-a]"]\n', "exclude[0]"),
    ('[[per-file]]\nfiles = "legacy/[b-a]*"\nignore = ["PL302"]\n', "per-file[0].files[0]"),
    ('[per-file-ignores]\n"[]" = ["PL302"]\n', "per-file-ignores"),
    ('[format]\nexclude = ["x[9-0]"]\n', "format.exclude[0]"),
])
def test_a_glob_that_is_no_pattern_is_a_configuration_error(tmp_path: Path, config: str, key: str) -> None:
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", config)
    done = run("check", "a.plan", "--no-cache", cwd=tmp_path)
    assert done.code == 2 and "internal error" not in done.err, done.err
    assert done.err.startswith("planlint: error: planlint.toml:") and f"bad value for '{key}'" in done.err, done.err
    assert "expected a glob such as legacy/** or *.draft.plan (" in done.err, done.err


def test_a_glob_matches_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    (tmp_path / "plans").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "plans"), b"caf\xe9.plan"), "w", encoding="utf-8") as handle:
        handle.write(PLAN)
    write(tmp_path, "plans/b.plan", PLAN)
    write(tmp_path, "planlint.toml", 'exclude = ["caf?.plan"]\n')
    done = run("check", "plans", "--no-cache", "--format", "json", cwd=tmp_path)
    assert "internal error" not in done.err, done.err
    assert [result["path"] for result in json.loads(done.out)["files"]] == ["plans/b.plan"]


@pytest.mark.parametrize("setting", ["timeout = 1e20", "plugin-timeout = 99999999999999999999999999"])
def test_a_time_budget_beyond_what_a_timer_can_hold_is_a_configuration_error(tmp_path: Path, setting: str) -> None:
    """Was: OverflowError as an internal error (timeout), or every plugin, the built-in pack too, 'could not be loaded'."""
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", setting + "\n")
    done = run("check", "a.plan", "--no-cache", cwd=tmp_path)
    key = setting.split(" ")[0]
    assert done.code == 2 and f"planlint.toml:1:1: bad value for '{key}'" in done.err, done.err
    assert "internal error" not in done.err and "could not be loaded" not in done.err, done.err
