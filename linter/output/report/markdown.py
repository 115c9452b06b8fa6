"""The report as Markdown, for a wiki page or a pull-request comment.

Same content as the HTML page, as tables; the charts become text (a trend
reads ``41.0 → 48.2 → 54.3``, the two-by-two becomes a table of accounts by
quadrant). It formats :class:`.model.Report` and computes nothing.

Every piece of text that comes from a plan, a rule message or a finding goes
through one escaper, :func:`md`, so nothing a plan says turns into markup:
no HTML, no emphasis, no links or images, no table cell broken by a pipe, and
no ``{{ }}`` or ``{% %}`` for a wiki that runs Liquid or Jinja over the page.
The one link the page writes is a finding's rule code to the rule's page,
through :func:`md_link`, which links only web pages and escapes the URL.
"""

from __future__ import annotations

import re
from urllib.parse import quote
from typing import Iterable, Optional, Sequence

from ...api.rule import is_web_link
from .model import FINDING_ROWS, FIXES_OPEN, AgendaItem, Change, CrmComparison, Decay, FileFindings, FindingChange, PlanEntry, PortfolioView, Report, TeamTrend, TrendPoint, agreement

TREND_POINTS_SHOWN = 6

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})
_MARKUP = re.compile(r"([\\`*_\[\]#!~|])")
_URL_SAFE = "-._~:/?#@!$'*+,;=%&"  # kept as written in a link's URL; anything else is percent-encoded
_LIST_MARKER = re.compile(r"^(\s*)([-+]|\d+[.)])")  # would open a list where the text starts a line


def md(text: str) -> str:
    """Text shown as written, never as markup: the one escaper for plan, rule and finding text.

    HTML and template braces become entities (``{{ name }}`` survives a Liquid
    or Jinja wiki), Markdown punctuation is backslash-escaped (no emphasis, no
    ``[link](url)`` or ``![image](url)``, no ``|`` ending a table cell), and
    line breaks are flattened so a cell stays one cell.
    """
    flat = _MARKUP.sub(r"\\\1", text).translate(_ENTITIES).replace("\r", " ").replace("\n", " ")
    return _LIST_MARKER.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], flat, count=1)


