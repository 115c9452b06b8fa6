"""Every rule, category and plugin a configuration names must exist, each unknown one told at its line.

Split from :mod:`.loader` (which reads and validates the file): this check
needs the loaded rules, so it runs once the registry is known.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..api.rule import RuleInfo
from .loader import MAX_ERRORS, ConfigError, LoadedConfig, did_you_mean, shown_path
from .settings import selector_matches_any


def check_rule_names(config: LoadedConfig, infos: Sequence[RuleInfo], categories: Iterable[str],
                     plugin_names: Optional[Sequence[str]] = None) -> None:
    """Every rule, category and plugin a config names must exist: a typo should not silently do nothing."""
    settings = config.settings
    known = [*(info.code for info in infos), *(info.name for info in infos)]
    problems: list[str] = []
    source = shown_path(config.path) if config.path else "configuration"

    def check_selectors(key: str, selectors: Iterable[str]) -> None:
        for selector in selectors:
            if selector.upper() != "ALL" and not selector_matches_any(selector, list(infos)):
                problems.append(f"{_locate_or(config, selector, source)}: unknown rule '{selector}' in '{key}'{did_you_mean(selector, known)}")

    def check_names(key: str, names: Iterable[str]) -> None:
        for name in names:
            if name not in known:
                problems.append(f"{_locate_or(config, name, source)}: unknown rule '{name}' in '{key}'{did_you_mean(name, known)}")

    check_selectors("select", settings.select)
    check_selectors("extend-select", settings.extend_select)
    check_selectors("ignore", settings.ignore)
    check_names("severity", settings.severity)
    check_names("weights", settings.weights)
    check_names("essentials", settings.essentials)
    for pattern, selectors in settings.per_file_ignores.items():
        check_selectors(f"per-file-ignores.{pattern}", selectors)
    for index, block in enumerate(settings.per_file):
        check_selectors(f"per-file[{index}].select", block.select or [])
        check_selectors(f"per-file[{index}].extend-select", block.extend_select)
        check_selectors(f"per-file[{index}].ignore", block.ignore)
        check_names(f"per-file[{index}].severity", block.severity)
        check_names(f"per-file[{index}].weights", block.weights)
        check_names(f"per-file[{index}].essentials", block.essentials)
    category_names = sorted(categories)
    named = [("category-weights", name) for name in [*settings.category_weights,
                                                       *(k for b in settings.per_file for k in b.category_weights)]]
    named += [("category-fail-under", name) for name in [
        *settings.category_fail_under, *(k for b in settings.per_file for k in b.category_fail_under),
        *(k for bars in settings.quadrant.values() for k in bars.category_fail_under)]]
    for key, name in named:
        if name not in category_names:
            problems.append(f"{_locate_or(config, name, source)}: unknown category '{name}' in '{key}'{did_you_mean(name, category_names)}")
    for name in settings.plugins if plugin_names is not None else ():
        if name not in plugin_names:
            problems.append(f"{_locate_or(config, name, source)}: unknown plugin '{name}' in 'plugins'"
                            f"{did_you_mean(name, plugin_names)} (installed: {', '.join(plugin_names)})")
    if problems:
        raise ConfigError("\n".join(problems[:MAX_ERRORS]))


def _locate_or(config: LoadedConfig, key: str, fallback: str) -> str:
    if key in config.given:
        return config.given[key]
    if config.path is None:
        return fallback
    located = _locate_value(config.path, key)
    return located or shown_path(config.path)


def _locate_value(path: Path, value: str) -> str:
    """``path:line:col`` of the first mention of ``value`` (a rule or category name) in the file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    pattern = re.compile(rf'(?<![\w-])"?{re.escape(value)}"?(?![\w-])')
    for number, line in enumerate(lines, start=1):
        found = pattern.search(line.split("#", 1)[0])
        if found:
            return f"{shown_path(path)}:{number}:{found.start() + 1}"
    return ""
