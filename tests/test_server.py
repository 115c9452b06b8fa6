"""`planlint server` end to end: a real LSP client process (pytest-lsp) talking to the real server.

Each test opens plans the way an editor does and asserts what the editor
would show: the diagnostics, the code lens, hovers, completions, code
actions, the outline, definitions, references and formatting.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional, Union

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities, make_test_lsp_client

from _planlint import PLAN, run, write
from test_formatter import CANONICAL, MESSY

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "planlint", "server"]


def make_client() -> LanguageClient:
    """pytest-lsp's client, answering the code lens refresh the server asks for after each lint (as VS Code does)."""
    client = make_test_lsp_client()
    client.lens_refreshes = 0  # type: ignore[attr-defined]

    @client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def refresh(ls: LanguageClient, params: None) -> None:
        ls.lens_refreshes += 1  # type: ignore[attr-defined]

    # lsprotocol reads any code action with a "command" key as a bare Command, even when that key holds a
    # Command object (LSP allows an edit and a command together): read those as the CodeAction they are.
    converter = client.protocol._converter

    def command_or_action(value: Any, _: Any) -> Any:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], command_or_action)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)

pytestmark = pytest.mark.asyncio


async def start(client: LanguageClient, root: Path, spec: str = "visual-studio-code", **options: Any) -> None:
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(spec), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options=options or None))


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    """A VS Code-like client; changes are linted after 20 ms of quiet, so keystroke tests run quickly."""
    (tmp_path / "planlint.toml").write_text("as-of = 2027-02-01\n", encoding="utf-8")
    await start(lsp_client, tmp_path, debounceMs=20)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def slow_client(lsp_client: LanguageClient, tmp_path: Path):
    """A client with the server's default debounce."""
    (tmp_path / "planlint.toml").write_text("as-of = 2027-02-01\n", encoding="utf-8")
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


OPEN: dict[str, int] = {}  # uri -> the version last sent, for the documents the tests opened


@pytest_lsp.fixture(config=CONFIG)
async def utf8_client(lsp_client: LanguageClient, tmp_path: Path):
    """A client that offers to count columns in UTF-8 bytes (as Neovim 0.10 and later do)."""
    (tmp_path / "planlint.toml").write_text("as-of = 2027-02-01\n", encoding="utf-8")
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general.position_encodings = [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
    response = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=tmp_path.as_uri(), initialization_options={"debounceMs": 20}))
    assert response.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def open_plan(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    OPEN[path.as_uri()] = 1
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="plan", version=1, text=text)))
    return await diagnostics_for(client, path.as_uri(), 1)


async def diagnostics_for(client: LanguageClient, uri: str, version: int,
                          seen: Optional[list[int]] = None) -> list[types.Diagnostic]:
    """The diagnostics published for ``version`` of ``uri`` (waiting for them); ``seen`` collects the versions published."""
    while True:
        params: types.PublishDiagnosticsParams = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and seen is not None:
            seen.append(params.version or 0)
        if params.uri == uri and params.version == version:
            return list(params.diagnostics)


def change(client: LanguageClient, uri: str, version: int, text: str,
           at: Optional[types.Range] = None) -> None:
    event: Any = types.TextDocumentContentChangeWholeDocument(text=text) if at is None else \
        types.TextDocumentContentChangePartial(range=at, text=text)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[event]))


def cli_findings(path: Path) -> list[tuple[str, str, int, int]]:
    done = run("check", "--format", "json", path.name, cwd=path.parent)
    result = json.loads(done.out)["files"][0]
    return sorted((f["code"], f["message"], f["line"], f["column"]) for f in result["findings"] if f["suppressed"] is None)


