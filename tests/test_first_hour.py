"""Issue 18: the rough edges a new user meets in the first hour, each checked as the user sees it.

Every test runs ``planlint`` through its command line (:func:`run`, the real
entry point with captured output) and asserts on what is printed.
"""

from __future__ import annotations

from pathlib import Path

from _planlint import run, write

REPO = Path(__file__).resolve().parent.parent

PEOPLE_PLAN = """\
plan "Acme Corp FY2027" {
  account "Acme Corp"
  owner "Jane Doe"
  research {
    customer {
      goal "Cut operating cost 10% by FY2028" source "FY2026 annual report"
      initiative "Consolidate three ERPs into one by Q3 2027" source crm
      question "Who owns the integration budget?" ask "Raj Patel"
    }
  }
  stakeholder "Mary Chen" { title "CFO" }
  objective revenue "Win the ERP consolidation" {
    supports "Reduce the operating costs"
    with "Bob Smith"
    with "Mary Chen"
    with "Raj Patel"
    target $500k by 2027-06-30
  }
  objective business_development "Qualify the analytics white space" {
    supports "Cut operating costs by 10%"
    target 3 meetings by 2027-06-30
  }
}
"""


def test_blank_template_reports_each_placeholder_once_where_it_stands() -> None:
    """Item 7: the question's `ask "TBD"` is its own finding at its own column; `metric "TBD"` on its line."""
    result = run("check", "samples/blank.plan", cwd=REPO)
    lines = result.out.splitlines()
    line14 = [line for line in lines if line.startswith("samples/blank.plan:14:") and "PL901" in line]
    assert line14 == [
        'samples/blank.plan:14:7: error   PL901 placeholder-text: placeholder \'TBD\' in open question: "TBD"',
        'samples/blank.plan:14:26: error   PL901 placeholder-text: placeholder \'TBD\' in open question ask: "TBD"',
    ]
    metric = [line for line in lines if "metric" in line and "PL901" in line]
    assert metric == ['samples/blank.plan:36:12: error   PL901 placeholder-text: placeholder \'TBD\' in objective '
                      '{{objective}} metric: "TBD"']
    assert len(lines) == len(set(lines)), "a finding is printed twice"


def test_with_names_someone_nowhere_in_the_plan(tmp_path: Path) -> None:
    """Item 14: `with "Bob Smith"` (nobody in the plan) is flagged at the name; mapped and team people pass."""
    write(tmp_path, "acme.plan", PEOPLE_PLAN)
    result = run("check", "acme.plan", "--as-of", "2027-02-01", cwd=tmp_path)
    found = [line for line in result.out.splitlines() if "PL156" in line]
    assert found == ["acme.plan:14:10: warning PL156 with-known-person: objective 'Win the ERP consolidation' is with "
                     "'Bob Smith', who is named nowhere else in the plan (not a stakeholder, an owner or on the team)"]


def test_supports_paraphrase_points_at_the_closest_goal(tmp_path: Path) -> None:
    """Item 14: a close paraphrase (word overlap >= 0.6) passes; a loose one is told the closest goal and its line."""
    write(tmp_path, "acme.plan", PEOPLE_PLAN)
    result = run("check", "acme.plan", "--as-of", "2027-02-01", cwd=tmp_path)
    found = [line for line in result.out.splitlines() if "PL206" in line]
    assert found == ["acme.plan:12:3: warning PL206 objective-supports-goal: objective 'Win the ERP consolidation' "
                     "supports \"Reduce the operating costs\", which is not a goal, initiative, pressure or obstacle in "
                     "the customer research; did you mean the goal on line 6 (\"Cut operating cost 10% by FY2028\")?"]


