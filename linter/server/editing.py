"""Help while writing: completion (keywords, values, the plan's people) and formatting the whole document.
"""

from __future__ import annotations

import asyncio
from typing import Optional

from lsprotocol import types

from ..language.diagnostics import PlanSyntaxError
from ..language.keywords import hover_markdown, keyword
from ..language.syntax_tree import parse_tree
from .completion import suggestions
from .planserver import PlanServer, server
from .positions import from_lsp, length, offset_of, split_lines, to_lsp
from .structure import mentions


COMPLETION_KINDS = {
    "keyword": types.CompletionItemKind.Keyword, "word": types.CompletionItemKind.Keyword,
    "value": types.CompletionItemKind.EnumMember, "person": types.CompletionItemKind.Reference,
}


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=['"', " "]))
def completion(ls: PlanServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source
    lines = split_lines(text)
    line, column = from_lsp(lines, params.position, ls.encoding)
    offset = offset_of(text, line, column)
    found, start = suggestions(text, offset, _people(ls, uri))
    start_column = column - (offset - start)
    replace = types.Range(start=to_lsp(lines, line, start_column, ls.encoding), end=params.position)
    items = []
    for suggestion in found:
        entry = keyword(suggestion.label) if suggestion.kind in ("keyword", "word") else None
        items.append(types.CompletionItem(
            label=suggestion.label, kind=COMPLETION_KINDS[suggestion.kind], detail=suggestion.detail or None,
            documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(entry)) if entry else None,
            text_edit=types.TextEdit(range=replace, new_text=suggestion.insert)))
    return types.CompletionList(is_incomplete=False, items=items)


def _people(ls: PlanServer, uri: str) -> list[str]:
    """The names to offer: the team, the plan's owner and the stakeholders of the last readable version."""
    analysis = ls.analysis(uri)
    text = analysis.readable.text if analysis is not None and analysis.readable is not None else \
        ls.workspace.get_text_document(uri).source
    try:
        found = mentions(parse_tree(text))
    except Exception:  # noqa: BLE001 - nothing readable yet: no names to offer
        return []
    return list(dict.fromkeys(mention.name for mention in found if mention.declares))


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
async def formatting(ls: PlanServer, params: types.DocumentFormattingParams) -> Optional[list[types.TextEdit]]:
    from ..language.formatter import format_text

    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source
    loop = asyncio.get_running_loop()
    try:  # in the engine thread: the formatter reads the plan with the engine's parser first
        formatted = await loop.run_in_executor(ls.engine, format_text, text, str(ls.path_of(uri)))
    except PlanSyntaxError:
        ls.window_show_message(types.ShowMessageParams(
            type=types.MessageType.Warning, message="planlint: the plan cannot be read, so it was not formatted"))
        return None
    if formatted == text:
        return []
    lines = split_lines(text)
    end = types.Position(line=len(lines) - 1, character=length(lines[-1], ls.encoding))
    return [types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=formatted)]
