"""Every output planlint prints for the golden corpus is byte for byte the stored one.

A change here is either a regression or a change meant: then run
``python tests/golden/update.py`` and commit the rewritten files with it.
"""

from __future__ import annotations

import difflib
import json

import _golden

UPDATE = "if the change is meant, run `python tests/golden/update.py` and commit tests/golden/"


def _first_lines_of_diff(old: str, new: str, limit: int = 30) -> str:
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "stored", "now", lineterm="", n=1))
    return "\n".join(lines[:limit] + (["..."] if len(lines) > limit else []))


def test_sample_outputs_are_unchanged() -> None:
    changed = []
    outputs = _golden.sample_outputs()
    stored_names = {path.name for path in _golden.EXPECTED.glob("*.txt")}
    for name, text in outputs.items():
        path = _golden.EXPECTED / name
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if old != text:
            changed.append(f"tests/golden/expected/{name} changed:\n{_first_lines_of_diff(old, text)}")
    missing = sorted(stored_names - set(outputs))
    if missing:
        changed.append(f"stored outputs no longer produced: {', '.join(missing)}")
    assert not changed, "\n\n".join(changed) + f"\n\n{UPDATE}"


def test_generated_plan_outputs_are_unchanged() -> None:
    stored = json.loads(_golden.MANIFEST.read_text(encoding="utf-8"))["sha256"]
    outputs = _golden.generated_outputs()
    now = {key: _golden.digest(text) for key, text in outputs.items()}
    changed = sorted(key for key in now if stored.get(key) != now[key])
    gone = sorted(set(stored) - set(now))
    if changed or gone:
        formats = sorted({key.split(" ")[1] for key in changed})
        shown = "\n".join(f"  {key}" for key in changed[:20]) + ("\n  ..." if len(changed) > 20 else "")
        example = changed[0] if changed else ""
        raise AssertionError(
            f"{len(changed)} of {len(now)} generated outputs changed (formats: {', '.join(formats) or '-'}); "
            f"{len(gone)} no longer produced.\n{shown}\n"
            f"see one with `python tests/golden/update.py --show {example}`.\n{UPDATE}")
