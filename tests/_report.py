"""Plans, a portfolio and a small git repository for the report tests.

The plans differ in how complete they are, so their scores differ whatever
the exact weights of the built-in pack; tests compare scores, never assume
their exact values.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
from pathlib import Path

import pytest

from planlint.engine import Linter
from planlint.api.registry import load_registry
from planlint.output.report.build import ReportOptions, build_report
from planlint.output.report.model import Report
from planlint.config.settings import Settings

AS_OF = dt.date(2027, 2, 1)

THIN = """\
plan "Initech FY2027" {
  account "Initech"
  owner "Bob Smith"
  revenue current $1.6M, future high
  objective revenue "Increase revenue" {
    strategy "Leverage synergies" {
      action "TODO: follow up"
    }
  }
}
"""

FULL = """\
plan "Acme Corp FY2027" {
  account "Acme Corp"
  owner "Jane Doe"
  team "Raj Patel", "Li Wei"
  period 2027-01-01 to 2027-12-31
  cadence monthly
  reviewed 2027-01-20
  revenue current $1.2M, future $3.5M
  research {
    customer {
      goal "Cut operating cost 10% by FY2028" source "FY2026 annual report"
      pressure "New low-cost entrants are taking share in the EU market" source external
      initiative "Consolidate three ERPs into one by Q3 2027" source customer
      obstacle "No internal integration team; all integration is outsourced" source account_team
      fact "IT budget frozen until April, then released per programme" source crm
      question "Who owns the integration budget after April?" ask "Mary Chen"
    }
    competitor "Globex" {
      position incumbent
      strength "Installed in two divisions with a five-year maintenance contract"
      weakness "Slow support response: three escalations to the CFO in 2026"
    }
    company {
      strength "Two ERP migration references in manufacturing"
      reference "Initech consolidated four ERPs with us in nine months"
    }
  }
  unit "Manufacturing" { white_space "Analytics", "Field service" }
  stakeholder "Mary Chen" {
    title "CFO"
    role economic_buyer
    influence high
    stance supporter
    owner "Jane Doe"
  }
  stakeholder "Tom Reyes" {
    title "VP Operations"
    role champion
    influence medium
    stance supporter
    owner "Raj Patel"
  }
  stakeholder "Ann Lee" {
    title "CIO"
    role influencer
    influence high
    stance neutral
    owner "Li Wei"
  }
  objective revenue "Win the ERP consolidation" {
    target $500k by 2027-06-30
    supports "Consolidate three ERPs into one by Q3 2027"
    with "Mary Chen"
    strategy "Position as the consolidation partner" {
      action "Executive briefing with the CFO on consolidation costs" owner "Jane Doe" due 2027-02-15
      action "Reference call with Initech's programme lead" owner "Raj Patel" due 2027-03-01
    }
  }
  objective relationship "Build a sponsor in operations" {
    target 3 meetings by 2027-04-30
    with "Tom Reyes"
    strategy "Show value on the Lyon pilot" {
      action "Workshop on predictive maintenance in Lyon" owner "Li Wei" due 2027-03-15
    }
  }
}
"""

BROKEN = 'plan "Broken" {\n  owner "X"\n  objectve revenue "Oops" {}\n}\n'

PORTFOLIO = """\
portfolio "Territory" {
  high_current $1M
  high_future $1M
  account "Acme Corp" { current $1.2M future $3.5M plan "acme.plan" }
  account "Initech" { current $1.6M future high plan "initech.plan" }
  account "Globex Retail" { current $150k future $2M }
  account "Hooli" { current low future low }
}
"""


@pytest.fixture(autouse=True)
def no_parent_repository(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep git from finding a repository above the test's folder, and show paths relative to it (autouse where imported)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)


@functools.lru_cache(maxsize=1)
def shared_linter() -> Linter:
    return Linter(load_registry(), Settings(), as_of=AS_OF)


def linter_for(_: Path) -> Linter:
    """Every test file is judged by the built-in pack as of :data:`AS_OF`."""
    return shared_linter()


def report_on(paths: list[Path], **options: object) -> Report:
    return build_report(sorted(paths), linter_for, ReportOptions(as_of=AS_OF, **options))  # type: ignore[arg-type]


def git(repo: Path, *args: str, when: str = "2027-01-05T10:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "TZ": "UTC"}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                    "-c", "init.defaultBranch=main", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, files: dict[str, str], when: str, message: str = "edit") -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", *files, when=when)
    git(repo, "commit", "-q", "-m", message, when=when)


def make_repo(root: Path) -> Path:
    """A repository where acme.plan grows from thin to full over three commits and initech.plan stays thin."""
    repo = root / "plans"
    repo.mkdir()
    git(repo, "init", "-q")
    middle = FULL.split("  stakeholder")[0] + "}\n"  # research but no people or objectives yet
    commit(repo, {"acme.plan": THIN.replace("Initech", "Acme Corp"), "initech.plan": THIN}, "2027-01-05T10:00:00",
           "First drafts of Acme and Initech")
    commit(repo, {"acme.plan": middle}, "2027-01-12T10:00:00", "Acme: research from the discovery call")
    commit(repo, {"acme.plan": FULL}, "2027-01-19T10:00:00", "Acme: people, objectives and actions")
    return repo

