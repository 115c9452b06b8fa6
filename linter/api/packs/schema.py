"""The TOML rule-pack format, as pydantic models.

A pack file has a ``[pack]`` table, optional ``[[category]]`` tables and one
``[[rule]]`` table per rule. These models check the shape and the plain
fields; the parts with their own little language (``items``, ``when``,
``where``, ``check``, ``message``) are compiled by :mod:`planlint.api.packs.loader` (see :mod:`.checks`, :mod:`.selectors`, :mod:`.templates`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..pillars import Pillar
from ..rule import WEB_LINK, Severity
from .check_schema import check_schema

CODE_PATTERN = r"^[A-Z]{1,10}[0-9]{1,6}$"
NAME_PATTERN = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackMeta(Strict):
    name: str = Field(min_length=1)
    version: str = "1"
    description: str = ""
    examples_as_of: Optional[dt.date] = Field(
        default=None, description="the date examples are judged by, so date rules give the same verdict every day"
    )


class CategorySpec(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    title: str
    weight: float = Field(default=1.0, gt=0)
    description: str = ""


class RuleSpec(Strict):
    code: str = Field(pattern=CODE_PATTERN, description="stable code, capital letters then digits: ACME101")
    name: str = Field(pattern=NAME_PATTERN, description="readable name in kebab-case: revenue-floor")
    category: str
    severity: Severity = Severity.warning
    weight: float = Field(default=1.0, gt=0)
    message: str = Field(min_length=1)
    why: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    methodology: list[int] = Field(default_factory=list)
    essential: Optional[Pillar] = Field(default=None, description="the pillar of the method this rule decides")
    link: str = Field(default="", pattern=rf"^({WEB_LINK})?$", description="a documentation URL for the rule (http or https)")
    quadrants: list[Literal["A", "B", "C", "D"]] = Field(
        default_factory=lambda: ["A", "B", "C", "D"], min_length=1,
        description="the quadrants whose plans the rule applies to; for the others it is not applicable")
    items: str
    when: Optional[dict[str, Any]] = None
    where: Optional[dict[str, Any]] = None
    check: dict[str, Any]
    passing: list[str] = Field(min_length=1, description="plan text this rule must pass")
    failing: list[str] = Field(min_length=1, description="plan text this rule must flag")


class PackFile(Strict):
    pack: PackMeta
    category: list[CategorySpec] = Field(default_factory=list)
    rule: list[dict[str, Any]] = Field(default_factory=list)


def pack_json_schema() -> dict[str, Any]:
    """The JSON Schema of a rule pack file, from the models that validate it (each ``[[rule]]`` is a :class:`RuleSpec`).

    Published as ``docs/rule-pack.schema.json`` so an editor's TOML support
    completes and checks a pack as it is typed (checks included, from
    :mod:`.check_schema`); ``planlint schema --pack``
    prints it and a test keeps the published copy current.
    """
    from pydantic import create_model

    model = create_model("RulePack", __base__=Strict, pack=(PackMeta, ...),
                         category=(list[CategorySpec], Field(default_factory=list)),
                         rule=(list[RuleSpec], Field(default_factory=list)))
    schema = model.model_json_schema()
    schema["title"] = "planlint rule pack"
    schema["$defs"]["Check"] = check_schema()
    rule = schema["$defs"]["RuleSpec"]["properties"]
    rule["check"] = {"$ref": "#/$defs/Check"}
    for name in ("when", "where"):
        rule[name] = {"anyOf": [{"$ref": "#/$defs/Check"}, {"type": "null"}], "default": None}
    return schema


RULE_FIELDS = tuple(RuleSpec.model_fields)
PACK_FIELDS = tuple(PackMeta.model_fields)
