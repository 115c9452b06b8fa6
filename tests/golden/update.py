"""Rewrite the golden corpus after a change to planlint's output that is meant.

    python tests/golden/update.py                         # rewrite expected/ and manifest.json
    python tests/golden/update.py --show gen/plan-00042.plan sarif   # print one generated output

Review ``git diff tests/golden`` before committing: every changed file under
``expected/`` is a change users will see, and each changed line of
``manifest.json`` is one generated plan in one format whose output moved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _golden  # noqa: E402


def write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so an interrupted update leaves no half-written file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8", newline="")
    temporary.replace(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", nargs=2, metavar=("PLAN", "FORMAT"), help="print one generated plan's output instead")
    args = parser.parse_args()
    if args.show:
        outputs = _golden.generated_outputs()
        key = " ".join(args.show)
        if key not in outputs:
            print(f"no output '{key}'; keys look like 'gen/plan-00042.plan sarif' or 'report-60 json'", file=sys.stderr)
            return 2
        sys.stdout.write(outputs[key])
        return 0
    samples = _golden.sample_outputs()
    _golden.EXPECTED.mkdir(exist_ok=True)
    for stale in _golden.EXPECTED.glob("*.txt"):
        if stale.name not in samples:
            stale.unlink()
    for name, text in samples.items():
        write(_golden.EXPECTED / name, text)
    manifest = _golden.manifest_of(_golden.generated_outputs())
    write(_golden.MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(samples)} sample outputs to {_golden.EXPECTED} and "
          f"{len(manifest['sha256'])} digests to {_golden.MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
