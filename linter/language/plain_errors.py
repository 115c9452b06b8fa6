"""Validation errors in the user's words, not pydantic's.

Configuration files and rule packs are validated by pydantic models, whose
own messages speak Python ("Input should be a valid date or datetime, input
is too short", ``datetime.datetime(2027, 2, 1, 10, 0)``). A sales-operations
person editing ``planlint.toml`` should read what to write instead, with the
value shown as they wrote it in TOML. Every place that reports a pydantic
error to a user goes through :func:`plain_message`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Mapping


def shown_value(value: Any) -> str:
    """A value as it is written in TOML: ``'warnng'``, ``2027-02-01T10:00:00``, ``[1, 2]``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(shown_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {shown_value(item)}" for key, item in value.items()) + "}"
    return str(value)


_TYPE_TAGS = frozenset({"str", "int", "float", "bool", "date", "datetime", "none", "dict", "list"})


def _is_union_tag(part: Any) -> bool:
    """A ``loc`` part naming a branch of a union (``literal['a','b']``, ``list[str]``), not a key the user wrote."""
    return isinstance(part, str) and ("[" in part or part in _TYPE_TAGS)


def merged(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic's errors with a union's branches folded into one error per value.

    ``essentials = { PL105 = "custmer" }`` fails both branches of
    ``Literal[...] | Literal[False]``; the user wrote one value, so they get one
    message that lists every choice of every branch.
    """
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for error in errors:
        loc = tuple(part for part in error.get("loc", ()) if not _is_union_tag(part))
        key = (loc, repr(error.get("input")))
        entry = {**error, "loc": loc}
        if key not in out:
            out[key] = entry
            continue
        first = out[key]
        if first.get("type") in ("enum", "literal_error") and entry.get("type") in ("enum", "literal_error"):
            choices = [*_choices(first.get("ctx") or {}), *_choices(entry.get("ctx") or {}),
                       *(["false"] if (entry.get("ctx") or {}).get("expected") == "False" else [])]
            first["ctx"] = {"expected": ", ".join(f"'{choice}'" for choice in dict.fromkeys(choices))}
    return list(out.values())


def _choices(ctx: Mapping[str, Any]) -> list[str]:
    return re.findall(r"'([^']+)'", str(ctx.get("expected", "")))


def _one_of(choices: list[str]) -> str:
    quoted = [choice if choice in ("true", "false") else f"'{choice}'" for choice in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def expected(error: Mapping[str, Any]) -> str:
    """What should have been written, for one pydantic error entry (``"a date like 2027-02-01"``)."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if (kind == "enum" or kind == "literal_error") and _choices(ctx):
        return f"one of {_one_of(_choices(ctx))}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "a date like 2027-02-01 (no time of day)" if isinstance(error.get("input"), dt.datetime) \
            else "a date like 2027-02-01"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[kind]
        bound = next(iter(ctx.values()), "")
        return f"a number {words} {shown_value(bound)}"
    if kind.startswith("float") or kind.startswith("int") or kind == "finite_number":
        return "a number" if kind != "finite_number" else "a finite number"
    if kind.startswith("bool"):
        return "true or false"
    if kind.startswith("string"):
        return "text in quotes"
    if kind.startswith("list") or kind.startswith("tuple") or kind.startswith("set"):
        return 'a list in brackets, like ["PL101"]'
    if kind.startswith("dict") or kind.startswith("model") or kind == "model_attributes_type":
        return "a table, like { PL302 = 3 }"
    if kind == "too_short":
        return f"at least {ctx.get('min_length', 1)} item(s)"
    if kind == "too_long":
        return f"at most {ctx.get('max_length', '')} item(s)"
    if kind == "missing":
        return "a value (it is required)"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    return str(error.get("msg", "a valid value")).replace("Input should be ", "").replace("Value error, ", "")


def plain_message(error: Mapping[str, Any]) -> str:
    """``expected one of 'error', 'warning' or 'info', got 'warnng'``: what to write, and what was written."""
    if error.get("type") == "missing":
        return "is required but missing"
    value = error.get("input")
    got = "" if isinstance(value, (dict, list)) or value is None else f", got {shown_value(value)}"
    return f"expected {expected(error)}{got}"
