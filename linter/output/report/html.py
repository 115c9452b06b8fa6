"""The report as one self-contained HTML page: inline CSS and SVG, no script, no web fonts.

It opens offline, prints cleanly (each plan starts a new page on paper) and
writes a word beside every colour. It formats :class:`.model.Report` and
computes nothing. This module puts the page together; the pieces are
:mod:`.html_style` (the CSS), :mod:`.html_parts` (chips, meters, rows),
:mod:`.html_team` (the team sections) and :mod:`.html_plans` (plan by plan).
"""

from __future__ import annotations

from html import escape

from .html_plans import agenda_page, fix_guide, plan_section, rule_pages
from .html_style import CSS
from .html_team import other_file_section, portfolio_section, summary_cards, summary_table, team_picture, trend_section, unreadable_section
from .model import Report



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
    body.append(rule_pages(report))
    body.append(footer(report))
    return page(report.title, "".join(body))


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
    bands = "; ".join(f"<strong>{escape(b.name)}</strong> ({escape(b.when)}): {escape(b.meaning)}" for b in report.bands)
    notes = "".join(f"<p>Note: {escape(n)}</p>" for n in report.notes)
    return (f"<footer><p>Bands: {bands}.</p><p>Made by planlint {escape(report.version)}, judged as of {escape(report.as_of)}"
            + (f", generated {escape(report.generated)}" if report.generated else "") + ".</p>" + notes + "</footer>")
