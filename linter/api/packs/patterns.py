"""Regular expressions from rule packs, run on RE2 so no plan text can make matching hang.

Python's ``re`` backtracks: ``(a+)+$``, ``^(?:a|a){40}$`` or ``(?>(a+)+b)``
take minutes to years on a few hundred characters, and vetting a
backtracking engine's patterns for such shapes is a race that cannot be won.
RE2 (the ``google-re2`` package) matches in time linear in the text, always,
so a pack pattern may be anything RE2 can run and any text may be matched
in full. What RE2 cannot run is refused when the pack loads, named:
back-references, look-ahead and look-behind, atomic groups, possessive
quantifiers, conditionals and verbose mode.

Pack authors write Python-flavoured patterns and expect Python's meaning,
where ``\\w``, ``\\d``, ``\\s`` and ``\\b`` know every alphabet. RE2's are
ASCII-only, so the pattern is translated before RE2 sees it: ``\\w`` becomes
``[\\p{L}\\p{N}_]``, ``\\d`` ``\\p{Nd}``, ``\\s`` also takes Unicode spaces,
and a ``\\b`` at the start or the end of the pattern becomes "start of text or
a non-letter" (resp. end), which is the same test for a yes/no search. A
``\\b`` or ``\\B`` inside a pattern keeps RE2's ASCII meaning (documented in
docs/custom-rules.md). Patterns match ignoring case (Unicode case folding).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

import re2

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 1000
MAX_PROGRAM_MEMORY = 8 << 20  # RE2's budget for one compiled pattern: a{1000}{1000} is refused, not built

WORD = r"\p{L}\p{N}_"
_CLASS_TRANSLATIONS = {"w": WORD, "d": r"\p{Nd}", "s": r"\s\v\p{Z}\x{85}\x{1c}-\x{1f}", "D": r"\P{Nd}"}
_TRANSLATIONS = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}",
                 "s": f"[{_CLASS_TRANSLATIONS['s']}]", "S": f"[^{_CLASS_TRANSLATIONS['s']}]", "Z": r"\z"}

# (sre op name, what to call it): constructs RE2 has no way to run in linear time.
_UNSUPPORTED = {
    "GROUPREF": "back-references (\\1, (?P=name))",
    "GROUPREF_EXISTS": "conditionals ((?(1)...))",
    "ASSERT": "look-ahead and look-behind ((?=...), (?<=...))",
    "ASSERT_NOT": "negative look-ahead and look-behind ((?!...), (?<!...))",
    "ATOMIC_GROUP": "atomic groups ((?>...))",
    "POSSESSIVE_REPEAT": "possessive quantifiers (a*+, a++, a?+)",
}
_SPELLED = [("(?>", "ATOMIC_GROUP"), ("*+", "POSSESSIVE_REPEAT"), ("++", "POSSESSIVE_REPEAT"), ("?+", "POSSESSIVE_REPEAT"),
            ("}+", "POSSESSIVE_REPEAT")]  # Python 3.10 cannot parse these, so name them from the text


class UnsafePattern(ValueError):
    """A pattern refused at load time; the message says why and what to write instead."""


@dataclass(frozen=True)
class SafePattern:
    """A pattern compiled for RE2; ``source`` is what the pack wrote, ``translated`` what RE2 runs."""

    source: str
    translated: str
    regex: Any

    def search(self, text: str) -> Optional[Any]:
        return self.regex.search(text)


def compile_pattern(source: str) -> SafePattern:
    """Compile a pack pattern for RE2, or raise :class:`UnsafePattern` saying what is wrong."""
    if len(source) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"the pattern is {len(source)} characters long; the limit is {MAX_PATTERN_LENGTH}")
    tree = _python_tree(source)
    translated = _translate(source, tree)
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    options.max_mem = MAX_PROGRAM_MEMORY
    try:
        regex = re2.compile(translated, options)
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if error.args and isinstance(error.args[0], bytes) else str(error)
        raise UnsafePattern(f"RE2 cannot run this pattern: {reason}") from None
    return SafePattern(source, translated, regex)


def _python_tree(source: str) -> list:
    """Python's parse of the pattern: its syntax errors, in its words, and the constructs RE2 lacks, by name."""
    for spelling, kind in _SPELLED:
        if _unescaped(source, spelling):
            raise _unsupported(kind)
    try:
        tree = sre_parse.parse(source, re.IGNORECASE)
    except re.error as error:
        raise UnsafePattern(f"not a valid pattern: {error}") from None
    except (OverflowError, RecursionError, MemoryError):
        raise UnsafePattern("not a valid pattern: a count or a nesting is far too large") from None
    if tree.state.flags & re.VERBOSE:
        raise UnsafePattern("verbose mode (?x) is not supported; write the pattern without spaces and comments")
    if tree.state.flags & re.ASCII:
        raise UnsafePattern("the (?a) flag is not supported: \\w, \\d and \\s always mean Unicode letters, digits and spaces")
    for op, _ in _walk(tree):
        name = str(op)
        if name in _UNSUPPORTED:
            raise _unsupported(name)
    return list(tree)


