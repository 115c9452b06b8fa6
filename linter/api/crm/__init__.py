"""CRM exports held against the plans (issue 20): read them, match their accounts, hand them to the ``crm`` rules.

Rules read the run's exports through :func:`crm_account`; without ``--crm``
there is no data, and the engine leaves the ``crm`` category out entirely,
so a plan's score without an export is exactly what it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping, Optional

from ..text import name_key
from .reader import (EXPORT_KINDS, CrmAccount, CrmContact, CrmData, CrmError, CrmOpportunity, ReadOptions,
                     RowProblem, exports_digest, read_exports, read_texts)

if TYPE_CHECKING:
    from ..rule import CheckContext
    from ...model import Plan

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


def crm_data(ctx: "CheckContext") -> Optional[CrmData]:
    return ctx.options.get(CRM_OPTION)


def crm_account(ctx: "CheckContext") -> Optional[CrmAccount]:
    """The exports' record of the plan's account (None when the exports never name it)."""
    data = crm_data(ctx)
    return data.account(plan_account_key(ctx.plan)) if data is not None else None


__all__ = ["EXPORT_KINDS", "CRM_CATEGORY", "CRM_OPTION", "CrmAccount", "CrmContact", "CrmData", "CrmError", "CrmOpportunity",
           "ReadOptions", "RowProblem", "crm_account", "crm_data", "exports_digest", "plan_account_key",
           "read_exports", "read_texts", "wanted_accounts"]
