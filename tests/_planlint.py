"""Running planlint's command line the way a user does, for the CLI tests.

``run`` calls the real entry point in this process (fast: no interpreter
start-up per call); ``run_process`` starts ``python -m planlint`` for the
tests where the process boundary itself matters (exit status, terminals).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Optional

from planlint.cli import main

# A plan whose findings come from the stable action rules: PL302 (no owner,
# line 7) and PL303 (no due date, line 8). Tests select PL30 to stay
# independent of the rest of the built-in pack.
PLAN = """\
plan "Test Co FY2027" {
  account "Test Co"
  owner "Jane Doe"
  objective revenue "Win the ERP deal" {
    target $500k by 2027-06-30
    strategy "Prove it with references" {
      action "Call the CFO about the budget" due 2027-02-01
      action "Send the proposal to procurement" owner "Jane Doe"
    }
  }
}
"""

# A one-rule TOML pack with a passing and a failing example, for the pack and test-rules tests.
PACK = """\
[pack]
name = "acme"
examples_as_of = 2027-03-01

[[rule]]
code = "ACME101"
name = "revenue-floor"
category = "objectives"
message = "objective '{name}' targets {value}; the floor is {expected}"
why = "Small deals cost more to sell than they earn."
fix = "Raise the target."
items = "revenue_objectives"
check = { field = "target.value", at_least = "$50k" }
passing = ['objective revenue "Win the ERP consolidation" { target $500k by 2027-06-30 }']
failing = ['objective revenue "Renew support" { target $20k by 2027-06-30 }']
"""

CLEAN_PLAN = PLAN.replace('action "Call the CFO about the budget" due', 'action "Call the CFO about the budget" owner "Jane Doe" due').replace(
    'owner "Jane Doe"\n    }', 'owner "Jane Doe" due 2027-03-01\n    }')

SELECT_ACTIONS = 'select = ["PL302", "PL303"]\n'


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*args: str, cwd: Path, env: Optional[dict[str, str]] = None) -> Run:
    out, err = io.StringIO(), io.StringIO()
    old_cwd = os.getcwd()
    old_env = dict(os.environ)
    os.chdir(cwd)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
    return Run(code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path, env: Optional[dict[str, str]] = None, **kwargs: object) -> Run:
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=60, **kwargs)  # type: ignore[call-overload]
    return Run(done.returncode, done.stdout, done.stderr)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bench_generator() -> ModuleType:
    """bench/generate.py (the benchmark's plan generator) as a module, loaded from its file."""
    name = "bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent.parent / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
