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
    kind: str  # "opportunities" or "contacts"
    columns: Mapping[str, str]  # field -> header
    required: tuple[str, ...]
    closed_stages: tuple[str, ...] = ()  # stage names that mean closed, where the export has no Closed column
    won_stages: tuple[str, ...] = ()


OPPORTUNITY_FIELDS = ("account", "name", "stage", "amount", "close", "probability", "created", "closed", "won",
                      "last_activity", "currency")
CONTACT_FIELDS = ("account", "first_name", "last_name", "name", "title", "email", "last_activity")

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

PROFILES: dict[str, Profile] = {p.name: p for p in (SALESFORCE_OPPORTUNITIES, HUBSPOT_DEALS, SALESFORCE_CONTACTS)}


def custom_profile(kind: str, columns: Mapping[str, str], closed_stages: tuple[str, ...] = (),
                   won_stages: tuple[str, ...] = ()) -> Profile:
    """A profile from the configuration's column mapping (``account``, ``name``, ... -> header)."""
    required = ("account", "name", "stage", "amount", "close") if kind == "opportunities" else ("account",)
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
