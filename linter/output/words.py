"""Counts in words: "1 error", "2 errors", never "1 errors".

Every count a person reads (summaries, notes, test-rules reports) goes
through :func:`counted`, so singular and plural are right everywhere.
"""

from __future__ import annotations

IRREGULAR = {"entry": "entries", "info": "infos", "match": "matches", "is": "are"}


def plural(words: str) -> str:
    """The plural of a word or phrase (its last word): ``baseline entry`` -> ``baseline entries``."""
    head, _, last = words.rpartition(" ")
    return (head + " " if head else "") + IRREGULAR.get(last, last + "s")


def counted(count: int, word: str) -> str:
    """``counted(1, "rule")`` is ``1 rule``; ``counted(3, "entry")`` is ``3 entries``."""
    return f"{count} {word if count == 1 else plural(word)}"
