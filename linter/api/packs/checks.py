"""Checks: what a pack rule demands of each item, and the combinators all / any / not.

A check is a TOML table with one check name, an optional ``field`` (a path
from the item; the item itself when left out), an optional ``message`` and an
optional ``at = "item"`` to point the finding at the item rather than the field:

    check = { field = "target.value", at_least = "$50k" }
    check = { all = [ { field = "owner", present = true },
                      { field = "owner", refers_to = "team" } ] }

Checks are compiled once when the pack loads; every problem (unknown check
name, wrong argument, unknown field, unsafe pattern) is collected with the
place it was found, so an author sees all mistakes at once.

On a missing value every check fails except ``present = false``,
``max_count`` and ``not_matches``: "target at least $50k" is not met by an
objective with no target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from ... import model
from .fields import FieldError, FieldType, resolve, field_type
from .patterns import SafePattern
from .selectors import Selected
from .suggest import did_you_mean
from .operators import OPERATORS, Operator, _unique
from ..text import pasted_sentences
from .values import COUNTING, Amount, count_of

COMBINATORS = ("all", "any", "not")
OPTIONS = ("field", "message", "at", "count", "words")


class SpecError(ValueError):
    """A mistake in a pack, with where it is (``check.all[1]``) and the offending key."""

    def __init__(self, where: str, message: str, key: str = "") -> None:
        super().__init__(message)
        self.where = where
        self.message = message
        self.key = key


@dataclass
class Scope:
    """What checks may look at besides the item: the plan, the date, all items (for ``unique``)."""

    plan: model.Plan
    as_of: dt.date
    quadrant: Optional[str] = None  # the engine's: a portfolio's placement wins
    items: list[Selected] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def pasted(self) -> frozenset[str]:
        """The plan's pasted sentences (:func:`planlint.api.text.pasted_sentences`), worked out once per rule run."""
        if "pasted" not in self.cache:
            self.cache["pasted"] = pasted_sentences(self.plan)
        return self.cache["pasted"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Outcome:
    passed: bool
    reason: str = ""
    span: Optional[model.Span] = None
    value: Any = None
    field: str = ""
    expected: str = ""
    count: int = 0
    message: Optional[str] = None
    total: int = 0


class Check:
    """Base of compiled checks."""

    message: Optional[str] = None

    def evaluate(self, selected: Selected, scope: Scope) -> Outcome:  # pragma: no cover - abstract
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

    def evaluate(self, selected: Selected, scope: Scope) -> Outcome:
        resolved = resolve(selected.item, self.path, scope)
        label = self.path or "it"
        pasted = scope.pasted() if self.counting.how == "substantive" else frozenset()
        count = count_of(resolved.value, self.counting.how, self.counting.words, pasted)
        if self.name == "unique":  # the one check that compares an item with the others
            passed, reason = _unique(resolved.value, self.path, scope, label)
        elif self.name in ("min_count", "max_count"):
            passed, reason = self.operator.test(count, self.argument, scope, label)
        else:
            passed, reason = self.operator.test(resolved.value, self.argument, scope, label)
        span = selected.item.span if self.at == "item" else resolved.span
        return Outcome(
            passed, reason, span, resolved.value, self.path, self.describe_argument(), count,
            None if passed else self.message, count_of(resolved.value),
        )

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

    def evaluate(self, selected: Selected, scope: Scope) -> Outcome:
        last = Outcome(True, span=selected.item.span)
        for part in self.parts:
            last = part.evaluate(selected, scope)
            if not last.passed:
                return _with_message(last, self.message)
        return last

    def describe(self) -> str:
        return " and ".join(part.describe() for part in self.parts)


@dataclass
class AnyOf(Check):
    parts: list[Check]
    message: Optional[str] = None

    def evaluate(self, selected: Selected, scope: Scope) -> Outcome:
        outcomes = []
        for part in self.parts:
            outcome = part.evaluate(selected, scope)
            if outcome.passed:
                return outcome
            outcomes.append(outcome)
        first = outcomes[0]
        reason = "; or ".join(o.reason for o in outcomes if o.reason)
        return Outcome(False, reason, first.span, first.value, first.field, first.expected, first.count,
                       self.message or first.message, first.total)

    def describe(self) -> str:
        return " or ".join(part.describe() for part in self.parts)


@dataclass
class Not(Check):
    part: Check
    message: Optional[str] = None

    def evaluate(self, selected: Selected, scope: Scope) -> Outcome:
        inner = self.part.evaluate(selected, scope)
        if not inner.passed:
            return Outcome(True, span=inner.span)
        return Outcome(False, f"it should not be so that {self.part.describe()}", inner.span, inner.value,
                       inner.field, inner.expected, inner.count, self.message, inner.total)

    def describe(self) -> str:
        return f"not ({self.part.describe()})"


def _with_message(outcome: Outcome, message: Optional[str]) -> Outcome:
    if message is None or outcome.message is not None:
        return outcome
    return Outcome(outcome.passed, outcome.reason, outcome.span, outcome.value, outcome.field, outcome.expected,
                   outcome.count, message, outcome.total)


# --------------------------------------------------------------------------- compiling


def compile_check(raw: Any, where: str, item_type: type, errors: list[SpecError]) -> Optional[Check]:
    """Build a :class:`Check` from its TOML table, appending every mistake to ``errors``."""
    if not isinstance(raw, dict):
        errors.append(SpecError(where, f"expected a table like {{ field = \"owner\", present = true }}, got {raw!r}"))
        return None
    message = raw.get("message")
    if message is not None and not isinstance(message, str):
        errors.append(SpecError(where, "'message' must be text in quotes", "message"))
        message = None
    combinators = [key for key in COMBINATORS if key in raw]
    operators = [key for key in raw if key in OPERATORS]
    unknown = [key for key in raw if key not in OPERATORS and key not in COMBINATORS and key not in OPTIONS]
    for key in unknown:
        errors.append(SpecError(where, f"unknown check '{key}'{did_you_mean(key, [*OPERATORS, *COMBINATORS, *OPTIONS])}", key))
    if unknown:
        return None
    chosen = combinators + operators
    if len(chosen) != 1:
        what = "none" if not chosen else ", ".join(chosen)
        errors.append(SpecError(where, f"a check needs exactly one of {', '.join([*OPERATORS, *COMBINATORS])}; found {what}"))
        return None
    key = chosen[0]
    if key in COMBINATORS:
        return _compile_combinator(key, raw, where, item_type, errors, message)
    return _compile_leaf(key, raw, where, item_type, errors, message)


def _compile_combinator(key: str, raw: dict, where: str, item_type: type, errors: list[SpecError],
                        message: Optional[str]) -> Optional[Check]:
    for extra in ("field", "at", "count", "words"):
        if extra in raw:
            errors.append(SpecError(where, f"'{extra}' belongs on the checks inside '{key}', not on '{key}' itself", extra))
    if key == "not":
        part = compile_check(raw["not"], f"{where}.not", item_type, errors)
        return Not(part, message) if part else None
    items = raw[key]
    if not isinstance(items, list) or not items:
        errors.append(SpecError(where, f"'{key}' takes a list of checks: {key} = [ {{ ... }}, {{ ... }} ]", key))
        return None
    parts = [compile_check(item, f"{where}.{key}[{i}]", item_type, errors) for i, item in enumerate(items)]
    if any(part is None for part in parts):
        return None
    return (All if key == "all" else AnyOf)(parts, message)  # type: ignore[arg-type]


def _compile_leaf(key: str, raw: dict, where: str, item_type: type, errors: list[SpecError],
                  message: Optional[str]) -> Optional[Check]:
    path = raw.get("field", "")
    if not isinstance(path, str):
        errors.append(SpecError(where, "'field' must be a path in quotes, e.g. \"target.value\"", "field"))
        return None
    at = raw.get("at", "field")
    if at not in ("field", "item"):
        errors.append(SpecError(where, f"'at' must be \"field\" or \"item\", got {at!r}", "at"))
        return None
    counting = _counting(raw, key, where, errors)
    if counting is None:
        return None
    try:
        kind: FieldType = field_type(item_type, path)
    except FieldError as error:
        errors.append(SpecError(where, f"field '{path}': {error}", "field"))
        return None
    operator = OPERATORS[key]
    try:
        argument = operator.parse(raw[key])
    except ValueError as error:
        errors.append(SpecError(where, f"{key}: {error}", key))
        return None
    if key not in ("min_count", "max_count", "present") and kind.kind not in operator.kinds:
        errors.append(SpecError(where, f"'{key}' does not apply to field '{path or 'the item'}', which is {kind.kind}", key))
        return None
    if key in ("at_least", "at_most", "more_than", "less_than"):
        wants_date = isinstance(argument, dt.date)
        if wants_date != (kind.kind == "date"):
            shown = "a date" if kind.kind == "date" else "a number or amount"
            errors.append(SpecError(where, f"'{key}': field '{path}' holds {shown}, so compare it with {shown}", key))
            return None
    return Leaf(key, argument, operator, path, message, at, counting)


def _counting(raw: dict, key: str, where: str, errors: list[SpecError]) -> Optional[Counting]:
    how = raw.get("count", "all")
    words = raw.get("words", 3)
    if ("count" in raw or "words" in raw) and key not in ("min_count", "max_count"):
        errors.append(SpecError(where, f"'count' and 'words' go with min_count or max_count, not with '{key}'", "count"))
        return None
    if how not in COUNTING:
        errors.append(SpecError(where, f"count must be one of {', '.join(COUNTING)}, got {how!r}{did_you_mean(str(how), COUNTING)}", "count"))
        return None
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        errors.append(SpecError(where, f"words must be a whole number of 1 or more, got {words!r}", "words"))
        return None
    return Counting(how, words)
