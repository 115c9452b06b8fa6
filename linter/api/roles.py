"""Who on the customer's side is a key person: deciders, sponsors, and anyone of high influence.

The one home of "key stakeholder": the built-in Python rules ask
:func:`is_key`, and TOML packs read it as the computed field ``key`` of a
stakeholder (``where = { field = "key", equals = true }``), as the built-in
relationship-owner rule does.
"""

from __future__ import annotations

from ..model import Role, Stakeholder

DECIDERS = frozenset({Role.economic_buyer, Role.decision_maker})
SPONSORS = frozenset({Role.champion, Role.sponsor})
KEY_ROLES = DECIDERS | SPONSORS


def is_key(stakeholder: Stakeholder) -> bool:
    """Key people: deciders, sponsors, and anyone of high influence."""
    return stakeholder.role in KEY_ROLES or stakeholder.influence is not None and stakeholder.influence.value == "high"
