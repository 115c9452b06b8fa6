"""Form rules (PL901-PL905) and the honesty of the score: a form scores low however long it is."""

from __future__ import annotations

import pytest
from _rules import GOOD, change, lint, messages, rule

from planlint.api.text import boilerplate, placeholder

HONEST_SHORT = """\
plan "Initech FY2027" {
  account "Initech"
  owner "Bob Smith"
  period 2027-01-01 to 2027-12-31
  research {
    customer {
      goal "Move payroll for 4,000 staff off the mainframe by 2028" source customer
      pressure "Mainframe support contract ends March 2028" source crm
      fact "Their last payroll project overran by nine months" source account_team
    }
    competitor "ADP" {
      strength "Runs payroll for their UK subsidiary"
      weakness "No on-premise option, which their works council demands"
    }
  }
  stakeholder "Peter Gibbons" {
    title "Head of HR systems"
    role champion
    influence medium
    stance supporter
    owner "Bob Smith"
  }
  objective revenue "Sign the payroll migration" {
    target $400k by 2027-09-30
    supports "Move payroll for 4,000 staff off the mainframe by 2028"
    strategy "Prove we can migrate without overrun" {
      action "Migration risk workshop with Peter Gibbons" owner "Bob Smith" due 2027-03-15
      action "Fixed-timeline proposal" owner "Bob Smith" due 2027-05-01
    }
  }
}
"""


def filler_plan() -> str:
    """A plan of 60 lines where every box holds a placeholder but every structural field is set."""
    lines = ['plan "Initech FY2027" {', '  account "Initech"', '  owner "Bob Smith"', '  team "TBD", "TBD"',
             "  period 2027-01-01 to 2027-12-31", "  cadence monthly", "  reviewed 2027-02-20",
             "  research {", "    customer {"]
    lines += [f'      {kind} "TBD" source crm' for kind in ("goal", "pressure", "initiative", "obstacle", "fact", "fact")]
    lines += ['      question "TBD" ask "TBD"', "    }", '    competitor "TBD" {', '      strength "TBD"',
              '      weakness "TBD"', "    }", "    company {", '      strength "TBD"', '      reference "TBD"', "    }", "  }",
              '  unit "TBD" {', '    current "TBD"', '    white_space "TBD"', "  }"]
    for n in range(3):
        lines += [f'  stakeholder "Person {n}" {{', '    title "TBD"', "    role economic_buyer" if n == 0 else "    role champion",
                  "    influence high", "    stance supporter", '    owner "Bob Smith"', "  }"]
    lines += ['  objective revenue "TBD" {', "    target $1M by 2027-12-31", '    supports "TBD"', '    strategy "TBD" {',
              '      action "TBD" owner "Bob Smith" due 2027-06-30', '      action "TBD" owner "Bob Smith" due 2027-06-30',
              "    }", "  }", "}"]
    return "\n".join(lines) + "\n"


def test_forty_lines_of_placeholder_filler_score_lower_than_a_short_honest_plan() -> None:
    filler, honest = filler_plan(), HONEST_SHORT
    assert filler.count("\n") >= 40 > honest.count("\n")
    filler_result, honest_result = lint(filler), lint(honest)
    assert filler_result.score < 30 and filler_result.band == "form"
    assert honest_result.score > filler_result.score + 30
    assert filler_result.metrics["form_ratio"] > 0.9 and honest_result.metrics["form_ratio"] == 0.0


def test_the_form_ratio_is_reported_with_its_breakdown() -> None:
    [message] = messages(lint(filler_plan(), select=["PL905"]), "PL905")
    # "Person 0" to "Person 2" name nobody: placeholders too.
    assert message == ("100% of the plan's text reads as form, in words (29 of 29 texts: 29 placeholder); "
                       "more than 20% is a form")


def test_a_real_name_earns_no_form_credit_so_an_empty_plan_has_no_form_score() -> None:
    result = lint('plan "Acme FY2027" {\n  owner "Jane Doe"\n}\n')
    assert "form" not in result.categories and result.score < 15


def test_placeholders_are_found_everywhere_including_names() -> None:
    text = change('owner "Raj Patel"\n  }\n  stakeholder "Lee Park"', 'owner "{{owner}}"\n  }\n  stakeholder "Lee Park"')
    text = change('weakness "No claims-specific workflow module"', 'weakness "???"', text)
    assert messages(lint(text, select=["PL901"]), "PL901") == [
        'placeholder \'???\' in competitor Hooli Cloud: "???"',
        'placeholder \'{{owner}}\' in stakeholder Sam Ortiz: "{{owner}}"',
    ]
    na = change('weakness "No claims-specific workflow module"', 'weakness "N/A"')
    assert messages(lint(na, select=["PL901"]), "PL901") == ["placeholder 'N/A' in competitor Hooli Cloud: \"N/A\""]
    reasoned = change('weakness "No claims-specific workflow module"', 'weakness "N/A: the product has no claims module to compare"')
    assert messages(lint(reasoned, select=["PL901"]), "PL901") == []


