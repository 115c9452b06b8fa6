"""Checks: what a pack rule demands of each item, and the combinators all / any / not.

A check is a TOML table with one check name, an optional ``field`` (a path
from the item; the item itself when left out), an optional ``message`` and an
optional ``at = "item"`` to point the finding at the item rather than the field:

    check = { field = "target.value", at_least = "$50k" }
    check = { all = [ { field = "owner", present = true },
                      { field = "owner", refers_to = "team" } ] }

Checks are built once when the pack loads (:mod:`.checkspec` reads the
TOML and collects every mistake with its place). Each
check then gives :meth:`Check.compiled`, a plain function for the per-item
test: its field path is split and looked up once, its argument parsed once,
and on a pass it builds nothing (:data:`PASS`). Only a failure is explained
in full by :meth:`Check.evaluate` (where, what was found, why), so a TOML
rule costs about what the same rule written in Python costs. Nothing in a
pack is ever run as code: a check is data that picks one of these functions.

On a missing value every check fails except ``present = false``,
``max_count`` and ``not_matches``: "target at least $50k" is not met by an
objective with no target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, NamedTuple, Optional

from ... import model
from ..text import placeholder, shared_pasted
from .fields import compile_path, plain_attribute, resolve, span_of
from .operators import Operator, _unique
from .patterns import SafePattern
from .values import JUDGED, Amount, count_of, is_present

@dataclass
class Scope:
    """What checks may look at besides the item: the plan, the date, all items (for ``unique``)."""

    plan: model.Plan
    as_of: dt.date
    quadrant: Optional[str] = None  # the engine's: a portfolio's placement wins
    items: list[Any] = field(default_factory=list)  # every item the rule checks (for ``unique``)
    cache: dict[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)  # the plan check's CheckContext.shared: what every rule may reuse

    def pasted(self) -> frozenset[str]:
        """The plan's pasted sentences (:func:`planlint.api.text.pasted_sentences`), worked out once per plan check
        and shared with every rule that asks (under the same key as ``CheckContext.memo``)."""
        return shared_pasted(self.shared, self.plan)

    def own_names(self) -> frozenset[str]:
        """The words of the account's own name (lower case): every line about it may use them, so they name nothing."""
        if "own" not in self.cache:
            self.cache["own"] = frozenset((self.plan.account or "").lower().split())
        return self.cache["own"]  # type: ignore[no-any-return]

    def counted(self, value: Any, how: str, words: int) -> int:
        """:func:`count_of` with what this plan's counting needs: its pasted sentences and the account's own name."""
        if how not in JUDGED:
            return count_of(value, how, words)
        return count_of(value, how, words, self.pasted(), self.own_names() if how == "specific" else frozenset())


class Outcome(NamedTuple):
    """What a check found on one item. A tuple: built for every failing item, and cheaply."""

    passed: bool
    reason: str = ""
    span: Optional[model.Span] = None
    value: Any = None
    field: str = ""
    expected: str = ""
    count: int = 0
    message: Optional[str] = None
    total: int = 0


PASS = Outcome(True)  # what a compiled check returns when the item passes: nothing to explain

Run = Callable[[Any, Scope], Outcome]  # (item, scope) -> outcome


class Check:
    """Base of compiled checks."""

    message: Optional[str] = None

    def evaluate(self, item: Any, scope: Scope) -> Outcome:  # pragma: no cover - abstract
        """The full outcome: passed or not, and where, what was found and why."""
        raise NotImplementedError

    def compiled(self) -> Run:  # pragma: no cover - abstract
        """The per-item test as one function: :data:`PASS` on a pass, :meth:`evaluate`'s outcome on a failure."""
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


# --------------------------------------------------------------------------- leaf checks



@dataclass(frozen=True)
class Counting:
    """How ``min_count`` / ``max_count`` count: all values, real ones, or substantive sentences."""

    how: str = "all"
    words: int = 3


