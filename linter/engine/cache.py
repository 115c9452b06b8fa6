"""A cache of results, so an unchanged plan is not linted twice.

A result depends on the file's bytes and on everything that configures the
run, so the key hashes all of it: the content, the path it is shown under
(rules may look at it), the effective settings, the reference date ("past
due" and "stale" change with it), each selected rule's code, version and
pack, the category weights, the planlint version, and the size and
modification time of planlint's own source files and of each rule's module
(so an edited rule in a development checkout never serves a stale result).
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

from .. import __version__
from .meta import INTERNAL_ERROR
from .results import FileResult
from .verdict import SCORING_VERSION

if TYPE_CHECKING:
    from .linter import Linter

DEFAULT_DIR = ".planlint_cache"
ENV_DIR = "PLANLINT_CACHE_DIR"
LAYOUT = "1"  # bump when the entry format changes
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
    # The whole RuleInfo, not just its version: a TOML pack edited in place changes its messages.
    parts.extend(f"rule {r.info!r}" for r in linter.rules)
    parts.extend(source_stamps(code_files(type(rule).__module__ for rule in linter.rules)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class ResultCache:
    """Results stored by key under one folder; every failure is a miss, never an error."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.writable = True
        self._prepared = False

    @classmethod
    def for_linter(cls, linter: Linter, directory: Optional[str] = None) -> ResultCache:
        return cls(cache_dir(directory), run_fingerprint(linter))

    def key(self, display_path: str, content: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self.fingerprint.encode(), display_path.encode("utf-8", "surrogateescape"), content):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def entry(self, key: str) -> Path:
        return self.directory / "results" / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Optional[FileResult]:
        try:
            data = self.entry(key).read_bytes()
            return FileResult.model_validate_json(data)
        except (OSError, ValueError):  # missing, unreadable, truncated or not a result: a miss
            return None

    def put(self, key: str, result: FileResult) -> None:
        # A portfolio's result depends on the plans it names, which its own content does not cover.
        if not self.writable or result.kind == "portfolio" or any(finding.code in NOT_CACHED for finding in result.findings):
            return
        from .atomic import write_bytes_atomic

        try:
            self._prepare()
            write_bytes_atomic(self.entry(key), result.model_dump_json().encode("utf-8"))
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


def cache_for(linter: Linter, enabled: bool = True) -> Optional[ResultCache]:
    """The run's cache, or None under ``--no-cache``."""
    return ResultCache.for_linter(linter) if enabled else None
