"""The results of a run, as plain pydantic models the reporters format.

Reporters compute nothing: every number they show is here.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field

from ..api.rule import Severity


class Finding(BaseModel):
    code: str
    name: str
    severity: Severity
    message: str
    category: str = ""
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    suppressed: Optional[str] = Field(default=None, description="the reason given, when suppressed")
    source_line: Optional[str] = Field(default=None, description="the offending source line, for errors that stop a file being read")


class RuleScore(BaseModel):
    code: str
    name: str
    category: str
    weight: float
    passed: int
    total: int
    score: Optional[float] = Field(description="0-100, or null when the rule does not apply")


class Fix(BaseModel):
    """A rule whose failing items, once fixed, would raise the plan score by ``gain`` points."""

    code: str
    name: str
    gain: float
    message: str


class FileResult(BaseModel):
    path: str
    kind: str = "plan"
    name: str = ""
    owner: str = ""
    score: float = 0.0
    band: str = ""
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


class Summary(BaseModel):
    files: int
    findings: int
    mean_score: float
    errors: int = 0
    warnings: int = 0
    infos: int = 0


class RunResult(BaseModel):
    version: str
    files: list[FileResult]
    summary: Summary
