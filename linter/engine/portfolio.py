"""Linting a portfolio file: place its accounts, score their plans, judge the A accounts.

A portfolio's verdict depends on other files (the plans it references, paths
relative to the portfolio file), so this is the one module that reads them.
Each referenced plan is linted with the quadrant the *portfolio* places it in
(``options["quadrant"]``): an account the manager calls A is held to every
rule, whatever its own revenue line says. The placement itself comes from the
pure :mod:`planlint.api.quadrants`, so the text two-by-two and the HTML report
agree with these findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..model import Portfolio
from ..api.quadrants import DEFAULT_MIN_SCORE, Placement, Thresholds, place_accounts, quadrant
from .findings import checked, finding_at, finding_order
from .results import FileResult, Finding
from ..api.rule import AccountCheck, PortfolioContext, PortfolioRule
from ..config.settings import effective_severity

if TYPE_CHECKING:
    from .linter import Linter


@dataclass
class PortfolioOutcome:
    """Everything `planlint portfolio` shows: the portfolio's findings, the placements, the plans."""

    result: FileResult
    placements: list[Placement]
    plans: dict[str, FileResult] = field(default_factory=dict)
    by_account: dict[str, FileResult] = field(default_factory=dict)


def plan_location(portfolio_path: str, reference: str) -> Path:
    """Where a `plan "..."` reference points: relative to the portfolio file's folder."""
    target = Path(reference)
    if target.is_absolute():
        return target
    base = Path(portfolio_path).parent if not portfolio_path.startswith("<") else Path(".")
    return base / target


def min_score_of(linter: "Linter", explicit: Optional[float] = None) -> float:
    """The bar for A-quadrant plans: the command line, then the configuration, then 70."""
    if explicit is not None:
        return explicit
    configured = linter.settings.a_quadrant_bar()
    if configured is not None:
        return configured
    return linter.portfolio_min_score if linter.portfolio_min_score is not None else DEFAULT_MIN_SCORE


def lint_portfolio(linter: "Linter", portfolio: Portfolio, path: str, min_score: Optional[float] = None) -> PortfolioOutcome:
    """Lint every plan the portfolio references and run the portfolio rules over its accounts."""
    bar = min_score_of(linter, min_score)
    thresholds = Thresholds.of(portfolio)
    plans: dict[str, FileResult] = {}
    checks: list[AccountCheck] = []
    scores: dict[str, Optional[float]] = {}
    by_account: dict[str, FileResult] = {}
    for account in portfolio.accounts:
        letter = quadrant(account.current_revenue, account.future_revenue, thresholds)
        found, score = False, None
        if account.plan:
            location = plan_location(path, account.plan)
            shown = location.as_posix()
            found = location.is_file()
            if found:
                if shown not in plans:
                    plans[shown] = linter.lint_path(location, shown, options={"quadrant": letter})
                result = by_account[account.name] = plans[shown]
                if result.parsed and result.kind == "plan":
                    score = result.score
        scores[account.name] = score
        checks.append(AccountCheck(name=account.name, span=account.span, quadrant=letter, plan=account.plan,
                                   plan_found=found, score=score))
    findings = linter.linked(run_portfolio_rules(linter, PortfolioContext(path=path, accounts=checks, min_score=bar)))
    result = FileResult(path=path, kind="portfolio", name=portfolio.name, score=None, band="", findings=findings)
    return PortfolioOutcome(result=result, placements=place_accounts(portfolio, scores, bar), plans=plans, by_account=by_account)


def run_portfolio_rules(linter: "Linter", ctx: PortfolioContext) -> list[Finding]:
    """Each selected portfolio rule's failed items, as findings; a crashing rule is reported, not fatal."""
    findings: list[Finding] = []
    rules = [rule for rule in linter.rules if isinstance(rule, PortfolioRule)]
    for rule, items in checked(rules, lambda rule: rule.check_portfolio(ctx), findings):
        severity = effective_severity(rule.info, linter.settings)
        findings.extend(finding_at(rule.info, item.span, item.message or rule.info.message, severity)
                        for item in items if not item.passed)
    findings.sort(key=finding_order)
    return findings