@dataclass
class Leaf(Check):
    name: str
    argument: Any
    operator: Operator
    path: str = ""
    message: Optional[str] = None
    at: str = "field"
    counting: Counting = Counting()

    def evaluate(self, item: Any, scope: Scope) -> Outcome:
        return self._explain(item, scope)

    @cached_property
    def _explain(self) -> Run:
        """The full outcome as one function: what :meth:`evaluate` returns, built once per check."""
        name, test, argument, path, at, message = self.name, self.operator.test, self.argument, self.path, self.at, self.message
        how, words, label, attribute = self.counting.how, self.counting.words, path or "it", plain_attribute(path)
        expected, counts = self.describe_argument(), name in ("min_count", "max_count")

        def explain(item: Any, scope: Scope) -> Outcome:
            if attribute:  # one plain step: no walk
                value = getattr(item, attribute, None)
                plain = value is None or isinstance(value, list)
                span = item.span if plain else span_of(item, attribute, value, item.span)
            else:
                resolved = resolve(item, path, scope)
                value, span = resolved.value, resolved.span
            count = scope.counted(value, how, words)
            if name == "unique":  # the one check that compares an item with the others
                passed, reason = _unique(value, path, scope, label)
            else:
                passed, reason = test(count if counts else value, argument, scope, label)
            return Outcome(passed, reason, item.span if at == "item" else span, value, path, expected, count,
                           None if passed else message, count if how == "all" else count_of(value))

        return explain

    def compiled(self) -> Run:
        get, test, argument, explain = compile_path(self.path), self.operator.test, self.argument, self.evaluate
        label = self.path or "it"
        if self.name == "unique":
            path = self.path

            def unique(item: Any, scope: Scope) -> Outcome:
                return PASS if _unique(get(item, scope), path, scope, label)[0] else explain(item, scope)

            return unique
        if self.name in ("min_count", "max_count"):
            how, words = self.counting.how, self.counting.words

            def counted(item: Any, scope: Scope) -> Outcome:
                count = scope.counted(get(item, scope), how, words)
                return PASS if test(count, argument, scope, label)[0] else explain(item, scope)

            return counted

        if self.name == "present":  # the most common check: no reason worded, text judged at once
            wanted, attribute = argument, plain_attribute(self.path)

            def present(item: Any, scope: Scope) -> Outcome:
                value = getattr(item, attribute, None) if attribute else get(item, scope)
                found = placeholder(value) is None if type(value) is str else is_present(value)
                return PASS if found is wanted else explain(item, scope)

            return present

        def leaf(item: Any, scope: Scope) -> Outcome:
            return PASS if test(get(item, scope), argument, scope, label)[0] else explain(item, scope)

        return leaf

    def describe_argument(self) -> str:
        arg = self.argument
        if isinstance(arg, SafePattern):
            return arg.source
        if isinstance(arg, Amount):
            return arg.text
        if isinstance(arg, dt.date):
            return arg.isoformat()
        if isinstance(arg, (list, tuple)):
            return ", ".join(str(a) for a in arg)
        return str(arg)

    def describe(self) -> str:
        return f"{self.path or 'it'} {self.operator.wording.format(arg=self.describe_argument())}"


# --------------------------------------------------------------------------- combinators


@dataclass
class All(Check):
    parts: list[Check]
    message: Optional[str] = None

    def evaluate(self, item: Any, scope: Scope) -> Outcome:
        last = Outcome(True, span=item.span)
        for part in self.parts:
            last = part.evaluate(item, scope)
            if not last.passed:
                return _with_message(last, self.message)
        return last

    def compiled(self) -> Run:
        runs, message = [part.compiled() for part in self.parts], self.message

        def every(item: Any, scope: Scope) -> Outcome:
            for run in runs:
                outcome = run(item, scope)
                if not outcome.passed:
                    return _with_message(outcome, message)
            return PASS

        return every

    def describe(self) -> str:
        return " and ".join(part.describe() for part in self.parts)


@dataclass
class AnyOf(Check):
    parts: list[Check]
    message: Optional[str] = None

    def evaluate(self, item: Any, scope: Scope) -> Outcome:
        outcomes = []
        for part in self.parts:
            outcome = part.evaluate(item, scope)
            if outcome.passed:
                return outcome
            outcomes.append(outcome)
        return _none_passed(outcomes, self.message)

    def compiled(self) -> Run:
        runs, message = [part.compiled() for part in self.parts], self.message

        def either(item: Any, scope: Scope) -> Outcome:
            outcomes = []
            for run in runs:
                outcome = run(item, scope)
                if outcome.passed:
                    return PASS
                outcomes.append(outcome)
            return _none_passed(outcomes, message)

        return either

    def describe(self) -> str:
        return " or ".join(part.describe() for part in self.parts)


def _none_passed(outcomes: list[Outcome], message: Optional[str]) -> Outcome:
    """An ``any`` none of whose checks passed: the first one's place and values, every reason."""
    first = outcomes[0]
    reason = "; or ".join(o.reason for o in outcomes if o.reason)
    return Outcome(False, reason, first.span, first.value, first.field, first.expected, first.count,
                   message or first.message, first.total)


@dataclass
class Not(Check):
    part: Check
    message: Optional[str] = None

    def evaluate(self, item: Any, scope: Scope) -> Outcome:
        inner = self.part.evaluate(item, scope)
        if not inner.passed:
            return Outcome(True, span=inner.span)
        return self._failed(inner)

    def _failed(self, inner: Outcome) -> Outcome:
        return Outcome(False, f"it should not be so that {self.part.describe()}", inner.span, inner.value,
                       inner.field, inner.expected, inner.count, self.message, inner.total)

    def compiled(self) -> Run:
        inner, explain = self.part.compiled(), self.part.evaluate

        def negated(item: Any, scope: Scope) -> Outcome:
            return PASS if not inner(item, scope).passed else self._failed(explain(item, scope))

        return negated

    def describe(self) -> str:
        return f"not ({self.part.describe()})"


def _with_message(outcome: Outcome, message: Optional[str]) -> Outcome:
    if message is None or outcome.message is not None:
        return outcome
    return Outcome(outcome.passed, outcome.reason, outcome.span, outcome.value, outcome.field, outcome.expected,
                   outcome.count, message, outcome.total)
