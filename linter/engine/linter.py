"""The engine: parse a file, run each selected rule over its items, score it.

One direction of flow: text → model → rules → tallies → score → FileResult.
The engine never formats anything; reporters do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, Optional, Sequence

from ..api.containment import FileTimeout, freeze
from ..api.crm import CRM_CATEGORY, CrmData, crm_options
from ..api.quadrants import expected_in, not_expected_reason
from ..api.registry import Registry
from ..api.rule import RULES_DOCS, Category, CheckContext, Item, Rule, RuleInfo, Severity, rule_link
from ..api.trend import MARGIN_OPTION
from ..config.settings import Settings, effective_essential, effective_severity, effective_weight, is_selected
from ..language.diagnostics import Diagnostic, PlanSyntaxError
from ..model import Comment, Plan, PlanFile, Span
from . import scoring
from .essentials import RuleOutcome, failed_if_mended, judge_pillars
from .findings import checked, finding_at, finding_order, load_error
from .meta import BY_CODE, META_RULES, SYNTAX_ERROR
from .results import Essential, FileResult, Finding, Fix, NotApplicable, RuleScore, Threshold, trusted
from .suppressions import Suppressions, read_suppressions
from .verdict import fix_gains, judge


class Judged(NamedTuple):
    """One rule's run on one plan, as scoring, the pillars and the not-applicable list need it."""

    info: RuleInfo
    tally: scoring.RuleTally
    outcome: RuleOutcome
    suppressed: list[NotApplicable]


