"""What the reader keeps of a CRM export: one record per matched account, and the rows it could not read.

Kept apart from the reading (:mod:`.reader`) because the rules, the report
and the engine all read these records; only the engine reads files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, NamedTuple, Optional

EXPORT_KINDS = ("opportunities", "contacts", "contact-roles")  # in reading order
BUYING_ROLES = ("economic_buyer", "decision_maker")  # the roles a plan must map (PL705)


class CrmError(Exception):
    """An export that cannot be used at all (missing, unknown columns): the run stops with this message."""


class RowProblem(NamedTuple):
    path: str
    line: int
    message: str


@dataclass
class CrmOpportunity:
    name: str
    stage: str  # as the CRM writes it
    amount: Optional[float]
    currency: Optional[str]
    close: Optional[dt.date]
    probability: Optional[float]
    created: Optional[dt.date]
    closed: bool
    won: bool
    line: int
    plan_stage: Optional[str] = None  # the stage in the plan's words (planlint.vocabulary.Stage), when mapped


@dataclass
class CrmContact:
    name: str
    title: str
    last_activity: Optional[dt.date]
    line: int


@dataclass
class CrmRole:
    """One row of an opportunity contact role export: a person's part in one deal."""

    name: str
    role: str  # as the CRM writes it
    plan_role: Optional[str]  # in the plan's words (planlint.vocabulary.Role), None when the CRM's has no match
    opportunity: str
    line: int


@dataclass
class CrmAccount:
    """What the exports say about one account a plan names."""

    name: str
    opportunities: list[CrmOpportunity] = field(default_factory=list)
    contacts: list[CrmContact] = field(default_factory=list)
    roles: list[CrmRole] = field(default_factory=list)

    def open_opportunities(self) -> list[CrmOpportunity]:
        return [o for o in self.opportunities if not o.closed]


@dataclass(frozen=True)
class ReadOptions:
    """How to read the exports: from ``[tool.planlint.crm]`` (see :class:`planlint.config.settings.CrmSettings`)."""

    profile: Optional[str] = None
    contacts_profile: Optional[str] = None
    columns: Mapping[str, str] = field(default_factory=dict)
    contact_columns: Mapping[str, str] = field(default_factory=dict)
    role_columns: Mapping[str, str] = field(default_factory=dict)
    date_format: Optional[str] = None
    encoding: str = "utf-8-sig"
    closed_stages: tuple[str, ...] = ()
    won_stages: tuple[str, ...] = ()
    stages: Mapping[str, str] = field(default_factory=dict)  # CRM stage -> plan stage, beside the built-in ones
    roles: Mapping[str, str] = field(default_factory=dict)  # CRM contact role -> plan role, beside the built-in ones


@dataclass
class CrmData:
    """The matched accounts of one run's exports, the rows that could not be read, and the exports' digest.

    ``sources`` names each export given, by kind (``opportunities``, ``contacts``, ``contact-roles``), as findings
    cite it; ``tolerance`` is the percent a plan's pipeline figure may differ from the CRM's (``[crm] tolerance``).
    """

    accounts: dict[str, CrmAccount]
    problems: list[RowProblem]
    digest: str
    sources: dict[str, str]
    rows: int = 0
    tolerance: float = 20.0
    amount_tolerance: float = 5.0  # percent a named deal's amount may differ from the CRM's (PL706)

    def account(self, key: str) -> Optional[CrmAccount]:
        return self.accounts.get(key)

    @property
    def opportunities_path(self) -> str:
        return self.sources.get("opportunities", "opportunities.csv")

    @property
    def contacts_path(self) -> Optional[str]:
        return self.sources.get("contacts")

    @property
    def roles_path(self) -> Optional[str]:
        return self.sources.get("contact-roles")
