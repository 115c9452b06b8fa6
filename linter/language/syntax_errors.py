"""Turning Lark's parse errors into sentences a sales rep understands.

Lark reports terminals (``STRING``, ``RBRACE``, ``__ANON_3``); a sales rep
needs "expected a date like 2027-06-30 after 'by'" or "unknown keyword
'objectve' — did you mean 'objective'?". This module only words errors; the
parser decides what to do after one.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Iterable

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..suggest import closest
from .braces import closes_nothing, open_blocks
from ..vocabulary import (ActionStatus, Cadence, CompetitorPosition, ExperimentState, Level, Month, ObjectiveCategory,
                          PartyKind, Role, Source, Stage, Stance)

TERMINAL_WORDS = {
    "STRING": 'a quoted text like "..."',
    "DATE": "a date like 2027-06-30",
    "QUARTER": "a quarter like Q3 2027",
    "MONEY": "an amount like $500k",
    "PERCENT": "a percentage like 25%",
    "NUMBER": "a number",
    "NAME": "a word",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "COMMA": "','",
    "$END": "the end of the file",
    "WHEN": "'current' or 'future'",
    "KIND": "goal, pressure, initiative, obstacle, fact, strength, weakness, reference, differentiator or note",
    "UNIT_LIST": "current, potential or white_space",
    "STATUS": "done, open, in_progress, blocked or cancelled",
}
KIND_WORDS = {
    "KIND": ("goal", "pressure", "initiative", "obstacle", "fact", "strength", "weakness", "reference", "differentiator", "note"),
    "UNIT_LIST": ("current", "potential", "white_space"),
    "WHEN": ("current", "future"),
    "STATUS": ("done", "open", "in_progress", "blocked", "cancelled"),
}
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _choices(what: str, enum: Iterable[Enum]) -> str:
    return f"{what} ({', '.join(str(member.value) for member in enum)})"


# What the bare word after a keyword may be, so "expected a word after 'role'"
# becomes "expected a role (economic_buyer, decision_maker, ...)".
# The enum of the bare word after each keyword (also what the language server completes there).
WORD_ENUMS: dict[str, tuple[str, type[Enum]]] = {
    "objective": ("an objective category", ObjectiveCategory),
    "role": ("a role", Role),
    "stance": ("a stance", Stance),
    "influence": ("a level", Level),
    "cadence": ("a cadence", Cadence),
    "position": ("a position", CompetitorPosition),
    "status": ("a status", ActionStatus),
    "source": ("a source", Source),
    "fiscal_year_start": ("a month", Month),
    "repeats": ("a rhythm", Cadence),
    "stage": ("a stage", Stage),
    "impact": ("a level", Level),
    "likelihood": ("a level", Level),
    "party": ("a kind of party", PartyKind),
    "experiment": ("a state", ExperimentState),
}
WORD_CHOICES = {keyword: _choices(what, enum) for keyword, (what, enum) in WORD_ENUMS.items()}
WORD_CHOICES["source"] += ' or a quoted document name like "FY2026 annual report"'
WORD_CHOICES["party"] += " and then its name in quotes"
WORD_CHOICES["experiment"] += " or the hypothesis in quotes"
QUOTE_LOOKALIKES = "'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb"


def keyword_of(parser: Lark, terminal: str) -> str | None:
    """The literal keyword a terminal stands for (``OBJECTIVE`` → ``objective``).

    The parser rewrites quoted keywords into whole-word regexes, so the
    keyword is read from the pattern's ``raw`` text (``"objective"``).
    """
    keywords = _keywords(parser)
    return keywords.get(terminal)


_KEYWORD_CACHE: dict[int, dict[str, str]] = {}


def _keywords(parser: Lark) -> dict[str, str]:
    found = _KEYWORD_CACHE.get(id(parser))
    if found is None:
        found = {}
        for definition in parser.terminals:
            pattern = definition.pattern
            raw = getattr(pattern, "raw", None) or ""
            value = pattern.value if pattern.type == "str" else raw[1:-1] if raw.startswith('"') else ""
            if _WORD.fullmatch(value):
                found[definition.name] = value
        _KEYWORD_CACHE[id(parser)] = found
    return found


def describe(parser: Lark, terminal: str) -> str:
    if terminal in TERMINAL_WORDS:
        return TERMINAL_WORDS[terminal]
    keyword = keyword_of(parser, terminal)
    if keyword:
        return f"'{keyword}'"
    for definition in parser.terminals:
        if definition.name == terminal and definition.pattern.type == "str":
            return f"'{definition.pattern.value}'"
    return terminal.lower()


# The sentence words (one KIND terminal in the grammar) each block really takes,
# so a stakeholder block is not offered 'differentiator'.
BLOCK_KINDS = {
    "customer": ("goal", "pressure", "initiative", "obstacle", "fact"),
    "competitor": ("strength", "weakness", "fact"),
    "company": ("strength", "reference", "differentiator"),
    "stakeholder": ("note",),
    "party": ("note",),
}


def enclosing_block(text: str, position: int) -> str | None:
    """The keyword opening the innermost block still open at ``position``."""
    openers = open_blocks(text, position)
    if not openers:
        return None
    header = _without_comment(text[text.rfind("\n", 0, openers[-1]) + 1:openers[-1]])
    match = _WORD.search(header.split('"', 1)[0])
    return match.group(0) if match else None


def expected_keywords(parser: Lark, expected: Iterable[str], block: str | None = None) -> list[str]:
    words: list[str] = []
    for terminal in expected:
        keyword = keyword_of(parser, terminal)
        if keyword:
            words.append(keyword)
        kinds = BLOCK_KINDS.get(block or "", ()) if terminal == "KIND" else ()
        words.extend(kinds or KIND_WORDS.get(terminal, ()))
    return sorted(set(words))


def previous_word(text: str, position: int) -> str:
    """The token just before ``position``, skipping blanks and comments, for "after 'by'"."""
    before = text[:position]
    lines = before.split("\n")
    while lines:
        line = _without_comment(lines[-1])
        stripped = line.rstrip()
        if stripped:
            match = re.search(r'("[^"]*"|[^\s"]+)$', stripped)
            word = match.group(1) if match else stripped[-1]
            return word if len(word) <= 40 else word[:37] + "..."
        lines.pop()
    return ""


def _without_comment(line: str) -> str:
    """``line`` up to a ``#`` that stands outside quotes."""
    in_string = escaped = False
    for index, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\" and in_string:
            escaped = True
        elif ch == '"':
            in_string = not in_string
        elif ch == "#" and not in_string:
            return line[:index]
    return line


