"""Documents opened, edited, saved and closed, and configuration changes: when each plan is linted again.
"""

from __future__ import annotations

from lsprotocol import types

from .planserver import PlanServer, server


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
