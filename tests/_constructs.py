"""Hypothesis strategies that write plans with issue 15's constructs, for the fuzz and fast-path tests.

Each construct is drawn with its optional parts in or out and its values
taken from the valid words or from near misses (a misspelt stage, a
probability above 100%, a baseline in other terms than its target), so the
suites exercise both the model the builder makes and its value problems.
"""

from __future__ import annotations

from hypothesis import strategies as st

DATES = st.sampled_from(["2027-03-31", "Q2 2027", "q4\n2027", "2026-12-15", "2027-02-30", "Q1 2028"])
AMOUNTS = st.sampled_from(["$450k", "$1.3M", "EUR 40,000", "£2m"])
QUANTITIES = st.sampled_from(["66%", "74%", "3", "8 sites", "$600k", "12 meetings", "$ 5k"])
NAMES = st.sampled_from(['"Mary Chen"', '"Raj Patel"', '"Nurses\' council"', '"Tom Hart"', '"TBD"'])
UNITS = st.sampled_from(['"Flagship hospital"', '"Regional hospitals"', '"Cardiology"'])


def _maybe(part: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), part)


def _words(*words: str) -> st.SearchStrategy[str]:
    """A valid word, or a near miss the builder must report (with a did-you-mean)."""
    return st.sampled_from([*words, words[0][:-1], words[-1].upper()])


def _join(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map(lambda found: " ".join(part for part in found if part))


def opportunity() -> st.SearchStrategy[str]:
    body = _join(_maybe(UNITS.map("unit {}".format)), _maybe(_words("negotiation", "won", "lost", "qualified").map("stage {}".format)),
                 _maybe(AMOUNTS.map("amount {}".format)), _maybe(DATES.map("close {}".format)),
                 _maybe(st.sampled_from(["60%", "100%", "140%"]).map("probability {}".format)),
                 _maybe(st.just('objective "Renew the EHR"')))
    return body.map(lambda inner: f'opportunity "Deal" {{ {inner} }}')


def objective() -> st.SearchStrategy[str]:
    target = st.one_of(QUANTITIES, st.tuples(QUANTITIES, QUANTITIES).map(lambda pair: f"from {pair[0]} to {pair[1]}"),
                       st.tuples(_words("opponent", "neutral"), _words("supporter", "neutral")).map(lambda p: f"from {p[0]} to {p[1]}"))
    action = _join(st.sampled_from(["action", "customer_action"]), st.just('"Review"'), _maybe(NAMES.map("owner {}".format)),
                   _maybe(DATES.map("due {}".format)), _maybe(_words("monthly", "biweekly").map("repeats {}".format)))
    strategy = _join(_maybe(_join(st.just("experiment"), _maybe(_words("finished", "running")), st.just('"Champions help"'))),
                     _maybe(st.just('result "72%"')), _maybe(st.just('learned "Champions matter"')), action)
    body = _join(_maybe(st.tuples(target, DATES).map(lambda p: f"target {p[0]} by {p[1]}")),
                 _maybe(st.lists(UNITS, min_size=1, max_size=3).map(lambda units: "unit " + ", ".join(units))),
                 _maybe(st.tuples(QUANTITIES, DATES).map(lambda p: f"milestone {p[0]} by {p[1]}")),
                 _maybe(st.tuples(QUANTITIES, DATES).map(lambda p: f"progress {p[0]} on {p[1]}")),
                 _maybe(strategy.map(lambda inner: f'strategy "Try" {{ {inner} }}')))
    return body.map(lambda inner: f'objective customer_success "Adoption" {{ {inner} }}')


def people() -> st.SearchStrategy[str]:
    stakeholder = _join(_maybe(NAMES.map("reports_to {}".format)), _maybe(DATES.map("last_contact {}".format)))
    party = _join(_maybe(_words("high", "low").map("influence {}".format)), _maybe(NAMES.map("owner {}".format)),
                  _maybe(st.just('note "Approves rotas"')))
    return st.one_of(stakeholder.map(lambda inner: f'stakeholder "Mary Chen" {{ {inner} }}'),
                     st.tuples(_words("works_council", "regulator", "partner"), party).map(
                         lambda p: f'party {p[0]} "Council" {{ {p[1]} }}'))


def risk_or_theme() -> st.SearchStrategy[str]:
    risk = _join(_maybe(_words("high", "low").map("impact {}".format)), _maybe(_words("medium", "high").map("likelihood {}".format)),
                 _maybe(NAMES.map("owner {}".format)), _maybe(st.just('mitigation "TCO study" owner "Raj Patel" due 2027-03-01')))
    theme = _join(_maybe(NAMES.map("owner {}".format)), _maybe(st.just('proof "Riverside saved 22 minutes" source crm')))
    return st.one_of(risk.map(lambda inner: f'risk "Price" {{ {inner} }}'), theme.map(lambda inner: f'win_theme "Time back" {{ {inner} }}'))


def header() -> st.SearchStrategy[str]:
    figure = _join(st.sampled_from(["current", "future"]), _maybe(AMOUNTS), _maybe(_words("high", "low")),
                   _maybe(_words("recurring", "one_off", "renewal")), _maybe(DATES.map("by {}".format)))
    return _join(_maybe(_words("July", "Apr", "january").map("fiscal_year_start {}".format)),
                 _maybe(st.tuples(DATES, DATES).map(lambda p: f"period {p[0]} to {p[1]}")),
                 _maybe(st.lists(figure, min_size=1, max_size=3).map(lambda figures: "revenue " + ", ".join(figures))),
                 _maybe(st.just('research { competitor "Globex" { position incumbent unit "Cardiology" } }')))


def plans() -> st.SearchStrategy[str]:
    """A whole plan: a header and any mix of the new blocks."""
    blocks = st.lists(st.one_of(objective(), people(), risk_or_theme(), opportunity().map(lambda o: f"pipeline {{ {o} }}")),
                      max_size=4)
    return st.tuples(header(), blocks).map(lambda p: 'plan "Northfield" {\n  ' + p[0] + "\n  " + "\n  ".join(p[1]) + "\n}\n")
