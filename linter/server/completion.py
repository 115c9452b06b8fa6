"""What may be typed at the cursor, asked of the LALR parser itself.

The text before the cursor (less the word being typed) is fed to the parser
of :mod:`planlint.syntax_tree`; the terminals its state accepts are the
keywords that may come next, and the word classes (``goal``, ``done``...)
and enum values (after ``role``, ``stance``...) that may stand there.
Inside the quotes after ``owner``, ``ask``, ``with`` (and ``team``,
``reports_to``) the names of the team and the stakeholders are offered.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ..language.syntax_errors import BLOCK_KINDS, KIND_WORDS, WORD_ENUMS, _keywords, enclosing_block
from ..language.syntax_tree import accepted_terminals, get_tree_parser

_PARTIAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*$")
_LAST_WORD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")
NAME_KEYWORDS = ("owner", "ask", "with", "team", "reports_to")
_IN_NAME = re.compile(r"\b(" + "|".join(NAME_KEYWORDS) + r')\s+(?:"[^"\n]*"\s*,?\s*)*"([^"\n]*)$')
_NAME_DUE = re.compile(r"\b(" + "|".join(NAME_KEYWORDS) + r')\s+(?:"[^"\n]*"\s*,\s*)*$')


class Suggestion(NamedTuple):
    label: str
    kind: str  # "keyword", "word" (a word class), "value" (an enum value), "person"
    insert: str
    detail: str = ""


def suggestions(text: str, offset: int, people: list[str]) -> tuple[list[Suggestion], int]:
    """What may be typed at ``offset`` in ``text``, and where the word it would replace starts."""
    before = text[:offset]
    line = before[before.rfind("\n") + 1:]
    inside = _IN_NAME.search(line)
    if inside is not None:  # completing a quoted name
        typed = inside.group(2)
        return [Suggestion(name, "person", name, inside.group(1)) for name in people], offset - len(typed)
    if line.count('"') % 2:  # inside some other quoted text: nothing to offer
        return [], offset
    partial = _PARTIAL.search(before)
    start = offset - (len(partial.group()) if partial else 0)
    prefix = before[:start]
    accepted = accepted_terminals(prefix)
    keywords = _keywords(get_tree_parser())
    found: dict[str, Suggestion] = {}
    previous = _LAST_WORD.search(prefix)
    after = previous.group(1) if previous else ""
    for terminal in sorted(accepted):
        if terminal in keywords:
            word = keywords[terminal]
            found.setdefault(word, Suggestion(word, "keyword", word))
        elif terminal in KIND_WORDS:
            words = KIND_WORDS[terminal]
            if terminal == "KIND":
                block = enclosing_block(text, start)
                words = BLOCK_KINDS.get(block or "", words)
            for word in words:
                found.setdefault(word, Suggestion(word, "word", word))
        elif terminal == "NAME" and after in WORD_ENUMS:
            what, enum = WORD_ENUMS[after]
            for member in enum:
                found.setdefault(str(member.value), Suggestion(str(member.value), "value", str(member.value), what))
        elif terminal == "STRING" and _NAME_DUE.search(prefix[prefix.rfind("\n") + 1:]):
            for name in people:
                found.setdefault('"' + name, Suggestion(name, "person", f'"{name}"', after))
    return list(found.values()), start


def word_at(line: str, column: int) -> Optional[tuple[str, int, int]]:
    """The bare word (outside quotes) under 0-based ``column`` of ``line``: (word, start, end)."""
    for match in re.finditer(r"[A-Za-z_][A-Za-z0-9_]*", line):
        if match.start() <= column <= match.end():
            if line[:match.start()].count('"') % 2 or "#" in _code_part(line[:match.start()]):
                return None
            return match.group(), match.start(), match.end()
    return None


def _code_part(text: str) -> str:
    """``text`` with quoted parts removed, so a '#' left in it starts a comment."""
    return re.sub(r'"(?:[^"\\]|\\.)*"', "", text)
