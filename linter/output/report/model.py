"""The data of a review-meeting report: everything the renderers show, already computed.

Renderers (:mod:`.html`, :mod:`.markdown`) compute nothing: every number,
every sort order and every chart position (as a 0-1 fraction) is decided by
:mod:`.build` and stored here. The same model is written as JSON
(``--format json``) so that next week's report can compare with this one
(``--previous report.json``).
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field

from ...engine.results import Essential, Finding, Fix

# What the page shows of each plan; the JSON keeps everything (``--previous`` compares whole lists).
FINDING_ROWS = 3  # finding rows per plan (errors first); the rest are one `planlint check PATH` away
FIXES_OPEN = 3  # top fixes shown open


class Band(BaseModel):
    """A band as a manager reads it: its name, its floor, when a plan gets it, and what it means."""

    name: str
    floor: float
    when: str
    meaning: str


class TrendPoint(BaseModel):
    """One plan's (or the team's) score at one commit, or ``now`` for the working copy."""

    label: str = Field(description="the commit date (YYYY-MM-DD), or 'now'")
    commit: str = Field(default="", description="short commit id; empty for the working copy")
    subject: str = Field(default="", description="the commit's subject line, which a reader recognises (a hash they do not)")
    score: float


class CategoryBar(BaseModel):
    name: str
    title: str
    score: Optional[float] = Field(default=None, description="0-100, or null when no rule of the category applied")
    band: str = Field(default="", description="the band the category's score falls in; empty when it has no score")
    rag: str = Field(default="", description="red, amber or green; empty when the category has no score")
    rag_words: str = Field(default="", description="what the colour means here, written beside it")
    minimum: Optional[float] = Field(default=None, description="the configured minimum for this category (category-fail-under)")
    unsuppressed: Optional[float] = Field(default=None, description="the score with suppressed items counted as failing, when suppressions lifted it")


class Change(BaseModel):
    """What the edits did to the score, and against what (so the reader knows what 'change' means).

    Both sides are judged as of the same day, so a change is the effect of an
    edit, never of the calendar; what time alone did is :class:`Decay`.
    """

    delta: Optional[float] = Field(default=None, description="points the edits moved the score; null when there is nothing to compare with")
    basis: str = Field(description="what the score is compared with, in words")
    previous: Optional[float] = None
    shared: bool = Field(default=False, description="true when the basis is the same for every plan (said once, above the table)")
    edited: bool = Field(default=True, description="false when the text is the same as the version compared with: 'no change'")


class Decay(BaseModel):
    """What got worse only because time passed: the same text judged on ``since`` and on the report's day."""

    since: str = Field(description="the day the text is also judged on (its last review, or its last edit)")
    basis: str = Field(description="why that day, in words")
    delta: float = Field(description="points lost to time (zero or less)")
    reasons: list[str] = Field(default_factory=list, description="the findings time added (actions now overdue, the review now stale)")


class FindingChange(BaseModel):
    """The findings that appeared and went away since the previous version, by the baseline's fingerprint."""

    basis: str
    new: list[Finding] = Field(default_factory=list)
    fixed: list[Finding] = Field(default_factory=list)


class AgendaItem(BaseModel):
    """One question for a plan review, tied to what raised it and naming whom to ask."""

    question: str
    because: str = Field(description="what raised it: a failed pillar, a top fix, or the plan's own open question, with the detail")
    tag: str = Field(default="", description="the same in a few words, for the full report (the agenda page gives the detail)")
    source: str = Field(description="pillar, fix or question")
    ask: str = Field(default="", description="the person to ask, where the plan says who")


class PathMark(BaseModel):
    """One point of an objective's chart: a point of its path or a progress reading, placed as 0-1 fractions."""

    date: str = Field(description="YYYY-MM-DD")
    value: str = Field(description="the value as the objective writes its quantities")
    label: str = Field(description="baseline, milestone, target or reading")
    x: float = Field(description="0 (the chart's first date) to 1 (its last)")
    y: float = Field(description="0 (the chart's lowest value) to 1 (its highest)")


