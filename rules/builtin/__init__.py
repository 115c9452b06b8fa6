"""The built-in rule pack: the account-planning method, one module per theme.

It registers through the very hooks a third-party plugin uses
(:mod:`planlint.hookspecs`), so it doubles as the reference plugin.
"""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rule import Category, Rule

from . import actions, cadence, focus, form, objectives, people, portfolio, research, velocity

CATEGORIES = [
    Category("research", "Research", 2.0, "The Three Cs, business drivers, sources and open questions."),
    Category("people", "People and influence", 1.5, "Stakeholders, buying roles and relationship owners."),
    Category("focus", "Focus", 1.0, "Plan units, white space and the quadrant inputs."),
    Category("objectives", "Objectives", 2.0, "Measurable objectives that serve the customer's goals."),
    Category("actions", "Actions", 1.5, "Strategies broken into owned, dated actions."),
    Category("cadence", "Cadence", 1.0, "A review rhythm, kept."),
    Category("velocity", "Velocity", 0.5, "Revenue targets the pipeline can yield."),
    Category("form", "Form, not tool", 2.0, "Placeholders, boilerplate, pasted and one-word text."),
    Category("portfolio", "Portfolio", 1.0, "A-quadrant accounts with full plans."),
]

MODULES = (research, people, focus, objectives, actions, cadence, velocity, form, portfolio)


@hookimpl
def planlint_categories() -> list[Category]:
    return list(CATEGORIES)


@hookimpl
def planlint_rules() -> list[Rule]:
    return [rule for module in MODULES for rule in module.RULES]
