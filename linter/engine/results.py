"""The results of a run, as plain pydantic models the reporters format.

Reporters compute nothing: every number they show is here.
"""

from __future__ import annotations

from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..api.rule import Severity
from ..frozen import compact_fields, unvalidated


class _Result(BaseModel):
    """Base of the result models: their validators are built on first use (``defer_build``), not at import.

    ``planlint check one.plan`` then pays only for the models it constructs,
    and commands that never build a result (``rules``, ``explain``) pay nothing.
    """

    model_config = ConfigDict(defer_build=True)


R = TypeVar("R", bound=_Result)


def trusted(cls: type[R], fields: dict[str, Any], given: set[str]) -> R:
    """A ``cls`` from ``fields`` (every field, each already of its field's type) without validating them again.

    For the results the engine makes by the thousand from values it made
    itself (a rule's score, a rule's finding once its first one was
    validated): what ``model_construct`` does, minus its walk over the
    defaults. ``given`` is the model's shared set of given fields.
    """
    return unvalidated(cls, compact_fields(cls, fields), given)  # a key-sharing dict: ~250 bytes less a finding


class Finding(_Result):
    code: str
    name: str
    severity: Severity
    message: str
    category: str = ""
    link: str = Field(default="", description="the rule's documentation page: its own link, else its section of "
                                              "planlint's rule reference (rules-docs-url); empty when it has none")
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    suppressed: Optional[str] = Field(default=None, description="the reason given, when suppressed")
    source_line: Optional[str] = Field(default=None, description="the offending source line, for errors that stop a file being read")


class RuleScore(_Result):
    code: str
    name: str
    category: str
    weight: float
    passed: int
    total: int
    score: Optional[float] = Field(description="0-100, or null when the rule does not apply")


class Essential(_Result):
    """One pillar of the method on one plan: met, failed, waived or not required, and why."""

    pillar: str
    state: str = Field(description="met, failed, waived or not-required")
    reason: str
    rules: list[str] = Field(default_factory=list, description="the rules that decide this pillar")


class NotApplicable(_Result):
    """A rule left out of this plan's score, and why: its quadrant, or a suppression with a reason."""

    code: str
    name: str
    reason: str
    line: Optional[int] = Field(default=None, description="the suppressed item's line; none when the whole rule was skipped")


class Threshold(_Result):
    """A bar the configuration sets for this plan, and whether the plan reaches it (one that is missed fails the run)."""

    name: str = Field(description="'score', or the category the minimum is for")
    minimum: float
    value: Optional[float] = Field(description="the plan's score or category score; null when no rule of the category applied")
    met: bool
    setting: str = Field(description="where the bar comes from: category-fail-under, quadrant.A.fail-under, ...")


class Fix(_Result):
    """A rule whose failing items, once fixed, would raise the plan score by ``gain`` points."""

    code: str
    name: str
    gain: float
    message: str


class FileResult(_Result):
    """One file's result. ``kind`` is ``plan``, ``portfolio`` or ``unreadable`` (the file cannot be read)."""

    path: str
    kind: str = Field(default="plan", description="plan, portfolio, export (a CRM export's unreadable rows, with --crm), or unreadable: a file that cannot be read has no score and no band")
    name: str = ""
    owner: str = ""
    score: Optional[float] = Field(default=0.0, description="0-100 for a plan; null for a portfolio or an unreadable file")
    band: str = Field(default="", description="tool, developing, thin or form for a plan; empty otherwise")
    completeness: Optional[float] = Field(default=None, description="0-100: how much of the method the plan covers")
    substance: Optional[float] = Field(default=None, description="0-100: how much of what is written is real, not form")
    essentials: list[Essential] = Field(default_factory=list)
    not_applicable: list[NotApplicable] = Field(default_factory=list)
    error: Optional[str] = Field(default=None, description="why the file cannot be read: its first error, as path:line:col: message")
    thresholds: list[Threshold] = Field(default_factory=list, description="the configuration's bars for this plan (not --fail-under)")
    categories: dict[str, float] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    fixes: list[Fix] = Field(default_factory=list)
    rules: list[RuleScore] = Field(default_factory=list)
    metrics: dict[str, float] = Field(default_factory=dict)
    quadrant: Optional[str] = None
    parsed: bool = True

    def failing(self) -> list[Finding]:
        """Findings that count (suppressed ones are shown, not counted)."""
        return [finding for finding in self.findings if finding.suppressed is None]


class Summary(_Result):
    files: int
    findings: int
    mean_score: float
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    plans: int = Field(default=0, description="files read as plans: the mean score is theirs")
    portfolios: int = 0
    unreadable: int = Field(default=0, description="files that cannot be read: no score, never counted in the mean")


class RunResult(_Result):
    version: str
    scoring: str = Field(default="", description="the scoring model's version: scores from another version are not comparable")
    files: list[FileResult]
    summary: Summary
