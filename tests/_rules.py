"""Helpers for the rule tests: a complete plan to mutate, and linting with chosen rules.

GOOD passes every built-in rule on AS_OF; each test changes one thing in it
and asserts what the user would see (the finding, its message, the score).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from planlint.engine import Linter
from planlint.language.parser import parse_text
from planlint.api.registry import load_registry
from planlint.engine.results import FileResult, RuleScore
from planlint.config.settings import Settings

REGISTRY = load_registry()
AS_OF = dt.date(2027, 3, 1)

GOOD = """\
plan "Umbrella FY2027" {
  account "Umbrella Health"
  owner "Jane Doe"
  team "Raj Patel"
  period 2027-01-01 to 2027-12-31
  cadence monthly
  reviewed 2027-02-20
  revenue current $1.5M, future high

  research {
    customer {
      goal "Cut claims processing cost by 15% before 2028" source "2026 annual report"
      pressure "Regulator fines for late claims doubled in 2026" source external
      initiative "Move claims intake to one platform by Q4 2027" source customer
      obstacle "Claims IT team lost two architects this year" source account_team
      fact "Budget for the intake platform approved in January" source crm
      question "Who signs off the platform vendor shortlist?" ask "Nora Vance"
    }
    competitor "Hooli Cloud" {
      strength "Runs the customer's email and collaboration suite"
      weakness "No claims-specific workflow module"
    }
    company {
      strength "Claims intake platform live at three regional insurers"
      reference "Massive Dynamic cut claims cost 12% with us in 2025"
    }
  }

  unit "Claims" {
    current "Intake platform"
    potential "Fraud analytics"
    white_space "Customer portal"
  }

  stakeholder "Nora Vance" {
    title "COO"
    role economic_buyer
    influence high
    stance supporter
    owner "Jane Doe"
  }
  stakeholder "Sam Ortiz" {
    title "Head of Claims IT"
    role champion
    influence medium
    stance supporter
    owner "Raj Patel"
  }
  stakeholder "Lee Park" {
    title "Procurement lead"
    role gatekeeper
    influence medium
    stance neutral
    owner "Raj Patel"
  }

  objective revenue "Win the claims intake platform" {
    target $900k by 2027-09-30
    supports "Move claims intake to one platform by Q4 2027"
    unit "Claims"
    strategy "Prove the cost case with references" {
      action "Reference visit to Massive Dynamic with Nora Vance" owner "Jane Doe" due 2027-04-15
      action "Cost model workshop with the claims team" owner "Raj Patel" due 2027-05-15
    }
  }

  objective business_development "Qualify fraud analytics in Claims" {
    target 2 opportunities by 2027-06-30
    supports "Cut claims processing cost by 15% before 2028"
    unit "Claims"
    strategy "Discovery on fraud losses" {
      action "Fraud loss discovery call with Sam Ortiz" owner "Raj Patel" due 2027-04-01
      action "Share the fraud analytics benchmark from a peer insurer" owner "Jane Doe" due 2027-05-01
    }
  }

  objective relationship "Monthly steering meeting with the COO" {
    with "Nora Vance"
    target 6 meetings by 2027-12-31
    supports "Move claims intake to one platform by Q4 2027"
    strategy "Own the steering agenda" {
      action "Propose the steering charter to Nora Vance" owner "Jane Doe" due 2027-03-31
      action "Send the first steering pack with platform milestones" owner "Raj Patel" due 2027-04-30
    }
  }

  pipeline {
    deals 5
    average $300k
    win_rate 40%
    cycle 90 days
  }
}
"""


def lint(text: str, select: Optional[list[str]] = None, as_of: dt.date = AS_OF,
         options: Optional[dict[str, Any]] = None) -> FileResult:
    """Lint plan text with the built-in pack (or only ``select``), as of ``as_of``."""
    settings = Settings(select=select) if select else Settings()
    linter = Linter(REGISTRY, settings, as_of=as_of)
    return linter.lint_model(parse_text(text, "test.plan"), "test.plan", options)


def rule(result: FileResult, code: str) -> RuleScore:
    return next(r for r in result.rules if r.code == code)


def messages(result: FileResult, code: str) -> list[str]:
    return [f.message for f in result.failing() if f.code == code]


def change(old: str, new: str, text: str = GOOD) -> str:
    """GOOD with one exact piece replaced; fails loudly if the piece is not there."""
    assert text.count(old) == 1, f"{old!r} is not exactly once in the plan"
    return text.replace(old, new)
