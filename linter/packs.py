"""``planlint.packs``: TOML rule packs at their stable public path (they live in :mod:`planlint.api.packs`).

A Python plugin that ships some rules as TOML calls :func:`load_rules_from_toml`
or :func:`load_pack`; see ``docs/plugins.md`` and ``docs/custom-rules.md``.
"""

from .api.packs import Pack, PackError, PackPlugin, PackProblem, load_pack, load_rules_from_toml

__all__ = ["Pack", "PackError", "PackPlugin", "PackProblem", "load_pack", "load_rules_from_toml"]
