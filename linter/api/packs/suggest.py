"""'Did you mean ...?' for names a pack author mistyped, or the valid names when none is close.

The matching is planlint's one :func:`planlint.suggest.closest`; this only
adds what a pack author needs besides: the list of valid names.
"""

from __future__ import annotations

from typing import Iterable

from ...suggest import closest


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` or, when nothing is close, the list of valid names."""
    options = sorted(choices)
    close = closest(name, options)
    if close is not None:
        return f" — did you mean '{close}'?"
    if len(options) <= 12:
        return " (valid: " + ", ".join(options) + ")"
    return ""
