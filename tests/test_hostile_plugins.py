"""Issue 13 item 6 and 9: a buggy plugin never takes the run down, hangs it, or hides a finding; Ctrl-C ends any run.

The plugin is tests/hostile/hostile_plugin, installed for these tests through
a dist-info folder on PYTHONPATH; ``HOSTILE`` picks its behaviours. Every run
is a real process with a time-out that guards against a hang.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _planlint import PLAN

HERE = Path(__file__).parent
GUARD = 120  # seconds: a hang guard, not a speed figure


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(HERE / "hostile" / "hostile_plugin", site / "hostile_plugin")
    info = site / "hostile_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hostile-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[planlint]\nhostile = hostile_plugin\n")
    return site


def plans(folder: Path, count: int = 2, config: str = "") -> Path:
    for number in range(count):
        (folder / "plans").mkdir(exist_ok=True)
        (folder / "plans" / f"p{number:02d}.plan").write_text(PLAN.replace("Test Co", f"Test Co {number}"), encoding="utf-8")
    (folder / "planlint.toml").write_text(config, encoding="utf-8")
    return folder


def env_for(site: Path, hostile: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
            "HOSTILE": hostile, "NO_COLOR": "1", **extra}


def check(site: Path, folder: Path, hostile: str, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planlint", "check", "plans", "--no-cache", "--as-of", "2027-02-01", *args],
                          cwd=folder, env=env_for(site, hostile, **extra), capture_output=True, text=True, timeout=GUARD)


def others(report: dict) -> list[tuple[str, str, int, str]]:
    """Every finding that is not the hostile plugin's: what must never be lost."""
    return sorted((f["path"], finding["code"], finding["line"], finding["message"]) for f in report["files"]
                  for finding in f["findings"] if finding["code"] != "PL000" and not finding["code"].startswith("HOST"))


