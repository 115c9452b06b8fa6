"""Focus rules (PL171-PL174): units, white space, an objective per kind of opportunity."""

from __future__ import annotations

from _rules import GOOD, change, lint, messages

UNIT = '  unit "Claims" {\n    current "Intake platform"\n    potential "Fraud analytics"\n    white_space "Customer portal"\n  }\n'


def test_the_complete_plan_passes_every_focus_rule() -> None:
    assert lint(GOOD, select=["PL17"]).failing() == []


def test_no_unit_and_a_whole_account_unit_are_both_flagged() -> None:
    assert messages(lint(change(UNIT, ""), select=["PL171"]), "PL171") == [
        "the plan names no unit (division or business unit) in scope"]
    whole = change('  unit "Claims" {', '  unit "All divisions" {')
    assert messages(lint(whole, select=["PL171"]), "PL171") == [
        'no real unit: name the divisions in scope, not "All divisions" or a placeholder']


def test_white_space_must_be_real() -> None:
    text = change('white_space "Customer portal"', 'white_space "TBD"')
    assert messages(lint(text, select=["PL172"]), "PL172") == ["no white space identified in any unit"]


def test_a_unit_with_current_opportunities_needs_a_revenue_objective_for_it() -> None:
    text = change('    unit "Claims"\n    strategy "Prove the cost case', '    unit "Logistics"\n    strategy "Prove the cost case')
    assert messages(lint(text, select=["PL173"]), "PL173") == [
        "unit 'Claims' has current opportunities but no revenue objective"]


def test_a_unit_with_potential_opportunities_needs_a_business_development_objective() -> None:
    text = change("objective business_development", "objective marketing")
    assert messages(lint(text, select=["PL174"]), "PL174") == [
        "unit 'Claims' has potential opportunities but no business-development objective"]


def test_an_objective_names_its_unit_in_the_title_when_it_has_no_unit_line() -> None:
    text = change('    supports "Cut claims processing cost by 15% before 2028"\n    unit "Claims"\n',
                  '    supports "Cut claims processing cost by 15% before 2028"\n')
    assert lint(text, select=["PL174"]).failing() == []  # "Qualify fraud analytics in Claims"
