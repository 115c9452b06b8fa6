"""Cadence rules (PL401-PL404): a rhythm, kept, a period, not over; all judged against --as-of."""

from __future__ import annotations

import datetime as dt

from _rules import GOOD, change, lint, messages


def test_the_complete_plan_passes_every_cadence_rule() -> None:
    assert lint(GOOD, select=["PL4"]).failing() == []


def test_no_cadence_is_flagged_and_staleness_falls_back_to_quarterly() -> None:
    text = change("  cadence monthly\n", "")
    result = lint(text, select=["PL401", "PL402"], as_of=dt.date(2027, 5, 1))
    assert messages(result, "PL401") == ["the plan declares no review cadence"]
    assert messages(result, "PL402") == []  # 70 days: stale for monthly, fine for quarterly
    late = lint(text, select=["PL402"], as_of=dt.date(2027, 6, 1))
    assert messages(late, "PL402") == ["last reviewed 2027-02-20, 101 days before 2027-06-01; a quarterly cadence allows 92"]


def test_stale_review_depends_on_the_as_of_date_only() -> None:
    fresh = lint(GOOD, select=["PL402"], as_of=dt.date(2027, 3, 23))  # 31 days
    stale = lint(GOOD, select=["PL402"], as_of=dt.date(2027, 3, 24))  # 32 days
    assert messages(fresh, "PL402") == []
    assert messages(stale, "PL402") == ["last reviewed 2027-02-20, 32 days before 2027-03-24; a monthly cadence allows 31"]


def test_never_reviewed_is_stale() -> None:
    text = change("  reviewed 2027-02-20\n", "")
    assert messages(lint(text, select=["PL402"]), "PL402") == [
        "the plan has no `reviewed DATE`: record when it was last reviewed"]


def test_a_plan_needs_a_period_and_one_that_has_not_ended() -> None:
    text = 'plan "X" {\n  cadence monthly\n}\n'
    assert messages(lint(text, select=["PL403"]), "PL403") == ["the plan declares no period"]
    over = lint(GOOD, select=["PL404"], as_of=dt.date(2028, 1, 2))
    assert messages(over, "PL404") == ["the plan period ended 2027-12-31, before 2028-01-02"]


def test_a_review_dated_after_the_as_of_date_is_flagged() -> None:
    text = change("  reviewed 2027-02-20\n", "  reviewed 2072-02-20\n")  # 2072 for 2027: it would stay "fresh" for decades
    result = lint(text, select=["PL402"], as_of=dt.date(2027, 3, 1))
    [finding] = [f for f in result.failing() if f.code == "PL402"]
    assert (finding.line, finding.column) == (text.splitlines().index("  reviewed 2072-02-20") + 1, 12)
    assert finding.message == ("reviewed 2072-02-20 is after 2027-03-01: a plan cannot have been reviewed in the future; "
                               "put the date of the last review that actually took place")


def test_a_review_one_day_ahead_is_a_time_zone_not_the_future() -> None:
    # written in Sydney on the 20th, checked by a CI runner in UTC while it is still the 19th there
    assert messages(lint(GOOD, select=["PL402"], as_of=dt.date(2027, 2, 19)), "PL402") == []
    [message] = messages(lint(GOOD, select=["PL402"], as_of=dt.date(2027, 2, 18)), "PL402")
    assert message.startswith("reviewed 2027-02-20 is after 2027-02-18: a plan cannot have been reviewed in the future")
