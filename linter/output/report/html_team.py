"""The report page's team sections: the summary cards, the team picture, the plan table, the portfolio and the trend.

What a manager reads before any single plan; each plan's own section is in :mod:`.html_plans`.
"""

from __future__ import annotations

from html import escape
from typing import Optional

from . import svg
from .html_parts import NONE, band_chip, changes_cell, finding_rows, legend, meter, plan_label, prose, reasons_list, score_or_dash
from .model import FINDING_ROWS, FileFindings, PlanRef, PortfolioView, Report, TeamTrend


SHORT_SHOWN = 5  # A accounts falling short listed open at the top; the rest one click away
ACCOUNT_ROWS = 40  # accounts listed under the two-by-two; the ones falling short come first


def summary_cards(report: Report) -> str:
    t = report.totals
    band_counts = " ".join(f'<span class="count">{band_chip(name)} {count}</span>' for name, count in t.bands.items())
    readable = t.plans - t.unreadable
    return (
        '<div class="cards">'
        f'<div class="card"><div class="label">Team mean score</div><div class="value">{t.mean_score:.1f}</div>'
        f'<div class="sub">{band_chip(t.mean_band)} of 100, over {readable} readable plan{"s" if readable != 1 else ""}</div></div>'
        f'<div class="card"><div class="label">Need attention</div><div class="value">{t.needing_attention}'
        f'<small class="sub"> of {t.plans} plans</small></div><div class="sub">listed first below</div></div>'
        f'<div class="card"><div class="label">Plans by band</div><div class="value bands">{band_counts}</div></div>'
        f'<div class="card"><div class="label">Findings</div><div class="value">{t.findings}</div>'
        f'<div class="sub">as <code>planlint check</code> counts them'
        + (f' · <a href="#unreadable">{t.unreadable} cannot be read</a>' if t.unreadable else "") + "</div></div>"
        "</div>"
    )


