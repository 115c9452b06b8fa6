"""A plan rules cannot change, and that costs less memory once it is frozen.

Issue 13's threat model: rules get a plan they cannot change. The models are
frozen pydantic models; :func:`freeze` makes their lists unchangeable too.
It lives at the bottom of the package (below the language) so the builder can
freeze each block as soon as it is read (see ``BuilderBase.settled``), and the
engine freezes what is left of the plan before the rules run.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel

from .nodes import Span


class FrozenList(list):  # type: ignore[type-arg]
    """A list (``isinstance(x, list)`` still holds: pack checks rely on it) that refuses every change."""

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("the plan given to rules cannot be changed")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


EMPTY = FrozenList()  # every empty list of a frozen plan: one object, since none can change


_SHARED_FIELDS_SETS: dict[tuple[str, ...], set[str]] = {}
_MAX_SHARED = 4096  # distinct sets of given fields: a few hundred in practice; the bound keeps memory flat anyway
_HOLDS_NODES: dict[type, bool] = {}


def _may_hold_nodes(cls: type[BaseModel]) -> bool:
    """Whether a field of ``cls`` can hold a node or a list (a :class:`Span` cannot: the walk skips its fields)."""
    def holds(annotation: Any) -> bool:
        if isinstance(annotation, type):
            return issubclass(annotation, (BaseModel, list, dict, tuple, set)) and annotation is not Span
        return get_origin(annotation) is not None and (get_origin(annotation) in (list, dict, tuple, set) or
                                                       any(holds(arg) for arg in get_args(annotation)))

    found = _HOLDS_NODES.get(cls)
    if found is None:
        found = _HOLDS_NODES[cls] = any(holds(field.annotation) for field in cls.model_fields.values())
    return found


def freeze(node: Any) -> None:
    """Make a parsed plan unchangeable in place: every list becomes a :class:`FrozenList` (the models are frozen).

    A rule that mutated ``ctx.plan`` changed every later rule's verdict
    without a trace. A deep copy per rule cost several milliseconds a plan;
    this walk costs about 0.3 ms, once per plan, and afterwards an
    assignment or an ``append`` raises inside the rule that tried it.

    The same walk makes the frozen plan smaller: every empty list becomes one
    shared empty :class:`FrozenList`, and nodes given the same fields share one
    ``__pydantic_fields_set__`` (pydantic keeps a set per node, 216 bytes or
    more; on a plan of many small objectives those sets were a third of the
    model's memory). Nothing can change either once the plan is frozen. Two
    sets are shared when they list the same names in the same order (equal
    sets nearly always do; when not, they are merely kept apart).
    """
    shared = _SHARED_FIELDS_SETS
    holds_nodes = _HOLDS_NODES
    stack = [node]
    while stack:
        current = stack.pop()
        given = current.__pydantic_fields_set__
        key = tuple(given)
        common = shared.get(key)
        if common is None:
            if len(shared) < _MAX_SHARED:
                shared[key] = given
        elif common is not given:
            object.__setattr__(current, "__pydantic_fields_set__", common)
        cls = type(current)
        if not (holds_nodes[cls] if cls in holds_nodes else _may_hold_nodes(cls)):
            continue
        fields = current.__dict__
        for name, value in fields.items():
            if isinstance(value, list):
                if isinstance(value, FrozenList):
                    continue
                if not value:
                    fields[name] = EMPTY
                    continue
                fields[name] = FrozenList(value)
                stack.extend(element for element in value if isinstance(element, BaseModel))
            elif isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, dict):
                stack.extend(element for element in value.values() if isinstance(element, BaseModel))