def md_link(text: str, url: str) -> str:
    """``[text](url)`` for a web page (``text`` already made Markdown by :func:`md`); the text alone for anything else.

    The URL comes from a pack: every character that could end the link, break a table cell or open a template
    (``( ) [ ] < > | { } \\`` and white space, quotes, backticks) is percent-encoded, and ``&`` is written as
    ``&amp;``, which Markdown reads back as ``&``. Only http and https pages are linked, so never ``javascript:``.
    """
    if not is_web_link(url):
        return text
    return f"[{text}]({quote(url, safe=_URL_SAFE).replace('&', '&amp;')})"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A table of cells already made Markdown (each plan or finding text passed through :func:`md`)."""
    align = ["---:" if index in right else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(value.strip() or "—" for value in row) + " |" for row in rows]
    return "\n".join(lines)


def change_text(change: Change) -> str:
    if change.delta is None:
        return "—" if change.shared else f"— ({md(change.basis)})"
    if change.delta == 0:
        return f"no change ({md(change.basis)})"
    sign = "+" if change.delta > 0 else "−"
    return f"{sign}{abs(change.delta):.1f} ({md(change.basis)})"


def decay_text(decay: Optional[Decay]) -> str:
    if decay is None:
        return ""
    lost = f"−{-decay.delta:.1f}" if decay.delta < 0 else "nothing lost"
    return f"time: {lost} {md(decay.basis)}"


def moved_text(moved: Optional[FindingChange]) -> str:
    return "" if moved is None else f"{len(moved.new)} new, {len(moved.fixed)} fixed findings"


def trend_text(points: Sequence[TrendPoint]) -> str:
    if not points:
        return "—"
    shown = points[-TREND_POINTS_SHOWN:]
    prefix = "… → " if len(points) > len(shown) else ""
    return prefix + " → ".join(f"{p.score:.1f}" for p in shown) + " (of 100)"


def score(value: Optional[float]) -> str:
    return "—" if value is None else f"{value:.1f}"


def plan_link(plan: PlanEntry) -> str:
    written = f" (named “{md(plan.written_name)}” in the file)" if plan.written_name else ""
    return f"[{md(plan.name)}](#{plan.anchor}){written} `{plan.path.replace('`', '')}`"


def summary(report: Report) -> str:
    t = report.totals
    bands = ", ".join(f"{count} {name}" for name, count in t.bands.items())
    readable = t.plans - t.unreadable
    lines = [
        f"**Team mean score: {t.mean_score:.1f} ({t.mean_band})** over {readable} readable plans · "
        f"{t.needing_attention} of {t.plans} plans need attention · {t.findings} findings (as `planlint check` counts them) · "
        f"plans by band: {bands}" + (f" · {t.unreadable} cannot be read" if t.unreadable else ""),
        "",
        team_picture(report),
        "",
        "## Plans",
        "",
        f"Plans needing attention come first, lowest score first. {md(report.change_rule)}".rstrip(),
        "",
        table(
            ["Plan", "Owner", "Score", "Band", "Change", "Trend", "Needs attention"],
            ([plan_link(p), md(p.owner), p.score_text, p.band,
              "; ".join(part for part in (change_text(p.change), decay_text(p.decay), moved_text(p.finding_change)) if part),
              trend_text(p.trend), "; ".join(md(r) for r in p.attention)] for p in report.plans if p.score is not None),
            right=(2,),
        ),
    ]
    unreadable = [p for p in report.plans if p.score is None]
    if unreadable:
        lines += ["", f"## Cannot be read ({len(unreadable)})", "",
                  "These files have no score and count in no mean: fix the first error and run `planlint check` on the file.", "",
                  table(["File", "Owner", "First error"],
                        ([f"`{p.path.replace('`', '')}`", md(p.owner), md(p.error or "cannot be read")] for p in unreadable))]
    return "\n".join(lines)


def team_picture(report: Report) -> str:
    parts = ["## Team picture", ""]
    if report.short_a:
        parts += ["**A accounts whose plan is missing or below the minimum:**", ""]
        parts += [f"- {md(s)}" for s in report.short_a]
        parts.append("")
    parts.append(table(["Owner", "Plans", "Mean", "Worst plan", "Need attention", "Unreadable"],
                       ([md(o.owner), str(len(o.plans)), score(o.mean),
                         "—" if o.worst is None else f"[{md(o.worst.name)}](#{o.worst.anchor}) {score(o.worst.score)}",
                         str(o.needing_attention), str(o.unreadable or "")] for o in report.owners), right=(1, 2, 4, 5)))
    if report.quadrants:
        parts += ["", table(["Quadrant", "Accounts", "With a plan", "Mean", "Short"],
                            ([f"**{q.letter}** {md(q.advice)}", str(q.accounts), str(q.with_plan), score(q.mean), str(len(q.short) or "")]
                             for q in report.quadrants), right=(1, 2, 3, 4))]
    return "\n".join(parts)


def portfolio(view: PortfolioView) -> str:
    parts = [
        f"## Portfolio: {md(view.name)}",
        "",
        f"Accounts placed by current and future revenue ({md(view.thresholds)}). Source: `{view.source.replace('`', '')}`.",
        "",
        table(["Quadrant", "Meaning", "Accounts"], ([q.letter, md(q.advice), str(q.count)] for q in view.quadrants), right=(2,)),
        "",
        table(
            ["Account", "Quadrant", "Current", "Future", "Plan", "Score", "Band", "Verdict"],
            ([md(p.account), p.quadrant, md(p.current), md(p.future), f"`{p.plan_path.replace('`', '')}`" if p.plan_path else "",
              score(p.score), md(p.band), md(p.note)] for p in view.placements),
            right=(5,),
        ),
    ]
    if view.unplaced:
        parts += ["", "Not on the chart (no revenue figures): " + "; ".join(md(name) for name in view.unplaced)]
    return "\n".join(parts)


def trend(team: TeamTrend) -> str:
    return "\n".join([
        "## Team trend",
        "",
        md(team.basis[0].upper() + team.basis[1:]) + ".",
        "",
        table(["When", "Commit", "Mean score"], ([p.label, md(p.subject), f"{p.score:.1f}"] for p in team.points), right=(2,)),
    ])


def finding_table(findings: Sequence[object]) -> str:
    return table(["Line", "Severity", "Rule", "Message"],
                 ([f"{f.line}:{f.column}", f.severity.value, f"{md_link(md(f.code), f.link)} {md(f.name)}",  # type: ignore[attr-defined]
                   md(f.message) + (f" (suppressed: {md(f.suppressed)})" if f.suppressed else "")]  # type: ignore[attr-defined]
                  for f in findings), right=(0,))


def agenda_items(items: Sequence[AgendaItem]) -> list[str]:
    return [f"{n}. {md(item.question)}" + (f" **Ask {md(item.ask)}.**" if item.ask else "") + f"  \n   _{md(item.because)}_"
            for n, item in enumerate(items, 1)]


def crm_text(crm: CrmComparison) -> list[str]:
    """The plan against the CRM: the pipeline side by side, then the findings that compare the two."""
    account = md(crm.account) if crm.account else "(the exports never name the account)"
    return ["", f"**Against the CRM** ({md(crm.source)} · account {account})", "",
            table(["", "Plan", "CRM"], ([md(f.figure), md(f.plan) or "—", md(f.crm) or "—"] for f in crm.figures)),
            "", finding_table(crm.mismatches) if crm.mismatches else md(agreement(crm))]


def plan_details(plan: PlanEntry) -> str:
    facts = " · ".join(part for part in (
        f"owner {md(plan.owner)}" if plan.owner else "", f"account {md(plan.account)}" if plan.account else "",
        f"`{plan.path.replace('`', '')}`") if part)
    parts = [
        f'<a id="{plan.anchor}"></a>',
        f"### {md(plan.name)}: {plan.score_text}" + (f" ({plan.band})" if plan.band else ""),
        "",
    ]
    if plan.written_name:
        parts += [f"Named “{md(plan.written_name)}” in the file.", ""]
    parts += [md(plan.verdict_text or plan.error or ""), "",
              f"{facts} · change {change_text(plan.change)} · trend {trend_text(plan.trend)}"]
    if plan.decay is not None:
        parts += ["", decay_text(plan.decay) + "".join(f"; {md(r)}" for r in plan.decay.reasons)]
    if plan.attention:
        parts += ["", "**Needs attention:** " + "; ".join(md(r) for r in plan.attention)]
    if plan.agenda:
        parts += ["", "**Questions for the review**", "", *agenda_items(plan.agenda)]
    if plan.objectives:
        parts += ["", "**Objectives against their path**", "",
                  *(f"- {md(o.name)}: readings {' → '.join(f'{md(r.value)} on {r.date}' for r in o.readings) or 'none'}; "
                    f"{md(o.words)}" for o in plan.objectives)]
    parts += crm_text(plan.crm) if plan.crm is not None else []
    if plan.categories:
        parts += ["", table(["Category", "Score", "Colour", "Minimum"],
                            ([md(c.title), score(c.score), md(c.rag_words) or "not applicable",
                              "" if c.minimum is None else f"{c.minimum:g}"] for c in plan.categories), right=(1,))]
    if plan.fixes:
        parts += ["", "**Top fixes**", "", table(["Rule", "Gain", "How"],
                                                 ([f"{md(f.code)} {md(f.name)}", f"+{f.gain:.1f}", md(f.message)]
                                                  for f in plan.fixes[:FIXES_OPEN]), right=(1,))]
    moved = plan.finding_change
    if moved is not None and (moved.new or moved.fixed):
        parts += ["", f"**{moved_text(moved)}** ({md(moved.basis)})"]
        if moved.new:
            parts += ["", "New:", "", finding_table(moved.new[:FINDING_ROWS])]
        if moved.fixed:
            parts += ["", "Fixed:", "", finding_table(moved.fixed[:FINDING_ROWS])]
    if plan.findings:
        shown = plan.findings[:FINDING_ROWS]
        parts += ["", f"**Findings ({len(plan.findings)})**", "", finding_table(shown)]
        if len(plan.findings) > len(shown):
            parts += ["", f"and {len(plan.findings) - len(shown)} more: run `planlint check {plan.path.replace('`', '')}`"]
    else:
        parts += ["", "No findings."]
    return "\n".join(parts)


def other_file(other: FileFindings) -> str:
    counted = [f for f in other.findings if f.suppressed is None]
    if not other.findings:
        return ""
    return "\n".join([f"**Findings of the {md(other.kind)} file `{other.path.replace('`', '')}` ({len(counted)})**", "",
                      finding_table(other.findings[:FINDING_ROWS])])


def render(report: Report) -> str:
    when = f"judged as of {report.as_of}" + (f", generated {report.generated}" if report.generated else "")
    parts = [f"# {md(report.title)}", "", f"{report.totals.plans} plans · {when} · planlint {report.version}", "", summary(report)]
    if report.portfolio is not None:
        parts += ["", portfolio(report.portfolio)]
    for other in report.other_files:
        if other.findings:
            parts += ["", other_file(other)]
    if report.team_trend is not None:
        parts += ["", trend(report.team_trend)]
    parts += ["", "## Plan by plan"]
    for plan in report.plans:
        parts += ["", plan_details(plan)]
    bands = "; ".join(f"**{md(b.name)}** ({md(b.when)}): {md(b.meaning)}" for b in report.bands)
    parts += ["", "---", "", f"Bands: {bands}."]
    parts += [f"Note: {md(note)}" for note in report.notes]
    return "\n".join(parts) + "\n"


def render_agenda(report: Report) -> str:
    """The review agenda alone: per plan needing attention, why, and the questions to ask."""
    plans = [plan for plan in report.plans if plan.agenda]
    parts = [f"# {md(report.title)}: review agenda", "", f"{len(plans)} plans to review · judged as of {report.as_of}"]
    for plan in plans:
        parts += ["", f"## {md(plan.name)}: {plan.score_text}" + (f" ({plan.band})" if plan.band else ""), "",
                  " · ".join(part for part in (f"owner {md(plan.owner)}" if plan.owner else "", f"`{plan.path.replace('`', '')}`",
                                               "" if plan.change.shared else f"change {change_text(plan.change)}") if part),
                  "", "**Why:** " + "; ".join(md(r) for r in plan.attention), "", *agenda_items(plan.agenda)]
    if not plans:
        parts += ["", "No plan needs a review: none needs attention."]
    return "\n".join(parts) + "\n"
