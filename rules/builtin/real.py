"""The parts of a plan that are real: objectives and actions that are not placeholders.

Rules that grade a property of a thing (has an owner, has a date, is in the
period) skip things that are placeholders themselves: ``action "TBD" owner
"Jane" due 2027-06-30`` is not an owned, dated action, it is a blank box with
an owner. Skipping it (rather than passing it) keeps a long form from earning
points for its filler; PL901 reports the placeholder itself.
"""

from __future__ import annotations

from planlint.model import Action, Objective, Plan

from .formtext import placeholder


def real_objectives(plan: Plan) -> list[Objective]:
    return [objective for objective in plan.objectives if placeholder(objective.name) is None]


def real_actions(plan: Plan) -> list[Action]:
    return [action for objective in real_objectives(plan) for action in objective.actions() if placeholder(action.text) is None]
