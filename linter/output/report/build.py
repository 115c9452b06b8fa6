"""Building the report's data: lint every file, read the plans' git history, place the accounts.

This is the only module of the report that computes anything. It lints the
current files, scores earlier versions from git, works out each plan's
change, decides which plans need attention (and sorts them first), and places
the accounts on the two-by-two. The renderers then only format the result.

What "change" means: with ``--previous report.json`` it is the change since
that report. Otherwise it is the change since the previous version of the
plan in git: the last commit that touched the plan when the file has
uncommitted edits, else the commit before that one, so the figure always
answers "what did the latest edit do to the score?". Historical versions are
scored as of the day they were committed, which is the score the plan had
then.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from ... import __version__
from ...engine import scoring
from ...language.diagnostics import PlanSyntaxError
from ...engine.documents import lint_document, lint_text
from ...engine.linter import Linter, display_path, read_document
from ...model import Plan, PlanFile, Portfolio
from ...api.quadrants import DEFAULT_MIN_SCORE
from ...engine.results import FileResult
from .history import GitUnavailable, History, plan_history
from .model import Band, CategoryBar, Change, PlanEntry, PortfolioView, Report, TeamTrend, Totals, TrendPoint
from .placing import ScoredPlan, plans_view, portfolio_view

DEFAULT_HISTORY = 8
TOP_FIXES = 5
DROP_ALERT = 5.0  # points lost since the last version that put a plan on the attention list

BAND_MEANINGS = {
    "tool": "a plan the team works from",
    "developing": "usable, with gaps to close",
    "thin": "more form than tool",
    "form": "boxes filled in, not a plan",
}


@dataclass(frozen=True)
class ReportOptions:
    history: int = DEFAULT_HISTORY
    previous: Optional[Report] = None
    generated: Optional[str] = None
    title: str = "Account plan review"
    min_score: float = DEFAULT_MIN_SCORE
    as_of: Optional[dt.date] = None


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


@dataclass
class Scorer:
    """Scores earlier versions of a plan as of a given day, remembering what it has scored."""

    _linters: dict[tuple[int, dt.date], Linter] = field(default_factory=dict)
    _scores: dict[tuple[int, str, dt.date], Optional[float]] = field(default_factory=dict)

    def score(self, base: Linter, text: str, shown: str, as_of: dt.date) -> Optional[float]:
        """The version's score; None when that version cannot be read (it has no point on the trend)."""
        key = (id(base), text, as_of)
        if key not in self._scores:
            linter = self._linters.get((id(base), as_of))
            if linter is None:
                linter = Linter(base.registry, base.settings, as_of=as_of)
                self._linters[(id(base), as_of)] = linter
            self._scores[key] = lint_text(linter, text, shown).score
        return self._scores[key]


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
    base = "plan-" + (re.sub(r"[^a-z0-9]+", "-", shown.lower()).strip("-") or "file")
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def version_as_of(committed: dt.date, report_day: dt.date) -> dt.date:
    """A version is judged as of its commit day, never later than the report's own day."""
    return min(committed, report_day)


def trend_of(history: Optional[History], item: Input, scorer: Scorer, day: dt.date) -> list[TrendPoint]:
    if history is None:
        return []
    current = item.result.score
    scored = [(v, scorer.score(item.linter, v.text, item.shown, version_as_of(v.date, day))) for v in reversed(history.versions)]
    points = [TrendPoint(label=v.date.isoformat(), commit=v.short, score=score) for v, score in scored if score is not None]
    return [*points, *([TrendPoint(label="now", score=current)] if current is not None else [])]


def change_from_git(history: Optional[History], trend: list[TrendPoint], current: Optional[float], git_note: str) -> Change:
    if history is None:
        return Change(basis=git_note)
    if current is None:
        return Change(basis="cannot be read now")
    if not history.committed:
        return Change(basis="new: not committed yet")
    committed = trend[:-1]  # oldest first; the last point is "now"
    if history.working_copy_changed:
        base = committed[-1]  # the edits not committed yet
    elif len(committed) >= 2:
        base = committed[-2]  # what the last commit changed
    else:
        return Change(basis="first version in git")
    return Change(delta=round(current - base.score, 1), basis=f"since {base.commit} ({base.label})", previous=base.score)


