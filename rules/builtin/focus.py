"""Focus: the plan units in scope, the white space, and an objective for each opportunity.

Methodology points 5 and 6. A plan for "all of Acme" is a plan for nobody:
it names the divisions in scope, where we could add value but sell nothing yet
(white space), and gives each unit the objective its opportunities call for:
a revenue objective where there are current opportunities, a
business-development objective where there are potential ones.
"""

from __future__ import annotations

from typing import Iterable

from planlint.model import Objective, ObjectiveCategory, Unit
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.text import is_real_name, is_whole_account
from .real import real_objectives

_UNIT = '  unit "Manufacturing" {\n    current "ERP consolidation"\n    potential "Analytics"\n    white_space "Field service"\n  }\n'
_REVENUE = (
    '  objective revenue "Win the ERP consolidation" {\n    unit "Manufacturing"\n    target $500k by 2027-06-30\n  }\n'
)
_BD = '  objective business_development "Qualify analytics in Manufacturing" {\n    unit "Manufacturing"\n    target 2 opportunities by 2027-03-31\n  }\n'


def real_units(ctx: CheckContext) -> list[Unit]:
    """Units that are units: not placeholders, not "All divisions"."""
    return [unit for unit in ctx.plan.units if is_real_name(unit.name) and not is_whole_account(unit.name)]


def serves(objective: Objective, unit: Unit) -> bool:
    """Whether an objective is for a unit: `unit "Name"` in it, or the unit named in its title."""
    name = unit.name.strip().lower()
    if objective.unit is not None:
        return any(named.strip().lower() == name for named in objective.unit_names())
    return name in objective.name.lower()


def has_objective(ctx: CheckContext, unit: Unit, category: ObjectiveCategory) -> bool:
    return any(o.category == category and serves(o, unit) for o in real_objectives(ctx))


