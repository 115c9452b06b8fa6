"""`planlint schema`: print the JSON Schema of the plan model."""

from __future__ import annotations

import argparse
import json

from ._common import write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the plan model's JSON Schema", description=__doc__)
    parser.add_argument("--output-schema", action="store_true", help="print the schema of `check --format json` instead")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.output_schema:
        from ..engine.results import RunResult as model
    else:
        from ..model import PlanFile as model  # type: ignore[assignment]
    write_output(json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n", None)
    return 0
