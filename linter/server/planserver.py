"""The language server's state: the documents' analyses, the engine thread, findings as LSP diagnostics.

The one :data:`server` every feature module (:mod:`.documents`, :mod:`.lens`, :mod:`.hover`,
:mod:`.editing`, :mod:`.actions`, :mod:`.navigation`, :mod:`.workspace`) registers its handlers on.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Optional, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..engine.results import Finding
from ..api.rule import Severity
from ..language.syntax_tree import parse_tree
from .analysis import Analysis, Linters, analyse
from .positions import UTF16, lsp_range, split_lines


DEBOUNCE = 0.3  # seconds of quiet after a keystroke before the document is linted again
SOURCE = "planlint"
SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
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
        if client_can(self, "workspace", "code_lens", "refresh_support"):
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
        link = finding.link  # the rule's page, under the document's own configuration (rules-docs-url)
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


def client_can(ls: LanguageServer, *path: str) -> bool:
    capability: Any = ls.client_capabilities
    for name in path:
        capability = getattr(capability, name, None)
        if capability is None:
            return False
    return bool(capability)
