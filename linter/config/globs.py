"""Path globs as configuration files use them (``exclude``, ``per-file`` overrides).

Python's :mod:`fnmatch` lets ``*`` cross folders, which makes ``plans/*.plan``
match ``plans/old/x.plan`` by surprise. Here, as in Ruff and .gitignore:

* ``*`` and ``?`` stay inside one folder, ``**`` crosses folders;
* a pattern without ``/`` matches the file name or any folder name on the way
  (``legacy`` and ``*.draft.plan`` work from anywhere);
* a pattern ending in ``/`` or naming a folder matches everything below it.

Paths are matched relative to the folder of the configuration file that
declared the pattern, always with ``/``.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    # A pattern naming a folder also matches what is inside it.
    return re.compile("".join(out).rstrip("/") + "(?:/.*)?")


def matches(pattern: str, relative_path: str) -> bool:
    """Whether ``relative_path`` (``/``-separated, relative to the config folder) matches."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        return any(_compile(pattern).fullmatch(part) for part in relative_path.split("/"))
    return _compile(pattern.lstrip("/")).fullmatch(relative_path) is not None


def matches_any(patterns: list[str], relative_path: str) -> bool:
    return any(matches(pattern, relative_path) for pattern in patterns)
