"""The engine: rules to findings, suppressions, scores; the cache, parallel runs, baselines, portfolios.

:class:`Linter` (in :mod:`.linter`) lints one file; :mod:`.runner` runs a
check over many; :mod:`.scoring`, :mod:`.suppressions`, :mod:`.cache`,
:mod:`.parallel`, :mod:`.baseline`, :mod:`.portfolio` and :mod:`.meta` do one
job each; :mod:`.results` holds the result models reporters format.

``planlint.engine`` is also part of the public API for plugin authors (see
``docs/plugins.md``): it names what a plugin's tests need to lint plan text
and run a rule's own examples.
"""

from ..api.registry import Registry, load_registry
from ..config.settings import Settings
from .documents import lint_file, lint_text
from .examples import ExampleResult, run_examples
from .linter import Linter
from .results import FileResult, Finding

__all__ = ["ExampleResult", "FileResult", "Finding", "Linter", "Registry", "Settings", "lint_file", "lint_text", "load_registry",
           "run_examples"]
