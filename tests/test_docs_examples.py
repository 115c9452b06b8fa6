"""Every example in README.md and docs/ is executed, so none can go stale (issue 18, item 1).

Each Markdown file is read top to bottom and its fenced blocks are checked in
order, in a scratch folder that holds copies of the repository's ``samples/``
and ``rules/`` (the example pack also as ``rules/acme.toml``), and ``plans/`` with two of the samples (a user's repository of
plans, for the examples that say ``plans/``). The conventions:

``text`` / ``console`` blocks whose first line starts with ``$ planlint``
    Each ``$ planlint ...`` line is run as the user would (the real entry
    point, in the scratch folder) and what follows it, up to the next ``$``
    line, must be what it prints (standard output, then standard error). A
    line that is only ``...`` stands for lines left out (one or more).
``text`` blocks after ``<!-- output-of: planlint ARGS -->``
    An excerpt: every line of the block must be a line that command prints.
``plan`` blocks
    Must read without a syntax error. A block that does not start with
    ``plan``/``portfolio`` is a fragment and is read inside ``plan "Example" {
    ... }``, or inside that plan's ``research`` block, an objective or a
    strategy, whichever the fragment is written for. A line that is only ``...`` is an elision and is left out.
``toml`` blocks
    A rule pack (``[pack]`` or ``[[rule]]``) must pass ``planlint test-rules``;
    anything else is configuration (``[tool.planlint]`` as ``pyproject.toml``)
    and must be accepted by ``planlint check --config FILE`` on a sample plan.
``<!-- file: PATH -->`` / ``<!-- append: PATH -->`` before a block
    The block is written to (added to) PATH in the scratch folder instead, for
    tutorials that build a file step by step; the commands that follow use it.
``<!-- with: PATH: OLD => NEW; OLD2 => NEW2 -->`` before a ``$ planlint`` block
    The commands run with PATH so changed (the prose says how), and PATH is
    put back afterwards: for showing what a mistake in a tutorial's file prints.
``sh`` blocks
    Each ``planlint ...`` command is run and must not end in a usage or
    configuration error (exit 2). Any other command needs a marker.
``yaml`` blocks
    Every pre-commit ``rev:`` must be a tag or a commit of this repository and
    every hook ``id:`` one that ``.pre-commit-hooks.yaml`` defines.
``python`` blocks
    Must compile.
``json`` blocks
    Must parse.
``<!-- not-run: REASON -->`` before a block
    The block is not run (an editor set-up, installing software, a command
    that needs a network or GitHub). The reason is required.

Any other block (or one with no language) is a failure: say what it is. Each
failure names the file, the block's line, and what differed, and a file's
failures are reported together.
"""

from __future__ import annotations

import difflib
import json
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest

from _planlint import run

REPO = Path(__file__).resolve().parent.parent
DOCS = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md"), REPO / "plugins" / "README.md"])
MARKER = re.compile(r"^<!--\s*(not-run|file|append|output-of|with)\s*:\s*(.*?)\s*-->$")
FENCE = re.compile(r"^(\s*)(```+)\s*([\w-]*)\s*$")
ELIDED = "..."


@dataclass
class Block:
    doc: Path
    line: int  # the line of the opening fence
    lang: str
    text: str
    marker: Optional[tuple[str, str]]

    def where(self) -> str:
        return f"{self.doc.relative_to(REPO).as_posix()}:{self.line} (```{self.lang or ''} block)"


def blocks_of(doc: Path) -> list[Block]:
    """The fenced blocks of a Markdown file, each with the marker comment just before it, if any."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, ticks, lang = opening.groups()
        body: list[str] = []
        end = index + 1
        while end < len(lines) and lines[end].strip() != ticks:
            body.append(lines[end][len(indent):] if lines[end].startswith(indent) else lines[end].lstrip())
            end += 1
        before = next((lines[i].strip() for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        found = MARKER.match(before)
        blocks.append(Block(doc, index + 1, lang, "\n".join(body) + "\n", found.groups() if found else None))
        index = end + 1
    return blocks


# --------------------------------------------------------------------------- the scratch folder


def workspace(root: Path) -> Path:
    """A folder like a user's repository of plans: the samples, the rule packs, and plans/."""
    shutil.copytree(REPO / "samples", root / "samples")
    shutil.copytree(REPO / "rules" / "examples", root / "rules" / "examples")
    shutil.copy(REPO / "rules" / "examples" / "acme.toml", root / "rules" / "acme.toml")
    (root / "plans").mkdir()
    for name in ("acme.plan", "form.plan"):
        shutil.copy(REPO / "samples" / name, root / "plans" / name)
    return root


