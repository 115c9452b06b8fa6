"""When each person on the customer's side was last contacted, from every source that knows.

The plan itself says so with `last_contact DATE` on a stakeholder or a party.
Other sources (a CRM contacts export, say) hand the engine a mapping of
names to dates under ``CheckContext.options[CONTACTS_OPTION]``; the latest
date wins, and the contact remembers where it came from so a finding can say
"last contacted 2026-11-02 (crm)". The rules only ever ask
:func:`last_contacts`, so a new source needs no change to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from ..model import Plan, Span
from .text import name_key as _key

# {name: date or ISO text, or (date, source)}, supplied by a data source beside the plan; a pair's source (such as
# "contacts.csv:4", the row it came from) replaces the option's one for that person.
CONTACTS_OPTION = "last_contacts"


@dataclass(frozen=True)
class Contact:
    date: dt.date
    source: str  # "plan", or the name of the source that supplied it
    span: Optional[Span] = None  # where the plan says so, when it does


def _as_date(value: Any) -> Optional[dt.date]:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def last_contacts(plan: Plan, options: Mapping[str, Any]) -> dict[str, Contact]:
    """The latest known contact with each stakeholder and party, by case-folded name."""
    found: dict[str, Contact] = {}
    for person in [*plan.stakeholders, *plan.parties]:
        if person.last_contact is not None:
            found[_key(person.name)] = Contact(person.last_contact.date, "plan", person.last_contact.span)
    supplied = options.get(CONTACTS_OPTION) or {}
    source = str(options.get(f"{CONTACTS_OPTION}_source", "crm"))
    for name, value in dict(supplied).items():
        value, origin = value if isinstance(value, tuple) else (value, source)
        date = _as_date(value)
        known = found.get(_key(str(name)))
        if date is not None and (known is None or date > known.date):
            found[_key(str(name))] = Contact(date, str(origin))
    return found


def contact_of(contacts: Mapping[str, Contact], name: str) -> Optional[Contact]:
    return contacts.get(_key(name))