def test_boilerplate_is_flagged_unless_the_sentence_has_a_number() -> None:
    text = change('strength "Claims intake platform live at three regional insurers"', 'strength "We add value as a trusted advisor"')
    assert messages(lint(text, select=["PL902"]), "PL902") == [
        "boilerplate 'add value' in company research: \"We add value as a trusted advisor\" says nothing specific"]
    specific = change('strength "Claims intake platform live at three regional insurers"',
                      'strength "We add value: 12% lower claims cost at 3 insurers"')
    assert messages(lint(specific, select=["PL902"]), "PL902") == []


def test_a_pasted_sentence_fails_in_every_copy_the_first_included() -> None:
    sentence = "Regulator fines for late claims doubled in 2026"
    text = change('obstacle "Claims IT team lost two architects this year"', f'obstacle "{sentence}"')
    text = change('fact "Budget for the intake platform approved in January"', f'fact "{sentence.upper()}."', text)
    result = lint(text, select=["PL903"])
    assert messages(result, "PL903") == [
        f'customer research: "{sentence}" is pasted (same text as lines 15 and 16)',
        f'customer research: "{sentence}" is pasted (same text as lines 13 and 16)',
        f'customer research: "{sentence.upper()}." is pasted (same text as lines 13 and 15)',
    ]


def test_a_sentence_pasted_many_times_names_ten_other_copies_and_counts_the_rest() -> None:
    sentence = "Regulator fines for late claims doubled in 2026"
    pasted = "\n".join(f'      fact "{sentence}"' for _ in range(15))
    text = change('fact "Budget for the intake platform approved in January"', pasted.strip())
    found = messages(lint(text, select=["PL903"]), "PL903")
    copies = len(found)
    assert copies >= 15  # the fifteen pasted facts (and any copy the plan already had)
    for message in found:  # each copy names the first ten other copies, in order, and counts the rest
        listed = message.split("same text as lines ")[1].split(" and ")[0].split(", ")
        assert len(listed) == 10 and listed == sorted(listed, key=int)
        assert message.endswith(f" and {copies - 1 - 10} more)")


def test_every_copy_of_a_pasted_sentence_counts_as_form_so_pasting_cannot_buy_substance() -> None:
    sentence = "Regulator fines for late claims doubled in 2026"
    once = lint(GOOD, select=["PL9"])
    twice = lint(change('obstacle "Claims IT team lost two architects this year"', f'obstacle "{sentence}"'), select=["PL9"])
    assert once.metrics["form_ratio"] == 0.0
    assert twice.metrics["form_count"] == 2  # both copies, not one


def test_the_share_of_form_is_counted_in_words_so_a_long_pasted_paragraph_outweighs_short_real_lines() -> None:
    paragraph = ("We are a global leader in claims software, trusted by more than sixty insurers on five continents "
                 "to deliver faster, safer and cheaper claims handling")
    pasted = change('strength "Claims intake platform live at three regional insurers"', f'strength "{paragraph}"')
    pasted = change('pressure "Regulator fines for late claims doubled in 2026"', f'pressure "{paragraph}"', pasted)
    result = lint(pasted, select=["PL9"])
    texts_share = result.metrics["form_count"] / result.metrics["form_texts"]
    assert result.metrics["form_ratio"] > 2 * texts_share  # two texts of many, but a large share of the words


def test_a_placeholder_weighs_at_least_the_shortest_honest_answer_its_field_takes() -> None:
    def ratio(pressure: str) -> float:
        text = change('pressure "Regulator fines for late claims doubled in 2026"', f'pressure "{pressure}"')
        return lint(text, select=["PL9"]).metrics["form_ratio"]

    assert ratio("TBD") == ratio("TBD TBD TBD")  # a sentence's box, empty, weighs a 3-word sentence
    assert ratio("TBD TBD TBD TBD TBD") > ratio("TBD")


NEW_FIELDS = {  # text added to GOOD (after its `team` line): the placeholder and where the message says it is
    "risk owner": ('  risk "Budget moves to the merger programme" { impact high likelihood medium owner "TBD" }\n',
                   "risk Budget moves to the merger programme owner"),
    "mitigation": ('  risk "Budget moves to the merger programme" { impact high likelihood medium owner "Jane Doe"\n'
                   '    mitigation "TBD" owner "Jane Doe" due 2027-06-30\n  }\n',
                   "risk Budget moves to the merger programme mitigation"),
    "win theme proof": ('  win_theme "Lowest claims cost in the region" { owner "Jane Doe" proof "TBD" }\n',
                        "win theme Lowest claims cost in the region proof"),
    "party note": ('  party partner "Deloitte Claims Practice" { owner "Jane Doe" note "TBD" }\n',
                   "party Deloitte Claims Practice"),
}


@pytest.mark.parametrize("field", sorted(NEW_FIELDS))
def test_placeholders_in_risks_win_themes_and_parties_are_found(field: str) -> None:
    added, where = NEW_FIELDS[field]
    text = change('  team "Raj Patel"\n', '  team "Raj Patel"\n' + added)
    assert messages(lint(text, select=["PL901"]), "PL901") == [f"placeholder 'TBD' in {where}: \"TBD\""]


def test_one_word_answers_in_research_and_two_word_steps() -> None:
    text = change('pressure "Regulator fines for late claims doubled in 2026"', 'pressure "Regulation"')
    text = change('action "Cost model workshop with the claims team"', 'action "Workshop"', text)
    result = lint(text, select=["PL904"])
    assert messages(result, "PL904") == [
        'customer research: "Regulation" is a 1-word answer; write at least 3 words',
        'action: "Workshop" is a 1-word answer; write at least 2 words',
    ]
    assert rule(result, "PL904").total > 20  # every sentence and step is an item: partial credit


def test_each_form_text_counts_under_one_reason_only() -> None:
    text = change('pressure "Regulator fines for late claims doubled in 2026"', 'pressure "TBD"')
    result = lint(text, select=["PL9"])
    assert [f.code for f in result.failing()] == ["PL901"]  # not also a one-word answer


RESIDUE = """\
plan "Initech FY2027" {
  account "Initech"
  owner "Bob Smith"
  team "Raj Patel"
  period 2027-01-01 to 2027-12-31
  cadence quarterly
  reviewed 2027-02-20
  research {
    customer {
      goal "Describe the customer's top goals here" source crm
      pressure "Enter the main pressures the customer faces" source customer
      initiative "List key initiatives in this box" source account_team
      obstacle "Insert obstacles to success" source external
      fact "Example: the customer has 5,000 employees" source crm
      fact "Lorem ipsum dolor sit amet consectetur" source crm
      question "Add your open questions here" ask "Name of stakeholder"
    }
    competitor "Competitor name" { strength "Their key strength goes here" weakness "Their key weakness goes here" }
    company { strength "Our unique value proposition" reference "Relevant customer reference story" }
  }
  stakeholder "Firstname Lastname" { title "Job title" role economic_buyer influence high stance supporter owner "Bob Smith" }
  stakeholder "John Smith" { title "Title" role champion influence medium stance neutral owner "Raj Patel" }
  stakeholder "Jane Smith" { title "Title" role decision_maker influence high stance supporter owner "Bob Smith" }
  unit "Business unit name" { current "Opportunity name" potential "Opportunity name" white_space "Solution area" }
  objective revenue "Objective description goes here" {
    metric "Metric name"
    target $100k by 2027-06-30
    supports "Describe the customer's top goals here"
    strategy "Strategy description" {
      action "Action description" owner "Bob Smith" due 2027-03-01
      action "Another action description" owner "Raj Patel" due 2027-04-01
    }
  }
  objective relationship "Objective description for relationship" {
    target 3 meetings by 2027-06-30
    with "John Smith"
    strategy "Strategy description" {
      action "Action description" owner "Bob Smith" due 2027-05-01
      action "Another action description" owner "Bob Smith" due 2027-05-02
    }
  }
}
"""


def test_a_plan_of_template_residue_scores_far_below_a_short_honest_plan() -> None:
    residue, honest = lint(RESIDUE), lint(HONEST_SHORT)
    assert residue.score < 40 and residue.band == "form"
    assert honest.score > residue.score + 30
    assert residue.metrics["form_ratio"] > 0.9 and honest.metrics["form_ratio"] == 0.0


@pytest.mark.parametrize("text", [
    "Enter the main pressures the customer faces",  # an instruction to the form-filler about a box
    "Insert obstacles to success",
    "List key initiatives in this box",
    "Fill in the customer's goals",
    "Type your answer here",
    "Provide details",
    "Competitor name",  # field-label echoes
    "Firstname Lastname",
    "First Last",
    "Action description",
    "Another action description",
    "Metric name",
    "Company name",
    "Customer name",
    "Objective title",
    "Job title",
    "Name of the decision maker",
    "<account manager>",
    "[company]",
    "xxx",
    "e.g. ERP renewal",  # an example of what belongs in the box, and nothing else
    "Example: the customer has 5,000 employees",
    "For example, the CFO",
])
def test_template_residue_is_a_placeholder(text: str) -> None:
    assert placeholder(text) is not None


@pytest.mark.parametrize("text", [
    "Enter the EU market by Q3 2027 with Initech",  # imperative, but about this account
    "Enter the market",
    "Add the risks to the register",
    "List open questions for the discovery call",
    "Provide pricing options to procurement",
    "Name the project owner",
    "Describe our roadmap to the CIO",
    "Document the customer's goals in the CRM",
    "Write the business case for the CFO",
    "Type approval for the EV fleet",
    "Note: the CFO asked for a fixed price",
    "Enterprise goals",  # word boundaries: no substring matches
    "Listed on the Frankfurt exchange",
    "Title Insurance Co",
    "Information Services",
    "Last Mile Logistics",
    "Sample size of 200 users",
    "Head of Procurement",
    "Customer success",
    "Jane Doe",
])
def test_honest_text_is_not_template_residue(text: str) -> None:
    assert placeholder(text) is None


def test_add_value_is_boilerplate_not_template_residue() -> None:
    assert placeholder("Add value") is None and boilerplate("Add value") == "Add value"


FIELDS = {  # field: (text in GOOD, the same with a placeholder, where the message says it is)
    "source": ('initiative "Move claims intake to one platform by Q4 2027" source customer',
               'initiative "Move claims intake to one platform by Q4 2027" source "TBD"', "customer research source"),
    "how": ('ask "Nora Vance"', 'ask "Nora Vance" how "TODO"', "open question how"),
    "supports": ('    supports "Cut claims processing cost by 15% before 2028"\n', '    supports "TBD"\n',
                 "objective Qualify fraud analytics in Claims supports"),
    "unit": ('    unit "Claims"\n    strategy "Discovery', '    unit "TBD"\n    strategy "Discovery',
             "objective Qualify fraud analytics in Claims unit"),
    "with": ('with "Nora Vance"', 'with "TBD"', "objective Monthly steering meeting with the COO with"),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_text_field_is_checked_for_placeholders(field: str) -> None:
    old, new, where = FIELDS[field]
    found = "TODO" if field == "how" else "TBD"
    assert messages(lint(change(old, new), select=["PL901"]), "PL901") == [f"placeholder '{found}' in {where}: \"{found}\""]


def test_a_quoted_supports_is_a_reference_not_a_pasted_sentence() -> None:
    assert lint(GOOD, select=["PL9"]).failing() == []


def test_a_placeholder_source_is_not_a_source() -> None:
    text = change('goal "Cut claims processing cost by 15% before 2028" source "2026 annual report"',
                  'goal "Cut claims processing cost by 15% before 2028" source "TBD"')
    result = lint(text, select=["PL105", "PL106"])
    assert messages(result, "PL105") == ['goal "Cut claims processing cost by 15% before 2028" names no source']


SHARED = '      action "Monthly steering call with Nora Vance" owner "Jane Doe" repeats monthly\n'


def test_the_same_owned_action_under_two_strategies_is_one_commitment_not_pasted_text() -> None:
    text = change('      action "Reference visit to Massive Dynamic with Nora Vance" owner "Jane Doe" due 2027-04-15\n',
                  '      action "Reference visit to Massive Dynamic with Nora Vance" owner "Jane Doe" due 2027-04-15\n' + SHARED)
    text = change('      action "Propose the steering charter to Nora Vance" owner "Jane Doe" due 2027-03-31\n',
                  '      action "Propose the steering charter to Nora Vance" owner "Jane Doe" due 2027-03-31\n' + SHARED, text)
    assert messages(lint(text, select=["PL903"]), "PL903") == []
    unowned = text.replace(' owner "Jane Doe" repeats monthly', "")  # the same line, nobody's: filler
    assert len(messages(lint(unowned, select=["PL903"]), "PL903")) == 2


def test_two_words_are_an_answer_when_one_is_a_number() -> None:
    text = change('      weakness "No claims-specific workflow module"\n', '      weakness "15% dearer"\n')
    assert messages(lint(text, select=["PL904"]), "PL904") == []
    text = change('      weakness "No claims-specific workflow module"\n', '      weakness "Dearer"\n')
    assert messages(lint(text, select=["PL904"]), "PL904") == ['competitor Hooli Cloud: "Dearer" is a 1-word answer; write at least 3 words']
