"""Message templates: ``"objective '{name}' targets {value}; the floor is {expected}"``.

Placeholders are checked when the pack loads (a typo such as ``{nmae}`` is an
error with a suggestion) and filled in per failing item. Write ``{{`` and
``}}`` for literal braces.
"""

from __future__ import annotations

import string
from typing import Mapping

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
}


def template_errors(template: str) -> list[str]:
    """Every problem with a template, in plain words; empty when it is fine."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        return [f"cannot read the message: {error} (write {{{{ and }}}} for literal braces)"]
    problems = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            shown = name or "{}"
            problems.append(f"unknown placeholder '{{{shown}}}'{did_you_mean(name, PLACEHOLDERS)}")
        elif spec or conversion:
            problems.append(f"placeholder '{{{name}}}' takes no format (':' or '!')")
    return problems


def render(template: str, values: Mapping[str, object]) -> str:
    """Fill a template checked by :func:`template_errors`."""
    return template.format_map({key: str(values.get(key, "")) for key in PLACEHOLDERS})
