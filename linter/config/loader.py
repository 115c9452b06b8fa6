"""Finding, reading and validating configuration files.

Where the settings for a plan come from, as in Ruff:

* ``--config PATH`` when given, for every plan;
* otherwise the nearest of ``.planlint.toml``, ``planlint.toml`` or a
  ``pyproject.toml`` with a ``[tool.planlint]`` table, walking up from the
  plan's folder (in one folder, that order decides);
* otherwise the defaults.

A configuration file is read with ``tomllib`` (``tomli`` before Python 3.11)
and validated by :class:`planlint.config.settings.Settings`. Any problem is a
:class:`ConfigError` that names the file, the line when it can be found, the
key, and the nearest valid key: the user fixes a typo in one go, and the run
stops with exit code 2 rather than silently ignoring a setting.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from pydantic import BaseModel, ValidationError

from .. import suggest
from ..reading import InputRefused, read_input
from .settings import PerFile, Settings

if TYPE_CHECKING:
    from .overrides import Overrides

CONFIG_NAMES = (".planlint.toml", "planlint.toml", "pyproject.toml")
PYPROJECT = "pyproject.toml"
MAX_ERRORS = 5


class ConfigError(Exception):
    """A configuration file is unreadable or invalid; the message says where and how to fix it."""


@dataclass(frozen=True)
class LoadedConfig:
    """One configuration file's settings, and the folder its globs and paths are relative to."""

    path: Optional[Path]
    root: Path
    settings: Settings = field(default_factory=Settings)
    given: dict[str, str] = field(default_factory=dict)  # a selector typed on the command line -> the option

    def relative(self, plan: Path) -> Optional[str]:
        """The plan's path relative to this config's folder, or None when it lies outside."""
        try:
            return plan.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def settings_for(self, plan: Path) -> Settings:
        relative = self.relative(plan)
        return self.settings.for_file(relative if relative is not None else plan.name)

    def excludes(self, plan: Path, formatting: bool = False) -> bool:
        """Whether ``exclude`` (and, for ``planlint format``, ``[format] exclude``) leaves the plan out."""
        from .globs import matches_any

        relative = self.relative(plan)
        patterns = [*self.settings.exclude, *self.settings.format.exclude] if formatting else self.settings.exclude
        return relative is not None and matches_any(patterns, relative)

    def describe(self) -> str:
        return shown_path(self.path) if self.path else "(defaults: no configuration file found)"


# --------------------------------------------------------------------------- discovery


def _has_planlint_table(pyproject: Path) -> bool:
    return "planlint" in read_toml(pyproject).get("tool", {})


def config_in(folder: Path) -> Optional[Path]:
    """The configuration file in this one folder, if any (in :data:`CONFIG_NAMES` order)."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != PYPROJECT or _has_planlint_table(candidate)):
            return candidate
    return None


class ConfigResolver:
    """Gives each plan its configuration; each folder is looked at once per run."""

    def __init__(self, explicit: Optional[str | Sequence[str]] = None, cwd: Optional[Path] = None,
                 overrides: Optional[Overrides] = None) -> None:
        """``explicit``: the ``--config`` values, a file and/or ``key = value`` lines (see :mod:`.overrides`)."""
        from .overrides import Overrides

        self._cwd = (cwd or Path.cwd()).resolve()
        self._by_dir: dict[Path, LoadedConfig] = {}
        self._explicit: Optional[LoadedConfig] = None
        file, inline = split_config_options(explicit)
        given = overrides or Overrides()
        self._overrides = Overrides(parse_inline(inline, self._cwd), given.select, given.extend_select, given.ignore,
                                    given.given) if inline else given
        if file is not None:
            path = Path(file)
            if not path.is_file():
                raise ConfigError(f"{file}: no such configuration file")
            self._explicit = self._overridden(load_config(path.resolve(), required=True))

    def _overridden(self, config: LoadedConfig) -> LoadedConfig:
        if not self._overrides:
            return config
        return LoadedConfig(config.path, config.root, self._overrides.apply(config.settings), dict(self._overrides.given))

    def for_plan(self, plan: Path) -> LoadedConfig:
        resolved = plan.resolve()
        return self.for_folder(resolved if resolved.is_dir() else resolved.parent)

    def for_folder(self, folder: Path) -> LoadedConfig:
        if self._explicit is not None:
            return self._explicit
        walked: list[Path] = []
        current = folder
        while current not in self._by_dir:
            walked.append(current)
            found = config_in(current)
            if found is not None:
                self._by_dir[current] = self._overridden(load_config(found))
                break
            if current.parent == current:
                self._by_dir[current] = self._overridden(LoadedConfig(None, self._cwd))
                break
            current = current.parent
        config = self._by_dir[current]
        for folder_seen in walked:
            self._by_dir[folder_seen] = config
        return config


# --------------------------------------------------------------------------- --config values


def split_config_options(values: Optional[Sequence[str] | str]) -> tuple[Optional[str], list[str]]:
    """The one ``--config`` file and the ``key = value`` overrides among the option's values."""
    items = [values] if isinstance(values, str) else list(values or ())
    path: Optional[str] = None
    inline: list[str] = []
    for item in items:
        if "=" in item and not os.path.isfile(item):
            inline.append(item)
        elif path is not None:
            raise ConfigError(f"--config {item}: only one configuration file can be given (the other is {path}); "
                              "add settings with --config 'key = value'")
        else:
            path = item
    return path, inline