MISBEHAVIOURS = {
    "raise": "crashed (ValueError: a plain bug)",
    "exit": "crashed (SystemExit",
    "osexit": "called os._exit(0)",
    "interrupt": "raised KeyboardInterrupt",
    "print": "printed to standard output",
    "garbage": "gave 42, not an item",
    "badmessage": "gave a malformed item",
    "unprintable": "crashed (Unprintable: (its message could not be read))",
    "mutate": "the plan given to rules cannot be changed",
    "rename": "crashed (ValidationError",
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("kind", sorted(MISBEHAVIOURS))
def test_a_misbehaving_rule_is_a_named_finding_and_nothing_else_is_lost(site: Path, tmp_path: Path, kind: str, jobs: str) -> None:
    folder = plans(tmp_path, count=16 if jobs == "2" else 2)
    clean = check(site, folder, "", "--format", "json", "-j", jobs)
    done = check(site, folder, kind, "--format", "json", "-j", jobs)
    assert done.returncode not in (0, 130), done.stderr          # a broken rule never passes the run
    report = json.loads(done.stdout)                               # complete, valid JSON: nothing printed into it
    assert report["summary"]["files"] == len(list((folder / "plans").iterdir()))
    assert others(report) == others(json.loads(clean.stdout))      # every other rule ran on every file
    for result in report["files"]:
        messages = [f["message"] for f in result["findings"] if f["code"] == "PL000"]
        assert any(m.startswith("rule HOST") and "from 'hostile'" in m and MISBEHAVIOURS[kind] in m for m in messages), messages
    assert "Traceback" not in done.stderr


def test_a_rule_that_sleeps_stops_a_single_process_run_naming_rule_and_file(site: Path, tmp_path: Path) -> None:
    folder = plans(tmp_path, count=2, config="timeout = 1\n")
    started = time.monotonic()
    done = check(site, folder, "sleep", "-j", "1")
    assert done.returncode == 2
    assert "rule HOST06 took more than 1 s on plans/p00.plan" in done.stderr and "stopping" in done.stderr
    assert time.monotonic() - started < GUARD


def test_a_rule_that_sleeps_in_a_pool_costs_each_file_a_finding_naming_it_and_loses_no_other_finding(site: Path, tmp_path: Path) -> None:
    """The rule over budget is stopped and named; the rules after it still run on that file, as after a crash."""
    folder = plans(tmp_path, count=16, config="timeout = 1\n")
    clean = check(site, folder, "", "-j", "2", "--format", "json")
    done = check(site, folder, "sleep", "-j", "2", "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 16
    assert others(report) == others(json.loads(clean.stdout))
    for result in report["files"]:
        assert result["kind"] == "plan"
        assert any("rule HOST06 from 'hostile' took more than 1 s (the per-file budget" in f["message"] for f in result["findings"])


def test_a_worker_that_dies_is_replaced_and_its_file_reported(site: Path, tmp_path: Path) -> None:
    """Seen as soon as the worker is gone, not after the file's time budget (here far longer than GUARD)."""
    folder = plans(tmp_path, count=16, config="timeout = 3600\n")
    done = check(site, folder, "die", "-j", "2", "--format", "json", HOSTILE_DIE="Test Co 3 ")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    by_path = {result["path"]: result for result in report["files"]}
    assert len(by_path) == 16
    lost = [path for path, result in by_path.items()
            if any("worker checking this file died while rule HOST12 ran" in f["message"] for f in result["findings"])]
    assert lost == ["plans/p03.plan"]
    assert all(result["kind"] == "plan" for path, result in by_path.items() if path != "plans/p03.plan")


def test_a_plugin_whose_hook_hangs_is_skipped_after_the_load_budget(site: Path, tmp_path: Path) -> None:
    folder = plans(tmp_path, count=1, config="plugin-timeout = 1\n")
    done = check(site, folder, "raise", "--format", "json", HOSTILE_LOAD="sleep")
    assert done.returncode == 1
    assert "plugin 'hostile': planlint_rules() took more than 1 s; skipped" in done.stderr
    json.loads(done.stdout)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("jobs", ["1", "2", "8"])
def test_ctrl_c_ends_the_run_at_once_with_130_one_line_and_no_process_left(site: Path, tmp_path: Path, jobs: str) -> None:
    folder = plans(tmp_path, count=40)
    process = subprocess.Popen([sys.executable, "-m", "planlint", "check", "plans", "--no-cache", "-j", jobs],
                               cwd=folder, env=env_for(site, "sleep"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline:  # wait until the rules run (workers started, if any)
        workers = _children(process.pid)
        if jobs == "1" or len(workers) >= min(int(jobs), 2):
            break
        time.sleep(0.2)
    time.sleep(2)
    workers |= _children(process.pid)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.strip().splitlines() == ["planlint: interrupted"], err
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in (Path(f"/proc/{pid}/stat").read_text().split()[2:3] or [""])]
    assert alive == [], "workers outlived the run"


INTERRUPTER = '''
import importlib.abc, os, signal, sys


class Interrupt(importlib.abc.MetaPathFinder):
    """Ctrl-C, delivered the moment the named module starts to import: a user quick on the keys."""

    def find_spec(self, name, path=None, target=None):
        if name == os.environ["INTERRUPT_AT"]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, Interrupt())
'''


@pytest.mark.parametrize("entry", ["-m planlint", "console script"])
@pytest.mark.parametrize("module", ["planlint.cli.app", "planlint.cli.check", "planlint.api.containment"])
def test_ctrl_c_while_planlint_starts_is_one_line_and_130_too(tmp_path: Path, entry: str, module: str) -> None:
    """Before the command runs (imports, argument parsing) a Ctrl-C gave Python's traceback; now it ends like any other."""
    (tmp_path / "sitecustomize.py").write_text(INTERRUPTER)
    plans(tmp_path, count=1)
    start = ["-m", "planlint"] if entry == "-m planlint" else ["-c", "import sys\nfrom planlint.cli import main\nsys.exit(main())"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]), "INTERRUPT_AT": module}
    done = subprocess.run([sys.executable, *start, "check", "plans", "--no-cache"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=GUARD)
    assert (done.returncode, done.stderr.strip().splitlines()) == (130, ["planlint: interrupted"]), done.stderr


def test_a_library_caller_such_as_the_language_server_gets_a_finding_when_time_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the one-process command line ends the run on a timeout; lint_content (the server's call) reports it."""
    sys.path.insert(0, str(HERE / "hostile"))
    try:
        import hostile_plugin
    finally:
        sys.path.remove(str(HERE / "hostile"))
    from planlint.api import containment
    from planlint.api.registry import load_registry
    from planlint.config.settings import Settings
    from planlint.engine.runner import Options, lint_content, make_linter

    monkeypatch.setattr(containment, "end_run_on_timeout", False)
    monkeypatch.setenv("HOSTILE", "sleep")
    registry = load_registry(extra_plugins=[hostile_plugin])
    linter = make_linter(Settings(timeout=1), Options(), registry)
    result = lint_content(linter, PLAN.encode(), "a.plan")
    assert any("rule HOST06 from 'hostile' took more than 1 s (the per-file budget" in f.message for f in result.findings)
    assert result.kind == "plan" and {f.code for f in result.findings} >= {"PL302", "PL303"}  # the other rules still ran
