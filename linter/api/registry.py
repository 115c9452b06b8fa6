"""Finding and loading rule packs: built-in, installed plugins, TOML packs.

Loading is defensive by design: a plugin that fails to import, or whose hook
raises, is recorded as a :class:`LoadProblem` and reported, while every other
rule still runs. A broken plugin must never take the whole run down.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

import pluggy

from .. import installed
from . import hookspecs
from .rule import Category, Rule, RuleInfo

from .containment import PLUGIN_LOAD_TIMEOUT, FileTimeout, describe, time_limit, was_interrupted

BUILTIN_PLUGINS = ("planlint.rules.builtin",)
_load_budget = PLUGIN_LOAD_TIMEOUT  # seconds each plugin's loading and hook call may take (this run's setting)


@dataclass(frozen=True)
class LoadProblem:
    """A plugin or pack that could not be loaded, named for the report.

    ``fatal`` problems (a broken TOML pack, a rule code used twice) stop a
    check with exit 2: the user asked for those rules and would otherwise get
    a silently different verdict. A broken installed plugin is not fatal.
    """

    source: str
    message: str
    fatal: bool = False


@dataclass
class Registry:
    rules: list[Rule] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)
    plugin_names: list[str] = field(default_factory=list)
    available_plugins: list[str] = field(default_factory=list)  # loaded or not: what `plugins = {...}` may name
    plugin_of: dict[str, str] = field(default_factory=dict)  # rule code -> the plugin that gave it ("pack:PATH" for a pack)
    plugin_versions: dict[str, str] = field(default_factory=dict)  # plugin name -> "distribution version" (cache key)

    def fatal_problems(self) -> list[LoadProblem]:
        return [problem for problem in self.problems if problem.fatal]

    def by_code(self) -> dict[str, Rule]:
        return {rule.info.code: rule for rule in self.rules}

    def find(self, code_or_name: str) -> Rule | None:
        wanted = code_or_name.strip().lower()
        for rule in self.rules:
            if rule.info.code.lower() == wanted or rule.info.name.lower() == wanted:
                return rule
        return None


def new_plugin_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def _entry_points() -> list[installed.EntryPoint]:
    """The installed plugins' entry points, sorted by name (cached under the installed distributions' stamp)."""
    return installed.entry_points(hookspecs.PROJECT)


def _register_builtins(manager: pluggy.PluginManager, problems: list[LoadProblem]) -> None:
    for module_name in BUILTIN_PLUGINS:
        try:
            manager.register(importlib.import_module(module_name), name=module_name)
        except Exception as exc:  # noqa: BLE001 - reported, never fatal
            problems.append(LoadProblem(module_name, f"could not load: {exc}"))


def _register_entry_points(
    manager: pluggy.PluginManager,
    entry_points: list[installed.EntryPoint],
    problems: list[LoadProblem],
    disabled: frozenset[str],
    versions: dict[str, str],
) -> None:
    for entry_point in entry_points:
        if entry_point.name in disabled or manager.has_plugin(entry_point.name):
            continue
        try:
            with time_limit(_load_budget, f"plugin '{entry_point.name}' (loading)"):
                plugin = entry_point.load()
            manager.register(plugin, name=entry_point.name)
            versions[entry_point.name] = f"{entry_point.dist} {entry_point.version}" if entry_point.dist else "unknown"
        except FileTimeout:
            problems.append(LoadProblem(f"plugin '{entry_point.name}'", f"took more than {_load_budget:g} s to load; skipped"))
        except Exception as exc:  # noqa: BLE001 - reported, never fatal
            problems.append(
                LoadProblem(f"plugin '{entry_point.name}'", f"could not be loaded: {describe(exc)}")
            )


def _validate_hooks(manager: pluggy.PluginManager, problems: list[LoadProblem]) -> None:
    """Unregister plugins whose hooks do not match a spec (pluggy's check_pending)."""
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        name = manager.get_name(exc.plugin) or str(exc.plugin)
        manager.unregister(exc.plugin)
        problems.append(LoadProblem(f"plugin '{name}'", str(exc)))
        _validate_hooks(manager, problems)


def _collect(manager: pluggy.PluginManager, hook_name: str, problems: list[LoadProblem]) -> list[tuple[str, object]]:
    """Call one hook per plugin so a raising plugin is named and skipped."""
    results: list[tuple[str, object]] = []
    for impl in getattr(manager.hook, hook_name).get_hookimpls():
        try:
            with time_limit(_load_budget, f"plugin '{impl.plugin_name}'"):
                value = impl.function()
        except FileTimeout:
            problems.append(LoadProblem(f"plugin '{impl.plugin_name}'", f"{hook_name}() took more than {_load_budget:g} s; skipped"))
            continue
        except KeyboardInterrupt:
            if was_interrupted():
                raise
            problems.append(LoadProblem(f"plugin '{impl.plugin_name}'", f"{hook_name}() raised KeyboardInterrupt"))
            continue
        except BaseException as exc:  # noqa: BLE001 - reported, never fatal (SystemExit too)
            problems.append(LoadProblem(f"plugin '{impl.plugin_name}'", f"{hook_name}() raised {describe(exc)}"))
            continue
        if value is None:
            continue
        if not isinstance(value, (list, tuple)):
            problems.append(LoadProblem(f"plugin '{impl.plugin_name}'",
                                        f"{hook_name}() must return a list, not {type(value).__name__}"))
            continue
        results.extend((impl.plugin_name, item) for item in value)
    return results


def load_registry(
    disabled_plugins: Iterable[str] = (),
    extra_plugins: Iterable[object] = (),
    pack_paths: Iterable[str] = (),
    load_timeout: float = PLUGIN_LOAD_TIMEOUT,
) -> Registry:
    """Load every rule the run can use.

    ``extra_plugins`` are plugin objects registered directly (tests, TOML
    packs turned into plugins). Rule codes must be unique across packs: a
    clash is a load problem naming both packs, and the later rule is dropped.
    """
    global _load_budget
    _load_budget = load_timeout
    problems: list[LoadProblem] = []
    manager = new_plugin_manager()
    disabled = frozenset(disabled_plugins)
    _register_builtins(manager, problems)
    versions: dict[str, str] = {}
    entry_points = _entry_points()
    _register_entry_points(manager, entry_points, problems, disabled, versions)
    for index, plugin in enumerate(extra_plugins):
        manager.register(plugin, name=getattr(plugin, "__name__", None) or f"extra-{index}")
    for path in pack_paths:
        _register_pack(manager, path, problems)
    _validate_hooks(manager, problems)

    registry = Registry(problems=problems, plugin_versions=versions)
    registry.plugin_names = sorted(name for name, _ in manager.list_name_plugin())
    registry.available_plugins = sorted({*registry.plugin_names, *BUILTIN_PLUGINS, *(ep.name for ep in entry_points)})
    for _, category in _collect(manager, "planlint_categories", problems):
        if isinstance(category, Category):
            registry.categories.setdefault(category.name, category)
    seen: dict[str, str] = {}
    for plugin_name, rule in _collect(manager, "planlint_rules", problems):
        if not isinstance(rule, Rule) or not isinstance(getattr(rule, "info", None), RuleInfo):
            what = "has no RuleInfo in .info" if isinstance(rule, Rule) else "is not a planlint Rule"
            problems.append(LoadProblem(f"plugin '{plugin_name}'", f"returned {rule!r}, which {what}"))
            continue
        code = rule.info.code
        if code in seen:
            problems.append(
                LoadProblem(
                    f"plugin '{plugin_name}'",
                    f"rule code {code} is already used by '{seen[code]}'; codes must be unique across packs",
                    fatal=True,
                )
            )
            continue
        seen[code] = plugin_name
        registry.plugin_of[code] = plugin_name
        rule = _named_for(rule, plugin_name)
        registry.categories.setdefault(rule.info.category, Category(rule.info.category, rule.info.category.title()))
        registry.rules.append(rule)
    registry.rules.sort(key=lambda rule: rule.info.code)
    return registry


def _named_for(rule: Rule, plugin_name: str) -> Rule:
    """Make sure a third-party rule names its plugin (RuleInfo.pack defaults to 'builtin'),
    so an internal error in it is reported under the right name."""
    if rule.info.pack == "builtin" and plugin_name not in BUILTIN_PLUGINS:
        try:
            rule.info = replace(rule.info, pack=plugin_name)
        except AttributeError:  # a rule object that forbids attribute writes keeps its own name
            pass
    return rule


def builtin_category_names(manager: Optional[pluggy.PluginManager] = None) -> list[str]:
    """Categories a TOML pack may use without defining them: those the built-in plugins define, in their order."""
    if manager is None:
        manager = new_plugin_manager()
        _register_builtins(manager, [])
    names: list[str] = []
    for impl in manager.hook.planlint_categories.get_hookimpls():
        if impl.plugin_name not in BUILTIN_PLUGINS:
            continue
        try:
            names.extend(category.name for category in impl.function() if isinstance(category, Category))
        except Exception:  # noqa: BLE001 - a broken built-in hook is reported by load_registry; packs define their own
            continue
    return list(dict.fromkeys(names))


def _register_pack(manager: pluggy.PluginManager, path: str, problems: list[LoadProblem]) -> None:
    """Register a TOML rule pack as a plugin; every problem in it is fatal: the user asked for those rules."""
    from .packs import PackError, PackPlugin, load_pack  # lazily: only runs that use packs pay for the format

    name = f"pack:{path}"
    wanted = Path(path).resolve()
    if any(other.startswith("pack:") and Path(other[5:]).resolve() == wanted for other, _ in manager.list_name_plugin()):
        return  # the same pack named twice (configuration and --pack, two spellings of a path): load it once
    try:
        pack = load_pack(path, builtin_category_names(manager))
    except PackError as error:
        problems.extend(LoadProblem(problem.where(), problem.what(), fatal=True) for problem in error.problems)
        return
    manager.register(PackPlugin(pack), name=name)
