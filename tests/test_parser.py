"""The plan language, construct by construct: every model field is filled from source.

Each test parses a small plan and checks the model the rules will see, so a
change to the grammar that silently drops a field fails here first.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from _planlint import run, write

from planlint.model import (
    ActionStatus,
    Cadence,
    CompetitorPosition,
    Count,
    Level,
    Money,
    ObjectiveCategory,
    Percent,
    Plan,
    Portfolio,
    Role,
    Source,
    Span,
    Stance,
)
from planlint.language.parser import parse_file, parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def plan_of(body: str) -> Plan:
    """Parse ``body`` inside a minimal plan and return the plan."""
    document = parse_text('plan "P" {\n' + body + "\n}\n").document
    assert isinstance(document, Plan)
    return document


# --------------------------------------------------------------------------- plan header


def test_header_fields() -> None:
    plan = plan_of(
        '  account "Acme Corp"\n'
        '  owner "Jane Doe"\n'
        '  team "Raj Patel", "Li Wei"\n'
        '  team "Sam Okafor"\n'
        "  period 2027-01-01 to 2027-12-31\n"
        "  cadence monthly\n"
        "  reviewed 2027-01-10\n"
    )
    assert plan.name == "P"
    assert plan.account == "Acme Corp"
    assert plan.owner == "Jane Doe"
    assert plan.team == ["Raj Patel", "Li Wei", "Sam Okafor"]
    assert plan.period is not None
    assert (plan.period.start, plan.period.end) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert plan.cadence is Cadence.monthly
    assert plan.reviewed is not None and plan.reviewed.date == dt.date(2027, 1, 10)
    assert plan.reviewed.text == "2027-01-10"


def test_team_commas_are_optional() -> None:
    assert plan_of('team "A" "B", "C"').team == ["A", "B", "C"]


def test_statements_may_share_a_line_or_span_lines() -> None:
    plan = plan_of('account "A" owner "B"\n  period 2027-01-01\n    to 2027-06-30')
    assert (plan.account, plan.owner) == ("A", "B")
    assert plan.period is not None and plan.period.end == dt.date(2027, 6, 30)


@pytest.mark.parametrize("cadence", [c.value for c in Cadence])
def test_every_cadence(cadence: str) -> None:
    assert plan_of(f"cadence {cadence}").cadence == Cadence(cadence)


@pytest.mark.parametrize(("period", "start", "end"), [
    ("Q1 2027 to Q4 2027", dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
    ("Q2 2027 to Q2 2027", dt.date(2027, 4, 1), dt.date(2027, 6, 30)),
    ("Q4 2026 to 2027-03-15", dt.date(2026, 10, 1), dt.date(2027, 3, 15)),
    ("2027-02-01 to Q1 2027", dt.date(2027, 2, 1), dt.date(2027, 3, 31)),
])
def test_a_quarter_starts_a_period_on_its_first_day_and_ends_it_on_its_last(period: str, start: dt.date, end: dt.date) -> None:
    plan = plan_of(f"period {period}")
    assert plan.period is not None and (plan.period.start, plan.period.end) == (start, end)


def test_planlint_parse_shows_a_quarter_period_and_the_text_spans(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", 'plan "P" {\n  account "Acme"\n  team "A", "B"\n  period Q1 2027 to Q4 2027\n}\n')
    result = run("parse", "a.plan", "--format", "json", cwd=tmp_path)
    plan = json.loads(result.out)["document"]
    assert (plan["period"]["start"], plan["period"]["end"]) == ("2027-01-01", "2027-12-31")
    assert plan["account_span"] == {"line": 2, "column": 11, "end_line": 2, "end_column": 17}
    assert [span["column"] for span in plan["team_spans"]] == [8, 13]
    schema = json.loads(run("schema", cwd=tmp_path).out)["$defs"]
    assert {"account_span", "owner_span", "team_spans"} <= set(schema["Plan"]["properties"])
    assert {"title_span", "owner_span"} <= set(schema["Stakeholder"]["properties"])


def test_reviewed_as_quarter() -> None:
    reviewed = plan_of("reviewed Q1 2027").reviewed
    assert reviewed is not None and reviewed.date == dt.date(2027, 3, 31)
    assert reviewed.quarter is not None and (reviewed.quarter.year, reviewed.quarter.quarter) == (2027, 1)


@pytest.mark.parametrize(
    ("source", "current", "future"),
    [
        ("revenue current $1.2M, future high", (1_200_000.0, None), (None, Level.high)),
        ("revenue current $1.2M high future $3M low", (1_200_000.0, Level.high), (3_000_000.0, Level.low)),
        ("revenue future medium", None, (None, Level.medium)),
        ("revenue current low", (None, Level.low), None),
    ],
)
def test_revenue_amount_and_or_level(source: str, current: tuple | None, future: tuple | None) -> None:
    plan = plan_of(source)
    for figure, want in ((plan.current_revenue, current), (plan.future_revenue, future)):
        if want is None:
            assert figure is None
            continue
        assert figure is not None
        assert (figure.amount.amount if figure.amount else None, figure.level) == want


# --------------------------------------------------------------------------- research

RESEARCH = """
  research {
    customer {
      goal "Cut cost 10%" source "FY2026 annual report"
      pressure "Low-cost entrants" source external
      initiative "ERP consolidation" source customer
      obstacle "No integration team" source account_team
      fact "Budget frozen until April" source crm
      fact "No source given"
      question "Who owns the budget?" ask "Mary Chen" how "Ask at the QBR"
      question "Which plant is next?"
    }
    competitor "Globex" {
      position incumbent
      strength "Installed in two divisions"
      weakness "Slow support" source customer
      fact "Contract ends 2027"
    }
    competitor "In-house IT" { position internal }
    no_competitor "Sole-source framework agreement until 2028"
    company {
      strength "Two ERP references"
      reference "Initech migration" source customer
      differentiator "Fixed-price integration"
    }
  }
