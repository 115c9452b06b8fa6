"""`planlint test-rules`: a rule whose own examples disagree with it is caught, by name."""

from __future__ import annotations

from pathlib import Path

from _planlint import PACK, PLAN, run, run_process
from test_rules_command_config import FAKE_PACK, plugin_site

ROOT = Path(__file__).resolve().parent.parent



def write(tmp_path: Path, text: str) -> str:
    (tmp_path / "acme.toml").write_text(text, encoding="utf-8")
    return "acme.toml"


def test_a_pack_whose_examples_hold_passes(tmp_path: Path) -> None:
    result = run("test-rules", write(tmp_path, PACK), cwd=tmp_path)
    assert result.code == 0
    assert result.out == ("acme.toml: 1 rule, 2 examples, 0 failed (as of 2027-03-01)\n"
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


# --------------------------------------------------------------------------- rule codes used twice
# Each pack's examples pass on its own, but `planlint check` stops with exit 2 on
# a code used twice; test-rules says so first, with the same exit code.


def test_two_packs_with_one_code_exit_2_naming_both(tmp_path: Path) -> None:
    (tmp_path / "a1.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "a2.toml").write_text(PACK.replace('name = "acme"', 'name = "emea"'), encoding="utf-8")
    result = run("test-rules", "a1.toml", "a2.toml", cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    assert result.err == ("planlint: error: a2.toml: rule code ACME101 (revenue-floor) is already used by 'acme' "
                          "(a1.toml); codes must be unique across packs, or planlint check stops with exit 2\n")
    write_plan(tmp_path)
    assert run("check", "--pack", "a1.toml", "--pack", "a2.toml", "a.plan", cwd=tmp_path).code == 2


def test_a_builtin_code_exits_2(tmp_path: Path) -> None:
    result = run("test-rules", write(tmp_path, PACK.replace("ACME101", "PL101")), cwd=tmp_path)
    assert result.code == 2
    assert "acme.toml: rule code PL101 (revenue-floor) is already used by the built-in rules" in result.err
    write_plan(tmp_path)
    assert run("check", "--pack", "acme.toml", "a.plan", cwd=tmp_path).code == 2


def test_a_pack_is_not_a_clash_with_itself_in_the_configuration(tmp_path: Path) -> None:
    write(tmp_path, PACK)
    (tmp_path / "planlint.toml").write_text('packs = ["acme.toml"]\n', encoding="utf-8")
    assert run("test-rules", "acme.toml", cwd=tmp_path).code == 0
    (tmp_path / "emea.toml").write_text(PACK, encoding="utf-8")
    result = run("test-rules", "emea.toml", cwd=tmp_path)  # check would load both: a clash
    assert result.code == 2 and "emea.toml: rule code ACME101 (revenue-floor) is already used by 'acme' (acme.toml)" in result.err


def test_a_code_of_an_installed_plugin_clashes_unless_the_plugin_is_off(tmp_path: Path) -> None:
    env = plugin_site(tmp_path / "site")
    plans = tmp_path / "plans"
    plans.mkdir()
    # Another pack (its own [pack] name) reusing the plugin's code; the same pack is its installed copy (issue 18 item 10).
    (plans / "mine.toml").write_text(FAKE_PACK.replace('name = "fake"', 'name = "mine"'), encoding="utf-8")
    result = run_process("test-rules", "mine.toml", cwd=plans, env=env)
    assert result.code == 2 and "mine.toml: rule code FAKE101 (fake-revenue-floor) is already used by 'fake' (" in result.err
    assert "switch it off with `plugins = { fake = false }` in planlint.toml" in result.err
    assert run_process("test-rules", str(tmp_path / "site" / "fake.toml"), cwd=plans, env=env).code == 0  # its own file
    (plans / "planlint.toml").write_text("plugins = { fake = false }\n", encoding="utf-8")
    assert run_process("test-rules", "mine.toml", cwd=plans, env=env).code == 0


def write_plan(folder: Path) -> None:
    (folder / "a.plan").write_text(PLAN, encoding="utf-8")
