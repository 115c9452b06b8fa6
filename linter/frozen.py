"""A plan rules cannot change, and that costs less memory once it is frozen.

Issue 13's threat model: rules get a plan they cannot change. The models are
frozen pydantic models; :func:`freeze` makes their lists unchangeable too.
It lives at the bottom of the package (below the language) so the builder can
freeze each block as soon as it is read (see ``BuilderBase.settled``), and the
engine freezes what is left of the plan before the rules run.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class FrozenList(list):  # type: ignore[type-arg]
    """A list (``isinstance(x, list)`` still holds: pack checks rely on it) that refuses every change."""

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("the plan given to rules cannot be changed")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


EMPTY = FrozenList()  # every empty list of a frozen plan: one object, since none can change


_SHARED_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_MAX_SHARED = 4096  # distinct sets of given fields: a few hundred in practice; the bound keeps memory flat anyway


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
    model's memory). Nothing can change either once the plan is frozen.
    """
    shared = _SHARED_FIELDS_SETS
    stack = [node]
    while stack:
        current = stack.pop()
        given = current.__pydantic_fields_set__
        key = frozenset(given)
        common = shared.get(key)
        if common is None and len(shared) < _MAX_SHARED:
            common = shared[key] = given
        if common is not None and common is not given:
            object.__setattr__(current, "__pydantic_fields_set__", common)
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
