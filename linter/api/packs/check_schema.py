"""The JSON Schema of a check (``check``, ``when``, ``where``), for an editor's TOML support.

Every check kind, option and combinator, each with what it means, so an
editor completes ``check = { field = "owner", refers_to = "team", exact = true }``
as it is typed and flags ``at_lest``. The loader remains the judge (it also
checks fields against the items and patterns against RE2); the schema is the
map. The kinds come from :data:`~.operators.OPERATORS`: a new kind without an
entry here fails ``planlint schema --pack`` (and the test of the published schema).
"""

from __future__ import annotations

from typing import Any

from .operators import OPERATORS, REFERENCE_TARGETS
from .values import COUNTING

_TEXT = {"type": "string"}
_COUNT = {"type": "integer", "minimum": 0}
_TRUE = {"const": True}
_THRESHOLD = {"anyOf": [{"type": "number"}, {"type": "string"}],
              "description": "a number, an amount (\"$50k\", \"EUR 40,000\"), a percentage (\"20%\"), a date or \"Q3 2027\""}
_WORDS = {"type": "array", "minItems": 1, "items": {"type": ["string", "number"]}}

# kind -> (argument schema, what passes)
ARGUMENTS: dict[str, tuple[dict[str, Any], str]] = {
    "present": ({"type": "boolean"}, "true: the value is there, not blank and not a placeholder (TBD, N/A, {{name}}); false: it is not"),
    "min_count": (_COUNT, "there are at least this many values (a single value counts 1)"),
    "max_count": (_COUNT, "there are at most this many values"),
    "matches": (_TEXT, "every value matches this pattern (RE2, case ignored)"),
    "any_matches": (_TEXT, "at least one value matches this pattern"),
    "not_matches": (_TEXT, "no value matches this pattern"),
    "one_of": (_WORDS, "every value is one of these words"),
    "contains": ({"anyOf": [{"type": ["string", "number"]}, _WORDS]}, "at least one of the values is (one of) these"),
    "equals": ({"type": ["string", "number", "boolean"]}, "the value is exactly this"),
    "at_least": (_THRESHOLD, "the value is at least this"),
    "at_most": (_THRESHOLD, "the value is at most this"),
    "more_than": (_THRESHOLD, "the value is more than this"),
    "less_than": (_THRESHOLD, "the value is less than this"),
    "within_period": (_TRUE, "the date lies inside the plan's period"),
    "not_past": (_TRUE, "the date is the as-of date or later"),
    "min_words": (_COUNT, "the text has at least this many words"),
    "refers_to": ({"enum": list(REFERENCE_TARGETS)}, "the name is a stakeholder / the plan owner or a team member / either"),
    "unique": (_TRUE, "no other selected item has the same value"),
}

OPTIONS: dict[str, tuple[dict[str, Any], str]] = {
    "field": (_TEXT, "a path from the item, e.g. \"target.value\"; the item itself when left out"),
    "message": (_TEXT, "the finding's message when this check fails (placeholders allowed)"),
    "at": ({"enum": ["field", "item"]}, "where the finding points: the field (default) or the item"),
    "count": ({"enum": list(COUNTING)}, "with min_count / max_count: count all values, the real ones, the substantive ones or the specific ones"),
    "words": ({"type": "integer", "minimum": 1}, "with count = \"substantive\": the fewest words a substantive line has (default 3)"),
    "exact": ({"type": "boolean"}, "with refers_to: compare names exactly as written, case and spaces included"),
}


def check_schema() -> dict[str, Any]:
    """The ``Check`` definition: one kind or combinator per table, with its options."""
    properties: dict[str, Any] = {}
    for name in OPERATORS:
        argument, passes = ARGUMENTS[name]
        properties[name] = {**argument, "description": f"check: passes when {passes}"}
    for name, (schema, meaning) in OPTIONS.items():
        properties[name] = {**schema, "description": meaning}
    for name, meaning in (("all", "every check in the list passes (the first failing one is reported)"),
                          ("any", "at least one check in the list passes")):
        properties[name] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Check"}, "description": meaning}
    properties["not"] = {"$ref": "#/$defs/Check", "description": "the check inside does not pass"}
    return {"type": "object", "title": "Check", "additionalProperties": False, "properties": properties,
            "description": "one check kind or combinator, with options; see docs/custom-rules.md"}