def word_at(text: str, position: int) -> str:
    """The whole word around ``position`` (the lexer may have stopped inside it)."""
    start = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    match = _WORD.match(text, start)
    return match.group(0) if match else ""


def _expected_phrase(parser: Lark, expected: set[str], block: str | None = None, after: str = "") -> str:
    expected = {name for name in expected if not name.startswith("__") or keyword_of(parser, name)}
    if expected <= {"DATE", "QUARTER"} and expected:
        return "a date like 2027-06-30"
    if expected <= {"NAME", "STRING"} and "NAME" in expected and after in WORD_CHOICES:
        return WORD_CHOICES[after]
    keywords = expected_keywords(parser, expected, block)
    others = sorted(describe(parser, name) for name in expected if not keyword_of(parser, name) and name not in KIND_WORDS)
    if len(keywords) > 3:
        head = ", ".join(keywords[:8]) + (", ..." if len(keywords) > 8 else "")
        return "a keyword such as " + head + (" or " + " or ".join(others) if others else "")
    parts = [f"'{word}'" for word in keywords] + others
    if not parts:
        return "something else"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def two_word_value(text: str, position: int, word: str) -> str | None:
    """``role Economic Buyer``: the value was written as two words, so say which one value was meant.

    The parser reads ``Economic`` as the role and stops at ``Buyer`` as if it
    were the next keyword; the real mistake is the value, so its did-you-mean
    comes first.
    """
    value = previous_word(text, position)
    keyword = previous_word(text, text.rfind(value, 0, position)) if value else ""
    if keyword not in WORD_ENUMS or not _WORD.fullmatch(value):
        return None
    what, enum = WORD_ENUMS[keyword]
    choices = [str(member.value) for member in enum]
    if value in choices:  # `role champion champion`: the value is right, the next word is the mistake
        return None
    for guess in (f"{value}_{word}", word, value):
        close = closest(guess.lower(), choices)
        if close:
            return (f"unknown {what[what.index(' ') + 1:]} '{value} {word}' — did you mean '{close}'? "
                    f"('{keyword}' takes one word: {', '.join(choices)})")
    return None


