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
from typing import Any, Callable, Optional

from ... import model
from ..text import name_key
from .fields import FieldError, FieldType, resolve, field_type
from .patterns import SafePattern, UnsafePattern, compile_pattern
from .selectors import Selected
from .suggest import did_you_mean
from .values import COUNTING, Amount, BadThreshold, amount_of, count_of, date_of, is_present, parse_threshold, show, text_of

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

Test = Callable[[Any, Any, Scope, str], tuple[bool, str]]


@dataclass(frozen=True)
class Counting:
    """How ``min_count`` / ``max_count`` count: all values, real ones, or substantive sentences."""

    how: str = "all"
    words: int = 3


@dataclass(frozen=True)
class Operator:
    """One check kind: how to read its argument, which field kinds it suits, how to test."""

    parse: Callable[[Any], Any]
    kinds: tuple[str, ...]
    test: Test
    wording: str


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
        count = count_of(resolved.value, self.counting.how, self.counting.words)
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


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _present(value: Any, wanted: bool, scope: Scope, label: str) -> tuple[bool, str]:
    present = is_present(value)
    if present == wanted:
        return True, ""
    return False, f"{label} is missing or empty" if wanted else f"{label} should be left out, but is {show(value)}"


def _min_count(count: int, n: int, scope: Scope, label: str) -> tuple[bool, str]:
    return count >= n, f"{label} has {count}; at least {n} needed"


def _max_count(count: int, n: int, scope: Scope, label: str) -> tuple[bool, str]:
    return count <= n, f"{label} has {count}; at most {n} allowed"


