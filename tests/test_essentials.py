"""The pillars of the method: met, failed, waived or not required, with a reason, in every output."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from _planlint import PACK, run, write

from planlint.engine import Linter
from planlint.api.pillars import PILLAR_NAMES
from planlint.engine.essentials import RuleOutcome, judge_pillar
from planlint.api.registry import load_registry
from planlint.engine.results import FileResult
from planlint.config.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ACME = (SAMPLES / "acme.plan").read_text(encoding="utf-8")
AS_OF = dt.date(2027, 2, 1)
COMPETITORS = re.compile(r'    competitor "Globex" \{.*?\n    \}\n    competitor "In-house IT" \{.*?\n    \}\n', re.S)


def lint(text: str, settings: Settings | None = None) -> FileResult:
    return Linter(load_registry(), settings or Settings(), as_of=AS_OF).lint_text(text, "acme.plan")


def states(result: FileResult) -> dict[str, str]:
    return {e.pillar: e.state for e in result.essentials}


def test_the_complete_sample_meets_every_pillar_and_reports_both_axes() -> None:
    result = lint(ACME)
    assert [e.pillar for e in result.essentials] == list(PILLAR_NAMES)
    assert set(states(result).values()) == {"met"}
    assert result.completeness == 100.0 and result.substance == 100.0


def test_no_competitor_research_fails_the_competitor_pillar_with_the_rule_and_its_message() -> None:
    result = lint(COMPETITORS.sub("", ACME))
    pillar = next(e for e in result.essentials if e.pillar == "competitor")
    assert pillar.state == "failed" and pillar.rules == ["PL102"]
    assert pillar.reason.startswith("PL102 fails: no competitor research")
    assert states(result)["customer"] == "met"


def test_no_competitor_with_a_real_reason_meets_the_pillar() -> None:
    text = COMPETITORS.sub('    no_competitor "Sole-source framework contract signed in 2025 until 2029"\n', ACME)
    assert states(lint(text))["competitor"] == "met"


def test_a_pillar_suppressed_with_a_reason_is_waived_and_says_so_in_text_and_json(tmp_path: Path) -> None:
    text = "# planlint: ignore-file[PL102] -- sole-source contract, the customer compares us with nobody\n" + COMPETITORS.sub("", ACME)
    pillar = next(e for e in lint(text).essentials if e.pillar == "competitor")
    assert pillar.state == "waived"
    assert pillar.reason == "PL102 suppressed: sole-source contract, the customer compares us with nobody"
    write(tmp_path, "acme.plan", text)
    out = run("check", "acme.plan", "--as-of", "2027-02-01", cwd=tmp_path).out
    assert "  pillar competitor waived: PL102 suppressed: sole-source contract" in out
    data = json.loads(run("check", "acme.plan", "--as-of", "2027-02-01", "--format", "json", cwd=tmp_path).out)
    (entry,) = data["files"]
    assert {"pillar": "competitor", "state": "waived", "reason": pillar.reason, "rules": ["PL102"]} in entry["essentials"]
    assert {"code": "PL102", "name": "competitor-research", "line": 12,
            "reason": "sole-source contract, the customer compares us with nobody"} in entry["not_applicable"]


def test_a_pillar_switched_off_in_configuration_is_not_required() -> None:
    result = lint(COMPETITORS.sub("", ACME), Settings(ignore=["PL102"]))
    pillar = next(e for e in result.essentials if e.pillar == "competitor")
    assert (pillar.state, pillar.reason) == ("not-required", "switched off in the configuration (PL102)")


def test_configuration_moves_a_rule_into_a_pillar_or_out_of_every_pillar() -> None:
    no_sources = re.sub(r' source (\w+|"[^"]*")', "", ACME)
    moved = lint(no_sources, Settings(essentials={"fact-source": "customer"}))
    assert "PL105" in next(e for e in moved.essentials if e.pillar == "customer").rules
    assert states(moved)["customer"] == "failed"
    assert states(lint(no_sources))["customer"] == "met"
    dropped = lint(COMPETITORS.sub("", ACME), Settings(essentials={"PL102": False}))
    pillar = next(e for e in dropped.essentials if e.pillar == "competitor")
    assert (pillar.state, pillar.reason) == ("not-required", "no loaded rule checks it")


def test_a_configured_pillar_name_is_checked(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'essentials = { PL105 = "custmer" }\n')
    write(tmp_path, "a.plan", ACME)
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2 and "essentials.PL105" in result.err and "'customer'" in result.err
    write(tmp_path, "planlint.toml", 'essentials = { PL999 = "customer" }\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.code == 2 and "unknown rule 'PL999' in 'essentials'" in result.err


def test_a_toml_rule_declares_its_pillar(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    # The shared example pack, declaring the objectives pillar and a floor acme's revenue objectives miss.
    pack.write_text(PACK.replace('category = "objectives"\n', 'category = "objectives"\nessential = "objectives"\n')
                    .replace('at_least = "$50k"', 'at_least = "$5M"'), encoding="utf-8")
    registry = load_registry(pack_paths=[str(pack)])
    result = Linter(registry, as_of=AS_OF).lint_text(ACME, "acme.plan")
    pillar = next(e for e in result.essentials if e.pillar == "objectives")
    assert "ACME101" in pillar.rules and pillar.state == "failed" and pillar.reason.startswith("ACME101 0 of 2")
    pack.write_text(pack.read_text(encoding="utf-8").replace('essential = "objectives"', 'essential = "objectivs"'), encoding="utf-8")
    broken = load_registry(pack_paths=[str(pack)])
    assert any("essential" in problem.message for problem in broken.problems)


def test_a_pillar_with_nothing_to_check_fails_and_one_flaw_in_many_does_not() -> None:
    assert judge_pillar("actions", [RuleOutcome("PL302", True), RuleOutcome("PL303", True)]).state == "failed"
    assert judge_pillar("actions", [RuleOutcome("PL302", True, 19, 20)]).state == "met"
    assert judge_pillar("actions", [RuleOutcome("PL302", True, 1, 3, first_failure="x")]).reason == "PL302 1 of 3: x"
    skipped = RuleOutcome("PL401", True, skipped="not expected of a D-quadrant account")
    assert judge_pillar("in-use", [skipped]).state == "not-required"


def test_rules_skipped_for_the_quadrant_are_listed_with_the_reason(tmp_path: Path) -> None:
    b_plan = ACME.replace("revenue current $1.2M high, future $3.5M high", "revenue current $50k low, future $3.5M high")
    result = lint(b_plan)
    assert [(na.code, na.reason) for na in result.not_applicable] == [
        ("PL151", "not expected of a B-quadrant account (low current, high future: develop in the sales plan)"),
        ("PL204", "not expected of a B-quadrant account (low current, high future: develop in the sales plan)"),
    ]
    write(tmp_path, "b.plan", b_plan)
    out = run("check", "b.plan", "--as-of", "2027-02-01", cwd=tmp_path).out
    assert "  not applicable: PL151 stakeholders: not expected of a B-quadrant account" in out


def test_a_file_that_cannot_be_read_and_a_portfolio_are_their_own_kinds_in_text(tmp_path: Path) -> None:
    out = run("check", str(SAMPLES / "broken.plan"), str(SAMPLES / "portfolio.plan"), "--as-of", "2027-02-01", cwd=tmp_path).out
    assert re.search(r"broken\.plan: cannot be read: \S*broken\.plan:7:3: unknown keyword 'objectve'", out)
    assert "(form)" not in out.split("portfolio.plan:")[0]
    assert re.search(r"portfolio\.plan: portfolio: no plan score", out)
    assert "2 files checked (0 plans, 1 portfolio, 1 cannot be read), " in out and out.rstrip().endswith("no plan scored")
