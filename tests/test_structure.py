"""Small units: no module over 400 lines and no function over 60, in ``linter/``, ``rules/`` and ``plugins/``.

A long module does several jobs and a long function several steps; both are
where a reader gets lost and a change breaks something two screens away
(issue 14, item 6). A function's length runs from its ``def`` line to its last
line, docstring included; a method counts on its own, as does a function
nested in another (the outer one counts the inner one's lines too).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("linter", "rules", "plugins")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def sources() -> Iterator[Path]:
    for folder in FOLDERS:
        yield from sorted((ROOT / folder).rglob("*.py"))


def long_functions(path: Path, root: Path = ROOT) -> Iterator[str]:
    """``path:line name (N lines)`` for each function or method in ``path`` over the limit, ``path`` shown from ``root``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)"


def test_the_walk_finds_the_package_the_rules_and_the_example_plugin() -> None:
    found = {path.relative_to(ROOT).as_posix() for path in sources()}
    assert {"linter/engine/linter.py", "rules/builtin/actions.py"} <= found
    assert any(name.startswith("plugins/planlint-meddpicc/") for name in found)


def test_no_module_is_over_400_lines() -> None:
    long = [f"{path.relative_to(ROOT)} ({lines} lines)" for path in sources()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, f"split these modules into ones with one job each (at most {MAX_MODULE_LINES} lines): {long}"


def test_no_function_is_over_60_lines() -> None:
    long = [found for path in sources() for found in long_functions(path)]
    assert not long, f"split these functions into well-named steps (at most {MAX_FUNCTION_LINES} lines): {long}"


def test_the_limit_is_measured_from_def_to_the_last_line(tmp_path: Path) -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES - 1))
    fits, too_long = tmp_path / "fits.py", tmp_path / "too_long.py"
    fits.write_text(f"def fits():\n{body}", encoding="utf-8")
    too_long.write_text(f"def too_long():\n{body}    return 0\n", encoding="utf-8")
    measured = [finding.split(" ", 1)[1] for path in (fits, too_long)
                for finding in long_functions(path, tmp_path)]
    assert measured == [f"too_long ({MAX_FUNCTION_LINES + 1} lines)"]

