"""The report as one self-contained HTML page: inline CSS and SVG, no script, no web fonts.

It opens offline, prints cleanly (each plan starts a new page on paper) and
writes a word beside every colour. It formats :class:`.model.Report` and
computes nothing.
"""

from __future__ import annotations

import re
from html import escape

from ...engine.bands import BANDS, BY_NAME, NO_BAND_COLOUR
from . import svg
from typing import Optional, Sequence

from ...engine.results import Finding, Fix
from .model import FINDING_ROWS, FIXES_OPEN, CategoryBar, FileFindings, Change, Decay, FindingChange, PlanEntry, PlanRef, PortfolioView, Report, TeamTrend

# A class per band, coloured from the one bands table (planlint.engine.bands).
BAND_CSS = "".join(f".band-{band.name} {{ background: {band.colour}; }}\n" for band in BANDS) + \
    f".band-none {{ background: {NO_BAND_COLOUR}; }}\n"
METER_CSS = "".join(f".meter i.c-{band.name} {{ background: {band.colour}; }}\n" for band in BANDS)

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #ffffff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 0; }
h4 { font-size: 13px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p.lead, p.note { color: var(--muted); margin: 4px 0 12px; }
a { color: #0a5ec2; text-decoration: none; }
.meta { color: var(--muted); }
.cards { display: flex; gap: 14px; flex-wrap: wrap; margin: 18px 0 4px; }
.card { flex: 1 1 190px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: var(--soft); }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 28px; font-weight: 700; line-height: 1.2; }
.card .bands { font-size: 16px; padding-top: 8px; display: flex; flex-wrap: wrap; gap: 6px 12px; }
.card .sub { color: var(--muted); font-size: 13px; }
.band { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #ffffff; font-size: 12px; font-weight: 600;
  white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
""" + BAND_CSS + """table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; font-weight: 600;
  background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.score { font-weight: 700; font-size: 15px; white-space: nowrap; }
td.score svg { vertical-align: middle; margin-left: 6px; }
table.summary td:first-child a { font-weight: 600; }
tr.attention td:first-child { box-shadow: inset 4px 0 0 #b3261e; }
.path, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.up { color: #1e7b3c; font-weight: 600; } .down { color: #b3261e; font-weight: 600; } .flat { color: var(--muted); }
.basis { display: block; color: var(--muted); font-size: 11px; }
ul.reasons { margin: 0; padding-left: 16px; } ul.reasons li { margin: 0; }
.ok { color: var(--muted); }
.figure { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-start; }
.figure svg { max-width: 100%; height: auto; }
.key { flex: 1 1 260px; max-width: 380px; }
.key h4:first-child { margin-top: 4px; }
ul.quadrants { list-style: none; padding: 0; margin: 0; }
ul.quadrants li { display: flex; gap: 10px; align-items: flex-start; margin: 0 0 10px; font-size: 13px; }
ul.quadrants .letter { flex: none; width: 28px; height: 28px; border-radius: 6px; background: var(--soft);
  border: 1px solid var(--line); text-align: center; font-weight: 700; line-height: 26px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 13px; color: var(--muted); margin: 8px 0; }
.objectives { display: flex; flex-direction: column; gap: 8px; }
.objective { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
.objective p { margin: 0; flex: 1 1 260px; font-size: 13px; }
section.plan { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 22px 0; }
section.plan header { display: flex; justify-content: space-between; gap: 16px; align-items: baseline; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.bigscore { font-size: 30px; font-weight: 700; }
.bigscore small { font-size: 14px; color: var(--muted); font-weight: 400; }
.bigscore .sub { font-size: 13px; font-weight: 400; color: var(--muted); }
.columns { display: flex; gap: 32px; flex-wrap: wrap; }
.columns > div { flex: 1 1 420px; min-width: 0; }
.sev { font-weight: 600; font-size: 12px; text-transform: uppercase; }
table.findings td:first-child { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td[class^="sev-"] { font-weight: 600; font-size: 12px; text-transform: uppercase; }
.sev-error { color: #b3261e; } .sev-warning { color: #9a5b00; } .sev-info { color: #2862a8; }
.suppressed td { color: var(--muted); text-decoration: line-through; }
.meter { display: inline-block; width: 80px; height: 8px; border-radius: 4px; background: #eef1f4; margin-left: 6px;
  vertical-align: middle; overflow: hidden; } .meter i { display: block; height: 8px; }
ul.cats { list-style: none; padding: 0; margin: 0; } ul.cats li { display: flex; align-items: center; gap: 8px; margin: 0 0 5px; }
ul.cats li > span { flex: 0 0 120px; }
ul.cats li > i { position: relative; flex: 0 0 150px; height: 12px; border-radius: 3px;
  background: linear-gradient(to right, var(--c) var(--w), #eef1f4 var(--w)); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul.cats li > i s { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--ink); }
ul.cats .red { --c: #b3261e; } ul.cats .amber { --c: #9a5b00; } ul.cats .green { --c: #1e7b3c; }
ul.cats li.red { color: #b3261e; } ul.cats li.amber { color: #9a5b00; } ul.cats li.green { color: #1e7b3c; }
ul.cats li > span, ul.cats b { color: var(--ink); } ul.cats li { font-size: 13px; }
""" + METER_CSS + """ol.fixes { padding-left: 20px; margin: 4px 0; } ol.fixes li { margin: 0 0 6px; }
.rag { display: inline-block; min-width: 0; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; color: #fff; }
.rag-red { background: #b3261e; } .rag-amber { background: #9a5b00; } .rag-green { background: #1e7b3c; }
.flag { display: inline-block; border: 1px solid #b3261e; color: #b3261e; border-radius: 4px; padding: 0 6px; margin: 2px 4px 2px 0;
  font-size: 12px; font-weight: 600; }
.short { border-left: 4px solid #b3261e; background: #fdf3f2; padding: 8px 14px; margin: 10px 0; border-radius: 4px; }
.short ul { margin: 4px 0 0; padding-left: 18px; }
.picture { display: flex; gap: 28px; flex-wrap: wrap; } .picture > div { flex: 1 1 440px; min-width: 0; }
.moved .new { color: #b3261e; } .moved .fixed { color: #1e7b3c; }
details { margin: 10px 0; } details > summary { cursor: pointer; font-weight: 600; color: var(--muted); }
ol.agenda { padding-left: 22px; margin: 6px 0; } ol.agenda li { margin: 0 0 10px; }
ol.agenda small, ol.agenda b { display: block; color: var(--muted); font-size: 12px; }
ol.agenda b { color: var(--ink); }
section.agenda-page { break-after: page; padding: 0 0 24px; }
section.agenda-page:last-child { break-after: auto; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 12px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  section.plan { break-before: page; border: none; padding: 0; }
  details > summary { display: none; } details { display: block; }
  section.agenda-page { break-inside: avoid; }
  .figure, tr, .card, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def prose(text: str) -> str:
    """Escaped text with `backticked` plan syntax shown as code, as rule messages write it."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))



SHORT_SHOWN = 5  # A accounts falling short listed open at the top; the rest one click away
ACCOUNT_ROWS = 40  # accounts listed under the two-by-two; the ones falling short come first

NONE = "—"


def band_chip(band: str) -> str:
    css = band if band in BY_NAME else "none"
    return f'<span class="band band-{css}">{escape(band or "cannot be read")}</span>'


def change_cell(change: Change) -> str:
    if change.delta is None:
        return NONE if change.shared else f'<span class="flat">—</span><span class="basis">{escape(change.basis)}</span>'
    if change.delta > 0:
        mark = f'<span class="up">▲ +{change.delta:.1f}</span>'
    elif change.delta < 0:
        mark = f'<span class="down">▼ −{-change.delta:.1f}</span>'
    else:
        mark = '<span class="flat">no change</span>'
    return f'{mark}<span class="basis">{escape(change.basis)}</span>'


def decay_cell(decay: Optional[Decay], reasons: bool = True) -> str:
    if decay is None:
        return NONE
    mark = f'<b class="down">▼ −{-decay.delta:.1f}</b>' if decay.delta < 0 else "nothing lost"
    why = "".join(f"<br>{prose(r)}" for r in decay.reasons) if reasons else ""
    return f"{mark} {escape(decay.basis)}{why}"


def moved_text(moved: Optional[FindingChange]) -> str:
    if moved is None:
        return ""
    return (f'<span class="moved"><span class="new">{len(moved.new)} new</span> · '
            f'<span class="fixed">{len(moved.fixed)} fixed</span> findings</span>')


def changes_cell(plan: PlanEntry) -> str:
    """The edit's effect, then what time did, then the findings that came and went: three things kept apart."""
    parts = [change_cell(plan.change)]
    if plan.decay is not None:
        parts.append(f'<span class="basis">time: {decay_cell(plan.decay, reasons=False)}</span>')
    moved = moved_text(plan.finding_change)
    if moved:
        parts.append(f'<span class="basis">{moved}</span>')
    return "".join(parts)


def meter(score: Optional[float], band: str) -> str:
    """A thin 0-100 bar beside a score, in the band's colour (the band is written in the next column)."""
    if score is None:
        return ""
    return f'<span class="meter"><i class="c-{escape(band)}" style="width:{score:.0f}%"></i></span>'


def category_list(bars: Sequence[CategoryBar]) -> str:
    """A bar per category in its red/amber/green with the colour's word beside it; a configured minimum is a tick.

    Plain HTML and one CSS gradient, under a hundred bytes a category, so a 400-plan page stays small.
    """
    rows, idle = [], []
    for bar in bars:
        name = escape(bar.title.split(" (")[0])
        if bar.score is None:
            idle.append(name)
            continue
        tick = f'<s class="minimum" style="left:{bar.minimum:g}%"></s>' if bar.minimum is not None else ""
        lifted = f", {bar.unsuppressed:.1f} unsuppressed" if bar.unsuppressed is not None else ""
        rows.append(f'<li class="{bar.rag}"><span>{name}</span><i style="--w:{bar.score:.0f}%">{tick}</i>'
                    f"<b>{bar.score:.1f}</b> {escape(bar.rag_words)}{lifted}</li>")
    if idle:
        rows.append(f'<li class="meta">not applicable: {", ".join(idle)}</li>')
    return '<ul class="cats">' + "".join(rows) + "</ul>"


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


def reasons_list(plan: PlanEntry) -> str:
    if not plan.attention:
        return NONE
    flagged = set(plan.flags)
    chip = '<span class="flag">flag</span>'
    return '<ul class="reasons">' + "".join(f"<li>{chip if r in flagged else ''}{prose(r)}</li>" for r in plan.attention) + "</ul>"


def plan_label(plan: PlanEntry) -> str:
    written = f' <span class="meta">(named “{escape(plan.written_name)}” in the file)</span>' if plan.written_name else ""
    return f'<a href="#{plan.anchor}">{escape(plan.name)}</a>{written}<br><span class="path">{escape(plan.path)}</span>'


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


def score_or_dash(score: Optional[float]) -> str:
    return "—" if score is None else f"{score:.1f}"


def worst_link(worst: Optional[PlanRef]) -> str:
    if worst is None:
        return "—"
    return f'<a href="#{worst.anchor}">{escape(worst.name)}</a> {score_or_dash(worst.score)}'


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


def agenda_list(plan: PlanEntry, detail: bool = False) -> str:
    """The questions, each with whom to ask and what raised it (in full on the agenda page, in a few words here)."""
    return '<ol class="agenda">' + "".join(
        f"<li>{prose(item.question)}" + (f"<b>Ask {escape(item.ask)}</b>" if item.ask else "")
        + f"<small>{prose(item.because if detail else item.tag or item.because)}</small></li>" for item in plan.agenda) + "</ol>"


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


def legend() -> str:
    return '<div class="legend">' + "".join(band_chip(b) for b in [*BY_NAME, "no plan"]) + "</div>"


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


def fixes_list(fixes: Sequence[Fix]) -> str:
    """The top fixes by gain; how to fix each rule is written once, in the guide at the end of the page."""
    return '<ol class="fixes">' + "".join(
        f'<li><strong>+{f.gain:.1f}</strong> pts: <a href="#fix-{escape(f.code)}"><code>{escape(f.code)}</code> '
        f"{escape(f.name)}</a></li>" for f in fixes) + "</ol>"


def fix_guide(report: Report) -> str:
    if not report.fix_guide:
        return ""
    rows = "".join(f'<tr id="fix-{escape(f.code)}"><td><code>{escape(f.code)}</code> <strong>{escape(f.name)}</strong></td>'
                   f"<td>{prose(f.message)}</td></tr>" for f in report.fix_guide)
    return ('<h2 id="fixes">How to fix</h2><p class="lead">What each rule among the top fixes asks for; '
            "<code>planlint explain CODE</code> says why.</p>"
            f'<table class="guide"><thead><tr><th>Rule</th><th>How to fix</th></tr></thead><tbody>{rows}</tbody></table>')


def finding_rows(findings: Sequence[Finding]) -> str:
    return "".join(
        ('<tr class="suppressed">' if f.suppressed else "<tr>") + f"<td>{f.line}:{f.column}</td>"
        f'<td class="sev-{escape(f.severity.value)}">{escape(f.severity.value)}</td>'
        f"<td><code>{escape(f.code)}</code> {escape(f.name)}</td><td>{prose(f.message)}"
        + (f"<br><em>suppressed: {escape(f.suppressed)}</em>" if f.suppressed else "") + "</td></tr>"
        for f in findings)


def findings_details(plan: PlanEntry) -> str:
    """Every finding collapsed under one line (no script needed), at most :data:`FINDING_ROWS` rows on the page."""
    if not plan.findings:
        return '<h4>Findings</h4><p class="ok">No findings.</p>'
    shown = plan.findings[:FINDING_ROWS]
    more = len(plan.findings) - len(shown)
    rest = (f'<p class="note">and {more} more: run <code>planlint check {escape(plan.path)}</code></p>' if more else "")
    moved = ""
    if plan.finding_change is not None and (plan.finding_change.new or plan.finding_change.fixed):
        fc = plan.finding_change
        moved = (f'<p>{moved_text(fc)} <span class="meta">({escape(fc.basis)})</span></p>'
                 + (f"<h4>New</h4><table class=\"findings\"><tbody>{finding_rows(fc.new[:FINDING_ROWS])}</tbody></table>" if fc.new else "")
                 + (f"<h4>Fixed</h4><table class=\"findings\"><tbody>{finding_rows(fc.fixed[:FINDING_ROWS])}</tbody></table>" if fc.fixed else ""))
    return (f"<details><summary>Findings ({len(plan.findings)})</summary>{moved}"
            f'<table class="findings"><tbody>{finding_rows(shown)}</tbody></table>{rest}</details>')


def objective_paths(plan: PlanEntry) -> str:
    """Each tracked objective's small chart, with where its latest reading stands in words beside it."""
    return '<div class="objectives">' + "".join(
        f'<div class="objective" data-objective="{escape(o.name)}">{svg.objective_chart(o)}'
        f"<p><strong>{escape(o.name)}</strong><br>{escape(o.words)}</p></div>" for o in plan.objectives) + "</div>"


def plan_section(plan: PlanEntry) -> str:
    """One plan: its verdict, the questions for its review, its categories, top fixes and (collapsed) findings.

    Why it needs attention is said once, in the summary table; here only the flags are repeated.
    """
    who = " · ".join(part for part in (  # the path is in the plan's summary row, and in the command under its findings
        f"owner {escape(plan.owner)}" if plan.owner else "",
        f"account {escape(plan.account)}" if plan.account and plan.account not in plan.name else "") if part)
    written = f'<div class="meta">named “{escape(plan.written_name)}” in the file</div>' if plan.written_name else ""
    score = (f'{plan.score:.1f}<small> / 100</small> {band_chip(plan.band)}' if plan.score is not None else band_chip(""))
    parts = [  # the change and why the plan needs attention are in its summary row; not repeated here
        f'<section class="plan" id="{plan.anchor}" data-plan="{escape(plan.path)}"><header>'
        f'<div><h3>{escape(plan.name)}</h3>{written}<div class="meta">{who}</div></div>'
        f'<div class="bigscore">{score}<div class="sub">{prose(plan.verdict_text or (plan.error or ""))}</div></div></header>'
    ]
    if plan.flags:
        parts.append("<p>" + "".join(f'<span class="flag">{prose(flag)}</span>' for flag in plan.flags) + "</p>")
    if plan.agenda:
        parts.append(f"<h4>Questions for the review</h4>{agenda_list(plan)}")
    if plan.objectives:
        parts.append(f"<h4>Objectives against their path</h4>{objective_paths(plan)}")
    if plan.categories:
        fixes = fixes_list(plan.fixes[:FIXES_OPEN]) if plan.fixes else '<p class="ok">Nothing to fix: every applicable rule passes.</p>'
        parts.append(f'<div class="columns"><div><h4>Score by category</h4>{category_list(plan.categories)}</div>'
                     f"<div><h4>Top fixes</h4>{fixes}</div></div>")
    parts.append(findings_details(plan))
    parts.append("</section>")
    return "".join(parts)


def agenda_page(plan: PlanEntry, report: Report) -> str:
    """One printed page: the plan, its score and why it needs attention, then the questions to ask."""
    facts = " · ".join(part for part in (f"owner {escape(plan.owner)}" if plan.owner else "",
                                         f"account {escape(plan.account)}" if plan.account else "",
                                         f'<span class="path">{escape(plan.path)}</span>') if part)
    return (f'<section class="agenda-page" data-plan="{escape(plan.path)}"><h2>{escape(plan.name)}</h2>'
            f'<div class="meta">{facts}</div>'
            f'<p><span class="bigscore">{plan.score_text}</span> {band_chip(plan.band)} {change_cell(plan.change)}</p>'
            f"<h4>Why this plan is on the agenda</h4>{reasons_list(plan)}"
            f"<h4>Questions for the review</h4>{agenda_list(plan, detail=True)}</section>")


def render_agenda(report: Report) -> str:
    """The review agenda alone: one printed page per plan needing attention that can be read."""
    pages = [agenda_page(plan, report) for plan in report.plans if plan.agenda]
    body = (f"<header><h1>{escape(report.title)}: review agenda</h1><div class=\"meta\">{len(pages)} plan"
            f"{'s' if len(pages) != 1 else ''} to review · judged as of {escape(report.as_of)}</div></header>")
    if not pages:
        pages = ['<p class="ok">No plan needs a review: none needs attention.</p>']
    return page(f"{report.title}: review agenda", body + "".join(pages))


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def footer(report: Report) -> str:
    bands = "; ".join(f"<strong>{escape(b.name)}</strong> from {b.floor:g}: {escape(b.meaning)}" for b in report.bands)
    notes = "".join(f"<p>Note: {escape(n)}</p>" for n in report.notes)
    return (f"<footer><p>Bands: {bands}.</p><p>Made by planlint {escape(report.version)}, judged as of {escape(report.as_of)}"
            + (f", generated {escape(report.generated)}" if report.generated else "") + ".</p>" + notes + "</footer>")


def render(report: Report) -> str:
    t = report.totals
    subtitle = f"{t.plans} plan{'s' if t.plans != 1 else ''} · judged as of {escape(report.as_of)}"
    if report.generated:
        subtitle += f" · generated {escape(report.generated)}"
    body = [
        f"<header><h1>{escape(report.title)}</h1><div class=\"meta\">{subtitle}</div></header>",
        summary_cards(report),
        team_picture(report),
        f'<h2 id="plans">Plans</h2><p class="lead">Plans needing attention come first, lowest score first. '
        f"{escape(report.change_rule)}</p>",
        summary_table(report),
        unreadable_section(report),
    ]
    if report.portfolio is not None:
        body.append(portfolio_section(report.portfolio))
    for other in report.other_files:
        body.append(other_file_section(other))
    if report.team_trend is not None:
        body.append(trend_section(report.team_trend, report))
    body.append('<h2 id="details">Plan by plan</h2><p class="lead">Each plan: its verdict, the questions for its review, '
                'its categories in red, amber or green (green from 85, amber from 65), its top three fixes, and its findings '
                "(collapsed: errors first, the first few, then the command that lists them all). Files that cannot be read are "
                'listed <a href="#unreadable">above</a>.</p>')
    body.extend(plan_section(plan) for plan in report.plans if plan.score is not None)
    body.append(fix_guide(report))
    body.append(footer(report))
    return page(report.title, "".join(body))


def other_file_section(other: FileFindings) -> str:
    """A portfolio file's own findings, so the page counts what `check` counts."""
    counted = [f for f in other.findings if f.suppressed is None]
    if not other.findings:
        return ""
    return (f'<h4>Findings of the {escape(other.kind)} file <span class="path">{escape(other.path)}</span> ({len(counted)})</h4>'
            '<table class="findings"><thead><tr><th class="num">Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>'
            f"<tbody>{finding_rows(other.findings[:FINDING_ROWS])}</tbody></table>")
