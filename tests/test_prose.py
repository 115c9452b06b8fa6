"""The one walk over a plan's text reaches every text the writer typed.

The form rules and the substance axis judge what ``planlint.api.prose.iter_text``
yields, so a text field it missed would be a place where ``"TBD"`` or a
pasted paragraph passes unseen. Every string in the model of every bundled
and calibration plan must come out of the walk.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, Iterator

import pytest
from pydantic import BaseModel

from planlint.api.prose import iter_text
from planlint.api.text import normalise, pasted_sentences
from planlint.language.parser import parse_text
from planlint.model import DateValue, Money, Percent, Plan, Quantity

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(path for path in [*ROOT.glob("samples/*.plan"), *ROOT.glob("tests/calibration/plans/*.plan")]
               if path.name not in {"broken.plan", "portfolio.plan"})  # a file with syntax errors, and no plan
NOT_TEXT = {"kind"}  # the node's type tag, not something the writer typed
VALUES = (DateValue, Money, Percent, Quantity)  # typed values (dates, amounts): checked by the value rules, not prose


def strings(node: Any, path: str = "plan") -> Iterator[tuple[str, str]]:
    """Every (path, string) in a model, however deep."""
    if isinstance(node, (Enum, *VALUES)):
        return
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in NOT_TEXT:
                yield from strings(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from strings(item, f"{path}[{index}]")


def plan_of(path: Path) -> Plan:
    return plan_of_text(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_every_string_in_the_model_is_a_text_the_walk_yields(path: Path) -> None:
    plan = plan_of(path)
    walked = {prose.text for prose in iter_text(plan)}
    missed = [f"{where} = {text!r}" for where, text in strings(plan) if text not in walked]
    assert missed == []


def test_a_sentence_pasted_into_a_win_theme_proof_and_customer_research_is_pasted() -> None:
    source = (ROOT / "samples/hospital-group.plan").read_text(encoding="utf-8")
    proof = "Riverside: 22 minutes saved per nurse per shift"
    assert f'proof "{proof}"' in source
    assert pasted_sentences(plan_of_text(source)) == frozenset()
    pasted = source.replace("    customer {", f'    customer {{\n      fact "{proof}"', 1)
    assert pasted_sentences(plan_of_text(pasted)) == {normalise(proof)}


def plan_of_text(text: str) -> Plan:
    document = parse_text(text, "pasted.plan").document
    assert isinstance(document, Plan)
    return document
