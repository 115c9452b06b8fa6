"""A rule defined in a TOML pack: select items, keep those that qualify, check each."""

from __future__ import annotations

from typing import Any, Iterable, Optional

from ..rule import CheckContext, Item, Rule, RuleInfo, failed, passed
from .checks import Check, Outcome, Scope
from .fields import resolve
from .selectors import Selector
from .templates import render
from .values import date_of, in_words, show

NO_TEAM = "nobody: add `owner` and `team` to the plan"


class TomlRule(Rule):
    """A declarative rule. ``when`` looks at the plan, ``where`` at each item, ``test`` decides.

    The checks are compiled once, here, into plain functions (:meth:`Check.compiled`):
    checking an item runs no interpretation of the pack, only those functions.
    """

    def __init__(
        self,
        info: RuleInfo,
        selector: Selector,
        test: Check,
        when: Optional[Check] = None,
        where: Optional[Check] = None,
        source: str = "",
    ) -> None:
        self.info = info
        self.selector = selector
        self.test = test
        self.when = when
        self.where = where
        self.source = source
        self.definition = ""  # the rule's whole TOML table and its pack's hash, set by the loader
        self._select = selector.select
        self._test = test.compiled()
        self._when = when.compiled() if when is not None else None
        self._where = where.compiled() if where is not None else None

    def __repr__(self) -> str:
        return f"TomlRule({self.info.code} {self.info.name} from {self.source or self.info.pack})"

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan = ctx.plan
        scope = Scope(plan, ctx.as_of, ctx.quadrant)
        if self._when is not None and not self._when(plan, scope).passed:
            return
        chosen = self._select(plan)
        if self._where is not None:
            where = self._where
            chosen = [item for item in chosen if where(item, scope).passed]
        scope.items = chosen
        test = self._test
        for item in chosen:
            outcome = test(item, scope)
            if outcome.passed:
                yield passed(item.span)
            else:
                yield failed(outcome.span or item.span, self._message(outcome, item, scope))

    def _message(self, outcome: Outcome, item: Any, scope: Scope) -> str:
        plan, as_of, period = scope.plan, scope.as_of, scope.plan.period
        late = date_of(outcome.value) if not isinstance(outcome.value, list) else None
        return render(
            outcome.message or self.info.message,
            {
                "item": self.selector.label_of(item),
                "name": self.selector.name_of(item),
                "field": outcome.field or "it",
                "value": show(outcome.value),
                "expected": outcome.expected,
                "count": outcome.count,
                "total": outcome.total,
                "reason": outcome.reason,
                "plan": plan.name,
                "period": f"{period.start.isoformat()} to {period.end.isoformat()}" if period else "nothing",
                "as_of": as_of.isoformat(),
                "team": ", ".join(sorted(plan.people())) or NO_TEAM,
                "days_late": (as_of - late).days if late is not None else "nothing",
            },
            lambda path: in_words(resolve(item, path, scope).value),
        )
