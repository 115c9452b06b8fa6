"""Broken packs: every mistake named by file, line, rule and field, exit 2, never a traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from planlint.api.packs.patterns import UnsafePattern, compile_pattern

from _planlint import PLAN, run

GOOD_RULE = """\
[[rule]]
code = "{code}"
name = "revenue-floor"
category = "objectives"
message = "objective '{{name}}' targets {{value}}"
why = "Small deals cost more to sell than they earn."
fix = "Raise the target."
items = "revenue_objectives"
check = {{ field = "target.value", at_least = "$50k" }}
passing = ['objective revenue "Win the ERP consolidation" {{ target $500k by 2027-06-30 }}']
failing = ['objective revenue "Win the ERP consolidation" {{ target $5k by 2027-06-30 }}']
"""


def pack(name: str, *rules: str) -> str:
    return f'[pack]\nname = "{name}"\n\n' + "\n".join(rules)


def check_with(tmp_path: Path, *packs: str) -> "object":
    (tmp_path / "a.plan").write_text(PLAN, encoding="utf-8")
    args = ["check", "a.plan"]
    for index, text in enumerate(packs):
        name = f"pack{index}.toml"
        (tmp_path / name).write_text(text, encoding="utf-8")
        args += ["--pack", name]
    return run(*args, cwd=tmp_path)


def test_a_good_pack_applies(tmp_path: Path) -> None:
    result = check_with(tmp_path, pack("acme", GOOD_RULE.format(code="ACME101")))
    assert result.code == 1 and "ACME101" not in result.err
    assert "pack0.toml" not in result.err


def test_unknown_check_names_file_line_rule_field_and_suggests(tmp_path: Path) -> None:
    broken = GOOD_RULE.format(code="ACME101").replace('at_least = "$50k"', 'minn_count = 2')
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2
    assert ("planlint: error: pack0.toml:12: rule ACME101: field 'check': unknown check 'minn_count' "
            "— did you mean 'min_count'?") in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_every_mistake_in_a_rule_is_reported_at_once(tmp_path: Path) -> None:
    broken = (GOOD_RULE.format(code="ACME101")
              .replace('category = "objectives"', 'category = "objectivs"\nseverity = "warnng"')
              .replace("{name}", "{nmae}")
              .replace('"revenue_objectives"', '"revenue_objectivs"'))
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert "pack0.toml:8: rule ACME101: field 'severity': 'warnng' is not valid — did you mean 'warning'?" in lines[0]
    assert any("field 'category': unknown category 'objectivs' — did you mean 'objectives'?" in line for line in lines)
    assert any("field 'message': unknown placeholder '{nmae}' — did you mean 'name'?" in line for line in lines)
    assert any("pack0.toml:12: rule ACME101: field 'items': unknown items 'revenue_objectivs' — did you mean "
               "'revenue_objectives'?" in line for line in lines)


def test_unknown_field_suggests_the_nearest(tmp_path: Path) -> None:
    broken = GOOD_RULE.format(code="ACME101").replace('"target.value"', '"target.valeu"')
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2
    assert "field 'check': field 'target.valeu': unknown field 'valeu' on target — did you mean 'value'?" in result.err


def test_a_rule_without_examples_is_refused(tmp_path: Path) -> None:
    broken = "\n".join(line for line in GOOD_RULE.format(code="ACME101").splitlines() if not line.startswith("failing"))
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2 and "field 'failing': is required but missing" in result.err


def test_toml_syntax_error_shows_line_and_column(tmp_path: Path) -> None:
    result = check_with(tmp_path, '[pack]\nname = "acme"\n[[rule]]\ncode = = "X1"\n')
    assert result.code == 2
    assert "planlint: error: pack0.toml:4:8: not valid TOML: Invalid value" in result.err


def test_missing_pack_file(tmp_path: Path) -> None:
    (tmp_path / "a.plan").write_text(PLAN, encoding="utf-8")
    result = run("check", "a.plan", "--pack", "nope.toml", cwd=tmp_path)
    assert result.code == 2 and "nope.toml: no such file" in result.err


def test_rule_codes_clashing_across_packs_are_an_error(tmp_path: Path) -> None:
    result = check_with(tmp_path, pack("acme", GOOD_RULE.format(code="ACME101")),
                        pack("emea", GOOD_RULE.format(code="ACME101")))
    assert result.code == 2
    assert "rule code ACME101 is already used by 'pack:pack0.toml'; codes must be unique across packs" in result.err


def test_a_pack_may_not_reuse_a_builtin_code(tmp_path: Path) -> None:
    result = check_with(tmp_path, pack("acme", GOOD_RULE.format(code="PL101")))
    assert result.code == 2 and "rule code PL101 is already used by 'planlint.rules.builtin'" in result.err


@pytest.mark.parametrize(
    "pattern,reason",
    [
        (r"(a)\1", "cannot run back-references"),
        (r"(?P<x>a)(?P=x)", "cannot run back-references"),
        ("foo(?=bar)", "cannot run look-ahead and look-behind"),
        ("(?<=a)b", "cannot run look-ahead and look-behind"),
        ("foo(?!bar)", "cannot run negative look-ahead"),
        ("(?>(a+)+b)", "cannot run atomic groups"),
        ("a*+b", "cannot run possessive quantifiers"),
        (r"\d++", "cannot run possessive quantifiers"),
        ("(a)?(?(1)b|c)", "cannot run conditionals"),
        ("(?x) a b", "verbose mode"),
        (r"[^\W\d]", "cannot be translated for RE2"),
        ("a{99999999999}", "far too large"),
        ("(?:(?:a{1000}){1000}){1000}", "RE2 cannot run this pattern"),
        ("x" * 1001, "the limit is 1000"),
        ("(", "not a valid pattern"),
    ],
)
def test_patterns_re2_cannot_run_are_refused_by_name(pattern: str, reason: str) -> None:
    with pytest.raises(UnsafePattern, match=re.escape(reason)):
        compile_pattern(pattern)


def test_a_refused_pattern_in_a_pack_is_a_load_error_naming_pack_rule_and_field(tmp_path: Path) -> None:
    broken = GOOD_RULE.format(code="ACME101").replace(
        'check = { field = "target.value", at_least = "$50k" }', "check = { field = \"name\", matches = '(a)\\1' }")
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2
    assert "rule ACME101: field 'check': matches: pattern '(a)\\\\1' refused: RE2" in result.err
    assert "cannot run back-references" in result.err


@pytest.mark.parametrize("pattern,text,expected", [
    (r"\bJosé\b", "call José Pérez", True),       # \b next to an accented letter: Python's meaning, not ASCII's
    (r"\bJosé\b", "Josée Martin", False),
    (r"\bÉmile", "met Émile", True),
    (r"\bÉmile", "RÉmile", False),
    (r"^\w+$", "Müller", True),                    # \w takes every alphabet
    (r"^\w+$", "Пётр", True),
    (r"\d", "٣", True),                             # an Arabic-Indic digit is a digit, as in Python
    (r"^\s$", "\u00a0", True),                      # a no-break space is a space
    (r"josé", "JOSÉ", True),                         # case folding beyond ASCII
    (r"\b(?:grow|increase)\b", "Increase ARR", True),
    (r"\b(?:grow|increase)\b", "increased ARR", False),
    (r"\u00e9", "é", True),
])
def test_patterns_keep_pythons_unicode_meaning(pattern: str, text: str, expected: bool) -> None:
    assert (compile_pattern(pattern).search(text) is not None) is expected
    assert (re.search(pattern, text, re.IGNORECASE) is not None) is expected  # what the pack author tried in Python


def test_a_boundary_inside_a_pattern_is_ascii_as_documented() -> None:
    """Only an outer \\b is translated; docs/custom-rules.md says so, and this is what it means."""
    inner = compile_pattern(r"x\bé")
    assert inner.search("x é") is None and re.search(r"x\bé", "x é") is None
    assert inner.search("xé") is not None  # RE2: x then a non-ASCII letter is a boundary; Python: it is not


def test_one_pack_named_twice_by_different_paths_loads_once(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(pack("acme", GOOD_RULE.format(code="ACME101")), encoding="utf-8")
    (tmp_path / "a.plan").write_text(PLAN, encoding="utf-8")
    result = run("check", "a.plan", "--pack", "acme.toml", "--pack", str(path), "--format", "json", cwd=tmp_path)
    assert result.code != 2, result.err
    assert "already used" not in result.err