@dataclass
class Linter:
    """A configured linter: the loaded rules and the settings to apply, to one plan at a time.

    Portfolios are not plans: :func:`planlint.engine.documents.lint_document`
    sends them to the portfolio checker, which lints their plans with this.
    """

    registry: Registry
    settings: Settings = field(default_factory=Settings)
    as_of: Optional[dt.date] = None
    portfolio_min_score: Optional[float] = None  # the bar for A-quadrant plans (default 70)
    crm: Optional[CrmData] = None  # the run's CRM exports (--crm); without them the crm rules do not run at all

    def __post_init__(self) -> None:
        self.rules: list[Rule] = [rule for rule in self.registry.rules
                                  if is_selected(rule.info, self.settings) and self.applies(rule.info)]
        self.category_weights: dict[str, float] = {
            name: self.settings.category_weights.get(name, category.weight)
            for name, category in self.registry.categories.items()
        }
        self.category_axes: dict[str, str] = {name: category.axis for name, category in self.registry.categories.items()}
        # Each selected rule as the configuration sets it (severity and weight), worked out once, not once per plan.
        self.infos: dict[str, RuleInfo] = {rule.info.code: rule.info for rule in self.rules}
        self.severities: dict[str, Severity] = {code: effective_severity(info, self.settings) for code, info in self.infos.items()}
        self.weights: dict[str, float] = {code: effective_weight(info, self.settings) for code, info in self.infos.items()}
        # Every loaded rule's pillar, selected or not: a pillar whose rules are all off is "not required".
        self.essential_of: dict[str, Optional[str]] = {
            rule.info.code: effective_essential(rule.info, self.settings) for rule in self.registry.rules
        }
        # Each rule's documentation link when the configuration moves planlint's docs (rules-docs-url); else none
        # is needed, as every finding already links to the default docs (finding_at).
        docs = self.settings.rules_docs_url
        self.links: dict[str, str] = {} if docs == RULES_DOCS else {
            info.code: rule_link(info, docs) for info in [*META_RULES, *(rule.info for rule in self.registry.rules)]
        }

    def applies(self, info: RuleInfo) -> bool:
        """Whether a rule can run at all: the crm category only with an export, so a score without one is unchanged."""
        return info.category != CRM_CATEGORY or self.crm is not None

    @property
    def categories(self) -> dict[str, Category]:
        """The registry's categories this run scores: ``crm`` only with an export (see :meth:`applies`)."""
        return {name: c for name, c in self.registry.categories.items() if name != CRM_CATEGORY or self.crm is not None}

    def reference_date(self) -> dt.date:
        return self.as_of or self.settings.as_of or dt.date.today()

    # ------------------------------------------------------------------ entry points

    def lint_path(self, path: Path, display: Optional[str] = None, options: Optional[dict[str, Any]] = None) -> FileResult:
        from ..language.parser import parse_file  # lazy: commands that never parse stay fast to start

        shown = display or str(path)
        limit = self.settings.max_file_size
        return self.lint_read(read_document(lambda: parse_file(path, shown, limit), shown), shown, options)

    def lint_text(self, text: str, path: str = "<string>") -> FileResult:
        from ..language.parser import parse_text

        return self.lint_read(read_document(lambda: parse_text(text, path), path), path)

    def lint_read(self, read: "PlanFile | FileResult", path: str, options: Optional[dict[str, Any]] = None) -> FileResult:
        """What :func:`read_document` gave: an unreadable file's result as it is, a parsed one linted."""
        result = read if isinstance(read, FileResult) else self.lint_model(read, path, options)
        self.linked(result.findings)
        return result

    def linked(self, findings: list[Finding]) -> list[Finding]:
        """``findings``, each pointing at its rule's page under the configured ``rules-docs-url``."""
        if self.links:
            for finding in findings:
                finding.link = self.links.get(finding.code, finding.link)
        return findings

    def lint_model(self, planfile: PlanFile, path: str, options: Optional[dict[str, Any]] = None) -> FileResult:
        """Lint a parsed plan. ``options`` reach the rules (``{"quadrant": "A"}`` from a portfolio).

        A portfolio file gives only its kind and name here (no findings): it is
        checked by :mod:`planlint.engine.portfolio`, never as a plan.
        """
        document = planfile.document
        if not isinstance(document, Plan):
            return FileResult(path=path, kind="portfolio", name=document.name, score=None, band="")
        return self._lint_plan(document, path, planfile.comments, options)

    # ------------------------------------------------------------------ internals

    def _lint_plan(
        self, plan: Plan, path: str, comments: Sequence[Comment] = (), options: Optional[dict[str, Any]] = None
    ) -> FileResult:
        freeze(plan)
        ctx = CheckContext(plan=plan, path=path, as_of=self.reference_date(),
                           options={MARGIN_OPTION: self.settings.off_track_margin, **(options or {})})
        if self.crm is not None:
            ctx.options.update(crm_options(self.crm, plan))  # the exports, and the contacts' last activities
        suppressions = read_suppressions(comments, plan, self.registry.rules)  # any loaded rule may be named
        findings: list[Finding] = [load_error(problem) for problem in self.registry.problems if not problem.fatal]

        def judged_now(rule: Rule, items: list[Item]) -> Judged:
            return self._judge(rule.info, items, suppressions, findings, ctx.skipped)

        try:
            judged: list[Judged] = list(checked(self.rules, lambda rule: _check_if_expected(rule, ctx), findings,
                                                self.settings.timeout, keep=judged_now))
        except FileTimeout as exc:
            exc.path = path
            raise
        tallies = [run.tally for run in judged]
        outcomes = {run.info.code: run.outcome for run in judged}
        suppressed_items = [item for run in judged for item in run.suppressed]
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
            fixes=self._fixes(tallies, ctx.metrics, outcomes, verdict.score),
            rules=[_rule_score(run.info, run.tally) for run in judged],
            metrics=dict(sorted(ctx.metrics.items())),
            quadrant=ctx.quadrant,
            thresholds=self._thresholds(verdict.score, categories, ctx.quadrant),
        )

    def _thresholds(self, score: float, categories: dict[str, float], quadrant: Optional[str]) -> list[Threshold]:
        """The configured bars for this plan: its quadrant's score bar, then each category minimum, by name."""
        bar, minimums = self.settings.bars_for(quadrant)
        bars = []
        if bar is not None:
            own = self.settings.quadrant.get(quadrant)  # type: ignore[call-overload]
            old_name = quadrant == "A" and (own is None or own.fail_under is None)  # from a-quadrant-min-score
            bars.append(Threshold(name="score", minimum=bar, value=score, met=score >= bar,
                                  setting="a-quadrant-min-score" if old_name else f"quadrant.{quadrant}.fail-under"))
        for name in sorted(minimums):
            value = categories.get(name)
            table = self.settings.quadrant.get(quadrant) if quadrant in ("A", "B", "C", "D") else None  # type: ignore[call-overload]
            setting = f"quadrant.{quadrant}.category-fail-under" if table and name in table.category_fail_under else "category-fail-under"
            bars.append(Threshold(name=name, minimum=minimums[name], value=value,
                                  met=value is None or value >= minimums[name], setting=setting))
        return bars

    def _judge(self, info: RuleInfo, items: list[Item], suppressions: Suppressions, findings: list[Finding],
               skipped: dict[str, str]) -> Judged:
        """One rule's items: its failures appended to ``findings``; suppressed items are not applicable, out of the score."""
        severity = self.severities[info.code] if self.infos.get(info.code) is info else effective_severity(info, self.settings)
        passed = counted = suppressed = 0
        suppression = first_failure = ""
        excused: list[NotApplicable] = []
        looked_up = suppressions.active and suppressions.may_excuse(info)  # mostly not: no item is looked up
        for item in items:
            reason = suppressions.reason_for(info, item) if looked_up else None
            if reason is None:
                counted += 1
                passed += item.passed
            else:
                suppressed += 1
                suppression = suppression or reason
            if item.passed:
                continue
            message = item.message or info.message
            if reason is None:
                first_failure = first_failure or message
            else:
                excused.append(NotApplicable(code=info.code, name=info.name, reason=reason, line=item.span.line))
            findings.append(finding_at(info, item.span, message, severity, reason))
        outcome = RuleOutcome(info.code, True, passed, counted, suppressed, suppression,
                              skipped.get(info.code, "") if not items else "", first_failure)
        weight = self.weights[info.code] if self.infos.get(info.code) is info else effective_weight(info, self.settings)
        tally = scoring.RuleTally(info.code, info.category, weight, passed, counted)
        return Judged(info, tally, outcome, excused)

    def _not_applicable(self, skipped: dict[str, str], outcomes: dict[str, RuleOutcome]) -> list[NotApplicable]:
        """Rules that said they do not apply to this plan (its quadrant), in code order."""
        return [NotApplicable(code=code, name=self.infos[code].name, reason=skipped[code])
                for code in sorted(skipped) if code in outcomes and outcomes[code].skipped]

    def _fixes(self, tallies: list[scoring.RuleTally], metrics: dict[str, float], outcomes: dict[str, RuleOutcome],
               score: float) -> list[Fix]:
        by_code = self.infos
        failed_if_fixed = failed_if_mended(self.essential_of, outcomes)
        return [
            Fix(code=code, name=by_code[code].name, gain=gain, message=by_code[code].fix.split("\n", 1)[0])
            for code, gain in fix_gains(tallies, self.category_weights, self.category_axes, metrics, failed_if_fixed, score)
        ]


