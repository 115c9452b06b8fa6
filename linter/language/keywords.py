"""What each word of the plan language means, from ``keywords.toml`` (package data).

The texts live beside the grammar because the docs folder is not installed:
the language server shows them on hover, and the keyword reference at the
end of ``docs/language.md`` is generated from them, so the two cannot drift
(``tests/test_keywords.py`` fails when the docs are stale or a keyword of
the grammar has no text). Regenerate the docs with::

    python tests/test_keywords.py
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYWORDS_PATH = Path(__file__).with_name("keywords.toml")
BEGIN = "<!-- keyword reference: generated from linter/language/keywords.toml by python tests/test_keywords.py; do not edit -->"
END = "<!-- end of keyword reference -->"


class Keyword(NamedTuple):
    word: str
    text: str
    example: str


@lru_cache(maxsize=1)
def keywords() -> dict[str, Keyword]:
    """Every documented word, in the file's order."""
    data = tomllib.loads(KEYWORDS_PATH.read_text(encoding="utf-8"))
    return {word: Keyword(word, entry["text"], entry.get("example", "")) for word, entry in data.items()}


def keyword(word: str) -> Optional[Keyword]:
    return keywords().get(word)


def grammar_words() -> set[str]:
    """The words the grammar gives a meaning: its keywords and the words of its word classes (goal, done...)."""
    from .parser import get_parser
    from .syntax_errors import KIND_WORDS, _keywords

    words = set(_keywords(get_parser()).values())
    for group in KIND_WORDS.values():
        words.update(group)
    return words


def hover_markdown(entry: Keyword) -> str:
    """The hover text of a keyword: its meaning and an example."""
    text = f"**{entry.word}**: {entry.text}"
    return text + (f"\n\n```plan\n{entry.example}\n```" if entry.example else "")


def reference_markdown() -> str:
    """The keyword reference section of docs/language.md, between its markers."""
    lines = [BEGIN, "", "| keyword | meaning | example |", "|---|---|---|"]
    for entry in sorted(keywords().values(), key=lambda k: k.word):
        example = f"`{entry.example}`" if entry.example else ""
        lines.append(f"| `{entry.word}` | {entry.text} | {example.replace('|', chr(92) + '|')} |")
    return "\n".join(lines + ["", END])


def with_reference(document: str) -> str:
    """``document`` with its keyword reference replaced by the current one (appended when it has none)."""
    section = reference_markdown()
    if BEGIN in document and END in document:
        head, rest = document.split(BEGIN, 1)
        return head + section + rest.split(END, 1)[1]
    return document.rstrip("\n") + "\n\n## Keyword reference\n\n" + section + "\n"
