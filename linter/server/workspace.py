"""The workspace-wide check: ``planlint check --format json`` in a child process, its findings published for unopened files.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from ..engine.results import FileResult
from .planserver import PlanServer, client_can, server
from .positions import split_lines


CHECK_WORKSPACE = "planlint.checkWorkspace"


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
    progress = client_can(ls, "window", "work_done_progress")
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
