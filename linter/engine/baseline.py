"""Baselines: adopt planlint on plans that already exist, then only allow them to improve.

``check --write-baseline FILE`` records every current finding and each plan's
score. ``check --baseline FILE`` then:

* hides the findings the baseline already knows, so only *new* ones fail;
* reports baseline entries that no longer occur as *prunable* (they were fixed);
* applies a **score ratchet**: a plan scoring below its recorded score fails
  (finding PL013), so plans only get better. For a plan in the baseline the
  recorded score is its bar; plans not in the baseline meet ``fail-under``.

A finding's fingerprint is its file, rule code and message with every number
blanked out, never its line: adding a line at the top of a plan ("same text as
line 18"), a day passing ("12 days late as of 2027-03-01") or a score moving
("scoring 37.9") must not turn a known finding into a new one. Identical
fingerprints are counted, so a third "action has no owner" is new even when
two were known.

A file that cannot be read into a plan is never baselined: it fails every run
(exit 1), so its syntax errors are always shown.

Paths are stored relative to the baseline file's folder, so the baseline works
from any working directory and on any machine.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..model import DEFAULT_SPAN
from ..reading import InputRefused, read_input
from .atomic import write_text_atomic
from .findings import finding_at
from .meta import SCORE_BELOW_BASELINE
from .results import FileResult, Finding
from .verdict import SCORING_VERSION

FORMAT = "planlint-baseline"
FORMAT_VERSION = 1
TOLERANCE = 1e-9

Fingerprint = tuple[str, str]  # (code, message with numbers blanked); the file is the key above it
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class BaselineError(Exception):
    """The baseline file cannot be read; the run stops with exit code 2."""


@dataclass
class PlanEntry:
    score: Optional[float]
    findings: Counter[Fingerprint] = field(default_factory=Counter)


@dataclass
class Baseline:
    folder: Path
    plans: dict[str, PlanEntry] = field(default_factory=dict)

    def key(self, display_path: str) -> str:
        """A result's path as the baseline stores it: relative to the baseline's folder, with '/'."""
        return Path(os.path.relpath(Path(display_path).resolve(), self.folder)).as_posix()


@dataclass
class Outcome:
    """What applying a baseline changed: findings hidden, entries to prune."""

    known: int = 0
    prunable: list[str] = field(default_factory=list)


def fingerprint(code: str, message: str) -> Fingerprint:
    """What identifies a finding across runs: its rule and its words, not the numbers in them."""
    return (code, _NUMBER.sub("#", message))


def _fingerprint(finding: Finding) -> Fingerprint:
    return fingerprint(finding.code, finding.message)


def _recordable(result: FileResult, finding: Finding) -> bool:
    """Counted findings of a readable plan, except the ratchet's own: the baseline records the plan, not itself."""
    return result.parsed and finding.suppressed is None and finding.code != SCORE_BELOW_BASELINE.code


# --------------------------------------------------------------------------- writing


def build(results: Iterable[FileResult], folder: Path) -> Baseline:
    baseline = Baseline(folder=folder.resolve())
    for result in results:
        entry = PlanEntry(score=result.score if result.kind == "plan" else None)
        entry.findings.update(_fingerprint(f) for f in result.findings if _recordable(result, f))
        baseline.plans[baseline.key(result.path)] = entry
    return baseline


def dumps(baseline: Baseline) -> str:
    """Sorted keys and entries, so re-writing an unchanged baseline changes no byte."""
    plans = {}
    for path in sorted(baseline.plans):
        entry = baseline.plans[path]
        rows = [{"code": code, "message": message, "count": count}
                for (code, message), count in sorted(entry.findings.items())]
        plans[path] = {"score": entry.score, "findings": rows}
    data = {"format": FORMAT, "version": FORMAT_VERSION, "scoring": SCORING_VERSION, "plans": plans}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(results: Iterable[FileResult], path: Path) -> Baseline:
    baseline = build(results, path.parent)
    write_text_atomic(path, dumps(baseline))
    return baseline


# --------------------------------------------------------------------------- reading


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a baseline can hold")


def load(path: Path) -> Baseline:
    try:
        data = json.loads(read_input(path).decode("utf-8"), parse_constant=_no_constant)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create one with --write-baseline {path})") from None
    except InputRefused as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.reason}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}:{error.colno}: not a planlint baseline: {error.msg}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a planlint baseline: nested too deeply") from None
    except ValueError as error:
        raise BaselineError(f"{path}: not a planlint baseline: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{path}: not a planlint baseline (expected \"format\": \"{FORMAT}\")")
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r} is not supported (expected {FORMAT_VERSION})")
    scoring = str(data.get("scoring", "1"))  # baselines from before the scoring model had a version: model 1
    if scoring != SCORING_VERSION:
        raise BaselineError(f"{path}: written under scoring model {scoring}, and this planlint scores with model "
                            f"{SCORING_VERSION}, so its scores cannot be compared: rewrite it with "
                            f"`planlint check PATHS --write-baseline {path}`")
    baseline = Baseline(folder=path.parent.resolve())
    try:
        for plan_path, entry in data["plans"].items():
            counts: Counter[Fingerprint] = Counter()
            for row in entry["findings"]:
                counts[fingerprint(str(row["code"]), str(row["message"]))] += _count(row["count"])
            score = entry.get("score")
            baseline.plans[plan_path] = PlanEntry(score=None if score is None else _score(score), findings=counts)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise BaselineError(f"{path}: malformed baseline entry ({type(error).__name__}: {error})") from None
    return baseline


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000_000:
        raise ValueError(f"a finding count must be a whole number from 0, not {value!r}")
    return value


def _score(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:  # NaN fails too
        raise ValueError(f"a score must be a number from 0 to 100, not {value!r}")
    return float(value)


# --------------------------------------------------------------------------- applying


def apply(baseline: Baseline, results: list[FileResult]) -> Outcome:
    """Hide known findings, add ratchet findings, and list what can be pruned. Mutates ``results``."""
    outcome = Outcome()
    for result in results:
        key = baseline.key(result.path)
        entry = baseline.plans.get(key)
        if entry is None:
            continue
        remaining = Counter(entry.findings)
        kept: list[Finding] = []
        for finding in result.findings:
            known = _fingerprint(finding)
            if _recordable(result, finding) and remaining[known] > 0:
                remaining[known] -= 1
                outcome.known += 1
            else:
                kept.append(finding)
        if result.kind == "plan" and entry.score is not None and result.score < entry.score - TOLERANCE:
            kept.insert(0, _ratchet_finding(result.score, entry.score))
        result.findings = kept
        for (code, message), count in sorted(remaining.items()):
            if count > 0:
                outcome.prunable.append(f"{key}: {code} {message}" + (f" (x{count})" if count > 1 else ""))
    checked = {baseline.key(result.path) for result in results}
    for key in sorted(baseline.plans):
        if key not in checked and not (baseline.folder / key).exists():
            outcome.prunable.append(f"{key}: the plan no longer exists")
    return outcome


def in_baseline(baseline: Baseline, result: FileResult) -> bool:
    entry = baseline.plans.get(baseline.key(result.path))
    return entry is not None and entry.score is not None


def _ratchet_finding(score: float, recorded: float) -> Finding:
    return finding_at(SCORE_BELOW_BASELINE, DEFAULT_SPAN,
                      f"score {score:.1f} is below the baseline's {recorded:.1f} for this plan; "
                      f"plans may only get better (fix the new findings, or rewrite the baseline)")
