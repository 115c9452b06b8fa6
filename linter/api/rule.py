"""What a rule is: its metadata, the items it checks, and the verdict on each.

A rule looks at *items* (the plan, each objective, each action, ...) and says
for each whether it passes. That is what makes partial credit possible: a plan
where 3 of 4 actions have an owner scores 75% on that rule, not 0%.

Rules come from pluggy hooks (see :mod:`planlint.hookspecs`); the built-in
pack registers through the same hooks as any third-party plugin.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Optional, TypeVar

from ..model import Plan, Span
from .examples import example_text
from .quadrants import LETTERS, plan_quadrant

T = TypeVar("T")


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class RuleInfo:
    """Everything a user can read about a rule without running it."""

    code: str
    name: str
    category: str
    severity: Severity
    weight: float
    message: str
    why: str
    fix: str
    passing: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()
    methodology: tuple[int, ...] = ()
    version: str = "1"
    pack: str = "builtin"
    essential: Optional[str] = None  # the pillar of the method this rule helps decide (see planlint.api.pillars)
    # The quadrants whose plans this rule applies to (methodology point 9); the engine skips it for the others.
    quadrants: tuple[str, ...] = LETTERS
    # A documentation page for the rule (a sales-enablement team's playbook page); see rule_link for the default.
    link: str = ""
    # The CRM rows every example of the rule is checked against (issue 20): export kind ("opportunities",
    # "contacts") -> the CSV text, header first, as a plugin writes it ``crm={"opportunities": "..."}``.
    # Kept as sorted pairs so the info stays hashable; one account per example keeps them apart (docs/crm.md).
    crm: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.crm, Mapping):
            object.__setattr__(self, "crm", tuple(sorted(self.crm.items())))
        # Examples may be snippets (``objective revenue "..." { ... }``), in Python as in TOML: one wrapper makes
        # each a whole plan, so explain shows and test-rules runs every rule's examples the same way.
        object.__setattr__(self, "passing", tuple(example_text(text) for text in self.passing))
        object.__setattr__(self, "failing", tuple(example_text(text) for text in self.failing))


# Where planlint's own rules are documented: the generated reference in docs/rules.md, one anchor per code.
# Configuration moves it (``rules-docs-url``, see planlint.config.settings), for a team hosting its own copy.
RULES_DOCS = "https://github.com/planlint/planlint/blob/main/docs/rules.md"
OWN_PACKS = ("builtin", "planlint")  # the built-in rules and the meta rules PL000-PL013
# A documentation link is a web page: http or https, no white space. Anything else (``javascript:``, a file
# path) is refused where it is written (a TOML pack, the configuration) and never shown as a link.
WEB_LINK = r"https?://\S+"


def is_web_link(url: str) -> bool:
    """Whether ``url`` is a page a report or an editor may link to (see :data:`WEB_LINK`)."""
    return re.fullmatch(WEB_LINK, url) is not None


def rule_link(info: RuleInfo, base: str = RULES_DOCS) -> str:
    """The rule's documentation URL: its own ``link``, else, for planlint's own rules, its section under ``base``.

    A plugin's link that is not a web page (:func:`is_web_link`) is dropped, not passed on to SARIF or the report.
    """
    if info.link:
        return info.link if is_web_link(info.link) else ""
    return f"{base}#{info.code.lower()}" if info.pack in OWN_PACKS else ""


def with_link(info: RuleInfo, base: str = RULES_DOCS) -> RuleInfo:
    """``info`` with its documentation link resolved under ``base``, for lists of rules a configuration shows
    (`planlint rules`, `explain`, SARIF's rule table) when ``rules-docs-url`` moves planlint's docs."""
    return info if base == RULES_DOCS else replace(info, link=rule_link(info, base))


class Item(NamedTuple):
    """The verdict on one item. ``message`` explains a failure in plain words."""

    passed: bool
    span: Span
    message: str = ""


@dataclass
class CheckContext:
    """What a rule may look at besides the plan: the reference date and its options.

    ``metrics`` lets a rule report a figure about the plan (such as the share
    of its text that reads as form); the engine copies them into the result.
    ``metrics["form_ratio"]`` (the share of the plan's text that reads as
    form, 0 to 1) is the one metric the engine reads: it is the plan's
    *substance* axis (see :mod:`planlint.engine.verdict`).
    ``shared`` holds what several rules derive from the same plan (the form
    verdicts on every text, say), computed by the first rule that asks and
    reused by the rest: see :meth:`memo`. It lives as long as this context,
    that is one plan's check.
    """

    plan: Plan
    path: str = "<string>"
    as_of: dt.date = field(default_factory=dt.date.today)
    options: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def skip(self, code: str, reason: str) -> None:
        """Record that rule ``code`` does not apply to this plan, and why (shown as not applicable).

        A rule that yields no items drops out of the score silently; one that
        calls this first is listed with its reason, so a reader sees that the
        stakeholder rule was not forgotten but is not expected of a B account.
        """
        self.skipped.setdefault(code, reason)

    @property
    def quadrant(self) -> Optional[str]:
        """The plan's quadrant: the portfolio's placement (``options["quadrant"]``) when linted through one, else its own."""
        placed = self.options.get("quadrant")
        key = f"quadrant:{placed}"
        if key in self.shared:  # asked by the engine before every rule: answered without making a function
            return self.shared[key]  # type: ignore[no-any-return]
        return self.memo(key, lambda plan: plan_quadrant(plan, placed=placed))

    def memo(self, key: str, compute: Callable[[Plan], T]) -> T:
        """``compute(plan)``, computed once per plan check and shared between rules under ``key``."""
        try:
            return self.shared[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self.shared[key] = compute(self.plan)
            return value


class Rule(ABC):
    """Base class for rules written in Python.

    Subclasses set ``info`` and implement :meth:`check`, yielding one
    :class:`Item` per thing they looked at. Yield nothing when the rule does
    not apply: a rule with no items drops out of the score.
    """

    info: RuleInfo

    @abstractmethod
    def check(self, ctx: CheckContext) -> Iterable[Item]:
        """Yield a verdict for each item this rule looks at."""


def passed(span: Span) -> Item:
    return _item(Item, (True, span, ""))


def failed(span: Span, message: str) -> Item:
    return _item(Item, (False, span, message))


_item = tuple.__new__  # Item(...) without the named tuple's own __new__ (a Python call per item, and rules make many)


@dataclass(frozen=True)
class Category:
    """A group of rules scored together, with its weight in the plan score."""

    name: str
    title: str
    weight: float = 1.0
    description: str = ""
    axis: str = "completeness"  # or "substance": the category measures how real the text is, not what it covers


@dataclass
class AccountCheck:
    """One portfolio account as a portfolio rule sees it."""

    name: str
    span: Span
    quadrant: Optional[str]
    plan: Optional[str]
    plan_found: bool
    score: Optional[float]


@dataclass
class PortfolioContext:
    """What a portfolio rule looks at: the placed accounts and the score bar for A accounts."""

    path: str
    accounts: list[AccountCheck]
    min_score: float


class PortfolioRule(Rule):
    """A rule over a portfolio file's accounts rather than over one plan.

    It contributes nothing to a plan's score (``check`` yields no items); the
    engine calls :meth:`check_portfolio` for portfolio files instead.
    """

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return ()

    @abstractmethod
    def check_portfolio(self, ctx: PortfolioContext) -> Iterable[Item]:
        """Yield a verdict per account."""
