"""Plan text mutated the way a careless edit would: tokens deleted or dropped in, for fuzz tests."""

from __future__ import annotations

from typing import Sequence

from hypothesis import strategies as st


def mutate(data: st.DataObject, tokens: Sequence[str], vocabulary: Sequence[str]) -> str:
    """One to four deletions or insertions (drawn by hypothesis) into ``tokens``, joined by spaces."""
    mutated = list(tokens)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        if data.draw(st.booleans()):
            del mutated[position]
        else:
            mutated.insert(position, data.draw(st.sampled_from(list(vocabulary))))
    return " ".join(mutated)
