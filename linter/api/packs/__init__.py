"""TOML rule packs: the first way to write a planlint rule, no programming needed.

* :func:`load_pack` reads and compiles a pack file (or raises :class:`PackError`).
* :func:`load_rules_from_toml` is what a Python plugin (the built-in pack
  included) calls to ship rules written in TOML.
* :func:`load_pack_plugin` turns a pack into a pluggy plugin for the registry,
  reporting problems instead of raising.

The format is described for authors in ``docs/custom-rules.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from ..hookspecs import hookimpl
from ..rule import Category, Rule
from .loader import Pack, load_pack
from .problems import PackError, PackProblem

__all__ = ["Pack", "PackError", "PackProblem", "PackPlugin", "load_pack", "load_pack_plugin", "load_rules_from_toml"]


class PackPlugin:
    """A loaded pack presented through the same hooks as any Python plugin."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.__name__ = f"pack:{pack.meta.name}"

    @hookimpl
    def planlint_categories(self) -> list[Category]:
        return list(self.pack.categories)

    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        return list(self.pack.rules)


def load_rules_from_toml(path: str | Path, categories: Iterable[str] = (), pack_name: Optional[str] = None) -> list[Rule]:
    """The rules of a TOML pack, for a plugin that ships some of its rules as TOML.

    ``categories`` are the category names the plugin defines in Python, so
    the pack may use them; ``pack_name`` overrides the pack's own name as the
    rules' ``pack``. Raises :class:`PackError` when the file has any problem.
    """
    return list(load_pack(path, categories, pack_name).rules)


def _known_categories() -> list[str]:
    """Categories a pack may use without defining them: the built-in pack's."""
    try:
        from ...rules.builtin import CATEGORIES
    except Exception:  # noqa: BLE001 - without the built-in pack, packs define their own categories
        return []
    return [category.name for category in CATEGORIES]


def load_pack_plugin(path: str, problems: list) -> Optional[PackPlugin]:
    """A plugin for the pack at ``path``, or None after appending its problems to ``problems``.

    ``problems`` receives :class:`planlint.api.registry.LoadProblem` entries marked
    fatal: a broken pack stops ``planlint check`` with exit code 2.
    """
    from ..registry import LoadProblem  # the registry imports this module lazily; keep the cycle one-way at import

    try:
        pack = load_pack(path, _known_categories())
    except PackError as error:
        for problem in error.problems:
            problems.append(LoadProblem(problem.where(), _without_where(problem), fatal=True))
        return None
    return PackPlugin(pack)


def _without_where(problem: PackProblem) -> str:
    text = str(problem)
    prefix = problem.where() + ": "
    return text[len(prefix):] if text.startswith(prefix) else text