def parse_inline(lines: Sequence[str], cwd: Path) -> dict[str, Any]:
    """The ``--config 'key = value'`` lines as one validated table (relative ``packs`` from the current folder)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    table: dict[str, Any] = {}
    for line in lines:
        try:
            parsed = tomllib.loads(line)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"--config '{line}': not a TOML 'key = value' line: {error}") from None
        problems = inline_problems(parsed, f"--config '{line}'")
        if problems:
            raise ConfigError("\n".join(problems))
        table.update(parsed)
    if isinstance(table.get("packs"), list):
        table["packs"] = [p if not isinstance(p, str) or os.path.isabs(p) else str(cwd / p) for p in table["packs"]]
    return table


# --------------------------------------------------------------------------- reading


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # imported here: runs without a config file never pay for it
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(read_input(path).decode("utf-8"))
    except InputRefused as error:
        raise ConfigError(f"{shown_path(path)}: cannot read: {error.reason}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_toml_error_message(path, error)) from None
    except OSError as error:
        raise ConfigError(f"{shown_path(path)}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown_path(path)}: not UTF-8 text") from None


def _toml_error_message(path: Path, error: Exception) -> str:
    text = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if found:
        text = text[: found.start()].strip()
        return f"{shown_path(path)}:{found.group(1)}:{found.group(2)}: invalid TOML: {text}"
    if "(at end of document)" in text:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines() or [""]
        text = text.replace("(at end of document)", "").strip()
        return f"{shown_path(path)}:{len(lines)}:{len(lines[-1]) + 1}: invalid TOML: {text} at the end of the file"
    return f"{shown_path(path)}: invalid TOML: {text}"


def load_config(path: Path, required: bool = False) -> LoadedConfig:
    """Read and validate one configuration file. Relative ``packs`` become absolute."""
    data = read_toml(path)
    table: Any = data
    where = ""
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("planlint")
        where = " in [tool.planlint]"
        if table is None:
            if required:
                return LoadedConfig(path, path.parent.resolve())
            raise ConfigError(f"{shown_path(path)}: no [tool.planlint] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{shown_path(path)}: [tool.planlint] must be a table")
    python_spelt = _python_spelt_keys(table)
    if python_spelt:
        raise ConfigError("\n".join(
            f"{_locate(path, key)}: unknown key '{dotted}'{where}; did you mean '{key.replace('_', '-')}'?"
            for dotted, key in python_spelt))
    try:
        settings = Settings.model_validate(table)
    except ValidationError as error:
        raise ConfigError(_validation_message(path, error, where)) from None
    root = path.parent.resolve()
    settings.packs = [p if os.path.isabs(p) else str(root / p) for p in settings.packs]
    return LoadedConfig(path, root, settings)


def _python_spelt_keys(table: dict[str, Any]) -> list[tuple[str, str]]:
    """Keys written ``extend_select`` where TOML spells them ``extend-select``.

    The models accept both spellings (Python code builds settings by field
    name), but a configuration file has one spelling, as in Ruff, so a file
    that mixes them is caught instead of half-working.
    """
    def spelt(model: type[BaseModel], keys: Iterable[str], prefix: str) -> list[tuple[str, str]]:
        hyphenated = {info.alias for info in model.model_fields.values() if info.alias}
        return [(prefix + key, key) for key in keys if "_" in key and key.replace("_", "-") in hyphenated]

    found = spelt(Settings, table, "")
    blocks = table.get("per-file")
    if isinstance(blocks, list):
        for index, block in enumerate(blocks):
            if isinstance(block, dict):
                found += spelt(PerFile, block, f"per-file[{index}].")
    return found


# --------------------------------------------------------------------------- messages


def _keys_of(model: type[BaseModel]) -> list[str]:
    return sorted(info.alias or name for name, info in model.model_fields.items())


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest candidate (:func:`planlint.suggest.closest`), or nothing."""
    return suggest.did_you_mean(wrong, candidates, lead="; ")


