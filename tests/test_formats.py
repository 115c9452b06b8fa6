"""Output formats (SARIF, GitHub, JUnit, JSON + its schema) and daily-use options, through the CLI."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from _planlint import PLAN, SELECT_ACTIONS, run, run_process, write
from planlint.output.reporters.github import escape_data, escape_property

REPO = Path(__file__).resolve().parents[1]
# The official OASIS schema from the project's shared/schemas/ beside the checkout; tests/schemas holds an
# unchanged copy of it so the test also runs in a clone that has no shared/ folder beside it.
SHARED_SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
SARIF_SCHEMA = SHARED_SARIF_SCHEMA if SHARED_SARIF_SCHEMA.is_file() else REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json"
OUTPUT_SCHEMA = REPO / "docs" / "output.schema.json"
NO_OWNER = '      action "Call the CFO about the budget" due 2027-02-01'


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """The repository's samples, plus a plan with a suppression, in a scratch folder."""
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    write(tmp_path, "samples/suppressed.plan",
          PLAN.replace(NO_OWNER, NO_OWNER + "  # planlint: ignore[PL302] -- owner named at the kickoff"))
    return tmp_path


def validate(instance: object, schema: dict) -> None:
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_official_schema_and_describes_every_rule(plans: Path) -> None:
    result = run_process("check", "--no-cache", "--format", "sarif", "samples", cwd=plans)
    assert result.code == 1
    sarif = json.loads(result.out)
    validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))

    expected = json.loads(run("check", "--no-cache", "--format", "json", "samples", cwd=plans).out)
    sarif_run = sarif["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    listed = json.loads(run("rules", "--format", "json", cwd=plans).out)
    # every rule, not only those that fired; the crm ones (PL7xx, PL014) only in runs given a CRM export (docs/crm.md)
    assert {r["code"] for r in listed if r["category"] != "crm"} <= {r["id"] for r in rules}
    assert not {r["id"] for r in rules} & {r["code"] for r in listed if r["category"] == "crm"}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = sarif_run["results"]
    assert len(results) == sum(len(f["findings"]) for f in expected["files"])  # every finding
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("samples/")  # relative to the repository
        assert location["region"]["startLine"] >= 1
    syntax = next(r for r in results if r["ruleId"] == "PL001")
    assert syntax["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "samples/broken.plan"
    suppressed = [r for r in results if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"][0]["justification"]) for r in suppressed] == [
        ("PL302", "owner named at the kickoff")]


def test_sarif_uris_are_relative_to_the_repository_root_from_any_folder(plans: Path) -> None:
    subprocess.run(["git", "init", "-q", str(plans)], check=True)
    sarif = json.loads(run_process("check", "--no-cache", "--format", "sarif", ".", cwd=plans / "samples").out)
    sarif_run = sarif["runs"][0]
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == plans.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif_run["results"]}
    assert "samples/broken.plan" in uris and all(uri.startswith("samples/") for uri in uris)
    validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- GitHub


def test_github_annotations_point_at_file_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS)
    write(tmp_path, "plans/a, b.plan", PLAN.replace("Call the CFO about the budget", "Call: CFO, re 5% budget"))
    result = run("check", "--format", "github", "plans", cwd=tmp_path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == ("::error file=plans/a%2C b.plan,line=7,col=7,endLine=7,endColumn=54,"
                        "title=PL302 action-owner::action 'Call: CFO, re 5%25 budget' has no owner")
    assert lines[1].startswith("::error file=plans/a%2C b.plan,line=8,col=7,")
    # Only the actions rules are selected; half the actions have an owner and half a date, so the pillar holds.
    assert lines[2] == "::notice file=plans/a%2C b.plan,title=planlint score::score 50.0/100 (thin) · completeness 50.0"


def test_github_escaping_cannot_break_or_inject_commands() -> None:
    assert escape_data("50% done\r\n::error::x") == "50%25 done%0D%0A::error::x"
    assert escape_property("a,b:c\n") == "a%2Cb%3Ac%0A"


# --------------------------------------------------------------------------- JUnit


def test_junit_has_a_suite_per_plan_and_a_case_per_finding(plans: Path) -> None:
    result = run("check", "--no-cache", "--format", "junit", "samples", cwd=plans)
    root = ET.fromstring(result.out)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert "samples/suppressed.plan" in suites and "samples/broken.plan" in suites
    expected = json.loads(run("check", "--no-cache", "--format", "json", "samples", cwd=plans).out)
    scored = next(f for f in expected["files"] if f["path"] == "samples/suppressed.plan")
    suppressed = suites["samples/suppressed.plan"]
    properties = [(p.get("name"), p.get("value")) for p in suppressed.iter("property")]
    assert properties[:4] == [("score", f"{scored['score']:.1f}"), ("band", scored["band"]),
                              ("completeness", f"{scored['completeness']:.1f}"), ("substance", f"{scored['substance']:.1f}")]
    assert properties[4:-1] == [(f"pillar.{e['pillar']}", f"{e['state']}: {e['reason']}") for e in scored["essentials"]]
    assert properties[-1] == ("kind", "plan")
    assert ("kind", "unreadable") in [(p.get("name"), p.get("value")) for p in suites["samples/broken.plan"].iter("property")]
    skipped = suppressed.findall("testcase/skipped")
    assert [s.get("message") for s in skipped] == ["suppressed: owner named at the kickoff"]
    broken = suites["samples/broken.plan"]
    assert int(broken.get("errors")) >= 1 and broken.find("testcase/error") is not None
    assert int(root.get("failures")) + int(root.get("errors")) == expected["summary"]["findings"]


# --------------------------------------------------------------------------- JSON and its schema


def test_the_published_json_schema_is_current_and_the_output_validates(plans: Path) -> None:
    generated = run("schema", "--output-schema", cwd=plans).out
    assert json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8")) == json.loads(generated), (
        "docs/output.schema.json is stale: run `planlint schema --output-schema > docs/output.schema.json`")
    output = json.loads(run("check", "--no-cache", "--format", "json", "samples", cwd=plans).out)
    validate(output, json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "concise"])
