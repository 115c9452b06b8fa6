"""Issue 14 item 4: every finding links to its rule's page, in JSON, SARIF, the report and explain.

planlint's own rules link to their section of docs/rules.md, under a base URL
that ``rules-docs-url`` moves; a pack rule's own ``link`` wins. A link is a
web page or nothing: ``javascript:`` is refused where it is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from _planlint import PACK, PLAN, SELECT_ACTIONS, run

DEFAULT = "https://github.com/planlint/planlint/blob/main/docs/rules.md"
OURS = "https://wiki.example.com/sales/planlint-rules"
PLAYBOOK = "https://playbook.example.com/revenue-floor"
LOW_TARGET = PLAN.replace("target $500k", "target $20k")
REPO = Path(__file__).resolve().parents[1]


def folder(tmp_path: Path, config: str = "", pack_link: str = "") -> Path:
    """A plan with PL302/PL303 findings and an ACME101 one, a pack (with ``pack_link``) and ``config``."""
    pack = PACK.replace('fix = "Raise the target."', f'fix = "Raise the target."\nlink = "{pack_link}"') if pack_link else PACK
    (tmp_path / "acme.toml").write_text(pack, encoding="utf-8")
    (tmp_path / "planlint.toml").write_text('select = ["PL302", "PL303", "ACME101"]\npacks = ["acme.toml"]\n' + config,
                                            encoding="utf-8")
    (tmp_path / "test.plan").write_text(LOW_TARGET, encoding="utf-8")
    return tmp_path


def json_links(cwd: Path) -> dict[str, str]:
    done = run("check", "--format", "json", "test.plan", cwd=cwd)
    assert done.code == 1, done.err
    return {finding["code"]: finding["link"] for finding in json.loads(done.out)["files"][0]["findings"]}


def test_json_findings_link_to_the_rules_docs_and_to_a_packs_own_page(tmp_path: Path) -> None:
    links = json_links(folder(tmp_path, pack_link=PLAYBOOK))
    assert links == {"PL302": f"{DEFAULT}#pl302", "PL303": f"{DEFAULT}#pl303", "ACME101": PLAYBOOK}


def test_a_pack_rule_without_a_link_has_none(tmp_path: Path) -> None:
    assert json_links(folder(tmp_path))["ACME101"] == ""


def test_rules_docs_url_moves_every_own_link_and_a_packs_own_link_still_wins(tmp_path: Path) -> None:
    cwd = folder(tmp_path, f'rules-docs-url = "{OURS}"\n', pack_link=PLAYBOOK)
    assert json_links(cwd) == {"PL302": f"{OURS}#pl302", "PL303": f"{OURS}#pl303", "ACME101": PLAYBOOK}
    sarif = json.loads(run("check", "--format", "sarif", "test.plan", cwd=cwd).out)
    help_uris = {rule["id"]: rule.get("helpUri") for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert help_uris["PL302"] == f"{OURS}#pl302" and help_uris["PL001"] == f"{OURS}#pl001"
    assert help_uris["ACME101"] == PLAYBOOK
    assert run("explain", "PL303", cwd=cwd).out.rstrip().endswith(f"More: {OURS}#pl303")
    rows = {row["code"]: row["link"] for row in json.loads(run("rules", "--format", "json", cwd=cwd).out)}
    assert rows["PL101"] == f"{OURS}#pl101" and rows["ACME101"] == PLAYBOOK


def test_an_unreadable_plans_syntax_error_links_under_the_configured_base_too(tmp_path: Path) -> None:
    cwd = folder(tmp_path, f'rules-docs-url = "{OURS}"\n')
    (cwd / "test.plan").write_text(PLAN.replace("objective revenue", "objectve revenue"), encoding="utf-8")
    assert json_links(cwd) == {"PL001": f"{OURS}#pl001"}


def test_the_cache_never_serves_links_made_under_another_base(tmp_path: Path) -> None:
    cwd = folder(tmp_path)
    assert json_links(cwd)["PL302"] == f"{DEFAULT}#pl302"  # now cached
    assert any((cwd / ".planlint_cache").iterdir())
    (cwd / "planlint.toml").write_text(SELECT_ACTIONS + f'rules-docs-url = "{OURS}"\n', encoding="utf-8")
    assert json_links(cwd)["PL302"] == f"{OURS}#pl302"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.com/rules", "docs/rules.md", ""])
def test_a_rules_docs_url_that_is_not_a_web_page_stops_the_run(tmp_path: Path, url: str) -> None:
    cwd = folder(tmp_path, f'rules-docs-url = "{url}"\n')
    done = run("check", "test.plan", cwd=cwd)
    assert done.code == 2
    assert "planlint.toml:3:1: bad value for 'rules-docs-url': expected an http or https page" in done.err
    assert "Traceback" not in done.err


def test_a_pack_link_that_is_not_a_web_page_is_refused_when_the_pack_loads(tmp_path: Path) -> None:
    cwd = folder(tmp_path, pack_link="javascript:alert(1)")
    done = run("check", "test.plan", cwd=cwd)
    assert done.code == 2
    assert re.search(r"acme\.toml:\d+: .*link.*'javascript:alert\(1\)' must be an http or https page", done.err), done.err


def test_the_config_schema_knows_the_key_and_refuses_a_script_link() -> None:
    schema = jsonschema.Draft202012Validator(json.loads((REPO / "docs" / "planlint.schema.json").read_text(encoding="utf-8")))
    assert not list(schema.iter_errors({"rules-docs-url": OURS}))
    assert list(schema.iter_errors({"rules-docs-url": "javascript:alert(1)"}))


def report(cwd: Path, fmt: str) -> str:
    done = run("report", "test.plan", "--format", fmt, "--history", "0", "--as-of", "2027-02-01", cwd=cwd)
    assert done.code == 0, done.err
    return done.out


def test_the_reports_rule_codes_link_to_the_rules_pages(tmp_path: Path) -> None:
    cwd = folder(tmp_path, f'rules-docs-url = "{OURS}"\n', pack_link=PLAYBOOK)
    html = report(cwd, "html")
    # each finding's code links to the rule's row in the page's list of rules, whose code opens the rule's page
    assert '<td><a href="#rule-pl302">PL302</a> action-owner</td>' in html
    assert '<td><a href="#rule-acme101">ACME101</a> revenue-floor</td>' in html
    assert f'<tr id="rule-pl302"><td><a href="{OURS}#pl302">PL302</a></td><td>action-owner</td></tr>' in html
    assert f'<tr id="rule-acme101"><td><a href="{PLAYBOOK}">ACME101</a></td><td>revenue-floor</td></tr>' in html
    markdown = report(cwd, "markdown")
    assert f"[PL302]({OURS}#pl302) action-owner" in markdown
    assert f"[ACME101]({PLAYBOOK}) revenue-floor" in markdown
    data = json.loads(report(cwd, "json"))
    assert {f["code"]: f["link"] for f in data["plans"][0]["findings"]}["PL303"] == f"{OURS}#pl303"


def test_a_rule_without_a_page_is_listed_without_a_link(tmp_path: Path) -> None:
    html = report(folder(tmp_path), "html")
    assert '<tr id="rule-acme101"><td><code>ACME101</code></td><td>revenue-floor</td></tr>' in html


def test_a_packs_link_cannot_break_out_of_the_reports_markup(tmp_path: Path) -> None:
    """A web page's URL may still hold quotes, brackets, pipes and braces: escaped in HTML, percent-encoded in Markdown."""
    hostile = 'https://x.example/p?a=1&b=(2)|{{c}}\\"<b>[d]'
    cwd = folder(tmp_path, pack_link=hostile)
    html = report(cwd, "html")
    assert '<a href="https://x.example/p?a=1&amp;b=(2)|{{c}}&quot;&lt;b&gt;[d]">ACME101</a></td><td>revenue-floor' in html
    markdown = report(cwd, "markdown")
    assert "[ACME101](https://x.example/p?a=1&amp;b=%282%29%7C%7B%7Bc%7D%7D%22%3Cb%3E%5Bd%5D) revenue-floor |" in markdown
    assert "{{" not in markdown and "<b>" not in markdown
