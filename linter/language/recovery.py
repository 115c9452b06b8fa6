"""Mending plan text after a syntax error so parsing can go on, without moving any line or column.

The parser reports an error, then asks these functions where a lost ``}`` or
``{`` belongs (the indentation tells) or which statement to blank out, and
parses the mended text again: one run reports several independent errors.
Every edit keeps newlines where they were, so later positions stay true.
"""

from __future__ import annotations

from typing import Optional

from .braces import scan_braces


def indent_of(text: str, position: int) -> Optional[int]:
    """Indentation of the line holding ``position``, or None when text precedes it."""
    start = text.rfind("\n", 0, position) + 1
    before = text[start:position]
    return len(before) if not before.strip() else None


def line_indent(text: str, position: int) -> int:
    start = text.rfind("\n", 0, position) + 1
    line = text[start:position]
    return len(line) - len(line.lstrip())


def unclosed_brace(text: str, offset: Optional[int] = None,
                    known: frozenset[int] | set[int] = frozenset()) -> Optional[tuple[int, Optional[int]]]:
    """The '{' that lost its '}', and where to put the missing '}' (None: at the end).

    Braces alone cannot tell which block lost its '}': the last one is paired
    with the outermost opener. Indentation can: a '}' (or, at ``offset``, the
    statement the parser choked on) starting a line indented less than an open
    block's first line belongs to an outer block, so that inner block is the
    one left open. With ``offset`` None the whole text is checked (the file
    ended too early); otherwise only the text before the error, and a block is
    blamed only when the indentation says so. Openers in ``known`` were
    already reported and mended: the '}' put in for them is not judged again.
    """
    end = len(text) if offset is None else offset
    stack: list[tuple[int, int]] = []
    for position, ch in scan_braces(text, 0, end):
        if ch == "{":
            stack.append((position, line_indent(text, position)))
            continue
        indent = indent_of(text, position)
        if indent is not None and len(stack) > 1 and stack[-1][1] > indent and stack[-1][0] not in known:
            return stack[-1][0], position
        if stack:
            stack.pop()
    if not stack:
        return None
    if offset is None:
        return stack[-1][0], None
    indent = indent_of(text, offset)
    if indent is not None and len(stack) > 1 and indent <= stack[-1][1] and stack[-1][0] not in known:
        return stack[-1][0], offset
    return None


def close_block(text: str, closer: Optional[int]) -> str:
    """Add the missing '}' without moving any later line or column."""
    if closer is None:
        return text + "\n}"
    if closer > 0 and text[closer - 1] in " \t":
        return text[:closer - 1] + "}" + text[closer:]
    line_start = text.rfind("\n", 0, closer)
    if line_start >= 0 and "#" not in text[text.rfind("\n", 0, line_start) + 1:line_start]:
        return text[:line_start] + "}" + text[line_start:]  # at the end of the previous line
    return text[:closer] + "} " + text[closer:]


def open_block(text: str, offset: int) -> str:
    """Put in the '{' a block header lost (``stakeholder "Mary Chen"`` + newline).

    Dropping the statement instead would leave its body to be read as
    statements of the outer block: one error per line. The '{' replaces the
    blank before the token the parser stopped at, or goes at the end of the
    previous line, so later lines and columns do not move.
    """
    if offset > 0 and text[offset - 1] in " \t":
        return text[:offset - 1] + "{" + text[offset:]
    line_start = text.rfind("\n", 0, offset)
    if line_start >= 0 and offset == line_start + 1 and "#" not in text[text.rfind("\n", 0, line_start) + 1:line_start]:
        return text[:line_start] + "{" + text[line_start:]
    return text[:offset] + "{ " + text[offset:]


def blank(text: str, start: int, end: int, keep_closers: bool = True) -> str:
    """Replace ``text[start:end]``, extended over any block it opens, with spaces.

    Newlines stay, so every later line and column is unchanged. A '}' that
    closes a block opened before the region is kept (unless ``keep_closers``
    is off), so the surrounding structure survives.
    """
    depth = 0
    for position, ch in scan_braces(text, start):
        if position >= end and depth <= 0:
            break
        depth += 1 if ch == "{" else -1
        if depth == 0 and position >= end:
            end = position + 1
            break
    else:
        if depth > 0:
            end = len(text)
    chars = list(text)
    depth = 0
    for position in range(start, min(end, len(text))):
        ch = chars[position]
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0 and keep_closers:
                continue
            depth = max(depth - 1, 0)
        if ch != "\n":
            chars[position] = " "
    return "".join(chars)


def line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end
