"""The planlint benchmark: every performance figure of the README, from one command.

    python bench/run.py            # the full benchmark (about 10 minutes on 2 cores)
    python bench/run.py --quick    # smaller corpora and fewer runs (about 3 minutes)

Everything is measured on whole ``planlint`` processes, as a user or a
pre-commit hook runs them, and reported as the median of several runs with
the spread (min-max) beside it, because a shared machine is noisy. Each
figure is set against its target and said to be met or missed, and by how
much. The plans come from ``bench/generate.py``, so the corpus is the same on
every machine.

Sections (``--only NAME`` runs one; the last table repeats issue 19's figures):
  start-up    ``planlint check --no-cache one.plan`` against ``python -c "import lark, pluggy;
              from pydantic import BaseModel"`` (the floor for a tool whose model is pydantic),
              CPU time, interleaved so both see the same machine;
  jobs        ``--jobs 2`` against ``--jobs 1`` on the same plans, interleaved,
              wall and CPU seconds side by side; the ``--jobs 1`` runs give the
              throughput: lines per CPU-second, every built-in rule, no cache;
  yamllint    yamllint on the same plans written as YAML, against planlint (bench/peers.py;
              needs the ``bench`` extra, and says so when it is missing);
  cache       an unchanged re-run with a warm cache against a cold run;
  memory      peak resident memory (ru_maxrss of the child, workers included)
              over the big corpus;
  scale       a 10 MB plan and a plan with 10,000 objectives finish, with no
              recursion error, in time that grows linearly (compared with a
              plan a tenth the size); the 10 MB plan's peak memory;
  memory shapes  peak memory of plans of tiny objectives and of one huge string,
              at a quarter, half and all of the big plan's size (bench/shapes.py);
  editor      the warm re-lint per keystroke of a 214-line plan, as
              ``planlint server`` calls the engine (in this process, CPU time,
              the median of many keystrokes; needs the ``lsp`` extra);
  toml-rule   a TOML rule's CPU time per item against the same rule written in
              Python, in this process, interleaved (bench/toml_cost.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import big_plan, generate_plan, many_objectives, write_corpus  # noqa: E402
from measure import (CHILD_ENV, Figure, Run, checked, child_env, count_lines, interleaved, median_spread,  # noqa: E402
                     ms, planlint_command, run_process, sec, times, verdict)
from peers import yamllint_ratio  # noqa: E402
from shapes import shape_memory  # noqa: E402
from toml_cost import toml_rule_cost  # noqa: E402

AS_OF = "2027-03-01"  # fixed, so "overdue" and "stale" findings are the same on every day


# --------------------------------------------------------------------------- the figures


def startup(check: list[str], one_plan: Path, runs: int) -> list[Figure]:
    """``check one.plan`` against the floor for any tool whose model is pydantic, CPU time, interleaved."""
    floor = [sys.executable, "-c", "import lark, pluggy; from pydantic import BaseModel"]
    measured = interleaved([("imports", floor), ("check one.plan", [*check, "--no-cache", str(one_plan)])], runs)
    ours, theirs = measured["check one.plan"], measured["imports"]
    ratios = [a.cpu_seconds / b.cpu_seconds for a, b in zip(ours, theirs)]
    ratio = statistics.median(ratios)
    return [
        Figure("planlint check --no-cache one.plan (CPU)", *median_spread([r.cpu_seconds for r in ours], ms), "", ""),
        Figure("  the same, wall clock", *median_spread([r.seconds for r in ours], ms), "", ""),
        Figure('python -c "import lark, pluggy; from pydantic import BaseModel" (CPU)',
               *median_spread([r.cpu_seconds for r in theirs], ms), "", ""),
        Figure("  the same, wall clock", *median_spread([r.seconds for r in theirs], ms), "", ""),
        Figure("start-up ratio (check / imports, CPU)", times(ratio), median_spread(ratios, times)[1],
               "<= 1.25x", verdict(ratio <= 1.25, f"{ratio / 1.25:.2f}x over"), "startup"),
    ]


def throughput(one_runs: Sequence[Run], lines: int, files: int) -> list[Figure]:
    """Lines per CPU-second of ``--jobs 1 --no-cache`` over the corpus (the jobs section's runs of it)."""
    wall_rates = [lines / run.seconds for run in one_runs]
    cpu_rates = [lines / run.cpu_seconds for run in one_runs]
    rate = statistics.median(cpu_rates)
    count = lambda r: f"{r:,.0f}"  # noqa: E731
    return [
        Figure(f"--jobs 1, {files} plans ({lines:,} lines), CPU", *median_spread([r.cpu_seconds for r in one_runs], sec),
               "", ""),
        Figure("lines per CPU-second (user+sys, whole process, --jobs 1)", *median_spread(cpu_rates, count),
               ">= 75,000", verdict(rate >= 75_000, f"{75_000 / rate:.2f}x short"), "throughput"),
        Figure("  lines per wall-second (same runs)", *median_spread(wall_rates, count), "", ""),
    ]


def jobs(check: list[str], corpus: Path, files: int, lines: int, runs: int) -> list[Figure]:
    """``--jobs 2`` against ``--jobs 1``, interleaved; CPU seconds beside wall seconds, so load shows as noise.

    The ``--jobs 1`` runs are also the throughput figure's: the same command over the same plans.
    """
    measured = interleaved([(f"--jobs {n}", [*check, "--no-cache", "--jobs", n, str(corpus)]) for n in ("1", "2")], runs,
                           warm=False)
    one, two = measured["--jobs 1"], measured["--jobs 2"]
    speedups = [a.seconds / b.seconds for a, b in zip(one, two)]
    overheads = [b.cpu_seconds / a.cpu_seconds for a, b in zip(one, two)]
    speedup = statistics.median(speedups)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [Figure(f"{label}, {files} plans, {kind}", *median_spread([getattr(r, attr) for r in runs_], sec), "", "")
            for label, runs_ in (("--jobs 1", one), ("--jobs 2", two))
            for kind, attr in (("wall", "seconds"), ("CPU", "cpu_seconds"))]
    return throughput(one, lines, files) + rows + [
        Figure("  CPU of --jobs 2 / CPU of --jobs 1 (the pool's overhead)", times(statistics.median(overheads)),
               median_spread(overheads, times)[1], "", ""),
        Figure(f"speed-up --jobs 2 / --jobs 1 (wall, interleaved, {cores} cores)", times(speedup),
               median_spread(speedups, times)[1], ">= 1.8x", verdict(speedup >= 1.8, f"{1.8 / speedup:.2f}x short"), "jobs"),
    ]


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
    """A very large plan and a plan of very many objectives finish, linearly; the large plan's peak memory."""
    figures = []
    cases = [
        ("plan of", big_bytes, lambda n: big_plan(n), lambda n: f"{n / 1e6:g} MB"),
        ("plan with", objectives, many_objectives, lambda n: f"{n:,} objectives"),
    ]
    for label, size, make, describe in cases:
        runs_of: dict[int, list] = {}
        for n in (size // 10, size):
            path = workdir / f"scale-{n}.plan"
            path.write_text(make(n), encoding="utf-8")
            # The per-file budget (`timeout`, 30 s) is wall-clock: on a busy machine a 10 MB plan can pass it,
            # and what is measured here is how long the plan takes, not whether it fits the budget.
            argv = [*check, "--config", "timeout = 900", "--no-cache", str(path)]
            runs_of[n] = [checked(run_process(argv), f"{label} {describe(n)}")
                          for _ in range(runs)]
        small, full = (statistics.median(run.seconds for run in runs_of[n]) for n in (size // 10, size))
        growth = full / small
        figures.append(Figure(f"{label} {describe(size)}", *median_spread([run.seconds for run in runs_of[size]], sec),
                              "finishes", "met"))
        figures.append(Figure(f"  time x{growth:.1f} for size x10 (vs {describe(size // 10)})", f"{growth:.1f}x",
                              "", "~10x (linear)", verdict(growth <= 13, "grows faster than linear")))
        if label == "plan of":
            figures.extend(big_plan_memory(runs_of, size))
    return figures


def big_plan_memory(runs_of: dict[int, list], size: int) -> list[Figure]:
    """Peak resident memory of the big plan's runs, against 300 MB for a 10 MB plan (judged only at that size)."""
    peaks = {n: max(run.max_rss_kb for run in runs) / 1024 for n, runs in runs_of.items()}
    mb = peaks[size]
    judged = size == 10_000_000  # the interpreter's own ~40 MB make a scaled target meaningless for small plans
    return [
        Figure(f"peak memory, plan of {size / 1e6:g} MB", f"{mb:.0f} MB ({mb * 1e6 / size:.0f}x the file)",
               f"max of {len(runs_of[size])}", "<= 300 MB" if judged else "<= 300 MB at 10 MB",
               verdict(mb <= 300, f"{mb / 300:.2f}x over") if judged else "not judged (quick)", "memory"),
        Figure(f"  peak memory x{mb / peaks[size // 10]:.1f} for size x10", f"{peaks[size // 10]:.0f} MB at {size / 1e7:g} MB",
               "", "<= 10x (linear)", verdict(mb <= 10 * peaks[size // 10], "grows faster than linear")),
    ]


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
    spent: list[float] = []
    for number in range(keystrokes + 10):
        typed = text[:at] + "x" * (number % 7) + text[at:]
        started = time.process_time()
        previous = analyse(linters, path, typed, previous)
        if number >= 10:  # the first ones warm the parser and the rules up
            spent.append(time.process_time() - started)
    assert previous is not None and previous.result.parsed
    value, spread = median_spread(spent, lambda t: f"{t * 1000:.1f} ms")
    median = statistics.median(spent)
    return [Figure("re-lint per keystroke, 214-line plan (server, CPU)", value, spread, "<= 4 ms",
                   verdict(median <= 0.004, f"{median / 0.004:.2f}x over"), "relint")]


ISSUE_TABLE = (  # issue 19's table, in its order: the figures the summary repeats
    ("throughput", "full pipeline, lines per CPU-second (--jobs 1 --no-cache)"),
    ("startup", "check --no-cache one.plan / import lark, pluggy, BaseModel (CPU)"),
    ("memory", "peak memory, one big plan"),
    ("relint", "warm re-lint, 214-line plan, as the server calls the engine (CPU)"),
    ("yamllint", "yamllint on the same plans as YAML / planlint (CPU)"),
    ("jobs", "--jobs 2 against --jobs 1 (wall, interleaved)"),
)


def summary(figures: list[Figure]) -> list[Figure]:
    """Every figure of the issue's table, each with its target, spread and verdict (or why it is not measured)."""
    by_key = {figure.key: figure for figure in figures if figure.key}
    rows = []
    for key, label in ISSUE_TABLE:
        found = by_key.get(key)
        rows.append(Figure(label, found.value, found.spread, found.target, found.verdict) if found
                    else Figure(label, "-", "", "", "NOT MEASURED (section not run)"))
    return rows


HEADER = ("figure", "median", "spread (min - max)", "target", "verdict")
WIDTHS = (66, 24, 22, 20, 0)  # text rows are printed as each section ends, so the widths are fixed


def render(figures: list[Figure], markdown: bool, header: bool = True) -> str:
    rows = [(f.name, f.value, f.spread, f.target, f.verdict) for f in figures]
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)] if header else []
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, WIDTHS)).rstrip()
                     for row in ([HEADER] if header else []) + rows)


def sections(args: argparse.Namespace, workdir: Path, runs: int) -> list[tuple[str, Callable[[], list[Figure]]]]:
    """The sections in the order they run; each builds its own corpus when it runs."""
    plans, many = (200, 2_000) if args.quick else (1_000, 10_000)
    big_bytes, objectives = (1_000_000, 1_000) if args.quick else (10_000_000, 10_000)
    corpus = workdir / f"plans-{plans}"
    paths = write_corpus(corpus, plans)
    check = [*planlint_command(), "check", "--as-of", AS_OF]

    def big_corpus() -> list[Figure]:
        write_corpus(workdir / f"plans-{many}", many)
        return memory(check, workdir / f"plans-{many}", many)

    return [  # issue 19's figures first, so a run cut short still has them
        ("start-up", lambda: startup(check, paths[0], runs * 3)),
        ("jobs", lambda: jobs(check, corpus, plans, count_lines(paths), runs)),
        ("yamllint", lambda: yamllint_ratio(check, paths[:200], workdir, runs)),
        ("editor", lambda: editor(workdir, 60 if args.quick else 300)),
        ("toml-rule", lambda: toml_rule_cost(10 if args.quick else 30)),
        ("scale", lambda: scale(check, workdir, big_bytes, objectives, max(1, runs // 2))),
        ("cache", lambda: cache(check, corpus, runs, workdir)),
        ("memory", big_corpus),
        ("memory shapes", lambda: shape_memory(check, workdir, big_bytes)),
    ]


def header(runs: int, quick: bool) -> str:
    load = ", load average %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"planlint benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {cores} cores{load}, "
            f"Python {sys.version.split()[0]}, {runs} runs per figure{' (quick)' if quick else ''}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, fewer runs: indicative figures in about 3 minutes")
    parser.add_argument("--runs", type=int, help="runs per timed figure (default: 5, quick: 3)")
    parser.add_argument("--only", metavar="SECTION", action="append",
                        help="run only this section (repeatable): start-up, jobs (throughput too), yamllint, scale, "
                             "editor, toml-rule, cache, memory")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown (for the README)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="planlint-bench-"))
    try:
        CHILD_ENV.update(child_env(workdir))
        print(header(runs, args.quick) + "\n\n" + render([], args.markdown), flush=True)
        figures: list[Figure] = []
        wanted = {"jobs" if name == "throughput" else name for name in args.only or ()}  # throughput comes from jobs' runs
        for title, measure in sections(args, workdir, runs):
            if wanted and title not in wanted:
                continue
            started = time.perf_counter()
            print(f"  measuring {title}...", file=sys.stderr, flush=True)
            measured = measure()
            figures.extend(measured)
            print(render(measured, args.markdown, header=False), flush=True)  # as soon as known: a long run cut short keeps them
            print(f"  ... {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        print("\nIssue 19's figures:\n" + render(summary(figures), args.markdown))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
