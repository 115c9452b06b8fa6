"""People and influence: who decides, who sponsors us, and who on our side owns them.

Methodology point 4. Deals are decided by people; a plan that names no economic
buyer or champion, or whose key people have nobody on our team looking after
the relationship, is guessing. Stakeholders named ``TBD`` do not count.
"""

from __future__ import annotations

from typing import Iterable

from planlint.model import ObjectiveCategory, Stakeholder
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.roles import DECIDERS, SPONSORS
from planlint.api.text import is_real_name, name_key
from .real import real_objectives

_MARY = '  stakeholder "Mary Chen" {\n    title "CFO"\n    role economic_buyer\n    influence high\n    stance supporter\n    owner "Jane Doe"\n  }\n'
_TOM = '  stakeholder "Tom Hart" {\n    title "Head of IT"\n    role champion\n    influence medium\n    stance supporter\n    owner "Raj Patel"\n  }\n'
_ANA = '  stakeholder "Ana Ruiz" {\n    title "Plant manager"\n    role user\n    influence low\n    stance neutral\n  }\n'


def real_stakeholders(ctx: CheckContext) -> list[Stakeholder]:
    return [s for s in ctx.plan.stakeholders if is_real_name(s.name)]


class BuyingRoles(Rule):
    info = RuleInfo(
        code="PL152",
        name="buying-roles",
        category="people",
        severity=Severity.error,
        weight=3.0,
        message="no economic buyer or decision maker, or no champion or sponsor, among the stakeholders",
        why="Someone signs and someone sells for you when you are not in the room. Not knowing either is the most "
        "common reason forecast deals slip. Each of the two counts separately.",
        fix="Give stakeholders `role economic_buyer` (or `decision_maker`) and `role champion` (or `sponsor`); "
        "if you do not know who they are, add a question to find out.",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        methodology=(4,),
        failing=('plan "Acme" {\n' + _ANA + "}\n",),
        passing=('plan "Acme" {\n' + _MARY + _TOM + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        roles = {s.role for s in real_stakeholders(ctx)}
        span = ctx.plan.span
        yield passed(span) if roles & DECIDERS else failed(span, "no stakeholder is the economic buyer or decision maker")
        yield passed(span) if roles & SPONSORS else failed(span, "no stakeholder is a champion or sponsor")


class InfluenceAndStance(Rule):
    info = RuleInfo(
        code="PL153",
        name="stakeholder-profile",
        category="people",
        severity=Severity.warning,
        weight=2.0,
        message="a stakeholder lacks a title, role, influence or stance",
        why="A name alone says nothing about how to win: the map needs what each person does, how much they "
        "weigh in the decision and which side they are on.",
        fix="Give each stakeholder `title \"...\"`, `role ...`, `influence high|medium|low` and "
        "`stance supporter|neutral|opponent|unknown`.",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        methodology=(4,),
        failing=('plan "Acme" {\n  stakeholder "Mary Chen" {\n    title "CFO"\n  }\n}\n',),
        passing=('plan "Acme" {\n' + _MARY + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for person in real_stakeholders(ctx):
            missing = [
                field
                for field, value in (("title", person.title if is_real_name(person.title) else None), ("role", person.role),
                                     ("influence", person.influence), ("stance", person.stance))
                if value is None
            ]
            if missing:
                yield failed(person.span, f"stakeholder '{person.name}' has no {', '.join(missing)}")
            else:
                yield passed(person.span)


class RelationshipObjectivePerson(Rule):
    info = RuleInfo(
        code="PL155",
        name="relationship-objective-person",
        category="people",
        severity=Severity.warning,
        weight=1.5,
        message="a relationship objective names no stakeholder",
        why="A relationship is with a person. 'Improve relationships' with nobody named is the classic form entry.",
        fix="Add `with \"Name\"` to the relationship objective, naming a stakeholder mapped in the plan.",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        methodology=(4, 6),
        failing=(
            'plan "Acme" {\n  objective relationship "Build executive access" {\n    target 3 meetings by 2027-06-30\n  }\n}\n',
        ),
        passing=(
            'plan "Acme" {\n' + _MARY + '  objective relationship "Quarterly business review with the CFO" {\n'
            '    with "Mary Chen"\n    target 4 meetings by 2027-12-31\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        known = {s.name.strip().lower() for s in real_stakeholders(ctx)}
        for objective in real_objectives(ctx):
            if objective.category != ObjectiveCategory.relationship:
                continue
            named = [p.text for p in objective.people if is_real_name(p.text)]
            if not named:
                yield failed(objective.span, f"relationship objective '{objective.name}' names nobody (add `with \"Name\"`)")
            elif not any(name.strip().lower() in known for name in named):
                yield failed(objective.span, f"relationship objective '{objective.name}' names {', '.join(named)}, who is not a mapped stakeholder")
            else:
                yield passed(objective.span)


def named_people(ctx: CheckContext) -> set[str]:
    """Everyone the plan names as a person, case folded: stakeholders, our team, owners and whom to ask."""
    plan = ctx.plan
    names = [*(s.name for s in [*plan.stakeholders, *plan.parties]), *(s.owner for s in plan.stakeholders), *plan.people(),
             *(action.owner for action in plan.actions())]
    customer = plan.research.customer if plan.research else None
    names += [question.ask for question in customer.questions] if customer else []
    return {name_key(name) for name in names if name}


class WithKnownPerson(Rule):
    info = RuleInfo(
        code="PL156",
        name="with-known-person",
        category="people",
        severity=Severity.warning,
        weight=1.0,
        message="an objective is `with` someone named nowhere else in the plan",
        why="An objective worked with a person nobody has mapped is worked with a stranger: their role, influence "
        "and stance are unknown, and nobody on the team owns the relationship. Often it is a misspelt stakeholder.",
        fix="Map the person as a `stakeholder \"Name\" { ... }`, or correct the name to match the stakeholder it means.",
        methodology=(4,),
        failing=(
            'plan "Acme" {\n' + _MARY + '  objective revenue "Win the ERP consolidation" {\n'
            '    with "Bob Smith"\n    target $500k by 2027-06-30\n  }\n}\n',
        ),
        passing=(
            'plan "Acme" {\n' + _MARY + '  objective revenue "Win the ERP consolidation" {\n'
            '    with "Mary Chen"\n    target $500k by 2027-06-30\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        known = named_people(ctx)
        for objective in real_objectives(ctx):
            for person in objective.people:
                if not is_real_name(person.text):
                    continue  # a placeholder: PL901's finding
                if name_key(person.text) in known:
                    yield passed(person.span)
                else:
                    yield failed(person.span, f"objective '{objective.name}' is with '{person.text}', who is named nowhere "
                                 "else in the plan (not a stakeholder, an owner or on the team)")


RULES: list[Rule] = [BuyingRoles(), InfluenceAndStance(), RelationshipObjectivePerson(),
                     WithKnownPerson()]
