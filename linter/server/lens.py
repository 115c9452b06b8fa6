"""The code lens over the ``plan`` line: the score and band, then the top fixes (each opens its rule's explanation).
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from lsprotocol import types

from ..engine.results import FileResult
from .actions import EXPLAIN_RULE
from .planserver import PlanServer, server


TOP_FIXES = 3


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: PlanServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    analysis = ls.analysis(params.text_document.uri)
    if analysis is None or analysis.readable is None:
        return []
    result = analysis.readable.result
    if result.kind != "plan":
        return []
    line = _plan_line(analysis.lines)
    if line is None:
        return []
    where = types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))
    lenses = [types.CodeLens(range=where, command=types.Command(title=score_title(result), command=""))]
    for fix in result.fixes[:TOP_FIXES]:
        lenses.append(types.CodeLens(range=where, command=types.Command(
            title=f"+{fix.gain:g}: {fix.message} ({fix.code})", command=EXPLAIN_RULE, arguments=[fix.code])))
    return lenses


def score_title(result: FileResult) -> str:
    """The code lens over the ``plan`` line: score and band (and the two axes, when the result has them)."""
    score = result.score if result.score is not None else 0
    title = f"planlint {score:g}/100 · {result.band}"
    completeness, substance = getattr(result, "completeness", None), getattr(result, "substance", None)
    if completeness is not None and substance is not None:
        title += f" · completeness {completeness:g} · substance {substance:g}"
    return title


def _plan_line(lines: Sequence[str]) -> Optional[int]:
    for index, line in enumerate(lines):
        if re.match(r"\s*plan(?![\w-])", line):
            return index
    return None
