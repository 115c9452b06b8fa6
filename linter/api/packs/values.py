"""Turning plan values and pack thresholds into things that can be compared.

Thresholds are written the way plans write values: ``"$50k"``, ``"EUR 40,000"``,
``"20%"``, a plain number, a TOML date (``2027-06-30``) or ``"Q3 2027"``.
Money is only compared with money in the same currency: planlint does not
convert currencies, so a EUR target against a USD floor fails with a reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Optional

from ... import model
from ...language import values as literals
from ..text import is_specific, is_substantive, normalise, placeholder


@dataclass(frozen=True)
class Amount:
    """A comparable number: ``kind`` is "money", "percent" or "number"; ``currency`` for money."""

    value: float
    kind: str
    currency: str = ""
    text: str = ""


_PERCENT = re.compile(r"^\s*\d+(?:\.\d+)?\s?%\s*$")
_QUARTER = re.compile(r"^\s*[Qq][1-4]\s+\d{4}\s*$")


class BadThreshold(ValueError):
    pass


def parse_threshold(raw: Any) -> Amount | dt.date:
    """A pack's threshold as an :class:`Amount` or a date; :class:`BadThreshold` when unreadable."""
    if isinstance(raw, bool):
        raise BadThreshold("expected a number, an amount like \"$50k\", a percentage like \"20%\" or a date")
    if isinstance(raw, (int, float)):
        return Amount(float(raw), "number", text=f"{raw:g}")
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if _PERCENT.match(text):
            return Amount(literals.percent(text), "percent", text=text)
        if _QUARTER.match(text):
            return literals.quarter(text)[2]
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            amount, currency = literals.money(text)
        except literals.ValueProblem:
            raise BadThreshold(
                f"'{raw}' is not a number, an amount like \"$50k\", a percentage like \"20%\" or a date like 2027-06-30"
            ) from None
        return Amount(amount, "money", currency, text)
    raise BadThreshold(f"expected a number, an amount or a date, got {type(raw).__name__}")


def amount_of(value: Any) -> Optional[Amount]:
    if isinstance(value, model.Money):
        return Amount(value.amount, "money", value.currency, value.text or f"{value.amount:g} {value.currency}")
    if isinstance(value, model.Percent):
        return Amount(value.value, "percent", text=value.text or f"{value.value:g}%")
    if isinstance(value, model.Count):
        return Amount(value.value, "number", text=value.text or f"{value.value:g}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Amount(float(value), "number", text=f"{value:g}")
    if isinstance(value, model.RevenueFigure) and value.amount is not None:
        return amount_of(value.amount)
    return None


def date_of(value: Any) -> Optional[dt.date]:
    if isinstance(value, model.DateValue):
        return value.date
    if isinstance(value, dt.date):
        return value
    return None


def text_of(value: Any) -> str:
    """The words a value shows a reader, for patterns, word counts and messages."""
    if value is None:
        return ""
    way = _TEXT_WAY.get(type(value))
    if way is None:
        way = _TEXT_WAY[type(value)] = _text_way(type(value))
    if way is _ENUM:
        return str(value._value_)
    if way is _ITSELF:
        return value  # type: ignore[no-any-return]
    if way is _ITS_TEXT:
        return value.text  # type: ignore[no-any-return]
    return _text_of(value)


_ENUM, _ITSELF, _ITS_TEXT, _OTHER = "enum", "itself", "its text", "other"
_TEXT_WAY: dict[type, str] = {}  # which branch of _text_of a type always takes (decided once per type)


def _text_way(kind: type) -> str:
    if issubclass(kind, Enum):
        return _ENUM
    if issubclass(kind, str):
        return _ITSELF
    if issubclass(kind, (model.Text, model.Statement, model.Question, model.Action)):
        return _ITS_TEXT
    return _OTHER


def _text_of(value: Any) -> str:
    """:func:`text_of`, branch by branch: the types whose branch depends on the value come here."""
    if isinstance(value, Enum):  # before str: the model's enums are str enums
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, (model.Text, model.Statement, model.Question)):
        return value.text
    if isinstance(value, model.Action):
        return value.text
    if isinstance(value, (model.Money, model.Percent, model.Count, model.DateValue)) and value.text:
        return value.text
    if isinstance(value, model.DateValue):
        return value.date.isoformat()
    amount = amount_of(value)
    if amount is not None:
        return amount.text
    if isinstance(value, dt.date):
        return value.isoformat()
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return name
    return str(value)


def show(value: Any) -> str:
    """A value as a message shows it: a list as its items, nothing as 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return ", ".join(text_of(v) for v in value) if value else "nothing"
    return text_of(value)


def in_words(value: Any) -> str:
    """A value as a sentence says it: :func:`show`, with a keyword's underscores as spaces (``in_progress``: in progress)."""
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, list):
        return ", ".join(in_words(v) for v in value) if value else "nothing"
    return show(value)


def is_placeholder(text: str) -> bool:
    """A placeholder (``TBD``, ``{{name}}``, ``N/A``...) as :mod:`planlint.api.text` judges it, so all rules agree."""
    return placeholder(text) is not None


def is_present(value: Any) -> bool:
    """Present and not blank: an empty list, blank text or a placeholder such as ``TBD`` do not count."""
    if value is None:
        return False
    if type(value) is str:  # the common case first: a name or a line of text
        return placeholder(value) is None
    if isinstance(value, list):
        return any(is_present(v) for v in value)
    texty = _TEXTY.get(type(value))
    if texty is None:
        texty = _TEXTY[type(value)] = issubclass(type(value), (str, model.Text, model.Statement, model.Question))
    if texty:
        return not is_placeholder(text_of(value))
    return True


_TEXTY: dict[type, bool] = {}  # whether a value of this type is present only when its text is not a placeholder


COUNTING = ("all", "real", "substantive", "specific")
JUDGED = frozenset({"substantive", "specific"})  # the countings that read each sentence (and so need the pasted ones)


def count_of(value: Any, counting: str = "all", words: int = 3, pasted: frozenset[str] = frozenset(),
             own: frozenset[str] = frozenset()) -> int:
    """How many values there are: all of them, the real ones (not placeholders), the
    substantive ones (distinct sentences with no placeholder or boilerplate and at least ``words`` words,
    not pasted from elsewhere in the plan), or the specific ones (substantive, and carrying a number,
    a date or a name other than the account's own words ``own``: :func:`planlint.api.text.is_specific`)."""
    if value is None:
        return 0
    values = value if isinstance(value, list) else [value]
    if counting == "all":
        return len(values) if isinstance(value, list) else (1 if is_present(value) else 0)
    if counting == "real":
        return sum(1 for v in values if not is_placeholder(text_of(v)))
    # An objective counts when its name says something and its metric is not a placeholder ("[Metric]").
    # A sentence pasted elsewhere in the plan (``pasted``, normalised) is not substantive here either.
    distinct = {key for v, text in ((v, text_of(v)) for v in values) if is_substantive(text, words)
                and (key := normalise(text)) not in pasted
                and (counting != "specific" or is_specific(text, own))
                and not (isinstance(v, model.Objective) and v.metric is not None and is_placeholder(v.metric))}
    return len(distinct)
