"""The pillars of the account-planning method, by name: what a plan cannot lack and still be a tool.

A rule says which pillar it helps decide (``RuleInfo.essential``, ``essential
= "competitor"`` in a TOML pack); the engine judges each pillar
(:mod:`planlint.engine.essentials`). The names are a fixed vocabulary, so a
pack, a configuration and every output spell them the same way.
"""

from __future__ import annotations

from typing import Literal

Pillar = Literal["customer", "competitor", "company", "objectives", "actions", "in-use"]
State = Literal["met", "failed", "waived", "not-required"]

# In the order a reader meets them: the Three Cs, then objectives, actions, and a plan in use.
PILLARS: tuple[tuple[str, str], ...] = (
    ("customer", "customer research"),
    ("competitor", "competitor research"),
    ("company", "company research"),
    ("objectives", "measurable objectives"),
    ("actions", "owned, dated actions"),
    ("in-use", "a plan in use"),
)
PILLAR_NAMES: tuple[str, ...] = tuple(name for name, _ in PILLARS)
LABELS: dict[str, str] = dict(PILLARS)