def test_configuration_mistakes_are_told_in_toml_words(tmp_path: Path) -> None:
    """Item 8: no pydantic wording ("input is too short") and no Python reprs (``datetime.datetime(...)``)."""
    write(tmp_path, "a.plan", PEOPLE_PLAN)
    told = {}
    for value in ('"yesterday"', "2027-02-01T10:00:00", "[2027-02-01]"):
        write(tmp_path, "planlint.toml", f"as-of = {value}\n")
        result = run("check", "a.plan", cwd=tmp_path)
        assert result.code == 2
        told[value] = result.err
    assert told['"yesterday"'] == "planlint: error: planlint.toml:1:1: bad value for 'as-of': expected a date like 2027-02-01, got 'yesterday'\n"
    assert told["2027-02-01T10:00:00"] == ("planlint: error: planlint.toml:1:1: bad value for 'as-of': expected a date like "
                                           "2027-02-01 (no time of day), got 2027-02-01T10:00:00\n")
    assert "expected a date like 2027-02-01" in told["[2027-02-01]"]
    write(tmp_path, "planlint.toml", 'fail-under = 165\nweights = { PL302 = "x" }\nseverity = { PL302 = "warnng" }\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.err.splitlines() == [
        "planlint: error: planlint.toml:3:14: bad value for 'severity.PL302': expected one of 'error', 'warning' or 'info', "
        "got 'warnng'; did you mean 'warning'?",
        "planlint: error: planlint.toml:2:13: bad value for 'weights.PL302': expected a number, got 'x'",
        "planlint: error: planlint.toml:1:1: bad value for 'fail-under': expected a number at most 100, got 165",
    ]


def test_pack_mistakes_are_told_in_toml_words(tmp_path: Path) -> None:
    """Item 8: the pack loader speaks TOML too."""
    from _planlint import PACK

    write(tmp_path, "acme.toml", PACK.replace('category = "objectives"', 'category = "objectives"\nweight = "heavy"'))
    result = run("test-rules", "acme.toml", cwd=tmp_path)
    assert result.code == 2
    assert result.err == "planlint: error: acme.toml:9: rule ACME101: field 'weight': expected a number, got 'heavy'\n"
    write(tmp_path, "acme.toml", PACK.replace("examples_as_of = 2027-03-01", "examples_as_of = 2027-03-01T10:00:00"))
    result = run("test-rules", "acme.toml", cwd=tmp_path)
    assert result.err == ("planlint: error: acme.toml:3: field 'pack.examples_as_of': expected a date like 2027-02-01 "
                          "(no time of day), got 2027-03-01T10:00:00\n")


def _installed_copy_of_meddpicc(site: Path) -> Path:
    """What `pip install ./plugins/planlint-meddpicc` (not editable) leaves: a copy of the package and its entry point."""
    import shutil

    shutil.copytree(REPO / "plugins" / "planlint-meddpicc" / "planlint_meddpicc", site / "planlint_meddpicc")
    write(site, "planlint_meddpicc-0.1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: planlint-meddpicc\nVersion: 0.1.0\n")
    write(site, "planlint_meddpicc-0.1.0.dist-info/entry_points.txt", "[planlint]\nmeddpicc = planlint_meddpicc\n")
    return site / "planlint_meddpicc" / "meddpicc.toml"


def test_test_rules_recognises_the_installed_copy_of_the_pack(tmp_path: Path) -> None:
    """Item 10: the plugin README's `planlint test-rules plugins/.../meddpicc.toml` after a non-editable install."""
    from _planlint import run_process

    installed = _installed_copy_of_meddpicc(tmp_path / "site")
    pack = "plugins/planlint-meddpicc/planlint_meddpicc/meddpicc.toml"
    env = {"PYTHONPATH": str(tmp_path / "site")}
    result = run_process("test-rules", pack, cwd=REPO, env=env)
    assert result.code == 0, result.err
    assert "already used" not in result.err
    assert result.out.endswith("all 14 examples do what they say\n")
    installed.write_text(installed.read_text() + "# edited after installing\n")
    result = run_process("test-rules", pack, cwd=REPO, env=env)
    assert result.code == 0
    assert result.err.startswith(f"planlint: note: testing {pack} in place of pack 'meddpicc' as installed (")
    assert "which differs; `planlint check` uses the installed copy until you reinstall it" in result.err
