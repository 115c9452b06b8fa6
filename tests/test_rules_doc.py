"""docs/rules.md ends with the rule reference generated from the rules; this fails when it is stale."""

from __future__ import annotations

import json
from pathlib import Path

from _planlint import run

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "rules.md"
UPDATE = "docs/rules.md is stale: run `planlint rules --format markdown --into docs/rules.md`"


def test_the_rule_reference_in_docs_rules_md_is_generated_from_the_rules(tmp_path: Path) -> None:
    generated = run("rules", "--format", "markdown", cwd=tmp_path)
    assert generated.code == 0, generated.err
    marker = generated.out.splitlines()[0]
    document = DOC.read_text(encoding="utf-8")
    assert marker in document, UPDATE
    assert document[document.index(marker):] == generated.out, UPDATE


def test_every_rule_has_a_section_and_its_link_points_at_it(tmp_path: Path) -> None:
    rows = json.loads(run("rules", "--format", "json", cwd=tmp_path).out)
    document = DOC.read_text(encoding="utf-8")
    for row in rows:
        anchor = row["code"].lower()
        assert f'<a id="{anchor}"></a>\n\n### {row["code"]} {row["name"]}' in document
        assert row["link"].endswith(f"docs/rules.md#{anchor}")


def test_into_rewrites_only_the_reference(tmp_path: Path) -> None:
    page = tmp_path / "rules.md"
    page.write_text("# Our notes\n\nKept as written.\n", encoding="utf-8")
    assert run("rules", "--format", "markdown", "--into", str(page), cwd=tmp_path).code == 0
    once = page.read_text(encoding="utf-8")
    assert once.startswith("# Our notes\n\nKept as written.\n\n<!-- The rule reference")
    assert run("rules", "--format", "markdown", "--into", str(page), cwd=tmp_path).code == 0
    assert page.read_text(encoding="utf-8") == once
    assert run("rules", "--into", str(page), cwd=tmp_path).code == 2
