"""Building the report's data: lint every file, read the plans' git history, place the accounts.

This is the only module of the report that computes anything. It lints the
current files, scores earlier versions from git, works out each plan's
change, decides which plans need attention (and sorts them first), and places
the accounts on the two-by-two. The renderers then only format the result.

What "change" means: what the edits did, with both sides judged as of one
day (see :mod:`.changes`): with ``--previous report.json`` the edits since
that report; otherwise the latest edit in git (the last commit that touched
the plan when the file has uncommitted edits, else the commit before that
one). What time alone did is the plan's *decay*, shown apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

from ... import __version__
from ...engine import bands, scoring
from ...language.diagnostics import PlanSyntaxError
from ...engine.documents import lint_document
from ...engine.linter import Linter, display_path, read_document
from ...model import Plan, PlanFile, Portfolio
from ...api.quadrants import DEFAULT_MIN_SCORE
from ...engine.results import FileResult, Finding
from ...api.packs.values import is_placeholder
from .agenda import agenda, person
from ...api.crm import CrmData
from .crm import crm_comparison, crm_findings
from .changes import Scorer, change_from_git, change_from_report, counted, decay_of, decay_since, finding_change, trend_of
from .flags import category_bars, flags
from ..reporters.verdict import missed_thresholds
from .history import GitUnavailable, History, plan_history
from .model import FIXES_OPEN, Band, RulePage, Change, Decay, FileFindings, FindingChange, PlanEntry, PortfolioView, Report, TeamTrend, Totals, TrendPoint
from .paths import objective_paths
from .rollups import by_owner, by_quadrant
from .placing import ScoredPlan, plans_view, portfolio_view

DEFAULT_HISTORY = 8
TOP_FIXES = 5
DROP_ALERT = 5.0  # points lost since the last version that put a plan on the attention list



@dataclass(frozen=True)
class ReportOptions:
    history: int = DEFAULT_HISTORY
    previous: Optional[Report] = None
    generated: Optional[str] = None
    title: str = "Account plan review"
    min_score: float = DEFAULT_MIN_SCORE
    as_of: Optional[dt.date] = None
    crm: Optional[CrmData] = None  # --crm: each plan's section shows it against the CRM (scores stay the plan's own)


LinterFor = Callable[[Path], Linter]
"""Which configured linter checks a given file (plans may sit under different configurations)."""


@dataclass
class Input:
    """One file as read: its parsed model (when readable) and its lint result."""

    path: Path
    shown: str
    planfile: Optional[PlanFile]
    result: FileResult
    linter: Linter


def read_inputs(paths: Sequence[Path], linter_for: LinterFor) -> list[Input]:
    from ...language.parser import parse_file

    inputs = []
    for path in paths:
        shown = display_path(path)
        linter = linter_for(path)
        read = read_document(lambda: parse_file(path), shown)
        planfile = read if isinstance(read, PlanFile) else None
        inputs.append(Input(path, shown, planfile, lint_document(linter, read, shown), linter))
    return inputs


PORTFOLIO_START = re.compile(r'^\s*portfolio\s+"', re.MULTILINE)


def with_referenced_plans(paths: Sequence[Path]) -> list[Path]:
    """The paths plus the plans a portfolio among them names (``plan "acme.plan"``) that exist on disk.

    So `planlint report portfolio.plan` shows the portfolio's plans, not a chart of missing ones.
    """
    from ...language.parser import parse_file

    found = list(paths)
    known = {path.resolve() for path in paths}
    for path in paths:
        try:
            if not PORTFOLIO_START.search(path.read_text(encoding="utf-8", errors="replace")):
                continue
            document = parse_file(path).document
        except (OSError, PlanSyntaxError):
            continue  # reported when the file itself is linted
        if not isinstance(document, Portfolio):
            continue
        for account in document.accounts:
            target = (path.parent / account.plan) if account.plan else None
            if target is not None and target.is_file() and target.resolve() not in known:
                known.add(target.resolve())
                found.append(target)
    return sorted(found, key=lambda p: p.as_posix())


def anchor_for(shown: str, taken: set[str]) -> str:
    stem = shown[:-len(".plan")] if shown.lower().endswith(".plan") else shown
    base = "p-" + (re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "file")
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def attention_reasons(result: FileResult, change: Change, decay: Optional[Decay], hidden: list[str],
                      portfolio_notes: list[str]) -> list[str]:
    """Why a manager should look at this plan first, in words; empty when nothing stands out."""
    reasons = []
    if not result.parsed:
        reasons.append(f"cannot be read: {len(result.findings)} error(s), the first {result.error}")
    elif result.band in ("thin", "form"):
        reasons.append(f"{result.band}: {bands.meaning(result.band)}".rstrip(": "))
    failed = [e.pillar for e in result.essentials if e.state == "failed"]
    if failed:
        reasons.append(f"failed pillar{'s' if len(failed) > 1 else ''}: {', '.join(failed)}")
    reasons += missed_thresholds(result)
    if change.delta is not None and change.delta <= -DROP_ALERT:
        reasons.append(f"an edit lost {-change.delta:.1f} points")
    if decay is not None and decay.delta <= -DROP_ALERT:
        reasons.append(f"lost {-decay.delta:.1f} points to time")
    return [*reasons, *hidden, *portfolio_notes]


def team_trend(series: dict[str, tuple[Optional[History], list[TrendPoint]]], current_mean: float, limit: int) -> Optional[TeamTrend]:
    """The team's mean score after each commit that touched any plan, then now.

    A plan counts from its first commit on. When a plan's history was cut at
    ``limit`` versions, points before its oldest version read are left out,
    since that plan's score then is unknown.
    """
    events: list[tuple[int, str, str, str, float, str]] = []  # timestamp, commit, path, label, score, subject
    start = 0
    for shown, (history, points) in series.items():
        if history is None or not history.committed:
            continue
        by_commit = {version.short: version for version in history.versions}  # a version that cannot be read has no point
        for point in points:
            version = by_commit.get(point.commit) if point.commit else None
            if version is not None:
                events.append((version.timestamp, version.commit, shown, point.label, point.score, version.subject))
        if history.truncated:
            start = max(start, history.versions[-1].timestamp)
    if not events:
        return None
    events.sort()
    latest: dict[str, float] = {}
    points: list[TrendPoint] = []
    for index, (stamp, commit, shown, label, score, subject) in enumerate(events):
        latest[shown] = score
        last_of_commit = index + 1 == len(events) or events[index + 1][1] != commit
        if last_of_commit and stamp >= start:
            mean = round(sum(latest.values()) / len(latest), 1)
            points.append(TrendPoint(label=label, commit=commit[:7], subject=subject, score=mean))
    points = [*points[-limit:], TrendPoint(label="now", score=current_mean)]
    return TeamTrend(points=points, basis=f"mean score of the plans in git after each of the last {limit} commits that touched them, then now; every version judged as of the report's day")


def build_report(paths: Sequence[Path], linter_for: LinterFor, options: ReportOptions = ReportOptions()) -> Report:
    """Everything the report shows, for the plan and portfolio files at ``paths``."""
    inputs = read_inputs(paths, linter_for)
    day = options.as_of or (inputs[0].linter.reference_date() if inputs else dt.date.today())
    plans = [i for i in inputs if i.planfile is None or isinstance(i.planfile.document, Plan)]
    portfolios = [i for i in inputs if i.planfile is not None and isinstance(i.planfile.document, Portfolio)]
    notes: list[str] = []
    taken: set[str] = set()
    anchors = {i.shown: anchor_for(i.shown, taken) for i in plans}
    view = placements(plans, portfolios, anchors, options.min_score, notes)
    entries, series = plan_entries(plans, anchors, view, options, day, notes)
    others = [FileFindings(path=i.shown, kind=i.result.kind, findings=i.result.findings) for i in portfolios]
    totals = team_totals(entries, others)
    quadrants, short_a = by_quadrant(view)
    return Report(
        title=options.title,
        version=__version__,
        as_of=day.isoformat(),
        generated=options.generated,
        totals=totals,
        bands=[Band(name=band.name, floor=band.floor, when=band.when, meaning=band.meaning) for band in bands.BANDS],
        plans=entries,
        portfolio=view,
        owners=by_owner(entries),
        quadrants=quadrants,
        short_a=short_a,
        other_files=others,
        rules=rule_pages([*entries, *others]),
        fix_guide=sorted({f.code: f for e in entries for f in e.fixes[:FIXES_OPEN]}.values(), key=lambda f: f.code),
        team_trend=team_trend(series, totals.mean_score, options.history) if options.history > 0 else None,
        notes=notes,
        change_rule=change_rule(options),
    )


def placements(plans: list[Input], portfolios: list[Input], anchors: dict[str, str], min_score: float,
               notes: list[str]) -> PortfolioView:
    """The two-by-two: the first portfolio file's accounts, else the plans placed by their own revenue lines."""
    scored = [
        ScoredPlan(i.path, i.shown, anchors[i.shown], i.planfile.document if i.planfile else None,  # type: ignore[arg-type]
                   i.result.score if i.result.parsed else None, i.result.band, i.result.owner)
        for i in plans
    ]
    if not portfolios:
        return plans_view(scored, min_score)
    first = portfolios[0]
    notes += [f"{extra.shown}: only the first portfolio file ({first.shown}) is drawn" for extra in portfolios[1:]]
    return portfolio_view(first.planfile.document, first.path, first.shown, scored, min_score)  # type: ignore[union-attr, arg-type]


