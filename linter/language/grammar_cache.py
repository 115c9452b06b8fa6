"""Lark's analysis of the grammar, kept between runs as plain data in a private folder.

Why: building the LALR tables from ``grammar.lark`` costs about 35 ms of CPU
on every start, more than the rest of a one-file run. Lark's own cache is a
pickle, and unpickling runs whatever code the file names, so a cache another
user can plant (a shared ``/tmp``, an ``XDG_CACHE_HOME`` someone else can
write) would run their code as the user. So nothing here is a pickle:

* the folder, the file checks and the header are :mod:`planlint.private_cache`'s,
  the one home of planlint's caches outside the working tree;
* the tables are JSON (Lark's own ``memo_serialize`` form, the one its
  standalone generator writes out as Python literals), which decodes to
  lists, dicts, strings and numbers and can run nothing;
* they are read only from a folder owned by the user with no access for
  anyone else (0700), and only from a file owned by the user that nobody
  else can write, checked on the opened file itself (``fstat``), so a link
  or a swap between the check and the read gains nothing;
* the file names the grammar it was built from and the hash of its own
  body, both checked before the JSON is decoded: a stale, truncated or
  edited file is rebuilt, never used.

When no such folder can be had the tables are built in memory, every run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable, Optional

from .. import private_cache
from ..private_cache import private_folder

__all__ = ["private_folder", "table_key", "load", "store", "cached", "load_lark"]  # private_folder: its home is private_cache

MAGIC = b"planlint-grammar-tables 1"
_INT_KEYS = "\x00int"  # JSON keys are strings; Lark's state tables are keyed by numbers


def table_key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def load(folder: Path, key: str) -> Optional[dict[str, Any]]:
    """The tables stored under ``key``, or None when absent, not private, stale or damaged."""
    body = private_cache.read(folder, f"grammar-{key[:24]}.json", MAGIC, key)
    if body is None:
        return None
    try:
        return json.loads(body, object_hook=_int_keys)
    except (ValueError, TypeError, KeyError):
        return None


def store(folder: Path, key: str, tables: dict[str, Any]) -> None:
    """Write the tables (0600, under a temporary name, then renamed): a failure only means the next run builds them again."""
    body = json.dumps(_encode(tables), separators=(",", ":"), sort_keys=True).encode("utf-8")
    private_cache.write(folder, f"grammar-{key[:24]}.json", MAGIC, key, body)


def cached(key: str, build: Callable[[], dict[str, Any]], folder: Optional[Path] = None) -> dict[str, Any]:
    """The tables for ``key``: from the private folder when a good copy is there, else built (and stored)."""
    folder = folder if folder is not None else private_folder()
    if folder is not None:
        tables = load(folder, key)
        if tables is not None:
            return tables
    tables = build()
    if folder is not None:
        store(folder, key, tables)
    return tables


def load_lark(grammar: str, flavour: str, static: dict[str, Any], runtime: dict[str, Any]) -> Any:
    """A Lark LALR parser for ``grammar``, its tables read from the private cache when a good copy is there.

    ``static`` options shape the tables (they are part of the key through
    ``flavour``); ``runtime`` ones are code (a transformer, callbacks) given
    again at every load. Any failure builds the parser in memory instead.
    """
    import lark
    from lark import Lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    def build() -> dict[str, Any]:
        built = Lark(grammar, **static, **runtime)
        data, memo = built.memo_serialize([TerminalDef, Rule])
        data["options"] = {name: value for name, value in data["options"].items()
                           if name not in (*runtime, "edit_terminals")}
        return {"data": data, "memo": memo}

    try:
        tables = cached(table_key(flavour, lark.__version__, grammar), build)
        return Lark._load_from_dict(tables["data"], tables["memo"], **runtime)
    except Exception:  # noqa: BLE001 - a cache is an optimisation: build in memory instead
        return Lark(grammar, **static, **runtime)


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {_INT_KEYS: [[k, _encode(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"not plain data: {type(value).__name__}")


def _int_keys(value: dict[str, Any]) -> Any:
    """Undo :func:`_encode`'s wrapping of a number-keyed dict (``json.loads`` hook: decoding stays in C)."""
    pairs = value.get(_INT_KEYS)
    return {int(k): v for k, v in pairs} if pairs is not None and len(value) == 1 else value
