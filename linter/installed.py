"""What is installed: a cheap stamp of the distributions, and the plugins' entry points cached under it.

Why: finding the ``planlint`` entry points with ``importlib.metadata``
imports it (and ``email``, ``zipfile``...) and reads every installed
distribution's metadata, about 20-40 ms of a one-file run. The answer only
changes when a distribution is installed, removed or reinstalled, so it is
kept in the private cache folder (:mod:`planlint.private_cache`, plain JSON)
under a *stamp* of the installed distributions: the name and modification
time of every ``*.dist-info`` / ``*.egg-info`` on ``sys.path`` and of its
``entry_points.txt``. Installing or removing a plugin changes the stamp, so
the next run scans again and sees it at once. The result cache
(:mod:`planlint.engine.cache`) keys on the same stamp, so a result is never
served from before a plugin was installed or removed.

pydantic runs the same scan for its own plugins when it builds its first
validator; when the cached scan says none is installed, it is spared that
too (:func:`skip_pydantic_plugin_scan`), so a warm ``planlint check``
imports neither ``importlib.metadata`` nor ``email`` and ``zipfile``.

When no private folder can be had, the scan runs every time, as before.
The cache files are small (a few hundred bytes), one per set of installed
distributions.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
import types
from dataclasses import asdict, dataclass
from functools import reduce
from pathlib import Path
from typing import Any, Optional

from . import private_cache

MAGIC = b"planlint-entry-points 1"
GROUPS = ("planlint", "pydantic")  # planlint's plugins; pydantic's (see skip_pydantic_plugin_scan)
_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")  # importlib.metadata's


@dataclass(frozen=True)
class EntryPoint:
    """One entry point as plain data: what ``importlib.metadata.EntryPoint`` says, minus the machinery."""

    name: str
    value: str
    dist: str = ""  # the distribution's name, "" when unknown
    version: str = ""

    def load(self) -> Any:
        """Import the object named by ``value`` (``module`` or ``module:attr.attr``), as ``EntryPoint.load``."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"entry point value {self.value!r} is not 'module' or 'module:attr'")
        module = importlib.import_module(match["module"])
        return reduce(getattr, match["attr"].split(".") if match["attr"] else [], module)


def distributions_stamp() -> str:
    """A hash of every installed distribution's metadata folder (name, mtime) and entry points file, on ``sys.path``.

    Not memoised: a process that installs a plugin (a test, a long-lived
    server) sees it on its next call. It costs a listing of each ``sys.path``
    folder and two ``stat`` calls per distribution, well under a millisecond.
    """
    parts = [sys.version]
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                names = sorted(item.name for item in listing if item.name.endswith(_METADATA_SUFFIXES))
        except OSError:  # a zip, a missing folder: its own size and time stand for it
            parts.append(f"{entry} {_file_stamp(entry)}")
            continue
        if names:  # a folder with no distribution in it (the working directory of `python -m`) changes nothing
            parts.append(f"path {entry}")
        for name in names:
            folder = os.path.join(entry or ".", name)
            parts.append(f"{name} {_file_stamp(folder)} {_file_stamp(os.path.join(folder, 'entry_points.txt'))}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _file_stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_size}:{info.st_mtime_ns}"


def entry_points(group: str, folder: Optional[Path] = None) -> list[EntryPoint]:
    """The entry points of ``group`` (one of :data:`GROUPS`), sorted by name: cached while the stamp matches."""
    return _all_groups(folder).get(group, [])


def _all_groups(folder: Optional[Path]) -> dict[str, list[EntryPoint]]:
    """Every group of :data:`GROUPS`, from the private cache when a good copy is there, else scanned (and stored)."""
    folder = folder if folder is not None else private_cache.private_folder()
    key = hashlib.sha256(f"{' '.join(GROUPS)}\n{distributions_stamp()}".encode("utf-8")).hexdigest()
    file_name = f"entry-points-{key[:24]}.json"
    if folder is not None:
        found = _decoded(private_cache.read(folder, file_name, MAGIC, key))
        if found is not None:
            return found
    found = scan(GROUPS)
    if folder is not None:
        body = {group: [asdict(point) for point in points] for group, points in found.items()}
        private_cache.write(folder, file_name, MAGIC, key, json.dumps(body, separators=(",", ":")).encode("utf-8"))
    return found


def scan(groups: tuple[str, ...]) -> dict[str, list[EntryPoint]]:
    """Ask ``importlib.metadata`` (the slow, authoritative way) for the entry points of ``groups``."""
    from importlib import metadata

    found: dict[str, list[EntryPoint]] = {}
    for group in groups:
        points = []
        for point in metadata.entry_points(group=group):
            dist = getattr(point, "dist", None)
            points.append(EntryPoint(point.name, point.value, dist.name if dist is not None else "",
                                     dist.version if dist is not None else ""))
        found[group] = sorted(points, key=lambda point: point.name)
    return found


def skip_pydantic_plugin_scan() -> None:
    """Tell pydantic it has no plugins when the cached scan found none, so it neither imports nor scans for them.

    pydantic looks for its own plugins (entry point group ``pydantic``) when
    it builds its first validator: it imports ``importlib.metadata`` and
    scans every distribution, the slow scan a second time. When the cache
    says no distribution offers a pydantic plugin, that search would return
    nothing, so pydantic's loader module is given as one that returns
    nothing (any other name is read from the real module, imported then).
    A pydantic plugin installed changes the stamp, and pydantic then looks
    for it as usual.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules or entry_points("pydantic"):
        return
    stub = types.ModuleType(name, "pydantic's plugin loader, known to find no plugin (planlint.installed)")

    def real(attribute: str) -> Any:
        if attribute.startswith("__"):  # the import system asking whether this is a package (__path__)
            raise AttributeError(attribute)
        del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stub.get_plugins = lambda: ()  # type: ignore[attr-defined]
    stub.__getattr__ = real  # type: ignore[attr-defined]  # PEP 562: anything else comes from the real module
    sys.modules[name] = stub


def _decoded(body: Optional[bytes]) -> Optional[dict[str, list[EntryPoint]]]:
    """The cached groups, or None (a miss) for anything that is not exactly that."""
    if body is None:
        return None
    try:
        data = json.loads(body)
        found = {group: [EntryPoint(**{key: str(item[key]) for key in ("name", "value", "dist", "version")})
                         for item in data[group]] for group in GROUPS}
    except (ValueError, TypeError, KeyError):
        return None
    return found
