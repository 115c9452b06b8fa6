"""Broken packs: every mistake named by file, line, rule and field, exit 2, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from planlint.api.packs.patterns import MAX_TEXT_LENGTH, UnsafePattern, compile_pattern

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
        ("(a+)+$", "a repetition inside a repetition"),
        (r"(\w+\s?)*$", "a repetition inside a repetition"),
        ("(a|aa)*b", "plain words that start with different letters"),
        (r"\w*\w*x", "two repetitions can match the same text"),
        (".*a.*", "two repetitions can match the same text"),
        ("foo.*bar.*baz.*qux", "several open-ended repetitions"),
        (r"^(\w+\s?){1,20}\.$", "a repetition inside a repetition"),  # a bounded outer repetition nests too
        (r"(\w{1,20}){1,20}!", "a repetition inside a repetition"),
        (r"\w{0,20}\w{0,20}\w{0,20}!", "two repetitions can match the same text"),
        ("[а-я]+[а-я]+!", "two repetitions can match the same text"),  # letters outside the shared sample
        (r"(a)\1", "back-references"),
        ("x" * 201, "the limit is 200"),
        ("(", "not a valid pattern"),
    ],
)
def test_patterns_that_backtrack_badly_are_refused(pattern: str, reason: str) -> None:
    with pytest.raises(UnsafePattern, match=reason.replace("(", r"\(")):
        compile_pattern(pattern)


HANG = 5.0  # seconds: a guard against a hang, not a performance figure (bench/run.py measures those)
HOSTILE = ["a" * 50_000, "ab" * 20_000, "1" * 50_000, " " * 50_000, "foo" * 20_000, "a@" * 20_000, "increase " * 5_000]
ACCEPTED = [r"\d{4}-\d{1,2}-\d{1,2}", r"[A-Z]{2,3}-\d{4}", r"\b(?:TBD|TODO)\b", r"^\s*\d+\s*%\s*$", "foo.*bar", r"\w+@\w+\.\w+", r"(?:kb|mb)+", r"\d+(?:\.\d+)?\s*[kKmM]",
            r"[A-Z][a-z]+ [A-Z][a-z]+", "foo.*bar.*baz", r"\b(?:increase|grow)\b[^\d]*$", r"\w+\s\w+\s\w+x"]


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_accepted_patterns_stay_fast_on_hostile_text(pattern: str) -> None:
    compiled = compile_pattern(pattern)
    started = time.perf_counter()
    for text in HOSTILE:
        compiled.search(text + "!")
    assert time.perf_counter() - started < HANG  # catastrophic backtracking takes minutes, not seconds
    assert compiled.search("x" * MAX_TEXT_LENGTH + "TBD foo bar") is None  # only a bounded prefix is read


def test_a_refused_pattern_in_a_pack_is_a_load_error(tmp_path: Path) -> None:
    broken = GOOD_RULE.format(code="ACME101").replace(
        'check = { field = "target.value", at_least = "$50k" }', "check = { field = \"name\", matches = '(a+)+$' }")
    result = check_with(tmp_path, pack("acme", broken))
    assert result.code == 2
    assert "field 'check': matches: pattern '(a+)+$' refused: a repetition inside a repetition" in result.err


def test_random_patterns_are_either_refused_plainly_or_fast() -> None:
    """A fixed-seed fuzz: any pattern the vetting accepts stays fast on hostile text; nothing else escapes."""
    import random

    tokens = ["a", "b", ".", r"\w", r"\d", r"\s", "[a-z]", "[^x]", "*", "+", "?", "{2,}", "{1,3}", "(", ")", "(?:",
              "|", "^", "$", r"\b", "(?=", "(?!", r"\1", "*?", "x", r"\."]
    texts = ["a" * 1000 + "!", "ab" * 500 + "!", "a b " * 250 + "!", "1" * 1000 + "!"]
    rng = random.Random(4)
    accepted = 0
    started = time.perf_counter()
    for _ in range(1500):
        pattern = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 10)))
        try:
            compiled = compile_pattern(pattern)
        except UnsafePattern:
            continue
        accepted += 1
        for text in texts:
            compiled.search(text)
    assert accepted > 100
    assert time.perf_counter() - started < 6 * HANG


def test_one_pack_named_twice_by_different_paths_loads_once(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(pack("acme", GOOD_RULE.format(code="ACME101")), encoding="utf-8")
    (tmp_path / "a.plan").write_text(PLAN, encoding="utf-8")
    result = run("check", "a.plan", "--pack", "acme.toml", "--pack", str(path), "--format", "json", cwd=tmp_path)
    assert result.code != 2, result.err
    assert "already used" not in result.err
