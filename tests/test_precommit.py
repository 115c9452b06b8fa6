"""The real pre-commit, installing planlint's hook from a git repository: a form blocks, a plan passes.

pre-commit clones the hook repository at a commit, so the test first makes a
throwaway git repository of this working tree (committed or not) and points
``.pre-commit-config.yaml`` at it, exactly as a sales team's repository points
at planlint's. pre-commit then builds the hook's virtual environment with pip
(PyPI must be reachable; nothing is fetched from GitHub).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2027-02-01"  # the samples' dates are judged as of early 2027, whatever today is

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "planlint tests", "GIT_AUTHOR_EMAIL": "tests@planlint.invalid",
           "GIT_COMMITTER_NAME": "planlint tests", "GIT_COMMITTER_EMAIL": "tests@planlint.invalid"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def snapshot_of_this_checkout(target: Path) -> str:
    """Copy the working tree's files (tracked or new, never ignored) into a fresh repository; return its commit."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "planlint snapshot for the pre-commit test", cwd=target)
    return git("rev-parse", "HEAD", cwd=target).strip()


def pre_commit(cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_blocks_a_form_and_passes_a_complete_plan(tmp_path: Path) -> None:
    if not (REPO / ".pre-commit-hooks.yaml").is_file():
        pytest.fail(".pre-commit-hooks.yaml is missing from the repository root")
    hooks = tmp_path / "planlint-hooks"
    hooks.mkdir()
    rev = snapshot_of_this_checkout(hooks)

    plans = tmp_path / "sales-plans"
    (plans / "accounts").mkdir(parents=True)
    (plans / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: planlint\n      - id: planlint-format\n",
        encoding="utf-8")
    (plans / "planlint.toml").write_text(f"as-of = {AS_OF}\n", encoding="utf-8")
    shutil.copy(REPO / "samples" / "acme.plan", plans / "accounts" / "acme.plan")
    (plans / "notes.txt").write_text("not a plan: the hook must not look at it\n", encoding="utf-8")
    git("init", "-q", cwd=plans)
    git("add", "-A", cwd=plans)

    home = tmp_path / "pre-commit-home"
    passed = pre_commit(plans, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "planlint" in passed.stdout and "Passed" in passed.stdout

    shutil.copy(REPO / "samples" / "form.plan", plans / "accounts" / "initech.plan")
    git("add", "-A", cwd=plans)
    blocked = pre_commit(plans, home)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stdout
    assert "accounts/initech.plan:" in blocked.stdout and "error" in blocked.stdout
    assert "accounts/acme.plan:" in blocked.stdout  # its score line: checked and fine
    assert "notes.txt" not in blocked.stdout

    # The format hook rewrites a plan laid out by hand and fails the commit until the rewrite is staged.
    acme = plans / "accounts" / "acme.plan"
    canonical = acme.read_text(encoding="utf-8")
    (plans / "accounts" / "initech.plan").unlink()
    acme.write_text(canonical.replace("\n    title", "  title").replace("  account", "account"), encoding="utf-8")
    git("add", "-A", cwd=plans)
    reformatted = pre_commit(plans, home)
    assert reformatted.returncode == 1, reformatted.stdout + reformatted.stderr
    assert "planlint format" in reformatted.stdout and "files were modified by this hook" in reformatted.stdout
    assert acme.read_text(encoding="utf-8") == canonical