def planlint(command: str, cwd: Path) -> tuple[int, list[str]]:
    """Run ``planlint ARGS`` as typed; its exit code and printed lines (standard output, then error)."""
    words = shlex.split(command, comments=True)
    assert words and words[0] == "planlint", f"not a planlint command: {command}"
    try:
        result = run(*words[1:], cwd=cwd, env={"NO_COLOR": "1", "COLUMNS": "100"})
    except SystemExit as stop:  # argparse's usage errors; what it printed went to the real stderr
        return int(stop.code or 0), [f"(usage error, exit {stop.code})"]
    return result.code, (result.out + result.err).splitlines()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, each ``...`` line standing for one or more lines."""
    if not expected:
        return not actual
    if expected[0] == ELIDED:
        return any(matches(expected[1:], actual[skip:]) for skip in range(1, len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def diff(expected: list[str], actual: list[str]) -> str:
    return "\n".join(difflib.unified_diff(expected, actual, "the doc says", "planlint prints", lineterm="", n=1))


# --------------------------------------------------------------------------- one checker per kind of block


def check_session(block: Block, cwd: Path) -> list[str]:
    """A ``$ planlint ...`` session: each command's output is what the block shows."""
    problems = []
    commands: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    for command, expected in commands:
        while expected and not expected[-1].strip():
            expected.pop()
        _, actual = planlint(command, cwd)
        if not matches(expected, actual):
            problems.append(f"`{command}` prints something else ('...' lines stand for left-out lines):\n"
                            + diff(expected, actual))
    return problems


def check_with_changes(block: Block, spec: str, cwd: Path) -> list[str]:
    """A session run with a file changed as ``PATH: OLD => NEW; ...`` says, the file put back after."""
    name, _, changes = spec.partition(": ")
    path = cwd / name
    original = path.read_text(encoding="utf-8")
    changed = original
    for change in changes.split("; "):
        old, _, new = change.partition(" => ")
        if old not in changed:
            return [f"<!-- with: --> cannot change {name}: it has no {old!r}"]
        changed = changed.replace(old, new)
    path.write_text(changed, encoding="utf-8")
    try:
        return check_session(block, cwd)
    finally:
        path.write_text(original, encoding="utf-8")


def check_excerpt(block: Block, cwd: Path) -> list[str]:
    """Lines quoted from a command's output: each must be one it prints."""
    _, actual = planlint(block.marker[1] if block.marker else "", cwd)
    missing = [line for line in block.text.splitlines() if line.strip() and line != ELIDED and line not in actual]
    if not missing:
        return []
    return [f"`{block.marker[1] if block.marker else ''}` prints no line\n  " + "\n  ".join(missing)
            + "\nit printed:\n  " + "\n  ".join(actual[:40])]


WHOLE_FILE = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(?:plan|portfolio)\s+\"")


def check_plan(block: Block, cwd: Path) -> list[str]:
    """Plan text reads without a syntax error (a fragment inside a small plan, or its research or objective)."""
    from planlint.language.diagnostics import PlanSyntaxError
    from planlint.language.parser import parse_text

    text = "\n".join(line for line in block.text.splitlines() if line.strip() != ELIDED) + "\n"
    candidates = [text, "research {\n" + text + "}\n", 'objective revenue "Example" {\n' + text + "}\n",
                  'objective revenue "Example" {\n strategy "Example" {\n' + text + "}\n}\n"]
    first_errors: Optional[list[str]] = None
    for candidate in candidates:
        whole = candidate if WHOLE_FILE.match(candidate) else f'plan "Example" {{\n{candidate}}}\n'
        try:
            parse_text(whole, "example.plan")
            return []
        except PlanSyntaxError as error:
            errors = [f"{d.line}:{d.column}: {d.message}" for d in error.diagnostics]
        if whole == candidate or whole.strip() == candidate.strip():
            return ["the plan does not read:\n  " + "\n  ".join(errors)]
        first_errors = first_errors if first_errors is not None else errors
    return ["the plan does not read (as a fragment of a plan, with its lines shifted by the wrapping):\n  "
            + "\n  ".join(first_errors or [])]


