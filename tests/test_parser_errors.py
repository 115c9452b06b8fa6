"""Errors a sales rep can act on: exact wording, positions, recovery, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.language.diagnostics import PlanSyntaxError
from planlint.language.parser import MAX_ERRORS, parse_file, parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def errors(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_text(text, "a.plan")
    return [(d.line, d.column, d.code, d.message) for d in caught.value.diagnostics]


def only(text: str) -> tuple[int, int, str, str]:
    found = errors(text)
    assert len(found) == 1, found
    return found[0]


def test_misspelt_keyword_gets_did_you_mean() -> None:
    assert only('plan "A" {\n  objectve revenue "X" { }\n}\n') == (
        2, 3, "PL001", "unknown keyword 'objectve' — did you mean 'objective'?")
    assert only('plann "A" { }') == (1, 1, "PL001", "unknown keyword 'plann' — did you mean 'plan'?")


def test_missing_date_after_by() -> None:
    line, column, code, message = only('plan "A" {\n  objective revenue "X" {\n    target $5k by soon\n  }\n}\n')
    assert (line, column, code) == (3, 19, "PL001")
    assert message == "expected a date like 2027-06-30 after 'by', not 'soon'"


def test_date_cut_short_before_closing_brace() -> None:
    assert only('plan "A" {\n  objective revenue "X" {\n    target $5k by\n  }\n}\n')[3] == (
        "expected a date like 2027-06-30 after 'by', not '}'")


def test_value_not_quoted() -> None:
    assert only('plan "A" {\n  account Acme\n}\n') == (
        2, 11, "PL001", "expected a quoted text like \"...\" after 'account', not 'Acme'")


def test_missing_to_in_period() -> None:
    assert only('plan "A" {\n  period 2027-01-01 2027-12-31\n}\n')[3] == (
        "expected 'to' after '2027-01-01', not '2027-12-31'")


def test_impossible_date_is_pl002() -> None:
    assert only('plan "A" {\n  reviewed 2027-02-30\n}\n') == (2, 12, "PL002", "2027-02-30 is not a real date")


def test_period_ending_before_it_starts() -> None:
    line, column, code, message = only('plan "A" {\n  period 2027-12-31 to 2027-01-01\n}\n')
    assert (line, column, code) == (2, 3, "PL002")
    assert "ends (2027-01-01) before it starts (2027-12-31)" in message


@pytest.mark.parametrize(("statement", "column", "expected"), [
    ("win_rate 250%", 23, "a win rate of 250% is not possible: it is the share of deals won, from 0% to 100%"),
    ("win_rate 100.5 %", 23, "a win rate of 100.5 % is not possible: it is the share of deals won, from 0% to 100%"),
    ("cycle 0 days", 20, "a sales cycle of 0 days is not possible: a deal takes at least a day to close"),
    ("cycle 0.2 days", 20, "a sales cycle of 0.2 days is not possible: a deal takes at least a day to close"),
    ("cycle 0", 20, "a sales cycle of 0 is not possible: a deal takes at least a day to close"),
    ("deals 2.5", 20, "2.5 is not a number of deals: count whole deals"),
])
def test_impossible_pipeline_numbers_are_pl002(statement: str, column: int, expected: str) -> None:
    assert only(f'plan "A" {{\n  owner "B"\n  pipeline {{ {statement} }}\n}}\n') == (3, column, "PL002", expected)


def test_pipeline_numbers_at_their_limits_are_valid() -> None:
    pipeline = parse_text('plan "A" {\n  pipeline { deals 0 win_rate 100% cycle 1 day }\n}\n').document.pipeline  # type: ignore[union-attr]
    assert pipeline is not None and (pipeline.deals, pipeline.win_rate.value, pipeline.cycle_days) == (0, 100.0, 1)  # type: ignore[union-attr]
    assert parse_text('plan "A" {\n  pipeline { win_rate 0% }\n}\n').document.pipeline.win_rate.value == 0  # type: ignore[union-attr]


def test_invalid_win_rate_is_reported_with_path_line_and_column(tmp_path: Path) -> None:
    plan = tmp_path / "vel.plan"
    plan.write_text('plan "A" {\n pipeline { deals 4 average $100k win_rate 250% cycle 60 days }\n}\n', encoding="utf-8")
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(plan)
    assert caught.value.diagnostics[0].render().splitlines()[0] == (
        f"{plan}:2:44: a win rate of 250% is not possible: it is the share of deals won, from 0% to 100%")


def test_a_period_of_one_quarter_is_not_backwards() -> None:
    assert parse_text('plan "A" {\n  period Q1 2027 to Q1 2027\n}\n').document.period is not None


@pytest.mark.parametrize(("body", "at", "word", "first"), [
    ('  owner "Jane"\n  owner "Bob"\n', (3, 3), "owner", 2),
    ('  account "A"\n  account "B"\n', (3, 3), "account", 2),
    ("  period 2027-01-01 to 2027-12-31\n  period 2027-01-01 to 2027-06-30\n", (3, 3), "period", 2),
    ("  cadence monthly\n  reviewed 2027-01-10\n  cadence weekly\n", (4, 3), "cadence", 2),
    ("  revenue current $1M\n  revenue current $2M, future high\n", (3, 11), "current", 2),
    ('  stakeholder "B" { role champion role blocker }\n', (2, 35), "role", 2),
    ('  stakeholder "B" {\n    title "CFO"\n    title "CEO"\n  }\n', (4, 5), "title", 3),
    ('  objective revenue "X" {\n    target $5k\n    target $6k by 2027-06-30\n  }\n', (4, 5), "target", 3),
    ('  objective revenue "X" { strategy "S" { action "Y" owner "A" owner "B" } }\n', (2, 63), "owner", 2),
    ('  objective revenue "X" { strategy "S" { action "Y" done status open } }\n', (2, 58), "status", 2),
    ("  pipeline { deals 3 cycle 30 days cycle 2 months }\n", (2, 36), "cycle", 2),
])
def test_a_repeated_single_valued_statement_is_an_invalid_value(body: str, at: tuple[int, int], word: str, first: int) -> None:
    assert only('plan "A" {\n' + body + "}\n") == (*at, "PL002", f"'{word}' is given twice (first on line {first})")


def test_repeatable_statements_are_not_repeats() -> None:
    plan = parse_text('plan "A" {\n  team "R"\n  team "S"\n  stakeholder "B" { }\n  stakeholder "C" { note "x" note "y" }\n'
                      '  objective revenue "X" { supports "a" supports "b" }\n}\n').document
    assert plan.team == ["R", "S"] and len(plan.stakeholders) == 2


def test_a_repeat_is_reported_with_path_line_and_column() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_text('plan "A" {\n  owner "Jane"\n  owner "Bob"\n}\n', "acme.plan")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.render().splitlines()[0] == "acme.plan:3:3: 'owner' is given twice (first on line 2)"


@pytest.mark.parametrize(("statement", "expected"), [
    ("role economic_buyr", "unknown role 'economic_buyr' — did you mean 'economic_buyer'?"),
    ("stance hostile", "unknown stance 'hostile' (use one of: supporter, neutral, opponent, unknown)"),
    ("influence hgh", "unknown influence 'hgh' — did you mean 'high'?"),
])
def test_unknown_enum_values_list_the_valid_ones(statement: str, expected: str) -> None:
    line, _, code, message = only(f'plan "A" {{\n  stakeholder "B" {{ {statement} }}\n}}\n')
    assert (line, code) == (2, "PL002") and message.startswith(expected)
    assert "use one of:" in message


def test_unknown_cadence_and_category() -> None:
    found = errors('plan "A" {\n  cadence montly\n  objective sales "X" { }\n}\n')
    assert [m for *_, m in found][0].startswith("unknown cadence 'montly' — did you mean 'monthly'?")
    assert found[1][:3] == (3, 13, "PL002") and "unknown objective category 'sales'" in found[1][3]


def test_unterminated_string() -> None:
    assert only('plan "A" {\n  account "Acme\n}\n') == (
        2, 11, "PL001", "this text is missing its closing quote '\"' (a text must end on the same line)")


def test_unclosed_block_at_end_of_file_names_the_block() -> None:
    assert only('plan "A" {\n  owner "B"\n  pipeline {\n    deals 3\n}\n') == (
        3, 12, "PL001", "the block 'pipeline {' is never closed: add a '}' where it ends")


def test_unclosed_block_in_the_middle_is_found_by_indentation() -> None:
    found = errors('plan "A" {\n  stakeholder "B" {\n    role champion\n  stakeholder "C" {\n    role usr\n  }\n}\n')
    assert found[0] == (2, 19, "PL001", "the block 'stakeholder \"B\" {' is never closed: add a '}' where it ends")
    assert found[1][:3] == (5, 10, "PL002")  # parsing went on past the missing brace


def test_extra_closing_brace() -> None:
    assert only('plan "A" {\n  owner "x" }\n}\n') == (3, 1, "PL001", "there is one '}' too many here: it closes no block")


def test_several_errors_in_one_file_are_all_reported() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(SAMPLES / "broken.plan")
    messages = [d.message for d in caught.value.diagnostics]
    assert len(messages) >= 5
    assert messages[0] == "unknown keyword 'objectve' — did you mean 'objective'?"
    assert any("not a real date" in m for m in messages)
    assert any("is never closed" in m for m in messages)
    assert any(m.startswith("expected a date like 2027-06-30 after 'by'") for m in messages)


def test_errors_are_capped() -> None:
    body = "".join(f'  reviewed 2027-02-{30 + i % 2}\n' for i in range(50))
    assert len(errors('plan "A" {\n' + body + "}\n")) == MAX_ERRORS


def test_render_shows_line_and_caret() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_text('plan "A" {\n  reviewed 2027-02-30\n}\n', "acme.plan")
    assert caught.value.diagnostics[0].render() == (
        "acme.plan:2:12: 2027-02-30 is not a real date\n"
        "      reviewed 2027-02-30\n"
        "               ^^^^^^^^^^")


def test_empty_and_whitespace_only_files() -> None:
    for text in ("", "   \n\t\n", "\ufeff"):
        assert only(text) == (1, 1, "PL001", 'the file is empty: a plan starts with  plan "Name" { ... }')


def test_comment_only_file_says_what_is_expected() -> None:
    line, _, code, message = only("# just a comment\n")
    assert code == "PL001" and "'plan' or 'portfolio'" in message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.plan"
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "PL003" and diagnostic.message == f"cannot read {path}: no such file"


def test_not_utf8_names_the_byte_and_place(tmp_path: Path) -> None:
    path = tmp_path / "latin.plan"
    path.write_bytes(b'plan "A" {\n  account "Caf\xe9"\n}\n')
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PL003", 2, 15)
    assert diagnostic.message.startswith("the file is not UTF-8 text: byte 0xe9 at line 2, column 15")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.plan"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "PL003" and "binary file" in diagnostic.message


def test_directory_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_file(tmp_path)
    assert caught.value.diagnostics[0].code == "PL003"


def test_deep_nesting_is_a_clean_error() -> None:
    for text in ('plan "x" {' + "research {" * 20000 + "}" * 20001,
                 'plan "x" {' + "{" * 50000,
                 "}" * 50000):
        with pytest.raises(PlanSyntaxError) as caught:
            parse_text(text)
        assert 1 <= len(caught.value.diagnostics) <= MAX_ERRORS


# --------------------------------------------------------------------------- recovery and wording details


STAKEHOLDERS = (
    'plan "A" {\n'
    '  stakeholder "Mary Chen" {\n'
    '    title "CFO"\n'
    "    role economic_buyer\n"
    "  }\n"
    '  stakeholder "David Park" {\n'
    "    role decision_maker\n"
    "  }\n"
    "}\n"
)


def test_missing_opening_brace_is_one_error_not_one_per_line() -> None:
    text = STAKEHOLDERS.replace('"Mary Chen" {', '"Mary Chen"')
    assert only(text) == (3, 5, "PL001", "expected '{' after '\"Mary Chen\"', not 'title'")


def test_missing_closing_brace_in_the_middle_is_one_error() -> None:
    text = STAKEHOLDERS.replace("    role economic_buyer\n  }\n", "    role economic_buyer\n\n")
    assert only(text) == (2, 27, "PL001", "the block 'stakeholder \"Mary Chen\" {' is never closed: add a '}' where it ends")


def test_later_errors_keep_their_lines_after_a_block_is_mended() -> None:
    text = STAKEHOLDERS.replace("    role economic_buyer\n  }\n", "    role economic_buyer\n") + ""
    text = text.replace("role decision_maker", "role decision_makr")
    found = errors(text)
    assert found[-1][:3] == (6, 10, "PL002") and "decision_makr" in found[-1][3]


def test_sentence_words_are_offered_for_the_block_they_belong_to() -> None:
    assert only('plan "A" {\n  stakeholder "B" {\n    not "x"\n  }\n}\n')[3] == "unknown keyword 'not' — did you mean 'note'?"
    message = only('plan "A" {\n  stakeholder "B" {\n    role champion champion\n  }\n}\n')[3]
    assert message == "unknown keyword 'champion' here; expected a keyword such as influence, last_contact, note, owner, reports_to, role, stance, title or '}'"


def test_a_missing_word_lists_the_words_allowed_there() -> None:
    assert only('plan "A" {\n  objective "X" { }\n}\n')[3] == (
        "expected an objective category (revenue, business_development, marketing, relationship, partnering, "
        "research, customer_success) after 'objective', not '\"X\"'")
    assert only('plan "A" {\n  cadence\n}\n')[3].startswith("expected a cadence (weekly, biweekly, monthly,")


@pytest.mark.parametrize("quoted", ["'Acme'", "\u201cAcme\u201d"])
def test_single_and_curly_quotes_are_explained(quoted: str) -> None:
    line, column, code, message = only(f'plan "A" {{\n  account {quoted}\n}}\n')
    assert (line, column, code) == (2, 11, "PL001")
    assert message.startswith('write texts between straight double quotes "...", not ')


def test_comment_after_a_header_is_not_quoted_as_the_previous_word() -> None:
    text = STAKEHOLDERS.replace('"Mary Chen" {', '"Mary Chen"  # the CFO {')
    assert only(text)[3] == "expected '{' after '\"Mary Chen\"', not 'title'"
