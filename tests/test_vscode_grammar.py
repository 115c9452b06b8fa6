"""The VS Code extension's TextMate grammar keeps up with the plan language.

The grammar in editors/vscode/syntaxes/ is written by hand, but the language
is defined by the Lark grammar the parser loads. These tests read the words
and value shapes from the parser itself and fail, naming what is missing, when
the highlighting no longer covers them: a keyword added to the language (or
a value added to one of the model's word lists) must be added there too, and
one that was removed must go. The highlighting of each construct, token by
token, is checked by the grammar snapshot tests under editors/vscode/test/
(`npm run test:grammar`, run by .ci/run).

TextMate grammars use Oniguruma regexes; the patterns here keep to the part
of the syntax that Python's `re` reads the same way (look-arounds, classes,
scoped flags), so Python can run them.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint import model
from planlint.language.parser import get_fast_parser, get_parser

ROOT = Path(__file__).resolve().parents[1]
TMGRAMMAR = ROOT / "editors" / "vscode" / "syntaxes" / "planlint.tmLanguage.json"

# The parser's value terminals and the repository rule that highlights each.
VALUE_RULES = {"DATE": "date", "QUARTER": "quarter", "MONEY": "money", "PERCENT": "percentage", "NUMBER": "number"}
_ALTERNATION = re.compile(r"\(\?:([A-Za-z0-9_|]+)\)")


def _grammar() -> dict:
    return json.loads(TMGRAMMAR.read_text(encoding="utf-8"))


def _rules(rule: dict) -> Iterator[dict]:
    """A repository entry's match rules, its nested patterns included."""
    if "match" in rule:
        yield rule
    for nested in rule.get("patterns", []):
        yield from _rules(nested)


def _word_rules(*keys: str) -> list[dict]:
    repository = _grammar()["repository"]
    return [rule for key in keys for rule in _rules(repository[key])]


def _highlighted(word: str, rules: list[dict]) -> bool:
    """True when one of the rules reads ``word``, standing alone, as one token."""
    return any(re.fullmatch(rule["match"], word) for rule in rules)


def _listed(rules: list[dict]) -> set[str]:
    """The words the rules spell out in ``(?:a|b|c)`` alternations."""
    return {word for rule in rules for group in _ALTERNATION.findall(rule["match"]) for word in group.split("|")}


def _language_words() -> set[str]:
    """Every keyword and word-class word of the Lark grammar (``plan``, ``goal``, ``done``...)."""
    return set(get_fast_parser().word_terminals)


def _model_values() -> set[str]:
    """The values of the model's word lists (roles, stances, cadences, categories...)."""
    values: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and issubclass(item, Enum) and item.__module__.startswith("planlint."):  # the model's or its vocabulary's
            values.update(str(member.value) for member in item if isinstance(member.value, str))
    return values


def test_the_language_has_keywords_to_check() -> None:
    words = _language_words()
    assert {"plan", "objective", "stakeholder", "goal", "done", "white_space"} <= words


def test_every_keyword_of_the_language_is_highlighted() -> None:
    rules = _word_rules("keywords")
    missing = sorted(word for word in _language_words() if not _highlighted(word, rules))
    assert not missing, (f"{TMGRAMMAR.relative_to(ROOT)} does not highlight these keywords of the plan "
                         f"language; add them to the 'keywords' rules: {', '.join(missing)}")


def test_the_highlighting_lists_no_keyword_the_language_lacks() -> None:
    stale = sorted(_listed(_word_rules("keywords")) - _language_words())
    assert not stale, f"{TMGRAMMAR.relative_to(ROOT)} highlights words that are no longer keywords: {', '.join(stale)}"


def test_every_value_word_is_highlighted() -> None:
    rules = _word_rules("keywords", "values")
    missing = sorted(value for value in _model_values() if not _highlighted(value, rules))
    assert not missing, (f"{TMGRAMMAR.relative_to(ROOT)} does not highlight these values of the model's word "
                         f"lists; add them to the 'values' rule: {', '.join(missing)}")


def test_the_highlighting_lists_no_value_the_model_lacks() -> None:
    stale = sorted(_listed(_word_rules("values")) - _model_values())
    assert not stale, f"{TMGRAMMAR.relative_to(ROOT)} highlights values the model no longer has: {', '.join(stale)}"


def test_a_keyword_inside_a_longer_word_is_not_highlighted() -> None:
    rules = _word_rules("keywords", "values")
    for word in sorted(_language_words() | _model_values()):
        for longer in (word + "x", "x" + word, word + "-x", "x-" + word):
            matches = [m.group(0) for rule in rules for m in re.finditer(rule["match"], longer)]
            assert word not in matches, f"'{word}' is highlighted inside '{longer}'"


def _terminal_pattern(name: str) -> re.Pattern[str]:
    """The parser's own regex for a value terminal, without its closing look-ahead (so hypothesis can draw from it)."""
    terminal = next(t for t in get_parser().terminals if t.name == name)
    pattern = re.sub(r"\(\?!\[?[^)]*\)$", "", terminal.pattern.value)
    flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
    return re.compile(pattern, flags)


@pytest.mark.parametrize("terminal", sorted(VALUE_RULES))
def test_every_value_the_parser_reads_is_highlighted_whole(terminal: str) -> None:
    rule = _grammar()["repository"][VALUE_RULES[terminal]]["match"]
    source = _terminal_pattern(terminal)
    text = st.from_regex(source, fullmatch=True, alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"))

    @settings(max_examples=150, deadline=None, database=None)
    @given(text)
    def check(value: str) -> None:
        assert re.fullmatch(rule, value), f"{terminal} {value!r} is read by the parser but not highlighted as one token"

    check()


@pytest.mark.parametrize(("text", "rule"), [
    ("$500k", "money"), ("EUR 40,000", "money"), ("€2m", "money"), ("Q3 2027", "quarter"), ("q1 2028", "quarter"),
    ("2027-06-30", "date"), ("25%", "percentage"), ("12.5 %", "percentage"), ("2,500", "number"),
])
def test_documented_values_are_highlighted(text: str, rule: str) -> None:
    assert re.fullmatch(_grammar()["repository"][rule]["match"], text)


def test_suppression_comments_stand_apart_from_plain_comments() -> None:
    repository = _grammar()["repository"]
    suppression, comment = repository["suppression"], repository["comment"]
    assert suppression["name"] != comment["name"]
    order = [entry["include"] for entry in _grammar()["patterns"]]
    assert order.index("#suppression") < order.index("#comment")
    for text in ("# planlint: ignore[PL102] -- sole-source contract", "# planlint: ignore-block[PL201, PL202] -- why",
                 "# planlint: ignore-file[no-competitor] — why"):
        assert re.fullmatch(suppression["match"], text), text
    assert not re.fullmatch(suppression["match"], "# planlint is great")
