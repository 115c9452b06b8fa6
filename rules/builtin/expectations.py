"""How an account's quadrant changes what its plan is expected to hold.

Methodology point 9 says not every account deserves a full plan. A plan
places itself with ``revenue current ..., future ...`` (see
:func:`planlint.api.quadrants.plan_quadrant`); when it is linted through a
portfolio, the portfolio's placement wins (``ctx.options["quadrant"]``).

* **A** (high, high) and plans that do not place themselves: every rule.
* **B** (low current, high future: develop): a new account has few contacts
  and needs revenue and business-development objectives before account-wide
  ones, so the stakeholder count (PL151) and objective breadth (PL204) are
  not expected.
* **C** (high current, low future: protect): protecting revenue does not
  need white space or business-development objectives (PL172, PL174).
* **D** (low, low: leave to marketing): no full plan is expected; a plan
  that exists is judged on its research, objectives, actions and honesty
  only, so people, focus, cadence, objective breadth and velocity drop out.

A rule that is not expected yields no items, so it drops out of the score
instead of counting as a pass or a failure, and says so: the output lists it
as not applicable, with the quadrant as the reason.
"""

from __future__ import annotations

from typing import Optional

from planlint.api.quadrants import Thresholds, plan_quadrant
from planlint.rule import CheckContext

NOT_EXPECTED: dict[str, frozenset[str]] = {
    "A": frozenset(),
    "B": frozenset({"PL151", "PL204"}),
    "C": frozenset({"PL172", "PL174"}),
    "D": frozenset(
        {"PL151", "PL152", "PL153", "PL154", "PL155", "PL171", "PL172", "PL173", "PL174", "PL204", "PL401", "PL402", "PL501", "PL502"}
    ),
}


def quadrant_of(ctx: CheckContext) -> Optional[str]:
    """The plan's quadrant: the portfolio's placement if given, else the plan's own revenue line."""
    given = ctx.options.get("quadrant")
    if given in NOT_EXPECTED:
        return str(given)
    thresholds = Thresholds(
        high_current=float(ctx.options.get("high_current", Thresholds.high_current)),
        high_future=float(ctx.options.get("high_future", Thresholds.high_future)),
    )
    return plan_quadrant(ctx.plan, thresholds)


MEANINGS = {"B": "low current, high future revenue: develop", "C": "high current, low future revenue: protect",
            "D": "low current, low future revenue: leave to marketing"}


def expected(ctx: CheckContext, code: str) -> bool:
    """Whether the plan's quadrant expects what rule ``code`` checks.

    When it does not, the rule is recorded as skipped with the reason
    (:meth:`CheckContext.skip`), so the output lists it as not applicable.
    """
    letter = quadrant_of(ctx)
    if letter is None or code not in NOT_EXPECTED[letter]:
        return True
    ctx.skip(code, f"not expected of a {letter}-quadrant account ({MEANINGS[letter]})")
    return False
