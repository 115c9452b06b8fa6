"""Research rules (PL101-PL108): the Three Cs, drivers, sources, open questions."""

from __future__ import annotations

import pytest

from _rules import GOOD, change, lint, messages, rule

from planlint.api.text import is_category

REFERENCE = '      reference "Massive Dynamic cut claims cost 12% with us in 2025"\n'


def test_the_complete_plan_passes_every_research_rule() -> None:
    result = lint(GOOD, select=["PL1"])
    assert result.categories["research"] == 100.0
    assert result.failing() == []


def test_placeholder_facts_do_not_count_as_customer_research() -> None:
    text = change('      fact "Budget for the intake platform approved in January" source crm\n', "")
    text = change('      goal "Cut claims processing cost by 15% before 2028" source "2026 annual report"\n',
                  '      goal "TBD"\n', text)
    text = change('      pressure "Regulator fines for late claims doubled in 2026" source external\n', '      pressure "Growth"\n', text)
    result = lint(text, select=["PL101"])
    assert messages(result, "PL101") == [
        "customer research has 2 specific line(s) of 4; write at least 3 (a figure, a date or a name in each)"]


def test_a_pasted_sentence_counts_in_neither_place() -> None:
    text = change('      obstacle "Claims IT team lost two architects this year" source account_team\n',
                  '      obstacle "Move claims intake to one platform by Q4 2027"\n')
    text = change('      fact "Budget for the intake platform approved in January" source crm\n', "", text)
    text = change('      pressure "Regulator fines for late claims doubled in 2026" source external\n', "", text)
    # The goal pasted as an obstacle is written once and researched nowhere: only the third line counts.
    assert messages(lint(text, select=["PL101"]), "PL101") == [
        "customer research has 1 specific line(s) of 3; write at least 3 (a figure, a date or a name in each)"]


GENERIC = (  # lines that fit any account with its name swapped in: no figure, no date, no name
    "Umbrella wants to grow its business and improve profitability over the coming years",
    "Like everyone in the industry they face strong competitive pressure and rising costs",
    "They are working on modernising their operations and using technology better",
    "The relationship with the key contacts is positive and constructive",
)


def test_customer_research_that_would_fit_any_account_does_not_meet_the_customer_pillar() -> None:
    research = "".join(f'      fact "{line}" source account_team\n' for line in GENERIC)
    start, end = GOOD.index("    customer {\n") + len("    customer {\n"), GOOD.index("    }\n    competitor")
    text = GOOD[:start] + research + GOOD[end:]
    result = lint(text, select=["PL101"])
    assert messages(result, "PL101") == [
        "customer research has 0 specific line(s) of 4; write at least 3 (a figure, a date or a name in each)"]
    assert {e.pillar: e.state for e in lint(text).essentials}["customer"] == "failed"


@pytest.mark.parametrize("line", [
    "Their last payroll project overran by nine months",  # a figure in words
    "Procurement moved under the CFO after the merger",  # a role's acronym
    "The works council must approve any new rostering tool",  # no capital, no figure...
])
def test_a_line_with_a_figure_a_date_or_a_name_is_specific(line: str) -> None:
    from planlint.api.text import is_specific

    assert is_specific(line) is (line != "The works council must approve any new rostering tool")
    assert is_specific("Umbrella wants to grow", frozenset({"umbrella", "health"})) is False  # the account's own name
    assert is_specific("Growth at Umbrella stalled", frozenset({"umbrella"})) is False
    assert is_specific("Growth at Umbrella stalled", frozenset()) is True


def test_a_competitor_needs_a_strength_and_a_weakness() -> None:
    text = change('      weakness "No claims-specific workflow module"\n', "")
    assert messages(lint(text, select=["PL102"]), "PL102") == ["competitor 'Hooli Cloud' has no weakness"]


