"""The check kinds a pack rule may use (``present``, ``at_least``, ``matches``, ``refers_to``...): one test each.

Each :class:`Operator` says how to read its argument from TOML, which kinds
of field it suits and how it tests a value; :data:`OPERATORS` is the table
:mod:`.checks` compiles from. A test gets the value found at the check's
field, the parsed argument, the :class:`~.checks.Scope` and the field's
label, and returns whether it passed and, if not, why in plain words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ..text import name_key
from .fields import resolve
from .patterns import SafePattern, UnsafePattern, compile_pattern
from .suggest import did_you_mean
from .values import BadThreshold, amount_of, date_of, is_present, parse_threshold, show, text_of

if TYPE_CHECKING:
    from .checks import Scope

Test = Callable[[Any, Any, "Scope", str], tuple[bool, str]]


@dataclass(frozen=True)
class Operator:
    """One check kind: how to read its argument, which field kinds it suits, how to test."""

    parse: Callable[[Any], Any]
    kinds: tuple[str, ...]
    test: Test
    wording: str


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
    allowed = _allowed(options)
    for element in _values(value):
        if name_key(text_of(element)) not in allowed:
            return False, f"{label} is '{text_of(element)}', not one of {', '.join(map(str, options))}"
    return True, ""


def _allowed(options: list[Any]) -> frozenset[str]:
    """The options' keys (:func:`name_key`), worked out once per check (a check's options never change)."""
    known = _ALLOWED.get(id(options))
    if known is None or known[0] is not options:
        if len(_ALLOWED) >= 4096:
            _ALLOWED.clear()
        known = _ALLOWED[id(options)] = (options, frozenset(name_key(str(option)) for option in options))
    return known[1]


_ALLOWED: dict[int, tuple[list[Any], frozenset[str]]] = {}  # by the options list's identity (the list is kept, so its id stays its own)


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
        if value is wanted or value == wanted:
            return True, ""  # the reason is worded only for a failure (a ``where`` tests every item)
        return False, f"{label} is {show(value)}, expected {str(wanted).lower()}"
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


def _each_date(value: Any, label: str, fault: Callable[[dt.date, Any], str]) -> tuple[bool, str]:
    """The one walk the date checks share: missing or not a date fails; else ``fault`` says what is wrong ('' if nothing)."""
    if not is_present(value):
        return False, f"{label} is missing"
    for element in _values(value):
        got = date_of(element)
        if got is None:
            return False, f"{label} is {show(element)}, not a date"
        problem = fault(got, element)
        if problem:
            return False, problem
    return True, ""


def _within_period(value: Any, wanted: bool, scope: Scope, label: str) -> tuple[bool, str]:
    period = scope.plan.period
    if period is None:  # no period to compare with: another rule asks for the period
        return (True, "") if is_present(value) else (False, f"{label} is missing")
    return _each_date(value, label, lambda got, element: "" if period.start <= got <= period.end else
                      f"{label} {show(element)} is outside the plan period {period.start} to {period.end}")


def _not_past(value: Any, wanted: bool, scope: Scope, label: str) -> tuple[bool, str]:
    return _each_date(value, label, lambda got, element: "" if got >= scope.as_of else
                      f"{label} {show(element)} is in the past (as of {scope.as_of})")


def _min_words(value: Any, n: int, scope: Scope, label: str) -> tuple[bool, str]:
    if not is_present(value):
        return False, f"{label} is missing"
    for element in _values(value):
        words = len(text_of(element).split())
        if words < n:
            return False, f"{label} '{text_of(element)}' has {words} word(s); write at least {n}"
    return True, ""


REFERENCE_TARGETS = ("stakeholder", "team", "anyone")


def _refers(key: Callable[[str], str]) -> Test:
    """``refers_to``: names compared by ``key`` (:func:`name_key`, or exactly as written with ``exact = true``)."""

    def refers_to(value: Any, target: str, scope: Scope, label: str) -> tuple[bool, str]:
        if not is_present(value):
            return False, f"{label} is missing"
        known = _people(target, key, scope)
        for element in _values(value):
            if key(text_of(element)) not in known:
                where = {"stakeholder": "a stakeholder", "team": "the plan owner or team", "anyone": "a stakeholder or team member"}[target]
                return False, f"{label} '{text_of(element)}' is not {where} in this plan"
        return True, ""

    return refers_to


def _people(target: str, key: Callable[[str], str], scope: Scope) -> frozenset[str]:
    """The names ``refers_to`` accepts, worked out once per rule run (not once per item)."""
    memo = f"people:{target}:{key is name_key}"
    if memo not in scope.cache:
        stakeholders = {key(s.name) for s in scope.plan.stakeholders} if target != "team" else set()
        team = {key(p) for p in scope.plan.people()} if target != "stakeholder" else set()
        scope.cache[memo] = frozenset(stakeholders | team)
    return scope.cache[memo]  # type: ignore[no-any-return]


def _not_applicable(value: Any, wanted: Any, scope: Scope, label: str) -> tuple[bool, str]:
    raise AssertionError("unique is evaluated by Leaf with every item in view")


def _unique(value: Any, path: str, scope: Scope, label: str) -> tuple[bool, str]:
    key = f"unique:{path}"
    if key not in scope.cache:
        counts: dict[str, int] = {}
        for other in scope.items:
            for element in _values(resolve(other, path, scope).value):
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
    "refers_to": Operator(_target, ("text",), _refers(name_key), "names a person in the plan ({arg})"),
    "unique": Operator(_true, ("text", "number", "date", "node"), _not_applicable, "is not repeated"),
}

# ``refers_to`` with ``exact = true``: the name written exactly as the plan writes it (case and spaces count).
EXACT_REFERS_TO = Operator(_target, ("text",), _refers(str), "names a person in the plan exactly as written ({arg})")
