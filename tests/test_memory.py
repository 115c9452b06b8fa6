"""Memory grows with the plan, by a small factor (issue 13 item 8, issue 19 item 3).

Each shape is linted in a fresh interpreter (so nothing earlier in the test
session counts) and measured with ``tracemalloc``: the peak of what Python
allocated while reading and checking the file, over the file's size. The
bounds are several times what is measured today, so a slow machine or a new
rule does not make them flake, and below what the old code needed (plans of
tiny objectives took 139 bytes a byte, a 300 kB one-string plan 67), so the
regressions that were fixed fail again. Doubling a plan may not much more
than double its peak: growth stays linear.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
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


@pytest.mark.parametrize(("shape", "bound"), [(tiny_objectives, 100), (one_string, 30)], ids=["tiny-objectives", "one-string"])
def test_peak_memory_is_a_small_multiple_of_the_plan_and_grows_linearly(tmp_path: Path, shape, bound: float) -> None:
    half, full = (peak_per_byte(tmp_path, shape(size)) for size in (150_000, 300_000))
    assert full <= bound, f"{shape.__name__}: peak {full:.0f} bytes per byte of plan (bound {bound})"
    assert full <= half * 1.25, f"{shape.__name__}: {half:.0f} bytes a byte at 150 kB but {full:.0f} at 300 kB: not linear"