def number_error(text: str, position: int, expected: set[str]) -> str | None:
    """``500k`` with no currency, ``1e10%``: say what is wrong with the number instead of listing every keyword."""
    found = re.match(r"[\w.,%]+", text[position:])
    written = found.group(0) if found else ""
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?[kKmMbB]", written) and "MONEY" in expected:
        return f"'{written}' has no currency: write $%s, EUR %s or another code before the amount" % (written, written)
    if re.fullmatch(r"\d+(?:\.\d+)?[eE][+-]?\d+%?", written):
        return f"'{written}' is not a number planlint reads: write the digits, without an exponent"
    if written and expected & {"NUMBER", "PERCENT", "MONEY"}:
        return (f"'{written}' is not a number planlint reads: write a count like 12, a percentage like 25% "
                "or an amount like $500k")
    return None


def word_error(parser: Lark, text: str, position: int, expected: set[str]) -> str:
    """A message for an unexpected word: a misspelt keyword, or a word where a value belongs."""
    word = word_at(text, position)
    block = enclosing_block(text, position) if "KIND" in expected else None
    keywords = expected_keywords(parser, expected, block)
    after = previous_word(text, position)
    split = two_word_value(text, position, word) if word else None
    if split:
        return split
    phrase = _expected_phrase(parser, expected, block, after)
    if word == "action" and "strategy" in keywords:
        return ("an action belongs in a strategy, not directly in an objective: objectives hold strategies and "
                'strategies hold actions, e.g. strategy "Prove it with references" { action "Call the CFO" owner "Jane Doe" }')
    if word and keywords and not expected & {"STRING", "DATE", "QUARTER", "MONEY", "NUMBER", "PERCENT", "NAME"}:
        close = closest(word, keywords)
        if close:
            return f"unknown keyword '{word}' — did you mean '{close}'?"
        return f"unknown keyword '{word}' here; expected {phrase}"
    shown = f"'{word}'" if word else f"'{text[position:position + 1]}'"
    return f"expected {phrase} after '{after}', not {shown}" if after else f"expected {phrase}, not {shown}"


def message_for(parser: Lark, text: str, error: UnexpectedInput, expected: set[str] | None = None) -> str:
    """The sentence for one parse error; ``expected`` overrides Lark's look-ahead set."""
    if expected is None:
        expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    if isinstance(error, UnexpectedEOF):
        return f"the file ends too early: expected {_expected_phrase(parser, expected)}"
    if isinstance(error, UnexpectedCharacters):
        char = text[error.pos_in_stream] if error.pos_in_stream < len(text) else ""
        if char == '"':
            return "this text is missing its closing quote '\"' (a text must end on the same line)"
        if char and char in QUOTE_LOOKALIKES:
            shown = "'...'" if char == "'" else "curly quotes \u201c...\u201d (turn off smart quotes in your editor)"
            return f"write texts between straight double quotes \"...\", not {shown}"
        if char.isalpha() or char == "_":
            return word_error(parser, text, error.pos_in_stream, expected)
        if char.isdigit():
            told = number_error(text, error.pos_in_stream, expected)
            if told:
                return told
        shown = repr(char) if not char.isprintable() else f"'{char}'"
        return f"unexpected character {shown}; expected {_expected_phrase(parser, expected)}"
    if isinstance(error, UnexpectedToken):
        token = error.token
        if token.type == "$END":
            return f"the file ends too early: expected {_expected_phrase(parser, expected)}"
        if token.type == "NAME" or (token.type.startswith("__") or keyword_of(parser, token.type)) and _WORD.fullmatch(str(token)):
            return word_error(parser, text, token.start_pos, expected)
        if token.type == "RBRACE" and "RBRACE" not in expected and closes_nothing(text, token.start_pos):
            return "there is one '}' too many here: it closes no block"
        after = previous_word(text, token.start_pos)
        what = describe(parser, token.type) if token.type in ("RBRACE", "LBRACE", "COMMA") else f"'{token}'"
        lead = f"expected {_expected_phrase(parser, expected, after=after)}"
        return f"{lead} after '{after}', not {what}" if after else f"{lead}, not {what}"
    return str(error).splitlines()[0]
