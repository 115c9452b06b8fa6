"""The command line as a user meets it: exit codes, the JSON contract, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def planlint(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})}, timeout=120)


def test_json_output_follows_the_contract() -> None:
    result = planlint("check", "samples/", "--format", "json", "--as-of", "2027-02-01")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"version", "files", "summary"}
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths) and "samples/acme.plan" in paths
    for entry in data["files"]:
        if entry["kind"] == "plan":
            assert isinstance(entry["score"], (int, float)) and 0 <= entry["score"] <= 100
            assert entry["band"] in ("tool", "developing", "thin", "form")
            assert {e["pillar"] for e in entry["essentials"]} == {"customer", "competitor", "company", "objectives", "actions", "in-use"}
        else:  # a portfolio, or a file that cannot be read: no plan score and no band
            assert entry["kind"] in ("portfolio", "unreadable") and entry["score"] is None and entry["band"] == ""
        assert isinstance(entry["categories"], dict)
        for finding in entry["findings"]:
            assert set(finding) >= {"code", "name", "severity", "message", "line", "column", "end_line", "end_column"}
            assert finding["severity"] in ("error", "warning", "info")
    summary = data["summary"]
    assert summary["files"] == len(data["files"])
    assert summary["findings"] == sum(1 for f in data["files"] for x in f["findings"] if not x.get("suppressed"))
    plan_scores = [f["score"] for f in data["files"] if f.get("kind", "plan") == "plan"]
    assert summary["mean_score"] == pytest.approx(sum(plan_scores) / len(plan_scores), abs=0.06)


def test_a_broken_plan_gives_path_line_col_exit_1_and_no_traceback() -> None:
    result = planlint("check", "samples/broken.plan")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "samples/broken.plan:7:3:" in result.stdout
    assert "unknown keyword 'objectve' — did you mean 'objective'?" in result.stdout
    assert "PL001" in result.stdout


def test_a_file_that_cannot_be_read_has_that_state_in_json_not_a_score_or_band() -> None:
    data = json.loads(planlint("check", "samples/broken.plan", "--format", "json").stdout)
    (entry,) = data["files"]
    assert entry["kind"] == "unreadable" and entry["score"] is None and entry["band"] == ""
    assert entry["error"] == "samples/broken.plan:7:3: unknown keyword 'objectve' — did you mean 'objective'?"
    assert {f["code"] for f in entry["findings"]} >= {"PL001", "PL002"}


def test_complete_plan_passes_and_exits_zero(tmp_path: Path) -> None:
    result = planlint("check", "samples/acme.plan", "--as-of", "2027-02-01", "--fail-under", "90")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "samples/acme.plan: score" in result.stdout


def test_fail_under_fails_a_plan_below_the_bar() -> None:
    result = planlint("check", "samples/acme.plan", "--as-of", "2027-02-01", "--fail-under", "100.1")
    assert result.returncode in (1, 2)  # 2 when the value is rejected as out of range
    ok = planlint("check", "samples/acme.plan", "--as-of", "2027-02-01", "--fail-under", "50")
    assert ok.returncode == 0


def test_missing_path_is_a_usage_error() -> None:
    result = planlint("check", "does-not-exist.plan")
    assert result.returncode == 2
    assert "does-not-exist.plan" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"\xff\xfe not utf8", b"{" * 5000, b"plan"])
def test_hostile_files_never_produce_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.plan"
    path.write_bytes(content)
    result = planlint("check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "bad.plan:" in result.stdout


def test_output_is_deterministic() -> None:
    first = planlint("check", "samples/", "--format", "json", "--as-of", "2027-02-01").stdout
    second = planlint("check", "samples/", "--format", "json", "--as-of", "2027-02-01").stdout
    assert first == second


def test_rules_explain_parse_and_schema() -> None:
    rules = planlint("rules")
    assert rules.returncode == 0 and "PL101" in rules.stdout and "customer-research" in rules.stdout
    explain = planlint("explain", "competitor-research")
    assert explain.returncode == 0 and "PL102" in explain.stdout and "How to fix" in explain.stdout
    unknown = planlint("explain", "competitor-reserch")
    assert unknown.returncode == 2 and "did you mean 'competitor-research'" in unknown.stderr
    parsed = json.loads(planlint("parse", "samples/acme.plan").stdout)
    assert parsed["document"]["account"] == "Acme Corp"
    assert parsed["document"]["objectives"][0]["span"]["line"] > 1
    schema = json.loads(planlint("schema").stdout)
    assert "Plan" in schema["$defs"]


@pytest.mark.parametrize("command", [["rules"], ["explain", "PL101"], ["check", "samples/acme.plan"]])
def test_a_broken_pack_stops_every_command_with_exit_2(tmp_path: Path, command: list[str]) -> None:
    pack = tmp_path / "broken.toml"
    pack.write_text('[pack]\nname = "broken"\n\n[[rule]]\ncode = "BR101"\n')
    result = planlint(*command, "--pack", str(pack))
    assert result.returncode == 2
    assert "broken.toml" in result.stderr and "BR101" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_output_shows_quadrant_and_form_share() -> None:
    out = planlint("check", "samples/form.plan", "--as-of", "2027-02-01").stdout
    head = next(line for line in out.splitlines() if line.startswith("samples/form.plan: score"))
    assert "(form)" in head and "quadrant A" in head and "of its text reads as form" in head


def test_text_output_shows_the_source_line_and_a_caret_for_syntax_errors() -> None:
    out = planlint("check", "samples/broken.plan", "--no-cache").stdout.splitlines()
    index = out.index(next(line for line in out if "unknown keyword 'objectve'" in line))
    assert out[index + 1].strip().startswith("objectve revenue")
    caret = out[index + 2]
    assert caret.strip() == "^" * len("objectve")
    assert caret.index("^") == out[index + 1].index("objectve")


def test_a_reader_that_leaves_early_never_turns_a_failing_run_into_success(tmp_path: Path) -> None:
    """``planlint check | head -1`` in CI with pipefail must not pass a run whose plans fail."""
    form = (SAMPLES / "form.plan").read_text(encoding="utf-8")
    for index in range(60):  # far more output than a pipe buffers, so the write really breaks
        (tmp_path / f"plan-{index:02}.plan").write_text(form, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "planlint", "check", ".", "--no-cache", "-j", "1"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert b"Traceback" not in err and b"Exception ignored" not in err
