"""A rule defined in a TOML pack: select items, keep those that qualify, check each."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from ...model import Plan
from ..rule import CheckContext, Item, Rule, RuleInfo, failed, passed
from .checks import Check, Outcome, Scope
from .selectors import Selected, Selector
from .templates import render
from .values import show


class TomlRule(Rule):
    """A declarative rule. ``when`` looks at the plan, ``where`` at each item, ``test`` decides."""

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

    def __repr__(self) -> str:
        return f"TomlRule({self.info.code} {self.info.name} from {self.source or self.info.pack})"

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        plan = ctx.plan
        scope = Scope(plan, ctx.as_of, ctx.quadrant)
        if self.when is not None and not self.when.evaluate(Selected(plan, "plan", plan.name), scope).passed:
            return
        chosen = self.selector.select(plan)
        if self.where is not None:
            chosen = [selected for selected in chosen if self.where.evaluate(selected, scope).passed]
        scope.items = chosen
        for selected in chosen:
            outcome = self.test.evaluate(selected, scope)
            if outcome.passed:
                yield passed(selected.item.span)
            else:
                yield failed(outcome.span or selected.item.span, self._message(outcome, selected, plan, ctx.as_of))

    def _message(self, outcome: Outcome, selected: Selected, plan: Plan, as_of: dt.date) -> str:
        period = plan.period
        return render(
            outcome.message or self.info.message,
            {
                "item": selected.label,
                "name": selected.name,
                "field": outcome.field or "it",
                "value": show(outcome.value),
                "expected": outcome.expected,
                "count": outcome.count,
                "total": outcome.total,
                "reason": outcome.reason,
                "plan": plan.name,
                "period": f"{period.start.isoformat()} to {period.end.isoformat()}" if period else "nothing",
                "as_of": as_of.isoformat(),
            },
        )