class ObjectivePath(BaseModel):
    """An objective's readings against its path from baseline to target (methodology point 7), for a small chart."""

    name: str
    path: list[PathMark] = Field(description="baseline (or first milestone), milestones and target, in date order")
    readings: list[PathMark] = Field(default_factory=list, description="the progress readings, in date order")
    words: str = Field(description="where the latest reading stands against the path, in words beside the chart")


class CrmFigure(BaseModel):
    """One pipeline figure, the plan's beside the CRM's (each with how it was got, in words)."""

    figure: str
    plan: str = Field(description="the plan's figure, or an empty string when the plan gives none")
    crm: str = Field(description="the CRM's figure, or an empty string when the exports give none")


class CrmComparison(BaseModel):
    """The plan against the CRM exports given with --crm: the pipeline side by side, and the mismatches."""

    source: str = Field(description="the opportunities export, as findings cite it")
    account: str = Field(description="the CRM's name for the account; empty when the exports never name it")
    figures: list[CrmFigure] = Field(default_factory=list)
    mismatches: list[Finding] = Field(default_factory=list, description="the plan's findings against the exports")


def agreement(crm: CrmComparison) -> str:
    """What the report says when nothing differs: that they agree, or that the exports do not know the account."""
    if crm.account:
        return "The plan and the CRM agree."
    return "No row of the exports names this account: nothing to compare (is it named otherwise there? add an alias)."


class PlanEntry(BaseModel):
    path: str
    name: str
    owner: str
    account: str = ""
    parsed: bool = True
    score: Optional[float] = Field(description="0-100; null when the plan cannot be read")
    band: str = Field(description="tool, developing, thin or form; empty when the plan cannot be read")
    completeness: Optional[float] = None
    substance: Optional[float] = None
    essentials: list[Essential] = Field(default_factory=list, description="each pillar's state and reason")
    error: Optional[str] = Field(default=None, description="why the plan cannot be read: its first error")
    change: Change
    decay: Optional[Decay] = None
    finding_change: Optional[FindingChange] = None
    flags: list[str] = Field(default_factory=list, description="what a good-looking score hides: errors, suppressions, an expired period")
    agenda: list[AgendaItem] = Field(default_factory=list, description="at most three questions for the review, when the plan needs attention")
    digest: str = Field(default="", description="sha256 of the file's text, so a later report knows whether it was edited")
    written_name: str = Field(default="", description="the name as written when it is placeholders; the file's name is shown instead")
    attention: list[str] = Field(default_factory=list, description="why the plan needs attention, in words; empty when it does not")
    categories: list[CategoryBar] = Field(default_factory=list)
    fixes: list[Fix] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    trend: list[TrendPoint] = Field(default_factory=list)
    objectives: list[ObjectivePath] = Field(default_factory=list, description="objectives with milestones or readings, against their path")
    anchor: str = Field(description="the HTML id of the plan's section")
    crm: Optional[CrmComparison] = Field(default=None, description="with --crm: the plan against the CRM")

    @property
    def score_text(self) -> str:
        """The score as the report prints it: one decimal, or 'cannot be read'."""
        return "cannot be read" if self.score is None else f"{self.score:.1f}"

    @property
    def verdict_text(self) -> str:
        """``completeness 88.0 · substance 100.0 · failed: competitor · waived: in-use`` (empty when unreadable)."""
        parts = [f"{axis} {value:.1f}" for axis, value in (("completeness", self.completeness), ("substance", self.substance))
                 if value is not None]
        for state in ("failed", "waived", "not-required"):
            pillars = [e.pillar for e in self.essentials if e.state == state]
            if pillars:
                parts.append(f"{state}: {', '.join(pillars)}")
        if self.essentials and all(e.state == "met" for e in self.essentials):
            parts.append("every pillar met")
        return " · ".join(parts)


