"""The pluggy hook specifications: the whole plugin contract in one place.

A plugin (the built-in pack included) is a module or object with functions
marked ``@hookimpl`` whose names match the specs below. Third-party plugins
register through the ``planlint`` entry-point group.
"""

from __future__ import annotations

import pluggy

from .rule import Category, Rule

PROJECT = "planlint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def planlint_categories() -> list[Category]:  # type: ignore[empty-body]
    """Return the scoring categories this plugin defines (name, title, weight)."""


@hookspec
def planlint_rules() -> list[Rule]:  # type: ignore[empty-body]
    """Return the rules this plugin provides, as :class:`planlint.rule.Rule` objects."""
