"""MED102 economic-buyer: each revenue objective names the person who signs.

Declarative rules can check that *a* stakeholder is the economic buyer; this
rule needs to join two parts of the plan (the objective's ``with "Name"``
people and the stakeholder map's roles), which is what Python plugins are for.
"""

from __future__ import annotations

from typing import Iterable

from planlint.model import ObjectiveCategory, Role
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

_PLAN = '''plan "Acme" {
  stakeholder "Mary Chen" { title "CFO" role economic_buyer }
  stakeholder "Tom Li" { title "IT manager" role user }
  objective revenue "Win the ERP consolidation" {
    target $500k by 2027-06-30
    with "%s"
  }
}
'''


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class EconomicBuyerNamed(Rule):
    info = RuleInfo(
        code="MED102",
        name="economic-buyer",
        category="meddpicc",
        severity=Severity.warning,
        weight=3.0,
        message="revenue objective does not name its economic buyer",
        why="The economic buyer releases the money. A revenue objective that does not say who that is "
        "has not been qualified; it is a hope.",
        fix='Add `with "Name"` to the objective, naming a stakeholder whose `role` is `economic_buyer`.',
        methodology=(4, 6),
        passing=(_PLAN % "Mary Chen",),
        failing=(_PLAN % "Tom Li",),
        pack="meddpicc",
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        buyers = {_key(s.name) for s in ctx.plan.stakeholders if s.role == Role.economic_buyer}
        for objective in ctx.plan.objectives:
            if objective.category != ObjectiveCategory.revenue:
                continue
            named = {_key(person.text) for person in objective.people}
            if named & buyers:
                yield passed(objective.span)
            elif not buyers:
                yield failed(objective.span, f"revenue objective '{objective.name}': no stakeholder has role economic_buyer")
            else:
                yield failed(objective.span, f"revenue objective '{objective.name}' does not name the economic buyer "
                             f"(with \"{sorted(s.name for s in ctx.plan.stakeholders if s.role == Role.economic_buyer)[0]}\")")
