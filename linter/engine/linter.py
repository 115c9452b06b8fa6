"""The engine: parse a file, run each selected rule over its items, score it.

One direction of flow: text → model → rules → tallies → score → FileResult.
The engine never formats anything; reporters do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from . import scoring
from ..language.diagnostics import Diagnostic, PlanSyntaxError
from ..model import Comment, Plan, PlanFile
from ..api.quadrants import plan_quadrant
from ..api.registry import LoadProblem, Registry
from .essentials import RuleOutcome, judge_pillars
from .results import Essential, FileResult, Finding, Fix, NotApplicable, RuleScore
from ..api.rule import CheckContext, Rule, Severity
from ..config.settings import Settings, effective_essential, effective_severity, effective_weight, is_selected
from .verdict import judge
from .suppressions import read_suppressions

INTERNAL_ERROR = "PL000"


@dataclass
class Linter:
    """A configured linter: the loaded rules and the settings to apply."""

    registry: Registry
    settings: Settings = field(default_factory=Settings)
    as_of: Optional[dt.date] = None
    portfolio_min_score: Optional[float] = None  # the bar for A-quadrant plans (default 70)

    def __post_init__(self) -> None:
        self.rules: list[Rule] = [rule for rule in self.registry.rules if is_selected(rule.info, self.settings)]
        self.category_weights: dict[str, float] = {
            name: self.settings.category_weights.get(name, category.weight)
            for name, category in self.registry.categories.items()
        }
        self.category_axes: dict[str, str] = {name: category.axis for name, category in self.registry.categories.items()}
        # Every loaded rule's pillar, selected or not: a pillar whose rules are all off is "not required".
        self.essential_of: dict[str, Optional[str]] = {
            rule.info.code: effective_essential(rule.info, self.settings) for rule in self.registry.rules
        }

    def reference_date(self) -> dt.date:
        return self.as_of or self.settings.as_of or dt.date.today()

    # ------------------------------------------------------------------ entry points

    def lint_path(self, path: Path, display: Optional[str] = None, options: Optional[dict[str, Any]] = None) -> FileResult:
        from ..language.parser import parse_file  # lazy: commands that never parse stay fast to start

        shown = display or str(path)
        try:
            planfile = parse_file(path, shown)
        except PlanSyntaxError as error:
            return unreadable_result(shown, error.diagnostics)
        return self.lint_model(planfile, shown, options)

    def lint_text(self, text: str, path: str = "<string>") -> FileResult:
        from ..language.parser import parse_text

        try:
            planfile = parse_text(text, path)
        except PlanSyntaxError as error:
            return unreadable_result(path, error.diagnostics)
        return self.lint_model(planfile, path)

    def lint_model(self, planfile: PlanFile, path: str, options: Optional[dict[str, Any]] = None) -> FileResult:
        """Lint a parsed file. ``options`` reach the rules (``{"quadrant": "A"}`` from a portfolio)."""
        document = planfile.document
        if not isinstance(document, Plan):
            from .portfolio import lint_portfolio  # reads the plans the portfolio references

            return lint_portfolio(self, document, path).result
        return self._lint_plan(document, path, planfile.comments, options)

    # ------------------------------------------------------------------ internals

    def _lint_plan(
        self, plan: Plan, path: str, comments: Sequence[Comment] = (), options: Optional[dict[str, Any]] = None
    ) -> FileResult:
        ctx = CheckContext(plan=plan, path=path, as_of=self.reference_date(), options=dict(options or {}))
        suppressions = read_suppressions(comments, plan, self.registry.rules)  # any loaded rule may be named
        findings: list[Finding] = [load_error(problem) for problem in self.registry.problems if not problem.fatal]
        tallies: list[scoring.RuleTally] = []
        scores: list[RuleScore] = []
        outcomes: dict[str, RuleOutcome] = {}
        suppressed_items: list[NotApplicable] = []
        for rule in self.rules:
            info = rule.info
            weight = effective_weight(info, self.settings)
            try:
                items = list(rule.check(ctx))
            except Exception as exc:  # noqa: BLE001 - a broken rule is reported, the rest still run
                findings.append(internal_error(info.code, info.pack, exc))
                continue
            severity = effective_severity(info, self.settings)
            passed = counted = suppressed = 0
            suppression = first_failure = ""
            for item in items:
                reason = suppressions.reason_for(info, item)
                if reason is None:  # a suppressed item is not applicable: out of the score
                    counted += 1
                    passed += item.passed
                else:
                    suppressed += 1
                    suppression = suppression or reason
                if item.passed:
                    continue
                span = item.span
                message = item.message or info.message
                if reason is None:
                    first_failure = first_failure or message
                else:
                    suppressed_items.append(NotApplicable(code=info.code, name=info.name, reason=reason, line=span.line))
                findings.append(
                    Finding(
                        code=info.code,
                        name=info.name,
                        severity=severity,
                        message=message,
                        category=info.category,
                        line=span.line,
                        column=span.column,
                        end_line=span.end_line,
                        end_column=span.end_column,
                        suppressed=reason,
                    )
                )
            outcomes[info.code] = RuleOutcome(info.code, True, passed, counted, suppressed, suppression,
                                              ctx.skipped.get(info.code, "") if not items else "", first_failure)
            tally = scoring.RuleTally(info.code, info.category, weight, passed, counted)
            tallies.append(tally)
            ratio = tally.ratio
            scores.append(
                RuleScore(
                    code=info.code,
                    name=info.name,
                    category=info.category,
                    weight=weight,
                    passed=passed,
                    total=counted,
                    score=None if ratio is None else round(ratio * 100, 1),
                )
            )
        findings.extend(suppressions.findings(self.rules, self.settings))
        pillars = judge_pillars(self.essential_of, outcomes)
        _, categories = scoring.plan_score(tallies, self.category_weights)
        verdict = judge(tallies, self.category_weights, self.category_axes, ctx.metrics, pillars)
        findings.sort(key=finding_order)
        return FileResult(
            path=path,
            name=plan.name,
            owner=plan.owner or "",
            score=verdict.score,
            band=verdict.band,
            completeness=verdict.completeness,
            substance=verdict.substance,
            essentials=[Essential(pillar=p.pillar, state=p.state, reason=p.reason, rules=list(p.rules)) for p in pillars],
            not_applicable=self._not_applicable(ctx.skipped, outcomes) + suppressed_items,
            categories=categories,
            findings=findings,
            fixes=self._fixes(tallies),
            rules=scores,
            metrics=dict(sorted(ctx.metrics.items())),
            quadrant=ctx.options.get("quadrant") or plan_quadrant(plan),
        )

    def _not_applicable(self, skipped: dict[str, str], outcomes: dict[str, RuleOutcome]) -> list[NotApplicable]:
        """Rules that said they do not apply to this plan (its quadrant), in code order."""
        names = {rule.info.code: rule.info.name for rule in self.rules}
        return [NotApplicable(code=code, name=names[code], reason=skipped[code])
                for code in sorted(skipped) if code in outcomes and outcomes[code].skipped]

    def _fixes(self, tallies: list[scoring.RuleTally]) -> list[Fix]:
        by_code = {rule.info.code: rule.info for rule in self.rules}
        return [
            Fix(code=code, name=by_code[code].name, gain=gain, message=by_code[code].fix.split("\n", 1)[0])
            for code, gain in scoring.fix_gains(tallies, self.category_weights)
        ]

    def lint_paths(self, paths: Iterable[Path], root: Optional[Path] = None) -> Iterator[FileResult]:
        for path in paths:
            yield self.lint_path(path, display_path(path, root))


def finding_order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


def internal_error(code: str, pack: str, exc: BaseException) -> Finding:
    return Finding(
        code=INTERNAL_ERROR,
        name="internal-error",
        severity=Severity.error,
        message=f"rule {code} from '{pack}' crashed ({type(exc).__name__}: {exc}); the other rules still ran",
        category="internal",
    )


def load_error(problem: LoadProblem) -> Finding:
    """A plugin that failed to load or whose hook raised, shown on every plan it would have checked."""
    return Finding(
        code=INTERNAL_ERROR,
        name="internal-error",
        severity=Severity.error,
        message=f"{problem.source}: {problem.message}; the other rules still ran",
        category="internal",
    )


def unreadable_result(path: str, diagnostics: list[Diagnostic]) -> FileResult:
    """A file that cannot be read into a plan: no score, no band, its errors and the first of them.

    "Cannot be read" is a state of its own, never band "form": a typo in a
    keyword says nothing about how good the plan is.
    """
    findings = [
        Finding(
            code=d.code,
            name={"PL001": "syntax-error", "PL002": "invalid-value", "PL003": "unreadable-file"}.get(d.code, "syntax-error"),
            severity=Severity.error,
            message=d.message,
            category="syntax",
            line=d.line,
            column=d.column,
            end_line=d.end_line or d.line,
            end_column=d.end_column or d.column + 1,
            source_line=d.source_line or None,
        )
        for d in diagnostics
    ]
    findings.sort(key=finding_order)
    first = findings[0] if findings else None
    error = f"{path}:{first.line}:{first.column}: {first.message}" if first else f"{path}: cannot be read"
    return FileResult(path=path, kind="unreadable", score=None, band="", findings=findings, parsed=False, error=error)


def display_path(path: Path, root: Optional[Path] = None) -> str:
    """A path as users typed it: relative to the working directory when possible, with '/'."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
