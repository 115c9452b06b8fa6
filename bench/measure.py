"""How the benchmark measures: whole processes, CPU time beside wall time, medians with their spread.

A shared machine's speed varies from one minute to the next, so a figure is
never one run: it is the median of several, with the spread (min - max)
beside it, and two commands that are compared run interleaved (A B A B ...)
so both see the same machine. CPU time (user + sys of the child and its
workers) is reported beside wall time: on a busy machine the wall clock
measures the neighbours, CPU time mostly the program.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    returncode: int
    stderr: str


@dataclass
class Figure:
    """One row of the table. ``key`` names the figure when it is one of the issue's targets (the summary)."""

    name: str
    value: str
    spread: str
    target: str
    verdict: str
    key: str = ""


CHILD_ENV: dict[str, str] = {}


def planlint_command() -> list[str]:
    """The installed console script when there is one (what users run), else ``python -m planlint``."""
    script = shutil.which("planlint", path=str(Path(sys.executable).parent)) or shutil.which("planlint")
    return [script] if script else [sys.executable, "-m", "planlint"]


def child_env(workdir: Path) -> dict[str, str]:
    """Children run as on a user's machine: byte-code compiled once and reused.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes and CI images),
    every start would compile planlint from source again (about 0.2 s); an
    installed package has its ``.pyc`` files. They go to a folder of the
    benchmark's own, so the working tree is left alone.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def run_process(argv: Sequence[str], env: Optional[dict[str, str]] = None) -> Run:
    """Run to completion with output discarded; wall time, CPU time and the child's peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or CHILD_ENV or None)
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode, stderr)


def checked(run: Run, what: str) -> Run:
    """planlint exits 0 or 1 (findings); anything else means the figure is not worth reporting."""
    if run.returncode not in (0, 1) or "Traceback" in run.stderr or "RecursionError" in run.stderr:
        raise SystemExit(f"bench: {what} failed (exit {run.returncode}):\n{run.stderr}")
    return run


def interleaved(commands: Sequence[tuple[str, Sequence[str]]], runs: int, warm: bool = True) -> dict[str, list[Run]]:
    """Each command once to warm up (unless ``warm`` is False), then ``runs`` rounds of all of them in turn (A B A B ...)."""
    for what, argv in commands if warm else ():
        checked(run_process(argv), f"{what} (warm-up)")
    results: dict[str, list[Run]] = {what: [] for what, _ in commands}
    for _ in range(runs):
        for what, argv in commands:
            results[what].append(checked(run_process(argv), what))
    return results


def median_spread(values: Sequence[float], fmt: Callable[[float], str]) -> tuple[str, str]:
    return fmt(statistics.median(values)), f"{fmt(min(values))} - {fmt(max(values))}"


def verdict(ok: bool, miss: str) -> str:
    return "met" if ok else f"MISSED ({miss})"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def sec(seconds: float) -> str:
    return f"{seconds:.2f} s"


def times(value: float) -> str:
    return f"{value:.2f}x"


def count_lines(paths: Sequence[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in paths)
