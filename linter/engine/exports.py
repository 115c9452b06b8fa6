"""The run's CRM exports: where they are, which accounts to keep, and their unreadable rows as a result.

The reader (:mod:`planlint.api.crm`) keeps only the accounts it is told to;
this module tells it: the accounts of the plans being checked (their
``account``, else their name) and their configured aliases. The rows it could
not read come back as one result of kind ``export`` per run, placed before
the plans, so JSON and SARIF carry them with their file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Optional

from ..api.crm import CrmData, ReadOptions, plan_account_key, wanted_accounts
from ..config.settings import CrmSettings
from ..language.diagnostics import PlanSyntaxError
from ..model import Plan, Span
from .findings import finding_at, finding_order
from .linter import display_path
from .meta import CRM_ROW
from .results import FileResult


def plan_accounts(paths: Iterable[Path]) -> set[str]:
    """The account key of each readable plan among ``paths`` (portfolios and broken files have none)."""
    from ..language.parser import parse_file

    keys = set()
    for path in paths:
        try:
            document = parse_file(path).document
        except PlanSyntaxError:
            continue
        if isinstance(document, Plan):
            keys.add(plan_account_key(document))
    return keys


def export_paths(given: Mapping[str, Optional[str]], settings: CrmSettings, root: Path) -> dict[str, Path]:
    """The exports of a run, by kind: those given on the command line (``--crm`` and the others, which need it),
    else those of ``[crm]`` in the configuration, relative to its file. Empty without an opportunities export."""
    if given.get("opportunities"):
        return {kind: Path(path) for kind, path in given.items() if path}
    configured = {"opportunities": settings.opportunities, "contacts": settings.contacts,
                  "contact-roles": settings.contact_roles}
    if not settings.opportunities:
        return {}
    return {kind: root / path for kind, path in configured.items() if path}


def load_crm(exports: Mapping[str, Path], settings: CrmSettings, plans: Iterable[Path]) -> CrmData:
    """Read the exports (kind -> path), keeping the accounts of ``plans``; raises :class:`planlint.api.crm.CrmError`."""
    from ..api.crm import read_exports  # the reader only loads in a run with exports (planlint.api.crm.__getattr__)

    options = ReadOptions(profile=settings.profile, contacts_profile=settings.contacts_profile,
                          columns=settings.columns, contact_columns=settings.contact_columns,
                          role_columns=settings.role_columns, date_format=settings.date_format,
                          encoding=settings.encoding, closed_stages=tuple(settings.closed_stages),
                          won_stages=tuple(settings.won_stages),
                          stages={k: v.value for k, v in settings.stages.items()},
                          roles={k: v.value for k, v in settings.roles.items()})
    wanted = wanted_accounts(plan_accounts(plans), settings.aliases)
    shown = {path: display_path(path) for path in exports.values()}
    return read_exports(exports, wanted, options, shown, settings.tolerance, settings.amount_tolerance)


def export_results(data: CrmData) -> list[FileResult]:
    """One result per export with unreadable rows: a finding at each row's line with the reason."""
    results = []
    for path in sorted({problem.path for problem in data.problems}):
        findings = [finding_at(CRM_ROW, Span(line=p.line, column=1, end_line=p.line, end_column=1), p.message)
                    for p in data.problems if p.path == path]
        findings.sort(key=finding_order)
        results.append(FileResult(path=path, kind="export", score=None, band="", findings=findings))
    return results
