"""The planlint benchmark: every performance figure of the README, from one command.

    python bench/run.py            # the full benchmark (about 10 minutes on 2 cores)
    python bench/run.py --quick    # smaller corpora and fewer runs (about 2 minutes)

Everything is measured on whole ``planlint`` processes, as a user or a
pre-commit hook runs them, and reported as the median of several runs with
the spread (min-max) beside it, because a shared machine is noisy. Each
figure is set against its target and said to be met or missed, and by how
much. The plans come from ``bench/generate.py``, so the corpus is the same on
every machine.

Figures:
  start-up    ``planlint check one.plan`` against ``python -c "import lark, pydantic, pluggy"``,
              interleaved in the same run so both see the same machine;
  throughput  lines per second per core, one process (``--jobs 1``) over N plans,
              every built-in rule, no cache;
  speed-up    ``--jobs 2`` against ``--jobs 1`` on the same plans;
  memory      peak resident memory (ru_maxrss of the child, workers included)
              over the big corpus;
  cache       an unchanged re-run with a warm cache against a cold run;
  scale       a 10 MB plan and a plan with 10,000 objectives finish, with no
              recursion error, in time that grows linearly (compared with a
              plan a tenth the size);
  editor      the warm re-lint per keystroke of a 214-line plan, as
              ``planlint server`` calls the engine (in this process, CPU time,
              the median of many keystrokes; needs the ``lsp`` extra).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import big_plan, generate_plan, many_objectives, write_corpus  # noqa: E402

AS_OF = "2027-03-01"  # fixed, so "overdue" and "stale" findings are the same on every day


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    returncode: int
    stderr: str


@dataclass
class Figure:
    name: str
    value: str
    spread: str
    target: str
    verdict: str


def planlint_command() -> list[str]:
    """The installed console script when there is one (what users run), else ``python -m planlint``."""
    script = shutil.which("planlint", path=str(Path(sys.executable).parent)) or shutil.which("planlint")
    return [script] if script else [sys.executable, "-m", "planlint"]


CHILD_ENV: dict[str, str] = {}


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


def median_spread(values: Sequence[float], fmt: Callable[[float], str]) -> tuple[str, str]:
    return fmt(statistics.median(values)), f"{fmt(min(values))} - {fmt(max(values))}"


def verdict(ok: bool, miss: str) -> str:
    return "met" if ok else f"MISSED ({miss})"


def count_lines(paths: Sequence[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in paths)


# --------------------------------------------------------------------------- the figures


def startup(check: list[str], one_plan: Path, runs: int) -> list[Figure]:
    imports = [sys.executable, "-c", "import lark, pydantic, pluggy"]
    # `import pydantic` loads almost nothing until a name is used; this is the
    # least any program with one pydantic model pays, shown to explain the ratio.
    floor = [sys.executable, "-c", "import lark, pluggy; from pydantic import BaseModel"]
    ours: list[float] = []
    theirs: list[float] = []
    floors: list[float] = []
    checked(run_process([*check, "--no-cache", str(one_plan)]), "warm-up")  # Lark's grammar cache, byte-code
    run_process(imports)
    for _ in range(runs):
        theirs.append(run_process(imports).seconds)
        floors.append(run_process(floor).seconds)
        ours.append(checked(run_process([*check, "--no-cache", str(one_plan)]), "check one.plan").seconds)
    ratios = [a / b for a, b in zip(ours, theirs)]
    ratio = statistics.median(ratios)
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    return [
        Figure("planlint check one.plan", *median_spread(ours, ms), "", ""),
        Figure('python -c "import lark, pydantic, pluggy"', *median_spread(theirs, ms), "", ""),
        Figure("  the same, plus pydantic's BaseModel (for reference)", *median_spread(floors, ms), "", ""),
        Figure("start-up ratio (check / imports)", f"{ratio:.2f}x", median_spread(ratios, lambda r: f"{r:.2f}x")[1],
               "<= 1.25x", verdict(ratio <= 1.25, f"{ratio / 1.25:.2f}x over")),
    ]


def throughput(check: list[str], corpus: Path, lines: int, files: int, runs: int) -> tuple[list[Figure], float]:
    one_runs = [checked(run_process([*check, "--no-cache", "--jobs", "1", str(corpus)]), "--jobs 1") for _ in range(runs)]
    one_job = [run.seconds for run in one_runs]
    cpu_rates = [lines / run.cpu_seconds for run in one_runs]
    two_jobs = [checked(run_process([*check, "--no-cache", "--jobs", "2", str(corpus)]), "--jobs 2").seconds
                for _ in range(runs)]
    rates = [lines / s for s in one_job]
    speedups = [a / b for a, b in zip(one_job, two_jobs)]
    rate, speedup = statistics.median(rates), statistics.median(speedups)
    sec = lambda s: f"{s:.2f} s"  # noqa: E731
    return [
        Figure(f"--jobs 1, {files} plans ({lines:,} lines)", *median_spread(one_job, sec), "", ""),
        Figure("lines/s per core (wall clock, whole process, --jobs 1)", *median_spread(rates, lambda r: f"{r:,.0f}"),
               ">= 75,000", verdict(rate >= 75_000, f"{75_000 / rate:.1f}x short")),
        Figure("lines per CPU-second (user+sys, same runs)", *median_spread(cpu_rates, lambda r: f"{r:,.0f}"),
               ">= 75,000", verdict(statistics.median(cpu_rates) >= 75_000,
                                    f"{75_000 / statistics.median(cpu_rates):.1f}x short")),
        Figure(f"--jobs 2, {files} plans", *median_spread(two_jobs, sec), "", ""),
        Figure("speed-up --jobs 2 / --jobs 1", f"{speedup:.2f}x", median_spread(speedups, lambda r: f"{r:.2f}x")[1],
               ">= 1.8x", verdict(speedup >= 1.8, f"{1.8 - speedup:.2f}x short")),
    ], statistics.median(one_job)


def cache(check: list[str], corpus: Path, runs: int, workdir: Path) -> list[Figure]:
    cold: list[float] = []
    warm: list[float] = []
    for index in range(runs):
        env = {**CHILD_ENV, "PLANLINT_CACHE_DIR": str(workdir / f"cache-{index}")}
        cold.append(checked(run_process([*check, "--jobs", "1", str(corpus)], env), "cold cache").seconds)
        warm.append(checked(run_process([*check, "--jobs", "1", str(corpus)], env), "warm cache").seconds)
    shares = [w / c for w, c in zip(warm, cold)]
    share = statistics.median(shares)
    sec = lambda s: f"{s:.2f} s"  # noqa: E731
    return [
        Figure("cold run, empty cache (--jobs 1)", *median_spread(cold, sec), "", ""),
        Figure("warm re-run, nothing changed (--jobs 1)", *median_spread(warm, sec), "", ""),
        Figure("warm / cold", f"{share:.0%}", median_spread(shares, lambda r: f"{r:.0%}")[1], "<= 10%",
               verdict(share <= 0.10, f"{share / 0.10:.1f}x over")),
    ]


def memory(check: list[str], corpus: Path, files: int) -> list[Figure]:
    figures = []
    for jobs in ("1", "2"):
        run = checked(run_process([*check, "--no-cache", "--jobs", jobs, str(corpus)]), f"{files} plans")
        mb = run.max_rss_kb / 1024
        figures.append(Figure(f"peak memory, {files:,} plans, --jobs {jobs}", f"{mb:.0f} MB", "one run", "<= 150 MB",
                              verdict(mb <= 150, f"{mb - 150:.0f} MB over")))
    return figures


def scale(check: list[str], workdir: Path, big_bytes: int, objectives: int, runs: int) -> list[Figure]:
    figures = []
    cases = [
        ("plan of", big_bytes, lambda n: big_plan(n), lambda n: f"{n / 1e6:g} MB"),
        ("plan with", objectives, many_objectives, lambda n: f"{n:,} objectives"),
    ]
    for label, size, make, describe in cases:
        times = {}
        for n in (size // 10, size):
            path = workdir / f"scale-{n}.plan"
            path.write_text(make(n), encoding="utf-8")
            times[n] = [checked(run_process([*check, "--no-cache", str(path)]), f"{label} {describe(n)}").seconds
                        for _ in range(runs)]
        small, full = statistics.median(times[size // 10]), statistics.median(times[size])
        growth = full / small
        figures.append(Figure(f"{label} {describe(size)}", *median_spread(times[size], lambda s: f"{s:.2f} s"),
                              "finishes", "met"))
        figures.append(Figure(f"  time x{growth:.1f} for size x10 (vs {describe(size // 10)})", f"{growth:.1f}x",
                              "", "~10x (linear)", verdict(growth <= 13, "grows faster than linear")))
    return figures


# --------------------------------------------------------------------------- output


def editor(workdir: Path, keystrokes: int) -> list[Figure]:
    """CPU time of one re-lint as the language server does it after a keystroke (the document already open)."""
    from planlint.server.analysis import Linters, analyse

    text = next(plan for plan in map(generate_plan, range(1000)) if plan.count("\n") == 214 and "objectve" not in plan)
    path = workdir / "editor" / "open.plan"
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / "planlint.toml").write_text(f"as-of = {AS_OF}\n", encoding="utf-8")
    linters = Linters()
    at = text.index('"', text.index("fact")) + 1  # typing into the first fact's text
    previous = None
    times: list[float] = []
    for number in range(keystrokes + 10):
        typed = text[:at] + "x" * (number % 7) + text[at:]
        started = time.process_time()
        previous = analyse(linters, path, typed, previous)
        if number >= 10:  # the first ones warm the parser and the rules up
            times.append(time.process_time() - started)
    assert previous is not None and previous.result.parsed
    value, spread = median_spread(times, lambda t: f"{t * 1000:.1f} ms")
    return [Figure("re-lint per keystroke, 214-line plan (server, CPU)", value, spread, "<= 100 ms",
                   verdict(statistics.median(times) <= 0.1, f"{statistics.median(times) / 0.1:.1f}x over"))]


def render(figures: list[Figure], markdown: bool) -> str:
    header = ("figure", "median", "spread (min - max)", "target", "verdict")
    rows = [header] + [(f.name, f.value, f.spread, f.target, f.verdict) for f in figures]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, fewer runs: indicative figures in about 2 minutes")
    parser.add_argument("--runs", type=int, help="runs per timed figure (default: 5, quick: 3)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)

    runs = args.runs or (3 if args.quick else 5)
    plans, many = (200, 2_000) if args.quick else (1_000, 10_000)
    big_bytes, objectives = (1_000_000, 1_000) if args.quick else (10_000_000, 10_000)

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="planlint-bench-"))
    try:
        corpus = workdir / f"plans-{plans}"
        paths = write_corpus(corpus, plans)
        write_corpus(workdir / f"plans-{many}", many)
        lines = count_lines(paths)
        check = [*planlint_command(), "check", "--as-of", AS_OF]
        CHILD_ENV.update(child_env(workdir))
        print(f"planlint benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"{runs} runs per figure{' (quick)' if args.quick else ''}", flush=True)

        figures: list[Figure] = []
        sections: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("start-up", lambda: startup(check, paths[0], runs * 3)),
            ("throughput and --jobs", lambda: throughput(check, corpus, lines, plans, runs)[0]),
            ("cache", lambda: cache(check, corpus, runs, workdir)),
            ("memory", lambda: memory(check, workdir / f"plans-{many}", many)),
            ("scale", lambda: scale(check, workdir, big_bytes, objectives, max(1, runs // 2))),
            ("editor", lambda: editor(workdir, 60 if args.quick else 300)),
        ]
        for title, measure in sections:
            started = time.perf_counter()
            print(f"  measuring {title}...", file=sys.stderr, flush=True)
            figures.extend(measure())
            print(f"  ... {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        print(render(figures, args.markdown))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
