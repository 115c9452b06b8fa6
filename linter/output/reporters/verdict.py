"""The verdict in words, one wording for every reporter (text, GitHub, JUnit, the review report).

Reporters compute nothing: these functions only say what the result holds.
"""

from __future__ import annotations

from ...engine.results import FileResult


def headline(result: FileResult) -> str:
    """``score 82.5/100 (developing) · completeness 88.0 · substance 100.0``, or the file's state."""
    if result.kind == "unreadable":
        return f"cannot be read: {result.error}" if result.error else "cannot be read"
    if result.kind == "export":
        return "CRM export: rows that cannot be read are left out; the rest is held against the plans"
    if result.kind != "plan":
        return f"{result.kind}: no plan score (its plans are scored on their own)"
    text = f"score {result.score:.1f}/100 ({result.band})"
    if result.completeness is not None:
        text += f" · completeness {result.completeness:.1f}"
    if result.substance is not None:
        text += f" · substance {result.substance:.1f}"
    return text


def pillar_summary(result: FileResult) -> list[str]:
    """One line for the met pillars, one per pillar that is not met (failed, waived, not required)."""
    met = [e.pillar for e in result.essentials if e.state == "met"]
    lines = [f"pillars met: {', '.join(met)}"] if met else []
    lines += [f"pillar {e.pillar} {e.state}: {e.reason}" for e in result.essentials if e.state != "met"]
    return lines


def failed_pillars(result: FileResult) -> list[str]:
    return [e.pillar for e in result.essentials if e.state == "failed"]


def not_applicable_lines(result: FileResult) -> list[str]:
    """Rules left out of the score for this plan, with the reason (a suppressed item shows its line)."""
    return [
        f"not applicable: {na.code} {na.name}" + (f" (line {na.line})" if na.line is not None else "") + f": {na.reason}"
        for na in result.not_applicable
    ]


def missed_thresholds(result: FileResult) -> list[str]:
    """``below minimum: people 38.1 < 70 (category-fail-under)``, one per bar the plan misses."""
    return [f"below minimum: {bar.name} {bar.value:.1f} < {bar.minimum:g} ({bar.setting})"
            for bar in result.thresholds if not bar.met and bar.value is not None]