def summary_table(report: Report) -> str:
    rows = []
    for plan in report.plans:
        if plan.score is None:
            continue  # listed apart, under "Cannot be read"
        rows.append(
            f'<tr class="{"attention" if plan.attention else "fine"}" data-plan="{escape(plan.path)}">'
            f"<td>{plan_label(plan)}</td>"
            f"<td>{escape(plan.owner or '—')}</td>"
            f'<td class="score">{plan.score_text}{meter(plan.score, plan.band)}</td>'
            f"<td>{band_chip(plan.band)}</td>"
            f"<td>{changes_cell(plan)}</td>"
            f"<td>{svg.sparkline(plan.trend) or NONE}</td>"
            f"<td>{reasons_list(plan)}</td></tr>"
        )
    return (
        '<table class="summary"><thead><tr><th>Plan</th><th>Owner</th><th>Score</th><th>Band</th>'
        "<th>Change</th><th>Trend (0-100)</th><th>Needs attention</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def unreadable_section(report: Report) -> str:
    """Files that cannot be read: one line each with the first error, apart from the plans (they have no score)."""
    rows = "".join(
        f'<tr data-plan="{escape(p.path)}"><td><span class="path">{escape(p.path)}</span></td>'
        f"<td>{escape(p.owner or '—')}</td><td>{prose(p.error or 'cannot be read')}</td></tr>"
        for p in report.plans if p.score is None)
    if not rows:
        return ""
    return (f'<h2 id="unreadable">Cannot be read ({report.totals.unreadable})</h2>'
            '<p class="lead">These files have no score and count in no mean: fix the first error and run '
            "<code>planlint check</code> on the file.</p>"
            f'<table class="unreadable"><thead><tr><th>File</th><th>Owner</th><th>First error</th></tr></thead><tbody>{rows}</tbody></table>')


def worst_link(worst: Optional[PlanRef]) -> str:
    if worst is None:
        return "—"
    return f'<a href="#{worst.anchor}">{escape(worst.name)}</a> {score_or_dash(worst.score)}'


def team_picture(report: Report) -> str:
    """Who needs help and whether the A accounts are covered: the first thing on the page."""
    parts = ['<h2 id="team">Team picture</h2>']
    if report.short_a:
        more = len(report.short_a) - SHORT_SHOWN
        rest = (f'<details><summary>and {more} more</summary><ul>' + "".join(f"<li>{prose(s)}</li>" for s in report.short_a[SHORT_SHOWN:])
                + "</ul></details>") if more > 0 else ""
        parts.append(f'<div class="short"><strong>A accounts whose plan is missing or below the minimum ({len(report.short_a)})</strong><ul>'
                     + "".join(f"<li>{prose(s)}</li>" for s in report.short_a[:SHORT_SHOWN]) + f"</ul>{rest}</div>")
    owners = "".join(
        f"<tr><td><strong>{escape(o.owner)}</strong></td><td class=\"num\">{len(o.plans)}</td>"
        f'<td class="num">{score_or_dash(o.mean)}</td><td>{worst_link(o.worst)}</td>'
        f'<td class="num">{o.needing_attention}</td><td class="num">{o.unreadable or ""}</td></tr>'
        for o in report.owners)
    parts.append('<div class="picture"><div><h4>By owner</h4><table class="owners"><thead><tr><th>Owner</th>'
                 '<th class="num">Plans</th><th class="num">Mean</th><th>Worst plan</th><th class="num">Need attention</th>'
                 f'<th class="num">Unreadable</th></tr></thead><tbody>{owners}</tbody></table></div>')
    if report.quadrants:
        quadrants = "".join(
            f"<tr><td><strong>{escape(q.letter)}</strong> {escape(q.advice)}</td><td class=\"num\">{q.accounts}</td>"
            f'<td class="num">{q.with_plan}</td><td class="num">{score_or_dash(q.mean)}</td>'
            f'<td class="num">{len(q.short) or ""}</td></tr>'
            for q in report.quadrants)
        parts.append('<div><h4>By quadrant</h4><table class="quadrant-rollup"><thead><tr><th>Quadrant</th>'
                     '<th class="num">Accounts</th><th class="num">With a plan</th><th class="num">Mean</th>'
                     f'<th class="num">Short</th></tr></thead><tbody>{quadrants}</tbody></table></div>')
    parts.append("</div>")
    return "".join(parts)


def portfolio_section(view: PortfolioView) -> str:
    shown = [p for p in view.placements if p.note] + [p for p in view.placements if not p.note]
    shown = shown[:ACCOUNT_ROWS]
    rows = "".join(
        f"<tr><td><strong>{escape(p.account)}</strong></td><td>{escape(p.quadrant)}</td>"
        f"<td>{escape(p.current)}</td><td>{escape(p.future)}</td>"
        + (f'<td><a href="#{p.plan_anchor}">{escape(p.plan_path)}</a></td>' if p.plan_anchor else f"<td>{escape(p.plan_path or '—')}</td>")
        + f'<td class="num">{"—" if p.score is None else f"{p.score:.1f}"}</td><td>{band_chip(p.band)}</td>'
        f"<td>{prose(p.note) or NONE}</td></tr>"
        for p in shown
    )
    if len(view.placements) > len(shown):
        rows += (f'<tr><td colspan="8" class="meta">and {len(view.placements) - len(shown)} more accounts '
                 "(the short ones are listed first; the quadrants are counted in the team picture)</td></tr>")
    unplaced = ""
    if view.unplaced:
        unplaced = '<p class="note">Not on the chart (no revenue figures): ' + "; ".join(escape(u) for u in view.unplaced) + "</p>"
    return (
        f'<h2 id="portfolio">Portfolio: {escape(view.name)}</h2>'
        f'<p class="lead">Accounts placed by current and future revenue ({escape(view.thresholds)}); '
        f"each marker is coloured by its plan's band and labelled with its score. "
        f"A dashed ring marks an A account whose plan falls short. Source: <span class=\"path\">{escape(view.source)}</span></p>"
        f'<div class="figure">{svg.quadrant_chart(view)}{quadrant_key(view)}</div>'
        + '<table class="accounts"><thead><tr><th>Account</th><th>Quadrant</th><th>Current</th><th>Future</th><th>Plan</th>'
        '<th class="num">Score</th><th>Band</th><th>Verdict</th></tr></thead><tbody>' + rows + "</tbody></table>" + unplaced
    )


def quadrant_key(view: PortfolioView) -> str:
    """Beside the chart: what each quadrant asks for, how many accounts sit there, and the marker colours."""
    items = "".join(
        f'<li><span class="letter">{escape(q.letter)}</span><div><strong>{escape(q.advice.split(": ", 1)[0])}</strong>'
        f'<br>{escape(q.advice.split(": ", 1)[-1])} · {q.count} account{"s" if q.count != 1 else ""}</div></li>'
        for q in view.quadrants)
    short = sum(1 for p in view.placements if p.note)
    return (f'<div class="key"><h4>Quadrants</h4><ul class="quadrants">{items}</ul>'
            f"<h4>Marker colour: the plan's band</h4>{legend()}"
            f'<p class="note">A dashed red ring: an A account whose plan is missing or below the minimum '
            f"({short} on this chart).</p></div>")


def trend_section(trend: TeamTrend, report: Report) -> str:
    floors = [(band.name, band.floor) for band in report.bands]
    return (
        '<h2 id="trend">Team trend</h2>'
        f'<p class="lead">{escape(trend.basis[0].upper() + trend.basis[1:])}.</p>'
        f'<div class="figure">{svg.trend_chart(trend.points, floors)}</div>'
    )


def other_file_section(other: FileFindings) -> str:
    """A portfolio file's own findings, so the page counts what `check` counts."""
    counted = [f for f in other.findings if f.suppressed is None]
    if not other.findings:
        return ""
    return (f'<h4>Findings of the {escape(other.kind)} file <span class="path">{escape(other.path)}</span> ({len(counted)})</h4>'
            '<table class="findings"><thead><tr><th class="num">Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>'
            f"<tbody>{finding_rows(other.findings[:FINDING_ROWS])}</tbody></table>")
