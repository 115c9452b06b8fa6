"""docs/report.png shows the page the samples' report is today: its HTML's hash is kept beside the picture."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "screenshot.py"


@pytest.mark.skipif(not SCRIPT.exists() or not (ROOT / "samples" / "acme.plan").exists(),
                    reason="docs/screenshot.py or the samples are not in this checkout")
def test_the_screenshot_was_made_from_the_current_report_of_the_samples() -> None:
    spec = importlib.util.spec_from_file_location("docs_screenshot", SCRIPT)
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    kept = script.DIGEST.read_text(encoding="utf-8").split()[0]
    now = script.digest(script.samples_report_html())
    assert now == kept, ("the samples' report HTML changed since docs/report.png was made: "
                         "run `python docs/screenshot.py` and commit docs/report.png and docs/report.png.sha256")
    assert script.PICTURE.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
