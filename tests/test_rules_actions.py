"""Action rules (PL301-PL307): enough actions, owners on the team, dates, overdue against --as-of."""

from __future__ import annotations

import datetime as dt

from _rules import GOOD, change, lint, messages, rule

FIRST = '      action "Reference visit to Massive Dynamic with Nora Vance" owner "Jane Doe" due 2027-04-15\n'


def test_the_complete_plan_passes_every_action_rule() -> None:
    assert lint(GOOD, select=["PL3"]).failing() == []


def test_an_objective_needs_two_actions() -> None:
    assert messages(lint(change(FIRST, ""), select=["PL301"]), "PL301") == [
        "objective 'Win the claims intake platform' has 1 action(s); plan at least 2"]


def test_owner_missing_and_owner_off_the_team_are_different_findings() -> None:
    result = lint(change(FIRST, FIRST.replace(' owner "Jane Doe"', "")), select=["PL302", "PL305"])
    assert messages(result, "PL302") == ["action 'Reference visit to Massive Dynamic with Nora Vance' has no owner"]
    assert messages(result, "PL305") == []
    outsider = lint(change(FIRST, FIRST.replace('"Jane Doe"', '"Bob Smith"')), select=["PL305"])
    assert messages(outsider, "PL305") == [
        "'Bob Smith', owner of 'Reference visit to Massive Dynamic with Nora Vance', is not on the plan's team "
        "(Jane Doe, Raj Patel)"]


def test_due_dates_present_and_inside_the_period() -> None:
    result = lint(change(FIRST, FIRST.replace(" due 2027-04-15", "")), select=["PL303"])
    assert (rule(result, "PL303").passed, rule(result, "PL303").total) == (5, 6)
    late = lint(change(FIRST, FIRST.replace("2027-04-15", "2028-01-15")), select=["PL306"])
    assert messages(late, "PL306") == [
        "action 'Reference visit to Massive Dynamic with Nora Vance' is due 2028-01-15, outside the plan period"]


def test_overdue_is_judged_against_as_of_so_runs_are_reproducible() -> None:
    on_time = lint(GOOD, select=["PL307"], as_of=dt.date(2027, 3, 31))
    assert messages(on_time, "PL307") == []
    a_week_later = messages(lint(GOOD, select=["PL307"], as_of=dt.date(2027, 4, 7)), "PL307")
    assert a_week_later == [
        "action 'Fraud loss discovery call with Sam Ortiz' was due 2027-04-01 and is still open (6 day(s) late as of 2027-04-07)",
        "action 'Propose the steering charter to Nora Vance' was due 2027-03-31 and is still open (7 day(s) late as of 2027-04-07)",
    ]
    assert messages(lint(GOOD, select=["PL307"], as_of=dt.date(2027, 4, 7)), "PL307") == a_week_later  # same date, same verdict


def test_done_and_cancelled_actions_are_never_overdue() -> None:
    done = change(FIRST, FIRST.replace("2027-04-15", "2027-01-15 done"))
    cancelled = change(FIRST, FIRST.replace("2027-04-15", "2027-01-15 cancelled"))
    open_ = change(FIRST, FIRST.replace("2027-04-15", "2027-01-15"))
    assert messages(lint(done, select=["PL307"]), "PL307") == []
    assert messages(lint(cancelled, select=["PL307"]), "PL307") == []
    assert len(messages(lint(open_, select=["PL307"]), "PL307")) == 1


def test_placeholder_actions_earn_no_credit_for_their_owner_and_date() -> None:
    text = change(FIRST, '      action "TBD" owner "Jane Doe" due 2027-04-15\n')
    result = lint(text, select=["PL301", "PL302", "PL303"])
    assert rule(result, "PL302").total == 5 and rule(result, "PL303").total == 5  # the TBD action is not an item
    assert messages(result, "PL301") == ["objective 'Win the claims intake platform' has 1 action(s); plan at least 2"]
