"""Field paths in rule packs (``target.value``, ``research.customer.statements``).

A path is checked against the plan model when the pack loads, so a typo is an
error naming the nearest real field instead of a rule that silently never
fails. At run time a path is followed through the model; walking through a
list (``strategies.actions``) collects the values of every element.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any, Callable, Optional, Union

from pydantic import BaseModel

from ... import model
from ..quadrants import plan_quadrant
from ..roles import is_key
from .suggest import did_you_mean


class FieldError(ValueError):
    """A path that does not exist on the item type; the message suggests the nearest name."""


def _quadrant(plan: model.Plan, scope: Any) -> Optional[str]:
    """A, B, C or D: the engine's quadrant for the plan being checked (a portfolio's placement wins), see
    :func:`planlint.api.quadrants.plan_quadrant`; unknown when neither the portfolio nor the plan says."""
    return scope.quadrant if scope is not None else plan_quadrant(plan)


# Fields computed from the model, offered next to the stored ones: name -> (type, getter(node, scope)).
VIRTUAL: dict[type, dict[str, tuple[Any, Callable[[Any, Any], Any]]]] = {
    model.Plan: {
        "actions": (list[model.Action], lambda plan, _: plan.actions()),
        "strategies": (list[model.Strategy], lambda plan, _: [s for o in plan.objectives for s in o.strategies]),
        "people": (list[str], lambda plan, _: sorted(plan.people())),
        "quadrant": (str, _quadrant),
    },
    model.Objective: {"actions": (list[model.Action], lambda objective, _: objective.actions())},
    # A span is a named tuple, not a model: its parts are offered as fields, as when it was one (`owner_span.line`).
    model.Span: {name: (int, lambda span, _, name=name: getattr(span, name)) for name in model.SPAN_FIELDS},
    model.Stakeholder: {"key": (bool, lambda person, _: is_key(person))},
    model.CustomerResearch: {"statements": (list[model.Statement], lambda research, _: research.statements())},
    model.CompanyResearch: {"statements": (list[model.Statement], lambda research, _: research.statements())},
    model.Competitor: {
        "statements": (list[model.Statement], lambda c, _: [*c.strengths, *c.weaknesses, *c.facts]),
    },
}

HIDDEN = {"span", "kind"}


@dataclass(frozen=True)
class FieldType:
    """What a path leads to, enough to tell which checks make sense on it."""

    kind: str  # "text", "number", "date", "node", "bool"
    many: bool
    python: Any


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip Optional and list: (inner type, whether a list was crossed)."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
            return annotation, many
        if origin is list:
            annotation, many = typing.get_args(annotation)[0], True
            continue
        return annotation, many


def _kind(python: Any) -> str:
    if typing.get_origin(python) in (Union, types.UnionType):
        return "number"  # Quantity: Money | Percent | Count
    if python in (model.Money, model.Percent, model.Count, int, float):
        return "number"
    if python in (dt.date, model.DateValue):
        return "date"
    if python is bool:
        return "bool"
    if isinstance(python, type) and issubclass(python, (str, Enum, model.Text, model.Statement, model.Question)):
        return "text"
    return "node"


def field_names(python: Any) -> list[str]:
    """The names a path may use on a model type: stored fields and computed ones."""
    names: list[str] = []
    if isinstance(python, type) and issubclass(python, BaseModel):
        names = [name for name in python.model_fields if name not in HIDDEN]
    if isinstance(python, type):
        names += list(VIRTUAL.get(python, {}))
    return sorted(set(names))


def field_type(root: Any, path: str) -> FieldType:
    """The type a path leads to from ``root``, or :class:`FieldError` naming the nearest field."""
    current, many = root, False
    for part in path.split(".") if path else []:
        names = field_names(current)
        if part not in names:
            where = getattr(current, "__name__", str(current)).lower()
            if not names:
                raise FieldError(f"'{part}': a {where} value has no fields")
            raise FieldError(f"unknown field '{part}' on {where}{did_you_mean(part, names)}")
        virtual = VIRTUAL.get(current, {})
        annotation = virtual[part][0] if part in virtual else current.model_fields[part].annotation
        current, crossed = _unwrap(annotation)
        many = many or crossed
    return FieldType(_kind(current), many, current)


@dataclass(frozen=True)
class Resolved:
    """A value found at a path, and the position of the nearest node that holds it."""

    value: Any
    span: model.Span
    many: bool


Getter = Callable[[Any, Any], Any]  # (node, scope) -> value


@lru_cache(maxsize=None)  # one per field name a pack uses: names are checked against the model first
def _step(name: str) -> Getter:
    """``(node, scope) -> value`` of the field ``name``: a computed field (:data:`VIRTUAL`) or a stored one."""
    computed = {python: fields[name][1] for python, fields in VIRTUAL.items() if name in fields}
    if not computed:
        return lambda obj, scope: getattr(obj, name, None)
    return lambda obj, scope: computed[type(obj)](obj, scope) if type(obj) in computed else getattr(obj, name, None)


def plain_attribute(path: str) -> str:
    """The attribute a one-step path reads when no computed field has that name (``owner``), else ''."""
    return path if path and "." not in path and not any(path in fields for fields in VIRTUAL.values()) else ""


def compile_path(path: str) -> Getter:
    """``resolve(item, path, scope).value`` as one function, the path split and its steps looked up once.

    What a compiled check calls per item; :func:`resolve` (which also tracks
    the position) is only needed to explain a failure.
    """
    steps = [_step(part) for part in path.split(".")] if path else []
    if not steps:
        return lambda item, scope: item
    if len(steps) == 1:
        return steps[0]

    def get(item: Any, scope: Any) -> Any:
        value, many = item, isinstance(item, list)
        for step in steps:
            if many:
                value = _collect(value, step, scope)
                continue
            value = step(value, scope)
            if value is None:
                break
            many = isinstance(value, list)
        return value

    return get


def _collect(values: list[Any], step: Getter, scope: Any) -> list[Any]:
    """One step through a list (``strategies.actions``): every element's value, lists flattened, missing ones left out."""
    collected: list[Any] = []
    for element in values:
        child = step(element, scope)
        if isinstance(child, list):
            collected.extend(child)
        elif child is not None:
            collected.append(child)
    return collected


