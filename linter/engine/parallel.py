"""Running one task per file over several cores, results in input order.

Why a *fork* pool: the parent has already paid for importing Lark and
pydantic, loading the rule packs and building the parser; forked workers
inherit all of that for free, where ``spawn`` would pay it again per worker.
The task is handed to the workers through a module global set before the
fork, so it need not be picklable (a configured Linter with plugin rules
often is not); only the file paths go out and only the results come back.

Work is cut into chunks of about ``N / (jobs * 8)`` items: big enough that
the per-message overhead disappears, small enough that a slow chunk at the
end does not leave a core idle. ``Pool.imap`` keeps the input order, so the
output is deterministic whatever the scheduling, and results are yielded
as chunks complete rather than collected, so memory stays flat.

Where ``fork`` is unavailable (Windows) or there is too little work to repay
starting processes, everything runs in this process instead.
"""

from __future__ import annotations

import gc
import math
import os
from contextlib import contextmanager
from typing import Any, Callable, Iterator, NamedTuple, Optional, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNKS_PER_JOB = 8
MIN_ITEMS_PER_JOB = 8  # below this, starting workers costs more than it saves
YOUNG_GC_THRESHOLD = 10_000  # allocations between young collections (CPython's default: 700)

_task: Optional[Callable[[object], object]] = None


class Transfer(NamedTuple):
    """How a result crosses from a worker to the parent, when pickling it is slow.

    Pydantic models pickle slowly (about 2 ms for a plan's result here); their
    JSON is written and read back in well under half that.
    """

    encode: Callable[[Any], bytes | str]
    decode: Callable[[bytes | str], Any]


