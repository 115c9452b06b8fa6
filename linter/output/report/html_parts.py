"""The small pieces of the report page: escaped prose, band chips, meters, change cells, finding and fix rows.

Every section of the page (:mod:`.html_team`, :mod:`.html_plans`) builds from these, so a band
or a change reads the same wherever it appears. They format and compute nothing.
"""

from __future__ import annotations

import re
from html import escape
from typing import Optional, Sequence

from ...api.rule import is_web_link
from ...engine.bands import BY_NAME
from ...engine.results import Finding, Fix
from .model import CategoryBar, Change, Decay, FindingChange, PlanEntry


def prose(text: str) -> str:
    """Escaped text with `backticked` plan syntax shown as code, as rule messages write it."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


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


def reasons_list(plan: PlanEntry) -> str:
    if not plan.attention:
        return NONE
    flagged = set(plan.flags)
    chip = '<span class="flag">flag</span>'
    return '<ul class="reasons">' + "".join(f"<li>{chip if r in flagged else ''}{prose(r)}</li>" for r in plan.attention) + "</ul>"


def plan_label(plan: PlanEntry) -> str:
    written = f' <span class="meta">(named “{escape(plan.written_name)}” in the file)</span>' if plan.written_name else ""
    return f'<a href="#{plan.anchor}">{escape(plan.name)}</a>{written}<br><span class="path">{escape(plan.path)}</span>'


def score_or_dash(score: Optional[float]) -> str:
    return "—" if score is None else f"{score:.1f}"


def agenda_list(plan: PlanEntry, detail: bool = False) -> str:
    """The questions, each with whom to ask and what raised it (in full on the agenda page, in a few words here)."""
    return '<ol class="agenda">' + "".join(
        f"<li>{prose(item.question)}" + (f"<b>Ask {escape(item.ask)}</b>" if item.ask else "")
        + f"<small>{prose(item.because if detail else item.tag or item.because)}</small></li>" for item in plan.agenda) + "</ol>"


def legend() -> str:
    return '<div class="legend">' + "".join(band_chip(b) for b in [*BY_NAME, "no plan"]) + "</div>"


def fixes_list(fixes: Sequence[Fix]) -> str:
    """The top fixes by gain; how to fix each rule is written once, in the guide at the end of the page."""
    return '<ol class="fixes">' + "".join(
        f'<li><strong>+{f.gain:.1f}</strong> pts: <a href="#fix-{escape(f.code)}"><code>{escape(f.code)}</code> '
        f"{escape(f.name)}</a></li>" for f in fixes) + "</ol>"


def rule_anchor(code: str) -> str:
    """The HTML id of a rule's row in the page's list of rules (:func:`.html_plans.rule_pages`)."""
    return "rule-" + escape(code.lower())


def rule_code(finding: Finding) -> str:
    """The finding's rule code, linked to the rule's row in the page's list of rules, which links to its page.

    In-page, not to the page itself: a 400-plan page holds over a thousand finding rows, and a web address on
    each would take it past 1.5 MB. The link is the code, set like code by the stylesheet (``table.findings a``).
    """
    return f'<a href="#{rule_anchor(finding.code)}">{escape(finding.code)}</a>'


def rule_page(code: str, link: str) -> str:
    """A rule's code linked to its documentation page: a web page only, never ``javascript:``; else the code alone."""
    if is_web_link(link):
        return f'<a href="{escape(link)}">{escape(code)}</a>'
    return f"<code>{escape(code)}</code>"


def finding_rows(findings: Sequence[Finding]) -> str:
    return "".join(
        ('<tr class="suppressed">' if f.suppressed else "<tr>") + f"<td>{f.line}:{f.column}</td>"
        f'<td class="sev-{escape(f.severity.value)}">{escape(f.severity.value)}</td>'
        f"<td>{rule_code(f)} {escape(f.name)}</td><td>{prose(f.message)}"
        + (f"<br><em>suppressed: {escape(f.suppressed)}</em>" if f.suppressed else "") + "</td></tr>"
        for f in findings)
