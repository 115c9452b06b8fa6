"""A TOML rule as plain data, and the private cache that keeps a pack in that form between runs.

Why: every check loads the built-in pack (``rules/builtin/builtin.toml``).
Loading a pack in full means importing ``tomllib`` and the pack format's
pydantic models, validating every table and checking every name and message
template: about 10-15 ms of a one-plan run, for a file that changes only when
planlint does. What that work decides is plain data (:func:`plain_rule`):
each rule's information with the defaults applied, its items, its check
tables and its definition (what the result cache keys on). The loader builds
every rule from that data (:func:`toml_rule`), and
:func:`planlint.api.packs.load_rules_from_toml` keeps it as JSON in the
private cache folder (:mod:`planlint.private_cache`: the user's own 0700
folder, each file checked before it is read; never a pickle), so the next run
builds the same rules from it without reading the TOML again.

The key is everything the data depends on: the pack's bytes, the path it is
shown under, the categories and pack name it is loaded with, planlint's
version and a stamp of planlint's own source files (a development checkout
changes its code under one version number). A pack with any problem is never
kept: it is read and refused in full on every run, every problem named. A
cached file that is stale, damaged or not exactly the expected shape is a
miss, and the pack is loaded in full.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable, Optional

from ... import __version__, private_cache
from ...model import Plan
from ..rule import RuleInfo, Severity
from .checks import Check
from .checkspec import SpecError, compile_check
from .selectors import SELECTORS
from .toml_rule import TomlRule

MAGIC = b"planlint-compiled-pack 1"
CHECKS = ("check", "when", "where")  # the tables of a rule that are compiled into checks
_TUPLES = ("passing", "failing", "methodology", "quadrants")  # RuleInfo's tuple fields, lists in JSON


def plain_rule(info: dict[str, Any], raw: dict[str, Any], definition: str) -> dict[str, Any]:
    """A validated rule as plain data: ``info`` (RuleInfo's fields, severity by value), its items and check tables."""
    return {"info": info, "items": raw["items"], **{name: raw.get(name) for name in CHECKS}, "definition": definition}


def toml_rule(plain: dict[str, Any], source: str, checks: Optional[dict[str, Optional[Check]]] = None) -> TomlRule:
    """The rule :func:`plain_rule` describes; its check tables are compiled here unless ``checks`` already are.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` when ``plain`` is not
    what :func:`plain_rule` makes (a cached copy that does not fit: a miss).
    """
    selector = SELECTORS[plain["items"]]
    if checks is None:
        errors: list[SpecError] = []
        checks = {name: compile_check(plain[name], name, Plan if name == "when" else selector.item_type, errors)
                  for name in CHECKS if plain[name] is not None}
        if errors or checks.get("check") is None:
            raise ValueError(f"the cached check tables do not compile: {errors}")
    fields = dict(plain["info"])
    fields["severity"] = Severity(fields["severity"])
    fields.update((name, tuple(fields[name])) for name in _TUPLES)
    rule = TomlRule(RuleInfo(**fields), selector, checks["check"], checks.get("when"), checks.get("where"),  # type: ignore[arg-type]
                    source=source)
    rule.definition = plain["definition"]
    return rule


def pack_key(shown: str, data: bytes, categories: Iterable[str], pack_name: Optional[str]) -> str:
    """Everything the plain form of a pack depends on, hashed."""
    parts = [MAGIC.decode(), f"planlint {__version__}", f"code {private_cache.code_stamp()}", f"path {shown}",
             f"pack-name {pack_name!r}", f"categories {sorted(set(categories))}",
             f"sha256 {hashlib.sha256(data).hexdigest()}"]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _file_name(shown: str, pack_name: Optional[str]) -> str:
    """One file per pack and name (its key is in the file): a pack edited again and again leaves one file, not one each."""
    return f"pack-{hashlib.sha256(f'{shown} {pack_name!r}'.encode('utf-8')).hexdigest()[:24]}.json"


def cached_rules(folder: Path, shown: str, data: bytes, categories: Iterable[str],
                 pack_name: Optional[str]) -> Optional[list[TomlRule]]:
    """The pack's rules from the cache, or None (a miss) when there is no good copy for exactly these bytes."""
    body = private_cache.read(folder, _file_name(shown, pack_name), MAGIC, pack_key(shown, data, categories, pack_name))
    if body is None:
        return None
    try:
        return [toml_rule(plain, shown) for plain in json.loads(body)["rules"]]
    except (ValueError, TypeError, KeyError, AttributeError):  # not the shape plain_rule makes: load the pack in full
        return None


def keep(folder: Path, shown: str, data: bytes, categories: Iterable[str], pack_name: Optional[str],
         plains: list[dict[str, Any]]) -> None:
    """Store a loaded pack's plain rules, when JSON holds them exactly (a TOML date in a check table would not)."""
    try:
        body = json.dumps({"rules": plains}, sort_keys=True, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    if json.loads(body)["rules"] != plains:  # e.g. a tuple that would come back a list: never cache an approximation
        return
    private_cache.write(folder, _file_name(shown, pack_name), MAGIC, pack_key(shown, data, categories, pack_name),
                        body.encode("utf-8"))
