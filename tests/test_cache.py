"""The result cache: a hit prints what a fresh run prints, and a broken cache never breaks a run."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from planlint.engine.cache import _header

from planlint.engine import runner
from planlint.engine.cache import ResultCache, run_fingerprint
from planlint.engine import Linter
from planlint.api.registry import load_registry
from planlint.config.settings import Settings

from _planlint import PLAN, run, write

ARGS = ("check", "--jobs", "1", "--as-of", "2027-03-01")


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "results").rglob("*.json"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "plans/a.plan", PLAN)
    write(tmp_path, "plans/b.plan", PLAN.replace("Test Co", "Other Co"))
    write(tmp_path, "plans/broken.plan", PLAN.replace("objective revenue", "objectve revenue"))
    return tmp_path


def forbid_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any real linting fail loudly: output can then only come from the cache."""
    def refuse(*args: object) -> None:
        raise AssertionError("a cached file was linted again")

    monkeypatch.setattr(runner, "lint_content", refuse)


def test_a_warm_run_prints_the_same_bytes_without_linting_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run(*ARGS, "plans", cwd=project)
    assert len(entries(project / ".planlint_cache")) == 3
    forbid_linting(monkeypatch)
    warm = run(*ARGS, "plans", cwd=project)
    assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err)
    json_cold = run(*ARGS, "--format", "json", "plans", cwd=project)
    assert json_cold.code == cold.code and '"path": "plans/broken.plan"' in json_cold.out


def test_the_cache_folder_tells_git_to_ignore_it(project: Path) -> None:
    run(*ARGS, "plans", cwd=project)
    assert (project / ".planlint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (project / ".planlint_cache" / "CACHEDIR.TAG").exists()


def test_an_edited_plan_is_linted_again(project: Path) -> None:
    before = run(*ARGS, "plans/a.plan", cwd=project)
    write(project, "plans/a.plan", PLAN.replace('due 2027-02-01', 'owner "Raj Patel" due 2027-02-01'))
    after = run(*ARGS, "plans/a.plan", cwd=project)
    assert "PL302" in before.out and "PL302" not in after.out


def test_other_settings_do_not_reuse_a_result(project: Path) -> None:
    before = run(*ARGS, "plans/a.plan", cwd=project)
    write(project, "planlint.toml", 'ignore = ["PL302"]\n')
    after = run(*ARGS, "plans/a.plan", cwd=project)
    assert "PL302" in before.out and "PL302" not in after.out


def test_results_come_from_the_cache_unless_no_cache(project: Path) -> None:
    fresh = run(*ARGS, "--no-cache", "plans/a.plan", cwd=project)
    assert not (project / ".planlint_cache").exists(), "--no-cache writes nothing"
    run(*ARGS, "plans/a.plan", cwd=project)
    [entry] = entries(project / ".planlint_cache")
    header, _, body = entry.read_bytes().partition(b"\n")
    key = header.split()[2].decode()
    body = body.replace(b'"score":', b'"score":42.0,"old_score":', 1)
    entry.write_bytes(_header(key, body) + b"\n" + body)  # a whole, consistent entry (its hash re-made)
    doctored = run(*ARGS, "plans/a.plan", cwd=project)
    assert "score 42.0/100" in doctored.out  # the (doctored) cached result was used
    assert run(*ARGS, "--no-cache", "plans/a.plan", cwd=project).out == fresh.out  # and --no-cache ignores it


def test_corrupt_entries_are_ignored_and_replaced(project: Path) -> None:
    cold = run(*ARGS, "plans", cwd=project)
    for number, entry in enumerate(entries(project / ".planlint_cache")):
        entry.write_bytes([b"", b"{not json", b'{"path": 3}'][number % 3])
    warm = run(*ARGS, "plans", cwd=project)
    assert (warm.code, warm.out) == (cold.code, cold.out)
    assert warm.err == cold.err
    for entry in entries(project / ".planlint_cache"):
        assert entry.read_bytes().startswith(b"planlint-result ") and b'{"path":"plans/' in entry.read_bytes()


def test_an_unwritable_cache_folder_is_ignored(project: Path) -> None:
    blocker = write(project, "not-a-folder", "a file where the cache folder would go\n")
    env = {"PLANLINT_CACHE_DIR": str(blocker / "cache")}
    expected = run(*ARGS, "--no-cache", "plans", cwd=project)
    result = run(*ARGS, "plans", cwd=project, env=env)
    assert (result.code, result.out, result.err) == (expected.code, expected.out, expected.err)


def test_the_key_covers_the_reference_date_and_rule_versions() -> None:
    registry = load_registry()
    base = run_fingerprint(Linter(registry, Settings(), as_of=None))
    assert run_fingerprint(Linter(registry, Settings(), as_of=None)) == base
    assert run_fingerprint(Linter(registry, Settings(), as_of=dt.date(2030, 1, 1))) != base
    rule = registry.rules[0]
    original = rule.info
    try:
        rule.info = dataclasses.replace(original, version=original.version + "-next")
        assert run_fingerprint(Linter(registry, Settings())) != base
    finally:
        rule.info = original


def test_the_same_content_under_another_name_is_another_entry(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "fingerprint")
    assert cache.key("a.plan", b"x") != cache.key("b.plan", b"x")
    assert cache.key("a.plan", b"x") == ResultCache(tmp_path, "fingerprint").key("a.plan", b"x")
    assert cache.get(cache.key("a.plan", b"x")) is None
