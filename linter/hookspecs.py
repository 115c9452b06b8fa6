"""``planlint.hookspecs``: the plugin hooks at their stable public path (they live in :mod:`planlint.api.hookspecs`).

A plugin marks its functions with :data:`hookimpl`; see ``docs/plugins.md``.
"""

from .api.hookspecs import PROJECT, hookimpl, hookspec, planlint_categories, planlint_rules

__all__ = ["PROJECT", "hookimpl", "hookspec", "planlint_categories", "planlint_rules"]