Series = dict[str, tuple[Optional[History], list[TrendPoint]]]
"""Each plan's git history (when read) and its score trend, by the path shown."""


def plan_entries(plans: list[Input], anchors: dict[str, str], view: Optional[PortfolioView], options: ReportOptions,
                 day: dt.date, notes: list[str]) -> tuple[list[PlanEntry], Series]:
    """Each plan's entry, those needing attention first (lowest score first), and each plan's history for the team trend."""
    scorer = Scorer()
    git_note = "not in a git repository" if options.history > 0 else "history not read (--history 0)"
    series: Series = {}
    entries: list[PlanEntry] = []
    for item in plans:
        history = None
        if options.history > 0:
            try:
                history = plan_history(item.path, options.history)
            except GitUnavailable as error:
                git_note = f"no history: {error}"
                if git_note not in notes:
                    notes.append(git_note)
        trend = trend_of(history, item.linter, item.shown, item.result.score, scorer, day)
        series[item.shown] = (history, trend)
        change = edits_and_time(item, history, plan_of(item), scorer, day, options.previous, git_note)
        entry = plan_entry(item, trend, change, view, day, anchors[item.shown])
        plan = plan_of(item)
        if options.crm is not None and plan is not None and item.planfile is not None:
            entry.crm = crm_comparison(plan, item.planfile, item.shown, item.linter, options.crm, day)
        entries.append(entry)
    entries.sort(key=lambda e: (not e.attention, -1.0 if e.score is None else e.score, e.path))
    return entries, series


