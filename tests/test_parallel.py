"""`--jobs`: the same output in the same order whether one process checks the plans or several."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from planlint.engine import parallel
from planlint.engine.parallel import WorkerLost, _await, chunk_size, effective_jobs, run_tasks

from _planlint import run, run_process, write

ROOT = Path(__file__).resolve().parents[1]
ACME = (ROOT / "samples" / "acme.plan").read_text(encoding="utf-8")

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="the pool needs the fork start method")


def plan_folder(tmp_path: Path, count: int = 24) -> Path:
    """Plans that differ from each other (owners dropped, one broken) so order mistakes would show."""
    folder = tmp_path / "plans"
    for index in range(count):
        text = ACME.replace('owner "Raj Patel"', 'owner "Raj Patel"' if index % 3 else "", index % 4)
        if index == 7:
            text = text.replace("objective revenue", "objectve revenue", 1)
        write(folder, f"plan-{index:02d}.plan", text)
    return folder


@needs_fork
def test_two_jobs_print_exactly_what_one_job_prints(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    one = run("check", "--jobs", "1", "--no-cache", "--as-of", "2027-03-01", str(folder), cwd=tmp_path)
    two = run("check", "--jobs", "2", "--no-cache", "--as-of", "2027-03-01", str(folder), cwd=tmp_path)
    assert one.code == two.code == 1  # plan-07 cannot be read
    assert two.out == one.out
    assert "plan-07.plan:" in one.out and "24 files checked (23 plans, 1 cannot be read)" in one.out


@needs_fork
def test_json_output_is_the_same_and_in_path_order(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    outputs = [run("check", "-j", jobs, "--no-cache", "--format", "json", "--as-of", "2027-03-01", str(folder),
                   cwd=tmp_path).out for jobs in ("1", "2")]
    assert outputs[0] == outputs[1]
    paths = [entry["path"] for entry in json.loads(outputs[1])["files"]]
    assert paths == sorted(paths) and len(paths) == 24


@needs_fork
def test_the_pool_really_uses_other_processes_and_keeps_input_order() -> None:
    items = list(range(40))
    results = list(run_tasks(lambda item: (item, os.getpid()), items, jobs=2))
    assert [item for item, _ in results] == items
    assert {pid for _, pid in results} - {os.getpid()}, "no work was done in a worker"


def test_one_job_runs_in_this_process_and_accepts_any_callable() -> None:
    seen: list[int] = []
    results = list(run_tasks(lambda item: seen.append(item) or item * 2, [3, 1, 2], jobs=1))
    assert results == [6, 2, 4] and seen == [3, 1, 2]


def test_few_files_are_not_worth_starting_workers() -> None:
    assert effective_jobs(8, 1) == 1  # `planlint check one.plan` never forks
    assert effective_jobs(None, 3) == 1


def test_jobs_never_exceed_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """`-j 4` on two cores starts two workers: more only switch between each other."""
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    assert effective_jobs(4, 1000) == 2
    assert effective_jobs(None, 1000) == 2
    assert effective_jobs(1, 1000) == 1


@needs_fork
def test_a_pool_asked_for_more_workers_than_cores_uses_only_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    results = list(run_tasks(lambda item: os.getpid(), list(range(200)), jobs=8))
    assert 1 <= len(set(results) - {os.getpid()}) <= 2


def test_chunks_are_about_an_eighth_of_each_jobs_share() -> None:
    assert chunk_size(1000, 2) == 63
    assert chunk_size(5, 2) == 1


def test_a_bad_jobs_value_is_a_usage_error(tmp_path: Path) -> None:
    plan = write(tmp_path, "a.plan", ACME)
    result = run_process("check", "--jobs", "0", str(plan), cwd=tmp_path)
    assert result.code == 2
    assert "--jobs: expected 1 or more processes, got 0" in result.err and "Traceback" not in result.err



class _Queued:
    """A chunk's pending result that arrives only after it has waited behind others (``after`` seconds)."""

    def __init__(self, after: float) -> None:
        self.ready = time.monotonic() + after

    def get(self, timeout: float) -> list[str]:
        time.sleep(timeout)
        if time.monotonic() >= self.ready:
            return ["done"]
        raise multiprocessing.TimeoutError


class _NotStarted:
    owners = [0]  # no worker has taken the chunk yet

    def dead(self, slot: int) -> bool:
        return False

    def rule(self, slot: int) -> str:
        return ""


def test_a_file_run_again_may_wait_behind_the_queue_before_its_budget_starts() -> None:
    with pytest.raises(WorkerLost):  # an ordinary chunk's budget runs from the moment it is waited for
        _await(_Queued(after=3.0), _NotStarted(), 0, seconds=0.3)
    assert _await(_Queued(after=3.0), _NotStarted(), 0, seconds=0.3, queued=20.0) == ["done"]
