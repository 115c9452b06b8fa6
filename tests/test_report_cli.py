"""`planlint report` on the command line: formats, output files, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from _planlint import run, run_process
from _report import FULL, THIN


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.plan").write_text(FULL, encoding="utf-8")
    (tmp_path / "plans" / "initech.plan").write_text(THIN, encoding="utf-8")
    return tmp_path


def test_writes_html_and_says_so(folder: Path) -> None:
    done = run("report", "plans", "-o", "out/report.html", "--as-of", "2027-02-01", cwd=folder)
    assert done.code == 0, done.err
    html = (folder / "out" / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Initech FY2027" in html
    assert "wrote out/report.html: 2 plans" in done.err
    assert not list((folder / "out").glob(".*.tmp"))  # written atomically, nothing left behind


def test_format_follows_the_suffix_unless_given(folder: Path) -> None:
    run("report", "plans", "-o", "r.md", "--as-of", "2027-02-01", cwd=folder)
    assert (folder / "r.md").read_text(encoding="utf-8").startswith("# Account plan review")
    done = run("report", "plans", "--format", "markdown", "--as-of", "2027-02-01", "--title", "Q1 review", cwd=folder)
    assert done.code == 0 and done.out.startswith("# Q1 review\n")
    assert run("report", "plans", "--as-of", "2027-02-01", cwd=folder).out.startswith("<!DOCTYPE html>")


def test_same_plans_same_bytes_and_timestamp_only_when_asked(folder: Path) -> None:
    first = run("report", "plans", "--as-of", "2027-02-01", cwd=folder).out
    assert first == run("report", "plans", "--as-of", "2027-02-01", cwd=folder).out
    stamped = run("report", "plans", "--as-of", "2027-02-01", "--timestamp", cwd=folder).out
    assert "generated 20" in stamped and "generated" not in first


def test_previous_report_must_be_a_report(folder: Path) -> None:
    (folder / "old.json").write_text('{"plans": 3}', encoding="utf-8")
    done = run("report", "plans", "--previous", "old.json", cwd=folder)
    assert done.code == 2
    assert "old.json: not a planlint report in JSON" in done.err and "Traceback" not in done.err
    missing = run("report", "plans", "--previous", "nope.json", cwd=folder)
    assert missing.code == 2 and "cannot read nope.json" in missing.err


def test_previous_report_gives_the_change(folder: Path) -> None:
    run("report", "plans", "-o", "last.json", "--as-of", "2027-02-01", cwd=folder)
    (folder / "plans" / "initech.plan").write_text(FULL.replace("Acme Corp", "Initech"), encoding="utf-8")
    md = run("report", "plans", "--format", "markdown", "--previous", "last.json", "--as-of", "2027-02-01", cwd=folder).out
    assert "since the report as of 2027-02-01" in md and "| +" in md


def test_bad_arguments_exit_2_with_a_message(folder: Path) -> None:
    missing = run("report", "nowhere", cwd=folder)
    assert missing.code == 2 and "no such file or folder: nowhere" in missing.err
    done = run_process("report", "plans", "--history", "-3", cwd=folder)
    assert done.code == 2 and "expected 0 or more commits" in done.err
    blocked = folder / "file"
    blocked.write_text("x", encoding="utf-8")
    unwritable = run("report", "plans", "-o", "file/report.html", cwd=folder)
    assert unwritable.code == 2 and "cannot write file/report.html" in unwritable.err


def test_a_portfolio_alone_brings_the_plans_it_names(folder: Path) -> None:
    from _report import PORTFOLIO

    (folder / "plans" / "portfolio.plan").write_text(PORTFOLIO, encoding="utf-8")
    done = run("report", "plans/portfolio.plan", "--format", "markdown", "--as-of", "2027-02-01", cwd=folder)
    assert done.code == 0, done.err
    assert "`plans/acme.plan`" in done.out and "`plans/initech.plan`" in done.out
    assert "missing or unreadable" not in done.out
    assert "| Hooli | D | low | low |" in done.out


def test_no_plan_files_is_a_usage_error(folder: Path) -> None:
    (folder / "empty").mkdir()
    done = run("report", "empty", cwd=folder)
    assert done.code == 2 and "no plan files (*.plan) in empty" in done.err


def test_markdown_shows_plan_text_as_written_never_as_markup(folder: Path) -> None:
    hostile = THIN.replace("Initech FY2027", "<img src=x onerror=alert(1)> *FY2027*", 1)
    (folder / "plans" / "initech.plan").write_text(hostile, encoding="utf-8")
    md = run("report", "plans", "--format", "markdown", "--as-of", "2027-02-01", cwd=folder).out
    assert "<img" not in md
    assert "&lt;img src=x onerror=alert(1)&gt; \\*FY2027\\*" in md


def test_markdown_escapes_finding_text_from_a_pack(folder: Path) -> None:
    """Issue 13 item 12: a pack's message, name and fix are untrusted text, escaped by the one escaper."""
    from _planlint import PACK

    hostile = (PACK.replace("message = \"objective '{name}' targets {value}; the floor is {expected}\"",
                            "message = \"[click](javascript:alert(1)) ![x](http://evil.example/p.png) <b>{name}</b>\"")
               .replace('fix = "Raise the target."', 'fix = "[fix](javascript:alert(2))"'))
    assert "javascript:alert(1)" in hostile
    (folder / "evil.toml").write_text(hostile, encoding="utf-8")
    (folder / "planlint.toml").write_text('select = ["ACME101"]\n', encoding="utf-8")
    done = run("report", "plans", "--pack", "evil.toml", "--format", "markdown", "--as-of", "2027-02-01", cwd=folder)
    assert done.code == 0, done.err
    md = done.out
    assert "ACME101" in md
    for raw in ("[click](javascript:", "![x](http", "<b>", "[fix](javascript:"):
        assert raw not in md, raw
    assert "\\[click\\](javascript:alert(1)) \\!\\[x\\](http://evil.example/p.png) &lt;b&gt;" in md
