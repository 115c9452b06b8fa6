"""Reading a TOML pack file into rules, collecting every problem on the way.

The whole file is checked before anything is used: a pack with any mistake is
refused as a whole (``planlint check`` exits 2), because half a pack silently
scoring plans is worse than none.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from pydantic import ValidationError

from ...reading import InputRefused, read_input
from ...model import Plan
from ..rule import Category
from .checkspec import SpecError, compile_check
from .compiled import plain_rule, toml_rule
from .problems import PackError, PackProblem, from_validation, locate
from .schema import PACK_FIELDS, RULE_FIELDS, PackFile, PackMeta, RuleSpec
from .selectors import SELECTORS
from .suggest import did_you_mean
from .templates import template_errors
from .toml_rule import TomlRule

try:  # Python 3.11+
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class Pack:
    meta: PackMeta
    path: str
    categories: list[Category] = field(default_factory=list)
    rules: list[TomlRule] = field(default_factory=list)


def read_toml(path: str) -> tuple[str, dict[str, Any]]:
    """The text and the table of a TOML file; a :class:`PackError` with line and column when unreadable."""
    try:
        text = read_input(path).decode("utf-8")
    except FileNotFoundError:
        raise PackError([PackProblem(path, "no such file")]) from None
    except InputRefused as error:
        raise PackError([PackProblem(path, f"cannot read the file: {error.reason}")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError([PackProblem(path, f"cannot read the file: {error}")]) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        plain = _TOML_POSITION.sub("", message).strip()
        raise PackError([PackProblem(path, f"not valid TOML: {plain}", line=line, column=column)]) from None


def load_pack(path: str | Path, known_categories: Iterable[str] = (), pack_name: Optional[str] = None) -> Pack:
    """Load and compile a pack, or raise :class:`PackError` listing every problem."""
    return load_pack_plain(path, known_categories, pack_name)[0]


def load_pack_plain(path: str | Path, known_categories: Iterable[str] = (),
                    pack_name: Optional[str] = None) -> tuple[Pack, list[dict[str, Any]], str]:
    """:func:`load_pack`, with each rule also as plain data (:func:`.compiled.plain_rule`) and the text it was read from."""
    shown = str(path)
    text, data = read_toml(shown)
    problems: list[PackProblem] = []

    def problem(message: str, rule: str = "", key: str = "", field_name: str = "") -> None:
        problems.append(PackProblem(shown, message, rule, field_name, locate(text, rule, key)))

    try:
        pack_file = PackFile.model_validate(data)
    except ValidationError as error:
        for loc, message in from_validation(error, [*PACK_FIELDS, "pack", "category", "rule"], data):
            problem(message, key=loc.split(".")[-1], field_name=loc)
        raise PackError(problems) from None

    categories = [Category(c.name, c.title, c.weight, c.description) for c in pack_file.category]
    category_names = {*known_categories, *(c.name for c in categories)}
    pack = Pack(pack_file.pack, shown, categories)
    codes: dict[str, int] = {}
    plains: list[dict[str, Any]] = []
    for index, raw in enumerate(pack_file.rule):
        built = _build_rule(raw, index, pack_name or pack_file.pack.name, category_names, shown, problem, text)
        if built is None:
            continue
        rule, plain = built
        code = rule.info.code
        if code in codes:
            problem(f"code {code} is used by two rules in this pack; codes must be unique", code, "code", "code")
            continue
        codes[code] = index
        pack.rules.append(rule)
        plains.append(plain)
    if problems:
        raise PackError(problems)
    return pack, plains, text


def _definition(raw: dict[str, Any], pack_text: str) -> str:
    """Everything that decides what a TOML rule finds: its whole table and its pack's text (the result cache keys on it)."""
    table = json.dumps(raw, sort_keys=True, default=str)
    return f"{table}\npack sha256 {hashlib.sha256(pack_text.encode('utf-8')).hexdigest()}"


def _build_rule(raw: dict[str, Any], index: int, pack_name: str, categories: set[str], path: str, problem: Any,
                text: str) -> Optional[tuple[TomlRule, dict[str, Any]]]:
    """Compile one ``[[rule]]`` table, also as plain data; every mistake in it is reported, not just the first."""
    code = str(raw.get("code", "")) or f"#{index + 1}"
    spec: Optional[RuleSpec] = None
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as error:
        for loc, message in from_validation(error, RULE_FIELDS, raw):
            problem(message, code, loc.split(".")[0], loc)
    found = len(_semantic_problems(raw, code, categories, problem))
    selector = SELECTORS.get(raw.get("items")) if isinstance(raw.get("items"), str) else None
    item_type = selector.item_type if selector else Plan
    errors: list[SpecError] = []
    compiled = {
        name: compile_check(raw[name], name, Plan if name == "when" else item_type, errors)
        for name in ("check", "when", "where")
        if isinstance(raw.get(name), dict) and (selector is not None or name == "when")  # fields depend on the items
    }
    for error in errors:
        problem(error.message, code, error.key or error.where.split(".")[0], error.where)
    if spec is None or found or errors or selector is None or compiled.get("check") is None:
        return None
    info = {  # RuleInfo's fields as plain data (planlint.api.packs.compiled): the severity by value, lists for tuples
        "code": spec.code, "name": spec.name, "category": spec.category, "severity": spec.severity.value,
        "weight": spec.weight, "message": spec.message, "why": spec.why.strip(), "fix": spec.fix.strip(),
        "passing": list(spec.passing), "failing": list(spec.failing), "methodology": list(spec.methodology),
        "pack": pack_name, "essential": spec.essential, "quadrants": sorted(set(spec.quadrants)), "link": spec.link,
    }
    plain = plain_rule(info, raw, _definition(raw, text))
    return toml_rule(plain, path, compiled), plain


def _semantic_problems(raw: dict[str, Any], code: str, categories: set[str], problem: Any) -> list[str]:
    """Names that must refer to something real: the items, the category, the message placeholders."""
    found: list[str] = []

    def report(message: str, key: str, field_name: str) -> None:
        found.append(message)
        problem(message, code, key, field_name)

    items = raw.get("items")
    if isinstance(items, str) and items not in SELECTORS:
        report(f"unknown items '{items}'{did_you_mean(items, SELECTORS)}", "items", "items")
    category = raw.get("category")
    if isinstance(category, str) and categories and category not in categories:
        report(f"unknown category '{category}'{did_you_mean(category, categories)} "
               "(a pack may also define its own with a [[category]] table)", "category", "category")
    selector = SELECTORS.get(items) if isinstance(items, str) else None
    item_type = selector.item_type if selector else None  # {item.FIELD} is checked once the items are known
    message = raw.get("message")
    if isinstance(message, str):
        for text in template_errors(message, item_type):
            report(text, "message", "message")
    for name in ("check", "when", "where"):
        _walk_templates(raw.get(name), name, report, Plan if name == "when" else item_type)
    return found


def _walk_templates(raw: Any, where: str, report: Any, item_type: Optional[type]) -> None:
    """Messages inside checks are templates too."""
    if isinstance(raw, dict):
        message = raw.get("message")
        if isinstance(message, str):
            for text in template_errors(message, item_type):
                report(text, "message", f"{where}.message")
        for key, value in raw.items():
            _walk_templates(value, f"{where}.{key}", report, item_type)
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            _walk_templates(value, f"{where}[{i}]", report, item_type)
