"""The golden corpus: what planlint prints for a fixed set of plans, in every output format.

A refactor that means to change nothing (a module move, one home for a
concept) must leave every byte of every output as it was. This module makes
those outputs; ``test_golden.py`` compares them with the stored ones and
``update.py`` rewrites the store when a change is meant.

Two kinds of entry, both run in this process:

- the bundled samples through the real command line (``check`` in every
  format, colour on and off, ``report`` as Markdown, JSON and HTML,
  ``portfolio``, ``rules`` and ``explain`` of every rule), stored as full
  text under ``expected/`` so a change reads as a diff;
- ``GENERATED_COUNT`` plans from ``bench/generate.py`` with a fixed seed
  (made at test time, never committed), each linted once and rendered by
  every reporter, plus a ``report`` over the first ``REPORTED_COUNT``,
  stored as one SHA-256 per plan and format in ``manifest.json``.

Everything is judged as of ``AS_OF``, so the outputs do not depend on the day.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
MANIFEST = HERE / "manifest.json"

AS_OF = "2027-02-01"
SEED = 7
GENERATED_COUNT = 300
REPORTED_COUNT = 60
CHECK_FORMATS = ("text", "concise", "json", "sarif", "github", "junit")
REPORT_FORMATS = ("markdown", "json", "html")

from planlint.cli import main


@contextlib.contextmanager
def _in_folder(folder: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def machine_neutral(text: str) -> str:
    """``text`` with the working folder's absolute location (SARIF's ``%SRCROOT%``) written as ``file:///ROOT/``.

    That is the one part of any output that depends on where the checkout
    (or the temporary folder) lies, so the stored bytes hold on every machine.
    """
    here = Path.cwd().resolve()
    return text.replace(here.as_uri().rstrip("/") + "/", "file:///ROOT/")


def cli(*args: str) -> str:
    """What ``planlint ARGS`` prints (standard output, then the exit code and any standard error), machine-neutral."""
    out, err = io.StringIO(), io.StringIO()
    environ = dict(os.environ)
    os.environ.pop("NO_COLOR", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(environ)
    tail = f"\n--- exit {code}\n"
    if err.getvalue():
        tail += "--- stderr\n" + err.getvalue()
    return machine_neutral(out.getvalue() + tail)


def _rule_codes() -> list[str]:
    return [rule["code"] for rule in json.loads(cli("rules", "--format", "json").split("\n--- exit")[0])]


def sample_outputs() -> dict[str, str]:
    """Full texts for the bundled samples, by file name under ``expected/``; run from the repository root."""
    with _in_folder(REPO):
        common = ("--as-of", AS_OF, "--no-cache", "-j", "1")
        outputs = {f"check.{fmt}.txt": cli("check", "samples", "--format", fmt, *common) for fmt in CHECK_FORMATS}
        outputs["check.text-color.txt"] = cli("check", "samples", "--color", "always", *common)
        outputs["check.quiet.txt"] = cli("check", "samples", "--quiet", *common)
        outputs["check.statistics.txt"] = cli("check", "samples", "--statistics", *common)
        for fmt in REPORT_FORMATS:
            outputs[f"report.{fmt}.txt"] = cli("report", "samples", "--format", fmt, "--history", "0", "--as-of", AS_OF)
        for fmt in ("text", "json"):
            outputs[f"portfolio.{fmt}.txt"] = cli("portfolio", "samples/portfolio.plan", "--format", fmt, "--as-of", AS_OF)
        outputs["rules.text.txt"] = cli("rules")
        outputs["rules.json.txt"] = cli("rules", "--format", "json")
        outputs["explain.txt"] = "".join(f"=== explain {code}\n" + cli("explain", code) for code in _rule_codes())
    return outputs


def _renderers() -> dict[str, Callable[[object], str]]:
    """Each output format's renderer of a finished run: the reporters ``check`` uses when it holds the results."""
    from planlint.output.reporters import get_reporter
    from planlint.output.reporters import sarif

    renderers: dict[str, Callable[[object], str]] = {fmt: get_reporter(fmt) for fmt in CHECK_FORMATS if fmt != "sarif"}
    renderers["sarif"] = sarif.render
    renderers["text-color"] = lambda result: get_reporter("text")(result, color=True)
    return renderers


def generated_outputs() -> dict[str, str]:
    """Every generated plan in every format, by ``gen/plan-NNNNN.plan FORMAT``, plus the report over the first ones."""
    import datetime as dt

    from planlint.engine.runner import Options, make_linter, run_result
    from planlint.config.settings import Settings

    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="planlint-golden-") as tmp:
        root = Path(tmp)
        (root / "gen").mkdir()
        (root / "planlint.toml").write_text(f"as-of = {AS_OF}\n", encoding="utf-8")
        paths = []
        for index in range(GENERATED_COUNT):
            path = root / "gen" / f"plan-{index:05d}.plan"
            path.write_text(generate_plan(index, SEED), encoding="utf-8")
            paths.append(path)
        with _in_folder(root):
            linter = make_linter(Settings(), Options(as_of=dt.date.fromisoformat(AS_OF)))
            renderers = _renderers()
            for path in paths:
                display = f"gen/{path.name}"
                result = run_result([linter.lint_path(path, display)])
                for fmt, render in renderers.items():
                    outputs[f"{display} {fmt}"] = machine_neutral(render(result))
            reported = [f"gen/{path.name}" for path in paths[:REPORTED_COUNT]]
            for fmt in ("markdown", "json"):
                outputs[f"report-{REPORTED_COUNT} {fmt}"] = cli(
                    "report", *reported, "--format", fmt, "--history", "0", "--as-of", AS_OF, "--config", "planlint.toml")
    return outputs


@functools.lru_cache(maxsize=None)
def _generator() -> Any:
    """``bench/generate.py``, loaded from its file (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_plan(index: int, seed: int) -> str:
    return _generator().generate_plan(index, seed)  # type: ignore[no-any-return]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_of(outputs: dict[str, str]) -> dict[str, object]:
    return {
        "about": "planlint's golden corpus: rewrite with `python tests/golden/update.py` (see tests/golden/README.md)",
        "as_of": AS_OF,
        "seed": SEED,
        "generated": GENERATED_COUNT,
        "sha256": {key: digest(outputs[key]) for key in sorted(outputs)},
    }