def _unsupported(kind: str) -> UnsafePattern:
    return UnsafePattern(f"RE2, the engine that keeps patterns fast on any text, cannot run {_UNSUPPORTED[kind]}; "
                         "rewrite the pattern without them")


def _unescaped(source: str, spelling: str) -> bool:
    """Whether ``spelling`` occurs outside a character class and not escaped."""
    return any(source.startswith(spelling, index) for index, in_class in _positions(source) if not in_class)


def _positions(source: str) -> Iterable[tuple[int, bool]]:
    """(index, inside a [...] class) of every character that is not part of an escape."""
    index, in_class = 0, False
    while index < len(source):
        ch = source[index]
        if ch == "\\":
            index += 2
            continue
        yield index, in_class
        if ch == "[" and not in_class:
            in_class = True
            index += 1
            if source.startswith("^", index):
                index += 1
            if source.startswith("]", index):
                index += 1  # a ']' first in a class is a literal
            continue
        if ch == "]" and in_class:
            in_class = False
        index += 1


# --------------------------------------------------------------------------- translation to RE2


def _translate(source: str, tree: list) -> str:
    """The pattern in RE2's syntax with Python's Unicode meaning (see the module docstring)."""
    flags, body = _split_flags(source)
    leading = bool(tree) and tree[0] == (sre_constants.AT, sre_constants.AT_BOUNDARY) and body.startswith("\\b")
    trailing = (bool(tree) and tree[-1] == (sre_constants.AT, sre_constants.AT_BOUNDARY) and _ends_with_boundary(body)
                and len(body) > 2)
    before = after = ""
    if leading:
        side = _word_side(tree[1:], first=True)
        if side is not None:
            before = f"(?:^|[^{WORD}])" if side else f"[{WORD}]"
            body = body[2:]
    if trailing:
        side = _word_side(tree[:-1], first=False)
        if side is not None:
            after = f"(?:[^{WORD}]|$)" if side else f"[{WORD}]"
            body = body[:-2]
    middle = _translate_escapes(body)
    return flags + (f"{before}(?:{middle}){after}" if before or after else middle)


def _split_flags(source: str) -> tuple[str, str]:
    match = re.match(r"\(\?[a-zA-Z]+\)", source)
    return (match.group(), source[match.end():]) if match else ("", source)


def _ends_with_boundary(body: str) -> bool:
    """Whether the text ends with the escape ``\\b`` (and not with ``\\\\b``, an escaped backslash and a b)."""
    head = body[:-1]
    return body.endswith("b") and (len(head) - len(head.rstrip("\\"))) % 2 == 1


