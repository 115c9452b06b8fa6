"""Issue 19 item 2: a plain ``planlint check`` imports only what checking a plan needs.

Each command, output format and optional input (a baseline, CRM exports, a
TOML pack given with ``--pack``) imports its own modules when it is used, so
a pre-commit hook checking one plan does not pay for the others. Each test
runs a real check in a fresh interpreter and lists what it imported; a
module made lazy that creeps back into a plain check fails here, naming it.
The opposite direction is tested too: the lazy module is there when its
option is used, so the test cannot pass by never importing anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from _planlint import PACK, PLAN, write

# Not needed to check a plan and print its report as text: each belongs to an option or another command.
NOT_IN_A_PLAIN_CHECK = (
    "planlint.engine.baseline",  # --baseline / --write-baseline
    "planlint.engine.atomic",  # writing a baseline or -o FILE
    "planlint.engine.examples",  # planlint test-rules
    "planlint.api.crm.reader",  # --crm: the export reader and its column profiles
    "csv",
    "planlint.output.reporters.sarif",  # --format sarif
    "planlint.output.reporters.statistics",  # --statistics
    "planlint.output.reporters.json",
    "planlint.output.report",  # planlint report
    "planlint.server",  # planlint server
    "planlint.cli.report",  # the other commands
    "planlint.cli.rules",
    "planlint.cli.explain",
    "planlint.api.packs.loader",  # the built-in pack comes from its plain form in the cache (tests/test_pack_cache.py)
    "planlint.api.packs.schema",
    "tomllib",
    "importlib.metadata",  # the entry points come from the cache (tests/test_entry_point_cache.py)
    "zipfile",
    "email",
)


def imported_by_check(tmp_path: Path, *options: str) -> set[str]:
    """The modules a fresh interpreter has after ``planlint check [options] a.plan`` (run twice: a warm cache)."""
    write(tmp_path, "a.plan", PLAN)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    code = ("import json, sys\nfrom planlint.cli import main\n"
            f"code = main(['check', '--no-cache', '--exit-zero', *{list(options)!r}, 'a.plan'])\n"
            "print(json.dumps([code, sorted(sys.modules)]))")
    for _ in range(2):  # the first run fills the private cache (entry points); the second is the usual run
        done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
    exit_code, modules = json.loads(done.stdout.splitlines()[-1])
    assert exit_code == 0, done.stdout
    return set(modules)


def test_a_plain_check_imports_none_of_the_options_modules(tmp_path: Path) -> None:
    modules = imported_by_check(tmp_path)
    assert "planlint.output.reporters.text" in modules  # the walk saw a real run
    loaded = sorted(name for name in NOT_IN_A_PLAIN_CHECK if name in modules)
    assert loaded == [], f"a plain check imported {loaded}"


@pytest.mark.parametrize(("options", "module"), [
    (("--format", "sarif"), "planlint.output.reporters.sarif"),
    (("--statistics",), "planlint.output.reporters.statistics"),
    (("--write-baseline", "base.json"), "planlint.engine.baseline"),
])
def test_an_option_imports_its_module_when_used(tmp_path: Path, options: tuple[str, ...], module: str) -> None:
    assert module in imported_by_check(tmp_path, *options)


def test_a_pack_given_with_pack_loads_the_pack_format(tmp_path: Path) -> None:
    write(tmp_path, "acme.toml", PACK)
    assert "planlint.api.packs.loader" in imported_by_check(tmp_path, "--pack", "acme.toml")
