"""The engine: rules to findings, suppressions, scores; the cache, parallel runs, baselines, portfolios.

:class:`Linter` (in :mod:`.linter`) lints one file; :mod:`.runner` runs a
check over many; :mod:`.scoring`, :mod:`.suppressions`, :mod:`.cache`,
:mod:`.parallel`, :mod:`.baseline`, :mod:`.portfolio` and :mod:`.meta` do one
job each; :mod:`.results` holds the result models reporters format.

``planlint.engine`` is also part of the public API for plugin authors (see
``docs/plugins.md``): it names what a plugin's tests need to lint plan text
and run a rule's own examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..api.registry import Registry, load_registry
    from ..config.settings import Settings
    from .documents import lint_file, lint_text
    from .examples import ExampleResult, run_examples
    from .linter import Linter
    from .results import FileResult, Finding

__all__ = ["ExampleResult", "FileResult", "Finding", "Linter", "Registry", "Settings", "lint_file", "lint_text", "load_registry",
           "run_examples"]


def __getattr__(name: str) -> Any:
    """Each public name is imported from its home on first use (PEP 562).

    Importing any engine module imports this package first; with the names
    eager, ``planlint check`` paid for the rule-examples runner (and what it
    imports) that only ``planlint test-rules`` uses (tests/test_lazy_imports.py).
    """
    if name in ("Registry", "load_registry"):
        from ..api import registry as home
    elif name == "Settings":
        from ..config import settings as home
    elif name in ("lint_file", "lint_text"):
        from . import documents as home
    elif name in ("ExampleResult", "run_examples"):
        from . import examples as home
    elif name == "Linter":
        from . import linter as home
    elif name in ("FileResult", "Finding"):
        from . import results as home
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(home, name)
