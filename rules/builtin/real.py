"""The real objectives and actions of the plan being checked, worked out once per plan.

What "real" means lives in :mod:`planlint.api.real` (the TOML selectors ask
it too); this only shares the lists between the rules of one check
(:meth:`CheckContext.memo`): some rules ask once per unit or per objective,
which would make a large plan's check grow with the square of its size.
"""

from __future__ import annotations

from planlint.api import real
from planlint.model import Action, Objective
from planlint.rule import CheckContext


def real_objectives(ctx: CheckContext) -> list[Objective]:
    return ctx.memo("real_objectives", real.real_objectives)


def real_actions(ctx: CheckContext) -> list[Action]:
    return ctx.memo("real_actions", lambda plan: real.real_actions(real_objectives(ctx)))
