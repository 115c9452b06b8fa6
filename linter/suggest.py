"""'Did you mean ...?': the one way planlint finds the name a typo was meant to be.

Plan keywords and values, configuration keys, rule codes and names, pack
fields: every "unknown X" message asks :func:`closest`, so a typo is matched
the same way wherever it is made. Case does not matter, nor ``-`` against
``_`` (``Fail_Under`` finds ``fail-under``). It lives at the top of the
package, below nothing, because the language, the packs, the configuration
and the command line all use it.
"""

from __future__ import annotations

import difflib
from typing import Iterable, Optional

CUTOFF = 0.6  # difflib's similarity from which a name reads as a typo of another


def _fold(name: str) -> str:
    return name.lower().replace("_", "-")


def closest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The choice ``word`` was most likely meant to be, or None when none is close enough to be a typo."""
    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(_fold(choice), choice)
    key = _fold(word)
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=CUTOFF)
    return folded[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str], lead: str = " — ") -> str:
    """``{lead}did you mean 'x'?`` for the closest choice, or ``""`` when none is close."""
    found = closest(word, choices)
    return f"{lead}did you mean '{found}'?" if found is not None else ""
