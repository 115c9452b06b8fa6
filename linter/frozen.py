"""A plan rules cannot change, and that costs less memory once it is frozen.

Issue 13's threat model: rules get a plan they cannot change. The models are
frozen pydantic models; :func:`freeze` makes their lists unchangeable too.
It lives at the bottom of the package (below the language) so the builder can
build each block frozen as soon as it is read (:func:`frozen_node`), and the
engine freezes what is left of the plan before the rules run.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Optional, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from .nodes import Span

Model = TypeVar("Model", bound=BaseModel)


class FrozenList(list):  # type: ignore[type-arg]
    """A list (``isinstance(x, list)`` still holds: pack checks rely on it) that refuses every change."""

    __slots__ = ()  # no __dict__ or weak references: 16 bytes less for each of a plan's many lists

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("the plan given to rules cannot be changed")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


EMPTY = FrozenList()  # every empty list of a frozen plan: one object, since none can change


_SHARED_FIELDS_SETS: dict[tuple[str, ...], set[str]] = {}
_MAX_SHARED = 4096  # distinct sets of given fields: a few hundred in practice; the bound keeps memory flat anyway
_HOLDS_NODES: dict[type, bool] = {}


def _holds(annotation: Any) -> bool:
    """Whether a field of this type can hold a node or a collection (a :class:`Span` cannot)."""
    if isinstance(annotation, type):
        return issubclass(annotation, (BaseModel, list, dict, tuple, set)) and annotation is not Span
    return get_origin(annotation) is not None and (get_origin(annotation) in (list, dict, tuple, set) or
                                                   any(_holds(arg) for arg in get_args(annotation)))


def _may_hold_nodes(cls: type[BaseModel]) -> bool:
    """Whether a field of ``cls`` can hold a node or a list (a :class:`Span` cannot: the walk skips its fields)."""
    found = _HOLDS_NODES.get(cls)
    if found is None:
        found = _HOLDS_NODES[cls] = bool(node_fields(cls))
    return found


_NODE_FIELDS: dict[type, tuple[str, ...]] = {}


def node_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold a node or a collection: all a walk over a plan's nodes needs to read."""
    found = _NODE_FIELDS.get(cls)
    if found is None:
        found = _NODE_FIELDS[cls] = tuple(name for name, field in cls.model_fields.items() if _holds(field.annotation))
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


# --------------------------------------------------------------------------- building frozen nodes directly

_Convert = Callable[[Any], Any]
_BUILT: dict[type, tuple[dict[str, Any], tuple[tuple[str, _Convert], ...], frozenset[str], frozenset[str]]] = {}


def _frozen_list(value: Any) -> Any:
    if type(value) is list:
        return FrozenList(value) if value else EMPTY
    return value


def _converter(annotation: Any) -> Optional[_Convert]:
    """What turns the builder's value for a field of this type into the model's: a list into a frozen one,
    an enum's value into its member (the builder names choices by their values, as the validator took them)."""
    origin = get_origin(annotation)
    if origin is Union:
        others = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _converter(others[0]) if len(others) == 1 else None
    if origin is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, Enum):
            members = item._value2member_map_
            return lambda value: FrozenList([members.get(v, v) for v in value]) if value else EMPTY
        return _frozen_list
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = annotation._value2member_map_
        return lambda value: members.get(value, value)
    return None


def _recipe(cls: type[BaseModel]) -> tuple[dict[str, Any], tuple[tuple[str, _Convert], ...], frozenset[str], frozenset[str]]:
    """``cls``'s defaults as a template ``__dict__``, its converters, and its field names (all, and those required)."""
    node = object.__new__(cls)
    converts = []
    for name, field in cls.model_fields.items():
        if field.default_factory is list:
            default: Any = EMPTY
        elif field.default_factory is not None:
            default = field.default_factory()  # type: ignore[call-arg]
        else:
            default = None if field.is_required() else field.default
        # Set one by one, as an instance's own attributes are: the template is a key-sharing dict (176 bytes
        # for an objective's 13 fields, against 464 for the plain dict pydantic gives each node), and so is each copy.
        object.__setattr__(node, name, default)
        convert = _converter(field.annotation)
        if convert is not None:
            converts.append((name, convert))
    required = frozenset(name for name, field in cls.model_fields.items() if field.is_required())
    found = _BUILT[cls] = (node.__dict__, tuple(converts), frozenset(cls.model_fields), required)
    return found


def _refuse(cls: type[BaseModel], given: dict[str, Any], names: frozenset[str], required: frozenset[str]) -> None:
    unknown, missing = sorted(given.keys() - names), sorted(required - given.keys())
    if unknown or missing:
        raise TypeError(f"{cls.__name__}: unknown fields {unknown}, missing {missing}")


def compact_fields(cls: type[BaseModel], given: dict[str, Any]) -> dict[str, Any]:
    """``given`` as a ``cls`` node's ``__dict__``: the defaults for what it leaves out, in field order (the order a
    dump follows), in a key-sharing dict (for an objective's 13 fields 176 bytes, where a plain dict takes 464)."""
    fields = (_BUILT.get(cls) or _recipe(cls))[0].copy()
    fields.update(given)
    return fields


def frozen_node(cls: type[Model], given: dict[str, Any]) -> Model:
    """A frozen ``cls`` node from values the builder has already checked, made once, without validating them again.

    The builder reads every value from the grammar's own tokens and reports an
    impossible one as a PL002 (and a file with a PL002 is never handed out),
    so pydantic's validation only did again what was done; ``model_validate``
    cost more than the rest of building a node, and each node it made held a
    plain ``__dict__`` and a set of its own. Here each node's ``__dict__`` is a
    copy of the class's template (a key-sharing dict, under half the size),
    its lists are frozen already (so :func:`freeze` has nothing left to do),
    and nodes given the same fields share one set of given fields. Plans from
    outside (JSON) are still validated by pydantic.
    """
    recipe = _BUILT.get(cls) or _recipe(cls)
    template, converts, names, required = recipe
    for name, convert in converts:
        if name in given:
            given[name] = convert(given[name])
    fields = template.copy()
    fields.update(given)
    if len(fields) != len(template) or len(given) < len(required):  # cheap; only a builder bug gets past it
        _refuse(cls, given, names, required)
    key = tuple(given)
    common = _SHARED_FIELDS_SETS.get(key)
    if common is None:
        common = set(key)
        if len(_SHARED_FIELDS_SETS) < _MAX_SHARED:
            _SHARED_FIELDS_SETS[key] = common
    return unvalidated(cls, fields, common)


def unvalidated(cls: type[Model], fields: dict[str, Any], given: set[str]) -> Model:
    """A ``cls`` whose ``__dict__`` is ``fields`` (every field, in field order), made without pydantic.

    The one place that makes a pydantic model by hand: :func:`frozen_node` for
    plan nodes, and :func:`planlint.engine.results.trusted` for the findings
    and scores the engine makes by the thousand. ``given`` is the (shared)
    set of fields given, what ``model_fields_set`` reports.
    """
    made = object.__new__(cls)
    put = object.__setattr__
    put(made, "__dict__", fields)
    put(made, "__pydantic_fields_set__", given)
    put(made, "__pydantic_extra__", None)
    put(made, "__pydantic_private__", None)
    return made
