"""MEDDPICC for planlint: is each revenue objective a qualified deal?

MEDDPICC asks of every deal: Metrics, Economic buyer, Decision criteria,
Decision process, Paper process, Identified pain, Champion, Competition.
Seven of the eight are simple presence and pattern rules, written in TOML
(``meddpicc.toml``) in the same format as any company's pack; the economic
buyer rule needs to cross-reference an objective's people with the
stakeholder map, so it is Python (:mod:`planlint_meddpicc.economic_buyer`).

The plugin registers through the ``planlint`` entry-point group (see
``pyproject.toml``) and implements the two hooks in ``planlint.hookspecs``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from planlint.hookspecs import hookimpl
from planlint.packs import Pack, load_pack
from planlint.rule import Category, Rule

from .economic_buyer import EconomicBuyerNamed

RULES_FILE = Path(__file__).with_name("meddpicc.toml")


@lru_cache(maxsize=1)
def _pack() -> Pack:
    """The TOML half of the plugin, read once; a mistake in it raises and planlint reports the plugin."""
    return load_pack(RULES_FILE)


@hookimpl
def planlint_categories() -> list[Category]:
    return list(_pack().categories)


@hookimpl
def planlint_rules() -> list[Rule]:
    return [*_pack().rules, EconomicBuyerNamed()]
