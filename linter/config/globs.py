"""Path globs as configuration files use them (``exclude``, ``per-file`` overrides).

Python's :mod:`fnmatch` lets ``*`` cross folders, which makes ``plans/*.plan``
match ``plans/old/x.plan`` by surprise. Here, as in Ruff and .gitignore:

* ``*`` and ``?`` stay inside one folder, ``**`` crosses folders;
* a pattern without ``/`` matches the file name or any folder name on the way
  (``legacy`` and ``*.draft.plan`` work from anywhere);
* a pattern ending in ``/`` or naming a folder matches everything below it.

Paths are matched relative to the folder of the configuration file that
declared the pattern, always with ``/``.

A configuration is written by many people, like the plans, so matching a
glob may never hang a run: a glob becomes a regular expression run on RE2,
whose time grows only with the path (on a backtracking engine ``*a*a*a*a*a*b``
took minutes on a file name of 60 letters). Paths are matched as UTF-8,
with a name that is not valid UTF-8 kept byte for byte (``surrogatepass``).
A glob that cannot be compiled (``[z-a]``) is a configuration error, said
when the file is read (:func:`glob_problem`), never an internal error.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Optional


class BadGlob(ValueError):
    """A glob that is no pattern (a character range backwards, a class never closed)."""


def _translated(pattern: str) -> str:
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
    return "".join(out).rstrip("/") + "(?:/.*)?"


@lru_cache(maxsize=256)
def _compile(pattern: str) -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False  # a bad glob is reported as a configuration error, not logged by RE2
    try:
        return re2.compile(_encoded(_translated(pattern)), options)
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if error.args and isinstance(error.args[0], bytes) else str(error)
        # Said as what was expected (the configuration's errors read "expected ..., got '[z-a]'"); RE2's reason
        # without the expression it quotes, which is the translation, not what the user wrote.
        raise BadGlob(f"a glob such as legacy/** or *.draft.plan ({reason.split(':')[0]})") from None


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _prepared(pattern: str) -> tuple[str, bool]:
    """The pattern as matched, and whether it is matched against each part of the path (it has no ``/``)."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        return pattern, True
    return pattern.lstrip("/"), False


def glob_problem(patterns: Iterable[str]) -> Optional[str]:
    """What is wrong with the first glob that cannot be compiled, or None: for the configuration's validators."""
    for pattern in patterns:
        try:
            _compile(_prepared(pattern)[0])
        except BadGlob as error:
            return str(error)
    return None


def matches(pattern: str, relative_path: str) -> bool:
    """Whether ``relative_path`` (``/``-separated, relative to the config folder) matches."""
    pattern, by_part = _prepared(pattern)
    compiled = _compile(pattern)
    if by_part:
        return any(compiled.fullmatch(_encoded(part)) for part in relative_path.split("/"))
    return compiled.fullmatch(_encoded(relative_path)) is not None


def matches_any(patterns: list[str], relative_path: str) -> bool:
    return any(matches(pattern, relative_path) for pattern in patterns)
