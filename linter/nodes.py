"""The model's leaves: where a node stands, and values as they were written.

Split from :mod:`planlint.model` (which re-exports everything here) so that the
plan's blocks and its values each fit one module. :func:`added` marks the
fields the language gained after plans were first written: left out of a
dump while they hold nothing, so `planlint parse` prints an older plan exactly
as it did before they existed.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import namedtuple
from typing import TYPE_CHECKING, Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import core_schema

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema



class Node(BaseModel):
    """Base of every model node: frozen (rules get a plan they cannot change), strict about unknown fields.

    ``defer_build``: no validator is built at import. Built per class, the
    nested models' schemas were generated again inside every class that
    holds them; deferred, the first plan validated builds ``PlanFile``'s once
    (measured 2026-12-01: import plus first parse about 10 ms less CPU), and
    code that constructs nodes without validating, or never reads a plan
    (``planlint rules``, ``explain``), builds nothing.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _nothing(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, list) and not value)


def added(default: Any = None, *, many: bool = False) -> Any:
    """A field added to the language later: omitted from dumps while it is empty (None, False, [])."""
    if many:
        return Field(default_factory=list, exclude_if=_nothing)
    return Field(default, exclude_if=_nothing)


SPAN_FIELDS = ("line", "column", "end_line", "end_column")


class Span(namedtuple("Span", SPAN_FIELDS, defaults=(1, 1, 1, 1))):  # type: ignore[misc]
    """Where a node sits in the source: 1-based lines and columns, end exclusive.

    A plan holds a span per node, and as a pydantic model each cost about 264
    bytes (its ``__dict__`` and set of given fields), some 40% of a big plan's
    model. As a named tuple it is 72 bytes, made in one C call
    (``Span._make``), and immutable by nature. It keeps the model's public
    face: ``Span(line=2, column=5, ...)`` with every part defaulting to 1,
    the same attribute names, ``==`` between spans, and the same shape in
    pydantic (validated from a dict, dumped as ``{"line", "column",
    "end_line", "end_column"}``, the same JSON Schema).
    """

    __slots__ = ()

    def __new__(cls, line: int = 1, column: int = 1, end_line: int = 1, end_column: int = 1) -> "Span":
        """A span from whole numbers, checked as the model checked them (a plugin's ``Span(line="3")`` is its error,
        not a finding at line "3"); the builder makes its spans with ``Span._make``, from the lexer's numbers."""
        return tuple.__new__(cls, (operator.index(line), operator.index(column), operator.index(end_line),
                                   operator.index(end_column)))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        fields = {name: core_schema.typed_dict_field(core_schema.with_default_schema(core_schema.int_schema(), default=1),
                                                     required=False) for name in SPAN_FIELDS}
        make = cls._make
        from_dict = core_schema.no_info_after_validator_function(
            lambda given: make((given["line"], given["column"], given["end_line"], given["end_column"])),
            core_schema.typed_dict_schema(fields, extra_behavior="forbid"))
        return core_schema.json_or_python_schema(
            json_schema=from_dict, python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), from_dict]),
            serialization=core_schema.plain_serializer_function_ser_schema(cls._asdict_fast), ref="Span")

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        found = handler(schema)
        target = handler.resolve_ref_schema(found)
        target.update(title="Span", description=cls.__doc__.split("\n")[0])  # type: ignore[union-attr]
        return found

    def _asdict_fast(self) -> dict[str, int]:
        return {"line": self[0], "column": self[1], "end_line": self[2], "end_column": self[3]}


DEFAULT_SPAN = Span()


class Spanned(Node):
    span: Span = Field(default_factory=Span)


class Money(Spanned):
    """An amount of money as written (`$500k`, `$1.2M`, `EUR 40,000`)."""

    amount: float
    currency: str = "USD"
    text: str = ""


class Percent(Spanned):
    value: float
    text: str = ""


class Count(Spanned):
    value: float
    unit: str = ""
    text: str = ""


Quantity = Union[Money, Percent, Count]


def quarter_bounds(year: int, number: int, fiscal_start: int = 1) -> tuple[dt.date, dt.date]:
    """The first and last day of quarter ``number`` of the year named ``year``.

    With a fiscal year starting in month ``fiscal_start``, the year is named by
    the calendar year in which it *ends*: with July, FY2027 runs from July 2026
    to June 2027, so Q1 2027 is July to September 2026 and Q3 2027 is January to
    March 2027. ``fiscal_start`` 1 gives calendar quarters.
    """
    first_month = (year - (fiscal_start > 1)) * 12 + (fiscal_start - 1) + 3 * (number - 1)  # months since year 0
    after = first_month + 3
    first = dt.date(first_month // 12, first_month % 12 + 1, 1)
    if after // 12 > dt.MAXYEAR:  # Q4 9999: the next quarter would start in year 10000
        return first, dt.date(dt.MAXYEAR, 12, 31)
    return first, dt.date(after // 12, after % 12 + 1, 1) - dt.timedelta(days=1)


class Quarter(Node):
    """A quarter as written. ``fiscal_start`` is the month the customer's fiscal year starts in
    (`fiscal_year_start July`); 1 means calendar quarters, where `Q3 2027` is July to September 2027."""

    year: int
    quarter: int
    fiscal_start: int = Field(1, exclude_if=lambda start: start == 1)  # left out of dumps for calendar quarters

    @property
    def first_day(self) -> dt.date:
        """Where a period that starts in this quarter begins (``period Q1 2027 to ...``)."""
        return quarter_bounds(self.year, self.quarter, self.fiscal_start)[0]

    @property
    def fiscal(self) -> bool:
        return self.fiscal_start != 1


class DateValue(Spanned):
    """A date as written: an ISO date, or a quarter (resolved to its last day;
    only a period's start resolves to the first, see :class:`Period`)."""

    date: dt.date
    quarter: Optional[Quarter] = None
    text: str = ""

    def shown(self) -> str:
        """The date as a message should print it: as written, and for a fiscal quarter which days it means."""
        if self.quarter is not None and self.quarter.fiscal:
            return f"{self.text} (fiscal quarter ending {self.date.isoformat()})"
        return self.text or self.date.isoformat()


class Text(Spanned):
    """A quoted string with where it stands."""

    text: str


def number_of(value: Optional[Quantity]) -> Optional[float]:
    """The plain number in a quantity (an amount, a percentage, a count), for arithmetic on targets."""
    if value is None:
        return None
    return value.amount if isinstance(value, Money) else value.value


def same_kind(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can be compared: money in one currency, percentages, or counts of one thing."""
    if isinstance(a, Money) or isinstance(b, Money):
        return isinstance(a, Money) and isinstance(b, Money) and a.currency == b.currency
    if isinstance(a, Percent) or isinstance(b, Percent):
        return isinstance(a, Percent) and isinstance(b, Percent)
    return not a.unit or not b.unit or a.unit.lower().rstrip("s") == b.unit.lower().rstrip("s")