def resolve(item: Any, path: str, scope: Any = None) -> Resolved:
    """Follow ``path`` from ``item``; ``None`` where a step is missing, a list after crossing one.

    ``scope`` (the check's :class:`~planlint.api.packs.checks.Scope`) is what computed fields such as
    ``quadrant`` may need besides the node. A plain value (``owner "Jane"``) is placed where the model
    says it was written (its ``owner_span``), else at the nearest node holding it.
    """
    value, span, many = item, getattr(item, "span", model.DEFAULT_SPAN), isinstance(item, list)
    for part in path.split(".") if path else []:
        step = _step(part)
        if many:
            value = _collect(value, step, scope)
            continue
        holder, value = value, step(value, scope)
        if value is None:
            break
        if isinstance(value, list):
            many = True
        else:
            span = span_of(holder, part, value, span)
    return Resolved(value, span, many)


def span_of(holder: Any, part: str, value: Any, span: model.Span) -> model.Span:
    """Where ``value``, found at ``part`` of ``holder``, stands: its own position, else where the model
    says it was written (``owner "Jane"``: the holder's ``owner_span``), else ``span``."""
    own = getattr(value, "span", None)
    if isinstance(own, model.Span):
        return own
    name = f"{part}_span"
    if not _may_have(type(holder), name):  # asking a model for an attribute it lacks costs pydantic a slow __getattr__
        return span
    beside = getattr(holder, name, None)
    return beside if isinstance(beside, model.Span) else span


_MAY_HAVE: dict[tuple[type, str], bool] = {}


def _may_have(kind: type, name: str) -> bool:
    """Whether objects of ``kind`` can have attribute ``name`` (a model without that field, attribute or extras cannot)."""
    found = _MAY_HAVE.get((kind, name))
    if found is None:
        found = _MAY_HAVE[kind, name] = (not issubclass(kind, BaseModel) or name in kind.model_fields
                                         or kind.model_config.get("extra") == "allow" or hasattr(kind, name))
    return found
