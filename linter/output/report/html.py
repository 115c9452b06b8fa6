"""The report as one self-contained HTML page: inline CSS and SVG, no script, no web fonts.

It opens offline, prints cleanly (each plan starts a new page on paper) and
writes a word beside every colour. It formats :class:`.model.Report` and
computes nothing.
"""

from __future__ import annotations

import re
from html import escape

from . import svg
from .model import Change, PlanEntry, PortfolioView, Report, TeamTrend

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
.band-tool { background: #1e7b3c; } .band-developing { background: #2862a8; }
.band-thin { background: #9a5b00; } .band-form { background: #b3261e; } .band-none { background: #6b7280; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; font-weight: 600;
  background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.score { font-weight: 700; font-size: 15px; white-space: nowrap; }
td.score svg { vertical-align: middle; margin-left: 6px; }
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
section.plan { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 22px 0; }
section.plan header { display: flex; justify-content: space-between; gap: 16px; align-items: baseline; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.bigscore { font-size: 30px; font-weight: 700; }
.bigscore small { font-size: 14px; color: var(--muted); font-weight: 400; }
.columns { display: flex; gap: 32px; flex-wrap: wrap; }
.columns > div { flex: 1 1 420px; min-width: 0; }
.sev { font-weight: 600; font-size: 12px; text-transform: uppercase; }
.sev-error { color: #b3261e; } .sev-warning { color: #9a5b00; } .sev-info { color: #2862a8; }
.suppressed td { color: var(--muted); text-decoration: line-through; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 12px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  section.plan { break-before: page; border: none; padding: 0; }
  .figure, tr, .card, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def prose(text: str) -> str:
    """Escaped text with `backticked` plan syntax shown as code, as rule messages write it."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


NONE = '<span class="flat">—</span>'


def band_chip(band: str) -> str:
    css = band if band in ("tool", "developing", "thin", "form") else "none"
    return f'<span class="band band-{css}">{escape(band or "n/a")}</span>'


def change_cell(change: Change) -> str:
    if change.delta is None:
        return f'<span class="flat">—</span><span class="basis">{escape(change.basis)}</span>'
    if change.delta > 0:
        mark = f'<span class="up">▲ +{change.delta:.1f}</span>'
    elif change.delta < 0:
        mark = f'<span class="down">▼ −{-change.delta:.1f}</span>'
    else:
        mark = '<span class="flat">= 0.0</span>'
    return f'{mark}<span class="basis">{escape(change.basis)}</span>'


def summary_cards(report: Report) -> str:
    t = report.totals
    band_counts = " ".join(f'<span class="count">{band_chip(name)} {count}</span>' for name, count in t.bands.items())
    return (
        '<div class="cards">'
        f'<div class="card"><div class="label">Team mean score</div><div class="value">{t.mean_score:.1f}</div>'
        f'<div class="sub">{band_chip(t.mean_band)} of 100</div></div>'
        f'<div class="card"><div class="label">Need attention</div><div class="value">{t.needing_attention}'
        f'<small class="sub"> of {t.plans} plans</small></div><div class="sub">listed first below</div></div>'
        f'<div class="card"><div class="label">Plans by band</div><div class="value bands">{band_counts}</div></div>'
        f'<div class="card"><div class="label">Findings</div><div class="value">{t.findings}</div>'
        f'<div class="sub">across all plans</div></div>'
        "</div>"
    )


def summary_table(report: Report) -> str:
    rows = []
    for plan in report.plans:
        reasons = ('<ul class="reasons">' + "".join(f"<li>{prose(r)}</li>" for r in plan.attention) + "</ul>"
                   if plan.attention else NONE)
        rows.append(
            f'<tr class="{"attention" if plan.attention else "fine"}" data-plan="{escape(plan.path)}">'
            f'<td><a href="#{plan.anchor}"><strong>{escape(plan.name)}</strong></a><br><span class="path">{escape(plan.path)}</span></td>'
            f"<td>{escape(plan.owner or '—')}</td>"
            f'<td class="score">{plan.score_text}{svg.score_meter(plan.score, plan.band) if plan.score is not None else ""}</td>'
            f"<td>{band_chip(plan.band)}</td>"
            f"<td>{change_cell(plan.change)}</td>"
            f"<td>{svg.sparkline(plan.trend) or NONE}</td>"
            f"<td>{reasons}</td></tr>"
        )
    return (
        '<table class="summary"><thead><tr><th>Plan</th><th>Owner</th><th>Score</th><th>Band</th>'
        "<th>Change</th><th>Trend</th><th>Needs attention</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def portfolio_section(view: PortfolioView) -> str:
    rows = "".join(
        f"<tr><td><strong>{escape(p.account)}</strong></td><td>{escape(p.quadrant)}</td>"
        f"<td>{escape(p.current)}</td><td>{escape(p.future)}</td>"
        + (f'<td><a href="#{p.plan_anchor}">{escape(p.plan_path)}</a></td>' if p.plan_anchor else f"<td>{escape(p.plan_path or '—')}</td>")
        + f'<td class="num">{"—" if p.score is None else f"{p.score:.1f}"}</td><td>{band_chip(p.band)}</td>'
        f"<td>{prose(p.note) or NONE}</td></tr>"
        for p in view.placements
    )
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
    return '<div class="legend">' + "".join(band_chip(b) for b in ("tool", "developing", "thin", "form", "no plan")) + "</div>"


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


def plan_section(plan: PlanEntry) -> str:
    who = " · ".join(part for part in (
        f"owner {escape(plan.owner)}" if plan.owner else "",
        f"account {escape(plan.account)}" if plan.account else "",
        f'<span class="path">{escape(plan.path)}</span>') if part)
    parts = [
        f'<section class="plan" id="{plan.anchor}" data-plan="{escape(plan.path)}"><header>'
        f"<div><h3>{escape(plan.name)}</h3><div class=\"meta\">{who}</div></div>"
        + (f'<div class="bigscore">{plan.score:.1f}<small> / 100</small> {band_chip(plan.band)}' if plan.score is not None
           else '<div class="bigscore">cannot be read')
        + f'<div class="meta" style="font-size:13px;font-weight:400">{escape(plan.verdict_text or (plan.error or ""))}</div>'
        f'<div class="meta" style="font-size:13px;font-weight:400">{change_cell(plan.change)}</div></div></header>'
    ]
    if plan.attention:
        parts.append('<h4>Needs attention</h4><ul class="reasons">' + "".join(f"<li>{prose(r)}</li>" for r in plan.attention) + "</ul>")
    if plan.categories:
        fixes = ("<table class=\"fixes\"><thead><tr><th>Fix</th><th class=\"num\">Gain</th></tr></thead><tbody>" + "".join(
            f"<tr><td><code>{escape(f.code)}</code> <strong>{escape(f.name)}</strong><br>{prose(f.message)}</td>"
            f'<td class="num"><strong>+{f.gain:.1f}</strong> pts</td></tr>' for f in plan.fixes) + "</tbody></table>"
            if plan.fixes else '<p class="ok">Nothing to fix: every applicable rule passes.</p>')
        parts.append(f'<div class="columns"><div><h4>Score by category</h4>{svg.category_bars(plan.categories)}</div>'
                     f"<div><h4>Top fixes</h4>{fixes}</div></div>")
    if plan.findings:
        rows = "".join(
            f'<tr class="{"suppressed" if f.suppressed else ""}"><td class="num">{f.line}:{f.column}</td>'
            f'<td><span class="sev sev-{escape(f.severity.value)}">{escape(f.severity.value)}</span></td>'
            f"<td><code>{escape(f.code)}</code> {escape(f.name)}</td><td>{prose(f.message)}"
            + (f"<br><em>suppressed: {escape(f.suppressed)}</em>" if f.suppressed else "") + "</td></tr>"
            for f in plan.findings)
        parts.append(f"<h4>Findings ({len(plan.findings)})</h4><table class=\"findings\"><thead><tr><th class=\"num\">Line</th>"
                     f"<th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>{rows}</tbody></table>")
    else:
        parts.append('<h4>Findings</h4><p class="ok">No findings.</p>')
    parts.append("</section>")
    return "".join(parts)


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
        f'<h2 id="plans">Plans</h2><p class="lead">Plans needing attention come first, lowest score first. '
        f"{escape(report.change_rule)}</p>",
        summary_table(report),
    ]
    if report.portfolio is not None:
        body.append(portfolio_section(report.portfolio))
    if report.team_trend is not None:
        body.append(trend_section(report.team_trend, report))
    body.append('<h2 id="details">Plan by plan</h2>')
    body.extend(plan_section(plan) for plan in report.plans)
    body.append(footer(report))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )
