"""People rules (PL151-PL155): stakeholders, buying roles, profiles, owners, named relationships."""

from __future__ import annotations

from _rules import GOOD, change, lint, messages, rule

LEE = ('  stakeholder "Lee Park" {\n    title "Procurement lead"\n    role gatekeeper\n    influence medium\n'
       '    stance neutral\n    owner "Raj Patel"\n  }\n')


def test_the_complete_plan_passes_every_people_rule() -> None:
    assert lint(GOOD, select=["PL15"]).failing() == []


def test_fewer_than_three_real_stakeholders() -> None:
    assert messages(lint(change(LEE, ""), select=["PL151"]), "PL151") == [
        "the plan names 2 stakeholder(s); map at least 3"]
    placeholder = change('stakeholder "Lee Park"', 'stakeholder "TBD"')
    assert messages(lint(placeholder, select=["PL151"]), "PL151") == [
        "the plan names 2 stakeholder(s); map at least 3"]


def test_buying_roles_score_the_decider_and_the_sponsor_separately() -> None:
    text = change("    role champion\n", "    role user\n")
    result = lint(text, select=["PL152"])
    assert (rule(result, "PL152").passed, rule(result, "PL152").total) == (1, 2)
    assert messages(result, "PL152") == ["no stakeholder is a champion or sponsor"]


def test_a_profile_needs_title_role_influence_and_stance() -> None:
    text = change("    influence medium\n    stance neutral\n", "")
    assert messages(lint(text, select=["PL153"]), "PL153") == ["stakeholder 'Lee Park' has no influence, stance"]


def test_key_stakeholders_need_an_owner_on_our_team() -> None:
    no_owner = change('    stance supporter\n    owner "Jane Doe"\n', "    stance supporter\n")
    assert messages(lint(no_owner, select=["PL154"]), "PL154") == ["key stakeholder 'Nora Vance' has no relationship owner"]
    outsider = change('    stance supporter\n    owner "Jane Doe"\n', '    stance supporter\n    owner "Bob Smith"\n')
    assert messages(lint(outsider, select=["PL154"]), "PL154") == [
        "'Bob Smith', who owns the relationship with 'Nora Vance', is not on the plan's team"]


def test_a_gatekeeper_of_medium_influence_is_not_key() -> None:
    text = change(LEE, LEE.replace('    owner "Raj Patel"\n', ""))
    result = lint(text, select=["PL154"])
    assert result.failing() == [] and rule(result, "PL154").total == 2


def test_a_relationship_objective_names_a_mapped_stakeholder() -> None:
    nobody = change('    with "Nora Vance"\n', "")
    assert messages(lint(nobody, select=["PL155"]), "PL155") == [
        "relationship objective 'Monthly steering meeting with the COO' names nobody (add `with \"Name\"`)"]
    stranger = change('    with "Nora Vance"\n', '    with "Miles Dyson"\n')
    assert messages(lint(stranger, select=["PL155"]), "PL155") == [
        "relationship objective 'Monthly steering meeting with the COO' names Miles Dyson, who is not a mapped stakeholder"]
