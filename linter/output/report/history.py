"""A plan's earlier versions, read from git.

The report's trend and its "change since last commit" both need the plan's
text at earlier commits. This module only talks to git (``git log`` and
``git show``); scoring those versions is :mod:`.build`'s job. Anything git
cannot answer (git missing, the folder is not a repository, the file was never
committed) gives no versions rather than an error: a report on plans outside
git is still a report, just without a trend.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

GIT_TIMEOUT = 20  # seconds; a report should never hang on a wedged repository


class GitUnavailable(Exception):
    """git is not installed or refused to run (e.g. an unsafe repository owner)."""


@dataclass(frozen=True)
class Version:
    """The plan's text as committed, with when it was committed."""

    commit: str
    timestamp: int
    date: dt.date
    text: str
    subject: str = ""  # the commit's first line: what a manager reads instead of a hash

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class History:
    """A plan's last versions in git, newest first, and whether the working copy differs."""

    versions: tuple[Version, ...]
    working_copy_changed: bool
    truncated: bool

    @property
    def committed(self) -> bool:
        return bool(self.versions)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise GitUnavailable("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitUnavailable(f"git took longer than {GIT_TIMEOUT}s in {cwd}") from None


def repository_root(path: Path) -> Optional[Path]:
    """The top folder of the git repository holding ``path``, or None when it is not in one."""
    folder = path.resolve().parent
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")
        if "dubious ownership" in message:
            raise GitUnavailable(f"git refuses to read {folder} (dubious ownership; see `git config safe.directory`)")
        return None
    return Path(done.stdout.decode("utf-8").strip())


def plan_history(path: Path, limit: int) -> Optional[History]:
    """The last ``limit`` committed versions of ``path`` (newest first), or None outside git."""
    root = repository_root(path)
    if root is None:
        return None
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    log = _git(["log", f"-n{limit + 1}", "--format=%H %ct %s", "--", relative], root)
    if log.returncode != 0:
        return None
    rows = [(line.split(" ", 2) + [""])[:3] for line in log.stdout.decode("utf-8", "replace").splitlines() if line.strip()]
    truncated = len(rows) > limit
    versions: list[Version] = []
    for commit, stamp, subject in rows[:limit]:
        shown = _git(["show", f"{commit}:{relative}"], root)
        if shown.returncode != 0:  # the commit deleted the file
            continue
        when = dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc).date()
        versions.append(Version(commit, int(stamp), when, shown.stdout.decode("utf-8", "replace"), subject.strip()))
    current = path.read_bytes().decode("utf-8", "replace")
    changed = not versions or versions[0].text != current
    return History(tuple(versions), changed, truncated)
