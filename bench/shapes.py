"""The memory section's hostile shapes: plans that cost the most memory per byte.

Two shapes from issue 13 item 8, each at three sizes, so the table shows the
peak growing linearly with the file (issue 19 item 3):

* many tiny objectives (``objective revenue "x" {}`` a line): the model's
  cost per node, and a finding on each;
* one objective whose name is the whole file, in one-letter words: what the
  text judgements (placeholder, boilerplate, word counts) make of a huge text.

Peak resident memory of the whole ``planlint check`` process (ru_maxrss), so
the interpreter's own ~45 MB are in every figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from measure import Figure, checked, run_process, verdict


def tiny_objectives(size: int) -> str:
    head, line = 'plan "Tiny" {\n  owner "Jane Doe"\n', '  objective revenue "x" {}\n'
    return head + line * ((size - len(head)) // len(line)) + "}\n"


def one_string(size: int) -> str:
    words = "a b " * (size // 4)
    return f'plan "Big" {{\n  owner "Jane Doe"\n  objective revenue "{words}" {{\n    target $500k by 2027-06-30\n  }}\n}}\n'


SHAPES: list[tuple[str, Callable[[int], str]]] = [("tiny objectives", tiny_objectives), ("one string", one_string)]


def shape_memory(check: list[str], workdir: Path, largest: int) -> list[Figure]:
    """Peak memory of each shape at a quarter, half and all of ``largest`` bytes; linear when doubling at most doubles it."""
    figures = []
    sizes = (largest // 4, largest // 2, largest)
    for label, make in SHAPES:
        peaks = []
        for size in sizes:
            path = workdir / f"shape-{label.replace(' ', '-')}-{size}.plan"
            path.write_text(make(size), encoding="utf-8")
            # The per-file budget (`timeout`, 30 s) is wall-clock: on a busy machine the one-string plan's text rules
            # can pass it, and what is measured here is memory, not whether the plan fits the budget (as in scale).
            run = checked(run_process([*check, "--config", "timeout = 900", "--no-cache", str(path)]), f"{label}, {size / 1e6:g} MB")
            peaks.append(run.max_rss_kb / 1024)
        growth = peaks[-1] / peaks[-2]
        figures.append(Figure(f"peak memory, {largest / 1e6:g} MB of {label}", f"{peaks[-1]:.0f} MB",
                              f"{peaks[0]:.0f} MB at {sizes[0] / 1e6:g} MB, {peaks[1]:.0f} MB at {sizes[1] / 1e6:g} MB",
                              "linear (x2 size <= x2 memory)", verdict(growth <= 2.0, f"x{growth:.2f} for x2")))
    return figures
