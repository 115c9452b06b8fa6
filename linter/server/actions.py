"""Quick fixes on a finding (the did-you-mean word, a suppression comment, the rule's explanation) and the commands they run.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from lsprotocol import types

from .planserver import SOURCE, PlanServer, server
from .positions import length, split_lines


SUPPRESS = "# planlint: ignore[{code}] -- "
DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
UNSUPPRESSIBLE = frozenset({"PL000", "PL001", "PL002", "PL003"})  # a file that cannot be read has nothing to excuse
EXPLAIN_RULE = "planlint.explainRule"
PLACE_CURSOR = "planlint.placeCursor"


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    lines = split_lines(ls.workspace.get_text_document(uri).source)
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str):
            continue
        code = diagnostic.code
        suggestion = DID_YOU_MEAN.search(diagnostic.message)
        if suggestion:
            actions.append(types.CodeAction(
                title=f"Change to '{suggestion.group(1)}'", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic], is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diagnostic.range, new_text=suggestion.group(1))]})))
        if code not in UNSUPPRESSIBLE:
            actions.append(_suppress_action(uri, lines, diagnostic, code))
        if ls.linters.rule(code) is not None:
            actions.append(types.CodeAction(title=f"Explain rule {code}", kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[diagnostic],
                                            command=types.Command(title=f"Explain {code}", command=EXPLAIN_RULE,
                                                                  arguments=[code])))
    return actions


def _suppress_action(uri: str, lines: Sequence[str], diagnostic: types.Diagnostic, code: str) -> types.CodeAction:
    """``# planlint: ignore[CODE] -- `` on a line of its own above the finding, then the cursor on the reason."""
    line = diagnostic.range.start.line
    source = lines[line] if line < len(lines) else ""
    indent = source[:len(source) - len(source.lstrip())]
    comment = indent + SUPPRESS.format(code=code)
    at = types.Position(line=line, character=0)
    cursor = types.Position(line=line, character=length(comment))  # ASCII after the indent: same in any encoding
    return types.CodeAction(
        title=f"Suppress {code} on this line", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(start=at, end=at), new_text=comment + "\n")]}),
        command=types.Command(title="Write the reason", command=PLACE_CURSOR, arguments=[uri, cursor.line, cursor.character]))


@server.command(EXPLAIN_RULE)
def explain_rule(ls: PlanServer, code: str) -> Optional[str]:
    """What ``planlint explain CODE`` prints, shown as a message and returned to the client."""
    from ..output.explain import explanation

    info = ls.linters.rule(str(code))
    if info is None:
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=f"unknown rule {code}"))
        return None
    text = explanation(info)
    ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))
    return text


@server.command(PLACE_CURSOR)
async def place_cursor(ls: PlanServer, uri: str, line: int, character: int) -> None:
    position = types.Position(line=int(line), character=int(character))
    await ls.window_show_document_async(types.ShowDocumentParams(
        uri=uri, take_focus=True, selection=types.Range(start=position, end=position)))
