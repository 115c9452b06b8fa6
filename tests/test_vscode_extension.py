"""The VS Code extension as it ships: the .vsix that `vsce package` builds.

VS Code itself cannot be installed here, so these tests open the package the
way VS Code does (a zip with the extension under ``extension/``) and check
what it would act on: the language and its file extension, the grammar, the
language configuration, the activation event, the compiled client and the
runtime library it needs. The client is then activated under Node with
``vscode`` replaced by a recorder (tests/_vscode_activate.js) to show the
server command it starts for each setting, and that command is started and
spoken to over stdio as VS Code would, to show it is the real server.

.ci/run builds the package before the test command. When it is missing or
older than its sources, the tests build it (`npm ci` when needed, then
`npm run package`); they skip only where node or npm is not installed.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from lsprotocol import types
from pytest_lsp import client_capabilities, make_test_lsp_client

from _planlint import run

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "editors" / "vscode"
VSIX = EXTENSION / "planlint.vsix"
ACTIVATE = Path(__file__).with_name("_vscode_activate.js")
SOURCES = ("package.json", "package-lock.json", "tsconfig.json", "language-configuration.json", ".vscodeignore",
           "README.md", "LICENSE", "src", "syntaxes")


def _newest_source() -> float:
    paths = [EXTENSION / name for name in SOURCES]
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    return max(p.stat().st_mtime for p in files if p.is_file())


def _npm(npm: str, *args: str) -> None:
    done = subprocess.run([npm, *args], cwd=EXTENSION, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"npm {' '.join(args)} failed in {EXTENSION}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


@pytest.fixture(scope="module")
def node() -> str:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are not installed: the VS Code extension cannot be built here "
                    "(install Node.js 20+ with npm; .ci/run needs them)")
    installed = EXTENSION / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < (EXTENSION / "package-lock.json").stat().st_mtime:
        _npm(npm, "ci", "--no-audit", "--no-fund")
    if not VSIX.exists() or VSIX.stat().st_mtime < _newest_source():
        _npm(npm, "run", "package")
    return node


@pytest.fixture(scope="module")
def vsix(node: str) -> Iterator[zipfile.ZipFile]:
    with zipfile.ZipFile(VSIX) as package:
        yield package


@pytest.fixture(scope="module")
def unpacked(vsix: zipfile.ZipFile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vsix")
    vsix.extractall(folder)
    return folder / "extension"


def _manifest(vsix: zipfile.ZipFile) -> dict[str, Any]:
    return json.loads(vsix.read("extension/package.json"))


def _activate(node: str, unpacked: Path, settings: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([node, str(ACTIVATE), str(unpacked), json.dumps(settings)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_package_declares_the_planlint_language(vsix: zipfile.ZipFile) -> None:
    languages = _manifest(vsix)["contributes"]["languages"]
    [language] = [entry for entry in languages if entry["id"] == "planlint"]
    assert language["extensions"] == [".plan"]
    configuration = json.loads(vsix.read("extension/" + language["configuration"].removeprefix("./")))
    assert configuration["comments"] == {"lineComment": "#"}
    assert ["{", "}"] in configuration["brackets"] and ["[", "]"] in configuration["brackets"]
    assert ["(", ")"] in configuration["brackets"]
    closing = {pair["open"]: pair["close"] for pair in configuration["autoClosingPairs"]}
    assert closing['"'] == '"' and closing["{"] == "}"


def test_the_package_ships_the_grammar_for_the_language(vsix: zipfile.ZipFile) -> None:
    [grammar] = _manifest(vsix)["contributes"]["grammars"]
    assert grammar["language"] == "planlint" and grammar["scopeName"] == "source.planlint"
    shipped = vsix.read("extension/" + grammar["path"].removeprefix("./"))
    assert json.loads(shipped)["scopeName"] == "source.planlint"
    assert shipped == (EXTENSION / "syntaxes" / "planlint.tmLanguage.json").read_bytes(), "the .vsix holds a stale grammar"


def test_the_extension_activates_on_a_plan_file(vsix: zipfile.ZipFile) -> None:
    manifest = _manifest(vsix)
    assert "onLanguage:planlint" in manifest["activationEvents"]
    assert manifest["main"].removeprefix("./") in {name.removeprefix("extension/") for name in vsix.namelist()}


def test_the_package_holds_the_client_library_and_no_sources(vsix: zipfile.ZipFile) -> None:
    names = set(vsix.namelist())
    assert "extension/node_modules/vscode-languageclient/node.js" in names
    assert "extension/node_modules/vscode-jsonrpc/package.json" in names
    own = [name for name in names if not name.startswith("extension/node_modules/")]
    assert not [name for name in own if name.endswith(".ts") or name.startswith(("extension/src/", "extension/test/"))]
    assert not any(name.startswith("extension/node_modules/typescript/") for name in names), "a build tool was shipped"


def test_the_settings_choose_the_interpreter_or_executable(vsix: zipfile.ZipFile) -> None:
    properties = _manifest(vsix)["contributes"]["configuration"]["properties"]
    assert properties["planlint.interpreter"]["type"] == "string"
    assert properties["planlint.path"]["type"] == "string"


def test_by_default_the_client_starts_python3_m_planlint_server_over_stdio(node: str, unpacked: Path) -> None:
    started = _activate(node, unpacked, {})
    [client] = started["clients"]
    assert client["run"] == {"command": "python3", "args": ["-m", "planlint", "server"], "transport": started["stdio"]}
    assert client["debug"] == client["run"]
    assert {"scheme": "file", "language": "planlint"} in client["documentSelector"]


def test_the_configured_interpreter_runs_the_server(node: str, unpacked: Path) -> None:
    [client] = _activate(node, unpacked, {"planlint.interpreter": sys.executable})["clients"]
    assert (client["run"]["command"], client["run"]["args"]) == (sys.executable, ["-m", "planlint", "server"])


def test_a_configured_planlint_executable_wins_over_the_interpreter(node: str, unpacked: Path) -> None:
    settings = {"planlint.interpreter": sys.executable, "planlint.path": "~/tools/planlint"}
    [client] = _activate(node, unpacked, settings)["clients"]
    assert client["run"]["command"] == str(Path.home() / "tools" / "planlint")
    assert client["run"]["args"] == ["server"]


def test_the_debounce_setting_reaches_the_server_only_when_set(node: str, unpacked: Path) -> None:
    [default] = _activate(node, unpacked, {})["clients"]
    assert default["initializationOptions"] == {}
    [configured] = _activate(node, unpacked, {"planlint.debounceMs": 50})["clients"]
    assert configured["initializationOptions"] == {"debounceMs": 50}


@pytest.mark.asyncio
async def test_the_command_the_client_starts_is_planlint_server_with_checks_findings(
        node: str, unpacked: Path, vsix: zipfile.ZipFile, tmp_path: Path) -> None:
    [started] = _activate(node, unpacked, {"planlint.interpreter": sys.executable, "planlint.debounceMs": 50})["clients"]
    [language] = _manifest(vsix)["contributes"]["languages"]
    plan = tmp_path / "form.plan"
    plan.write_text((ROOT / "samples" / "form.plan").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "planlint.toml").write_text("as-of = 2027-02-01\n", encoding="utf-8")
    checked = json.loads(run("check", "form.plan", "--format", "json", cwd=tmp_path).out)
    expected = sorted((f["code"], f["line"]) for f in checked["files"][0]["findings"] if not f["suppressed"])
    assert expected, "the sample should have findings to compare"

    client = make_test_lsp_client()
    await client.start_io(started["run"]["command"], *started["run"]["args"], cwd=str(tmp_path))
    try:
        result = await asyncio.wait_for(client.initialize_session(types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri(),
            initialization_options=started["initializationOptions"],
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name=tmp_path.name)])), 60)
        # The palette's commands are the client's own restart and commands the server really offers.
        palette = {entry["command"] for entry in _manifest(vsix)["contributes"]["commands"]} - {"planlint.restartServer"}
        assert palette and palette <= set(result.capabilities.execute_command_provider.commands)
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=plan.as_uri(), language_id=language["id"], version=1, text=plan.read_text(encoding="utf-8"))))
        while True:
            published = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
            if published.uri == plan.as_uri():
                break
        shown = sorted((str(d.code), d.range.start.line + 1) for d in published.diagnostics)
        assert shown == expected
    finally:
        await asyncio.wait_for(client.shutdown_session(), 30)
