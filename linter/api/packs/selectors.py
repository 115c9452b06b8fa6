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
from ..real import real_actions, real_objectives
from ..text import placeholder


@dataclass(frozen=True)
class Selector:
    """A kind of item: its model type, how to gather them from a plan, how to name one in a message."""

    name: str
    item_type: type
    describe: str
    kind: str  # "objective": how a message names one
    gather: Callable[[model.Plan], list[Any]]
    attribute: str = "name"  # the field that names an item ("text" for an action)
    screened: bool = False  # gather already leaves the placeholders out (planlint.api.real)

    def select(self, plan: model.Plan) -> list[Any]:
        """The items of ``plan``, those that are placeholders themselves left out (the plan itself is always one)."""
        items, attribute = self.gather(plan), self.attribute
        if self.kind == "plan" or self.screened:
            return items
        return [item for item in items  # _text inlined: this runs once per item of every rule
                if placeholder(name if type(name := getattr(item, attribute, "")) is str else str(name or "")) is None]

    def name_of(self, item: Any) -> str:
        """The item's name (an action's text), '' if it has none."""
        return _text(getattr(item, self.attribute, ""))

    def label_of(self, item: Any) -> str:
        """"objective 'Win the ERP deal'", or the kind alone for an item with no name."""
        name = self.name_of(item)
        return f"{self.kind} '{name}'" if name else self.kind


def _text(value: Any) -> str:
    return value if type(value) is str else str(value or "")


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


def _objectives_of(category: model.ObjectiveCategory | None) -> Callable[[model.Plan], list[model.Objective]]:
    def select(plan: model.Plan) -> list[model.Objective]:
        return [o for o in real_objectives(plan) if category is None or o.category == category]

    return select


def _build() -> dict[str, Selector]:
    selectors = [
        Selector("plan", model.Plan, "the plan itself (one item)", "plan", lambda plan: [plan]),
        Selector("objectives", model.Objective, "every objective", "objective", _objectives_of(None), screened=True),
        Selector("strategies", model.Strategy, "every strategy under every objective", "strategy",
                 lambda plan: [s for o in real_objectives(plan) for s in o.strategies]),
        Selector("actions", model.Action, "every action", "action",
                 lambda plan: real_actions(real_objectives(plan)), "text", screened=True),
        Selector("stakeholders", model.Stakeholder, "every stakeholder", "stakeholder", lambda plan: list(plan.stakeholders)),
        Selector("competitors", model.Competitor, "every competitor in the research", "competitor",
                 lambda plan: list(plan.research.competitors) if plan.research else []),
        Selector("units", model.Unit, "every plan unit (division, business unit)", "unit", lambda plan: list(plan.units)),
        Selector("statements", model.Statement, "every research line: customer, competitors, company", "research line",
                 _all_statements, "text"),
        Selector("questions", model.Question, "every open question in the customer research", "question",
                 _customer_list("questions"), "text"),
    ]
    for kind, attribute in [("fact", "facts"), ("goal", "goals"), ("pressure", "pressures"),
                            ("initiative", "initiatives"), ("obstacle", "obstacles")]:
        selectors.append(Selector(attribute, model.Statement, f"every customer {kind} in the research", kind,
                                  _customer_list(attribute), "text"))
    for category in model.ObjectiveCategory:
        selectors.append(
            Selector(f"{category.value}_objectives", model.Objective, f"every {category.value.replace('_', ' ')} objective",
                     "objective", _objectives_of(category), screened=True)
        )
    return {selector.name: selector for selector in selectors}


SELECTORS: dict[str, Selector] = _build()
