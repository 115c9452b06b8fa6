"""The built-in rule pack.

It registers through the very hooks a third-party plugin uses
(:mod:`planlint.hookspecs`), so it doubles as the reference plugin.
"""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rule import Category, Rule

from . import actions, form, objectives, research

CATEGORIES = [
    Category("research", "Research (customer, competitor, company)", 1.5, "Research for insight: the Three Cs."),
    Category("objectives", "Objectives", 1.5, "Measurable objectives that serve the customer's goals."),
    Category("actions", "Actions", 1.0, "Owned, dated actions that make objectives happen."),
    Category("form", "Form, not tool", 1.0, "Placeholders, boilerplate and pasted text."),
]


@hookimpl
def planlint_categories() -> list[Category]:
    return list(CATEGORIES)


@hookimpl
def planlint_rules() -> list[Rule]:
    return [*research.RULES, *objectives.RULES, *actions.RULES, *form.RULES]
