"""Pack problems in plain words: file, line, rule and field, and what to write instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from pydantic import ValidationError

from ...language.plain_errors import merged, plain_message
from .suggest import did_you_mean


@dataclass(frozen=True)
class PackProblem:
    path: str
    message: str
    rule: str = ""
    field: str = ""
    line: Optional[int] = None
    column: Optional[int] = None

    def where(self) -> str:
        """``rules/acme.toml:12:5`` (line and column when known)."""
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out

    def what(self) -> str:
        """The problem without its place: ``rule ACME101: field 'check': ...``."""
        parts = []
        if self.rule:
            parts.append(f"rule {self.rule}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join([*parts, self.message])

    def __str__(self) -> str:
        return f"{self.where()}: {self.what()}"


class PackError(Exception):
    """A pack that cannot be used; ``problems`` lists every mistake found."""

    def __init__(self, problems: list[PackProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_FRIENDLY = {
    "string_pattern_mismatch": {
        "code": "must be capital letters then digits, like ACME101",
        "name": "must be lower-case words joined by hyphens, like revenue-floor",
        "link": "must be an http or https page, like https://wiki.example.com/playbook/revenue-floor",
        "": "has the wrong form",
    },
}


def from_validation(error: ValidationError, known: Iterable[str], raw: Any) -> list[tuple[str, str]]:
    """(field, message) pairs for a pydantic error, with did-you-mean for unknown fields."""
    out: list[tuple[str, str]] = []
    names = list(known)
    for entry in merged(error.errors()):
        loc = ".".join(str(part) for part in entry["loc"])
        kind = entry["type"]
        last = str(entry["loc"][-1]) if entry["loc"] else ""
        if kind == "extra_forbidden":
            out.append((loc, f"unknown field '{last}'{did_you_mean(last, names)}"))
        elif kind == "missing":
            out.append((loc, "is required but missing"))
        elif kind == "string_pattern_mismatch":
            friendly = _FRIENDLY[kind].get(last, _FRIENDLY[kind][""])
            out.append((loc, f"{entry.get('input')!r} {friendly}"))
        elif kind == "enum":
            expected = entry.get("ctx", {}).get("expected", "")
            choices = re.findall(r"'([^']+)'", expected)
            out.append((loc, f"{entry.get('input')!r} is not valid{did_you_mean(str(entry.get('input')), choices)}"))
        elif kind == "too_short" and last in ("passing", "failing"):
            out.append((loc, f"write at least one {last} example: plan text the rule must {'pass' if last == 'passing' else 'flag'}"))
        else:
            out.append((loc, plain_message(entry)))
    return out


def locate(text: str, rule_code: str, key: str) -> Optional[int]:
    """The 1-based line of ``key`` inside the ``[[rule]]`` with ``rule_code`` (best effort).

    tomllib keeps no positions, so this searches the text: first the rule's
    ``code = "..."`` line, then the block around it for ``key``.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*rule\s*\]\]", line)]
    code_line = None
    if rule_code:
        pattern = re.compile(r"^\s*code\s*=\s*[\"']" + re.escape(rule_code) + r"[\"']")
        code_line = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    if code_line is None:
        block = (0, len(lines))
    else:
        begin = max([s for s in starts if s <= code_line], default=0)
        end = min([s for s in starts if s > code_line], default=len(lines))
        block = (begin, end)
    if not key:
        return None if code_line is None else code_line + 1
    wanted = re.compile(r"(?:^|[\s{,])[\"']?" + re.escape(key) + r"[\"']?\s*=")
    for i in range(*block):
        if wanted.search(lines[i]):
            return i + 1
    return None if code_line is None else code_line + 1
