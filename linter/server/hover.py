"""Hover: the findings under the cursor with why and how to fix them, and what the keyword there means.
"""

from __future__ import annotations

from typing import Optional

from lsprotocol import types

from ..engine.results import Finding
from ..language.keywords import hover_markdown, keyword
from .completion import word_at
from .planserver import PlanServer, server
from .positions import from_lsp, split_lines


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: PlanServer, params: types.HoverParams) -> Optional[types.Hover]:
    uri = params.text_document.uri
    lines = split_lines(ls.workspace.get_text_document(uri).source)
    line, column = from_lsp(lines, params.position, ls.encoding)
    analysis = ls.analysis(uri)
    parts = [_finding_markdown(ls, finding) for finding in (analysis.findings if analysis else []) if _under(finding, line, column)]
    found = word_at(lines[line - 1] if line <= len(lines) else "", column - 1)
    entry = keyword(found[0]) if found else None
    if entry is not None:
        parts.append(hover_markdown(entry))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def _under(finding: Finding, line: int, column: int) -> bool:
    """Whether (``line``, ``column``) is on the first line of the finding's span (a plan-wide finding
    spans the whole plan: it is shown over the line it starts on, not over every line of the plan)."""
    if finding.line != line or column < finding.column:
        return False
    return finding.end_line != line or column < max(finding.end_column, finding.column + 1)


def _finding_markdown(ls: PlanServer, finding: Finding) -> str:
    info = ls.linters.rule(finding.code)
    text = f"**{finding.code}** `{finding.name}` ({finding.severity.value}): {finding.message}"
    if info is not None:
        if info.why:
            text += f"\n\n**Why it matters.** {info.why.strip()}"
        if info.fix:
            text += f"\n\n**How to fix.** {info.fix.strip()}"
    if finding.link:
        text += f"\n\n[Documentation]({finding.link})"
    return text