def plan_entry(item: Input, trend: list[TrendPoint], change: EditsAndTime, view: Optional[PortfolioView],
               day: dt.date, anchor: str) -> PlanEntry:
    """One plan as the report shows it: its verdict, what changed, why it needs attention and what to ask."""
    result = item.result
    plan = plan_of(item)
    portfolio_notes = [p.note for p in (view.placements if view else []) if p.plan_path == item.shown and p.note]
    bars = category_bars(result, item.linter) if result.parsed else []
    hidden = flags(result, plan, bars, day)
    attention = attention_reasons(result, change.change, change.decay, hidden, portfolio_notes)
    digest = text_digest(item.path.read_bytes().decode("utf-8", "replace")) if result.parsed else ""
    written = result.name or ""
    named = bool(written) and not is_placeholder(written)
    return PlanEntry(
        path=item.shown,
        name=written if named else Path(item.shown).name,
        written_name="" if named else written,
        digest=digest,
        owner=person(result.owner),
        account=person(plan.account) if plan is not None else "",
        parsed=result.parsed,
        score=result.score,
        band=result.band,
        completeness=result.completeness,
        substance=result.substance,
        essentials=result.essentials,
        error=result.error,
        change=change.change,
        decay=change.decay,
        finding_change=change.moved,
        flags=hidden,
        agenda=agenda(result, plan) if attention else [],
        attention=attention,
        categories=bars,
        fixes=result.fixes[:TOP_FIXES],
        findings=sorted(result.findings, key=severity_first),
        trend=trend,
        objectives=objective_paths(plan),
        anchor=anchor,
    )