def check_toml(block: Block, cwd: Path) -> list[str]:
    """A rule pack passes `planlint test-rules`; configuration is accepted by `planlint check --config`."""
    from planlint.config.loader import read_toml

    folder = cwd / f"example-{block.line}"
    shutil.copytree(cwd / "rules", folder / "rules")
    is_pyproject = "[tool.planlint" in block.text
    path = folder / ("pyproject.toml" if is_pyproject else "example.toml")
    path.write_text(block.text, encoding="utf-8")
    try:
        data = read_toml(path)
    except Exception as error:  # noqa: BLE001 - the message is the finding
        return [f"not valid TOML: {error}"]
    if "project" in data or "build-system" in data:  # a plugin package's own pyproject.toml: TOML is all
        return []
    if "category" in data and "pack" not in data:  # a [[category]] of a pack, shown on its own
        from planlint.packs import PackError, load_pack

        path.write_text('[pack]\nname = "docs"\n' + block.text, encoding="utf-8")
        try:
            load_pack(path)
        except PackError as error:
            return [f"not a valid [[category]]: {error}"]
        return []
    if "pack" in data or "rule" in data:
        command = f"planlint test-rules {path.relative_to(cwd)}"
        code, actual = planlint(command, cwd)
        return [] if code == 0 else [f"`{command}` exits {code}:\n  " + "\n  ".join(actual)]
    command = f"planlint check --config {path.relative_to(cwd)} samples/acme.plan --quiet"
    code, actual = planlint(command, cwd)
    errors = [line for line in actual if line.startswith("planlint: error") or line.startswith("planlint: warning")]
    return [] if code != 2 and not errors else [f"`planlint check --config` refuses it (exit {code}):\n  " + "\n  ".join(errors or actual)]


def check_sh(block: Block, cwd: Path) -> list[str]:
    """Shell commands: planlint ones run without a usage or configuration error; nothing else is run."""
    problems = []
    for line in block.text.splitlines():
        command = line.split(" #", 1)[0].strip()
        if not command or command.startswith("#"):
            continue
        if not command.startswith("planlint ") or any(op in shlex.split(command, comments=True) for op in ("|", "&&", ">", ";")):
            problems.append(f"`{command}` is not a planlint command the suite can run: mark the block "
                            "<!-- not-run: reason -->")
            continue
        code, actual = planlint(command, cwd)
        if code == 2:
            problems.append(f"`{command}` fails (exit 2):\n  " + "\n  ".join(actual))
    return problems


def repository_revisions() -> Optional[Callable[[str], bool]]:
    """Whether a ``rev:`` names a tag or commit of this repository; None when this is not a full git clone."""
    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)

    if shutil.which("git") is None or git("rev-parse", "--git-dir").returncode != 0:
        return None
    if git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return None
    tags = set(git("tag").stdout.split())
    return lambda rev: rev in tags or (re.fullmatch(r"[0-9a-f]{40}", rev) is not None
                                       and git("cat-file", "-e", f"{rev}^{{commit}}").returncode == 0)


def check_yaml(block: Block, cwd: Path) -> list[str]:
    """pre-commit snippets: every ``rev:`` exists in this repository, every hook ``id:`` is one it ships."""
    problems = []
    hooks = set(re.findall(r"^-\s*id:\s*([\w-]+)", (REPO / ".pre-commit-hooks.yaml").read_text(), re.M))
    known = repository_revisions()
    revisions = re.findall(r"^\s*rev:\s*['\"]?([^\s'\"#]+)", block.text, re.M)
    revisions += re.findall(r"git\+\S*/planlint@([^\s#]+)", block.text)  # pip install git+...@REV
    for rev in revisions:
        if known is not None and not known(rev):
            problems.append(f"rev {rev} is neither a tag nor a commit of this repository; pin a commit until "
                            "a release is tagged")
    for hook in re.findall(r"^\s*-\s*id:\s*([\w-]+)", block.text, re.M):
        if hook not in hooks:
            problems.append(f"hook id '{hook}' is not in .pre-commit-hooks.yaml (it has: {', '.join(sorted(hooks))})")
    return problems


def check_python(block: Block, cwd: Path) -> list[str]:
    try:
        compile(block.text, block.where(), "exec")
    except SyntaxError as error:
        return [f"does not compile: line {error.lineno}: {error.msg}"]
    return []


def check_json(block: Block, cwd: Path) -> list[str]:
    try:
        json.loads(block.text)
    except ValueError as error:
        return [f"not valid JSON: {error}"]
    return []