"""


def test_customer_research() -> None:
    research = plan_of(RESEARCH).research
    assert research is not None and research.customer is not None
    customer = research.customer
    assert [s.text for s in customer.goals] == ["Cut cost 10%"]
    assert customer.goals[0].kind == "goal"
    assert customer.goals[0].source is None and customer.goals[0].source_text == "FY2026 annual report"
    assert customer.pressures[0].source is Source.external
    assert customer.initiatives[0].source is Source.customer
    assert customer.obstacles[0].source is Source.account_team
    assert [(f.text, f.source) for f in customer.facts] == [("Budget frozen until April", Source.crm), ("No source given", None)]
    first, second = customer.questions
    assert (first.text, first.ask, first.how) == ("Who owns the budget?", "Mary Chen", "Ask at the QBR")
    assert (second.text, second.ask, second.how) == ("Which plant is next?", None, None)


def test_competitor_and_company_research() -> None:
    research = plan_of(RESEARCH).research
    assert research is not None
    globex, in_house = research.competitors
    assert globex.name == "Globex" and globex.position is CompetitorPosition.incumbent
    assert [s.text for s in globex.strengths] == ["Installed in two divisions"]
    assert [(s.text, s.source) for s in globex.weaknesses] == [("Slow support", Source.customer)]
    assert [s.text for s in globex.facts] == ["Contract ends 2027"]
    assert in_house.position is CompetitorPosition.internal
    assert research.no_competitor is not None and research.no_competitor.reason.startswith("Sole-source")
    company = research.company
    assert company is not None
    assert [s.kind for s in company.statements()] == ["strength", "reference", "differentiator"]
    assert company.references[0].source is Source.customer


def test_statement_kind_in_the_wrong_block_is_an_invalid_value() -> None:
    from planlint.language.diagnostics import INVALID_VALUE, PlanSyntaxError

    with pytest.raises(PlanSyntaxError) as caught:
        plan_of('research { company { goal "Grow" } }')
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == INVALID_VALUE
    assert diagnostic.message == "'goal' does not belong in a company block (use: strength, reference, differentiator)"


# --------------------------------------------------------------------------- units & people


def test_units_and_white_space() -> None:
    plan = plan_of(
        'unit "Manufacturing" {\n'
        '  current "ERP consolidation", "Analytics renewal"\n'
        '  potential "Field service"\n'
        '  white_space "Analytics", "Field service"\n'
        "}\n"
        'unit "Logistics" { white_space "Telematics" }'
    )
    manufacturing, logistics = plan.units
    assert manufacturing.name == "Manufacturing"
    assert [t.text for t in manufacturing.current] == ["ERP consolidation", "Analytics renewal"]
    assert [t.text for t in manufacturing.potential] == ["Field service"]
    assert [t.text for t in manufacturing.white_space] == ["Analytics", "Field service"]
    assert [t.text for t in logistics.white_space] == ["Telematics"]


def test_stakeholder() -> None:
    plan = plan_of(
        'stakeholder "Mary Chen" {\n'
        '  title "CFO"\n'
        "  role economic_buyer\n"
        "  influence high\n"
        "  stance supporter\n"
        '  owner "Jane Doe"\n'
        '  note "Measured on cost"\n'
        '  note "Prefers short decks" source account_team\n'
        "}"
    )
    (mary,) = plan.stakeholders
    assert (mary.name, mary.title, mary.role, mary.influence, mary.stance, mary.owner) == (
        "Mary Chen", "CFO", Role.economic_buyer, Level.high, Stance.supporter, "Jane Doe")
    assert [(n.text, n.source) for n in mary.notes] == [("Measured on cost", None), ("Prefers short decks", Source.account_team)]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role(role: str) -> None:
    assert plan_of(f'stakeholder "X" {{ role {role} }}').stakeholders[0].role == Role(role)


def test_stakeholder_with_nothing_but_a_name() -> None:
    (person,) = plan_of('stakeholder "X" { }').stakeholders
    assert (person.name, person.role, person.notes) == ("X", None, [])


# --------------------------------------------------------------------------- objectives

OBJECTIVE = """
  objective revenue "Win the ERP consolidation" {
    metric "Signed contract value"
    target $500k by 2027-06-30
    supports "Consolidate three ERPs", "Cut cost"
    unit "Manufacturing"
    with "Mary Chen", "David Park"
    strategy "Position as the partner" {
      action "Executive briefing" owner "Jane Doe" due 2027-02-15
      action "Reference call" owner "Raj Patel" due 2027-03-01 done
      action "Proposal" due Q2 2027 owner "Li Wei" status in_progress
    }
    strategy "Second" { action "Follow up" }
  }
