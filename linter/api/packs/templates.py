"""Message templates: ``"objective '{name}' targets {value}; the floor is {expected}"``.

Placeholders are checked when the pack loads (a typo such as ``{nmae}`` is an
error with a suggestion) and filled in per failing item. ``{item.FIELD}`` is
any field of the item (``{item.status}``, ``{item.target.by}``), checked
against the item's type like a check's ``field``. Write ``{{`` and ``}}`` for
literal braces.
"""

from __future__ import annotations

import string
from functools import lru_cache
from typing import Optional

from .fields import FieldError, field_type
from .suggest import did_you_mean

PLACEHOLDERS: dict[str, str] = {
    "item": "the item, e.g. objective 'Win the ERP deal'",
    "name": "the item's name (an action's text)",
    "field": "the field the failing check looked at",
    "value": "the value found there ('nothing' when missing)",
    "expected": "what the check asked for, e.g. $50k",
    "count": "how many values were counted (only the real or substantive ones with count = ...)",
    "total": "how many values there are in all",
    "reason": "planlint's own sentence on why the check failed",
    "plan": "the plan's name",
    "period": "the plan's period, e.g. 2027-01-01 to 2027-12-31 ('nothing' when it has none)",
    "as_of": "the date the plan is judged by (--as-of, default today), e.g. 2027-02-01",
    "team": "the plan owner and team, e.g. Jane Doe, Raj Patel ('nobody: add `owner` and `team` to the plan' when neither is named)",
    "days_late": "how many days the date the failing check found lies before the as-of date, e.g. 14 ('nothing' when it found no date)",
}
FIELD = "item."  # {item.status}: a field of the item, in words
FIELD_HELP = "a field of the item in words, e.g. {item.status}: in progress ('nothing' when missing)"


def template_errors(template: str, item_type: Optional[type] = None) -> list[str]:
    """Every problem with a template, in plain words; empty when it is fine.

    ``item_type`` is the model type of the rule's items, against which ``{item.FIELD}`` is checked.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        return [f"cannot read the message: {error} (write {{{{ and }}}} for literal braces)"]
    problems = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name.startswith(FIELD):
            problems += _field_problem(name, item_type)
        elif name not in PLACEHOLDERS:
            shown = name or "{}"
            problems.append(f"unknown placeholder '{{{shown}}}'{did_you_mean(name, PLACEHOLDERS)}")
        if (spec or conversion) and (name in PLACEHOLDERS or name.startswith(FIELD)):
            problems.append(f"placeholder '{{{name}}}' takes no format (':' or '!')")
    return problems


def _field_problem(name: str, item_type: Optional[type]) -> list[str]:
    if item_type is None:
        return []
    try:
        field_type(item_type, name[len(FIELD):])
    except FieldError as error:
        return [f"placeholder '{{{name}}}': {error}"]
    return []


@lru_cache(maxsize=1024)
def parts(template: str) -> tuple[tuple[str, str], ...]:
    """A template checked by :func:`template_errors`, read once: (literal text, placeholder or '') pairs.

    A rule fills its message per failing item; reading the template is done once per template.
    """
    return tuple((literal, name or "") for literal, name, _, _ in string.Formatter().parse(template))
