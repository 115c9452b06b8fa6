"""The effective settings of a run, and rule selection like Ruff's.

`select`, `extend-select` and `ignore` take rule codes (``PL101``), code
prefixes (``PL1``) or names (``competitor-research``). A rule is on when the
most specific matching selector enables it, as in Ruff: ``ignore = ["PL1"]``
with ``extend-select = ["PL105"]`` keeps PL105 on.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from .rule import RuleInfo, Severity


class Settings(BaseModel):
    """Configuration keys, spelt as in TOML (``extend-select``) or Python (``extend_select``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    weights: dict[str, float] = Field(default_factory=dict)
    category_weights: dict[str, float] = Field(default_factory=dict, alias="category-weights")
    fail_under: Optional[float] = Field(default=None, alias="fail-under", ge=0, le=100)
    packs: list[str] = Field(default_factory=list)
    plugins: dict[str, bool] = Field(default_factory=dict)
    as_of: Optional[dt.date] = Field(default=None, alias="as-of")
    exclude: list[str] = Field(default_factory=list)


def _specificity(selector: str, info: RuleInfo) -> int:
    """How closely a selector names a rule: 0 no match, higher is more specific."""
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return 1
    if wanted.lower() == info.name.lower() or wanted.upper() == info.code.upper():
        return 100
    if info.code.upper().startswith(wanted.upper()):
        return 1 + len(wanted)
    return 0


def is_selected(info: RuleInfo, settings: Settings) -> bool:
    """Whether a rule runs: the most specific of select/extend-select/ignore wins."""
    best_on = max((_specificity(s, info) for s in [*settings.select, *settings.extend_select]), default=0)
    best_off = max((_specificity(s, info) for s in settings.ignore), default=0)
    return best_on > 0 and best_on > best_off


def effective_severity(info: RuleInfo, settings: Settings) -> Severity:
    for key in (info.code, info.name):
        if key in settings.severity:
            return settings.severity[key]
    return info.severity


def effective_weight(info: RuleInfo, settings: Settings) -> float:
    for key in (info.code, info.name):
        if key in settings.weights:
            return settings.weights[key]
    return info.weight
