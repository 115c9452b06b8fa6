"""The report's plan against the CRM: the pipeline side by side, and the findings that compare the two.

The report's scores, trends and change figures stay those of the plan alone
(its linter has no export), so a trend read from git history, where no old
export exists, compares like with like: the CRM is a section of its own. The
figures come from the one home of each side's arithmetic
(:mod:`planlint.api.velocity` for the plan, :mod:`planlint.api.crm.metrics`
for the CRM); the mismatches are the crm rules' findings, and the last-contact
findings that cite the contacts export, from a second check of the plan with
the exports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Optional

from ...api.crm import CRM_CATEGORY, CrmData, plan_account_key
from ...api.crm.metrics import CrmPipeline, crm_pipeline, crm_velocity
from ...api.velocity import VelocityCheck, money, stated_or_derived, velocity_check
from ...engine.documents import lint_document
from ...engine.linter import Linter
from ...engine.results import Finding
from ...model import Plan, PlanFile
from .model import CrmComparison, CrmFigure


def crm_comparison(plan: Plan, planfile: PlanFile, shown: str, linter: Linter, data: CrmData,
                   day: dt.date) -> CrmComparison:
    """The plan (as ``linter`` checks it) against ``data``: its figures beside the CRM's, and the mismatches."""
    with_crm = dataclasses.replace(linter, crm=data)
    result = lint_document(with_crm, planfile, shown)
    crm_codes = {rule.info.code for rule in with_crm.rules if rule.info.category == CRM_CATEGORY}
    contacts = data.contacts_path or "\0"
    mismatches = [f for f in result.findings if f.suppressed is None
                  and (f.code in crm_codes or (f.code == "PL157" and f"({contacts}:" in f.message))]
    account = data.account(plan_account_key(plan))
    _, average = stated_or_derived(plan)
    crm = crm_pipeline(account, day, average.currency if average else None) if account else None
    return CrmComparison(source=data.opportunities_path, account=account.name if account else "",
                         figures=figures(plan, crm), mismatches=mismatches)


def crm_findings(file: object) -> list[Finding]:
    """The findings a plan's section lists against the CRM (with --crm), which the page's list of rules also links."""
    crm = getattr(file, "crm", None)
    return list(crm.mismatches) if crm is not None else []


def figures(plan: Plan, crm: Optional[CrmPipeline]) -> list[CrmFigure]:
    """Open deals, pipeline, average value, win rate, cycle and target coverage: the plan's and the CRM's."""
    deals, average = stated_or_derived(plan)
    pipeline = plan.pipeline
    currency = average.currency if average else (crm.currency if crm else None) or "USD"
    plan_check, crm_check = velocity_check(plan), (crm_velocity(plan, crm) if crm else None)
    rows = [
        ("open deals", "" if deals is None else str(deals), str(crm.open_count) if crm else "0"),
        ("pipeline", money(deals * average.amount, currency) if deals is not None and average else "",
         money(sum(crm.amounts), currency) if crm and crm.amounts else ""),
        ("average deal value", money(average.amount, average.currency) if average else "",
         f"{money(crm.average, currency)} ({crm.average_arithmetic()})" if crm and crm.average is not None else ""),
        ("win rate", f"{pipeline.win_rate.value:g}%" if pipeline and pipeline.win_rate else "",
         f"{crm.win_rate:.0f}% ({crm.win_rate_arithmetic()})" if crm and crm.win_rate is not None else ""),
        ("sales cycle", f"{pipeline.cycle_days} days" if pipeline and pipeline.cycle_days else "",
         f"{crm.cycle_days} days ({crm.cycle_arithmetic()})" if crm and crm.cycle_days is not None else ""),
        ("target coverage", coverage(plan_check), coverage(crm_check)),
    ]
    return [CrmFigure(figure=figure, plan=ours, crm=theirs) for figure, ours, theirs in rows]


def coverage(check: Optional[VelocityCheck]) -> str:
    """What share of the revenue targets the pipeline yields over the plan period, with the two amounts."""
    if check is None or not check.target:
        return ""
    return (f"{check.capacity / check.target * 100:.0f}% ({money(check.capacity, check.currency)} of "
            f"{money(check.target, check.currency)})")
