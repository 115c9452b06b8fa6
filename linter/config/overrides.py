"""Settings given on the command line: ``--config 'key = value'``, ``--select``, ``--extend-select``, ``--ignore``.

As in Ruff, a rule or a threshold can be tried without editing a file:
``planlint check --select PL3 --config 'fail-under = 70' plans/``. Each
``--config`` value that is not a file is one line of TOML for
``planlint.toml``, read and validated exactly as the file is (the same model
and the same messages, naming the option instead of a file and line).
Overrides are applied on top of whichever configuration a plan gets, before
its ``[[per-file]]`` blocks; ``--select`` replaces ``select``,
``--extend-select`` and ``--ignore`` add to theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from .settings import Settings


@dataclass(frozen=True)
class Overrides:
    """What the command line changes in every plan's settings, and where each selector was typed."""

    table: dict[str, Any] = field(default_factory=dict)  # from --config 'key = value', validated
    select: Optional[list[str]] = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    given: dict[str, str] = field(default_factory=dict)  # selector -> "--select" etc., for messages

    def __bool__(self) -> bool:
        return bool(self.table or self.select is not None or self.extend_select or self.ignore)

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with the command line's keys on top."""
        if not self:
            return settings
        updated = settings.model_copy(deep=True)
        if self.table:
            given = Settings.model_validate(self.table)
            for name in given.model_fields_set:
                setattr(updated, name, getattr(given, name))
        if self.select is not None:
            updated.select = list(self.select)
        updated.extend_select = [*updated.extend_select, *self.extend_select]
        updated.ignore = [*updated.ignore, *self.ignore]
        return updated


def selectors(values: Optional[Sequence[str]]) -> list[str]:
    """``--select PL1,PL302 --select action-owner`` as one list (comma-separated and repeatable, as in Ruff)."""
    return [item.strip() for value in values or () for item in value.split(",") if item.strip()]
