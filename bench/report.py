"""Benchmark of the review report at team scale: its size, and how long headless Chromium takes to render it.

    python bench/report.py                # 400 generated plans (bench/generate.py), 3 renders
    python bench/report.py --plans 1000 --runs 5

It writes the plans into a temporary folder, runs ``planlint report plans``
there as a user does (a whole process, ``--as-of 2027-02-01``; the plans are
not in git, so there are no sparklines), then loads the page in headless Chromium
(``--dump-dom``, which returns once the page has loaded and been laid out)
and subtracts the time Chromium takes for an empty page, so the figure is
the page's own cost. Each time is the median of ``--runs`` with the spread.
A script, not a timed test: the suite never fails because a machine is slow
(tests/test_report_chromium.py checks the size and the first screen).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import write_corpus  # noqa: E402

SIZE_TARGET = 1_500_000  # bytes
RENDER_TARGET = 5.0  # seconds
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,900"]


def timed(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - start


def median_spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f} s - {max(values):.2f} s)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    planlint = shutil.which("planlint")
    if planlint is None:
        print("planlint is not on PATH (pip install -e .)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_corpus(folder / "plans", args.plans)
        page = folder / "team.html"
        build = [timed([planlint, "report", "plans", "--as-of", "2027-02-01", "-o", "team.html"], cwd=folder)
                 for _ in range(args.runs)]
        size = page.stat().st_size
        print(f"| figure | value | target | verdict |\n|---|---|---|---|")
        print(f"| planlint report, {args.plans} plans | {median_spread(build)} |  |  |")
        print(f"| page size | {size / 1e6:.2f} MB ({size:,} bytes) | < {SIZE_TARGET / 1e6:.1f} MB | "
              f"{'met' if size < SIZE_TARGET else 'MISSED'} |")
        if chromium is None:
            print("| render in headless Chromium | not measured: chromium is not installed |  |  |")
            return 0
        empty = folder / "empty.html"
        empty.write_text("<!DOCTYPE html><title>empty</title>", encoding="utf-8")
        profile = f"--user-data-dir={folder / 'profile'}"
        timed([chromium, *FLAGS, profile, "--dump-dom", empty.as_uri()])  # first start: profile creation
        renders, blanks = [], []
        for _ in range(args.runs):
            blanks.append(timed([chromium, *FLAGS, profile, "--dump-dom", empty.as_uri()]))
            renders.append(timed([chromium, *FLAGS, profile, "--dump-dom", page.as_uri()]))
        own = [r - b for r, b in zip(renders, blanks)]
        print(f"| Chromium start and an empty page | {median_spread(blanks)} |  |  |")
        print(f"| Chromium, the {args.plans}-plan page | {median_spread(renders)} |  |  |")
        print(f"| render of the page (the difference) | {median_spread(own)} | < {RENDER_TARGET:g} s | "
              f"{'met' if statistics.median(own) < RENDER_TARGET else 'MISSED'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
