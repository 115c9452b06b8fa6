"""`planlint server`: the Language Server Protocol over stdio, on pygls 2.

What each request does is decided in the small modules beside this one
(:mod:`.analysis` lints as ``check`` does, :mod:`.completion`, :mod:`.structure`,
:mod:`.positions`); this module wires them to LSP messages and keeps the
editor responsive:

* the engine runs in one worker thread, one document at a time, so the event
  loop keeps answering hover, completion and typing while a plan is linted;
  a change is linted after :data:`DEBOUNCE` seconds without another one, and
  a result for a version the user has already typed past is thrown away;
* the workspace-wide check is ``planlint check --format json`` in a child
  process (the very command CI runs), so thousands of plans never hold up
  the open documents; its findings are published for the files not open.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Optional, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..language.diagnostics import PlanSyntaxError
from ..language.keywords import hover_markdown, keyword
from ..engine.results import FileResult, Finding
from ..api.rule import Severity, rule_link
from ..language.syntax_tree import parse_tree
from .analysis import Analysis, Linters, analyse
from .completion import suggestions, word_at
from .positions import UTF16, from_lsp, length, lsp_range, offset_of, split_lines, to_lsp
from .structure import Mention, Symbol, definition, mentions, outline

DEBOUNCE = 0.3  # seconds of quiet after a keystroke before the document is linted again
SOURCE = "planlint"
SUPPRESS = "# planlint: ignore[{code}] -- "
DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
UNSUPPRESSIBLE = frozenset({"PL000", "PL001", "PL002", "PL003"})  # a file that cannot be read has nothing to excuse
TOP_FIXES = 3

EXPLAIN_RULE = "planlint.explainRule"
PLACE_CURSOR = "planlint.placeCursor"
CHECK_WORKSPACE = "planlint.checkWorkspace"

SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}
SYMBOL_KINDS = {
    "plan": types.SymbolKind.Module, "portfolio": types.SymbolKind.Module, "research": types.SymbolKind.Namespace,
    "customer": types.SymbolKind.Namespace, "company": types.SymbolKind.Namespace, "competitor": types.SymbolKind.Class,
    "no_competitor": types.SymbolKind.Class, "unit": types.SymbolKind.Package, "stakeholder": types.SymbolKind.Object,
    "objective": types.SymbolKind.Class, "strategy": types.SymbolKind.Method, "action": types.SymbolKind.Event,
    "question": types.SymbolKind.Key, "pipeline": types.SymbolKind.Namespace, "account": types.SymbolKind.Struct,
    "customer_action": types.SymbolKind.Event, "experiment": types.SymbolKind.Key, "party": types.SymbolKind.Object,
    "opportunity": types.SymbolKind.Property, "risk": types.SymbolKind.Constant, "win_theme": types.SymbolKind.String,
}
COMPLETION_KINDS = {
    "keyword": types.CompletionItemKind.Keyword, "word": types.CompletionItemKind.Keyword,
    "value": types.CompletionItemKind.EnumMember, "person": types.CompletionItemKind.Reference,
}


class PlanServer(LanguageServer):
    """The language server's state: the documents' analyses, the engine thread, the workspace check."""

    def __init__(self) -> None:
        super().__init__("planlint", __version__)
        self.linters = Linters()
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="planlint-engine")
        self.debounce = DEBOUNCE
        self.workspace_check: Optional[asyncio.subprocess.Process] = None

    @property
    def encoding(self) -> str:
        """The position encoding agreed at start-up: "utf-16" (LSP's default), "utf-8" or "utf-32"."""
        agreed = self.workspace.position_encoding
        return str(getattr(agreed, "value", agreed) or UTF16)

    def path_of(self, uri: str) -> Path:
        path = to_fs_path(uri)
        return Path(path) if path else Path.cwd() / "untitled.plan"

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint already waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint(uri, delay))

    async def _lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        previous = self.analyses.get(uri)
        loop = asyncio.get_running_loop()
        try:
            analysis = await loop.run_in_executor(self.engine, analyse, self.linters, self.path_of(uri), text, previous)
        except Exception as error:  # noqa: BLE001 - a bug must not silence the editor: say so, keep serving
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"planlint could not lint {uri}: {type(error).__name__}: {error}"))
            return
        if self.workspace.get_text_document(uri).version != version:
            return  # typed past: the lint of the newer version is on its way
        self.analyses[uri] = analysis
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=self.diagnostics(analysis)))
        if _client_can(self, "workspace", "code_lens", "refresh_support"):
            self.workspace_code_lens_refresh(None)

    # ------------------------------------------------------------------ findings as LSP diagnostics

    def diagnostics(self, analysis: Analysis) -> list[types.Diagnostic]:
        if analysis.config_error:
            return [types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0),
                                                       end=types.Position(line=0, character=0)),
                                     message=f"planlint cannot use the configuration: {analysis.config_error}",
                                     severity=types.DiagnosticSeverity.Error, source=SOURCE)]
        return [self.diagnostic(analysis.lines, finding) for finding in analysis.findings]

    def diagnostic(self, lines: Sequence[str], finding: Finding) -> types.Diagnostic:
        info = self.linters.rule(finding.code)
        link = rule_link(info) if info is not None else ""
        return types.Diagnostic(
            range=lsp_range(lines, finding.line, finding.column, finding.end_line, finding.end_column, self.encoding),
            message=finding.message,
            severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.code,
            code_description=types.CodeDescription(href=link) if link else None,
            source=SOURCE,
            data={"name": finding.name},
        )

    def analysis(self, uri: str) -> Optional[Analysis]:
        return self.analyses.get(uri)

    def tree_of(self, uri: str) -> Optional[tuple[Any, list[str]]]:
        """The syntax tree of the document as it stands (None when it cannot be read just now)."""
        text = self.workspace.get_text_document(uri).source
        try:
            return parse_tree(text), split_lines(text)
        except Exception:  # noqa: BLE001 - half-typed text: nothing to point at
            return None


