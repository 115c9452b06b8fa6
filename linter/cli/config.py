"""`planlint config [PATH]`: print the effective configuration for a plan or a folder.

Shows which file the settings came from and every key with its value after
per-file overrides, so "why did this rule run on this plan?" has an answer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from .exits import UsageError
from ..config.loader import ConfigError, ConfigResolver, shown_path
from ..config.settings import Settings, is_selected
from ._common import write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="print the effective configuration for a path", description=__doc__)
    parser.add_argument("path", nargs="?", default=".", metavar="PATH", help="a plan file or a folder (default: .)")
    parser.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    parser.add_argument("--format", choices=("toml", "json"), default="toml", help="output format (default: toml)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"no such file or folder: {args.path}")
    try:
        config = ConfigResolver(args.config).for_plan(path)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    settings = config.settings_for(path) if path.is_file() else config.settings
    rules = _selected_rules(settings)
    if args.format == "json":
        data = {"source": shown_path(config.path) if config.path else None,
                "settings": _plain(settings), "per_file_ignores_applied": settings.file_ignores, "rules": rules}
        write_output(json.dumps(data, indent=2, sort_keys=True) + "\n", None)
        return 0
    lines = [f"# effective configuration for {args.path}", f"# from {config.describe()}"]
    if settings.file_ignores:
        lines.append(f"# per-file ignores applied: {_toml(settings.file_ignores)}")
    for key, value in _plain(settings).items():
        if key in ("per-file", "per-file-ignores") and path.is_file():
            continue  # already applied above
        if value is None:
            lines.append(f"# {key} is not set")
        elif key == "per-file":
            lines.extend(_per_file_tables(value))
        else:
            lines.append(f"{_key(key)} = {_toml(value)}")
    lines.append(f"# rules on: {', '.join(rules) if rules else '(none)'}")
    write_output("\n".join(lines) + "\n", None)
    return 0


def _selected_rules(settings: Settings) -> list[str]:
    from ..api.registry import load_registry

    disabled = [name for name, enabled in settings.plugins.items() if not enabled]
    registry = load_registry(disabled_plugins=disabled, pack_paths=settings.packs)
    return [rule.info.code for rule in registry.rules if is_selected(rule.info, settings)]


def _plain(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json", by_alias=True)
    return {key: data[key] for key in sorted(data, key=lambda k: (k == "per-file", k))}  # tables last, as TOML needs


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else json.dumps(key)


def _toml(value: Any) -> str:
    """A TOML value for the simple types settings hold (strings, numbers, booleans, lists, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (str, dt.date)):
        return json.dumps(str(value))
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in sorted(value.items())) + "}"
    return json.dumps(str(value))


def _per_file_tables(blocks: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines.append("[[per-file]]")
        lines.extend(f"{_key(k)} = {_toml(v)}" for k, v in block.items() if v not in (None, [], {}))
    return lines
