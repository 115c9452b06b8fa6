"""The org chart: who reports to whom, who was contacted lately, and the parties who are not buyers.

Methodology point 4. A people map is a map when it says who reports to whom
and when each key person was last spoken to; a list of names with titles is
not. Parties (a works council, a regulator, a partner) have a say without
buying, so they need an owner on our team like any key stakeholder.

Last contacts come from :func:`planlint.api.contacts.last_contacts`: the plan's
own `last_contact DATE`, or a data source (a CRM contacts export) beside it.
A plan that records no contact at all is not judged on contacts, so the rule
starts to apply the day a plan, or its data source, starts recording them.
"""

from __future__ import annotations

from typing import Iterable

from planlint.api.contacts import contact_of, last_contacts
from planlint.model import CADENCE_DAYS, Level
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.examples import example_text as plan
from planlint.api.text import is_real_name, name_key
from .cadence import DEFAULT_CADENCE  # the rhythm a plan with no cadence is held to, as PL402
from planlint.api.roles import is_key
from .people import real_stakeholders


_MARY = 'stakeholder "Mary Chen" {\n  title "CFO"\n  role economic_buyer\n  influence high\n  last_contact 2027-02-10\n}'
_TOM = 'stakeholder "Tom Hart" {\n  title "CIO"\n  role decision_maker\n  influence high\n  reports_to "Mary Chen"\n}'


class KeyContactRecent(Rule):
    info = RuleInfo(
        code="PL157",
        name="key-contact-recent",
        category="people",
        severity=Severity.warning,
        weight=1.5,
        message="a key stakeholder has not been contacted within the plan's cadence",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        why="Deciders, sponsors and high-influence people not spoken to for longer than the plan's own review "
        "rhythm are drifting away; the competitor who saw them last week is not. Judged against `--as-of DATE`; "
        "a plan with no cadence is held to quarterly. The rule applies once the plan (or a contacts export "
        "beside it) records any `last_contact`.",
        fix="Meet the person, then update `last_contact DATE` on the stakeholder (or refresh the contacts export).",
        methodology=(4, 7),
        failing=(plan("cadence monthly", _MARY.replace("2027-02-10", "2026-10-01")),
                 plan("cadence monthly", _MARY, _TOM)),
        passing=(plan("cadence monthly", _MARY),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        contacts = last_contacts(ctx.plan, ctx.options)
        if not contacts:
            return
        cadence = ctx.plan.cadence or DEFAULT_CADENCE
        allowed = CADENCE_DAYS[cadence]
        key_people = [p for p in real_stakeholders(ctx) if is_key(p)]
        key_people += [p for p in ctx.plan.parties if p.influence == Level.high and is_real_name(p.name)]
        for person in key_people:
            contact = contact_of(contacts, person.name)
            if contact is None:
                yield failed(person.span, f"no contact with '{person.name}' is recorded: add `last_contact DATE`")
                continue
            age = (ctx.as_of - contact.date).days
            where = contact.span or person.span
            if age <= allowed:
                yield passed(where)
            else:
                origin = "" if contact.source == "plan" else f" ({contact.source})"
                yield failed(where, f"'{person.name}' was last contacted {contact.date.isoformat()}{origin}, {age} days "
                             f"before {ctx.as_of.isoformat()}; a {cadence.value} cadence allows {allowed}")


class ReportsToKnown(Rule):
    info = RuleInfo(
        code="PL158",
        name="reports-to-known",
        category="people",
        severity=Severity.warning,
        weight=1.0,
        message="a stakeholder reports to someone the plan does not map",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        why="`reports_to` draws the org chart; a line to a person who is not mapped ends nowhere, and that "
        "manager's role, influence and stance are the ones the deal may turn on.",
        fix="Map the manager as a `stakeholder \"Name\" { ... }`, or correct the name to match the stakeholder meant.",
        methodology=(4,),
        failing=(plan(_TOM),),
        passing=(plan(_MARY, _TOM),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        mapped = {name_key(p.name) for p in ctx.plan.stakeholders}
        for person in real_stakeholders(ctx):
            manager = person.reports_to
            if not is_real_name(manager):
                continue
            assert manager is not None
            where = person.reports_to_span or person.span
            if name_key(manager) == name_key(person.name):
                yield failed(where, f"'{person.name}' is said to report to themselves")
            elif name_key(manager) in mapped:
                yield passed(where)
            else:
                yield failed(where, f"'{person.name}' reports to '{manager}', who is not a mapped stakeholder")


class PartyOwned(Rule):
    info = RuleInfo(
        code="PL159",
        name="party-owner",
        category="people",
        severity=Severity.warning,
        weight=1.0,
        message="a party with influence on the deal has no owner on our team or no stance",
        quadrants=("A", "B", "C"),  # a D account needs no stakeholder map
        why="A works council, a regulator or a partner can stop a deal they do not buy. One of high or medium "
        "influence needs someone on our team who looks after it, and a view of which side it is on.",
        fix="Give the party `owner \"Name\"` (the plan owner or someone on `team`) and `stance supporter|neutral|opponent|unknown`.",
        methodology=(4,),
        failing=(plan('party works_council "Nurses\' council" {\n  influence high\n}'),),
        passing=(plan('party works_council "Nurses\' council" {\n  influence high\n  stance neutral\n  owner "Jane Doe"\n}'),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        team = ctx.plan.people()
        for party in ctx.plan.parties:
            if not is_real_name(party.name) or party.influence == Level.low:
                continue
            missing = []
            if not is_real_name(party.owner):
                missing.append("no owner")
            elif party.owner not in team:
                missing.append(f"an owner ('{party.owner}') who is not on the plan's team")
            if party.stance is None:
                missing.append("no stance")
            if missing:
                yield failed(party.span, f"party '{party.name}' has {' and '.join(missing)}")
            else:
                yield passed(party.span)


RULES: list[Rule] = [KeyContactRecent(), ReportsToKnown(), PartyOwned()]
