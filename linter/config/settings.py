"""The effective settings of a run, and rule selection like Ruff's.

`select`, `extend-select` and `ignore` take rule codes (``PL101``), code
prefixes (``PL1``) or names (``competitor-research``). A rule is on when the
most specific matching selector enables it, as in Ruff: ``ignore = ["PL1"]``
with ``extend-select = ["PL105"]`` keeps PL105 on.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Literal, Optional, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StrictBool, field_validator

from ..api.pillars import Pillar
from ..vocabulary import Role, Stage
from .globs import glob_problem, matches_any
from ..api.rule import RULES_DOCS, WEB_LINK, RuleInfo, Severity, is_web_link


# A rule's pillar in configuration: a pillar's name, or false to make the rule decide none.
Essential = Union[Pillar, Literal[False]]

# A score bar: 0 to 100.
Bar = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Letter = Literal["A", "B", "C", "D"]


class QuadrantBars(BaseModel):
    """``[quadrant.A]``: the bars a plan placed in that quadrant must reach.

    ``fail-under`` is the score (for A, also the one a portfolio's PL601
    holds the account's plan to, default 70); ``category-fail-under`` adds
    per-category minimums on top of the file's own.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    fail_under: Optional[Bar] = Field(default=None, alias="fail-under")
    category_fail_under: dict[str, Bar] = Field(default_factory=dict, alias="category-fail-under")


# A rule or category weight: a finite number, zero or more (zero leaves it out of the score).
Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]


# The longest time budget (a year, in seconds): the timer that enforces one cannot hold 1e20 s, and no
# file or plugin needs more.
MAX_BUDGET = 365 * 24 * 3600


def _readable_glob(pattern: str) -> str:
    """A glob that compiles (``[z-a]`` does not): a bad one is a configuration error when the file is read."""
    problem = glob_problem([pattern])
    if problem:
        raise ValueError(problem)
    return pattern


Glob = Annotated[str, AfterValidator(_readable_glob)]


def _as_list(value: object) -> object:
    """Let a single string stand for a one-item list (``files = "legacy/**"``)."""
    return [value] if isinstance(value, str) else value