def test_every_format_is_deterministic(plans: Path, fmt: str) -> None:
    first = run("check", "--no-cache", "--format", fmt, "samples", cwd=plans).out
    second = run("check", "--no-cache", "--format", fmt, "samples", cwd=plans).out
    assert first and first == second


# --------------------------------------------------------------------------- daily use


@pytest.fixture
def simple(tmp_path: Path) -> Path:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS)
    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "b.plan", PLAN.replace(NO_OWNER, NO_OWNER + ' owner "Jane Doe"'))
    return tmp_path


def test_quiet_prints_only_the_findings(simple: Path) -> None:
    result = run("check", "--quiet", ".", cwd=simple)
    assert result.code == 1
    assert result.out == (
        "a.plan:7:7: error PL302 action-owner: action 'Call the CFO about the budget' has no owner\n"
        "a.plan:8:7: error PL303 action-due-date: action 'Send the proposal to procurement' has no due date\n"
        "b.plan:8:7: error PL303 action-due-date: action 'Send the proposal to procurement' has no due date\n")
    assert result.err == ""


def test_statistics_count_findings_per_rule(simple: Path) -> None:
    result = run("check", "--statistics", ".", cwd=simple)
    assert result.code == 1
    assert result.out == "2  PL303   action-due-date  error\n1  PL302   action-owner     error\n"
    as_json = json.loads(run("check", "--statistics", "--format", "json", ".", cwd=simple).out)
    assert as_json[0] == {"count": 2, "code": "PL303", "name": "action-due-date", "severity": "error"}
    assert run("check", "--statistics", "--format", "sarif", ".", cwd=simple).code == 2


def test_exit_zero_reports_but_does_not_fail(simple: Path) -> None:
    result = run("check", "--exit-zero", ".", cwd=simple)
    assert result.code == 0 and "PL302" in result.out
    assert run("check", "--exit-zero", "missing.plan", cwd=simple).code == 2  # errors still are errors


def test_colour_only_when_asked_or_on_a_terminal(simple: Path) -> None:
    assert "\x1b[" not in run("check", ".", cwd=simple).out  # not a terminal: no colour
    assert "\x1b[" in run("check", "--color", "always", ".", cwd=simple).out
    assert "\x1b[" not in run("check", "--color", "always", "--format", "json", ".", cwd=simple).out


def _run_on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, str]:
    """Run planlint with stdout and stderr on pseudo-terminals; return what each received."""
    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "planlint", *args], cwd=cwd, stdout=out_slave,
                               stderr=err_slave, env={**os.environ, **env})
    os.close(out_slave)
    os.close(err_slave)
    received = {out_master: b"", err_master: b""}
    open_fds = [out_master, err_master]
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [], 30)
        if not ready:
            break
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                received[fd] += chunk
            else:
                open_fds.remove(fd)
    process.wait(timeout=30)
    return received[out_master].decode(), received[err_master].decode()


def test_on_a_terminal_progress_for_long_runs_colour_unless_no_color(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", SELECT_ACTIONS)
    for index in range(25):
        write(tmp_path, f"plans/p{index:02}.plan", PLAN)
    out, err = _run_on_terminal(["check", "--no-cache", "plans"], tmp_path, {"NO_COLOR": "1"})
    assert "25/25 plans" in err and "[##############################]" in err
    assert err.endswith("\r\x1b[K")  # the bar is erased when done
    assert "plans/p24.plan: score 50.0/100 (thin)" in out and "\x1b[" not in out  # NO_COLOR respected

    out, err = _run_on_terminal(["check", "--no-cache", "plans/p00.plan"], tmp_path, {"NO_COLOR": ""})
    assert "/1 plans" not in err  # no bar for a short run
    assert "\x1b[31merror" in out  # colour on a terminal

    piped = run("check", "--no-cache", "plans", cwd=tmp_path)
    assert "plans]" not in piped.err and "/25" not in piped.err  # never on a pipe
