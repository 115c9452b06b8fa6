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