def rule_pages(files: Sequence[PlanEntry | FileFindings]) -> list[RulePage]:
    """Each rule the files' findings name, with its page, by code: the page links each code there once.

    Once, not on every finding row: a 400-plan page shows over a thousand rows, and a web address on each
    would take the page past its 1.5 MB.
    """
    found = {f.code: RulePage(code=f.code, name=f.name, link=f.link)
             for file in files for f in [*file.findings, *moved_findings(file), *crm_findings(file)]}
    return [found[code] for code in sorted(found)]


def moved_findings(file: PlanEntry | FileFindings) -> list[Finding]:
    """The findings that came and went since the previous version (a plan's), which the page also lists."""
    moved = getattr(file, "finding_change", None)
    return [*moved.new, *moved.fixed] if moved is not None else []


def plan_of(item: Input) -> Optional[Plan]:
    """The file's plan, when it was read as one."""
    return item.planfile.document if item.planfile and isinstance(item.planfile.document, Plan) else None


def team_totals(entries: list[PlanEntry], others: list[FileFindings]) -> Totals:
    """The summary cards' figures: the readable plans' mean, plans by band, findings as `check` counts them."""
    scores = [e.score for e in entries if e.score is not None]
    mean = round(sum(scores) / len(scores), 1) if scores else 0.0
    return Totals(
        plans=len(entries),
        unreadable=sum(1 for e in entries if e.score is None),
        mean_score=mean,
        mean_band=scoring.band(mean),
        bands={name: sum(1 for e in entries if e.band == name) for _, name in scoring.BANDS},
        findings=sum(len(counted(e.findings)) for e in entries) + sum(len(counted(o.findings)) for o in others),
        needing_attention=sum(1 for e in entries if e.attention),
    )


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def severity_first(finding: Finding) -> tuple[int, int, int, str]:
    """Errors first, then by place: the page shows only the first few of a plan's findings."""
    return (SEVERITY_RANK.get(finding.severity.value, 3), finding.line, finding.column, finding.code)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EditsAndTime(NamedTuple):
    """What the edits did to a plan's score, which findings came and went, and what time alone did."""

    change: Change
    moved: Optional[FindingChange]
    decay: Optional[Decay]


def edits_and_time(item: Input, history: Optional[History], plan: Optional[Plan], scorer: Scorer, day: dt.date,
                   previous: Optional[Report], git_note: str) -> EditsAndTime:
    """What the edits did (both sides judged as of one day), which findings came and went, and what time did."""
    result = item.result
    if not result.parsed:
        return EditsAndTime(Change(basis="cannot be read now"), None, None)
    text = item.path.read_bytes().decode("utf-8", "replace")
    reviewed = plan.reviewed.date if plan is not None and plan.reviewed is not None else None
    if previous is not None:
        entry = next((e for e in previous.plans if e.path == item.shown), None)
        since = dt.date.fromisoformat(previous.as_of)
        then = scorer.result(item.linter, text, item.shown, since) if since != day else result
        change = change_from_report(entry, previous.as_of, then, text_digest(text))
        moved = (finding_change(entry.findings, then.findings, f"since the report as of {previous.as_of}")
                 if entry is not None and entry.score is not None else None)
        decay = decay_of(then, result, since, f"since the report as of {previous.as_of}") if since < day else None
        return EditsAndTime(change, moved, decay)
    change, before = change_from_git(history, text, result, item.linter, item.shown, scorer, day, git_note)
    moved = finding_change(before.findings, result.findings, change.basis) if before is not None else None
    last_edit = history.versions[0].date if history is not None and history.committed and not history.working_copy_changed else None
    when = decay_since(reviewed, last_edit, day)
    decay = decay_of(scorer.result(item.linter, text, item.shown, when[0]), result, when[0], when[1]) if when else None
    return EditsAndTime(change, moved, decay)


def change_rule(options: ReportOptions) -> str:
    """What the change column compares with, in one sentence for the reader."""
    if options.previous is not None:
        return (f"Change is what the edits did since the previous report (as of {options.previous.as_of}), the current text "
                "judged as of that day too; what time alone did since then is shown apart, as decay.")
    if options.history == 0:
        return "Change is not shown: git history was not read (--history 0)."
    return ("Change is what the latest edit did: each plan against its previous version in git (the last commit when the "
            "file has uncommitted edits, else the commit before it), both judged as of the report's day. What time alone "
            "did (actions now overdue, a review now stale) is shown apart, as decay since the last review.")
