"""Holding plans against CRM exports (issue 20), through the command line as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRM = ["--crm", "samples/crm/opportunities.csv", "--contacts", "samples/crm/contacts.csv"]
HEADER = ('"Account Name","Opportunity Name","Stage","Amount","Close Date","Probability (%)","Created Date",'
          '"Closed","Won","Last Activity"\n')
PLAN = ('plan "Acme FY2027" {\n  account "Acme Corp"\n  period 2027-01-01 to 2027-12-31\n'
        '  stakeholder "Mary Chen" {\n    role economic_buyer\n  }\n'
        '  objective revenue "Win the ERP consolidation" {\n    target $1M by 2027-12-31\n  }\n'
        '  pipeline {\n    deals 2\n    average $100k\n  }\n}\n')


def planlint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)


def check_json(*args: str, cwd: Path = ROOT) -> dict:
    result = planlint("check", *args, "--format", "json", "--no-cache", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def findings(data: dict, path: str) -> list[dict]:
    return next(f for f in data["files"] if f["path"] == path)["findings"]


def test_the_samples_show_crm_findings_and_the_malformed_rows_lines() -> None:
    result = planlint("check", "samples/", *CRM, "--no-cache")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = result.stdout
    assert "samples/crm/opportunities.csv:11:1: warning PL014 crm-row: amount 'TBD' is not a number" in out
    assert "samples/crm/opportunities.csv:13:1: warning PL014 crm-row: 'Close Date' '01/02/2027' is ambiguous" in out
    assert 'date-format = "%m/%d/%Y"' in out
    assert "samples/crm/opportunities.csv:18:1: warning PL014 crm-row: the row has 9 fields, the header 11" in out
    assert "samples/crm/contacts.csv:12:1: warning PL014 crm-row: the row has no 'Account Name'" in out
    assert ("samples/acme.plan:3:11: warning PL701 crm-overdue-opportunity: samples/crm/opportunities.csv:4: open "
            "opportunity 'Predictive maintenance pilot, Lyon' (Qualification) was due to close on 2027-01-15") in out
    assert "PL703 crm-pipeline: open deals: the plan says 6 (stated), samples/crm/opportunities.csv has 4; |6 − 4| ÷ 4 = 50%" in out
    assert "samples/hospital-group.plan:83:3: info    PL704 crm-stakeholder-contact: stakeholder 'Omar Haddad'" in out
    assert "samples/form.plan:51:3: warning PL702 crm-revenue-opportunity" in out
    assert "samples/portfolio.plan" in out  # the run completed past the exports and every plan


def test_without_an_export_the_crm_category_does_not_exist() -> None:
    plain = check_json("samples/", "--as-of", "2027-02-01")
    assert all(f["kind"] != "export" for f in plain["files"])
    for entry in plain["files"]:
        assert "crm" not in entry["categories"]
        assert not [x for x in entry["findings"] if x["code"].startswith("PL7") or x["code"] == "PL014"]
        assert not [r for r in entry["rules"] if r["code"].startswith("PL7")]
    with_crm = check_json("samples/", *CRM)
    acme = next(f for f in with_crm["files"] if f["path"] == "samples/acme.plan")
    assert "crm" in acme["categories"]
    exports = [f for f in with_crm["files"] if f["kind"] == "export"]
    assert [f["path"] for f in exports] == ["samples/crm/contacts.csv", "samples/crm/opportunities.csv"]
    assert [x["line"] for x in exports[1]["findings"]] == [11, 13, 18]


def test_sarif_carries_the_rows_with_their_file_and_line() -> None:
    result = planlint("check", "samples/", *CRM, "--format", "sarif", "--no-cache")
    data = json.loads(result.stdout)
    described = {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert {"PL014", "PL701", "PL702", "PL703", "PL704"} <= described
    rows = [r for r in data["runs"][0]["results"] if r["ruleId"] == "PL014"]
    places = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in rows}
    assert any(uri.endswith("samples/crm/opportunities.csv") and line == 18 for uri, line in places), places


def test_bom_quoted_newlines_currency_and_salesforce_footer(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(PLAN, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(
        "\ufeff" + HEADER
        + '"ACME Corporation","ERP\nphase one","Proposal","$1,200,000.00","2027-03-31","50","2026-10-01","false","false",""\n'
        + '"Other Co","Ignored","Proposal","not money","2027-03-31","50","","0","0",""\n'
        + '"Acme Corp","Pilot","Qualification","USD 95,000","2026-12-01","10","","0","0",""\n'
        + '\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2027 salesforce.com, inc."\n'
        + '"Generated By:  Jane Doe  2/1/2027 8:12 AM"\n', encoding="utf-8")
    (tmp_path / "planlint.toml").write_text(
        'as-of = 2027-02-01\n[crm]\nopportunities = "opps.csv"\ntolerance = 10\n'
        '[crm.aliases]\n"Acme Corp" = ["ACME Corporation"]\n', encoding="utf-8")
    data = check_json("acme.plan", cwd=tmp_path)
    assert [f["kind"] for f in data["files"]] == ["plan"]  # the unmatched account's bad row is never even kept
    messages = [x["message"] for x in findings(data, "acme.plan") if x["code"].startswith("PL7")]
    assert any("opps.csv:5: open opportunity 'Pilot'" in m and "2026-12-01" in m for m in messages), messages
    average = [m for m in messages if m.startswith("average deal value")]
    assert average == ["average deal value (USD): the plan says $100.0k (stated), opps.csv has $647.5k ($1.29M ÷ 2 "
                       "open deals); |$100.0k − $647.5k| ÷ $647.5k = 85%, more than the 10% tolerance"]
    assert not [m for m in messages if m.startswith("open deals")]  # 2 stated, 2 open: within tolerance


def test_ambiguous_dates_are_refused_unless_a_format_is_named(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(PLAN, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(
        HEADER + '"Acme Corp","Pilot","Qualification","$95,000","01/02/2027","10","","0","0",""\n', encoding="utf-8")
    refused = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    row = findings(refused, "opps.csv")
    assert [(x["line"], x["code"]) for x in row] == [(2, "PL014")] and "is ambiguous" in row[0]["message"]
    named = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01",
                       "--config", 'crm.date-format = "%d/%m/%Y"', cwd=tmp_path)
    assert all(f["kind"] == "plan" for f in named["files"])
    overdue = [x["message"] for x in findings(named, "acme.plan") if x["code"] == "PL701"]
    assert overdue == []  # read as 1 February 2027: not past on that day
    month_first = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01",
                             "--config", 'crm.date-format = "%m/%d/%Y"', cwd=tmp_path)
    overdue = [x["message"] for x in findings(month_first, "acme.plan") if x["code"] == "PL701"]
    assert overdue == ["opps.csv:2: open opportunity 'Pilot' (Qualification) was due to close on 2027-01-02, 30 days ago"]


def test_an_export_that_cannot_be_used_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(PLAN, encoding="utf-8")
    (tmp_path / "odd.csv").write_text("Company,Deal\nAcme Corp,ERP\n", encoding="utf-8")
    missing = planlint("check", "acme.plan", "--crm", "nope.csv", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.csv: no such CRM export" in missing.stderr
    odd = planlint("check", "acme.plan", "--crm", "odd.csv", cwd=tmp_path)
    assert odd.returncode == 2 and "odd.csv: the headers match no built-in opportunities profile" in odd.stderr
    assert "Traceback" not in odd.stderr
    alone = planlint("check", "acme.plan", "--contacts", "odd.csv", cwd=tmp_path)
    assert alone.returncode == 2 and "--contacts needs --crm" in alone.stderr


def test_an_edited_export_is_a_cache_miss(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(PLAN, encoding="utf-8")
    export = tmp_path / "opps.csv"
    export.write_text(HEADER + '"Acme Corp","Pilot","Qualification","$95,000","2027-06-01","10","","0","0",""\n',
                      encoding="utf-8")
    args = ("check", "acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", "--format", "json")
    first = planlint(*args, cwd=tmp_path)
    codes = lambda run: [x["code"] for f in json.loads(run.stdout)["files"] for x in f["findings"]]  # noqa: E731
    assert "PL701" not in codes(first)
    export.write_text(HEADER + '"Acme Corp","Pilot","Qualification","$95,000","2027-01-01","10","","0","0",""\n',
                      encoding="utf-8")
    second = planlint(*args, cwd=tmp_path)
    assert "PL701" in codes(second)


def test_a_crm_rules_examples_need_their_own_rows() -> None:
    from dataclasses import replace
    import datetime as dt

    from planlint.api.registry import load_registry
    from planlint.engine import run_examples

    rule = next(r for r in load_registry().rules if r.info.code == "PL701")
    assert all(result.ok for result in run_examples([rule], dt.date(2027, 3, 1)))
    without = type(rule)()
    without.info = replace(rule.info, crm=())  # no rows: the crm rule does not run, so no example proves anything
    assert [(r.kind, r.ok) for r in run_examples([without], dt.date(2027, 3, 1))] == [("failing", False), ("passing", False)]
    broken = type(rule)()
    broken.info = replace(rule.info, crm={"opportunities": "Account Name,Opportunity Name,Stage,Amount,Close Date\n"
                                                            "Late Co,ERP,Proposal,lots,2027-01-31\n"})
    [result] = run_examples([broken], dt.date(2027, 3, 1))
    assert not result.ok and result.detail == ("the rule's CRM rows: opportunities.csv:2: amount 'lots' is not a number "
                                               "(write it as 125000, $125,000 or USD 125000.00)")


ROLES = ["--contact-roles", "samples/crm/contact-roles.csv"]


def test_buyers_in_the_contact_roles_missing_from_the_plan() -> None:
    data = check_json("samples/", *CRM, *ROLES, "--as-of", "2027-02-01")
    acme = [x["message"] for x in findings(data, "samples/acme.plan") if x["code"] == "PL705"]
    # Laura Becker decides on an open deal and is not mapped; Klaus Meyer's deal is closed; Mary Chen is mapped
    assert acme == ["samples/crm/contact-roles.csv:4: 'Laura Becker' is the Decision Maker on "
                    "'ERP consolidation - Manufacturing' in the CRM but not a stakeholder in the plan"]
    hospital = next(f for f in data["files"] if f["path"] == "samples/hospital-group.plan")
    assert not [x for x in hospital["findings"] if x["code"] == "PL705"]
    assert next(r for r in hospital["rules"] if r["code"] == "PL705")["total"] == 2  # both buyers are mapped
    without = check_json("samples/", *CRM, "--as-of", "2027-02-01")  # no role export: PL705 has nothing to look at
    assert not [x for f in without["files"] for x in f["findings"] if x["code"] == "PL705"]
    alone = planlint("check", "samples/acme.plan", *ROLES)
    assert alone.returncode == 2 and "--contact-roles needs --crm" in alone.stderr


def test_the_last_contact_rule_reads_the_contacts_exports_last_activity(tmp_path: Path) -> None:
    plan = PLAN.replace('role economic_buyer\n', 'role economic_buyer\n    influence high\n')
    plan = plan.replace('  pipeline {', '  stakeholder "Tom Reyes" {\n    role champion\n    influence high\n'
                        '    last_contact 2026-09-01\n  }\n  cadence monthly\n  pipeline {')
    (tmp_path / "acme.plan").write_text(plan, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(HEADER, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(
        "Account Name,First Name,Last Name,Title,Last Activity\n"
        "Acme Corp,Mary,Chen,CFO,2026-11-20\nAcme Corp,Tom,Reyes,VP Operations,2027-01-25\n", encoding="utf-8")
    alone = check_json("acme.plan", "--as-of", "2027-02-01", cwd=tmp_path)
    assert [x["message"] for x in findings(alone, "acme.plan") if x["code"] == "PL157"] == [
        "no contact with 'Mary Chen' is recorded: add `last_contact DATE`",
        "'Tom Reyes' was last contacted 2026-09-01, 153 days before 2027-02-01; a monthly cadence allows 31"]
    fed = check_json("acme.plan", "--as-of", "2027-02-01", "--crm", "opps.csv", "--contacts", "contacts.csv",
                     cwd=tmp_path)
    # Mary: the plan gives none, the export's last activity is used and cited; Tom: the export's is later
    assert [x["message"] for x in findings(fed, "acme.plan") if x["code"] == "PL157"] == [
        "'Mary Chen' was last contacted 2026-11-20 (contacts.csv:2), 73 days before 2027-02-01; "
        "a monthly cadence allows 31"]
    assert not [x for x in findings(fed, "acme.plan") if x["code"].startswith("PL7") and "Tom" in x["message"]]


def test_named_opportunities_against_the_crms() -> None:
    data = check_json("samples/hospital-group.plan", *CRM, "--as-of", "2027-02-01")
    deals = [(x["line"], x["message"]) for x in findings(data, "samples/hospital-group.plan") if x["code"] == "PL706"]
    # fiscal quarters (July start) agree with the CRM's dates in them; the discovery study's amount does not
    assert deals == [(186, "opportunity 'Regional EHR discovery study' disagrees with samples/crm/opportunities.csv:9: "
                           "amount $150k in the plan, $180.0k in the CRM (17% apart, more than 5%)")]
    rule = next(r for r in next(f for f in data["files"] if f["path"] == "samples/hospital-group.plan")["rules"]
                if r["code"] == "PL706")
    assert (rule["passed"], rule["total"]) == (3, 4)


def test_named_opportunities_missing_on_either_side_or_disagreeing(tmp_path: Path) -> None:
    plan = PLAN.replace("    deals 2\n    average $100k\n", '    opportunity "ERP phase one" {\n      stage proposal\n'
                        '      amount $1.2M\n      close Q2 2027\n    }\n    opportunity "Fleet telematics" {\n'
                        '      stage lead\n    }\n')
    (tmp_path / "acme.plan").write_text(plan, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(
        HEADER + '"Acme Corp","ERP phase one","Negotiation/Review","$1,000,000","2027-07-15","60","","0","0",""\n'
        '"Acme Corp","Pilot","Qualification","$95,000","2027-05-01","10","","0","0",""\n', encoding="utf-8")
    data = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    assert [x["message"] for x in findings(data, "acme.plan") if x["code"] == "PL706"] == [
        "opps.csv:3: open opportunity 'Pilot' (Qualification, $95.0k) is not among the plan's named opportunities",
        "opportunity 'ERP phase one' disagrees with opps.csv:2: stage proposal in the plan, 'Negotiation/Review' "
        "(negotiation) in the CRM; amount $1.2M in the plan, $1.00M in the CRM (20% apart, more than 5%); "
        "close Q2 2027 in the plan, 2027-07-15 in the CRM",
        "opportunity 'Fleet telematics' is not in opps.csv for account 'Acme Corp'"]


HISTORY = (HEADER + '"Acme Corp","ERP","Proposal","$400,000","2027-09-30","50","2026-12-01","0","0",""\n'
           '"Acme Corp","Renewal","Closed Won","$300,000","2026-11-30","100","2026-08-02","1","1",""\n'
           '"Acme Corp","Pilot","Closed Lost","$50,000","2026-06-30","0","2026-03-01","1","0",""\n'
           '"Acme Corp","Old deal","Closed Lost","$50,000","2025-06-30","0","2025-03-01","1","0",""\n')


def test_win_rate_and_cycle_against_the_last_twelve_months(tmp_path: Path) -> None:
    plan = PLAN.replace("    average $100k\n", "    average $400k\n    win_rate 80%\n    cycle 2 months\n")
    (tmp_path / "acme.plan").write_text(plan.replace("deals 2", "deals 1"), encoding="utf-8")
    (tmp_path / "opps.csv").write_text(HISTORY, encoding="utf-8")
    data = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    # the 2025 loss is older than twelve months: 1 won of 2 closed
    assert [x["message"] for x in findings(data, "acme.plan") if x["code"] == "PL703"] == [
        "win rate: the plan says 80% (stated), opps.csv has 50% (1 won ÷ 2 closed in the 12 months to 2027-02-01); "
        "|80% − 50%| ÷ 50% = 60%, more than the 20% tolerance",
        "sales cycle: the plan says 60 days (stated), opps.csv has 120 days (120 days ÷ 1 won deals, created to "
        "close); |60 days − 120 days| ÷ 120 days = 50%, more than the 20% tolerance"]


def test_velocity_on_the_crms_numbers_when_the_plan_states_no_pipeline(tmp_path: Path) -> None:
    plan = PLAN.replace("  pipeline {\n    deals 2\n    average $100k\n  }\n", "")
    (tmp_path / "acme.plan").write_text(plan, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(HISTORY, encoding="utf-8")
    data = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    assert [x["message"] for x in findings(data, "acme.plan") if x["code"] == "PL707"] == [
        "revenue targets in USD total $1.00M but the CRM's pipeline (opps.csv) yields about $608.3k over the 365-day "
        "plan period: 1 deals × $400.0k × 50% ÷ 120 days = $1.7k/day; × 365 days = $608.3k; the target is 1.6× that "
        "(more than 1.5×)"]
    stated = check_json("acme.plan", "--as-of", "2027-02-01", cwd=tmp_path)
    assert not [x for x in findings(stated, "acme.plan") if x["code"].startswith("PL7")]


def test_without_an_export_every_result_is_exactly_what_it_is_without_the_crm_category() -> None:
    """The crm category (its rules, its weight) exists only with --crm: every plan's score, categories, pillars
    and findings are what they would be if planlint had no CRM rules at all."""
    import datetime as dt
    from dataclasses import replace

    from planlint.engine import Linter, lint_file, load_registry

    registry = load_registry()
    assert "crm" in registry.categories and any(r.info.category == "crm" for r in registry.rules)
    bare = replace(registry, rules=[r for r in registry.rules if r.info.category != "crm"],
                   categories={name: c for name, c in registry.categories.items() if name != "crm"})
    plans = sorted([*(ROOT / "samples").glob("*.plan"), *(ROOT / "tests" / "calibration").rglob("*.plan")])
    assert len(plans) > 10
    for path in plans:
        with_category = lint_file(Linter(registry, as_of=dt.date(2027, 2, 1)), path, path.name)
        without = lint_file(Linter(bare, as_of=dt.date(2027, 2, 1)), path, path.name)
        assert with_category.model_dump() == without.model_dump(), path


def test_the_report_shows_each_plan_against_the_crm_and_keeps_its_own_scores() -> None:
    report = planlint("report", "samples/", *CRM, "--format", "markdown", "--as-of", "2027-02-01", "--history", "0")
    assert report.returncode == 0 and "Traceback" not in report.stderr, report.stderr
    acme = report.stdout.split("### Acme")[1].split("\n### ")[0]
    assert "**Against the CRM** (samples/crm/opportunities.csv · account Acme Corp)" in acme
    for row in ("| open deals | 6 | 4 |", "| pipeline | $2.52M | $2.08M |",
                "| average deal value | $420.0k | $521.2k ($2.08M ÷ 4 open deals) |",
                "| win rate | 40% | 50% (1 won ÷ 2 closed in the 12 months to 2027-02-01) |",
                "| sales cycle | 120 days | 293 days (293 days ÷ 1 won deals, created to close) |",
                "| target coverage | 146% ($3.07M of $2.10M) | 62% ($1.30M of $2.10M) |"):
        assert row in acme, row
    assert "crm-pipeline | open deals: the plan says 6 (stated)" in acme
    assert "key-contact-recent | 'David Park' was last contacted 2026-12-14 (samples/crm/contacts.csv:3)" in acme
    assert "[PL703](https://github.com/planlint/planlint/blob/main/docs/rules.md#pl703)" in acme
    assert "No row of the exports names this account" in report.stdout  # the blank template's placeholder account
    with_crm = json.loads(planlint("report", "samples/", *CRM, "--format", "json", "--as-of", "2027-02-01",
                                   "--history", "0").stdout)
    plain = json.loads(planlint("report", "samples/", "--format", "json", "--as-of", "2027-02-01",
                                "--history", "0").stdout)
    assert all(p["crm"] is None for p in plain["plans"])
    assert [p["path"] for p in with_crm["plans"] if p["crm"] is None] == ["samples/broken.plan"]  # not a plan
    # the report's scores, categories and change figures stay the plan's own: the CRM is a section beside them
    strip = lambda report: [{k: v for k, v in p.items() if k != "crm"} for p in report["plans"]]  # noqa: E731
    assert strip(with_crm) == strip(plain)


def test_a_hubspot_deals_export_and_a_custom_crm_with_its_own_stage_words(tmp_path: Path) -> None:
    plan = PLAN.replace("    deals 2\n    average $100k\n", '    opportunity "ERP phase one" {\n      stage commit\n'
                        '      amount $1.2M\n      close 2027-06-30\n    }\n')
    (tmp_path / "acme.plan").write_text(plan, encoding="utf-8")
    (tmp_path / "deals.csv").write_text(
        "Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Associated Company\n"
        "ERP phase one,contractsent,1200000,2027-06-30,2026-11-01,Sales Pipeline,Acme Corp\n"
        "Pilot,appointmentscheduled,95000,2027-01-10,2026-12-01,Sales Pipeline,Acme Corp\n"
        "Renewal,closedwon,300000,2026-12-20,2026-09-01,Sales Pipeline,Acme Corp\n", encoding="utf-8")
    data = check_json("acme.plan", "--crm", "deals.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    found = [(x["code"], x["message"]) for x in findings(data, "acme.plan") if x["code"] in ("PL701", "PL706")]
    # contractsent is the plan's commit; the closed-won renewal is not overdue; the open pilot is, and is not named
    assert "open deals: the plan says 1 (its open named opportunities), deals.csv has 2" in json.dumps(data)
    assert found == [
        ("PL701", "deals.csv:3: open opportunity 'Pilot' (appointmentscheduled) was due to close on 2027-01-10, "
                  "22 days ago"),
        ("PL706", "deals.csv:3: open opportunity 'Pilot' (appointmentscheduled, $95.0k) is not among the plan's named "
                  "opportunities")]
    (tmp_path / "odd.csv").write_text("Company,Deal,Status,Value,Expected close\n"
                                      "Acme Corp,ERP phase one,Verbal yes,1200000,2027-06-30\n", encoding="utf-8")
    (tmp_path / "planlint.toml").write_text(
        '[crm.columns]\naccount = "Company"\nname = "Deal"\nstage = "Status"\namount = "Value"\n'
        'close = "Expected close"\n[crm.stages]\n"Verbal yes" = "negotiation"\n', encoding="utf-8")
    custom = check_json("acme.plan", "--crm", "odd.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    assert [x["message"] for x in findings(custom, "acme.plan") if x["code"] == "PL706"] == [
        "opportunity 'ERP phase one' disagrees with odd.csv:2: stage commit in the plan, 'Verbal yes' (negotiation) "
        "in the CRM"]


def test_an_amount_with_dots_between_thousands_is_reported_never_misread(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(PLAN, encoding="utf-8")
    (tmp_path / "opps.csv").write_text(
        HEADER + '"Acme Corp","ERP","Proposal","EUR 210.000,00","2027-09-30","50","","0","0",""\n'
        '"Acme Corp","Pilot","Proposal","40.000","2027-09-30","50","","0","0",""\n'
        '"Acme Corp","Renewal","Proposal","$1,250,000.50","2027-09-30","50","","0","0",""\n', encoding="utf-8")
    data = check_json("acme.plan", "--crm", "opps.csv", "--as-of", "2027-02-01", cwd=tmp_path)
    rows = findings(data, "opps.csv")
    assert [(x["line"], x["message"].split(" uses")[0]) for x in rows] == [
        (2, "amount 'EUR 210.000,00'"), (3, "amount '40.000'")]
    assert "commas between thousands" in rows[0]["message"]
    average = [x["message"] for x in findings(data, "acme.plan") if x["message"].startswith("average deal value")]
    assert average and "opps.csv has $1.25M ($1.25M ÷ 1 open deals)" in average[0]  # only the row read right counts
