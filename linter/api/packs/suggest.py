"""'Did you mean ...?' hints for names a pack author mistyped."""

from __future__ import annotations

import difflib
from typing import Iterable


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The closest valid name, or None when nothing is close enough to be a typo."""
    options = list(choices)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    folded = {option.lower().replace("-", "_"): option for option in options}
    return folded.get(name.lower().replace("-", "_"))


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` or, when nothing is close, the list of valid names."""
    options = sorted(choices)
    close = nearest(name, options)
    if close is not None:
        return f" — did you mean '{close}'?"
    if len(options) <= 12:
        return " (valid: " + ", ".join(options) + ")"
    return ""
