"""A rule defined in a TOML pack: select items, keep those that qualify, check each."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from ..rule import CheckContext, Item, Rule, RuleInfo, failed, passed
from .checks import Check, Outcome, Scope
from .fields import resolve
from .selectors import Selector
from .templates import FIELD, parts
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
        self._items_key = f"pack items:{selector.name}"  # a selector lists the same items for every rule that uses it
        self._test = test.compiled()
        self._when = when.compiled() if when is not None else None
        self._where = where.compiled() if where is not None else None

    def __repr__(self) -> str:
        return f"TomlRule({self.info.code} {self.info.name} from {self.source or self.info.pack})"

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan = ctx.plan
        scope = Scope(plan, ctx.as_of, ctx.quadrant, shared=ctx.shared)
        if self._when is not None and not self._when(plan, scope).passed:
            return
        chosen = ctx.memo(self._items_key, self._select)  # the plan's actions, say, listed once for every rule on them
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
        """The failing check's message (or the rule's), each placeholder worked out only if it is used."""
        out: list[str] = []
        for literal, name in parts(outcome.message or self.info.message):
            out.append(literal)
            if name.startswith(FIELD):
                out.append(in_words(resolve(item, name[len(FIELD):], scope).value))
            elif name:
                out.append(str(VALUES[name](self, outcome, item, scope)))
        return "".join(out)


def _period(scope: Scope) -> str:
    period = scope.plan.period
    return f"{period.start.isoformat()} to {period.end.isoformat()}" if period else "nothing"


def _days_late(outcome: Outcome, scope: Scope) -> object:
    late = date_of(outcome.value) if not isinstance(outcome.value, list) else None
    return (scope.as_of - late).days if late is not None else "nothing"


# What each placeholder of :data:`.templates.PLACEHOLDERS` is filled with: (rule, outcome, item, scope) -> value.
VALUES: dict[str, Callable[[TomlRule, Outcome, Any, Scope], object]] = {
    "item": lambda rule, outcome, item, scope: rule.selector.label_of(item),
    "name": lambda rule, outcome, item, scope: rule.selector.name_of(item),
    "field": lambda rule, outcome, item, scope: outcome.field or "it",
    "value": lambda rule, outcome, item, scope: show(outcome.value),
    "expected": lambda rule, outcome, item, scope: outcome.expected,
    "count": lambda rule, outcome, item, scope: outcome.count,
    "total": lambda rule, outcome, item, scope: outcome.total,
    "reason": lambda rule, outcome, item, scope: outcome.reason,
    "plan": lambda rule, outcome, item, scope: scope.plan.name,
    "period": lambda rule, outcome, item, scope: _period(scope),
    "as_of": lambda rule, outcome, item, scope: scope.as_of.isoformat(),
    "team": lambda rule, outcome, item, scope: ", ".join(sorted(scope.plan.people())) or NO_TEAM,
    "days_late": lambda rule, outcome, item, scope: _days_late(outcome, scope),
}
