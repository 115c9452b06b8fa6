"""The package's imports flow one way: no cycles, and the engine never imports a rule pack.

Every ``import`` in ``linter/`` and ``rules/`` counts, including those inside
functions: an import moved into a function to dodge a cycle still makes one
(only ``if TYPE_CHECKING:`` blocks, which never run, are left out). The
folders of ``linter/`` are layers read top to bottom, text to output, and
each imports only from the layers above it or its own.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"linter": "planlint", "rules": "planlint.rules"}

# linter/'s parts in the order of the pipeline; the public re-export modules
# (planlint.rule, .hookspecs, .packs) sit with the api they re-export.
LAYERS = ("planlint", "planlint.model", "planlint.language", "planlint.api", "planlint.rule", "planlint.hookspecs",
          "planlint.packs", "planlint.config", "planlint.engine", "planlint.output", "planlint.server", "planlint.cli",
          "planlint.__main__")


def module_name(path: Path) -> str:
    folder = path.relative_to(ROOT).parts[0]
    parts = [*FOLDERS[folder].split("."), *path.relative_to(ROOT / folder).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for folder in FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))}


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (child for orelse in node.orelse for child in [orelse, *_runtime_nodes(orelse)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The planlint modules ``name`` imports, anywhere at run time (``from . import x`` counts as module x)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            targets = [f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in known and target != name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def layer(name: str) -> int:
    return max(i for i, prefix in enumerate(LAYERS) if name == prefix or name.startswith(prefix + "."))


def test_there_is_no_import_cycle() -> None:
    found = cycles(graph())
    assert found == [], "import cycles (an import inside a function still counts):\n" + "\n".join(
        " <-> ".join(group) for group in found)


def test_the_engine_never_imports_a_rule_pack() -> None:
    offenders = sorted(f"{name} imports {target}" for name, targets in graph().items()
                       if not name.startswith("planlint.rules") for target in targets if target.startswith("planlint.rules"))
    assert offenders == []


def test_each_part_imports_only_from_the_parts_above_it() -> None:
    offenders = sorted(f"{name} imports {target}" for name, targets in graph().items()
                       if not name.startswith("planlint.rules")
                       for target in targets if layer(target) > layer(name))
    assert offenders == []


def test_the_walk_sees_imports_inside_functions() -> None:
    """The engine reads plans lazily; the walk must still see that import, or it could miss a cycle."""
    assert "planlint.language.parser" in graph()["planlint.engine.linter"]
