"""JSON output: the machine contract (see README, "JSON output").

Keys are sorted and floats keep one decimal, so the same input gives the same bytes.
"""

from __future__ import annotations

import json

from ..results import RunResult


def to_data(result: RunResult) -> dict:
    return result.model_dump(mode="json")


def render(result: RunResult, color: bool = False) -> str:
    return json.dumps(to_data(result), indent=2, ensure_ascii=False) + "\n"
