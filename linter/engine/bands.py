"""The bands a plan's verdict falls in: one table of name, floor, meaning and colour, read by every output.

Which band a plan is in is decided by :func:`planlint.engine.verdict.band_of`
(with :func:`planlint.engine.scoring.band` for the score floors); this table
only says what each band is called, from which score it starts, what it means
to a manager, and how it is coloured: on a terminal (an ANSI code) and in the
report's charts and page (a hex colour, always written next to the band's
name so colour is never the only signal).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    name: str
    floor: float  # the score from which a plan is in this band ("form" is a matter of substance, not score)
    when: str  # the rule that puts a plan in this band, in a manager's words (docs/scoring.md, "One band")
    meaning: str
    colour: str  # hex, for the report's SVG charts and HTML page
    ansi: str  # SGR colour code, for text output on a terminal


BANDS: tuple[Band, ...] = (
    Band("tool", 85.0, "score 85 or more, so no failed pillar",
         "complete, real and in use: the team works from it", "#1e7b3c", "32"),
    Band("developing", 60.0, "score 60 to 85", "real and in use, a pillar or two short", "#2862a8", "36"),
    Band("thin", 0.0, "score below 60", "honest, but covering little of the method", "#9a5b00", "33"),
    Band("form", 0.0, "substance below 50, whatever the score", "its text reads as paperwork", "#b3261e", "31"),
)
BY_NAME: dict[str, Band] = {band.name: band for band in BANDS}
NO_BAND_COLOUR = "#6b7280"  # an account with no plan, a file with no score


def colour(name: str) -> str:
    """The hex colour of band ``name`` (grey for "no plan" or no band)."""
    band = BY_NAME.get(name)
    return band.colour if band else NO_BAND_COLOUR


def meaning(name: str) -> str:
    band = BY_NAME.get(name)
    return band.meaning if band else ""
