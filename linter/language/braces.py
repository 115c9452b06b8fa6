"""Finding the braces of a plan's blocks in raw text, outside strings and comments.

Error recovery and error wording both need to know which blocks are open at
a point of a file that did not parse, so they cannot ask the parser; this is
the one scanner they share.
"""

from __future__ import annotations

from typing import Optional


def scan_braces(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, str]]:
    """Positions of '{' and '}' in ``text[start:end]`` outside strings and comments."""
    found: list[tuple[int, str]] = []
    end = len(text) if end is None else end
    i, in_string = start, False
    while i < end:
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"' or ch == "\n":
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "#":
            newline = text.find("\n", i)
            i = end if newline == -1 else newline
            continue
        elif ch in "{}":
            found.append((i, ch))
        i += 1
    return found


def open_blocks(text: str, position: int) -> list[int]:
    """Offsets of the '{' still open at ``position``, outermost first."""
    openers: list[int] = []
    for offset, ch in scan_braces(text, 0, position):
        if ch == "{":
            openers.append(offset)
        elif openers:
            openers.pop()
    return openers


def closes_nothing(text: str, position: int) -> bool:
    """Whether a '}' at ``position`` has no '{' left open before it."""
    return not open_blocks(text, position)