class Placement(BaseModel):
    """One account on the two-by-two: its quadrant, its position and its plan's score."""

    account: str
    quadrant: str = Field(description="A, B, C or D")
    x: float = Field(description="current revenue, 0 (low) to 1 (high); 0.5 is the threshold")
    y: float = Field(description="future revenue, 0 (low) to 1 (high); 0.5 is the threshold")
    current: str = Field(description="current revenue as written")
    future: str = Field(description="future revenue as written")
    plan_path: str = ""
    plan_anchor: str = ""
    score: Optional[float] = None
    band: str = Field(default="", description="the plan's band, or 'no plan'")
    owner: str = ""
    note: str = Field(default="", description="what the method says about this placement")


class Quadrant(BaseModel):
    letter: str
    title: str
    advice: str
    count: int


class PortfolioView(BaseModel):
    name: str
    source: str = Field(description="the portfolio file, or 'plans' when placed by the plans' own revenue lines")
    thresholds: str = Field(description="what 'high' means, in words")
    quadrants: list[Quadrant]
    placements: list[Placement]
    unplaced: list[str] = Field(default_factory=list, description="accounts with no revenue figures, so not on the chart")


class PlanRef(BaseModel):
    path: str
    name: str
    anchor: str
    score: Optional[float] = None
    band: str = ""


class OwnerRollup(BaseModel):
    """One rep's plans: how many, their mean and the worst of them."""

    owner: str = Field(description="as written in the plans; 'no owner written' when none is")
    plans: list[PlanRef]
    mean: Optional[float] = Field(default=None, description="the mean of the readable plans' scores")
    worst: Optional[PlanRef] = None
    needing_attention: int = 0
    unreadable: int = 0


class QuadrantRollup(BaseModel):
    """One quadrant of the portfolio: its accounts, their plans' mean, and the accounts that fall short."""

    letter: str
    advice: str
    accounts: int
    with_plan: int
    mean: Optional[float] = None
    short: list[str] = Field(default_factory=list, description="accounts whose plan is missing or below the minimum")


class RulePage(BaseModel):
    """A rule the report's findings name, and where it is documented (its pack's link, or planlint's rule reference)."""

    code: str
    name: str
    link: str = Field(default="", description="the rule's documentation page; empty when it has none")


class FileFindings(BaseModel):
    """A file that is not a plan (a portfolio) and its findings, so the report counts what `check` counts."""

    path: str
    kind: str
    findings: list[Finding] = Field(default_factory=list)


class TeamTrend(BaseModel):
    points: list[TrendPoint]
    basis: str


class Totals(BaseModel):
    plans: int
    unreadable: int = Field(default=0, description="plans that cannot be read: no score, not in the mean")
    mean_score: float
    mean_band: str
    bands: dict[str, int]
    findings: int
    needing_attention: int


class Report(BaseModel):
    title: str
    version: str
    as_of: str
    generated: Optional[str] = Field(default=None, description="when the report was made; only with --timestamp")
    totals: Totals
    bands: list[Band]
    plans: list[PlanEntry] = Field(description="plans needing attention first")
    portfolio: Optional[PortfolioView] = None
    owners: list[OwnerRollup] = Field(default_factory=list, description="each rep's plans, worst mean first")
    quadrants: list[QuadrantRollup] = Field(default_factory=list, description="A first")
    short_a: list[str] = Field(default_factory=list, description="A accounts whose plan is missing or below the minimum: on top")
    fix_guide: list[Fix] = Field(default_factory=list, description="how to fix each rule among the plans' top fixes, once per rule")
    rules: list[RulePage] = Field(default_factory=list, description="every rule a finding of the report names, by code")
    other_files: list[FileFindings] = Field(default_factory=list, description="portfolio files and their findings")
    team_trend: Optional[TeamTrend] = None
    notes: list[str] = Field(default_factory=list, description="problems met while building the report (e.g. git unavailable)")
    change_rule: str = Field(default="", description="what the change column compares with, in words")
