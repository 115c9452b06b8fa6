"""Issue 13 item 2: no pack pattern can hang a run, whatever the plan says.

The corpus (tests/hostile/patterns.py) holds the issue's reproductions and
the classic catastrophic-backtracking shapes. Each is refused at load with the
construct named, or runs on RE2 over every hostile text. The matching runs in
a child process with a generous time-out: a guard against a hang (the old
engine took minutes to years), not a speed figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planlint.api.packs.patterns import UnsafePattern, compile_pattern

from hostile.patterns import CORPUS, ISSUE_13, NEEDS_MORE_THAN_RE2
from _planlint import PLAN, write

HANG_GUARD = 120  # seconds for the whole corpus; Python's re needs years for some of these

SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from planlint.api.packs.patterns import UnsafePattern, compile_pattern
from hostile.patterns import CORPUS, TEXTS
outcome = {}
for pattern in CORPUS:
    try:
        compiled = compile_pattern(pattern)
    except UnsafePattern as error:
        outcome[pattern] = "refused: " + str(error)
        continue
    outcome[pattern] = [compiled.search(text) is not None for text in TEXTS]
print(json.dumps(outcome))
"""


def test_every_hostile_pattern_is_refused_by_name_or_runs_on_every_hostile_text() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(Path(__file__).parent)], capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert set(outcome) == set(CORPUS)
    for pattern in NEEDS_MORE_THAN_RE2:
        assert outcome[pattern].startswith("refused: RE2, the engine"), (pattern, outcome[pattern])
    ran = [pattern for pattern, result in outcome.items() if isinstance(result, list)]
    assert len(ran) >= len(CORPUS) - len(NEEDS_MORE_THAN_RE2) - 3  # the rest are RE2's own size limits
    assert outcome[r"^(?:.*?,){11}P"] == [False] * 3 + [True] + [False] * 7  # matched for real, not skipped


@pytest.mark.parametrize("pattern,matching,other", [
    (r"^(?:a|a){40}$", "a" * 40, "a" * 41),
    (r"^(a?){30}a{30}$", "a" * 30, "a" * 29),
    (r"^(?:aa?){30}b", "a" * 30 + "b", "a" * 29 + "b"),
    (r"^(?:.*?,){11}P", "a," * 11 + "P", "a," * 10 + "P"),
    (r"(?s)^(?:.*?\n){11}P", "a\n" * 11 + "P", "a\n" * 10 + "P"),
])
def test_the_issues_patterns_are_accepted_and_mean_what_they_say(pattern: str, matching: str, other: str) -> None:
    """What the old vetting let through now runs on RE2, with its plain meaning (Python's, on short text)."""
    compiled = compile_pattern(pattern)
    assert compiled.search(matching) is not None and compiled.search(other) is None


PACK = """\
[pack]
name = "hostile"

[[rule]]
code = "HOST1"
name = "hostile-pattern"
category = "objectives"
message = "objective '{{name}}' matched"
why = "A test."
fix = "None."
items = "objectives"
check = {{ field = "name", not_matches = '{pattern}' }}
passing = ['objective revenue "Renew support" {{ target $20k by 2027-06-30 }}']
failing = ['objective revenue "{failing}" {{ target $20k by 2027-06-30 }}']
"""


@pytest.mark.parametrize("pattern,name", [
    (r"^(?:a|a){40}$", "a" * 40),
    (r"^(a?){30}a{30}$", "a" * 30),
    (r"^(?:aa?){30}b", "a" * 30 + "b"),
])
def test_the_issues_hanging_packs_finish_through_check(tmp_path: Path, pattern: str, name: str) -> None:
    """Three of three such packs hung `planlint check --pack` for over a minute; on a hostile plan they finish."""
    write(tmp_path, "p.toml", PACK.format(pattern=pattern, failing=name))
    write(tmp_path, "planlint.toml", 'select = ["HOST1"]\n')
    hostile = PLAN.replace('"Win the ERP deal"', '"' + "a" * 990 + '!"')
    write(tmp_path, "a.plan", hostile)
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "a.plan", "--pack", "p.toml", "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    write(tmp_path, "b.plan", PLAN.replace('"Win the ERP deal"', f'"{name}"'))
    done = subprocess.run([sys.executable, "-m", "planlint", "check", "b.plan", "--pack", "p.toml", "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "HOST1 hostile-pattern" in done.stdout, done.stdout + done.stderr  # a warning