server = PlanServer()


def _client_can(ls: LanguageServer, *path: str) -> bool:
    capability: Any = ls.client_capabilities
    for name in path:
        capability = getattr(capability, name, None)
        if capability is None:
            return False
    return bool(capability)


# ---------------------------------------------------------------------- lifecycle and documents


@server.feature(types.INITIALIZE)
def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    if isinstance(options.get("debounceMs"), (int, float)):
        ls.debounce = max(float(options["debounceMs"]), 0.0) / 1000


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.endswith(".toml"):
        _configuration_changed(ls)
    else:
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.analyses.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files_changed(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.endswith(".toml") for change in params.changes):
        _configuration_changed(ls)


def _configuration_changed(ls: PlanServer) -> None:
    """A configuration or pack may have changed: find them afresh and lint every open plan again."""
    ls.engine.submit(ls.linters.reset)
    for uri in list(ls.analyses):
        ls.schedule(uri, 0)


# ---------------------------------------------------------------------- code lens: the score


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


# ---------------------------------------------------------------------- hover


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
        link = rule_link(info)
        if link:
            text += f"\n\n[Documentation]({link})"
    return text


# ---------------------------------------------------------------------- completion


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


# ---------------------------------------------------------------------- code actions and commands


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


# ---------------------------------------------------------------------- outline, definition, references


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


# ---------------------------------------------------------------------- formatting


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


# ---------------------------------------------------------------------- the workspace-wide check


@server.command(CHECK_WORKSPACE)
async def check_workspace(ls: PlanServer, *folders: str) -> dict[str, Any]:
    """Check every plan of the workspace in a child ``planlint check``; publish what it finds for unopened files.

    Returns at once: the check goes on in the background, reports progress,
    and ends with a message. A second request stops the first.
    """
    roots = [to_fs_path(folder.uri) for folder in ls.workspace.folders.values()] or \
        [ls.workspace.root_path or str(Path.cwd())]
    roots = [str(folder) for folder in folders] or [root for root in roots if root]
    if ls.workspace_check is not None and ls.workspace_check.returncode is None:
        ls.workspace_check.kill()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "planlint", "check", "--format", "json", "--exit-zero", "--quiet", *roots,
        cwd=roots[0], stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    ls.workspace_check = process
    asyncio.ensure_future(_finish_workspace_check(ls, process, Path(roots[0])))
    return {"started": True, "folders": roots}


async def _finish_workspace_check(ls: PlanServer, process: asyncio.subprocess.Process, cwd: Path) -> None:
    token = f"planlint-workspace-{process.pid}"
    progress = _client_can(ls, "window", "work_done_progress")
    if progress:
        await ls.work_done_progress.create_async(token)
        ls.work_done_progress.begin(token, types.WorkDoneProgressBegin(title="planlint: checking the workspace"))
    out, err = await process.communicate()
    if process.returncode != 0:
        message = err.decode("utf-8", "replace").strip() or f"planlint check exited with {process.returncode}"
        if progress:
            ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
        return
    files = [FileResult.model_validate(entry) for entry in json.loads(out)["files"]]
    loop = asyncio.get_running_loop()
    published = await loop.run_in_executor(None, _workspace_diagnostics, ls, files, cwd)
    findings = 0
    for uri, diagnostics in published:
        findings += len(diagnostics)
        if uri not in ls.analyses:  # an open document's own, newer, analysis wins
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
    message = f"planlint: {len(files)} plans checked, {findings} findings"
    if progress:
        ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))
    ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=message))


def _workspace_diagnostics(ls: PlanServer, files: list[FileResult], cwd: Path) -> list[tuple[str, list[types.Diagnostic]]]:
    """Each checked file's findings as diagnostics, positions converted through the file's own lines."""
    published = []
    for result in files:
        path = (cwd / result.path).resolve()
        try:
            lines = split_lines(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            lines = [""]
        diagnostics = [ls.diagnostic(lines, finding) for finding in result.findings if finding.suppressed is None]
        published.append((from_fs_path(str(path)) or path.as_uri(), diagnostics))
    return published


def serve() -> None:
    """Talk LSP over standard input and output until the client says exit."""
    server.start_io()