def check_csv(block: Block, cwd: Path) -> list[str]:
    """CRM rows (a crm rule's examples): a header, then rows of as many fields."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(block.text)))
    return [f"row {number} has {len(row)} fields, the header {len(rows[0])}"
            for number, row in enumerate(rows[1:], start=2) if len(row) != len(rows[0])]


def check_block(block: Block, cwd: Path) -> list[str]:
    kind, value = block.marker or ("", "")
    if kind == "not-run":
        return [] if value else ["<!-- not-run: --> needs a reason"]
    if kind in ("file", "append"):
        target = cwd / value
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a" if kind == "append" else "w", encoding="utf-8") as out:
            out.write(block.text)
        return check_plan(block, cwd) if block.lang == "plan" else []
    if kind == "output-of":
        return check_excerpt(block, cwd)
    if kind == "with":
        return check_with_changes(block, value, cwd)
    if block.lang in ("text", "console") and block.text.startswith("$ planlint"):
        return check_session(block, cwd)
    checkers: dict[str, Callable[[Block, Path], list[str]]] = {
        "plan": check_plan, "toml": check_toml, "sh": check_sh, "yaml": check_yaml,
        "python": check_python, "json": check_json, "csv": check_csv}
    if block.lang in checkers:
        return checkers[block.lang](block, cwd)
    return ["the suite cannot tell what this block is: start a text block with `$ planlint ...`, tag plan text "
            "```plan, or mark it <!-- output-of: planlint ARGS --> or <!-- not-run: reason -->"]


@pytest.mark.parametrize("doc", DOCS, ids=[doc.relative_to(REPO).as_posix() for doc in DOCS])
def test_every_example_in_the_doc_works(doc: Path, tmp_path: Path) -> None:
    cwd = workspace(tmp_path)
    failures = []
    for block in blocks_of(doc):
        for problem in check_block(block, cwd):
            failures.append(f"{block.where()}: {problem}")
    assert not failures, "\n\n".join(failures)


# --------------------------------------------------------------------------- the harness itself


def test_harness_reports_the_doc_the_block_and_the_difference(tmp_path: Path) -> None:
    """A stale example fails with where it is and what planlint really prints."""
    doc = tmp_path / "guide.md"
    doc.write_text("Intro\n\n```text\n$ planlint explain PL302\nPL302 action-ownr\n...\n```\n", encoding="utf-8")
    cwd = workspace(tmp_path / "ws")
    block = blocks_of(doc)[0]
    assert block.line == 3
    problems = check_block(block, cwd)
    assert len(problems) == 1
    assert "`planlint explain PL302` prints something else" in problems[0]
    assert "-PL302 action-ownr" in problems[0] and "+PL302 action-owner" in problems[0]


def test_harness_conventions(tmp_path: Path) -> None:
    """Elisions match one or more lines; markers skip or write; an unknown block is refused."""
    assert matches(["a", ELIDED, "d"], ["a", "b", "c", "d"])
    assert not matches(["a", ELIDED, "d"], ["a", "d"])
    assert not matches(["a"], ["a", "b"])
    doc = tmp_path / "guide.md"
    doc.write_text("<!-- not-run: needs an editor -->\n```lua\nvim.lsp\n```\n\n```lua\nx\n```\n\n"
                   "<!-- file: plans/x.plan -->\n```plan\nplan \"X\" {\n}\n```\n\n```plan\naccount \"Acme\"\n...\n```\n\n"
                   "```plan\nplan \"X\" {\n  acount \"A\"\n}\n```\n", encoding="utf-8")
    cwd = workspace(tmp_path / "ws")
    results = [check_block(block, cwd) for block in blocks_of(doc)]
    assert results[0] == [] and results[2] == [] and results[3] == []
    assert "cannot tell what this block is" in results[1][0]
    assert (cwd / "plans" / "x.plan").read_text() == 'plan "X" {\n}\n'
    assert "unknown keyword 'acount'" in results[4][0]


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("doc", DOCS, ids=[doc.relative_to(REPO).as_posix() for doc in DOCS])
def test_every_link_in_the_doc_leads_to_a_file_of_the_repository(doc: Path) -> None:
    """Item 11: no doc cites a file the repository does not have (a design document kept elsewhere)."""
    text = doc.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(text):
        if "://" in target or target.startswith("#") or target.startswith("mailto:"):
            continue
        path = (doc.parent / target.split("#", 1)[0]).resolve()
        if not path.exists() or REPO not in path.parents:
            broken.append(target)
    broken += re.findall(r"`(\.\./shared/[^`]+)`", text)
    assert not broken, f"{doc.relative_to(REPO)} links to files that are not in the repository: {broken}"
