"""TOML rule packs: the first way to write a planlint rule, no programming needed.

* :func:`load_pack` reads and compiles a pack file (or raises :class:`PackError`).
* :func:`load_rules_from_toml` is what a Python plugin (the built-in pack
  included) calls to ship rules written in TOML.
* :class:`PackPlugin` presents a loaded pack through the plugin hooks; the
  registry (:mod:`planlint.api.registry`) turns ``--pack`` files into these.

The format is described for authors in ``docs/custom-rules.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from ..hookspecs import hookimpl
from ..rule import Category, Rule
from .loader import Pack, load_pack
from .problems import PackError, PackProblem

__all__ = ["Pack", "PackError", "PackProblem", "PackPlugin", "load_pack", "load_rules_from_toml"]


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
