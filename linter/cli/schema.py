"""`planlint schema`: print the JSON Schema of the plan model."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ._common import write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the plan model's JSON Schema", description=__doc__)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--output-schema", action="store_true", help="print the schema of `check --format json` instead")
    which.add_argument("--config-schema", action="store_true",
                       help="print the schema of planlint.toml (and of [tool.planlint] in pyproject.toml)")
    which.add_argument("--pack-schema", action="store_true", help="print the schema of a TOML rule pack")
    parser.set_defaults(handler=run)


def config_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``planlint.toml``, from :class:`Settings`, with the keys spelt as in TOML."""
    from ..config.settings import Settings

    schema = Settings.model_json_schema(by_alias=True)
    schema["title"] = "planlint configuration (planlint.toml, or [tool.planlint] in pyproject.toml)"
    return schema


def run(args: argparse.Namespace) -> int:
    if args.config_schema:
        schema = config_json_schema()
    elif args.pack_schema:
        from ..api.packs.schema import pack_json_schema

        schema = pack_json_schema()
    elif args.output_schema:
        from ..engine.results import RunResult

        schema = RunResult.model_json_schema()
    else:
        from ..model import PlanFile

        schema = PlanFile.model_json_schema()
    write_output(json.dumps(schema, indent=2, sort_keys=True) + "\n", None)
    return 0
