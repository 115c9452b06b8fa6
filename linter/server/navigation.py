"""The outline, go to definition and find references: the plan's names and where they are declared and used.
"""

from __future__ import annotations

from typing import Optional, Sequence

from lsprotocol import types

from .planserver import PlanServer, server
from .positions import from_lsp, lsp_range
from .structure import Mention, Symbol, definition, mentions, outline


SYMBOL_KINDS = {
    "plan": types.SymbolKind.Module, "portfolio": types.SymbolKind.Module, "research": types.SymbolKind.Namespace,
    "customer": types.SymbolKind.Namespace, "company": types.SymbolKind.Namespace, "competitor": types.SymbolKind.Class,
    "no_competitor": types.SymbolKind.Class, "unit": types.SymbolKind.Package, "stakeholder": types.SymbolKind.Object,
    "objective": types.SymbolKind.Class, "strategy": types.SymbolKind.Method, "action": types.SymbolKind.Event,
    "question": types.SymbolKind.Key, "pipeline": types.SymbolKind.Namespace, "account": types.SymbolKind.Struct,
    "customer_action": types.SymbolKind.Event, "experiment": types.SymbolKind.Key, "party": types.SymbolKind.Object,
    "opportunity": types.SymbolKind.Property, "risk": types.SymbolKind.Constant, "win_theme": types.SymbolKind.String,
}


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: PlanServer, params: types.DocumentSymbolParams) -> Optional[list[types.DocumentSymbol]]:
    found = ls.tree_of(params.text_document.uri)
    if found is None:
        return None
    tree, lines = found
    return [_document_symbol(ls, lines, symbol) for symbol in outline(tree)]


def _document_symbol(ls: PlanServer, lines: Sequence[str], symbol: Symbol) -> types.DocumentSymbol:
    whole = lsp_range(lines, symbol.start.line or 1, symbol.start.column or 1, symbol.end.end_line or 1,
                      symbol.end.end_column or 1, ls.encoding)
    head = lsp_range(lines, symbol.start.line or 1, symbol.start.column or 1, symbol.start.end_line or 1,
                     symbol.start.end_column or 1, ls.encoding)
    return types.DocumentSymbol(name=symbol.name or symbol.keyword, detail=symbol.detail or None,
                                kind=SYMBOL_KINDS.get(symbol.keyword, types.SymbolKind.Namespace), range=whole,
                                selection_range=head,
                                children=[_document_symbol(ls, lines, child) for child in symbol.children])


def _mention_at(ls: PlanServer, uri: str, position: types.Position) -> Optional[tuple[Mention, list[Mention], list[str]]]:
    found = ls.tree_of(uri)
    if found is None:
        return None
    tree, lines = found
    line, column = from_lsp(lines, position, ls.encoding)
    every = mentions(tree)
    for mention in every:
        token = mention.token
        if token.line == line and (token.column or 0) <= column <= (token.end_column or 0):
            return mention, every, lines
    return None


def _location(ls: PlanServer, uri: str, lines: Sequence[str], mention: Mention) -> types.Location:
    token = mention.token
    return types.Location(uri=uri, range=lsp_range(lines, token.line or 1, (token.column or 1) + 1, token.end_line or 1,
                                                   (token.end_column or 2) - 1, ls.encoding))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def goto_definition(ls: PlanServer, params: types.DefinitionParams) -> Optional[types.Location]:
    uri = params.text_document.uri
    found = _mention_at(ls, uri, params.position)
    if found is None:
        return None
    mention, every, lines = found
    declared = definition(every, mention.name)
    return _location(ls, uri, lines, declared) if declared is not None else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: PlanServer, params: types.ReferenceParams) -> Optional[list[types.Location]]:
    uri = params.text_document.uri
    found = _mention_at(ls, uri, params.position)
    if found is None:
        return None
    mention, every, lines = found
    return [_location(ls, uri, lines, other) for other in every
            if other.name == mention.name and (params.context.include_declaration or not other.declares)]
