"""Python plugins: the example distribution installs and runs; broken plugins are named, never fatal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Iterable

import pytest

from planlint.engine import Linter
from planlint.hookspecs import hookimpl
from planlint.api.registry import load_registry
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity
from planlint.config.settings import Settings

from _planlint import PLAN

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "planlint-meddpicc"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin installed with pip into a folder of its own (no venv: fast)."""
    work = tmp_path_factory.mktemp("meddpicc")
    source = work / "src"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", "tests"))
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-compile",
         "--disable-pip-version-check", "--target", str(target), str(source)],
        check=True, capture_output=True, text=True,
    )
    return target


def planlint(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_installed_plugin_is_listed_by_rules(site: Path, tmp_path: Path) -> None:
    result = planlint(site, "rules", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith("MED")]
    assert [row[:2] for row in rows] == [
        ["MED101", "metrics"], ["MED102", "economic-buyer"], ["MED103", "decision-criteria"],
        ["MED104", "decision-process"], ["MED105", "paper-process"], ["MED106", "identified-pain"],
        ["MED107", "champion"], ["MED108", "competition"],
    ]
    assert all(row[-1] == "meddpicc" for row in rows)


def test_installed_plugin_is_applied_by_check(site: Path, tmp_path: Path) -> None:
    result = planlint(site, "check", str(ROOT / "samples" / "acme.plan"), "--as-of", "2027-03-01", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert ("warning MED102 economic-buyer: revenue objective 'Renew and expand the analytics contract' does not "
            "name the economic buyer (with \"Mary Chen\")") in result.stdout
    assert "MED103 decision-criteria: no research line records the customer's decision criteria" in result.stdout
    assert "MED108" not in result.stdout  # the sample names its competitors


def test_without_the_plugin_there_are_no_meddpicc_rules(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "planlint", "rules"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0 and "MED1" not in result.stdout


# --------------------------------------------------------------------------- broken plugins


class Crashes(Rule):
    info = RuleInfo(code="BRK101", name="crashes", category="objectives", severity=Severity.error, weight=1.0,
                    message="m", why="w", fix="f")

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        raise ZeroDivisionError("division by zero")


class RaisingHook:
    __name__ = "raising-hook"

    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        raise RuntimeError("cannot reach the CRM")


class RaisingRule:
    __name__ = "raising-rule"

    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        return [Crashes()]


class MisspelledHook:
    __name__ = "misspelled"

    @hookimpl
    def planlint_rule(self) -> list[Rule]:  # not a hook planlint knows: check_pending rejects it
        return [Crashes()]


def lint(*plugins: object) -> tuple[list[tuple[str, str]], list[str]]:
    registry = load_registry(extra_plugins=plugins)
    result = Linter(registry, Settings(select=["PL30", "BRK"])).lint_text(PLAN, "a.plan")
    return [(f.code, f.message) for f in result.findings], [p.source for p in registry.problems]


def test_a_raising_hook_is_an_internal_error_finding_and_other_rules_run() -> None:
    findings, problems = lint(RaisingHook())
    assert ("PL000", "plugin 'raising-hook': planlint_rules() raised RuntimeError: cannot reach the CRM; "
            "the other rules still ran") in findings
    assert {"PL302", "PL303"} <= {code for code, _ in findings}
    assert problems == ["plugin 'raising-hook'"]


def test_a_raising_rule_is_an_internal_error_finding_naming_rule_and_plugin() -> None:
    findings, _ = lint(RaisingRule())
    assert ("PL000", "rule BRK101 from 'raising-rule' crashed (ZeroDivisionError: division by zero); "
            "the other rules still ran") in findings
    assert {"PL302", "PL303"} <= {code for code, _ in findings}


class ReturnsOneRule:
    __name__ = "returns-one-rule"

    @hookimpl
    def planlint_rules(self) -> Rule:  # a list was due
        return Crashes()


class RuleWithoutInfo(Rule):
    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return []


class ReturnsRuleWithoutInfo:
    __name__ = "no-info"

    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        return [RuleWithoutInfo()]


@pytest.mark.parametrize("plugin,problem", [
    (ReturnsOneRule(), "plugin 'returns-one-rule': planlint_rules() must return a list, not Crashes"),
    (ReturnsRuleWithoutInfo(), "plugin 'no-info': returned <"),
])
def test_a_plugin_returning_the_wrong_shape_is_reported_and_other_rules_run(plugin: object, problem: str) -> None:
    findings, problems = lint(plugin)
    assert any(code == "PL000" and message.startswith(problem) for code, message in findings), findings
    assert {"PL302", "PL303"} <= {code for code, _ in findings}


def test_an_unknown_hook_is_rejected_by_check_pending() -> None:
    registry = load_registry(extra_plugins=[MisspelledHook()])
    assert [p.source for p in registry.problems] == ["plugin 'misspelled'"]
    assert "unknown hook 'planlint_rule'" in registry.problems[0].message
    assert "BRK101" not in registry.by_code()


def test_a_broken_entry_point_plugin_is_reported_by_name_in_a_real_run(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "brokenplug-1.0.dist-info").mkdir(parents=True)
    (site / "brokenplug-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: brokenplug\nVersion: 1.0\n")
    (site / "brokenplug-1.0.dist-info" / "entry_points.txt").write_text("[planlint]\nbroken = brokenplug\n")
    (site / "brokenplug.py").write_text(textwrap.dedent("""\
        from planlint.hookspecs import hookimpl

        @hookimpl
        def planlint_rules():
            raise KeyError("license")
    """))
    (tmp_path / "a.plan").write_text(PLAN, encoding="utf-8")
    result = planlint(site, "check", "a.plan", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "PL000 internal-error: plugin 'broken': planlint_rules() raised KeyError: 'license'" in result.stdout
    assert "PL302 action-owner" in result.stdout


def test_the_plugin_distribution_passes_its_own_tests(site: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PLUGIN / "tests")],
                            cwd=PLUGIN, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
