"""Three kinds of change a manager needs told apart: what an edit did, what time did, which findings came and went.

* **Edits** (:func:`change_from_git`, :func:`change_from_report`): the plan's
  text now against its previous version, *both judged as of the same day*, so
  the figure is what the edit did to the score and a file whose text did not
  change shows "no change" whatever the calendar did.
* **Decay** (:func:`decay_of`): the current text judged on the day of its last
  review (or last edit) and on the report's day: what got worse only because
  time passed (actions now overdue, the review now stale).
* **New and fixed findings** (:func:`finding_change`): by the baseline's
  fingerprint (:func:`planlint.engine.baseline.fingerprint`: rule and words,
  not line numbers or the numbers in a message), so moving a paragraph or a
  day passing is not progress and fixing one of three unowned actions is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ...engine.baseline import fingerprint
from ...engine.documents import lint_text
from ...engine.linter import Linter
from ...engine.results import FileResult, Finding
from .history import History, Version
from .model import Change, Decay, FindingChange, PlanEntry, TrendPoint

SUBJECT_SHOWN = 40  # characters of a commit subject shown beside its date
DECAY_REASONS = 3


@dataclass
class Scorer:
    """Lints a text as of a given day, remembering each result (a trend asks for the same version often)."""

    _linters: dict[tuple[int, dt.date], Linter] = field(default_factory=dict)
    _results: dict[tuple[int, str, dt.date], FileResult] = field(default_factory=dict)

    def result(self, base: Linter, text: str, shown: str, as_of: dt.date) -> FileResult:
        key = (id(base), text, as_of)
        if key not in self._results:
            linter = self._linters.get((id(base), as_of))
            if linter is None:
                linter = Linter(base.registry, base.settings, as_of=as_of)
                self._linters[(id(base), as_of)] = linter
            self._results[key] = lint_text(linter, text, shown)
        return self._results[key]

    def score(self, base: Linter, text: str, shown: str, as_of: dt.date) -> Optional[float]:
        """The version's score; None when that version cannot be read (it has no point on the trend)."""
        return self.result(base, text, shown, as_of).score if self.result(base, text, shown, as_of).parsed else None


def version_words(version: Version) -> str:
    """``2027-01-19 “Add the CFO briefing”``: a date and a subject, which a manager reads; a hash they do not."""
    subject = version.subject if len(version.subject) <= SUBJECT_SHOWN else version.subject[:SUBJECT_SHOWN - 1].rstrip() + "…"
    return f"{version.date.isoformat()} “{subject}”" if subject else version.date.isoformat()


def trend_of(history: Optional[History], linter: Linter, shown: str, current: Optional[float],
             scorer: Scorer, day: dt.date) -> list[TrendPoint]:
    """The plan's score at each version read from git, then now: every version judged as of ``day``."""
    if history is None:
        return []
    points = []
    for version in reversed(history.versions):
        score = scorer.score(linter, version.text, shown, day)
        if score is not None:
            points.append(TrendPoint(label=version.date.isoformat(), commit=version.short, subject=version.subject, score=score))
    return [*points, *([TrendPoint(label="now", score=current)] if current is not None else [])]


def base_version(history: History) -> Optional[Version]:
    """The version the current text is compared with: the last commit when there are uncommitted edits, else the one before."""
    if history.working_copy_changed:
        return history.versions[0] if history.versions else None
    return history.versions[1] if len(history.versions) >= 2 else None


def change_from_git(history: Optional[History], text: str, current: Optional[FileResult], linter: Linter, shown: str,
                    scorer: Scorer, day: dt.date, git_note: str) -> tuple[Change, Optional[FileResult]]:
    """The edit's effect and the base version's result (judged as of ``day`` too), for the new/fixed findings."""
    if history is None:
        return Change(basis=git_note, shared=True), None
    if current is None or not current.parsed:
        return Change(basis="cannot be read now"), None
    if not history.committed:
        return Change(basis="new: not committed yet"), None
    base = base_version(history)
    if base is None:
        return Change(basis="first version in git"), None
    before = scorer.result(linter, base.text, shown, day)
    if not before.parsed:
        return Change(basis=f"the version of {version_words(base)} cannot be read"), None
    edits = "uncommitted edits" if history.working_copy_changed else f"the edit of {version_words(history.versions[0])}"
    edited = base.text != text
    basis = f"{edits}, against {base.date.isoformat()}" if edited else f"same text as {version_words(base)}"
    return Change(delta=round(current.score - before.score, 1), basis=basis, previous=before.score, edited=edited), before


def change_from_report(previous: Optional[PlanEntry], previous_as_of: str, then: Optional[FileResult], digest: str) -> Change:
    """Against an earlier report: the current text judged as of that report's day, so the calendar is left out."""
    if then is None or not then.parsed or then.score is None:
        return Change(basis="cannot be read now")
    if previous is None or previous.score is None:
        return Change(basis=f"new since the report as of {previous_as_of}")
    edited = not previous.digest or previous.digest != digest
    basis = f"edits since the report as of {previous_as_of}" if edited else f"same text as in the report as of {previous_as_of}"
    return Change(delta=round(then.score - previous.score, 1), basis=basis, previous=previous.score, edited=edited)


def counted(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.suppressed is None]


def _appeared(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The findings of ``after`` beyond those ``before`` has, fingerprint by fingerprint (counts matter)."""
    remaining = Counter(fingerprint(f.code, f.message) for f in counted(before))
    appeared = []
    for finding in counted(after):
        key = fingerprint(finding.code, finding.message)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            appeared.append(finding)
    return appeared


def finding_change(before: Sequence[Finding], after: Sequence[Finding], basis: str) -> FindingChange:
    return FindingChange(basis=basis, new=_appeared(before, after), fixed=_appeared(after, before))


def decay_since(plan_reviewed: Optional[dt.date], last_edit: Optional[dt.date], day: dt.date) -> Optional[tuple[dt.date, str]]:
    """The day to judge the same text on: its last review when the plan says one, else its last edit."""
    if plan_reviewed is not None and plan_reviewed < day:
        return plan_reviewed, f"since the last review ({plan_reviewed.isoformat()})"
    if last_edit is not None and last_edit < day:
        return last_edit, f"since the last edit ({last_edit.isoformat()})"
    return None


def decay_of(then: FileResult, now: FileResult, since: dt.date, basis: str) -> Optional[Decay]:
    """What time alone did to the same text between ``since`` and now (None when either cannot be read)."""
    if not (then.parsed and now.parsed) or then.score is None or now.score is None:
        return None
    added = _appeared(then.findings, now.findings)
    reasons = [f"{f.code} {f.message}" for f in added[:DECAY_REASONS]]
    if len(added) > DECAY_REASONS:
        reasons.append(f"and {len(added) - DECAY_REASONS} more")
    return Decay(since=since.isoformat(), basis=basis, delta=round(min(now.score - then.score, 0.0), 1), reasons=reasons)
