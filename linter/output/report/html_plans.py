"""The report page's plan by plan part: each plan's section, its agenda page, and the fix guide they point to.
"""

from __future__ import annotations

from html import escape

from . import svg
from .html_parts import (agenda_list, band_chip, category_list, change_cell, finding_rows, fixes_list, moved_text, prose,
                         reasons_list, rule_anchor, rule_page)
from .model import FINDING_ROWS, FIXES_OPEN, CrmComparison, PlanEntry, Report, agreement


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


def crm_part(crm: CrmComparison) -> str:
    """The plan against the CRM: the pipeline figures side by side, then the findings that compare the two."""
    account = escape(crm.account) if crm.account else "(the exports never name the account)"
    rows = "".join(f"<tr><th>{escape(f.figure)}</th><td>{escape(f.plan) or '—'}</td><td>{escape(f.crm) or '—'}</td></tr>"
                   for f in crm.figures)
    mismatches = (f'<table class="findings"><tbody>{finding_rows(crm.mismatches)}</tbody></table>' if crm.mismatches
                  else f'<p class="ok">{escape(agreement(crm))}</p>')
    return (f'<h4>Against the CRM</h4><p class="meta">{escape(crm.source)} · account {account}</p>'
            f'<table class="findings crm"><thead><tr><th></th><th>Plan</th><th>CRM</th></tr></thead><tbody>{rows}</tbody></table>'
            f"{mismatches}")


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
    if plan.crm is not None:
        parts.append(crm_part(plan.crm))
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


def rule_pages(report: Report) -> str:
    """Every rule the page's findings name, its code linked to its page; each finding's code links to its row here."""
    if not report.rules:
        return ""
    rows = "".join(f'<tr id="{rule_anchor(r.code)}"><td>{rule_page(r.code, r.link)}</td><td>{escape(r.name)}</td></tr>'
                   for r in report.rules)
    return ('<h2 id="rules">Rules</h2><p class="lead">Each rule the findings name; its code opens its page '
            "(why it matters, how to pass it).</p>"
            f'<table class="guide rules"><thead><tr><th>Rule</th><th>Name</th></tr></thead><tbody>{rows}</tbody></table>')


def fix_guide(report: Report) -> str:
    if not report.fix_guide:
        return ""
    rows = "".join(f'<tr id="fix-{escape(f.code)}"><td><code>{escape(f.code)}</code> <strong>{escape(f.name)}</strong></td>'
                   f"<td>{prose(f.message)}</td></tr>" for f in report.fix_guide)
    return ('<h2 id="fixes">How to fix</h2><p class="lead">What each rule among the top fixes asks for; '
            "<code>planlint explain CODE</code> says why.</p>"
            f'<table class="guide"><thead><tr><th>Rule</th><th>How to fix</th></tr></thead><tbody>{rows}</tbody></table>')
