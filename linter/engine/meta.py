"""Findings planlint raises about the run itself rather than about the plan.

Syntax errors (PL001-PL003) and crashed rules (PL000) come from reading and
running; suppression problems (PL010-PL012) from ``# planlint:`` comments;
PL013 from the baseline's score ratchet. They are not rules (they have no items
and never change a score), but reports such as SARIF must describe every code
they emit, ``ignore`` may silence the suppression ones, and `planlint rules`
lists and `planlint explain PL001` explains them like any rule, so each has a
:class:`RuleInfo` here: the one home of these codes (the parser's own
PL001-PL003 constants are named here, not repeated).
"""

from __future__ import annotations

from typing import Iterable, Optional

from ..api.rule import RuleInfo, Severity
from ..language import diagnostics


def _meta(code: str, name: str, category: str, severity: Severity, message: str, why: str, fix: str,
          failing: tuple[str, ...] = (), passing: tuple[str, ...] = ()) -> RuleInfo:
    return RuleInfo(code=code, name=name, category=category, severity=severity, weight=0.0,
                    message=message, why=why, fix=fix, pack="planlint", failing=failing, passing=passing)


INTERNAL_ERROR = _meta(
    "PL000", "internal-error", "internal", Severity.error, "a rule crashed",
    "A rule raised an exception; the other rules still ran.", "Report the crash to the rule pack's authors.")
SYNTAX_ERROR = _meta(
    diagnostics.SYNTAX_ERROR, "syntax-error", "syntax", Severity.error, "the plan cannot be read",
    "A plan that cannot be read cannot be checked: it gets no score, and the run fails.",
    "Fix the text at the line and column shown; the message names the keyword it expected.",
    failing=('plan "Acme" {\n  objectve revenue "Win the ERP deal" { }\n}\n',),
    passing=('plan "Acme" {\n  objective revenue "Win the ERP deal" { }\n}\n',))
INVALID_VALUE = _meta(
    diagnostics.INVALID_VALUE, "invalid-value", "syntax", Severity.error, "a value is not valid",
    "A date, amount or keyword that does not exist cannot be checked.", "Write the value as the message suggests.",
    failing=('plan "Acme" {\n  cadence fortnightly\n}\n',), passing=('plan "Acme" {\n  cadence biweekly\n}\n',))
UNREADABLE_FILE = _meta(
    diagnostics.UNREADABLE_FILE, "unreadable-file", "syntax", Severity.error, "the file cannot be read",
    "planlint could not open the file or decode it as UTF-8 text.", "Save the plan as UTF-8 text.")
SUPPRESSION_WITHOUT_REASON = _meta(
    "PL010", "suppression-without-reason", "suppressions", Severity.error,
    "suppression without a reason",
    "A suppression hides a gap in the plan. Without a reason, the next reader cannot tell a "
    "deliberate exception from a hidden problem, so a suppression without one does not take effect.",
    "Write the reason after ` -- `: `# planlint: ignore[PL102] -- sole-source contract, no competitor`.")
UNUSED_SUPPRESSION = _meta(
    "PL011", "unused-suppression", "suppressions", Severity.warning,
    "suppression matches no finding",
    "A suppression that matches nothing is noise at best, and at worst it will silently hide "
    "a future problem the writer never meant to excuse.",
    "Remove the suppression, or the codes in it that match nothing.")
INVALID_SUPPRESSION = _meta(
    "PL012", "invalid-suppression", "suppressions", Severity.error,
    "suppression comment cannot be understood",
    "A `# planlint:` comment that is misspelt or names no known rule does nothing, which the "
    "writer certainly did not mean.",
    "Write `# planlint: ignore[CODE] -- reason` (or ignore-block, ignore-file) with known rule codes or names.")
SCORE_BELOW_BASELINE = _meta(
    "PL013", "score-below-baseline", "baseline", Severity.error,
    "score dropped below the baseline",
    "With a baseline, plans may only get better: the score recorded in the baseline is the floor.",
    "Fix the new findings (see above), or, if the drop is deliberate, rewrite the baseline with --write-baseline.")
CRM_ROW = _meta(
    "PL014", "crm-row", "crm", Severity.warning, "a row of a CRM export cannot be read",
    "A row of the --crm or --contacts export that cannot be read is left out of the CRM rules; the rest of the "
    "export is still used and the run goes on.",
    "Correct the row in the CRM (or the export's settings in [tool.planlint.crm], such as date-format) and re-export.")

META_RULES: tuple[RuleInfo, ...] = (
    INTERNAL_ERROR, SYNTAX_ERROR, INVALID_VALUE, UNREADABLE_FILE,
    SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION, INVALID_SUPPRESSION, SCORE_BELOW_BASELINE, CRM_ROW,
)
BY_CODE: dict[str, RuleInfo] = {info.code: info for info in META_RULES}


def with_meta_rules(infos: Iterable[RuleInfo]) -> list[RuleInfo]:
    """``infos`` and the meta rules, by code: every code a run can print, as `planlint rules` lists them."""
    return sorted([*META_RULES, *infos], key=lambda info: info.code)


def find_rule(code_or_name: str, infos: Iterable[RuleInfo]) -> Optional[RuleInfo]:
    """The rule named by code or name (any case) among ``infos`` and the meta rules, or None."""
    wanted = code_or_name.strip().lower()
    return next((info for info in with_meta_rules(infos) if wanted in (info.code.lower(), info.name.lower())), None)
