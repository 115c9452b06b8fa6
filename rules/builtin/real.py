"""The parts of a plan that are real: objectives and actions that are not placeholders.

Rules that grade a property of a thing (has an owner, has a date, is in the
period) skip things that are placeholders themselves: ``action "TBD" owner
"Jane" due 2027-06-30`` is not an owned, dated action, it is a blank box with
an owner. Skipping it (rather than passing it) keeps a long form from earning
points for its filler; PL901 reports the placeholder itself.

Both lists are worked out once per plan and shared by every rule that asks
(:meth:`CheckContext.memo`): some rules ask once per unit or per objective,
which would make a large plan's check grow with the square of its size.
"""

from __future__ import annotations

from planlint.model import Action, Objective, Plan
from planlint.rule import CheckContext

from planlint.api.text import placeholder


def real_objectives(ctx: CheckContext) -> list[Objective]:
    return ctx.memo("real_objectives", _real_objectives)


def real_actions(ctx: CheckContext) -> list[Action]:
    return ctx.memo("real_actions", lambda plan: [
        action for objective in real_objectives(ctx) for action in objective.actions() if placeholder(action.text) is None
    ])


def _real_objectives(plan: Plan) -> list[Objective]:
    """Objectives whose name and metric are not placeholders: a template's sample objective is not one."""
    return [objective for objective in plan.objectives
            if placeholder(objective.name) is None and (objective.metric is None or placeholder(objective.metric) is None)]
