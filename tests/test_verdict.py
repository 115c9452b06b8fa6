"""The verdict model: how the axes and the pillars make the score and the band, and what counts as content."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from planlint.api.registry import load_registry
from planlint.engine import Linter
from planlint.engine.verdict import FORM_BELOW, band_of, combine
from planlint.api.text import boilerplate, is_substantive, placeholder, prompt

REPO = Path(__file__).resolve().parent.parent


def test_a_failed_pillar_puts_even_a_perfect_plan_below_the_tool_floor_and_more_go_lower() -> None:
    scores = [combine(100.0, 100.0, failed) for failed in range(7)]
    assert scores[0] == 100.0 and scores[1] == 80.0 < 85
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 7
    assert band_of(scores[1], 100.0) == "developing"


def test_text_that_is_mostly_form_halves_the_score_and_makes_the_band_form() -> None:
    assert combine(80.0, 0.0, 0) == 40.0 and combine(80.0, 100.0, 0) == 80.0
    assert band_of(90.0, FORM_BELOW - 0.1) == "form"
    # An honest plan that covers little is thin, never form.
    assert band_of(30.0, 100.0) == "thin" and band_of(59.9, 100.0) == "thin" and band_of(60.0, 100.0) == "developing"


# True sentences from honest plans: none is a placeholder, a template prompt or boilerplate.
HONEST = [
    "Cut operating cost 10% by FY2028",
    "Enter the Nordic market before the 2028 tender round",
    "Enter the Nordic market",
    "Replace the legacy ERP before the 2027 audit",
    "List price rises 8% in April for all renewals",
    "Describes itself as cloud-first since the 2025 board review",
    "Document management runs on SharePoint, owned by IT operations",
    "Provide 24/7 support for the Lyon plant from Q3",
    "Copy centre contract with Ricoh ends in June",
    "Three divisions run SAP, Oracle and a home-grown ERP respectively",
    "No internal integration team; all integration work is outsourced",
    "The CFO asked in January why the pilot results were late",
    "Budget for analytics was cut by half after the profit warning",
    "Globex maintenance contract ends 2027-11-30 with a 90-day notice period",
    "Installed in two divisions with a five-year maintenance contract",
    "Slow support response: three escalations to the CFO in 2026",
    "Initech: three ERPs consolidated in 14 months, 11% cost reduction",
    "Outline agreement signed with procurement in December",
    "Strong relationship with the CIO from a previous employer",
    "Customer success team of four covers the whole estate",
    "Other teams at the bank use Splunk for security logs",
    "Competitor pricing was 12% below ours in the 2026 tender",
    "Explained our roadmap to the CIO's staff in November",
    "Type approval for the new trucks is pending with the regulator",
    # Near the vendor self-praise and the names that name nobody, but true and particular.
    "Our people in Lyon ran the plant's cutover without a day of downtime",
    "Their main competitor in retail banking is Monzo, not the other high-street banks",
    "Key vendor risk flagged by their auditors: a single supplier for card processing",
    "The incumbent's contract was extended by procurement without a tender",
]
# Vendor self-praise every vendor writes about itself: no reason for this customer to choose us.
VENDOR_PRAISE = [
    "We offer a broad portfolio of high-quality solutions that fit their needs",
    "Our people, our expertise and our commitment to customer success",
    "Many satisfied customers in the food and beverage sector",
]
PROMPTS = [
    "What are the customer's top 3 business priorities for the year?",
    "Why would this customer choose us? List our strengths that matter to them",
    "List the customer's funded initiatives that our solutions could support",
    "Enter key facts from CRM: install base, contract end dates, spend",
    "Describe the main competitor's strengths in this account",
    "Copy the customer goal or initiative this objective supports",
]


@pytest.mark.parametrize("text", HONEST)
def test_true_sentences_stay_unflagged(text: str) -> None:
    assert (placeholder(text), prompt(text), boilerplate(text)) == (None, None, None)
    assert is_substantive(text)


@pytest.mark.parametrize("text", VENDOR_PRAISE)
def test_vendor_self_praise_is_boilerplate(text: str) -> None:
    assert boilerplate(text) is not None and not is_substantive(text)


@pytest.mark.parametrize("text", PROMPTS)
def test_template_prompts_in_fact_fields_are_not_content(text: str) -> None:
    assert prompt(text) is not None and not is_substantive(text)


@pytest.mark.parametrize("text", ["<Describe the customer's #1 strategic goal in one sentence, with a number and a date>",
                                  "[Relationship objective: e.g. Turn the CIO from neutral to supporter]",
                                  "Jane Smith (example)", "Other vendors", "Competitor A", "Main competitor",
                                  "The incumbent", "Key vendor", "Our biggest competitor", "e.g. Lower price per user",
                                  "Example: Contract renewal due 2027-09-30"])
def test_template_cells_are_placeholders_however_long(text: str) -> None:
    assert placeholder(text) is not None


def test_an_open_question_may_be_a_question() -> None:
    assert is_substantive("Who owns the integration budget after April?", question=True)


def test_an_objective_with_a_placeholder_metric_is_not_an_objective() -> None:
    plan = ('plan "Acme" {\n  period 2027-01-01 to 2027-12-31\n  objective revenue "Win the ERP consolidation" {\n'
            '    metric "[Metric]"\n    target $500k by 2027-06-30\n  }\n}\n')
    result = Linter(load_registry(), as_of=dt.date(2027, 2, 1)).lint_text(plan, "a.plan")
    assert "PL201" in {finding.code for finding in result.failing()}


def test_no_generated_plan_with_ten_error_findings_is_a_tool(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), str(tmp_path), "--count", "400"],
                   check=True, capture_output=True)
    linter = Linter(load_registry())
    tools_with_errors = []
    checked = 0
    for path in sorted(tmp_path.glob("*.plan")):
        result = linter.lint_path(path, path.name)
        errors = sum(1 for finding in result.failing() if finding.severity.value == "error")
        checked += result.kind == "plan"
        if errors >= 10 and result.band == "tool":
            tools_with_errors.append((path.name, result.score, errors))
    assert checked > 350 and tools_with_errors == []


def test_a_sentence_pasted_into_several_sections_is_research_in_none_of_them() -> None:
    pasted = "We have a strong relationship with the whole leadership team"
    plan = ('plan "Acme" {\n  period 2027-01-01 to 2027-12-31\n  research {\n    customer {\n'
            f'      goal "{pasted}"\n      fact "Three divisions run SAP, Oracle and a home-grown ERP"\n'
            '      pressure "New low-cost entrants are taking share in the EU market"\n    }\n'
            f'    company {{\n      strength "{pasted}"\n      reference "Initech consolidated three ERPs with us in 2025"\n'
            '    }\n  }\n}\n')
    result = Linter(load_registry(), as_of=dt.date(2027, 2, 1)).lint_text(plan, "a.plan")
    failed = {e.pillar for e in result.essentials if e.state == "failed"}
    assert {"customer", "company"} <= failed  # the pasted line counts in neither: 2 customer lines, 1 company line
    honest = plan.replace(f'strength "{pasted}"', 'strength "Two ERP migration references in manufacturing"')
    assert "company" not in {e.pillar for e in Linter(load_registry(), as_of=dt.date(2027, 2, 1)).lint_text(honest, "a.plan").essentials
                             if e.state == "failed"}