def _matches(value: Any, pattern: SafePattern, scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    for element in _values(value):
        if pattern.search(text_of(element)) is None:
            return False, f"{label} '{text_of(element)}' does not match {pattern.source}"
    return True, ""


def _not_matches(value: Any, pattern: SafePattern, scope: Scope, label: str) -> tuple[bool, str]:
    for element in _values(value):
        found = pattern.search(text_of(element)) if element is not None else None
        if found is not None:
            return False, f"{label} contains '{found.group(0).strip() or found.group(0)}'"
    return True, ""


def _any_matches(value: Any, pattern: SafePattern, scope: Scope, label: str) -> tuple[bool, str]:
    for element in _values(value):
        if element is not None and pattern.search(text_of(element)) is not None:
            return True, ""
    return False, f"nothing in {label} matches {pattern.source}"


def _one_of(value: Any, options: list[str], scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    allowed = {name_key(str(option)) for option in options}
    for element in _values(value):
        if name_key(text_of(element)) not in allowed:
            return False, f"{label} is '{text_of(element)}', not one of {', '.join(map(str, options))}"
    return True, ""


def _contains(value: Any, options: list[str], scope: Scope, label: str) -> tuple[bool, str]:
    wanted = {name_key(option) for option in options}
    found = {name_key(text_of(element)) for element in _values(value) if element is not None}
    if wanted & found:
        return True, ""
    return False, f"{label} has {show(value)}; none is {' or '.join(options)}"


def _words(raw: Any) -> list[str]:
    return _options([raw] if isinstance(raw, str) else raw)


def _equals(value: Any, wanted: Any, scope: Scope, label: str) -> tuple[bool, str]:
    if isinstance(wanted, bool):
        return (value is wanted) or (value == wanted), f"{label} is {show(value)}, expected {str(wanted).lower()}"
    return _one_of(value, [wanted], scope, label)


def _compare(symbol: str, words: str) -> Test:
    import operator as op

    compare = {">=": op.ge, "<=": op.le, ">": op.gt, "<": op.lt}[symbol]

    def test(value: Any, threshold: Any, scope: Scope, label: str) -> tuple[bool, str]:
        if not is_present(value):
            return False, f"{label} is missing"
        for element in _values(value):
            if isinstance(threshold, dt.date):
                got = date_of(element)
                if got is None:
                    return False, f"{label} is {show(element)}, not a date"
                if not compare(got, threshold):
                    return False, f"{label} is {show(element)}; it must be {words} {threshold.isoformat()}"
                continue
            amount = amount_of(element)
            if amount is None:
                return False, f"{label} is {show(element)}, not a number"
            if threshold.kind != "number" and amount.kind != threshold.kind:
                return False, f"{label} is {amount.text}, which cannot be compared with {threshold.text}"
            if threshold.kind == "money" and amount.currency != threshold.currency:
                return False, f"{label} is in {amount.currency}, the threshold {threshold.text} in {threshold.currency}"
            if not compare(amount.value, threshold.value):
                return False, f"{label} is {amount.text}; it must be {words} {threshold.text}"
        return True, ""

    return test


def _within_period(value: Any, wanted: bool, scope: Scope, label: str) -> tuple[bool, str]:
    period = scope.plan.period
    if not is_present(value):
        return False, f"{label} is missing"
    if period is None:
        return True, ""  # no period to compare with: another rule asks for the period
    for element in _values(value):
        got = date_of(element)
        if got is None:
            return False, f"{label} is {show(element)}, not a date"
        if not period.start <= got <= period.end:
            return False, f"{label} {show(element)} is outside the plan period {period.start} to {period.end}"
    return True, ""


def _not_past(value: Any, wanted: bool, scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    for element in _values(value):
        got = date_of(element)
        if got is None:
            return False, f"{label} is {show(element)}, not a date"
        if got < scope.as_of:
            return False, f"{label} {show(element)} is in the past (as of {scope.as_of})"
    return True, ""


def _min_words(value: Any, n: int, scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    for element in _values(value):
        words = len(text_of(element).split())
        if words < n:
            return False, f"{label} '{text_of(element)}' has {words} word(s); write at least {n}"
    return True, ""


REFERENCE_TARGETS = ("stakeholder", "team", "anyone")


def _refers_to(value: Any, target: str, scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    stakeholders = {name_key(s.name) for s in scope.plan.stakeholders}
    team = {name_key(p) for p in scope.plan.people()}
    known = {"stakeholder": stakeholders, "team": team, "anyone": stakeholders | team}[target]
    where = {"stakeholder": "a stakeholder", "team": "the plan owner or team", "anyone": "a stakeholder or team member"}[target]
    for element in _values(value):
        if name_key(text_of(element)) not in known:
            return False, f"{label} '{text_of(element)}' is not {where} in this plan"
    return True, ""


def _not_applicable(value: Any, wanted: Any, scope: Scope, label: str) -> tuple[bool, str]:
    raise AssertionError("unique is evaluated by Leaf with every item in view")


def _unique(value: Any, path: str, scope: Scope, label: str) -> tuple[bool, str]:
    key = f"unique:{path}"
    if key not in scope.cache:
        counts: dict[str, int] = {}
        for other in scope.items:
            for element in _values(resolve(other.item, path, scope).value):
                if is_present(element):
                    text = name_key(text_of(element))
                    counts[text] = counts.get(text, 0) + 1
        scope.cache[key] = counts
    counts = scope.cache[key]
    for element in _values(value):
        if is_present(element) and counts.get(name_key(text_of(element)), 0) > 1:
            return False, f"{label} '{text_of(element)}' appears more than once"
    return True, ""


# --------------------------------------------------------------------------- argument readers


def _bool(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {raw!r}")
    return raw


def _true(raw: Any) -> bool:
    if raw is not True:
        raise ValueError(f"expected true, got {raw!r} (use not = {{ ... }} for the opposite)")
    return True


def _count(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise ValueError(f"expected a whole number of 0 or more, got {raw!r}")
    return raw


def _pattern(raw: Any) -> SafePattern:
    if not isinstance(raw, str) or not raw:
        raise ValueError(f"expected a pattern in quotes, got {raw!r}")
    try:
        return compile_pattern(raw)
    except UnsafePattern as error:
        raise ValueError(f"pattern {raw!r} refused: {error}") from None


def _options(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(v, (str, int, float)) for v in raw):
        raise ValueError(f"expected a list of words, e.g. [\"revenue\", \"marketing\"], got {raw!r}")
    return [str(v) for v in raw]


def _scalar(raw: Any) -> Any:
    if not isinstance(raw, (str, int, float, bool)):
        raise ValueError(f"expected a word, a number or true/false, got {raw!r}")
    return raw


def _threshold(raw: Any) -> Any:
    try:
        return parse_threshold(raw)
    except BadThreshold as error:
        raise ValueError(str(error)) from None


def _target(raw: Any) -> str:
    if raw not in REFERENCE_TARGETS:
        raise ValueError(f"expected one of {', '.join(REFERENCE_TARGETS)}, got {raw!r}{did_you_mean(str(raw), REFERENCE_TARGETS)}")
    return raw


ANY_KIND = ("text", "number", "date", "node", "bool")
TEXTUAL = ("text", "node")

OPERATORS: dict[str, Operator] = {
    "present": Operator(_bool, ANY_KIND, _present, "is present (true) / absent (false): {arg}"),
    "min_count": Operator(_count, ANY_KIND, _min_count, "has at least {arg}"),
    "max_count": Operator(_count, ANY_KIND, _max_count, "has at most {arg}"),
    "matches": Operator(_pattern, TEXTUAL, _matches, "matches {arg}"),
    "any_matches": Operator(_pattern, TEXTUAL, _any_matches, "has something matching {arg}"),
    "not_matches": Operator(_pattern, TEXTUAL, _not_matches, "does not match {arg}"),
    "one_of": Operator(_options, ("text", "number", "bool"), _one_of, "is one of {arg}"),
    "contains": Operator(_words, ("text", "number", "bool"), _contains, "includes {arg}"),
    "equals": Operator(_scalar, ("text", "number", "bool"), _equals, "equals {arg}"),
    "at_least": Operator(_threshold, ("number", "date"), _compare(">=", "at least"), "is at least {arg}"),
    "at_most": Operator(_threshold, ("number", "date"), _compare("<=", "at most"), "is at most {arg}"),
    "more_than": Operator(_threshold, ("number", "date"), _compare(">", "more than"), "is more than {arg}"),
    "less_than": Operator(_threshold, ("number", "date"), _compare("<", "less than"), "is less than {arg}"),
    "within_period": Operator(_true, ("date",), _within_period, "is inside the plan period"),
    "not_past": Operator(_true, ("date",), _not_past, "is not in the past"),
    "min_words": Operator(_count, TEXTUAL, _min_words, "has at least {arg} words"),
    "refers_to": Operator(_target, ("text",), _refers_to, "names a person in the plan ({arg})"),
    "unique": Operator(_true, ("text", "number", "date", "node"), _not_applicable, "is not repeated"),
}


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