def _locate(path: Path, key: str, within: str = "") -> str:
    """``path:line:col`` of the first ``key =`` (or ``[key]`` header) in the file, else ``path``.

    With ``within`` (the table a key belongs to, ``severity`` for ``severity.PL302``),
    the search starts on the line that names that table, so the key is not
    found in an earlier table that uses the same name.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return shown_path(path)
    lines = text.splitlines()
    start = 0
    if within and within != key:
        found_at = _locate(path, within)
        start = int(found_at.split(":")[-2]) - 1 if found_at.count(":") >= 2 else 0
    pattern = re.compile(rf'(?:(?<![\w-])"?{re.escape(key)}"?\s*=|\[\[?\s*(?:tool\.planlint\.)?{re.escape(key)}\s*\]\]?)')
    for number, line in enumerate(lines[start:], start=start + 1):
        found = pattern.search(line.split("#", 1)[0])
        if found:
            return f"{shown_path(path)}:{number}:{found.start() + 1}"
    return shown_path(path)


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _one_problem(path: Optional[Path], error: dict[str, Any], where: str, place: str = "") -> str:
    loc = tuple(error["loc"])
    key = str(next((part for part in reversed(loc) if isinstance(part, str)), ""))
    if path is not None:
        place = _locate(path, key, within=str(loc[0]) if loc and isinstance(loc[0], str) else "")
    dotted = _dotted(loc)
    if error["type"] == "extra_forbidden":
        model: type[BaseModel] = PerFile if loc and loc[0] in ("per-file", "per_file") else Settings
        return f"{place}: unknown key '{dotted}'{where}{did_you_mean(key, _keys_of(model))}"
    from ..language.plain_errors import plain_message

    value = error.get("input")
    if error["type"] == "missing":
        return f"{place}: '{dotted}'{where} is required but missing"
    message = f"{place}: bad value for '{dotted}'{where}: {plain_message(error)}"
    if error["type"] in ("enum", "literal_error") and isinstance(value, str):
        expected = re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected", "")))
        message += did_you_mean(value, expected)
    return message


def inline_problems(table: dict[str, Any], label: str) -> list[str]:
    """The problems of a ``--config 'key = value'`` table, worded as a file's are, at ``label`` instead of a line."""
    from ..language.plain_errors import merged

    spelt = _python_spelt_keys(table)
    if spelt:
        return [f"{label}: unknown key '{dotted}'; did you mean '{key.replace('_', '-')}'?" for dotted, key in spelt]
    try:
        Settings.model_validate(table)
    except ValidationError as error:
        return [_one_problem(None, item, "", place=label) for item in merged(error.errors())][:MAX_ERRORS]
    return []


def _validation_message(path: Path, error: ValidationError, where: str) -> str:
    from ..language.plain_errors import merged

    problems = [_one_problem(path, item, where) for item in merged(error.errors())]
    extra = len(problems) - MAX_ERRORS
    shown = problems[:MAX_ERRORS] + ([f"... and {extra} more"] if extra > 0 else [])
    return "\n".join(shown)


# --------------------------------------------------------------------------- plans to settings


@dataclass
class PlanGroup:
    """Plans that share the same effective settings, so one linter checks them all."""

    settings: Settings
    config: LoadedConfig
    paths: list[Path] = field(default_factory=list)


def group_plans(paths: Iterable[Path], resolver: ConfigResolver,
                excluded: Optional[list[tuple[Path, LoadedConfig]]] = None) -> list[PlanGroup]:
    """Give each plan its settings (``exclude`` drops it), grouped by equal settings, in first-seen order.

    Plans that ``exclude`` drops are appended to ``excluded`` with the
    configuration that dropped them, so a run that checks nothing can say why.
    """
    groups: dict[str, PlanGroup] = {}
    for path in paths:
        config = resolver.for_plan(path)
        if config.excludes(path):
            if excluded is not None:
                excluded.append((path, config))
            continue
        settings = config.settings_for(path)
        groups.setdefault(settings.cache_key(), PlanGroup(settings, config)).paths.append(path)
    return list(groups.values())
