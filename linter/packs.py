"""``planlint.packs``: TOML rule packs at their stable public path (they live in :mod:`planlint.api.packs`).

A Python plugin that ships some rules as TOML calls :func:`load_rules_from_toml`
or :func:`load_pack`; see ``docs/plugins.md`` and ``docs/custom-rules.md``.
"""

from typing import TYPE_CHECKING, Any

from .api.packs import PackPlugin, load_rules_from_toml

if TYPE_CHECKING:
    from .api.packs import Pack, PackError, PackProblem, load_pack

__all__ = ["Pack", "PackError", "PackPlugin", "PackProblem", "load_pack", "load_rules_from_toml"]


def __getattr__(name: str) -> Any:
    """The pack format itself loads on first use (see :func:`planlint.api.packs.__getattr__`)."""
    if name in ("Pack", "PackError", "PackProblem", "load_pack"):
        from .api import packs

        return getattr(packs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
