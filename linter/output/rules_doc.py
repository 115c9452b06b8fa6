"""The rule reference in Markdown, generated from the rules themselves: ``docs/rules.md`` below its marker.

Every field a reader needs (code, name, category, severity, weight, pillar,
method points, quadrants, why, fix, a failing and a passing example) comes
from the :class:`RuleInfo`, so the page cannot drift from the rules:
``planlint rules --format markdown --into docs/rules.md`` rewrites it and a
test fails when it is stale. Each rule has an anchor (``#pl101``) that
:func:`planlint.api.rule.rule_link` points to.
"""

from __future__ import annotations

from typing import Iterable

from ..api.quadrants import LETTERS
from ..api.rule import RuleInfo

MARKER = "<!-- The rule reference below is generated: planlint rules --format markdown --into docs/rules.md -->"


def _example(label: str, text: str, runs: bool) -> list[str]:
    block = ["", f"{label}:", ""]
    if not runs:
        block += ["<!-- not-run: it shows a plan that cannot be read, on purpose -->"]
    return block + ["```plan", text.rstrip("\n"), "```"]


def _rule(info: RuleInfo) -> list[str]:
    facts = [f"category `{info.category}`", f"severity `{info.severity.value}`", f"weight {info.weight:g}",
             f"pack `{info.pack}`"]
    if info.essential:
        facts.append(f"pillar `{info.essential}`")
    if info.methodology:
        facts.append("method point" + ("s " if len(info.methodology) > 1 else " ") + ", ".join(map(str, info.methodology)))
    if tuple(info.quadrants) != LETTERS:
        facts.append("quadrants " + ", ".join(info.quadrants))
    lines = [f'<a id="{info.code.lower()}"></a>', "", f"### {info.code} {info.name}", "", " · ".join(facts), "",
             f"**Reports:** {info.message}", "", f"**Why:** {' '.join(info.why.split())}", "",
             f"**Fix:** {' '.join(info.fix.split())}"]
    readable = info.pack != "planlint" or info.code not in ("PL001", "PL002")
    if info.failing:
        lines += _example("Fails", info.failing[0], readable)
    if info.passing:
        lines += _example("Passes", info.passing[0], True)
    for kind, rows in info.crm:
        lines += ["", f"**Against the CRM rows** (`{kind}.csv`):", "", "```csv", rows.strip("\n"), "```"]
    return lines + [""]


def rules_reference(infos: Iterable[RuleInfo]) -> str:
    """The Markdown reference of ``infos``, in code order, grouped by category as they come."""
    ordered = sorted(infos, key=lambda info: info.code)
    lines = [MARKER, "", "## Rule reference", "",
             "Every rule planlint ships, generated from the rules themselves (PL000-PL013 are the codes planlint "
             "prints about reading and running a plan).", ""]
    for info in ordered:
        lines += _rule(info)
    return "\n".join(lines).rstrip("\n") + "\n"


def with_reference(document: str, reference: str) -> str:
    """``document`` with everything from :data:`MARKER` on replaced by ``reference`` (appended if it has none)."""
    head = document.split(MARKER, 1)[0].rstrip("\n")
    return f"{head}\n\n{reference}"
