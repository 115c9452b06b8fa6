"""The built-in rule pack: the account-planning method, one module per theme.

It registers through the very hooks a third-party plugin uses
(:mod:`planlint.hookspecs`), so it doubles as the reference plugin.
"""

from __future__ import annotations

from pathlib import Path

from planlint.hookspecs import hookimpl
from planlint.packs import load_rules_from_toml
from planlint.rule import Category, Rule

from . import actions, cadence, crm, crm_people, crm_pipeline, focus, form, objectives, orgchart, people, portfolio, research, risks, tracking, velocity

CATEGORIES = [
    Category("research", "Research", 2.0, "The Three Cs, business drivers, sources and open questions."),
    Category("people", "People and influence", 1.5, "Stakeholders, buying roles and relationship owners."),
    Category("focus", "Focus", 1.0, "Plan units, white space and the quadrant inputs."),
    Category("objectives", "Objectives", 2.0, "Measurable objectives that serve the customer's goals."),
    Category("actions", "Actions", 1.5, "Strategies broken into owned, dated actions."),
    Category("cadence", "Cadence", 1.0, "A review rhythm, kept."),
    Category("velocity", "Velocity", 0.5, "Revenue targets the pipeline can yield."),
    Category("form", "Form, not tool", 2.0, "Placeholders, boilerplate, pasted and one-word text.", axis="substance"),
    Category("portfolio", "Portfolio", 1.0, "A-quadrant accounts with full plans."),
    # Only with --crm (absent otherwise); completeness, no pillar: docs/crm.md, "In the verdict".
    Category("crm", "Against the CRM", 1.0, "The plan held against the CRM exports given with --crm (docs/crm.md).",
             axis="completeness"),
]

MODULES = (research, people, orgchart, focus, objectives, tracking, actions, risks, cadence, velocity, form, portfolio, crm, crm_people, crm_pipeline)


@hookimpl
def planlint_categories() -> list[Category]:
    return list(CATEGORIES)


# Rules simple enough to be declarative live in TOML, in the same format as a
# company's own pack (docs/custom-rules.md); the rest need Python.
TOML_PACKS = tuple(sorted(Path(__file__).parent.glob("*.toml")))


@hookimpl
def planlint_rules() -> list[Rule]:
    declarative = [
        rule
        for path in TOML_PACKS
        for rule in load_rules_from_toml(path, [category.name for category in CATEGORIES], pack_name="builtin")
    ]
    return [*(rule for module in MODULES for rule in module.RULES), *declarative]
