"""`planlint test-rules`: a rule whose own examples disagree with it is caught, by name."""

from __future__ import annotations

from pathlib import Path

from _planlint import run

ROOT = Path(__file__).resolve().parent.parent

PACK = """\
[pack]
name = "acme"
examples_as_of = 2027-03-01

[[rule]]
code = "ACME101"
name = "revenue-floor"
category = "objectives"
message = "objective '{name}' targets {value}; the floor is {expected}"
why = "Small deals cost more to sell than they earn."
fix = "Raise the target."
items = "revenue_objectives"
check = { field = "target.value", at_least = "$50k" }
passing = ['objective revenue "Win the ERP consolidation" { target $500k by 2027-06-30 }']
failing = ['objective revenue "Renew support" { target $20k by 2027-06-30 }']
"""


def write(tmp_path: Path, text: str) -> str:
    (tmp_path / "acme.toml").write_text(text, encoding="utf-8")
    return "acme.toml"


def test_a_pack_whose_examples_hold_passes(tmp_path: Path) -> None:
    result = run("test-rules", write(tmp_path, PACK), cwd=tmp_path)
    assert result.code == 0
    assert result.out == ("acme.toml: 1 rules, 2 examples, 0 failed (as of 2027-03-01)\n"
                          "all 2 examples do what they say\n")


def test_a_wrong_failing_example_is_caught_by_rule_and_example(tmp_path: Path) -> None:
    wrong = PACK.replace("target $20k", "target $80k")  # the 'failing' example actually passes
    result = run("test-rules", write(tmp_path, wrong), cwd=tmp_path)
    assert result.code == 1
    assert ("  FAIL  ACME101 revenue-floor: failing example 1: expected a finding, but the rule reported none"
            in result.out.splitlines())
    assert result.out.endswith("1 of 2 examples do not do what they say\n")


def test_a_wrong_passing_example_shows_the_finding(tmp_path: Path) -> None:
    wrong = PACK.replace("target $500k", "target $5k")
    result = run("test-rules", write(tmp_path, wrong), cwd=tmp_path)
    assert result.code == 1
    assert ("  FAIL  ACME101 revenue-floor: passing example 1: expected no finding, but got: line 5: objective "
            "'Win the ERP consolidation' targets $5k; the floor is $50k") in result.out.splitlines()


def test_an_example_the_rule_does_not_apply_to_proves_nothing(tmp_path: Path) -> None:
    wrong = PACK.replace('objective revenue "Win the ERP', 'objective marketing "Win the ERP')
    result = run("test-rules", write(tmp_path, wrong), cwd=tmp_path)
    assert result.code == 1 and "found nothing to check in this example, so it proves nothing" in result.out


def test_an_example_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    wrong = PACK.replace('{ target $500k by 2027-06-30 }', '{ target $500k by 2027-06-30')
    result = run("test-rules", write(tmp_path, wrong), cwd=tmp_path)
    assert result.code == 1 and "passing example 1: the example is not a valid plan (line " in result.out


def test_a_broken_pack_exits_2(tmp_path: Path) -> None:
    result = run("test-rules", write(tmp_path, PACK.replace("at_least", "at_lest")), cwd=tmp_path)
    assert result.code == 2 and "unknown check 'at_lest' — did you mean 'at_least'?" in result.err


def test_the_shipped_packs_and_the_builtin_rules_hold() -> None:
    packs = [ROOT / "rules" / "examples" / "acme.toml", ROOT / "rules" / "builtin" / "builtin.toml",
             ROOT / "plugins" / "planlint-meddpicc" / "planlint_meddpicc" / "meddpicc.toml"]
    result = run("test-rules", *map(str, packs), cwd=ROOT)
    assert result.code == 0, result.out + result.err
    assert run("test-rules", cwd=ROOT).code == 0  # no PACK: the built-in rules, Python ones included
