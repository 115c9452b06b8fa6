"""The peer in the benchmark: yamllint on the same plans written as YAML.

A sales team that kept its account plans in YAML would lint them with
yamllint, which checks only the YAML (indentation, keys, line length), not
what a plan says. Here each readable plan of the corpus is written out as the
YAML such a team would write: the same content, as the words were typed
(``$4.8M``, ``2026-01-16``), without planlint's positions (spans) or its
parsed values. Both tools then check their own copy of the same plans, whole
processes interleaved (A B A B ...), and the figure is yamllint's CPU time
over planlint's.

yamllint is a bench-only dependency: ``pip install -e '.[bench]'``. Without
it the section says so and the figure is reported as not measured.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path
from typing import Any, Sequence

from measure import Figure, interleaved, sec, times, verdict

TARGET = 15.0  # yamllint at least this many times slower than planlint
PARSED = {"amount", "currency", "date", "start", "end", "value", "year", "quarter", "percent", "number", "unit"}


def yamllint_command() -> list[str] | None:
    script = shutil.which("yamllint", path=str(Path(sys.executable).parent)) or shutil.which("yamllint")
    return [script] if script else None


def as_written(value: Any) -> Any:
    """The model as a person would type it: no spans, no node kinds, values as their text."""
    if isinstance(value, list):
        return [as_written(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "text" in value and set(value) - {"text"} <= PARSED | {"span"}:
        return value["text"]
    return {key: as_written(item) for key, item in value.items()
            if "span" not in key and key != "kind" and item not in (None, [], {}, False)}


def _tidy_dumper(yaml: Any) -> type:
    """PyYAML's safe dumper, with lists indented under their key as yamllint's default style wants."""

    class Tidy(yaml.SafeDumper):  # type: ignore[misc, name-defined]
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            return super().increase_indent(flow, False)

    return Tidy


def write_yaml_corpus(plans: Sequence[Path], folder: Path) -> tuple[Path, Path, int]:
    """Copies of the readable plans in ``folder/plans`` and the same plans as YAML in ``folder/yaml``."""
    import yaml  # yamllint's own dependency

    from planlint.language.parser import PlanSyntaxError, parse_file

    plan_dir, yaml_dir = folder / "plans", folder / "yaml"
    plan_dir.mkdir(parents=True, exist_ok=True)
    yaml_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in plans:
        try:
            model = parse_file(path, path.as_posix())
        except PlanSyntaxError:
            continue  # one plan in twenty is unreadable on purpose: there is nothing to write as YAML
        document = as_written(model.model_dump(mode="json"))["document"]
        text = "---\n" + yaml.dump(document, Dumper=_tidy_dumper(yaml), sort_keys=False, allow_unicode=True, width=76)
        (yaml_dir / f"{path.stem}.yaml").write_text(text, encoding="utf-8")
        shutil.copyfile(path, plan_dir / path.name)
        count += 1
    return plan_dir, yaml_dir, count


def yamllint_ratio(check: list[str], plans: Sequence[Path], workdir: Path, runs: int) -> list[Figure]:
    yamllint = yamllint_command()
    if yamllint is None:
        message = "NOT MEASURED: yamllint is not installed (pip install -e '.[bench]')"
        print(f"  bench: {message}", file=sys.stderr, flush=True)
        return [Figure("yamllint / planlint, same plans as YAML (CPU)", "-", "", f">= {TARGET:g}x", message, "yamllint")]
    plan_dir, yaml_dir, count = write_yaml_corpus(plans, workdir / "peer")
    measured = interleaved([
        ("planlint", [*check, "--no-cache", "--jobs", "1", str(plan_dir)]),
        ("yamllint", [*yamllint, "--format", "parsable", str(yaml_dir)]),
    ], runs)
    ours = [run.cpu_seconds for run in measured["planlint"]]
    theirs = [run.cpu_seconds for run in measured["yamllint"]]
    ratios = [a / b for a, b in zip(theirs, ours)]
    ratio = statistics.median(ratios)
    return [
        Figure(f"planlint check --jobs 1, {count} plans (CPU)", sec(statistics.median(ours)),
               f"{sec(min(ours))} - {sec(max(ours))}", "", ""),
        Figure(f"yamllint, the same {count} plans as YAML (CPU)", sec(statistics.median(theirs)),
               f"{sec(min(theirs))} - {sec(max(theirs))}", "", ""),
        Figure("yamllint / planlint, same plans as YAML (CPU)", times(ratio), f"{times(min(ratios))} - {times(max(ratios))}",
               f">= {TARGET:g}x", verdict(ratio >= TARGET, f"{TARGET / ratio:.2f}x short"), "yamllint"),
    ]