def shown(diagnostics: list[types.Diagnostic], lines: list[str]) -> list[tuple[str, str, int, int]]:
    """The diagnostics as planlint positions (1-based line, column in characters), for comparing with check."""
    found = []
    for d in diagnostics:
        text = lines[d.range.start.line]
        units, column = 0, 0
        while units < d.range.start.character:
            units += 2 if ord(text[column]) > 0xFFFF else 1
            column += 1
        found.append((str(d.code), d.message, d.range.start.line + 1, column + 1))
    return sorted(found)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


# ---------------------------------------------------------------------- diagnostics


async def test_diagnostics_on_open_are_the_findings_of_check(client: LanguageClient, tmp_path: Path) -> None:
    text = (ROOT / "samples" / "form.plan").read_text(encoding="utf-8")
    path = tmp_path / "form.plan"
    diagnostics = await open_plan(client, path, text)
    assert shown(diagnostics, text.split("\n")) == cli_findings(path)
    pl303 = next(d for d in diagnostics if d.code == "PL303")
    assert pl303.source == "planlint" and pl303.severity == types.DiagnosticSeverity.Error
    # the rule's documentation link, as SARIF's helpUri and `planlint rules --format json` give it
    rules = {rule["code"]: rule for rule in json.loads(run("rules", "--format", "json", cwd=tmp_path).out)}
    assert rules["PL303"]["link"] and pl303.code_description.href == rules["PL303"]["link"]
    pl305 = next(d for d in diagnostics if d.code == "PL305")
    assert pl305.severity == types.DiagnosticSeverity.Warning


