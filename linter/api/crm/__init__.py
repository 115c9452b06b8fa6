"""CRM exports held against the plans (issue 20): read them, match their accounts, hand them to the ``crm`` rules.

Rules read the run's exports through :func:`crm_account`; without ``--crm``
there is no data, and the engine leaves the ``crm`` category out entirely,
so a plan's score without an export is exactly what it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

from ..contacts import CONTACTS_OPTION
from ..text import name_key
from .records import (BUYING_ROLES, EXPORT_KINDS, CrmAccount, CrmContact, CrmData, CrmError, CrmOpportunity, CrmRole,
                      ReadOptions, RowProblem)

if TYPE_CHECKING:
    from ..rule import CheckContext
    from ...model import Plan
    from .reader import exports_digest, read_exports, read_texts

_READER = ("exports_digest", "read_exports", "read_texts")


def __getattr__(name: str) -> Any:
    """The export reader (``csv``, the column profiles, the cell parsers) is imported on first use (PEP 562).

    Every check imports this package (the ``crm`` rules are built in), but only
    a run given ``--crm`` reads an export (tests/test_lazy_imports.py).
    """
    if name in _READER:
        from . import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

CRM_CATEGORY = "crm"
CRM_OPTION = "crm"  # CheckContext.options key holding the run's CrmData


def plan_account_key(plan: "Plan") -> str:
    """The key a plan's account is matched by: its ``account``, else its name."""
    return name_key(plan.account or plan.name)


def wanted_accounts(accounts: Iterable[str], aliases: Mapping[str, list[str]]) -> dict[str, str]:
    """Export name key -> plan account key, for the plans' accounts and their configured aliases."""
    keys = {name_key(a) for a in accounts}
    wanted = {key: key for key in keys}
    for account, names in aliases.items():
        target = name_key(account)
        if target in keys:
            wanted.update((name_key(alias), target) for alias in names)
    return wanted


def crm_options(data: CrmData, plan: "Plan") -> dict[str, Any]:
    """What a plan's check is given besides the plan: the exports, and the contacts export's last activities.

    The last activities feed :func:`planlint.api.contacts.last_contacts` (the one home of "when was this person
    last contacted"), each citing its row, so the last-contact rule needs no second, CRM-only twin.
    """
    options: dict[str, Any] = {CRM_OPTION: data}
    account = data.account(plan_account_key(plan))
    if account is not None and data.contacts_path is not None:
        options[CONTACTS_OPTION] = {
            contact.name: (contact.last_activity, f"{data.contacts_path}:{contact.line}")
            for contact in sorted(account.contacts, key=lambda c: (c.last_activity is None, c.last_activity))
            if contact.last_activity is not None}
    return options


def crm_data(ctx: "CheckContext") -> Optional[CrmData]:
    return ctx.options.get(CRM_OPTION)


def crm_account(ctx: "CheckContext") -> Optional[CrmAccount]:
    """The exports' record of the plan's account (None when the exports never name it)."""
    data = crm_data(ctx)
    return data.account(plan_account_key(ctx.plan)) if data is not None else None


__all__ = ["BUYING_ROLES", "EXPORT_KINDS", "CRM_CATEGORY", "CRM_OPTION", "CrmAccount", "CrmContact", "CrmData",
           "CrmError", "CrmOpportunity", "CrmRole", "ReadOptions", "RowProblem", "crm_account", "crm_data",
           "crm_options", "exports_digest", "plan_account_key", "read_exports", "read_texts", "wanted_accounts"]
