"""The parts of a plan that are real: objectives and actions that are not placeholders.

Rules that grade a property of a thing (has an owner, has a date, is in the
period) skip things that are placeholders themselves: ``action "TBD" owner
"Jane" due 2027-06-30`` is not an owned, dated action, it is a blank box with
an owner. Skipping it (rather than passing it) keeps a long form from earning
points for its filler; PL901 reports the placeholder itself. The one home of
"real objective": Python rules and TOML selectors (``objectives``,
``revenue_objectives``, ``actions``...) both ask here.
"""

from __future__ import annotations

from ..model import Action, Objective, Plan
from .text import placeholder


def real_objectives(plan: Plan) -> list[Objective]:
    """Objectives whose name and metric are not placeholders: a template's sample objective is not one."""
    return [objective for objective in plan.objectives
            if placeholder(objective.name) is None and (objective.metric is None or placeholder(objective.metric) is None)]


def real_actions(objectives: list[Objective]) -> list[Action]:
    """The actions of ``objectives`` (real ones) whose text is not a placeholder."""
    return [action for objective in objectives for action in objective.actions() if placeholder(action.text) is None]