def change_from_report(previous: Report, shown: str, current: Optional[float]) -> Change:
    if current is None:
        return Change(basis="cannot be read now")
    for entry in previous.plans:
        if entry.path == shown and entry.score is not None:
            return Change(delta=round(current - entry.score, 1), basis=f"since the report as of {previous.as_of}",
                          previous=entry.score)
    return Change(basis=f"new since the report as of {previous.as_of}")


def category_bars(result: FileResult, linter: Linter) -> list[CategoryBar]:
    """One bar per category of the loaded packs, in the packs' order (a category no rule applied to shows no bar)."""
    bars = []
    for name, category in linter.registry.categories.items():
        score = result.categories.get(name)
        bars.append(CategoryBar(name=name, title=category.title, score=score,
                                band=scoring.band(score) if score is not None else ""))
    return bars


def attention_reasons(result: FileResult, change: Change, portfolio_notes: list[str]) -> list[str]:
    """Why a manager should look at this plan first, in words; empty when nothing stands out."""
    reasons = []
    if not result.parsed:
        reasons.append(f"cannot be read: {len(result.findings)} error(s), the first {result.error}")
    elif result.band in ("thin", "form"):
        reasons.append(f"scores {result.score:.1f}: {result.band}, {BAND_MEANINGS.get(result.band, '')}".rstrip(", "))
    failed = [e.pillar for e in result.essentials if e.state == "failed"]
    if failed:
        reasons.append(f"failed pillar{'s' if len(failed) > 1 else ''}: {', '.join(failed)}")
    if change.delta is not None and change.delta <= -DROP_ALERT:
        reasons.append(f"dropped {-change.delta:.1f} points {change.basis}")
    return [*reasons, *portfolio_notes]


def team_trend(series: dict[str, tuple[Optional[History], list[TrendPoint]]], current_mean: float, limit: int) -> Optional[TeamTrend]:
    """The team's mean score after each commit that touched any plan, then now.

    A plan counts from its first commit on. When a plan's history was cut at
    ``limit`` versions, points before its oldest version read are left out,
    since that plan's score then is unknown.
    """
    events: list[tuple[int, str, str, str, float]] = []  # timestamp, commit, path, label, score
    start = 0
    for shown, (history, points) in series.items():
        if history is None or not history.committed:
            continue
        by_commit = {version.short: version for version in history.versions}  # a version that cannot be read has no point
        for point in points:
            version = by_commit.get(point.commit) if point.commit else None
            if version is not None:
                events.append((version.timestamp, version.commit, shown, point.label, point.score))
        if history.truncated:
            start = max(start, history.versions[-1].timestamp)
    if not events:
        return None
    events.sort()
    latest: dict[str, float] = {}
    points: list[TrendPoint] = []
    for index, (stamp, commit, shown, label, score) in enumerate(events):
        latest[shown] = score
        last_of_commit = index + 1 == len(events) or events[index + 1][1] != commit
        if last_of_commit and stamp >= start:
            mean = round(sum(latest.values()) / len(latest), 1)
            points.append(TrendPoint(label=label, commit=commit[:7], score=mean))
    points = [*points[-limit:], TrendPoint(label="now", score=current_mean)]
    return TeamTrend(points=points, basis=f"mean score of the plans in git after each of the last {limit} commits that touched them, then now")


