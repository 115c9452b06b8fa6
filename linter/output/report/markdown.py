"""The report as Markdown, for a wiki page or a pull-request comment.

Same content as the HTML page, as tables; the charts become text (a trend
reads ``41.0 → 48.2 → 54.3``, the two-by-two becomes a table of accounts by
quadrant). It formats :class:`.model.Report` and computes nothing.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from .model import Change, PlanEntry, PortfolioView, Report, TeamTrend, TrendPoint

TREND_POINTS_SHOWN = 6


_TAGS = str.maketrans({"<": "&lt;", ">": "&gt;"})
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARKDOWN = re.compile(r"([\\`*_\[\]#!~])")


def cell(text: str) -> str:
    """Text safe inside a table cell: no raw HTML, pipes escaped, line breaks flattened.

    Cells keep the Markdown that rule authors write in messages (`code`);
    text written in a plan goes through :func:`plain` first.
    """
    return text.translate(_TAGS).replace("|", "\\|").replace("\n", " ").strip() or "—"


def plain(text: str) -> str:
    """Text from a plan (a name, an owner): shown as written, never as Markdown or HTML.

    A plan named ``<img onerror=...>`` or an owner ``Bob *Smith*`` must not
    turn into markup on a wiki page or in a pull-request comment.
    """
    return _MARKDOWN.sub(r"\\\1", text.translate(_HTML)).replace("\n", " ")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
    align = ["---:" if index in right else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def change_text(change: Change) -> str:
    if change.delta is None:
        return f"— ({change.basis})"
    sign = "+" if change.delta > 0 else ("−" if change.delta < 0 else "±")
    return f"{sign}{abs(change.delta):.1f} ({change.basis})"


def trend_text(points: Sequence[TrendPoint]) -> str:
    if not points:
        return "—"
    shown = points[-TREND_POINTS_SHOWN:]
    prefix = "… → " if len(points) > len(shown) else ""
    return prefix + " → ".join(f"{p.score:.1f}" for p in shown)


def summary(report: Report) -> str:
    t = report.totals
    bands = ", ".join(f"{count} {name}" for name, count in t.bands.items())
    lines = [
        f"**Team mean score: {t.mean_score:.1f} ({t.mean_band})** · {t.needing_attention} of {t.plans} plans need attention · "
        f"{t.findings} findings · plans by band: {bands}",
        "",
        "## Plans",
        "",
        f"Plans needing attention come first, lowest score first. {report.change_rule}".rstrip(),
        "",
        table(
            ["Plan", "Owner", "Score", "Band", "Change", "Trend", "Needs attention"],
            ([f"[{plain(p.name)}](#{p.anchor}) `{p.path}`", plain(p.owner), p.score_text, p.band, change_text(p.change),
              trend_text(p.trend), "; ".join(p.attention)] for p in report.plans),
            right=(2,),
        ),
    ]
    return "\n".join(lines)


def portfolio(view: PortfolioView) -> str:
    parts = [
        f"## Portfolio: {plain(view.name)}",
        "",
        f"Accounts placed by current and future revenue ({view.thresholds}). Source: `{view.source}`.",
        "",
        table(["Quadrant", "Meaning", "Accounts"], ([q.letter, q.advice, str(q.count)] for q in view.quadrants), right=(2,)),
        "",
        table(
            ["Account", "Quadrant", "Current", "Future", "Plan", "Score", "Band", "Verdict"],
            ([plain(p.account), p.quadrant, p.current, p.future, f"`{p.plan_path}`" if p.plan_path else "",
              "—" if p.score is None else f"{p.score:.1f}", p.band, p.note] for p in view.placements),
            right=(5,),
        ),
    ]
    if view.unplaced:
        parts += ["", "Not on the chart (no revenue figures): " + "; ".join(plain(name) for name in view.unplaced)]
    return "\n".join(parts)


def trend(team: TeamTrend) -> str:
    return "\n".join([
        "## Team trend",
        "",
        team.basis[0].upper() + team.basis[1:] + ".",
        "",
        table(["When", "Commit", "Mean score"], ([p.label, p.commit, f"{p.score:.1f}"] for p in team.points), right=(2,)),
    ])


def plan_details(plan: PlanEntry) -> str:
    facts = " · ".join(part for part in (
        f"owner {plain(plan.owner)}" if plan.owner else "", f"account {plain(plan.account)}" if plan.account else "",
        f"`{plan.path}`") if part)
    parts = [
        f'<a id="{plan.anchor}"></a>',
        f"### {plain(plan.name)}: {plan.score_text}" + (f" ({plan.band})" if plan.band else ""),
        "",
        plain(plan.verdict_text or plan.error or ""),
        "",
        f"{facts} · change {change_text(plan.change)} · trend {trend_text(plan.trend)}",
    ]
    if plan.attention:
        parts += ["", "**Needs attention:** " + "; ".join(plan.attention)]
    if plan.categories:
        parts += ["", table(["Category", "Score", "Band"],
                            ([c.title, "n/a" if c.score is None else f"{c.score:.1f}", c.band] for c in plan.categories),
                            right=(1,))]
    if plan.fixes:
        parts += ["", "**Top fixes**", "", table(["Rule", "Gain", "How"],
                                                 ([f"{f.code} {f.name}", f"+{f.gain:.1f}", f.message] for f in plan.fixes),
                                                 right=(1,))]
    if plan.findings:
        parts += ["", f"**Findings ({len(plan.findings)})**", "", table(
            ["Line", "Severity", "Rule", "Message"],
            ([f"{f.line}:{f.column}", f.severity.value, f"{f.code} {f.name}",
              f.message + (f" (suppressed: {f.suppressed})" if f.suppressed else "")] for f in plan.findings),
            right=(0,))]
    else:
        parts += ["", "No findings."]
    return "\n".join(parts)


def render(report: Report) -> str:
    when = f"judged as of {report.as_of}" + (f", generated {report.generated}" if report.generated else "")
    parts = [f"# {report.title}", "", f"{report.totals.plans} plans · {when} · planlint {report.version}", "", summary(report)]
    if report.portfolio is not None:
        parts += ["", portfolio(report.portfolio)]
    if report.team_trend is not None:
        parts += ["", trend(report.team_trend)]
    parts += ["", "## Plan by plan"]
    for plan in report.plans:
        parts += ["", plan_details(plan)]
    bands = "; ".join(f"**{b.name}** from {b.floor:g}: {b.meaning}" for b in report.bands)
    parts += ["", "---", "", f"Bands: {bands}."]
    parts += [f"Note: {note}" for note in report.notes]
    return "\n".join(parts) + "\n"
