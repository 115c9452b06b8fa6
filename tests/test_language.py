"""The constructs of issue 15, read the way a rep writes them: what the model holds, and the errors for bad values.

Old plans must read exactly as before; the golden corpus (tests/golden) holds
that. These tests hold the new constructs: each is parsed from plan text
and checked in the model the rules see.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planlint.language.diagnostics import PlanSyntaxError
from planlint.model import Count, Money, Percent, Plan
from planlint.language.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent


def plan_of(body: str) -> Plan:
    document = parse_text('plan "P" {\n' + body + "\n}\n").document
    assert isinstance(document, Plan)
    return document


def errors_of(body: str) -> list[str]:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_text('plan "P" {\n' + body + "\n}\n")
    return [f"{d.code} {d.line}:{d.column} {d.message}" for d in caught.value.diagnostics]


def test_named_opportunities_sit_in_the_pipeline_with_every_field() -> None:
    plan = plan_of('''pipeline {
  win_rate 35%
  opportunity "EHR renewal, Royal Infirmary" {
    unit "Royal Infirmary"
    stage negotiation
    amount $2.4M
    close 2027-06-30
    probability 70%
    objective "Renew the EHR contract"
  }
  opportunity "Pharmacy module" { stage won amount $300k }
}''')
    assert plan.pipeline is not None
    first, second = plan.pipeline.opportunities
    assert (first.name, first.units[0].text, first.stage.value if first.stage else None) == (
        "EHR renewal, Royal Infirmary", "Royal Infirmary", "negotiation")
    assert first.amount == Money(amount=2_400_000, currency="USD", text="$2.4M", span=first.amount.span)
    assert first.close and first.close.date == dt.date(2027, 6, 30)
    assert first.probability and first.probability.value == 70
    assert first.objective == "Renew the EHR contract" and first.objective_span and first.objective_span.line == 10
    assert [o.name for o in plan.pipeline.open_opportunities()] == ["EHR renewal, Royal Infirmary"]
    assert not second.open


def test_an_impossible_probability_or_stage_is_a_value_problem() -> None:
    assert errors_of('pipeline { opportunity "X" { probability 140% } }') == [
        "PL002 2:42 a probability of 140% is not possible: a deal's chance of closing is from 0% to 100%"]
    assert errors_of('pipeline { opportunity "X" { stage negotation } }') == [
        "PL002 2:36 unknown stage 'negotation' — did you mean 'negotiation'? "
        "(use one of: lead, qualified, proposal, negotiation, commit, won, lost)"]


def test_an_objective_may_name_several_units() -> None:
    objective = plan_of('objective revenue "Renew and expand" { unit "Flagship", "Regional sites" }').objectives[0]
    assert objective.unit == "Flagship"
    assert [t.text for t in objective.more_units] == ["Regional sites"]
    assert objective.unit_names() == ["Flagship", "Regional sites"]


def test_a_target_may_start_from_a_baseline_or_a_stance() -> None:
    share, sites, stance = plan_of('''objective customer_success "Adoption" { target from 66% to 74% by 2027-09-30 }
objective business_development "Sites" { target from 3 to 8 sites by 2027-12-31 }
objective relationship "CMO" { target from opponent to neutral by 2027-06-30 }''').objectives
    assert share.target and isinstance(share.target.baseline, Percent) and isinstance(share.target.value, Percent)
    assert (share.target.baseline.value, share.target.value.value) == (66, 74)
    assert sites.target and isinstance(sites.target.value, Count) and sites.target.value.unit == "sites"
    assert stance.target and (stance.target.from_stance, stance.target.to_stance) == ("opponent", "neutral")


def test_a_baseline_in_other_terms_than_its_target_is_a_value_problem() -> None:
    assert errors_of('objective revenue "X" { target from 40% to $5M by 2027-06-30 }') == [
        "PL002 2:32 the baseline 40% is a percentage but the target $5M is money in USD: write both in the same terms"]
    assert errors_of('objective revenue "X" { target from 3 to supporter }')[0].endswith(
        "write a change as two numbers (from 3 to 8 sites) or two stances (from opponent to supporter)")


def test_quarters_follow_the_customers_fiscal_year_named_by_the_year_it_ends_in() -> None:
    plan = plan_of('''fiscal_year_start July
period Q1 2027 to Q4 2027
objective revenue "X" { target $1M by Q3 2027 }''')
    assert plan.fiscal_year_start == 7
    assert plan.period and (plan.period.start, plan.period.end) == (dt.date(2026, 7, 1), dt.date(2027, 6, 30))
    assert plan.period.shown() == "2026-07-01 to 2027-06-30 (fiscal quarters)"
    by = plan.objectives[0].target.by  # type: ignore[union-attr]
    assert by and by.date == dt.date(2027, 3, 31) and by.shown() == "Q3 2027 (fiscal quarter ending 2027-03-31)"


def test_without_a_fiscal_year_quarters_stay_calendar_quarters_and_print_as_written() -> None:
    plan = plan_of('period Q1 2027 to Q4 2027\nobjective revenue "X" { target $1M by Q3 2027 }')
    assert plan.period and (plan.period.start, plan.period.end, plan.period.fiscal) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31), False)
    assert plan.objectives[0].target.by.shown() == "Q3 2027"  # type: ignore[union-attr]


def test_a_fiscal_year_start_takes_month_names_and_their_abbreviations() -> None:
    assert plan_of("fiscal_year_start Apr").fiscal_year_start == 4
    assert errors_of("fiscal_year_start Juli")[0].startswith("PL002 2:19 unknown month 'Juli' — did you mean 'july'?")


def test_revenue_figures_carry_kinds_and_a_horizon_and_add_up_from_parts() -> None:
    plan = plan_of("revenue current $900k recurring renewal, current $300k one_off, future $3.5M new_business by 2029-06-30")
    current, future = plan.current_revenue, plan.future_revenue
    assert current and current.amount and current.amount.amount == 1_200_000
    assert [[k.value for k in part.kinds] for part in current.parts] == [["recurring", "renewal"], ["one_off"]]
    assert future and future.horizon and future.horizon.date == dt.date(2029, 6, 30)


def test_a_repeated_figure_without_kinds_is_still_given_twice() -> None:
    assert errors_of("revenue current $1M, current $2M") == ["PL002 2:22 'current' is given twice (first on line 2)"]
    assert errors_of("revenue current $1M recurring one_off")[0].endswith(
        "a revenue figure is recurring or one_off, not both: split it in two parts")


def test_risks_win_themes_and_parties_are_blocks_of_their_own() -> None:
    plan = plan_of('''risk "Globex undercuts on price" {
  impact high
  likelihood medium
  owner "Jane Doe"
  mitigation "Share the TCO study with procurement" owner "Raj Patel" due 2027-03-15
}
win_theme "Two EHR consolidations in NHS trusts" {
  owner "Jane Doe"
  proof "Initech: three EHRs into one in 14 months" source crm
}
party works_council "Nurses' council" { influence high stance neutral owner "Jane Doe" note "Approves rota changes" }''')
    risk, = plan.risks
    assert risk.high and risk.owner == "Jane Doe" and risk.mitigations[0].owner == "Raj Patel"
    theme, = plan.win_themes
    assert theme.owner == "Jane Doe" and theme.proofs[0].source == "crm"
    party, = plan.parties
    assert (party.kind, party.influence, party.notes[0].text) == ("works_council", "high", "Approves rota changes")


def test_the_org_chart_reporting_lines_and_last_contact() -> None:
    mary = plan_of('stakeholder "Mary Chen" { reports_to "Tom Hart" last_contact 2027-01-20 }').stakeholders[0]
    assert mary.reports_to == "Tom Hart" and mary.reports_to_span and mary.reports_to_span.column == 38
    assert mary.last_contact and mary.last_contact.date == dt.date(2027, 1, 20)


def test_customer_actions_recurring_actions_and_experiments() -> None:
    strategy = plan_of('''objective revenue "X" {
  strategy "Ward champions" {
    experiment finished "Wards with a champion adopt faster"
    result "Pilot wards reached 78%"
    learned "Champions matter more than training"
    action "Adoption review" owner "Raj Patel" repeats monthly
    customer_action "CFO and CNO review the business case" owner "Mary Chen" due 2027-03-15
  }
}''').objectives[0].strategies[0]
    ours, theirs = strategy.actions
    assert (ours.customer, ours.repeats, ours.due) == (False, "monthly", None)
    assert theirs.customer and theirs.owner == "Mary Chen"
    experiment = strategy.experiment
    assert experiment and experiment.finished and experiment.learned == "Champions matter more than training"


def test_a_result_outside_an_experiment_is_a_value_problem() -> None:
    assert errors_of('objective revenue "X" { strategy "S" { learned "L" } }') == [
        "PL002 2:48 'learned' belongs to an experiment: add experiment \"what you expect to happen\" to this strategy"]


def test_competitors_say_where_they_play() -> None:
    competitor = plan_of('research { competitor "Globex" { position incumbent unit "Cardiology", "Radiology" } }').research
    assert competitor and [t.text for t in competitor.competitors[0].units] == ["Cardiology", "Radiology"]


def test_milestones_and_progress_readings_on_an_objective() -> None:
    objective = plan_of('''objective customer_success "Adoption" {
  target from 66% to 74% by 2027-09-30
  milestone 70% by 2027-03-31
  progress 67% on 2027-01-31
}''').objectives[0]
    assert objective.milestones[0].by.date == dt.date(2027, 3, 31) and objective.progress[0].on.date == dt.date(2027, 1, 31)
    assert errors_of('objective revenue "X" { target $1M by 2027-06-30 progress 40% on 2027-01-31 }') == [
        "PL002 2:59 40% is a percentage but the target $1M is money in USD: write both in the same terms"]


@pytest.mark.parametrize("body,message", [
    ('risk "R" { impakt high }', "unknown keyword 'impakt' — did you mean 'impact'?"),
    ('objective revenue "X" { mileston 3 by 2027-01-01 }', "unknown keyword 'mileston' — did you mean 'milestone'?"),
    ('pipeline { opportunity "X" { stge won } }', "unknown keyword 'stge' — did you mean 'stage'?"),
    ('stakeholder "M" { reports_too "T" }', "unknown keyword 'reports_too' — did you mean 'reports_to'?"),
    ('objective revenue "X" { strategy "S" { action "A" repeat monthly } }', "unknown keyword 'repeat' — did you mean 'repeats'?"),
    ('party "Council" { }', "expected a kind of party (partner, regulator, works_council, union, board, payer, consultant, "
                            "supplier, other) and then its name in quotes after 'party', not '\"Council\"'"),
    ("fiscal_year_start 7", "expected a month (january, february, march, april, may, june, july, august, september, "
                            "october, november, december) after 'fiscal_year_start', not '7'"),
])
def test_syntax_errors_in_new_constructs_are_worded_like_the_old_ones(body: str, message: str) -> None:
    assert [text.split(" ", 2)[2] for text in errors_of(body)] == [message]


def test_old_plans_print_no_new_fields() -> None:
    """`planlint parse` of a plan using none of the new constructs shows none of their (empty) fields."""
    dumped = json.loads(parse_text((ROOT / "samples" / "acme.plan").read_text(encoding="utf-8")).model_dump_json())
    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(dumped)
    new = {"opportunities", "baseline", "fiscal", "fiscal_start", "fiscal_year_start", "parties", "risks", "win_themes",
           "more_units", "milestones", "progress", "repeats", "reports_to", "last_contact", "experiment", "kinds", "horizon",
           "parts", "from_stance", "to_stance"}
    assert "customer" in keys and "objectives" in keys  # the walk sees the document
    assert keys & new == set()


def test_the_plan_schema_in_docs_is_current() -> None:
    from planlint.model import PlanFile

    stored = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    assert stored == PlanFile.model_json_schema(), "docs/plan.schema.json is stale: run `planlint schema > docs/plan.schema.json`"


def test_each_parse_keeps_its_own_problems_when_threads_parse_at_once() -> None:
    """The builder's log is per parse and per thread (no module-level state): no problem leaks into another plan."""
    from concurrent.futures import ThreadPoolExecutor

    def bad_value(index: int) -> list[str]:
        try:
            parse_text(f'plan "P{index}" {{\n  cadence weekly{"x" * (index % 5 + 1)}\n  reviewed 2027-02-{30 + index % 2}\n}}\n')
        except PlanSyntaxError as error:
            return [d.message for d in error.diagnostics]
        return []

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(bad_value, range(40)))
    for index, messages in enumerate(results):
        assert len(messages) == 2, messages
        assert f"'weekly{'x' * (index % 5 + 1)}'" in messages[0]
        assert messages[1] == f"2027-02-{30 + index % 2} is not a real date"