async def test_a_change_and_a_save_are_linted(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    uri = path.as_uri()
    first = await open_plan(client, path, PLAN)
    assert {d.code for d in first} >= {"PL302", "PL303"}
    fixed = PLAN.replace('budget" due', 'budget" owner "Jane Doe" due')
    change(client, uri, 2, fixed)
    assert "PL302" not in {d.code for d in await diagnostics_for(client, uri, 2)}
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert "PL302" not in {d.code for d in await diagnostics_for(client, uri, 2)}


async def test_changes_typed_quickly_are_linted_once_for_the_last_version(slow_client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    uri = path.as_uri()
    await open_plan(slow_client, path, PLAN)
    for version in range(2, 12):
        change(slow_client, uri, version, PLAN.replace('budget" due', f'budget" owner "Jane Doe{version}" due'))
    published: list[int] = []
    last = await diagnostics_for(slow_client, uri, 11, published)
    assert "PL302" not in {d.code for d in last} and "PL303" in {d.code for d in last}
    assert len(published) < 10, published  # debounced: not one lint per keystroke


async def test_a_syntax_error_fixed_keystroke_by_keystroke_keeps_the_other_findings(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    uri = path.as_uri()
    before = await open_plan(client, path, PLAN)
    owner_line = {d.code: d.range.start.line for d in before}
    assert owner_line["PL302"] == 6 and owner_line["PL303"] == 7
    typed = '    action "Agree the scope" owner "Jane Doe" due 2027-04-01'
    lines = PLAN.split("\n")
    lines.insert(7, "")  # a new line inside the strategy, before the second action
    text = "\n".join(lines)
    version = 1
    change(client, uri, version := version + 1, text)
    await diagnostics_for(client, uri, version)
    unreadable = 0
    for column, ch in enumerate(typed):
        at = types.Range(start=pos(7, column), end=pos(7, column))
        change(client, uri, version := version + 1, ch, at)
        diagnostics = await diagnostics_for(client, uri, version)
        codes = {d.code for d in diagnostics}
        lines_of = {d.code: d.range.start.line for d in diagnostics}
        if "PL001" in codes:
            unreadable += 1
            # the half-typed action is an error, and the findings about the other actions stay, where they are
            assert "PL302" in codes and lines_of["PL302"] == 6, (column, typed[:column + 1], diagnostics)
            assert "PL303" in codes and lines_of["PL303"] == 8, (column, typed[:column + 1], diagnostics)
    assert unreadable > 10
    final = {d.code: d.range.start.line for d in diagnostics}
    assert "PL001" not in final and final["PL302"] == 6 and final["PL303"] == 8
    done = "\n".join(lines[:7] + [typed] + lines[8:])
    assert shown(diagnostics, done.split("\n")) == cli_findings(write(tmp_path, "typed.plan", done))


async def test_positions_are_utf16_columns(client: LanguageClient, tmp_path: Path) -> None:
    # On one line: é (one UTF-16 unit), an emoji (two units, one character) and e + a combining acute
    # accent (two characters, two units); the placeholder finding on "TBD" stands after all three.
    line = '      action "Café 🚀 re\u0301union" owner "TBD" due 2027-03-01'
    text = PLAN.replace('      action "Send the proposal to procurement" owner "Jane Doe"', line)
    path = tmp_path / "unicode.plan"
    diagnostics = await open_plan(client, path, text)
    lines = text.split("\n")
    assert shown(diagnostics, lines) == cli_findings(path)  # check's columns, converted back from UTF-16
    number = lines.index(line)
    placeholder = next(d for d in diagnostics if d.code == "PL901" and d.range.start.line == number)
    column = line.index('"TBD"')  # characters before the finding: the emoji is one, the accent another
    assert placeholder.range.start.character == len(line[:column].encode("utf-16-le")) // 2 == column + 1
    assert placeholder.range.end.character == column + 1 + len('"TBD"')
    # and back: the UTF-16 position of 'owner' (after the emoji) is read as that word
    owner_at = len(line[:line.index("owner")].encode("utf-16-le")) // 2 + 1
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pos(number, owner_at)))
    assert hover is not None and "**owner**" in hover.contents.value


async def test_a_client_that_counts_in_utf8_gets_utf8_columns(utf8_client: LanguageClient, tmp_path: Path) -> None:
    line = '      action "Café 🚀 re\u0301union" owner "TBD" due 2027-03-01'
    text = PLAN.replace('      action "Send the proposal to procurement" owner "Jane Doe"', line)
    diagnostics = await open_plan(utf8_client, tmp_path / "unicode.plan", text)
    placeholder = next(d for d in diagnostics if d.code == "PL901")
    assert placeholder.range.start.character == len(line[:line.index('"TBD"')].encode("utf-8"))


async def test_a_broken_configuration_is_a_diagnostic_not_a_crash(client: LanguageClient, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "planlint.toml").write_text('selct = ["PL3"]\n', encoding="utf-8")
    diagnostics = await open_plan(client, folder / "test.plan", PLAN)
    assert len(diagnostics) == 1 and "cannot use the configuration" in diagnostics[0].message
    assert "selct" in diagnostics[0].message


# ---------------------------------------------------------------------- code lens, hover, completion


async def test_the_code_lens_shows_score_band_and_top_fixes(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "form.plan"
    await open_plan(client, path, (ROOT / "samples" / "form.plan").read_text(encoding="utf-8"))
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
    result = json.loads(run("check", "--format", "json", "form.plan", cwd=tmp_path).out)["files"][0]
    titles = [lens.command.title for lens in lenses if lens.command]
    assert titles[0] == (f"planlint {result['score']:g}/100 · {result['band']} · "
                         f"completeness {result['completeness']:g} · substance {result['substance']:g}")
    assert all(lens.range.start.line == 2 for lens in lenses)  # the `plan` line of form.plan
    top = result["fixes"][:3]
    assert titles[1:] == [f"+{fix['gain']:g}: {fix['message']} ({fix['code']})" for fix in top]
    assert [list(lens.command.arguments) for lens in lenses[1:]] == [[fix["code"]] for fix in top]
    assert client.lens_refreshes >= 1  # type: ignore[attr-defined]  # the editor is told to ask again after a lint


async def test_hover_on_a_finding_explains_the_rule(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    diagnostics = await open_plan(client, path, PLAN)
    pl302 = next(d for d in diagnostics if d.code == "PL302")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pl302.range.start))
    assert hover is not None
    value = hover.contents.value
    assert value.startswith("**PL302** `action-owner`") and "**Why it matters.**" in value and "**How to fix.**" in value
    assert "[Documentation](https://github.com/planlint/planlint/blob/main/docs/rules.md#pl302)" in value


async def test_hover_on_a_keyword_says_what_it_means(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    await open_plan(client, path, PLAN)
    line = PLAN.split("\n").index("    target $500k by 2027-06-30")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pos(line, 6)))
    assert hover is not None and hover.contents.value.endswith(
        "**target**: The number an objective aims for (money, a percentage or a count) and the date it is due by."
        "\n\n```plan\ntarget $500k by 2027-06-30\n```")
    proposal = PLAN.split("\n")[7]  # action "Send the proposal to procurement": 'to' is a keyword, not in quotes
    inside_text = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pos(7, proposal.index(" to ") + 1)))
    assert inside_text is None or "**to**" not in inside_text.contents.value