def _translate_escapes(source: str) -> str:
    """``\\w``, ``\\d``, ``\\s`` (and their capitals) to Unicode classes; Python-only escapes to RE2's."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(source):
        ch = source[index]
        if ch == "\\" and index + 1 < len(source):
            letter = source[index + 1]
            escape, index = _escape(source, index, letter, in_class)
            out.append(escape)
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            index += 1
            for literal in ("^", "]"):
                if source.startswith(literal, index):
                    out.append("\\]" if literal == "]" else literal)
                    index += 1
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        index += 1
    return "".join(out)


def _escape(source: str, index: int, letter: str, in_class: bool) -> tuple[str, int]:
    """The RE2 spelling of the escape at ``index`` and where the text goes on."""
    if letter in "uU":
        width = 4 if letter == "u" else 8
        return f"\\x{{{source[index + 2:index + 2 + width]}}}", index + 2 + width
    if letter == "N" and source.startswith("{", index + 2):
        end = source.index("}", index)
        return re2.escape(unicodedata.lookup(source[index + 3:end])), end + 1
    if in_class:
        if letter in ("W", "S"):
            positive = "\\" + letter.lower()
            raise UnsafePattern(f"\\{letter} inside [...] cannot be translated for RE2; write a negated class instead, "
                                f"e.g. [^{positive}...]")
        return _CLASS_TRANSLATIONS.get(letter, source[index:index + 2]), index + 2
    return _TRANSLATIONS.get(letter, source[index:index + 2]), index + 2


def _word_side(items: list, first: bool) -> Optional[bool]:
    """Whether the characters next to an outer ``\\b`` are all word characters (True), all not (False), or mixed (None)."""
    chars, nullable = _edge_chars(items, first)
    if nullable or not chars:
        return None
    word = {ch.isalnum() or ch == "_" for ch in chars}
    return word.pop() if len(word) == 1 else None


def _edge_chars(items: list, first: bool) -> tuple[set[str], bool]:
    """The characters a match of ``items`` may begin (or end) with, and whether it may be empty."""
    chars: set[str] = set()
    for op, arg in (items if first else reversed(items)):
        found, nullable = _node_edge(op, arg, first)
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _node_edge(op: Any, arg: Any, first: bool) -> tuple[set[str], bool]:
    if op == sre_constants.SUBPATTERN:
        return _edge_chars(list(arg[-1]), first)
    if op == sre_constants.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in arg[1]:
            found, empty = _edge_chars(list(branch), first)
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if op in _REPEATS:
        low, _, body = arg
        found, empty = _edge_chars(list(body), first)
        return found, empty or low == 0
    if op == sre_constants.AT:
        return set(), True
    return set(_chars_of([(op, arg)], _SAMPLE + _named_chars(op, arg))), False


# --------------------------------------------------------------------------- which characters a part matches

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)

# Characters used to decide whether a part of a pattern matches word characters.
_SAMPLE = "".join(chr(code) for code in [9, 10, 13, *range(32, 0x250), 0x2019, 0x2026, 0x20AC, 0x4E00])


def _walk(items: Iterable[tuple]) -> Iterable[tuple]:
    """Every (op, arg) node below ``items``, depth first."""
    for op, arg in items:
        yield op, arg
        if op in _REPEATS:
            yield from _walk(arg[2])
        elif op == sre_constants.SUBPATTERN:
            yield from _walk(arg[-1])
        elif op == sre_constants.BRANCH:
            for branch in arg[1]:
                yield from _walk(branch)
        elif str(op) in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            yield from _walk(arg[1] if str(op) != "ATOMIC_GROUP" else arg)
        elif str(op) == "GROUPREF_EXISTS":
            yield from _walk(arg[1])
            if arg[2] is not None:
                yield from _walk(arg[2])


def _named_chars(op: Any, arg: Any) -> str:
    """Characters the part names itself (a Cyrillic range is not in the sample)."""
    members = arg if op == sre_constants.IN else [(op, arg)]
    extra = []
    for member_op, member_arg in members:
        if member_op == sre_constants.LITERAL:
            extra.append(chr(member_arg))
        elif member_op == sre_constants.RANGE:
            low, high = member_arg
            extra.extend(chr(code) for code in (low, (low + high) // 2, high))
    return "".join(extra)


def _chars_of(items: list, sample: str) -> frozenset[str]:
    """Which sample characters any single-character part of ``items`` can match."""
    predicates = [_predicate(op, arg) for op, arg in _walk(items)]
    tests = [p for p in predicates if p is not None]
    return frozenset(ch for ch in sample if any(test(ch) for test in tests))


def _predicate(op: object, arg: object) -> Optional[Callable[[str], bool]]:
    if op == sre_constants.LITERAL:
        return lambda ch, c=chr(arg).lower(): ch.lower() == c  # type: ignore[arg-type]
    if op == sre_constants.NOT_LITERAL:
        return lambda ch, c=chr(arg).lower(): ch.lower() != c  # type: ignore[arg-type]
    if op == sre_constants.ANY:
        return lambda ch: ch != "\n"
    if op == sre_constants.IN:
        return _in_predicate(arg)  # type: ignore[arg-type]
    return None


_CATEGORIES: dict[object, Callable[[str], bool]] = {
    sre_constants.CATEGORY_DIGIT: str.isdigit,
    sre_constants.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    sre_constants.CATEGORY_SPACE: str.isspace,
    sre_constants.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    sre_constants.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    sre_constants.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


def _in_predicate(members: list) -> Callable[[str], bool]:
    negate = any(op == sre_constants.NEGATE for op, _ in members)
    tests: list[Callable[[str], bool]] = []
    for op, arg in members:
        if op == sre_constants.LITERAL:
            tests.append(lambda ch, c=chr(arg).lower(): ch.lower() == c)
        elif op == sre_constants.RANGE:
            low, high = arg
            tests.append(lambda ch, lo=low, hi=high: any(len(c) == 1 and lo <= ord(c) <= hi for c in (ch, ch.lower(), ch.upper())))
        elif op == sre_constants.CATEGORY:
            tests.append(_CATEGORIES.get(arg, lambda ch: True))
        elif op != sre_constants.NEGATE:
            tests.append(lambda ch: True)  # unknown member kinds: assume the worst
    if negate:
        return lambda ch: not any(test(ch) for test in tests)
    return lambda ch: any(test(ch) for test in tests)
