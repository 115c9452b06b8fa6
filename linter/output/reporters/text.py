"""Human output: findings grouped per file, then scores, then a summary line.

Colour only when asked (the caller decides: a terminal and no ``NO_COLOR``).
"""

from __future__ import annotations

import io

from ...language.diagnostics import excerpt
from ...engine.bands import BANDS
from ...engine.results import FileResult, Finding, RunResult, Summary
from .stream import Stream as BaseStream, render_with
from .verdict import headline, missed_thresholds, not_applicable_lines, pillar_summary
from ..words import counted

COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1",
          **{band.name: band.ansi for band in BANDS}}
MAX_FIXES = 3


def _paint(text: str, key: str, color: bool) -> str:
    return f"\x1b[{COLORS[key]}m{text}\x1b[0m" if color else text


def _finding_line(result: FileResult, finding: Finding, color: bool) -> str:
    where = f"{result.path}:{finding.line}:{finding.column}:"
    severity = _paint(f"{finding.severity.value:<7}", finding.severity.value, color)
    line = f"{where} {severity} {finding.code} {finding.name}: {finding.message}"
    if finding.suppressed is not None:
        line += _paint(f"  (suppressed: {finding.suppressed})", "dim", color)
    if finding.source_line is not None:
        line += "\n" + excerpt(finding.source_line, finding.line, finding.column, finding.end_line, finding.end_column)
    return line


def render_file(result: FileResult, color: bool = False) -> list[str]:
    lines = [_finding_line(result, finding, color) for finding in result.findings]
    if result.kind != "plan":
        lines.append(f"{_paint(result.path, 'bold', color)}: {headline(result)}")
        return lines + help_line(result)
    band = _paint(result.band, result.band, color) if result.band else ""
    head = f"{_paint(result.path, 'bold', color)}: " + headline(result).replace(f"({result.band})", f"({band})", 1)
    facts = []
    if result.quadrant:
        facts.append(f"quadrant {result.quadrant}")
    if "form_ratio" in result.metrics:
        facts.append(f"{result.metrics['form_ratio']:.0%} of its text reads as form")
    if facts:
        head += " · " + " · ".join(facts)
    lines.append(head)
    lines.extend("  " + line for line in missed_thresholds(result))
    lines.extend("  " + line for line in pillar_summary(result))
    if result.categories:
        lines.append("  " + "  ".join(f"{name} {score:.1f}" for name, score in result.categories.items()))
    lines.extend("  " + line for line in not_applicable_lines(result) if "(line " not in line)
    for fix in result.fixes[:MAX_FIXES]:
        lines.append(f"  fix {fix.code} {fix.name} (+{fix.gain:.1f}): {fix.message}")
    return lines + help_line(result)


def summary_line(s: Summary) -> str:
    """``1 plan checked, ...``; with portfolios or unreadable files, what the files were and whose mean it is."""
    others = [counted(s.portfolios, "portfolio")] if s.portfolios else []
    others += [f"{s.unreadable} cannot be read"] if s.unreadable else []
    checked = (f"{counted(s.files, 'file')} checked ({', '.join([counted(s.plans, 'plan'), *others])})" if others
               else f"{counted(s.plans, 'plan') if s.files else '0 files'} checked")
    mean = f"mean score {s.mean_score:.1f}" if s.plans else "no plan scored"
    if others and s.plans:
        mean += f" of the {counted(s.plans, 'plan')}" if s.plans > 1 else " of the plan"
    return (f"{checked}, {counted(s.findings, 'finding')} ({counted(s.errors, 'error')}, "
            f"{counted(s.warnings, 'warning')}, {counted(s.infos, 'info')}), {mean}")


def help_line(result: FileResult) -> list[str]:
    """Where to read about the rules this file's findings come from: text output only, messages untouched."""
    codes = sorted({finding.code for finding in result.findings if finding.suppressed is None})
    if not codes:
        return []
    return [f"  help: planlint explain CODE says why a rule matters and how to fix it ({', '.join(codes)})"]


class Stream(BaseStream):
    """The text report written file by file (see :mod:`planlint.output.reporters.stream`)."""

    @staticmethod
    def piece(result: FileResult, color: bool) -> str:
        return "".join(line + "\n" for line in render_file(result, color)) + "\n"

    def end(self, summary: Summary) -> None:
        self.out.write(summary_line(summary) + "\n")


def render(result: RunResult, color: bool = False) -> str:
    return render_with(Stream(io.StringIO(), color), result)