async def completion_at(client: LanguageClient, path: Path, text: str, marker: str = "|") -> list[types.CompletionItem]:
    """Completion at ``marker``; when ``path`` is already open, ``text`` replaces its content (as typing does)."""
    offset = text.index(marker)
    text = text.replace(marker, "", 1)
    uri = path.as_uri()
    if uri in OPEN:
        OPEN[uri] += 1
        change(client, uri, OPEN[uri], text)
        await diagnostics_for(client, uri, OPEN[uri])
    else:
        await open_plan(client, path, text)
    line = text.count("\n", 0, offset)
    character = len(text[text.rfind("\n", 0, offset) + 1:offset].encode("utf-16-le")) // 2
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pos(line, character)))
    assert isinstance(result, types.CompletionList)
    return list(result.items)


async def test_completion_offers_the_keywords_the_parser_accepts_here(client: LanguageClient, tmp_path: Path) -> None:
    text = PLAN.replace("    target $500k by 2027-06-30\n", "    target $500k by 2027-06-30\n    |\n")
    labels = {item.label for item in await completion_at(client, tmp_path / "a.plan", text)}
    assert labels == {"metric", "target", "supports", "unit", "with", "strategy", "milestone", "progress"}
    top = PLAN.replace('  owner "Jane Doe"\n', '  owner "Jane Doe"\n  ca|\n', 1)
    items = await completion_at(client, tmp_path / "b.plan", top)
    assert {"cadence", "stakeholder", "research", "objective", "pipeline"} <= {i.label for i in items}
    cadence = next(i for i in items if i.label == "cadence")
    assert cadence.kind == types.CompletionItemKind.Keyword and cadence.text_edit.new_text == "cadence"
    assert cadence.text_edit.range.start.character == 2  # replaces the "ca" already typed


async def test_completion_offers_enum_values(client: LanguageClient, tmp_path: Path) -> None:
    text = PLAN.replace('  owner "Jane Doe"\n', '  owner "Jane Doe"\n  stakeholder "Mary Chen" {\n    stance |\n  }\n', 1)
    items = await completion_at(client, tmp_path / "a.plan", text)
    assert [i.label for i in items] == ["supporter", "neutral", "opponent", "unknown"]
    assert all(i.kind == types.CompletionItemKind.EnumMember for i in items)


async def test_completion_offers_people_inside_owner_ask_and_with(client: LanguageClient, tmp_path: Path) -> None:
    people = PLAN.replace('  owner "Jane Doe"\n', '  owner "Jane Doe"\n  team "Raj Patel"\n  stakeholder "Mary Chen" {\n  }\n', 1)
    await open_plan(client, tmp_path / "a.plan", people)  # readable first: the names come from there while typing
    typed = people.replace('    target $500k by 2027-06-30\n', '    target $500k by 2027-06-30\n    with "Ma|\n')
    items = await completion_at(client, tmp_path / "a.plan", typed)
    assert [i.label for i in items] == ["Jane Doe", "Raj Patel", "Mary Chen"]
    assert items[2].text_edit.new_text == "Mary Chen" and items[2].kind == types.CompletionItemKind.Reference
    bare = people.replace('budget" due', 'budget" owner | due')
    items = await completion_at(client, tmp_path / "a.plan", bare)
    assert '"Raj Patel"' in {i.text_edit.new_text for i in items}