"""


def test_objective_fields() -> None:
    (objective,) = plan_of(OBJECTIVE).objectives
    assert objective.category is ObjectiveCategory.revenue
    assert objective.name == "Win the ERP consolidation"
    assert objective.metric == "Signed contract value"
    assert [t.text for t in objective.supports] == ["Consolidate three ERPs", "Cut cost"]
    assert objective.unit == "Manufacturing"
    assert [t.text for t in objective.people] == ["Mary Chen", "David Park"]
    target = objective.target
    assert target is not None and isinstance(target.value, Money)
    assert (target.value.amount, target.value.currency, target.value.text) == (500_000.0, "USD", "$500k")
    assert target.by is not None and target.by.date == dt.date(2027, 6, 30)


def test_strategies_and_actions() -> None:
    (objective,) = plan_of(OBJECTIVE).objectives
    first, second = objective.strategies
    assert first.name == "Position as the partner"
    briefing, call, proposal = first.actions
    assert (briefing.text, briefing.owner, briefing.status) == ("Executive briefing", "Jane Doe", ActionStatus.open)
    assert briefing.due is not None and briefing.due.date == dt.date(2027, 2, 15)
    assert (call.owner, call.status) == ("Raj Patel", ActionStatus.done)
    assert proposal.due is not None and proposal.due.date == dt.date(2027, 6, 30)
    assert (proposal.owner, proposal.status) == ("Li Wei", ActionStatus.in_progress)
    assert [(a.text, a.owner, a.due) for a in second.actions] == [("Follow up", None, None)]
    assert len(objective.actions()) == 4


@pytest.mark.parametrize("category", [c.value for c in ObjectiveCategory])
def test_every_objective_category(category: str) -> None:
    assert plan_of(f'objective {category} "X" {{ }}').objectives[0].category == ObjectiveCategory(category)


@pytest.mark.parametrize("status", [s.value for s in ActionStatus])
def test_every_action_status(status: str) -> None:
    plan = plan_of(f'objective revenue "X" {{ strategy "S" {{ action "A" {status} }} }}')
    assert plan.actions()[0].status == ActionStatus(status)


@pytest.mark.parametrize(
    ("target", "kind", "value", "extra"),
    [
        ("$500k", Money, 500_000.0, "USD"),
        ("$1.2M", Money, 1_200_000.0, "USD"),
        ("$2,500", Money, 2_500.0, "USD"),
        ("EUR 40,000", Money, 40_000.0, "EUR"),
        ("€40k", Money, 40_000.0, "EUR"),
        ("£1m", Money, 1_000_000.0, "GBP"),
        ("USD 3M", Money, 3_000_000.0, "USD"),
        ("$ 75k", Money, 75_000.0, "USD"),
        ("15%", Percent, 15.0, None),
        ("12.5 %", Percent, 12.5, None),
        ("12 meetings", Count, 12.0, "meetings"),
        ("3", Count, 3.0, ""),
        ("1,200 users", Count, 1_200.0, "users"),
    ],
)
def test_target_values(target: str, kind: type, value: float, extra: str | None) -> None:
    (objective,) = plan_of(f'objective revenue "X" {{ target {target} by 2027-06-30 }}').objectives
    assert objective.target is not None
    quantity = objective.target.value
    assert isinstance(quantity, kind)
    assert quantity.text == target
    if isinstance(quantity, Money):
        assert (quantity.amount, quantity.currency) == (value, extra)
    elif isinstance(quantity, Count):
        assert (quantity.value, quantity.unit) == (value, extra)
    else:
        assert quantity.value == value


@pytest.mark.parametrize(
    ("written", "date"),
    [("Q1 2027", dt.date(2027, 3, 31)), ("Q2 2027", dt.date(2027, 6, 30)), ("Q3 2027", dt.date(2027, 9, 30)),
     ("Q4 2027", dt.date(2027, 12, 31)), ("q4 2028", dt.date(2028, 12, 31)), ("2027-2-5", dt.date(2027, 2, 5))],
)
def test_target_dates(written: str, date: dt.date) -> None:
    (objective,) = plan_of(f'objective revenue "X" {{ target 3 by {written} }}').objectives
    assert objective.target is not None and objective.target.by is not None
    assert objective.target.by.date == date and objective.target.by.text == written


def test_target_value_or_date_alone() -> None:
    (only_value,) = plan_of('objective revenue "X" { target $5k }').objectives
    (only_date,) = plan_of('objective revenue "X" { target by 2027-05-01 }').objectives
    assert only_value.target is not None and only_value.target.by is None
    assert only_date.target is not None and only_date.target.value is None


# --------------------------------------------------------------------------- pipeline


@pytest.mark.parametrize(("cycle", "days"), [("90 days", 90), ("1 day", 1), ("6 weeks", 42), ("4 months", 120), ("45", 45)])
def test_pipeline(cycle: str, days: int) -> None:
    pipeline = plan_of(f"pipeline {{\n deals 12\n average $80k\n win_rate 25%\n cycle {cycle}\n}}").pipeline
    assert pipeline is not None
    assert pipeline.deals == 12
    assert pipeline.average is not None and pipeline.average.amount == 80_000.0
    assert pipeline.win_rate is not None and pipeline.win_rate.value == 25.0
    assert pipeline.cycle_days == days


# --------------------------------------------------------------------------- portfolio


def test_portfolio() -> None:
    document = parse_text(
        'portfolio "EMEA enterprise" {\n'
        "  high_current $1M\n"
        "  high_future $2M\n"
        '  account "Acme" { current $1.2M future $3M plan "acme.plan" owner "Jane" }\n'
        '  account "Globex" {\n    current low\n    future high\n  }\n'
        "}\n"
    ).document
    assert isinstance(document, Portfolio)
    assert document.name == "EMEA enterprise"
    assert document.high_current is not None and document.high_current.amount == 1_000_000.0
    assert document.high_future is not None and document.high_future.amount == 2_000_000.0
    acme, globex = document.accounts
    assert acme.name == "Acme" and acme.plan == "acme.plan" and acme.owner == "Jane"
    assert acme.current_revenue is not None and acme.current_revenue.amount is not None
    assert acme.current_revenue.amount.amount == 1_200_000.0
    assert acme.future_revenue is not None and acme.future_revenue.amount is not None
    assert globex.current_revenue is not None and globex.current_revenue.level is Level.low
    assert globex.future_revenue is not None and globex.future_revenue.level is Level.high


# --------------------------------------------------------------------------- lexical details


def test_comments_are_collected_with_spans() -> None:
    planfile = parse_text(
        "# heading comment\n"
        'plan "P" {  # trailing\n'
        '  account "A # not a comment"\n'
        "  # planlint: ignore[PL105] -- sole source\n"
        "}\n"
    )
    assert [c.text for c in planfile.comments] == ["heading comment", "trailing", "planlint: ignore[PL105] -- sole source"]
    assert planfile.comments[1].span == Span(line=2, column=13, end_line=2, end_column=23)
    assert planfile.comments[2].span.line == 4 and planfile.comments[2].span.column == 3
    assert planfile.document.account == "A # not a comment"


def test_keywords_are_plain_text_inside_quotes_and_escapes_work() -> None:
    plan = plan_of('account "plan owner \\"objective\\" {}"')
    assert plan.account == 'plan owner "objective" {}'


def test_words_that_look_like_keywords_are_values_where_a_value_is_due() -> None:
    (objective,) = plan_of('objective revenue "X" { target 2 owner by 2027-01-31 }').objectives
    assert objective.target is not None and isinstance(objective.target.value, Count)
    assert objective.target.value.unit == "owner"


def test_bom_crlf_and_tabs() -> None:
    planfile = parse_text('\ufeffplan "P" {\r\n\taccount "A"\r\n}\r\n')
    assert planfile.document.account == "A"
    assert planfile.document.span == Span(line=1, column=1, end_line=3, end_column=2)


def test_unicode_text() -> None:
    assert plan_of('account "Société Générale — 東京"').account == "Société Générale — 東京"


# --------------------------------------------------------------------------- spans


def test_spans_point_at_the_source() -> None:
    text = (
        'plan "P" {\n'                                        # 1
        '  stakeholder "Mary Chen" {\n'                       # 2
        "    role economic_buyer\n"                           # 3
        "  }\n"                                               # 4
        '  objective revenue "Win" {\n'                       # 5
        "    target $500k by Q2 2027\n"                       # 6
        '    supports "Cut cost"\n'                           # 7
        '    strategy "S" {\n'                                # 8
        '      action "Call" owner "Jane" due 2027-02-15\n'   # 9
        "    }\n"                                             # 10
        "  }\n"                                               # 11
        "  period 2027-01-01 to 2027-12-31\n"                 # 12
        "}\n"
    )
    plan = parse_text(text).document
    assert isinstance(plan, Plan)
    assert plan.span == Span(line=1, column=1, end_line=13, end_column=2)
    assert plan.stakeholders[0].span == Span(line=2, column=3, end_line=4, end_column=4)
    objective = plan.objectives[0]
    assert objective.span == Span(line=5, column=3, end_line=11, end_column=4)
    assert objective.target is not None and objective.target.value is not None and objective.target.by is not None
    assert objective.target.span == Span(line=6, column=5, end_line=6, end_column=28)
    assert objective.target.value.span == Span(line=6, column=12, end_line=6, end_column=17)
    assert objective.target.by.span == Span(line=6, column=21, end_line=6, end_column=28)
    assert objective.supports[0].span == Span(line=7, column=14, end_line=7, end_column=24)
    strategy = objective.strategies[0]
    assert strategy.span == Span(line=8, column=5, end_line=10, end_column=6)
    action = strategy.actions[0]
    assert action.span == Span(line=9, column=7, end_line=9, end_column=48)
    assert action.due is not None and action.due.span == Span(line=9, column=38, end_line=9, end_column=48)
    assert plan.period is not None and plan.period.span == Span(line=12, column=3, end_line=12, end_column=34)


def test_names_and_titles_carry_the_span_of_their_text() -> None:
    text = (
        'plan "P" {\n'                                            # 1
        '  account "Acme"\n'                                      # 2
        '  owner "Jane"\n'                                        # 3
        '  team "Raj", "Li"\n'                                    # 4
        '  team "Sam"\n'                                          # 5
        '  stakeholder "Mary" { title "CFO" owner "Raj" }\n'      # 6
        '  objective revenue "Win" {\n'                           # 7
        '    strategy "S" { action "Call" owner "Li" }\n'         # 8
        "  }\n"
        "}\n"
    )
    plan = parse_text(text).document
    assert isinstance(plan, Plan)
    assert plan.account_span == Span(line=2, column=11, end_line=2, end_column=17)
    assert plan.owner_span == Span(line=3, column=9, end_line=3, end_column=15)
    assert list(zip(plan.team, [(s.line, s.column) for s in plan.team_spans])) == [
        ("Raj", (4, 8)), ("Li", (4, 15)), ("Sam", (5, 8))]
    (mary,) = plan.stakeholders
    assert mary.title_span == Span(line=6, column=30, end_line=6, end_column=35)
    assert mary.owner_span == Span(line=6, column=42, end_line=6, end_column=47)
    action = plan.actions()[0]
    assert action.owner_span == Span(line=8, column=40, end_line=8, end_column=44)
    assert plan_of("").account_span is None and plan_of("").team_spans == []


def test_span_columns_count_characters_not_bytes() -> None:
    text = 'plan "P" {\n  account "Zürich 東京" reviewed 2027-01-01\n}\n'
    reviewed = parse_text(text).document.reviewed
    assert reviewed is not None
    assert reviewed.span.column == len('  account "Zürich 東京" reviewed ') + 1


# --------------------------------------------------------------------------- samples & files


def test_sample_acme_uses_every_construct() -> None:
    planfile = parse_file(SAMPLES / "acme.plan")
    plan = planfile.document
    assert isinstance(plan, Plan)
    assert plan.account and plan.owner and len(plan.team) >= 2
    assert plan.period and plan.cadence is Cadence.monthly and plan.reviewed
    assert plan.current_revenue and plan.future_revenue and plan.pipeline
    research = plan.research
    assert research and research.customer and research.company and research.competitors
    assert all(s.source or s.source_text for s in research.customer.statements())
    assert any(q.ask for q in research.customer.questions) and any(q.how for q in research.customer.questions)
    assert len(plan.stakeholders) >= 5
    roles = {s.role for s in plan.stakeholders}
    assert {Role.economic_buyer, Role.champion} <= roles
    assert all(s.owner in plan.people() for s in plan.stakeholders)
    assert any(u.white_space for u in plan.units)
    assert len({o.category for o in plan.objectives}) >= 4
    assert plan.period is not None
    for objective in plan.objectives:
        assert objective.metric and objective.target and objective.target.value and objective.target.by
        assert plan.period.start <= objective.target.by.date <= plan.period.end
        assert objective.supports and objective.strategies
        for strategy in objective.strategies:
            assert len(strategy.actions) >= 2
            assert all(a.owner in plan.people() and a.due for a in strategy.actions)
    assert planfile.comments


def test_parse_file_accepts_a_path_and_a_bom(tmp_path: Path) -> None:
    target = tmp_path / "bom.plan"
    target.write_bytes(b'\xef\xbb\xbfplan "P" { account "A" }\n')
    assert parse_file(target).document.account == "A"
    assert parse_file(str(target)).document.name == "P"


def test_parsing_twice_gives_the_same_model() -> None:
    text = (SAMPLES / "acme.plan").read_text(encoding="utf-8")
    assert parse_text(text) == parse_text(text)