class Overridable(BaseModel):
    """The keys a ``[[per-file]]`` block may override, declared once for it and for :class:`Settings`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    weights: dict[str, Weight] = Field(default_factory=dict)
    category_weights: dict[str, Weight] = Field(default_factory=dict, alias="category-weights")
    essentials: dict[str, Essential] = Field(default_factory=dict)
    fail_under: Optional[float] = Field(default=None, alias="fail-under", ge=0, le=100)
    category_fail_under: dict[str, Bar] = Field(default_factory=dict, alias="category-fail-under")
    as_of: Optional[dt.date] = Field(default=None, alias="as-of")


class PerFile(Overridable):
    """One ``[[per-file]]`` block: overrides for the plans its ``files`` globs match.

    Lists of selectors extend the base (``ignore`` here always wins over the
    base's ``select``); tables update it key by key; scalars replace it.
    """

    files: list[Glob] = Field(min_length=1)
    select: Optional[list[str]] = None

    _files_list = field_validator("files", mode="before")(_as_list)


class FormatSettings(BaseModel):
    """The ``[format]`` table: what ``planlint format`` leaves alone (``check`` still reads those plans)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    exclude: list[Glob] = Field(default_factory=list)


class CrmSettings(BaseModel):
    """The ``[crm]`` table (``[tool.planlint.crm]``): the CRM exports to hold the plans against (docs/crm.md).

    ``opportunities`` and ``contacts`` are relative to the configuration file;
    ``--crm`` and ``--contacts`` on the command line replace them.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    opportunities: Optional[str] = None
    contacts: Optional[str] = None
    contact_roles: Optional[str] = Field(default=None, alias="contact-roles")
    profile: Optional[str] = None
    contacts_profile: Optional[str] = Field(default=None, alias="contacts-profile")
    columns: dict[str, str] = Field(default_factory=dict)
    contact_columns: dict[str, str] = Field(default_factory=dict, alias="contact-columns")
    role_columns: dict[str, str] = Field(default_factory=dict, alias="role-columns")
    date_format: Optional[str] = Field(default=None, alias="date-format")
    encoding: str = "utf-8-sig"
    closed_stages: list[str] = Field(default_factory=list, alias="closed-stages")
    won_stages: list[str] = Field(default_factory=list, alias="won-stages")
    # The CRM's words in the plan's: a deal stage -> lead ... lost, a contact role -> economic_buyer ... (docs/crm.md).
    stages: dict[str, Stage] = Field(default_factory=dict)
    roles: dict[str, Role] = Field(default_factory=dict)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    # How far (percent) the plan's pipeline may differ from the CRM's open opportunities before PL703 reports it.
    tolerance: float = Field(default=20.0, ge=0, le=1000, allow_inf_nan=False)
    # How far (percent) a named opportunity's amount may differ from the CRM's before PL706 reports it.
    amount_tolerance: float = Field(default=5.0, alias="amount-tolerance", ge=0, le=1000, allow_inf_nan=False)


class Settings(Overridable):
    """Configuration keys, spelt as in TOML (``extend-select``) or Python (``extend_select``)."""

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    quadrant: dict[Letter, QuadrantBars] = Field(default_factory=dict)
    # The old name of [quadrant.A] fail-under, still read (see a_quadrant_bar).
    a_quadrant_min_score: Optional[float] = Field(default=None, alias="a-quadrant-min-score", ge=0, le=100)
    # How far (percent of its path's whole rise) an objective's latest reading may trail before PL208 calls it off track.
    off_track_margin: float = Field(default=10.0, alias="off-track-margin", ge=0, le=100, allow_inf_nan=False)
    packs: list[str] = Field(default_factory=list)
    plugins: dict[str, StrictBool] = Field(default_factory=dict)  # "yes" is a mistake to report, not true
    timeout: float = Field(default=30.0, gt=0, le=MAX_BUDGET, allow_inf_nan=False, description="seconds a file's rules may take")
    plugin_timeout: float = Field(default=30.0, alias="plugin-timeout", gt=0, le=MAX_BUDGET, allow_inf_nan=False,
                                  description="seconds each plugin may take to load")
    max_file_size: int = Field(default=20_000_000, alias="max-file-size", gt=0, description="bytes; larger files are refused")
    rules_docs_url: str = Field(default=RULES_DOCS, alias="rules-docs-url", json_schema_extra={"pattern": rf"^{WEB_LINK}$"},
                                description="where planlint's own rules are documented (an http or https page with an "
                                            "anchor per code, like docs/rules.md): findings, explain, SARIF and the "
                                            "report link there; a pack rule's own link wins")
    exclude: list[Glob] = Field(default_factory=list)
    per_file: list[PerFile] = Field(default_factory=list, alias="per-file")
    per_file_ignores: dict[Glob, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    format: FormatSettings = Field(default_factory=FormatSettings)
    crm: CrmSettings = Field(default_factory=CrmSettings)

    @field_validator("rules_docs_url")
    @classmethod
    def _web_page(cls, url: str) -> str:
        """A link for every finding: a web page, never ``javascript:`` or a file (the report and editors link to it)."""
        if not is_web_link(url):
            raise ValueError("an http or https page with an anchor per rule code, like https://wiki.example.com/planlint-rules")
        return url

    # Ignores that come from per-file overrides: they beat any select, as Ruff's
    # per-file-ignores do. Private, so a configuration file cannot set it directly.
    _file_ignores: list[str] = PrivateAttr(default_factory=list)

    @property
    def file_ignores(self) -> list[str]:
        return list(self._file_ignores)

    def for_file(self, relative_path: str) -> "Settings":
        """The settings for one plan, ``relative_path`` being relative to the config's folder."""
        merged = self.model_copy(deep=True)
        merged.per_file = []
        merged.per_file_ignores = {}
        for pattern, selectors in self.per_file_ignores.items():
            if matches_any([pattern], relative_path):
                merged._file_ignores.extend(selectors)
        for block in self.per_file:
            if not matches_any(block.files, relative_path):
                continue
            if block.select is not None:
                merged.select = list(block.select)
            merged.extend_select.extend(block.extend_select)
            merged._file_ignores.extend(block.ignore)
            merged.severity.update(block.severity)
            merged.weights.update(block.weights)
            merged.category_weights.update(block.category_weights)
            merged.essentials.update(block.essentials)
            merged.category_fail_under.update(block.category_fail_under)
            if block.fail_under is not None:
                merged.fail_under = block.fail_under
            if block.as_of is not None:
                merged.as_of = block.as_of
        return merged

    def bars_for(self, quadrant: Optional[str]) -> tuple[Optional[float], dict[str, float]]:
        """The score bar and the category minimums of a plan in ``quadrant`` (besides ``--fail-under``)."""
        bars = self.quadrant.get(quadrant) if quadrant in ("A", "B", "C", "D") else None  # type: ignore[call-overload]
        categories = {**self.category_fail_under, **(bars.category_fail_under if bars else {})}
        score = self.a_quadrant_bar() if quadrant == "A" else (bars.fail_under if bars else None)
        return score, categories

    def a_quadrant_bar(self) -> Optional[float]:
        """``[quadrant.A] fail-under``, or its old name ``a-quadrant-min-score``."""
        bars = self.quadrant.get("A")
        return bars.fail_under if bars is not None and bars.fail_under is not None else self.a_quadrant_min_score

    def cache_key(self) -> str:
        """Equal keys mean equal behaviour: one linter serves every plan with this key."""
        return self.model_dump_json() + "|" + ",".join(self._file_ignores)


def _specificity(selector: str, info: RuleInfo) -> int:
    """How closely a selector names a rule: 0 no match, higher is more specific."""
    return _specificity_of(selector, info.code, info.name)


@lru_cache(maxsize=8192)  # asked for every suppression's selectors against every rule, on every plan
def _specificity_of(selector: str, code: str, name: str) -> int:
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return 1
    if wanted.lower() == name.lower() or wanted.upper() == code.upper():
        return 100
    if code.upper().startswith(wanted.upper()):
        return 1 + len(wanted)
    return 0


def is_selected(info: RuleInfo, settings: Settings) -> bool:
    """Whether a rule runs: the most specific of select/extend-select/ignore wins."""
    best_on = max((_specificity(s, info) for s in [*settings.select, *settings.extend_select]), default=0)
    best_off = max((_specificity(s, info) for s in settings.ignore), default=0)
    if any(_specificity(s, info) for s in settings.file_ignores):
        return False
    return best_on > 0 and best_on > best_off


def selector_matches(selector: str, info: RuleInfo) -> bool:
    """Whether a selector (code, prefix, name or ALL) names this rule."""
    return _specificity(selector, info) > 0


def selector_matches_any(selector: str, infos: list[RuleInfo]) -> bool:
    """Whether a selector names at least one known rule (used to catch typos in config)."""
    return any(_specificity(selector, info) for info in infos)


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


def effective_essential(info: RuleInfo, settings: Settings) -> Optional[str]:
    """The pillar a rule decides: the configuration's ``essentials`` by code or name, else the rule's own."""
    for key in (info.code, info.name):
        if key in settings.essentials:
            value = settings.essentials[key]
            return value or None
    return info.essential
