"""Reporters turn a :class:`planlint.engine.results.RunResult` into text. They compute nothing.

Each reporter module has ``render(result, options) -> str``.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ...engine.results import RunResult

FORMATS = ("text", "json", "concise", "sarif", "github", "junit")


class Reporter(Protocol):
    def __call__(self, result: RunResult, color: bool = False) -> str: ...


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(f".{name}", __package__)
    return module.render  # type: ignore[no-any-return]