def available_cores() -> int:
    """The cores this process may run on (the affinity mask in a container, not the host's count)."""
    process_cpu_count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if process_cpu_count is not None:
        return max(1, process_cpu_count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    import multiprocessing  # imported when needed: `planlint check one.plan` never forks

    return "fork" in multiprocessing.get_all_start_methods()


def chunk_size(count: int, jobs: int) -> int:
    return max(1, math.ceil(count / (jobs * CHUNKS_PER_JOB)))


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def effective_jobs(requested: Optional[int], count: int) -> int:
    """How many processes to use: as asked (default: every core), never more than the cores or the work repays.

    More workers than cores only adds switching between them: ``-j 4`` on two
    cores was measured slower than ``-j 1``.
    """
    cores = available_cores()
    jobs = min(requested, cores) if requested and requested > 0 else cores
    jobs = min(jobs, count // MIN_ITEMS_PER_JOB)
    return jobs if jobs > 1 and can_fork() else 1


def _run_chunk(slot: int, chunk: Sequence[object]) -> list[object]:
    """In a worker: one chunk's results, saying in the shared slot which process runs it and which rule."""
    assert _task is not None and _shared is not None, "the task and the slots are set before the pool forks"
    shared = _shared
    shared.owners[slot] = os.getpid()
    from ..api import containment

    containment.on_rule = lambda code: shared.tell(slot, code)
    results = []
    for item in chunk:
        shared.tell(slot, "")
        results.append(_task(item))
    return results


class _Slots:
    """Memory the workers share with the parent: for each chunk, the PID running it and the rule it is on.

    A worker that dies (a crash in C code, the kernel's out-of-memory killer, a
    kill) is replaced by the pool, but its chunk never comes back; with these
    the parent sees at once that the chunk's process is gone, and names the rule.
    """

    WIDTH = 32  # bytes for a rule's code

    def __init__(self, context: Any, count: int) -> None:
        import ctypes

        self.owners = context.Array(ctypes.c_long, count, lock=False)
        self.rules = context.Array(ctypes.c_char, count * self.WIDTH, lock=False)

    def tell(self, slot: int, code: str) -> None:
        start = slot * self.WIDTH
        self.rules[start : start + self.WIDTH] = code.encode("utf-8", "replace")[: self.WIDTH - 1].ljust(self.WIDTH, b"\0")

    def rule(self, slot: int) -> str:
        start = slot * self.WIDTH
        return bytes(self.rules[start : start + self.WIDTH]).rstrip(b"\0").decode("utf-8", "replace")

    def dead(self, slot: int) -> bool:
        """The chunk was started by a process that is gone (the pool reaps a dead worker within 0.1 s)."""
        pid = self.owners[slot]
        if not pid:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # a reused PID of another user's process: ours is gone
            return True
        return False


class WorkerLost(Exception):
    """A chunk that will not come back: its worker died (``rule``: what it was running) or stopped answering."""

    def __init__(self, rule: str = "") -> None:
        super().__init__(rule)
        self.rule = rule


_shared: Optional[_Slots] = None
POLL_SECONDS = 0.25  # how often the parent looks at a waited-for chunk's worker


def _await(waiting: Any, slots: _Slots, slot: int, seconds: float, queued: float = 0.0) -> Any:
    """The chunk's results, or :class:`WorkerLost` as soon as its worker is dead, or once ``seconds`` have passed.

    ``queued``: how long the chunk may wait behind others before it starts (a file run again on its own
    is queued behind every chunk not yet done), on top of ``seconds``, which count from its start.
    """
    import multiprocessing
    import time

    deadline = time.monotonic() + seconds + queued
    started = False
    while True:
        try:
            return waiting.get(timeout=max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))
        except multiprocessing.TimeoutError:
            if not started and slots.owners[slot]:
                started = True
                deadline = min(deadline, time.monotonic() + seconds)
            if slots.dead(slot):
                try:
                    return waiting.get(timeout=POLL_SECONDS)  # results it sent before it died are still good
                except multiprocessing.TimeoutError:
                    raise WorkerLost(slots.rule(slot)) from None
            if time.monotonic() >= deadline:
                raise WorkerLost() from None


def run_tasks(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: Optional[int] = None,
    transfer: Optional[Transfer] = None,
    lost: Optional[Callable[[Item, str], Result]] = None,
    seconds: float = 30.0,
) -> Iterator[Result]:
    """Yield ``task(item)`` for every item, in the order of ``items``.

    ``jobs=1`` runs in this process (no pickling, no workers): the path a
    single file takes, and the one to use under a debugger.
    """
    workers = effective_jobs(jobs, len(items))
    if workers == 1:
        with batch_gc():
            for item in items:
                yield task(item)
        return
    if transfer is None:
        yield from _run_forked(task, items, workers, lost, seconds)
        return
    encode = transfer.encode
    encoded_lost = None if lost is None else (lambda item, rule: encode(lost(item, rule)))
    for data in _run_forked(lambda item: encode(task(item)), items, workers, encoded_lost, seconds):
        yield transfer.decode(data)


@contextmanager
def batch_gc() -> Iterator[None]:
    """Garbage collection tuned for a batch of files, restored afterwards.

    Objects alive now (parser tables, rule packs, schemas) are moved out of
    the collector's sight (``gc.freeze``), so its full collections stop
    walking them again and again (and forked workers neither walk them nor
    write to their pages and un-share them, copy-on-write). A plan's check
    allocates tens of thousands of short-lived objects, nearly all freed by
    reference counting, so the youngest generation is collected less often.
    Worth about 10% of a batch here, and more on one very large plan, whose
    millions of live model objects the collector would otherwise walk again
    and again.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _start_worker() -> None:
    """In each forked worker: Ctrl-C is the parent's to handle (no worker tracebacks), and a file over budget is a finding."""
    import signal

    from ..api import containment

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    containment.end_run_on_timeout = False


def _one_by_one(pool: Any, slots: _Slots, slot: int, item: Any, lost: Callable[[Any, str], Any], seconds: float,
                behind: int) -> Any:
    """A lost chunk's file run again on its own, so only the file that kills its worker is lost.

    It is queued behind the ``behind`` files of the chunks not yet done, and may wait for them.
    """
    slots.owners[slot] = 0
    try:
        waiting = pool.apply_async(_run_chunk, (slot, [item]))
        return _await(waiting, slots, slot, 2 * seconds + 5, queued=2 * seconds * behind + 5)[0]
    except WorkerLost as gone:
        return lost(item, gone.rule)


def _run_forked(task: Callable[[Item], Any], items: Sequence[Item], workers: int,
                lost: Optional[Callable[[Item, str], Any]] = None, seconds: float = 30.0) -> Iterator[Any]:
    """Chunks handed to a fork pool and collected in order, none waited for without end.

    A worker that dies (a crash in C code, a kill) is replaced by the pool,
    but its chunk never comes back: as soon as the parent sees the chunk's
    process gone (:class:`_Slots`), or after ``seconds`` per file in the chunk
    (plus a margin) if it stops answering, the chunk's files are run again one
    by one, and the one that loses its worker again gets ``lost(item, rule)``
    (``rule``: what it was running; empty if it stopped answering). The run goes on.
    On Ctrl-C or any error the pool is terminated, so no worker outlives the run.
    """
    global _task, _shared
    _task = task  # type: ignore[assignment]
    try:
        with batch_gc():
            import multiprocessing

            context = multiprocessing.get_context("fork")
            chunks = chunked(items, chunk_size(len(items), workers))
            slots = _shared = _Slots(context, len(chunks) + 1)  # the last slot: files run again one by one
            pool = context.Pool(workers, initializer=_start_worker)
            try:
                pending = [pool.apply_async(_run_chunk, (slot, chunk)) for slot, chunk in enumerate(chunks)]
                for slot, (chunk, waiting) in enumerate(zip(chunks, pending)):
                    try:
                        results = _await(waiting, slots, slot, 2 * seconds * len(chunk) + 5)
                    except WorkerLost:
                        if lost is None:
                            raise
                        behind = sum(len(later) for later in chunks[slot + 1 :])
                        results = [_one_by_one(pool, slots, len(chunks), item, lost, seconds, behind) for item in chunk]
                    yield from results  # type: ignore[misc]
                pool.close()
            finally:
                pool.terminate()
                pool.join()
    finally:
        _task, _shared = None, None

