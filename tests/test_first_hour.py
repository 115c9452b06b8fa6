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
    found = [line for line in result.out.splitlines() if "PL156" in line and line.startswith("acme.plan:")]
    assert found == ["acme.plan:14:10: warning PL156 with-known-person: objective 'Win the ERP consolidation' is with "
                     "'Bob Smith', who is named nowhere else in the plan (not a stakeholder, an owner or on the team)"]


def test_supports_paraphrase_points_at_the_closest_goal(tmp_path: Path) -> None:
    """Item 14: a close paraphrase (word overlap >= 0.6) passes; a loose one is told the closest goal and its line."""
    write(tmp_path, "acme.plan", PEOPLE_PLAN)
    result = run("check", "acme.plan", "--as-of", "2027-02-01", cwd=tmp_path)
    found = [line for line in result.out.splitlines() if "PL206" in line and line.startswith("acme.plan:")]
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


# --------------------------------------------------------------------------- items 5, 9, 12, 13


def test_no_plans_found_is_a_warning_that_says_why(tmp_path: Path) -> None:
    """Item 5: an empty folder and an excluded file warn (exit 0) with the reason; an empty path is refused."""
    (tmp_path / "empty").mkdir()
    result = run("check", "empty", cwd=tmp_path)
    assert result.code == 0
    assert result.err == "planlint: warning: no plans to check: no *.plan file in empty\n"
    assert "mean score" not in result.out and "0 files checked" in result.out and "no plan scored" in result.out
    write(tmp_path, "planlint.toml", 'exclude = ["drafts/"]\n')
    write(tmp_path, "drafts/a.plan", PEOPLE_PLAN)
    result = run("check", "drafts/a.plan", cwd=tmp_path)
    assert result.err == "planlint: warning: no plans to check: drafts/a.plan is excluded by 'exclude' in planlint.toml\n"
    result = run("check", "", cwd=tmp_path)
    assert result.code == 2 and "an empty path was given" in result.err


def test_explain_shows_a_template_readably_and_suggests_only_close_names(tmp_path: Path) -> None:
    """Item 9: ``{name}`` reads as <name>; PL999 suggests nothing; a misspelt name gets the right one."""
    from _planlint import PACK

    write(tmp_path, "acme.toml", PACK)
    result = run("explain", "ACME101", "--pack", "acme.toml", cwd=tmp_path)
    assert "objective '<name>' targets <value>; the floor is <expected>\n" in result.out
    assert "(<name>, <value>, <expected>: filled in from the plan when the rule reports)" in result.out
    assert "{" not in result.out.split("Why it matters")[0]
    assert run("explain", "PL999", cwd=tmp_path).err == "planlint: error: unknown rule 'PL999'; run 'planlint rules' to list them\n"
    assert "did you mean 'stakeholders'?" in run("explain", "stakholders", cwd=tmp_path).err


def test_test_rules_on_an_empty_pack_fails(tmp_path: Path) -> None:
    """Item 9: "all 0 examples do what they say" was a pass; a pack with no rules tests nothing."""
    write(tmp_path, "empty.toml", '[pack]\nname = "empty"\n')
    result = run("test-rules", "empty.toml", cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    assert result.err == ("planlint: error: empty.toml: the pack has no rules, so nothing was tested (add a [[rule]] "
                          "with passing and failing examples)\n")


def test_counts_are_singular_and_plural_and_formats_agree(tmp_path: Path) -> None:
    """Item 12: "1 error" not "1 errors", "infos" as in JSON, "1 rule, 2 examples"."""
    from _planlint import PACK, PLAN

    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'select = ["PL302"]\n')
    result = run("check", "a.plan", cwd=tmp_path)
    assert result.out.splitlines()[-1].startswith("1 plan checked, 1 finding (1 error, 0 warnings, 0 infos), mean score")
    result = run("check", "a.plan", "--format", "github", cwd=tmp_path)
    assert result.out.splitlines()[-1].startswith("planlint: 1 plan checked, 1 finding (1 error, 0 warnings, 0 infos)")
    write(tmp_path, "acme.toml", PACK)
    assert run("test-rules", "acme.toml", cwd=tmp_path).out.startswith("acme.toml: 1 rule, 2 examples, 0 failed")
    result = run("check", "a.plan", "--write-baseline", "b.json", cwd=tmp_path)
    assert result.err == "planlint: wrote b.json: 1 finding in 1 plan\n"