# ---------------------------------------------------------------------- code actions and commands


async def actions_for(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


async def test_quick_fix_for_a_did_you_mean_keyword_and_value(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "broken.plan"
    text = (ROOT / "samples" / "broken.plan").read_text(encoding="utf-8")
    diagnostics = await open_plan(client, path, text)
    keyword = next(d for d in diagnostics if "objectve" in d.message)
    fix = next(a for a in await actions_for(client, path.as_uri(), keyword) if a.title == "Change to 'objective'")
    (edit,) = fix.edit.changes[path.as_uri()]
    assert edit.new_text == "objective" and edit.range == keyword.range
    assert text.split("\n")[edit.range.start.line][edit.range.start.character:edit.range.end.character] == "objectve"
    role = next(d for d in diagnostics if "economic_buyr" in d.message)
    fix = next(a for a in await actions_for(client, path.as_uri(), role) if a.title.startswith("Change to"))
    assert fix.title == "Change to 'economic_buyer'"
    (edit,) = fix.edit.changes[path.as_uri()]
    assert text.split("\n")[edit.range.start.line][edit.range.start.character:edit.range.end.character] == "economic_buyr"


async def test_suppress_inserts_the_comment_and_puts_the_cursor_on_the_reason(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    diagnostics = await open_plan(client, path, PLAN)
    pl302 = next(d for d in diagnostics if d.code == "PL302")
    suppress = next(a for a in await actions_for(client, path.as_uri(), pl302) if a.title == "Suppress PL302 on this line")
    (edit,) = suppress.edit.changes[path.as_uri()]
    assert edit.new_text == "      # planlint: ignore[PL302] -- \n" and edit.range.start == pos(6, 0)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=suppress.command.command, arguments=suppress.command.arguments))
    shown_document = client.shown_documents[-1]
    assert shown_document.uri == path.as_uri() and shown_document.selection == types.Range(start=pos(6, 35), end=pos(6, 35))
    # With the reason written, the finding is suppressed: the same text through check shows it as such.
    lines = PLAN.split("\n")
    lines.insert(6, "      # planlint: ignore[PL302] -- the CFO call is the partner's")
    change(client, path.as_uri(), 2, "\n".join(lines))
    assert "PL302" not in {d.code for d in await diagnostics_for(client, path.as_uri(), 2)}


async def test_explain_rule_shows_what_planlint_explain_prints(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "test.plan"
    diagnostics = await open_plan(client, path, PLAN)
    pl302 = next(d for d in diagnostics if d.code == "PL302")
    explain = next(a for a in await actions_for(client, path.as_uri(), pl302) if a.title == "Explain rule PL302")
    text = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=explain.command.command, arguments=explain.command.arguments))
    assert text == run("explain", "PL302", cwd=tmp_path).out
    assert client.messages[-1].message == text


# ---------------------------------------------------------------------- outline, definition, references


