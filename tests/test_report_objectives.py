"""Each objective's readings against its path, as a manager sees them in the report (issue 15 item 11)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from _report import report_on

from planlint.output.report import render
from planlint.output.report.model import Report

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "hospital-group.plan"
NURSING = "Raise weekly use of the mobile nursing app"
EHR = "Renew and expand the flagship EHR"
UNTRACKED = ("Bring the CMO from opponent to neutral", "Qualify the regional EHR replacement")  # no milestone, no reading


@pytest.fixture
def hospital(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "hospital-group.plan")
    return report_on([tmp_path / "hospital-group.plan"], history=0)


def objective_blocks(html: str) -> dict[str, str]:
    """Each objective's block of the page (its chart and its words), by the objective's name."""
    return {m.group(1): m.group(2) for m in re.finditer(r'<div class="objective" data-objective="([^"]+)">(.*?)</p></div>', html)}


def test_html_draws_each_tracked_objective_against_its_path_with_words(hospital: Report) -> None:
    html = render(hospital, "html")
    blocks = objective_blocks(html)
    assert list(blocks) == [EHR, NURSING]  # plan order; the two objectives without milestones or readings have no chart
    nursing = blocks[NURSING]
    assert nursing.count('class="reading"') == 2 and nursing.count('class="milestone"') == 2
    assert 'class="objective-path"' in nursing and "target 75%" in nursing
    # the later reading is drawn right of and above the earlier one
    (x1, y1), (x2, y2) = [(float(x), float(y)) for x, y in re.findall(r'class="reading" cx="([\d.]+)" cy="([\d.]+)"', nursing)]
    assert x2 > x1 and y2 < y1
    assert ("61% on 2027-01-25, 1.2 percentage points behind the path (62.2% by then); target 75% by 2027-06-30"
            in nursing.split("</svg>")[1])  # 60% + (68% − 60%) × 25/90 days between the two milestones
    assert "$450k on 2027-01-20, $3.8k ahead of the path ($446.2k by then)" in blocks[EHR].split("</svg>")[1]
    for name in UNTRACKED:
        assert f'data-objective="{name}"' not in html
    assert render(hospital, "html") == html  # deterministic


def test_markdown_gives_one_line_per_tracked_objective(hospital: Report) -> None:
    text = render(hospital, "markdown")
    lines = [line for line in text.splitlines() if line.startswith("- ") and "the path" in line]
    assert lines == [
        f"- {EHR}: readings $450k on 2027-01-20; $450k on 2027-01-20, $3.8k ahead of the path ($446.2k by then); "
        "target $1.90M by 2027-06-30",
        f"- {NURSING}: readings 55% on 2026-11-30 → 61% on 2027-01-25; 61% on 2027-01-25, 1.2 percentage points "
        "behind the path (62.2% by then); target 75% by 2027-06-30",
    ]
    assert not any(name in line for name in UNTRACKED for line in lines)
