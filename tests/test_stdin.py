"""`planlint check -` and `planlint format -`: an unsaved buffer from standard input.

``--stdin-filename`` names the file the buffer stands for: its configuration
(found by walking up from it, as for a file), its per-file settings and the
path shown in the output, so an editor's unsaved text gets exactly the
findings the saved file would.
"""

from __future__ import annotations

from pathlib import Path

from _planlint import PLAN, run_process, write
from test_formatter import CANONICAL, MESSY

ROOT = Path(__file__).resolve().parent.parent


def test_check_reads_standard_input_as_the_named_file_would_be_read() -> None:
    text = (ROOT / "samples" / "form.plan").read_text(encoding="utf-8")
    from_file = run_process("check", "samples/form.plan", cwd=ROOT)
    from_stdin = run_process("check", "-", "--stdin-filename", "samples/form.plan", cwd=ROOT, input=text)
    assert from_stdin.code == from_file.code == 1
    assert from_stdin.out == from_file.out  # same findings, same scores, same path: samples/planlint.toml found


def test_stdin_filename_selects_the_per_file_settings(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'select = ["PL302", "PL303"]\n[per-file-ignores]\n"legacy/**" = ["PL302"]\n')
    legacy = run_process("check", "-", "--stdin-filename", "legacy/unsaved.plan", "--format", "concise", cwd=tmp_path, input=PLAN)
    current = run_process("check", "-", "--stdin-filename", "current/unsaved.plan", "--format", "concise", cwd=tmp_path, input=PLAN)
    assert "current/unsaved.plan:7:7: error PL302" in current.out
    assert "PL302" not in legacy.out and "legacy/unsaved.plan:8:7: error PL303" in legacy.out


def test_without_a_filename_standard_input_is_shown_as_a_dash(tmp_path: Path) -> None:
    done = run_process("check", "-", "--format", "concise", cwd=tmp_path, input=PLAN)
    assert "-:7:7: error PL302" in done.out


def test_stdin_cannot_be_mixed_with_paths_and_the_filename_needs_it(tmp_path: Path) -> None:
    mixed = run_process("check", "-", "samples/", cwd=ROOT, input=PLAN)
    assert mixed.code == 2 and "cannot be combined" in mixed.err
    alone = run_process("format", "--stdin-filename", "x.plan", "samples/acme.plan", cwd=ROOT)
    assert alone.code == 2 and "--stdin-filename only applies" in alone.err


def test_format_reads_standard_input_and_writes_standard_output(tmp_path: Path) -> None:
    done = run_process("format", "-", "--stdin-filename", "acme.plan", cwd=tmp_path, input=MESSY)
    assert (done.code, done.out) == (0, CANONICAL)
    check = run_process("format", "-", "--check", cwd=tmp_path, input=MESSY)
    assert (check.code, check.out) == (1, "")
    diff = run_process("format", "-", "--diff", "--stdin-filename", "acme.plan", cwd=tmp_path, input=MESSY)
    assert diff.code == 1 and diff.out.startswith("--- acme.plan\n+++ acme.plan\n")


def test_format_of_unreadable_standard_input_reports_and_prints_nothing(tmp_path: Path) -> None:
    broken = (ROOT / "samples" / "broken.plan").read_text(encoding="utf-8")
    done = run_process("format", "-", "--stdin-filename", "draft.plan", cwd=tmp_path, input=broken)
    assert (done.code, done.out) == (1, "")
    assert "draft.plan:7:3: unknown keyword 'objectve'" in done.err
