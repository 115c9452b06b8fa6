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
from typing import TYPE_CHECKING, Any, Iterable, Optional

from ... import private_cache
from ...reading import read_input
from ..hookspecs import hookimpl
from ..rule import Category, Rule
from . import compiled

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    """The pack format (``tomllib``, its pydantic models, the problem reports) is imported on first use (PEP 562).

    Every run loads the built-in pack through :func:`load_rules_from_toml`,
    which is served from the private cache once the pack has loaded
    (:mod:`.compiled`); only a miss, ``--pack`` or ``planlint test-rules``
    need the rest (tests/test_lazy_imports.py).
    """
    if name in ("Pack", "load_pack"):
        from . import loader as home
    elif name in ("PackError", "PackProblem"):
        from . import problems as home
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(home, name)


def load_rules_from_toml(path: str | Path, categories: Iterable[str] = (), pack_name: Optional[str] = None) -> list[Rule]:
    """The rules of a TOML pack, for a plugin that ships some of its rules as TOML.

    ``categories`` are the category names the plugin defines in Python, so
    the pack may use them; ``pack_name`` overrides the pack's own name as the
    rules' ``pack``. Raises :class:`PackError` when the file has any problem.
    A pack that loaded before with these very bytes is built from its plain
    form in the private cache (:mod:`.compiled`): the same rules, without
    reading the TOML or validating it again.
    """
    shown, names = str(path), list(categories)
    folder = private_cache.private_folder()
    if folder is not None:
        try:
            data: Optional[bytes] = read_input(shown)
        except OSError:  # missing or refused: the full load below says so, as a PackError
            data = None
        rules = compiled.cached_rules(folder, shown, data, names, pack_name) if data is not None else None
        if rules is not None:
            return list(rules)
    from .loader import load_pack_plain

    pack, plains, text = load_pack_plain(path, names, pack_name)
    if folder is not None:
        compiled.keep(folder, shown, text.encode("utf-8"), names, pack_name, plains)
    return list(pack.rules)
