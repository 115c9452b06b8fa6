"""Item selectors: *which* things in a plan a pack rule looks at.

Each selector names a kind of item (``objectives``, ``actions``, ...), the
model type of those items (so field paths can be checked at load time) and
how to list them with a label for messages ("objective 'Win the ERP deal'").
Each item is scored on its own, which is what gives a rule partial credit.

Items that are placeholders themselves (``action "TBD"``, an objective named
``{{objective}}``, and the actions under it) are not selected: grading a
blank box for having an owner would let a long form earn points for its
filler. The built-in rule PL901 reports the placeholder itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ... import model
from ..real import real_objectives
from .values import is_placeholder


@dataclass(frozen=True)
class Selected:
    """One item and how to name it in a message."""

    item: Any
    label: str
    name: str


@dataclass(frozen=True)
class Selector:
    name: str
    item_type: type
    describe: str
    select: Callable[[model.Plan], list[Selected]]


def _named(kind: str, items: list[Any], attribute: str = "name") -> list[Selected]:
    out = []
    for item in items:
        name = str(getattr(item, attribute, "") or "")
        if kind != "plan" and is_placeholder(name):
            continue
        out.append(Selected(item, f"{kind} '{name}'" if name else kind, name))
    return out


def _customer(plan: model.Plan) -> model.CustomerResearch | None:
    return plan.research.customer if plan.research else None


def _customer_list(attribute: str) -> Callable[[model.Plan], list[Any]]:
    def select(plan: model.Plan) -> list[Any]:
        customer = _customer(plan)
        return list(getattr(customer, attribute)) if customer else []

    return select


def _all_statements(plan: model.Plan) -> list[model.Statement]:
    research = plan.research
    if research is None:
        return []
    lines: list[model.Statement] = list(research.customer.statements()) if research.customer else []
    for competitor in research.competitors:
        lines += [*competitor.strengths, *competitor.weaknesses, *competitor.facts]
    if research.company:
        lines += research.company.statements()
    return lines


def _objectives_of(category: model.ObjectiveCategory | None) -> Callable[[model.Plan], list[Selected]]:
    def select(plan: model.Plan) -> list[Selected]:
        chosen = [o for o in real_objectives(plan) if category is None or o.category == category]
        return _named("objective", chosen)

    return select


def _build() -> dict[str, Selector]:
    selectors = [
        Selector("plan", model.Plan, "the plan itself (one item)", lambda plan: _named("plan", [plan])),
        Selector("objectives", model.Objective, "every objective", _objectives_of(None)),
        Selector(
            "strategies", model.Strategy, "every strategy under every objective",
            lambda plan: _named("strategy", [s for o in real_objectives(plan) for s in o.strategies]),
        ),
        Selector(
            "actions", model.Action, "every action",
            lambda plan: _named("action", [a for o in real_objectives(plan) for a in o.actions()], "text"),
        ),
        Selector("stakeholders", model.Stakeholder, "every stakeholder", lambda plan: _named("stakeholder", plan.stakeholders)),
        Selector(
            "competitors", model.Competitor, "every competitor in the research",
            lambda plan: _named("competitor", plan.research.competitors if plan.research else []),
        ),
        Selector("units", model.Unit, "every plan unit (division, business unit)", lambda plan: _named("unit", plan.units)),
        Selector(
            "statements", model.Statement, "every research line: customer, competitors, company",
            lambda plan: _named("research line", _all_statements(plan), "text"),
        ),
        Selector(
            "questions", model.Question, "every open question in the customer research",
            lambda plan: _named("question", _customer_list("questions")(plan), "text"),
        ),
    ]
    for kind, attribute in [("fact", "facts"), ("goal", "goals"), ("pressure", "pressures"),
                            ("initiative", "initiatives"), ("obstacle", "obstacles")]:
        selectors.append(
            Selector(
                attribute, model.Statement, f"every customer {kind} in the research",
                lambda plan, a=attribute, k=kind: _named(k, _customer_list(a)(plan), "text"),
            )
        )
    for category in model.ObjectiveCategory:
        selectors.append(
            Selector(f"{category.value}_objectives", model.Objective, f"every {category.value.replace('_', ' ')} objective",
                     _objectives_of(category))
        )
    return {selector.name: selector for selector in selectors}


SELECTORS: dict[str, Selector] = _build()