class PlanUnits(Rule):
    info = RuleInfo(
        code="PL171",
        name="plan-units",
        category="focus",
        severity=Severity.warning,
        weight=2.0,
        message="the plan names no unit (division or business unit) in scope",
        why="Large customers buy division by division. Naming the units in scope is what lets the plan say where "
        "revenue comes from and where the white space is.",
        fix="Add `unit \"Division\" { current \"...\" potential \"...\" white_space \"...\" }` for each unit in scope.",
        quadrants=("A", "B", "C"),  # a D account is left to marketing: no focus expected
        methodology=(5,),
        failing=('plan "Acme" {\n  account "Acme Corp"\n}\n', 'plan "Acme" {\n  unit "All divisions" {\n    current "Renewal"\n  }\n}\n'),
        passing=('plan "Acme" {\n' + _UNIT + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        if real_units(ctx):
            yield passed(ctx.plan.span)
        elif ctx.plan.units:
            yield failed(ctx.plan.span, "no real unit: name the divisions in scope, not \"All divisions\" or a placeholder")
        else:
            yield failed(ctx.plan.span, self.info.message)


class WhiteSpace(Rule):
    info = RuleInfo(
        code="PL172",
        name="white-space",
        category="focus",
        severity=Severity.warning,
        weight=2.0,
        message="no white space identified in any unit",
        why="White space (where our solutions could add value but we sell nothing yet) is where future revenue "
        "comes from; a plan without it only defends what it has.",
        fix="Add `white_space \"Solution\"` to the units where we could sell and do not.",
        quadrants=("A", "B"),  # protecting revenue (C) or leaving it to marketing (D) needs no white space
        methodology=(5,),
        failing=('plan "Acme" {\n  unit "Manufacturing" {\n    current "ERP consolidation"\n  }\n}\n',),
        passing=('plan "Acme" {\n' + _UNIT + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        found = any(is_real_name(t.text) for unit in real_units(ctx) for t in unit.white_space)
        yield passed(ctx.plan.span) if found else failed(ctx.plan.span, self.info.message)


class UnitRevenueObjective(Rule):
    info = RuleInfo(
        code="PL173",
        name="unit-revenue-objective",
        category="focus",
        severity=Severity.warning,
        weight=2.0,
        message="a unit with current opportunities has no revenue objective",
        why="Current opportunities are revenue within reach; without a revenue objective for the unit nobody "
        "commits to closing them.",
        fix="Add `objective revenue \"...\" { unit \"Unit name\" target $... by DATE ... }` for the unit.",
        quadrants=("A", "B", "C"),  # a D account is left to marketing: no focus expected
        methodology=(5, 6),
        failing=('plan "Acme" {\n' + _UNIT + "}\n",),
        passing=('plan "Acme" {\n' + _UNIT + _REVENUE + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for unit in real_units(ctx):
            if not any(is_real_name(t.text) for t in unit.current):
                continue
            if has_objective(ctx, unit, ObjectiveCategory.revenue):
                yield passed(unit.span)
            else:
                yield failed(unit.span, f"unit '{unit.name}' has current opportunities but no revenue objective")


class UnitBusinessDevelopmentObjective(Rule):
    info = RuleInfo(
        code="PL174",
        name="unit-bd-objective",
        category="focus",
        severity=Severity.warning,
        weight=1.5,
        message="a unit with potential opportunities has no business-development objective",
        why="Potential opportunities turn into pipeline only when someone sets out to qualify them, in the short term.",
        fix="Add `objective business_development \"Qualify ...\" { unit \"Unit name\" target N opportunities by DATE ... }`.",
        quadrants=("A", "B"),  # protecting revenue (C) or leaving it to marketing (D) needs no new territory
        methodology=(5, 6),
        failing=('plan "Acme" {\n' + _UNIT + _REVENUE + "}\n",),
        passing=('plan "Acme" {\n' + _UNIT + _REVENUE + _BD + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for unit in real_units(ctx):
            if not any(is_real_name(t.text) for t in unit.potential):
                continue
            if has_objective(ctx, unit, ObjectiveCategory.business_development):
                yield passed(unit.span)
            else:
                yield failed(unit.span, f"unit '{unit.name}' has potential opportunities but no business-development objective")


class RevenueHorizon(Rule):
    info = RuleInfo(
        code="PL175",
        name="revenue-horizon",
        category="focus",
        severity=Severity.warning,
        weight=1.0,
        message="a future revenue amount says not by when",
        quadrants=("A", "B", "C"),  # a D account is left to marketing: no focus expected
        why="'Future revenue $4M' places the account in a quadrant, but $4M next year and $4M over five years are "
        "different accounts. Once a plan describes its revenue by kind (recurring, one_off, new_business, "
        "renewal, expansion) or gives any horizon, each future amount needs its own `by DATE`.",
        fix="Add the horizon to the future figure: `future $3.5M recurring by 2029-06-30`.",
        methodology=(9,),
        failing=('plan "Acme" {\n  revenue current $1.2M recurring, future $3.5M new_business\n}\n',),
        passing=('plan "Acme" {\n  revenue current $1.2M recurring, future $3.5M new_business by 2029-06-30\n}\n',),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        figures = [f for f in (ctx.plan.current_revenue, ctx.plan.future_revenue) if f is not None]
        figures += [part for figure in list(figures) for part in figure.parts]
        if not any(f.kinds or f.horizon for f in figures):
            return  # the plain `future $3.5M` of plans that describe no revenue kind is judged as it always was
        future = ctx.plan.future_revenue
        for figure in (future.parts or [future]) if future else []:
            if figure.amount is None:
                continue
            if figure.horizon is not None:
                yield passed(figure.span)
            else:
                yield failed(figure.span, f"the future revenue {figure.amount.text} has no horizon: add `by DATE`")


RULES: list[Rule] = [PlanUnits(), WhiteSpace(), UnitRevenueObjective(), UnitBusinessDevelopmentObjective(), RevenueHorizon()]
