"""From a check's TOML table to a :class:`~.checks.Check`: every mistake collected with where it is.

``check = { field = "target.value", at_least = "$50k" }`` names one check kind
(:data:`~.operators.OPERATORS`) or combinator, a field path checked against
the item type, and options. Each problem (unknown check name, wrong argument,
unknown field, unsafe pattern) becomes a :class:`SpecError` naming the place
(``check.all[1]``) and the key, so the loader can point at the line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .checks import All, AnyOf, Check, Counting, Leaf, Not
from .fields import FieldError, FieldType, field_type
from .operators import EXACT_REFERS_TO, OPERATORS
from .suggest import did_you_mean
from .values import COUNTING

COMBINATORS = ("all", "any", "not")
OPTIONS = ("field", "message", "at", "count", "words", "exact")


class SpecError(ValueError):
    """A mistake in a pack, with where it is (``check.all[1]``) and the offending key."""

    def __init__(self, where: str, message: str, key: str = "") -> None:
        super().__init__(message)
        self.where = where
        self.message = message
        self.key = key


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
    for extra in ("field", "at", "count", "words", "exact"):
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
    exact = raw.get("exact", False)
    if "exact" in raw and (key != "refers_to" or not isinstance(exact, bool)):
        errors.append(SpecError(where, f"'exact' goes with refers_to and is true or false, got {exact!r} with '{key}'", "exact"))
        return None
    if exact:
        operator = EXACT_REFERS_TO
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
