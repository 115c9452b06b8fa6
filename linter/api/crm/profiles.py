"""Which column holds which field, for the CRM exports planlint knows by name.

A profile maps planlint's field names to an export's exact headers. The
built-in ones are documented in docs/crm.md; any other CRM names its own
headers in ``[tool.planlint.crm.columns]``. A profile is picked by
configuration (``profile = "hubspot-deals"``) or, when none is named, by
the first built-in one whose required headers are all in the file.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple, Optional


class Profile(NamedTuple):
    name: str
    kind: str  # "opportunities", "contacts" or "contact-roles"
    columns: Mapping[str, str]  # field -> header
    required: tuple[str, ...]
    closed_stages: tuple[str, ...] = ()  # stage names that mean closed, where the export has no Closed column
    won_stages: tuple[str, ...] = ()


OPPORTUNITY_FIELDS = ("account", "name", "stage", "amount", "close", "probability", "created", "closed", "won",
                      "last_activity", "currency")
CONTACT_FIELDS = ("account", "first_name", "last_name", "name", "title", "email", "last_activity")
ROLE_FIELDS = ("account", "opportunity", "first_name", "last_name", "name", "role", "title")

SALESFORCE_OPPORTUNITIES = Profile(
    "salesforce-opportunities", "opportunities",
    {"account": "Account Name", "name": "Opportunity Name", "stage": "Stage", "amount": "Amount",
     "close": "Close Date", "probability": "Probability (%)", "created": "Created Date", "closed": "Closed",
     "won": "Won", "last_activity": "Last Activity", "currency": "Opportunity Currency"},
    required=("account", "name", "stage", "amount", "close"),
    closed_stages=("Closed Won", "Closed Lost"), won_stages=("Closed Won",))
HUBSPOT_DEALS = Profile(
    "hubspot-deals", "opportunities",
    {"account": "Associated Company", "name": "Deal Name", "stage": "Deal Stage", "amount": "Amount",
     "close": "Close Date", "created": "Create Date", "pipeline": "Pipeline"},
    required=("account", "name", "stage", "amount", "close"),
    closed_stages=("Closed Won", "Closed Lost", "closedwon", "closedlost"), won_stages=("Closed Won", "closedwon"))
SALESFORCE_CONTACTS = Profile(
    "salesforce-contacts", "contacts",
    {"account": "Account Name", "first_name": "First Name", "last_name": "Last Name", "title": "Title",
     "email": "Email", "last_activity": "Last Activity"},
    required=("account", "first_name", "last_name"))

SALESFORCE_CONTACT_ROLES = Profile(
    "salesforce-contact-roles", "contact-roles",
    {"account": "Account Name", "opportunity": "Opportunity Name", "first_name": "First Name",
     "last_name": "Last Name", "role": "Role", "title": "Title"},
    required=("account", "first_name", "last_name", "role"))

PROFILES: dict[str, Profile] = {p.name: p for p in (SALESFORCE_OPPORTUNITIES, HUBSPOT_DEALS, SALESFORCE_CONTACTS,
                                                    SALESFORCE_CONTACT_ROLES)}

# The CRM's words for a deal's stage and a contact's role, in the plan's (planlint.vocabulary.Stage and Role),
# compared case and spacing aside. Salesforce's default sales process and contact roles, HubSpot's default
# pipeline (labels and internal names); [tool.planlint.crm.stages] and .roles add to them or replace an entry.
STAGES = {
    "prospecting": "lead", "appointment scheduled": "lead", "appointmentscheduled": "lead",
    "qualification": "qualified", "needs analysis": "qualified", "value proposition": "qualified",
    "id. decision makers": "qualified", "perception analysis": "qualified", "qualified to buy": "qualified",
    "qualifiedtobuy": "qualified", "presentation scheduled": "qualified", "presentationscheduled": "qualified",
    "proposal/price quote": "proposal", "decision maker bought-in": "proposal", "decisionmakerboughtin": "proposal",
    "negotiation/review": "negotiation", "contract sent": "commit", "contractsent": "commit",
    "closed won": "won", "closedwon": "won", "closed lost": "lost", "closedlost": "lost",
}
ROLES = {
    "economic buyer": "economic_buyer", "economic decision maker": "economic_buyer", "decision maker": "decision_maker",
    "executive sponsor": "sponsor", "technical buyer": "technical_buyer", "influencer": "influencer",
    "evaluator": "influencer", "business user": "user", "champion": "champion", "gatekeeper": "gatekeeper",
}


PLAN_STAGES = ("lead", "qualified", "proposal", "negotiation", "commit", "won", "lost")  # a CRM may use the plan's own
STAGES.update((stage, stage) for stage in PLAN_STAGES)


def _word(text: str) -> str:
    return " ".join(text.lower().split())


def plan_stage(stage: str, closed: bool, won: bool, configured: Mapping[str, str]) -> Optional[str]:
    """The CRM stage in the plan's words: closed deals are ``won`` or ``lost`` whatever the stage is called."""
    if closed:
        return "won" if won else "lost"
    mapping = {**STAGES, **{_word(k): v for k, v in configured.items()}}
    return mapping.get(_word(stage))


def plan_role(role: str, configured: Mapping[str, str]) -> Optional[str]:
    """The CRM contact role in the plan's words, or None when it has none (``Other``, an unknown role)."""
    mapping = {**ROLES, **{_word(k): v for k, v in configured.items()}}
    return mapping.get(_word(role))


def custom_profile(kind: str, columns: Mapping[str, str], closed_stages: tuple[str, ...] = (),
                   won_stages: tuple[str, ...] = ()) -> Profile:
    """A profile from the configuration's column mapping (``account``, ``name``, ... -> header)."""
    required = {"opportunities": ("account", "name", "stage", "amount", "close"), "contacts": ("account",),
                "contact-roles": ("account", "role")}[kind]
    return Profile("custom", kind, dict(columns), required, closed_stages or SALESFORCE_OPPORTUNITIES.closed_stages,
                   won_stages or SALESFORCE_OPPORTUNITIES.won_stages)


def detect(kind: str, headers: list[str], named: Optional[str] = None) -> Optional[Profile]:
    """The named profile, else the first built-in profile of ``kind`` whose required headers the file has."""
    if named:
        return PROFILES.get(named)
    present = set(headers)
    for profile in PROFILES.values():
        if profile.kind == kind and all(profile.columns[field] in present for field in profile.required):
            return profile
    return None