def test_output_files_are_announced_and_their_format_is_never_guessed(tmp_path: Path) -> None:
    """Item 12: `check -o` says what it wrote, as `report -o` does; `report -o r.txt` is refused, not HTML."""
    from _planlint import PLAN

    write(tmp_path, "a.plan", PLAN)
    result = run("check", "a.plan", "-o", "out.json", "--format", "json", cwd=tmp_path)
    assert result.err.startswith("planlint: wrote out.json: json report of 1 file, ") and result.err.endswith(" findings\n")
    assert (tmp_path / "out.json").read_text().startswith("{")
    result = run("report", "a.plan", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 2 and not (tmp_path / "r.txt").exists()
    assert "cannot tell the report's format from 'r.txt' (it ends in .txt" in result.err


def test_help_is_plain_text(tmp_path: Path) -> None:
    """Item 12: no backticks or RST roles in any command's --help."""
    import contextlib
    import io

    from planlint.cli.app import COMMANDS, main

    for command in COMMANDS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            main([command, "--help"])
        assert out.getvalue().startswith("usage: planlint " + command)
        assert "`" not in out.getvalue() and ":func:" not in out.getvalue(), command


def test_parse_reports_like_check_and_refuses_a_folder() -> None:
    """Item 12: `parse` errors carry severity, code and name as `check` prints them; a folder is named as one."""
    parsed = run("parse", "samples/broken.plan", cwd=REPO)
    checked = run("check", "samples/broken.plan", cwd=REPO)
    first = "samples/broken.plan:7:3: error   PL001 syntax-error: unknown keyword 'objectve' — did you mean 'objective'?"
    assert parsed.code == 1 and parsed.err.splitlines()[0] == first and first in checked.out.splitlines()
    result = run("parse", "samples/", cwd=REPO)
    assert result.code == 2
    assert result.err == "planlint: error: samples/ is a folder: planlint parse reads one plan file (planlint check reads folders)\n"


def test_portfolio_takes_config_and_writes_money_as_the_report_does() -> None:
    """Item 12: `portfolio --config`; thresholds read $1M as in the report, not $1.00M."""
    result = run("portfolio", "samples/portfolio.plan", "--config", "samples/planlint.toml", cwd=REPO)
    assert "high current from $1M, high future from $1M" in result.out
    assert "$1.00M" not in result.out


def test_force_color_and_dash_capital_v(tmp_path: Path) -> None:
    """Item 13: FORCE_COLOR colours a pipe (NO_COLOR still wins); -V is --version."""
    from _planlint import PLAN, run_process

    write(tmp_path, "a.plan", PLAN)
    plain = run_process("check", "a.plan", "--no-cache", cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": ""})
    forced = run_process("check", "a.plan", "--no-cache", cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    both = run_process("check", "a.plan", "--no-cache", cwd=tmp_path, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.out and "\x1b[" in forced.out and "\x1b[" not in both.out
    zero = run_process("check", "a.plan", "--no-cache", cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": "0"})
    assert "\x1b[" not in zero.out
    short, long = run_process("-V", cwd=tmp_path), run_process("--version", cwd=tmp_path)
    assert short.code == 0 and short.out == long.out and short.out.startswith("planlint ")


# --------------------------------------------------------------------------- conventions: Ruff-style overrides


def test_select_extend_select_and_ignore_on_the_command_line(tmp_path: Path) -> None:
    """--select replaces the file's select; --extend-select adds; --ignore removes; comma-separated and repeatable."""
    from _planlint import PLAN

    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'select = ["PL302"]\n')

    def codes(*options: str) -> set[str]:
        out = run("check", "a.plan", "-q", *options, cwd=tmp_path).out
        return {line.split()[2] for line in out.splitlines() if line.startswith("a.plan:")}

    assert codes() == {"PL302"}
    assert codes("--select", "PL303") == {"PL303"}
    assert codes("--extend-select", "PL303") == {"PL302", "PL303"}
    assert codes("--select", "PL302,PL303", "--ignore", "action-owner") == {"PL303"}
    result = run("check", "a.plan", "--select", "PL3O2", cwd=tmp_path)
    assert result.code == 2 and result.err.startswith("planlint: error: --select: unknown rule 'PL3O2' in 'select'")


def test_config_key_value_overrides_are_validated_like_the_file(tmp_path: Path) -> None:
    """--config 'key = value' changes one setting for the run; mistakes read as the file's do, naming the option."""
    from _planlint import PLAN

    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'select = ["PL302"]\n')
    assert run("check", "a.plan", cwd=tmp_path).code == 1  # PL302, an error
    assert run("check", "a.plan", "--config", "select = ['PL90']", cwd=tmp_path).code == 0  # nothing of PL90 fires
    result = run("check", "a.plan", "--config", "fail-under = 200", cwd=tmp_path)
    assert result.code == 2
    assert result.err == "planlint: error: --config 'fail-under = 200': bad value for 'fail-under': expected a number at most 100, got 200\n"
    result = run("check", "a.plan", "--config", "fail_undr = 20", cwd=tmp_path)
    assert result.err == "planlint: error: --config 'fail_undr = 20': unknown key 'fail_undr'; did you mean 'fail-under'?\n"
    result = run("check", "a.plan", "--config", "fail-under = ", cwd=tmp_path)
    assert result.code == 2 and result.err.startswith("planlint: error: --config 'fail-under = ': not a TOML 'key = value' line")
    result = run("config", "a.plan", "--config", "fail-under = 55", cwd=tmp_path)
    assert "fail-under = 55" in result.out


def test_show_files_lists_each_plan_with_its_configuration(tmp_path: Path) -> None:
    """--show-files: what a run would check and which configuration applies, and what `exclude` drops."""
    from _planlint import PLAN

    write(tmp_path, "plans/a.plan", PLAN)
    write(tmp_path, "plans/emea/b.plan", PLAN)
    write(tmp_path, "plans/emea/planlint.toml", 'exclude = ["old.plan"]\n')
    write(tmp_path, "plans/emea/old.plan", PLAN)
    result = run("check", "plans", "--show-files", cwd=tmp_path)
    assert result.code == 0
    assert result.out.splitlines() == [
        "plans/a.plan  configured by (defaults: no configuration file found)",
        "plans/emea/b.plan  configured by plans/emea/planlint.toml",
        "plans/emea/old.plan  excluded by 'exclude' in plans/emea/planlint.toml",
    ]


# --------------------------------------------------------------------------- conventions: JSON Schemas for editors


def _as_json(value: object) -> object:
    """A TOML value as an editor's TOML support hands it to a JSON Schema: dates as ISO strings."""
    import datetime as dt

    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else value


def test_published_schemas_are_current_and_validate_the_shipped_files() -> None:
    """docs/planlint.schema.json and docs/rule-pack.schema.json are what `planlint schema` prints, and they work."""
    import json

    import jsonschema

    from planlint.config.loader import read_toml

    for option, name in (("--config-schema", "planlint.schema.json"), ("--pack-schema", "rule-pack.schema.json")):
        printed = run("schema", option, cwd=REPO).out
        assert (REPO / "docs" / name).read_text(encoding="utf-8") == printed, (
            f"docs/{name} is stale: run `planlint schema {option} > docs/{name}`")
    config = jsonschema.Draft202012Validator(json.loads((REPO / "docs" / "planlint.schema.json").read_text()))
    pack = jsonschema.Draft202012Validator(json.loads((REPO / "docs" / "rule-pack.schema.json").read_text()))
    assert not list(config.iter_errors(_as_json(read_toml(REPO / "samples" / "planlint.toml"))))
    for path in (REPO / "rules" / "examples" / "acme.toml", REPO / "rules" / "builtin" / "builtin.toml"):
        assert not list(pack.iter_errors(_as_json(read_toml(path)))), path
    mistakes = [error.message for error in config.iter_errors({"fail_undr": 70, "severity": {"PL302": "warnng"}})]
    assert any("'fail_undr' was unexpected" in m for m in mistakes) and any("'warnng' is not one of" in m for m in mistakes)
    assert list(pack.iter_errors({"pack": {"name": "x"}, "rule": [{"code": "acme1"}]}))


# --------------------------------------------------------------------------- conventions: planlint new, planlint init


def test_new_writes_a_starter_that_reads_teaches_and_scores_as_a_template(tmp_path: Path) -> None:
    """`planlint new`: every section with its comment, unknowns as questions, a score below 15, fixes first."""
    leads = {"acquisition": ("research {", "objective business_development"),
             "expansion": ("# unit \"Division\"", "objective revenue \"Expand"),
             "customer-success": ("monthly active users", "objective customer_success")}
    for kind, (first, objective) in leads.items():
        name = f"acme-{kind}.plan"
        made = run("new", "--type", kind, "--account", "Acme Corp", name, cwd=tmp_path)
        assert made.code == 0 and made.err.startswith(f"planlint: wrote {name}, ")
        text = (tmp_path / name).read_text()
        for section in ("research {", "# Plan units", "# Stakeholders", "# Objectives", "# The pipeline"):
            assert section in text, (kind, section)
        assert "TBD" not in text and "{{" not in text and "question \"" in text
        assert text.index(first) < text.index("# Stakeholders") or kind == "customer-success"
        assert objective in text
        checked = run("check", name, "--format", "json", cwd=tmp_path)
        import json

        result = json.loads(checked.out)["files"][0]
        assert not [f for f in result["findings"] if f["code"] in ("PL001", "PL002", "PL901")], kind  # reads; no placeholder
        assert result["score"] < 15, (kind, result["score"])
        assert result["fixes"][0]["code"] == "PL201"  # write an objective first
    again = run("new", "acme-acquisition.plan", cwd=tmp_path)
    assert again.code == 2 and "already exists; planlint new never overwrites" in again.err
    assert run("new", "acme.txt", cwd=tmp_path).code == 2


def test_init_writes_a_commented_configuration_that_planlint_reads(tmp_path: Path) -> None:
    """`planlint init`: planlint.toml (or [tool.planlint]), valid, commented, never overwritten."""
    made = run("init", cwd=tmp_path)
    assert made.code == 0 and made.err.startswith("planlint: wrote planlint.toml")
    text = (tmp_path / "planlint.toml").read_text()
    assert "# fail-under = 65" in text and "select = [\"ALL\"]" in text and "# packs = " in text
    shown = run("config", ".", cwd=tmp_path)
    assert shown.code == 0 and "# from planlint.toml" in shown.out
    assert run("init", cwd=tmp_path).code == 2
    other = tmp_path / "py"
    write(other, "pyproject.toml", '[project]\nname = "plans"\n')
    assert run("init", "--pyproject", cwd=other).code == 0
    text = (other / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "plans"\n') and "\n[tool.planlint]\n" in text
    assert "# from pyproject.toml" in run("config", ".", cwd=other).out


def test_text_points_to_help_for_each_rule_and_messages_stay_the_same(tmp_path: Path) -> None:
    """Text output ends each file with where to read about its rules; JSON messages are the same words, no hint."""
    import json

    from _planlint import PLAN

    write(tmp_path, "a.plan", PLAN)
    write(tmp_path, "planlint.toml", 'select = ["PL302", "PL303"]\n')
    text = run("check", "a.plan", cwd=tmp_path).out
    assert "  help: planlint explain CODE says why a rule matters and how to fix it (PL302, PL303)\n" in text
    data = json.loads(run("check", "a.plan", "--format", "json", cwd=tmp_path).out)
    messages = [finding["message"] for finding in data["files"][0]["findings"]]
    assert messages and all(f": {message}" in text for message in messages)
    assert "planlint explain" not in json.dumps(data)
    assert "help:" not in run("check", "a.plan", "-q", cwd=tmp_path).out


def test_summary_says_how_many_plans_and_portfolios_were_checked() -> None:
    """Item 6 (with the verdict's portfolio kind): the summary names plans, portfolios and unreadable files."""
    last = run("check", "samples/", cwd=REPO).out.splitlines()[-1]
    assert last.startswith("6 files checked (4 plans, 1 portfolio, 1 cannot be read), ")
    assert last.endswith(" of the 4 plans")
    assert run("check", "samples/acme.plan", cwd=REPO).out.splitlines()[-1].startswith("1 plan checked, ")


# --------------------------------------------------------------------------- items 2, 3, 4: values and their messages


def _first_error(tmp_path: Path, body: str, inside: str = "objective") -> str:
    opening = {"objective": '  objective revenue "Win it" {\n', "stakeholder": '  stakeholder "Mary Chen" {\n',
               "plan": ""}[inside]
    closing = "  }\n" if opening else ""
    write(tmp_path, "v.plan", f'plan "A" {{\n{opening}    {body}\n{closing}}}\n')
    result = run("check", "v.plan", "-q", "--select", "PL0", cwd=tmp_path)
    assert result.code == 1, result.out
    return result.out.splitlines()[0]


def test_a_currency_code_after_a_number_is_not_a_count(tmp_path: Path) -> None:
    """Item 2: `target 500000 USD` was a count of "USD", accepted as measurable; now refused with the spelling."""
    assert _first_error(tmp_path, "target 500000 USD by 2027-06-30") == (
        "v.plan:3:12: error PL002 invalid-value: '500000 USD' is not read as money: write the currency first, like USD 500,000")


def test_a_two_word_value_gets_the_value_did_you_mean(tmp_path: Path) -> None:
    """Item 3: the value's did-you-mean comes first, not "unknown keyword 'Buyer'"."""
    told = _first_error(tmp_path, "role Economic Buyer", "stakeholder")
    assert "unknown role 'Economic Buyer' — did you mean 'economic_buyer'?" in told and "keyword" not in told
    told = _first_error(tmp_path, "cadence every month", "plan")
    assert "unknown cadence 'every month' — did you mean 'monthly'?" in told


def test_a_number_planlint_cannot_read_is_told_what_is_wrong(tmp_path: Path) -> None:
    """Item 4: no "unexpected character '5'; expected ... a number or ... an amount" contradiction."""
    assert _first_error(tmp_path, "target 500k by 2027-06-30").endswith(
        "PL001 syntax-error: '500k' has no currency: write $500k, EUR 500k or another code before the amount")
    assert _first_error(tmp_path, "target 1e10%").endswith(
        "PL001 syntax-error: '1e10%' is not a number planlint reads: write the digits, without an exponent")