def build_report(paths: Sequence[Path], linter_for: LinterFor, options: ReportOptions = ReportOptions()) -> Report:
    """Everything the report shows, for the plan and portfolio files at ``paths``."""
    inputs = read_inputs(paths, linter_for)
    day = options.as_of or (inputs[0].linter.reference_date() if inputs else dt.date.today())
    plans = [i for i in inputs if i.planfile is None or isinstance(i.planfile.document, Plan)]
    portfolios = [i for i in inputs if i.planfile is not None and isinstance(i.planfile.document, Portfolio)]
    notes: list[str] = []
    taken: set[str] = set()
    anchors = {i.shown: anchor_for(i.shown, taken) for i in plans}

    scored = [
        ScoredPlan(i.path, i.shown, anchors[i.shown], i.planfile.document if i.planfile else None,  # type: ignore[arg-type]
                   i.result.score if i.result.parsed else None, i.result.band, i.result.owner)
        for i in plans
    ]
    view: Optional[PortfolioView] = None
    if portfolios:
        first = portfolios[0]
        view = portfolio_view(first.planfile.document, first.path, first.shown, scored, options.min_score)  # type: ignore[union-attr, arg-type]
        notes += [f"{extra.shown}: only the first portfolio file ({first.shown}) is drawn" for extra in portfolios[1:]]
    else:
        view = plans_view(scored, options.min_score)

    scorer = Scorer()
    git_note = "not in a git repository" if options.history > 0 else "history not read (--history 0)"
    series: dict[str, tuple[Optional[History], list[TrendPoint]]] = {}
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
        result = item.result
        trend = trend_of(history, item, scorer, day)
        series[item.shown] = (history, trend)
        change = (change_from_report(options.previous, item.shown, result.score) if options.previous
                  else change_from_git(history, trend, result.score, git_note))
        portfolio_notes = [p.note for p in (view.placements if view else []) if p.plan_path == item.shown and p.note]
        plan = item.planfile.document if item.planfile else None
        entries.append(PlanEntry(
            path=item.shown,
            name=result.name or item.shown,
            owner=result.owner,
            account=(plan.account or "") if isinstance(plan, Plan) else "",
            parsed=result.parsed,
            score=result.score,
            band=result.band,
            completeness=result.completeness,
            substance=result.substance,
            essentials=result.essentials,
            error=result.error,
            change=change,
            attention=attention_reasons(result, change, portfolio_notes),
            categories=category_bars(result, item.linter) if result.parsed else [],
            fixes=result.fixes[:TOP_FIXES],
            findings=result.findings,
            trend=trend,
            anchor=anchors[item.shown],
        ))
    entries.sort(key=lambda e: (not e.attention, -1.0 if e.score is None else e.score, e.path))

    scores = [e.score for e in entries if e.score is not None]
    mean = round(sum(scores) / len(scores), 1) if scores else 0.0
    totals = Totals(
        plans=len(entries),
        unreadable=sum(1 for e in entries if e.score is None),
        mean_score=mean,
        mean_band=scoring.band(mean),
        bands={name: sum(1 for e in entries if e.band == name) for _, name in scoring.BANDS},
        findings=sum(len([f for f in e.findings if f.suppressed is None]) for e in entries),
        needing_attention=sum(1 for e in entries if e.attention),
    )
    return Report(
        title=options.title,
        version=__version__,
        as_of=day.isoformat(),
        generated=options.generated,
        totals=totals,
        bands=[Band(name=name, floor=floor, meaning=BAND_MEANINGS.get(name, "")) for floor, name in scoring.BANDS],
        plans=entries,
        portfolio=view,
        team_trend=team_trend(series, mean, options.history) if options.history > 0 else None,
        notes=notes,
        change_rule=change_rule(options),
    )


def change_rule(options: ReportOptions) -> str:
    """What the change column compares with, in one sentence for the reader."""
    if options.previous is not None:
        return f"Change is since the previous report (as of {options.previous.as_of})."
    if options.history == 0:
        return "Change is not shown: git history was not read (--history 0)."
    return ("Change is since the previous version of each plan in git: the last commit when the file has "
            "uncommitted edits, else the commit before it. Earlier versions are scored as of their commit day.")
