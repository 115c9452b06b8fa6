"""Turning the paths a user typed into the plan files to check."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

PLAN_SUFFIX = ".plan"


class MissingPath(Exception):
    pass


def collect_plan_files(paths: Iterable[str], suffix: str = PLAN_SUFFIX) -> list[Path]:
    """Files as given, and folders searched recursively for ``*.plan``; sorted, no duplicates."""
    found: dict[str, Path] = {}
    for raw in paths:
        if not raw.strip():
            # Path("") is the current folder: an empty argument (an unset shell variable) would check everything.
            raise MissingPath("an empty path was given (is a shell variable unset?); name a plan file or a folder, "
                              "or '.' for the current folder")
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob(f"*{suffix}")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found.setdefault(str(child), child)
        elif path.exists():
            found.setdefault(str(path), path)
        else:
            raise MissingPath(f"no such file or folder: {raw}")
    return sorted(found.values(), key=lambda p: p.as_posix())
