"""A cache of results, so an unchanged plan is not linted twice.

A result depends on the file's bytes and on everything that configures the
run, so the key hashes all of it: the content, the path it is shown under
(rules may look at it), the effective settings, the reference date ("past
due" and "stale" change with it), each selected rule's code, version and
pack, the category weights, the planlint version, the stamp of the installed
distributions (:func:`planlint.installed.distributions_stamp`, the one the
entry-point scan is cached under, so installing or removing a package is a
miss), the size and modification time of planlint's own source files and of each rule's module
(so an edited rule in a development checkout never serves a stale result),
and, with ``--crm``, the CRM exports' bytes.
Anything that changes any of these is a miss; nothing is ever invalidated
by hand.

Where: ``.planlint_cache/`` in the working directory, like ``.ruff_cache``
and ``.pytest_cache``: found where the user looks, removed with ``rm -rf``,
and ignored by git through its own ``.gitignore``. ``PLANLINT_CACHE_DIR``
moves it. One small JSON file per result, written atomically: workers in a
pool write their own entries without a shared index to lock, and a run
that is interrupted leaves whole entries or none.

A cache is an optimisation, never a source of failure: an entry that
cannot be read or does not validate is a miss, and a directory that cannot
be written turns the cache off for the rest of the run.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from pydantic import BaseModel

from .. import __version__
from ..installed import distributions_stamp
from .meta import INTERNAL_ERROR
from .results import FileResult
from .verdict import SCORING_VERSION

if TYPE_CHECKING:
    from .linter import Linter

DEFAULT_DIR = ".planlint_cache"
ENV_DIR = "PLANLINT_CACHE_DIR"
LAYOUT = "3"  # bump when the entry format changes (3: findings carry their rule's link)
NOT_CACHED = frozenset({INTERNAL_ERROR.code})  # a crashed rule may not crash next time

GITIGNORE = "# Created by planlint: the whole folder is a cache.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by planlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def cache_dir(explicit: Optional[str] = None) -> Path:
    return Path(explicit or os.environ.get(ENV_DIR) or DEFAULT_DIR)


def source_stamps(paths: Iterable[Path]) -> list[str]:
    """Size and modification time of each file: cheap, and changes whenever the code does."""
    stamps = []
    for path in sorted(set(paths)):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return stamps


def code_files(modules: Iterable[str]) -> list[Path]:
    """planlint's own sources and grammar, plus every source beside the given rule modules.

    Beside, not only the module itself: a rule reads helpers from its own
    folder (the built-in pack's ``real.py``), and an edit there must change
    the results just as an edit to the rule does.
    """
    package = Path(__file__).resolve().parents[1]  # the whole planlint package, not only engine/
    files = {*package.rglob("*.py"), *package.rglob("*.lark")}
    for folder in {Path(location).resolve().parent for location in _module_files(modules)}:
        files.update(path for path in folder.iterdir() if path.suffix in (".py", ".toml"))
    return sorted(files)


def _module_files(modules: Iterable[str]) -> Iterable[str]:
    for name in set(modules):
        location = getattr(sys.modules.get(name), "__file__", None)
        if location:
            yield location


def run_fingerprint(linter: Linter) -> str:
    """Everything about the run, besides the file, that can change a result."""
    parts = [
        f"layout {LAYOUT}",
        f"planlint {__version__}",
        f"scoring {SCORING_VERSION}",  # a result scored under another model is never served as current
        f"settings {linter.settings.model_dump_json()}",
        f"as-of {linter.reference_date().isoformat()}",
        f"categories {sorted(linter.category_weights.items())}",
    ]
    if linter.crm is not None:
        parts.append(f"crm {linter.crm.digest}")  # the exports' bytes: an edited export is a miss
    # The whole RuleInfo, and for a TOML rule its whole table (items, check, when, where) and its pack's bytes.
    parts.extend(f"rule {r.info!r} {getattr(r, 'definition', '')}" for r in linter.rules)
    parts.append(f"plugins {sorted(linter.registry.plugin_versions.items())}")
    parts.append(f"distributions {distributions_stamp()}")  # any install or removal, as the entry-point scan sees it
    parts.append(f"file-ignores {linter.settings.file_ignores}")
    parts.extend(source_stamps(code_files(type(rule).__module__ for rule in linter.rules)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class ResultCache:
    """Results stored by key under one folder; every failure is a miss, never an error."""

    def __init__(self, directory: Path, fingerprint: str, rule_codes: Optional[list[str]] = None) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.rule_codes = None if rule_codes is None else sorted(rule_codes)
        self.writable = True
        self._prepared = False

    @classmethod
    def for_linter(cls, linter: Linter, directory: Optional[str] = None) -> ResultCache:
        return cls(cache_dir(directory), run_fingerprint(linter), [rule.info.code for rule in linter.rules])

    def key(self, display_path: str, content: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self.fingerprint.encode(), display_path.encode("utf-8", "surrogateescape"), content):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def entry(self, key: str) -> Path:
        return self.directory / "results" / key[:2] / f"{key[2:]}.json"

    def get(self, key: str, display_path: Optional[str] = None) -> Optional[FileResult]:
        """The stored result, or None (a miss) unless the entry is whole, is the one for ``key``, and is consistent."""
        try:
            data = self.entry(key).read_bytes()
        except OSError:
            return None
        header, _, body = data.partition(b"\n")
        if header != _header(key, body):  # truncated, edited, or written for another key
            return None
        try:
            result = FileResult.model_validate_json(body, strict=False)
        except ValueError:
            return None
        return result if self._consistent(result, display_path) else None

    def _consistent(self, result: FileResult, display_path: Optional[str]) -> bool:
        """A plan result names the file asked for and scores exactly the run's rules; an unreadable one says why.

        The header's hash proves only that the body is the one written after
        it, and anyone can hash an edited body again; so the body must also be
        whole (every field there, none filled in by its default) and agree
        with itself: each rule's failed items are exactly its findings that
        are not suppressed, one finding per failed item, as the engine makes
        them (``Linter._judge``). This is no signature: a body edited, hashed
        again and kept consistent (a meta rule's finding removed, counts
        changed to match) is still served; the folder is as trusted as the
        working tree it sits in.
        """
        if display_path is not None and result.path != display_path or not _whole(result):
            return False
        if result.kind == "plan":
            if self.rule_codes is not None and sorted(rule.code for rule in result.rules) != self.rule_codes:
                return False
            return _agrees(result)
        return result.kind == "unreadable" and bool(result.error) and result.score is None

    def put(self, key: str, result: FileResult) -> None:
        # A portfolio's result depends on the plans it names, which its own content does not cover.
        if not self.writable or result.kind == "portfolio" or any(finding.code in NOT_CACHED for finding in result.findings):
            return
        from .atomic import write_bytes_atomic

        try:
            self._prepare()
            body = result.model_dump_json().encode("utf-8")
            write_bytes_atomic(self.entry(key), _header(key, body) + b"\n" + body)
        except OSError:
            self.writable = False  # read-only checkout, full disk: run on without the cache

    def _prepare(self) -> None:
        """On first write, mark the folder as a cache for git and for backup tools."""
        if self._prepared:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            marker = self.directory / name
            if not marker.exists():
                from .atomic import write_text_atomic

                write_text_atomic(marker, text)
        self._prepared = True


_FIELDS: dict[type, int] = {}


def _field_count(model_type: type[BaseModel]) -> int:
    count = _FIELDS.get(model_type)
    if count is None:
        count = _FIELDS[model_type] = len(model_type.model_fields)
    return count


def _whole(result: FileResult) -> bool:
    """Whether every field of ``result``, and of each model in its lists, was read from the entry (no default stood in).

    About 10 µs an entry: pydantic records the fields it was given, so no
    second parse is needed (dumping the result again to compare costs 40 times that).
    """
    if len(result.__pydantic_fields_set__) != _field_count(FileResult):
        return False
    for value in result.__dict__.values():
        if type(value) is list and value and isinstance(value[0], BaseModel):
            given = _field_count(type(value[0]))  # each list holds one model type
            if any(len(item.__pydantic_fields_set__) != given for item in value):
                return False
    return True


def _agrees(result: FileResult) -> bool:
    """Each rule's failed items are exactly its findings that are not suppressed."""
    failing: dict[str, int] = {}
    for finding in result.findings:
        if finding.suppressed is None:
            failing[finding.code] = failing.get(finding.code, 0) + 1
    return all(failing.get(rule.code, 0) == rule.total - rule.passed for rule in result.rules)


def _header(key: str, body: bytes) -> bytes:
    """The first line of an entry: its layout, its key and its body's hash, so only a whole entry for this key is used."""
    return f"planlint-result {LAYOUT} {key} {hashlib.sha256(body).hexdigest()}".encode()


def cache_for(linter: Linter, enabled: bool = True) -> Optional[ResultCache]:
    """The run's cache, or None under ``--no-cache``."""
    return ResultCache.for_linter(linter) if enabled else None
