"""The HTML and Markdown pages as a reader gets them: structure, charts, words beside colours."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _report import BROKEN, FULL, PORTFOLIO, THIN, make_repo, report_on

from planlint.output.report import render
from planlint.output.report.model import Report


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        found = []
        for name, have in self.tags:
            if name != tag:
                continue
            if all((key == "class_" and value in have.get("class", "").split()) or have.get(key) == value
                   for key, value in attrs.items()):
                found.append(have)
        return found


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    repo = make_repo(tmp_path)
    (repo / "portfolio.plan").write_text(PORTFOLIO, encoding="utf-8")
    (repo / "broken.plan").write_text(BROKEN, encoding="utf-8")
    return report_on(list(repo.glob("*.plan")))


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def test_page_is_self_contained_no_script_no_network(team: Report) -> None:
    html = render(team, "html")
    assert "<script" not in html.lower()
    # The only web addresses: the SVG namespace, and the rules' pages a reader may follow (nothing is loaded).
    followed = re.findall(r'<tr id="rule-pl\d+"><td><a href="(https?://[^"]+)">', html)
    assert followed and all(url.startswith("https://github.com/planlint/planlint/blob/main/docs/rules.md#pl") for url in followed)
    loaded = re.sub(r'<a href="https?://[^"]+">', "", html)
    assert re.findall(r"https?://[^\"' )]+", loaded) == ["http://www.w3.org/2000/svg"] * html.count("<svg")
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html


def test_summary_lists_every_plan_attention_first_with_score_band_and_change(team: Report) -> None:
    page = parse(render(team, "html"))
    rows = page.find("tr", class_="attention") + page.find("tr", class_="fine")
    summary_rows = [attrs["data-plan"] for tag, attrs in page.tags if tag == "tr" and "data-plan" in attrs]
    # readable plans in the summary, attention first; a file that cannot be read is listed apart, after them
    assert summary_rows == [plan.path for plan in team.plans if plan.score is not None] + ["plans/broken.plan"]
    assert len(rows) == len(team.plans) - 1
    text = " ".join(page.text)
    for plan in team.plans:
        assert plan.score_text in text
    for band in ("tool", "form"):  # bands are written as words beside their colour
        assert len(page.find("span", class_=f"band-{band}")) >= 1
        assert band in text


def test_quadrant_chart_has_four_quadrants_and_one_marker_per_account(team: Report) -> None:
    page = parse(render(team, "html"))
    assert [q["data-quadrant"] for q in page.find("rect", class_="quadrant")] == ["B", "A", "D", "C"]
    assert len(page.find("circle", class_="marker")) == 4
    accounts = [g["data-account"] for g in page.find("g", class_="account")]
    assert accounts == ["Acme Corp", "Initech", "Globex Retail", "Hooli"]
    assert "Initech · " in " ".join(page.text)  # every marker is labelled with its score


def test_each_readable_plan_has_a_bar_per_category_and_a_sparkline(team: Report) -> None:
    page = parse(render(team, "html"))
    readable = [plan for plan in team.plans if plan.parsed]
    assert len(page.find("ul", class_="cats")) == len(readable)
    scored = sum(1 for plan in readable for bar in plan.categories if bar.score is not None)
    assert sum(len(page.find("li", class_=colour)) for colour in ("red", "amber", "green")) == scored
    assert len(page.find("svg", class_="sparkline")) == sum(1 for plan in team.plans if plan.trend)
    assert len(page.find("svg", class_="chart-trend")) == 1
    team_points = team.team_trend.points if team.team_trend else []
    # a sparkline marks its last point ("now"); the team trend marks every point
    assert len(page.find("circle", class_="trend-point")) == sum(1 for p in team.plans if p.trend) + len(team_points)


def test_each_plan_section_shows_fixes_with_gains_and_findings_with_lines(team: Report) -> None:
    page = parse(render(team, "html"))
    sections = [s["id"] for s in page.find("section", class_="plan")]
    assert sections == [plan.anchor for plan in team.plans if plan.score is not None]  # unreadable files: listed apart
    text = " ".join(page.text)
    initech = next(plan for plan in team.plans if plan.path == "plans/initech.plan")
    assert initech.fixes and f"+{initech.fixes[0].gain:.1f}" in text
    first = initech.findings[0]
    assert f"{first.line}:{first.column}" in text
    broken = next(plan for plan in team.plans if plan.score is None)
    assert broken.error and broken.error.split(": ", 1)[1] in text and "Cannot be read (1)" in text


def test_markdown_carries_the_same_content_as_tables(team: Report) -> None:
    md = render(team, "markdown")
    assert md.startswith("# Account plan review\n")
    for heading in ("## Team picture", "## Plans", "## Cannot be read (1)", "## Portfolio: Territory", "## Team trend",
                    "## Plan by plan"):
        assert f"\n{heading}" in md
    for plan in team.plans:
        assert f"### {plan.name}: {plan.score_text}" + (f" ({plan.band})" if plan.band else "") in md
        if plan.score is not None:
            assert f"| {plan.score_text} | {plan.band} |" in md
    broken = next(plan for plan in team.plans if plan.score is None)
    assert f"| `{broken.path}` | — | {broken.error} |" in md  # the first error, never a band
    acme = next(plan for plan in team.plans if plan.path == "plans/acme.plan")
    assert " → ".join(f"{p.score:.1f}" for p in acme.trend) in md  # the sparkline as text
    assert "| Acme Corp | A | $1.2M | $3.5M |" in md
    table_lines = [line for line in md.splitlines() if line.startswith("|")]
    assert all(line.endswith("|") for line in table_lines)
    assert "<svg" not in md


def test_markdown_escapes_pipes_in_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.plan").write_text(THIN.replace("Initech FY2027", "Initech | FY2027"), encoding="utf-8")
    md = render(report_on([tmp_path / "a.plan"]), "markdown")
    assert "Initech \\| FY2027" in md


def test_html_escapes_what_plans_say(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.plan").write_text(FULL.replace("Acme Corp FY2027", "<b>Acme</b> & co"), encoding="utf-8")
    html = render(report_on([tmp_path / "a.plan"]), "html")
    assert "<b>Acme</b>" not in html and "&lt;b&gt;Acme&lt;/b&gt; &amp; co" in html
