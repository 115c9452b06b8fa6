"""Memory grows with the plan, by a small factor (issue 13 item 8, issue 19 item 3).

Each shape is linted in a fresh interpreter (so nothing earlier in the test
session counts) and measured with ``tracemalloc``: the peak of what Python
allocated while reading and checking the file, over the file's size. That
count does not depend on the machine's speed or load, so the bounds sit close
above what is measured (2026-12-01, after the builder made frozen nodes
directly and spans became named tuples: tiny objectives 38.2 bytes a byte, a
one-string plan 11.7, a realistic generated plan 28.6; before, 64.8, 11.7 and
40.9): a change that makes each node, text or finding much bigger fails here.
Doubling a plan may not much more than double its peak: growth stays linear.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import big_plan  # noqa: E402 - the benchmark's 10 MB plan, smaller
from shapes import one_string, tiny_objectives  # noqa: E402 - the benchmark's memory section measures the same shapes

PEAK = r"""
import datetime as dt, json, sys, tracemalloc
from pathlib import Path
from planlint.engine import Linter, load_registry
from planlint.engine.documents import lint_file
linter = Linter(load_registry(), as_of=dt.date(2027, 3, 1))
lint_file(linter, Path(sys.argv[1]))  # parser tables, rules and caches warmed on a small plan first
tracemalloc.start()
result = lint_file(linter, Path(sys.argv[2]))
assert result.parsed, result.error
print(json.dumps(tracemalloc.get_traced_memory()[1]))
"""

SMALL = 'plan "Warm" {\n  owner "Jane Doe"\n  objective revenue "Win the ERP deal" {\n    target $5k by 2027-06-30\n  }\n}\n'


def peak_per_byte(tmp_path: Path, text: str) -> float:
    small, plan = tmp_path / "small.plan", tmp_path / f"plan-{len(text)}.plan"
    small.write_text(SMALL, encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PEAK, str(small), str(plan)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) / len(text.encode("utf-8"))


@pytest.mark.parametrize(("shape", "bound"), [(tiny_objectives, 45), (one_string, 15), (big_plan, 35)],
                         ids=["tiny-objectives", "one-string", "realistic"])
def test_peak_memory_is_a_small_multiple_of_the_plan_and_grows_linearly(tmp_path: Path, shape, bound: float) -> None:
    half, full = (peak_per_byte(tmp_path, shape(size)) for size in (150_000, 300_000))
    assert full <= bound, f"{shape.__name__}: peak {full:.0f} bytes per byte of plan (bound {bound})"
    assert full <= half * 1.25, f"{shape.__name__}: {half:.0f} bytes a byte at 150 kB but {full:.0f} at 300 kB: not linear"