def test_a_competitor_that_names_no_one_is_not_competitor_research() -> None:
    text = change('competitor "Hooli Cloud"', 'competitor "Main competitor"')
    assert messages(lint(text, select=["PL102"]), "PL102") == [
        "competitor 'Main competitor' names no one: write the competitor's name"]


@pytest.mark.parametrize("name", ["Local IT providers", "Global SIs", "OEM fleet suppliers", "Offshore integrators"])
def test_a_kind_of_competitor_is_not_a_competitor(name: str) -> None:
    text = change('competitor "Hooli Cloud"', f'competitor "{name}"')
    assert messages(lint(text, select=["PL102"]), "PL102") == [
        f"competitor '{name}' is a kind of competitor, not one: name the firms you meet in this account"]


@pytest.mark.parametrize("name", ["Hooli Cloud", "Capita Business Services", "Kinetic Partners", "Tata Consultancy Services",
                                  "Initech Systems Integrators", "EY"])
def test_a_named_competitor_is_not_a_kind(name: str) -> None:
    assert not is_category(name)


def test_no_competitor_needs_a_reason_not_na() -> None:
    block = '    competitor "Hooli Cloud" {\n      strength "Runs the customer\'s email and collaboration suite"\n      weakness "No claims-specific workflow module"\n    }\n'
    reasoned = change(block, '    no_competitor "Sole-source framework agreement signed in 2025 runs until 2029"\n')
    assert lint(reasoned, select=["PL102"]).failing() == []
    lazy = change(block, '    no_competitor "N/A"\n')
    assert messages(lint(lazy, select=["PL102"]), "PL102") == [
        'no_competitor needs a reason of at least 5 words, not "N/A"']


def test_company_research_ignores_boilerplate() -> None:
    text = change(REFERENCE, '      reference "World-class service from a trusted advisor"\n')
    assert messages(lint(text, select=["PL103"]), "PL103") == ["company research has 1 substantive line(s); write at least 2"]


def test_each_business_driver_counts_separately() -> None:
    text = change('      obstacle "Claims IT team lost two architects this year" source account_team\n', "")
    text = change('      pressure "Regulator fines for late claims doubled in 2026" source external\n', "", text)
    result = lint(text, select=["PL104"])
    assert (rule(result, "PL104").passed, rule(result, "PL104").total) == (2, 4)
    assert messages(result, "PL104") == [
        'no customer pressure: add `pressure "..."` to the customer research',
        'no customer obstacle: add `obstacle "..."` to the customer research',
    ]


def test_facts_name_their_source_with_partial_credit() -> None:
    text = change(' source crm\n', "\n")
    result = lint(text, select=["PL105"])
    assert (rule(result, "PL105").passed, rule(result, "PL105").total) == (4, 5)
    assert messages(result, "PL105") == ['fact "Budget for the intake platform approved in January" names no source']


def test_research_from_one_kind_of_source_is_flagged() -> None:
    text = GOOD
    for source in (' source "2026 annual report"', " source external", " source customer", " source account_team"):
        text = change(source + "\n", " source crm\n", text)
    assert messages(lint(text, select=["PL106"]), "PL106") == [
        "research uses 1 kind(s) of source (crm); integrate at least 2"]


def test_open_questions_must_exist_and_say_whom_to_ask() -> None:
    question = '      question "Who signs off the platform vendor shortlist?" ask "Nora Vance"\n'
    assert messages(lint(change(question, ""), select=["PL107"]), "PL107") == [
        "no open question: list what you still need to find out, and from whom"]
    unasked = change(question, '      question "Who signs off the platform vendor shortlist?"\n')
    assert messages(lint(unasked, select=["PL108"]), "PL108") == [
        'question "Who signs off the platform vendor shortlist?" says neither whom to ask nor how to find out']
    with_how = change(question, '      question "What did the 2024 pilot cost?" how "Read the 2024 capex note"\n')
    assert lint(with_how, select=["PL107", "PL108"]).failing() == []