def _check_if_expected(rule: Rule, ctx: CheckContext) -> Iterable[Item]:
    """``rule.check(ctx)``, unless the plan's quadrant is not one the rule applies in: then no items, and why."""
    letter = ctx.quadrant
    if not expected_in(rule.info.quadrants, letter):
        ctx.skip(rule.info.code, not_expected_reason(str(letter)))
        return ()
    return rule.check(ctx)


def _rule_score(info: RuleInfo, tally: scoring.RuleTally) -> RuleScore:
    """A rule's score on the plan, from the tally the engine counted (not validated again: see :func:`trusted`)."""
    ratio = tally.ratio
    code, name, category = info.code, info.name, info.category
    if not (type(code) is str and type(name) is str and type(category) is str and type(tally.weight) in (int, float)):
        # a plugin's RuleInfo of other types: validated, as pydantic would take or refuse them
        return RuleScore(code=code, name=name, category=category, weight=tally.weight, passed=tally.passed,
                         total=tally.total, score=None if ratio is None else round(ratio * 100, 1))
    return trusted(RuleScore, {"code": code, "name": name, "category": category, "weight": float(tally.weight),
                               "passed": tally.passed, "total": tally.total,
                               "score": None if ratio is None else round(ratio * 100, 1)}, _RULE_SCORE_FIELDS)


_RULE_SCORE_FIELDS = set(RuleScore.model_fields)


def read_document(parse: Callable[[], PlanFile], path: str) -> "PlanFile | FileResult":
    """``parse()``'s file, or the unreadable result saying why not: the one place a syntax error becomes a result."""
    try:
        return parse()
    except PlanSyntaxError as error:
        return unreadable_result(path, error.diagnostics)


def unreadable_result(path: str, diagnostics: list[Diagnostic]) -> FileResult:
    """A file that cannot be read into a plan: no score, no band, its errors and the first of them.

    "Cannot be read" is a state of its own, never band "form": a typo in a
    keyword says nothing about how good the plan is.
    """
    findings = [
        finding_at(BY_CODE.get(d.code, SYNTAX_ERROR), Span(line=d.line, column=d.column, end_line=d.end_line or d.line,
                                                         end_column=d.end_column or d.column + 1),
                   d.message, source_line=d.source_line or None)
        for d in diagnostics
    ]
    findings.sort(key=finding_order)
    first = findings[0] if findings else None
    error = f"{path}:{first.line}:{first.column}: {first.message}" if first else f"{path}: cannot be read"
    return FileResult(path=path, kind="unreadable", score=None, band="", findings=findings, parsed=False, error=error)


def display_path(path: Path, root: Optional[Path] = None) -> str:
    """A path as users typed it: relative to the working directory when possible, with '/', safe to print (see :func:`printable_name`)."""
    base = root or Path.cwd()
    try:
        return printable_name(path.resolve().relative_to(base.resolve()).as_posix())
    except ValueError:
        return printable_name(path.as_posix())


def printable_name(name: str) -> str:
    """A file name every output can carry: bytes that are not UTF-8 as ``\\xff``, control characters as ``\\n``.

    A name that is not UTF-8 broke SARIF and the report (UnicodeEncodeError)
    and made JSON invalid UTF-8; a name holding a newline forged extra lines
    in text output.
    """
    if name.isprintable() and not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":  # an undecodable byte, as os.fsdecode keeps it
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