async def test_document_symbols_are_the_plans_outline(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "acme.plan"
    await open_plan(client, path, (ROOT / "samples" / "acme.plan").read_text(encoding="utf-8"))
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
    (plan,) = symbols
    assert plan.name == "Acme Corp FY2027" and plan.kind == types.SymbolKind.Module
    names = [child.name for child in plan.children]
    assert names[:3] == ["research", "Manufacturing", "Logistics"] and "Mary Chen" in names and names[-1] == "pipeline"
    research = plan.children[0]
    assert [c.name for c in research.children] == ["customer", "Globex", "In-house IT", "company"]
    objective = next(c for c in plan.children if c.name == "Win the ERP consolidation")
    assert objective.detail == "objective revenue"
    (strategy,) = objective.children
    assert strategy.name == "Position as the consolidation partner with proof"
    assert [a.name for a in strategy.children][0] == "Executive briefing with the CFO on the Initech results"
    assert strategy.children[0].kind == types.SymbolKind.Event


async def test_the_outline_shows_issue_15_blocks(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "hospital-group.plan"
    await open_plan(client, path, (ROOT / "samples" / "hospital-group.plan").read_text(encoding="utf-8"))
    (plan,) = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
    kinds = {child.name: child.kind for child in plan.children}
    assert kinds["Nurses' works council"] == types.SymbolKind.Object  # a party
    assert kinds["Globex undercuts the renewal with its 15% extension discount"] == types.SymbolKind.Constant  # a risk
    assert kinds["Nurses get time back at the bedside"] == types.SymbolKind.String  # a win theme
    pipeline = next(child for child in plan.children if child.name == "pipeline")
    assert "Flagship EHR renewal" in [c.name for c in pipeline.children]
    steps = [step for objective in plan.children for strategy in objective.children or [] for step in strategy.children or []]
    assert "CFO and CNO review the business case" in [step.name for step in steps]  # a customer_action


async def test_definition_and_references_for_a_person(client: LanguageClient, tmp_path: Path) -> None:
    text = (ROOT / "samples" / "acme.plan").read_text(encoding="utf-8")
    path = tmp_path / "acme.plan"
    await open_plan(client, path, text)
    lines = text.split("\n")
    ask = next(i for i, line in enumerate(lines) if 'ask "Mary Chen"' in line)
    at = pos(ask, lines[ask].index("Mary Chen") + 2)
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=at))
    declared = lines.index('  stakeholder "Mary Chen" {')
    assert location.range == types.Range(start=pos(declared, 15), end=pos(declared, 24))
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=at,
        context=types.ReferenceContext(include_declaration=True)))
    expected = [i for i, line in enumerate(lines) if '"Mary Chen"' in line]
    assert sorted(location.range.start.line for location in found) == expected
    team = next(i for i, line in enumerate(lines) if 'owner "Raj Patel" due' in line)
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=pos(team, lines[team].index("Raj") + 1)))
    assert location.range.start.line == lines.index('  team "Raj Patel", "Li Wei", "Sam Okafor"')


# ---------------------------------------------------------------------- formatting and the workspace check


async def test_formatting_goes_through_the_formatter(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "messy.plan"
    await open_plan(client, path, MESSY)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    (edit,) = edits
    assert edit.new_text == CANONICAL and edit.range.start == pos(0, 0)
    broken = tmp_path / "broken.plan"
    await open_plan(client, broken, (ROOT / "samples" / "broken.plan").read_text(encoding="utf-8"))
    nothing = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=broken.as_uri()),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert nothing is None and "not formatted" in client.messages[-1].message


async def test_the_workspace_check_runs_in_the_background(client: LanguageClient, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    for index in range(30):
        write(folder, f"plan-{index:02d}.plan", PLAN)
    opened = tmp_path / "open.plan"
    await open_plan(client, opened, PLAN)
    started = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="planlint.checkWorkspace", arguments=[str(tmp_path)]))
    assert started["started"] is True
    # while it runs, the open document is still linted at once
    change(client, opened.as_uri(), 2, PLAN.replace('budget" due', 'budget" owner "Jane Doe" due'))
    assert "PL302" not in {d.code for d in await diagnostics_for(client, opened.as_uri(), 2)}
    while not (client.messages and client.messages[-1].message.startswith("planlint: 31 plans checked")):
        await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
    last = (folder / "plan-29.plan").as_uri()
    assert {str(d.code) for d in client.diagnostics[last]} >= {"PL302", "PL303"}
    assert all(token_reports[-1].kind == "end" for token_reports in client.progress_reports.values())
