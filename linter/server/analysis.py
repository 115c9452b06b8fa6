"""Linting an open document exactly as ``planlint check`` lints the saved file.

Same configuration discovery (the nearest planlint.toml, .planlint.toml or
pyproject.toml above the file), same per-file settings, packs and plugins,
same engine call (:func:`planlint.runner.lint_content` on the UTF-8 bytes),
so a finding in the editor is the finding in CI. Nothing here speaks LSP:
:mod:`planlint.server.protocol` turns the results into messages.

While a line is half typed the plan cannot be read and the engine returns
only the syntax errors. Dropping every other finding at each keystroke would
make the editor flicker, so the findings of the last readable version are
carried over, each moved to where its source line now stands (dropped when
its line was changed), until the file reads again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..config.loader import ConfigError, ConfigResolver
from ..config.rule_names import check_rule_names
from ..engine.linter import Linter, display_path
from ..engine.meta import META_RULES
from ..api.registry import Registry
from ..engine.results import FileResult, Finding
from ..api.rule import RuleInfo, with_link
from ..engine.runner import Options, lint_content, make_linter, make_registry

READING_CODES = frozenset({"PL001", "PL002", "PL003"})  # the file could not be read
CARRY_WINDOW = 200  # how far (in lines) a carried finding's source line is looked for


@dataclass
class Analysis:
    """One version of a document and what planlint says about it."""

    text: str
    lines: list[str]
    result: FileResult
    carried: list[Finding] = field(default_factory=list)  # from the last readable version
    readable: Optional["Analysis"] = None  # the last version that could be read (self when this one could)
    config_error: str = ""

    @property
    def findings(self) -> list[Finding]:
        """What the editor shows: the findings that count, and the carried ones while the file cannot be read."""
        return [finding for finding in self.result.findings + self.carried if finding.suppressed is None]


class Linters:
    """A linter per effective configuration, found as ``check`` finds it; rebuilt when a configuration changes."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.resolver = ConfigResolver()
        self._registries: dict[tuple[object, ...], Registry] = {}
        self._linters: dict[str, Linter] = {}
        self._infos: dict[str, RuleInfo] = {info.code: info for info in META_RULES}

    def linter_for(self, path: Path) -> Linter:
        """The linter ``planlint check`` would use for ``path``; raises ConfigError with check's message."""
        config = self.resolver.for_plan(path)
        settings = config.settings_for(path)
        key = settings.cache_key()
        linter = self._linters.get(key)
        if linter is None:
            registry_key = (tuple(settings.packs), tuple(sorted(settings.plugins.items())))
            registry = self._registries.get(registry_key)
            if registry is None:
                registry = self._registries[registry_key] = make_registry(settings, Options())
            fatal = registry.fatal_problems()
            if fatal:
                raise ConfigError("; ".join(f"{problem.source}: {problem.message}" for problem in fatal))
            check_rule_names(config, [*(rule.info for rule in registry.rules), *META_RULES], registry.categories,
                             registry.available_plugins)
            linter = self._linters[key] = make_linter(settings, Options(), registry)
            self._infos.update((info.code, with_link(info, settings.rules_docs_url))
                               for info in [*META_RULES, *(rule.info for rule in registry.rules)])
        return linter

    def rule(self, code: str) -> Optional[RuleInfo]:
        """A rule any linter built so far knows (the built-in pack, configured packs and plugins)."""
        return self._infos.get(code)


def analyse(linters: Linters, path: Path, text: str, previous: Optional[Analysis] = None) -> Analysis:
    """Lint ``text`` as the file at ``path``; ``previous`` is the document's last analysis."""
    from .positions import split_lines

    lines = split_lines(text)
    shown = display_path(path)
    try:
        linter = linters.linter_for(path)
    except ConfigError as error:
        result = FileResult(path=shown, parsed=False)
        return Analysis(text, lines, result, config_error=str(error))
    result = lint_content(linter, text.encode("utf-8"), shown)
    analysis = Analysis(text, lines, result)
    if result.parsed:
        analysis.readable = analysis
    elif previous is not None and previous.readable is not None:
        analysis.readable = previous.readable
        analysis.carried = carry(previous.readable, lines)
    return analysis


def carry(old: Analysis, lines: list[str]) -> list[Finding]:
    """``old``'s findings (reading errors aside) moved to where their source lines stand in ``lines``."""
    carried = []
    for finding in old.result.findings:
        if finding.code in READING_CODES or not 1 <= finding.line <= len(old.lines):
            continue
        source = old.lines[finding.line - 1]
        moved = _find_line(lines, source, finding.line - 1)
        if moved is None:
            continue
        shift = moved - (finding.line - 1)
        carried.append(finding.model_copy(update={"line": finding.line + shift, "end_line": finding.end_line + shift}))
    return carried


def _find_line(lines: list[str], wanted: str, near: int) -> Optional[int]:
    """The index of the line equal to ``wanted`` closest to ``near``, within :data:`CARRY_WINDOW`."""
    for distance in range(CARRY_WINDOW + 1):
        for index in (near - distance, near + distance) if distance else (near,):
            if 0 <= index < len(lines) and lines[index] == wanted:
                return index
    return None
