"""The plan's people held against the CRM's (issue 20): the contacts export and the opportunity contact roles.

Two directions, two rules: a stakeholder the CRM does not know (PL704), and
a buyer the CRM knows whom the plan does not map (PL705). The third question
about people, "when were they last spoken to", is the last-contact rule's
(PL157): the contacts export's last activities reach it through
:func:`planlint.api.contacts.last_contacts`, not through a rule here.
"""

from __future__ import annotations

from typing import Iterable

from planlint.api.crm import BUYING_ROLES, CrmAccount, crm_account, crm_data
from planlint.api.text import is_real_name, name_key
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from .crm import CATEGORY, EXAMPLE_OPPORTUNITIES, account_shown

EXAMPLE_CONTACTS = ("Account Name,First Name,Last Name,Title,Last Activity\n"
                    "On Time Co,Mary,Chen,CFO,2027-02-20\n")
EXAMPLE_ROLES = ("Account Name,Opportunity Name,First Name,Last Name,Role\n"
                 "On Time Co,ERP renewal,Mary,Chen,Economic Buyer\n"
                 "On Time Co,ERP renewal,David,Park,Business User\n"
                 "Late Co,ERP renewal,Tom,Hart,Decision Maker\n")
_MARY = 'stakeholder "Mary Chen" {\n  role economic_buyer\n}'


def known_people(account: CrmAccount) -> set[str]:
    """Everyone the CRM knows at the account: its contacts and the people of its contact roles, by name key."""
    return {name_key(person.name) for person in [*account.contacts, *account.roles]}


class StakeholderInContacts(Rule):
    info = RuleInfo(
        code="PL704",
        name="crm-stakeholder-contact",
        category=CATEGORY,
        severity=Severity.info,
        weight=1.0,
        message="a stakeholder is not in the CRM's contacts for the account",
        why="A stakeholder the CRM does not know is one nobody logs activity with: the relationship lives in one "
        "person's head, and the plan cannot be checked against what the team actually does.",
        fix="Add the person as a contact of the account in the CRM (or correct the name in the plan), then re-export.",
        methodology=(4,),
        failing=('account "On Time Co"\nstakeholder "David Hart" {\n  role decision_maker\n}',),
        passing=(f'account "On Time Co"\n{_MARY}',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES, "contacts": EXAMPLE_CONTACTS},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data = crm_data(ctx)
        if data is None or (data.contacts_path is None and data.roles_path is None):
            return
        account = crm_account(ctx)
        known = known_people(account) if account else set()
        where = " or ".join(path for path in (data.contacts_path, data.roles_path) if path)
        for stakeholder in ctx.plan.stakeholders:
            if not is_real_name(stakeholder.name):
                continue  # a placeholder is PL901's finding, not a missing contact
            if name_key(stakeholder.name) in known:
                yield passed(stakeholder.span)
            else:
                yield failed(stakeholder.span, f"stakeholder {stakeholder.name!r} is not a contact of "
                             f"{account_shown(ctx.plan, account)!r} in {where}")


class BuyerInPlan(Rule):
    info = RuleInfo(
        code="PL705",
        name="crm-buyer-in-plan",
        category=CATEGORY,
        severity=Severity.warning,
        weight=1.5,
        message="a contact the CRM gives a buying role (economic buyer, decision maker) is not a stakeholder in the plan",
        why="The opportunity contact roles say who signs and who decides. A plan that does not map them is "
        "planning around the people who will say yes: their priorities, stance and our relationship with them "
        "are exactly what the plan must know. Only roles on deals the opportunities export does not show as "
        "closed count; the contact role export's Role column is read in the plan's words (docs/crm.md).",
        fix="Map the person as a `stakeholder \"Name\" { role economic_buyer ... }`, or correct the contact role "
        "in the CRM.",
        methodology=(4,),
        failing=('account "Late Co"\nstakeholder "Anna Lee" {\n  role champion\n}',),
        passing=(f'account "On Time Co"\n{_MARY}',),
        crm={"opportunities": EXAMPLE_OPPORTUNITIES, "contact-roles": EXAMPLE_ROLES},
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        data = crm_data(ctx)
        account = crm_account(ctx)
        if data is None or data.roles_path is None or account is None:
            return
        closed = {name_key(o.name) for o in account.opportunities if o.closed}
        mapped = {name_key(s.name) for s in ctx.plan.stakeholders}
        where = ctx.plan.account_span or ctx.plan.span
        seen: set[str] = set()
        for role in account.roles:
            key = name_key(role.name)
            if role.plan_role not in BUYING_ROLES or name_key(role.opportunity) in closed or key in seen:
                continue
            seen.add(key)
            if key in mapped:
                yield passed(where)
            else:
                deal = f" on {role.opportunity!r}" if role.opportunity else ""
                yield failed(where, f"{data.roles_path}:{role.line}: {role.name!r} is the {role.role}{deal} in the "
                             f"CRM but not a stakeholder in the plan")


RULES = [StakeholderInContacts(), BuyerInPlan()]
