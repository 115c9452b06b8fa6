"""planlint's positions (1-based lines, columns counted in characters) in LSP's terms.

LSP counts lines from 0 and columns in UTF-16 code units, by default: an
emoji is two units, a combining accent one, an ``é`` one. planlint counts
columns in Python characters (code points) from 1. Converting through the
line's own text is the only way to get both right, so every position the
server sends or reads goes through here. A client may instead agree on
UTF-8 or UTF-32 units at start-up (``positionEncoding``); ``encoding`` says
which was agreed.
"""

from __future__ import annotations

from typing import Sequence

from lsprotocol import types


UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"


def _units(ch: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(ch.encode("utf-8"))
    if encoding == UTF32:
        return 1
    return 2 if ord(ch) > 0xFFFF else 1


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (characters above U+FFFF take two)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def length(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF16:
        return utf16_length(text)
    return len(text) if encoding == UTF32 else len(text.encode("utf-8"))


def to_lsp(lines: Sequence[str], line: int, column: int, encoding: str = UTF16) -> types.Position:
    """The LSP position of planlint's (``line``, ``column``), clamped to the text."""
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    return types.Position(line=index, character=length(text[:max(column - 1, 0)], encoding))


def from_lsp(lines: Sequence[str], position: types.Position, encoding: str = UTF16) -> tuple[int, int]:
    """planlint's (line, column) for an LSP position; a unit inside a character counts as that character."""
    index = min(max(position.line, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    units = 0
    for offset, ch in enumerate(text):
        if units >= position.character:
            return index + 1, offset + 1
        units += _units(ch, encoding)
    return index + 1, len(text) + 1


def lsp_range(lines: Sequence[str], line: int, column: int, end_line: int, end_column: int,
              encoding: str = UTF16) -> types.Range:
    """The LSP range of a planlint span; an empty or inverted one covers one character."""
    start = to_lsp(lines, line, column, encoding)
    if (end_line, end_column) <= (line, column):
        end_line, end_column = line, column + 1
    return types.Range(start=start, end=to_lsp(lines, end_line, end_column, encoding))


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset in ``text`` of planlint's (``line``, ``column``)."""
    start = 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found == -1:
            return len(text)
        start = found + 1
    end = text.find("\n", start)
    return min(start + column - 1, len(text) if end == -1 else end)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as planlint numbers them (a ``\\r`` before ``\\n`` belongs to no line)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
