"""Regular expressions from rule packs, restricted so hostile plan text cannot hang a run.

Python's ``re`` backtracks: ``(a+)+$`` or ``\\w*\\w*\\w*x`` take seconds to
hours on a few hundred characters. Pack authors are not regex experts and plan
text is written by anyone, so a pattern is checked when the pack loads and
refused, with the reason, when it has one of the shapes that backtrack badly:

* a repeated part inside another repeated part (``(a+)+``, ``(\\w+\\s?)*``);
* an alternation under a repetition whose branches are not plain words with
  different first letters (``(a|aa)*``);
* two repetitions that can both match the same character with nothing
  forcing a different character between them (``\\w+\\w+``, ``.*a.*``);
* more than one pair of open-ended repetitions where the first can run over
  everything up to the second (``a.*b.*c.*d``: each ``.*`` competes with the
  others for the text, which costs the text length to the power of their number);
* more than :data:`MAX_REPEATS` open-ended repetitions, back-references, or
  a pattern longer than :data:`MAX_PATTERN_LENGTH`.

A pattern that passes these checks runs in time polynomial of low degree in
the text length, and only the first :data:`MAX_TEXT_LENGTH` characters of a
value are matched, which bounds the worst case to milliseconds.
Patterns match case-insensitively, because plan writers do not mind case.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 200
MAX_TEXT_LENGTH = 1000
MAX_REPEATS = 6
MAX_COMPETING = 1
# A repetition whose count may vary (*, +, {2,}, and also {1,20}: twenty copies
# nested in twenty copies backtrack as badly as + in +) counts as open-ended.

# Characters used to decide whether two parts of a pattern can match the same character.
_SAMPLE = "".join(chr(code) for code in [9, 10, 13, *range(32, 0x250), 0x2019, 0x2026, 0x20AC, 0x4E00])

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)


class UnsafePattern(ValueError):
    """A pattern refused at load time; the message says why and what to write instead."""


@dataclass(frozen=True)
class _Token:
    """One position in a flattened pattern: which characters it may match, and how often.

    ``groups`` names the optional groups and alternation branches around the
    token: text can reach a later token while skipping this one only when the
    later token is outside one of them.
    """

    chars: frozenset[str]
    open_ended: bool
    optional: bool
    groups: frozenset[tuple[int, int]] = frozenset()

    def excludes(self, other: "_Token") -> bool:
        """Whether the two sit in different branches of one alternation, so never both match."""
        mine = dict(self.groups)
        return any(group in mine and mine[group] != branch for group, branch in other.groups)


@dataclass(frozen=True)
class SafePattern:
    """A compiled, vetted pattern. ``search`` only ever looks at a bounded prefix of the text."""

    source: str
    regex: re.Pattern[str]

    def search(self, text: str) -> Optional[re.Match[str]]:
        return self.regex.search(text[:MAX_TEXT_LENGTH])


def compile_pattern(source: str) -> SafePattern:
    """Compile a pack pattern, or raise :class:`UnsafePattern` / a message for a bad one."""
    if len(source) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"the pattern is {len(source)} characters long; the limit is {MAX_PATTERN_LENGTH}")
    try:
        regex = re.compile(source, re.IGNORECASE)
        tree = sre_parse.parse(source, re.IGNORECASE)
    except re.error as error:
        raise UnsafePattern(f"not a valid pattern: {error}") from None
    tokens = list(_flatten(tree, optional=False, sample=_sample_for(tree)))
    open_ended = sum(1 for token in tokens if token.open_ended)
    if open_ended > MAX_REPEATS:
        raise UnsafePattern(
            f"the pattern has {open_ended} open-ended repetitions (*, +, {{n,}}); at most {MAX_REPEATS} are allowed"
        )
    _check_adjacent(tokens)
    _check_competing(tokens, _unanchored_start(tree, tokens))
    return SafePattern(source, regex)


# --------------------------------------------------------------------------- analysis


def _flatten(items: Iterable[tuple], optional: bool, sample: str,
             groups: frozenset[tuple[int, int]] = frozenset()) -> Iterable[_Token]:
    """The pattern as a flat sequence of tokens; optional groups and branches are tagged, not dropped."""
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            if high > 1 and high != low:
                _check_repeat_body(body)
                yield _Token(_chars_of(body, sample), open_ended=True, optional=optional or low == 0, groups=groups)
            elif low == 0:
                yield from _flatten(body, optional, sample, groups | {(next(_ids), 0)})
            else:
                yield from _flatten(body, optional, sample, groups)
        elif op == sre_constants.SUBPATTERN:
            yield from _flatten(arg[-1], optional, sample, groups)
        elif op == sre_constants.BRANCH:
            branch_id = next(_ids)
            for index, branch in enumerate(arg[1]):
                yield from _flatten(branch, optional, sample, groups | {(branch_id, index)})
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _check_nested(arg[1])  # zero-width: no adjacency, but no nested repetition inside either
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            raise UnsafePattern("back-references (\\1, (?(1)...)) are not allowed in pack patterns")
        elif op == sre_constants.AT:
            continue
        else:
            yield _Token(_chars_of([(op, arg)], sample), open_ended=False, optional=optional, groups=groups)


_ids = itertools.count()


def _check_repeat_body(body: list) -> None:
    _check_nested(body)
    for op, arg in _walk(body):
        if op == sre_constants.BRANCH and not _plain_distinct_branches(arg[1]):
            raise UnsafePattern(
                "a repeated group may only choose between plain words that start with different letters, "
                "e.g. (?:kb|mb)+; rewrite the alternation outside the repetition"
            )


def _check_nested(body: list) -> None:
    for op, arg in _walk(body):
        if op in _REPEATS and arg[1] > 1:
            raise UnsafePattern(
                "a repetition inside a repetition (like (a+)+ or (\\w+\\s)*) can make matching take hours; "
                "repeat a single character class instead, e.g. [\\w\\s]+"
            )


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
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            yield from _walk(arg[1])


def _plain_distinct_branches(branches: list) -> bool:
    firsts: set[str] = set()
    for branch in branches:
        if not branch or any(op != sre_constants.LITERAL for op, _ in branch):
            return False
        first = chr(branch[0][1]).lower()
        if first in firsts:
            return False
        firsts.add(first)
    return True


def _required_between(tokens: list[_Token], i: int, j: int) -> list[_Token]:
    """The tokens text must pass through to get from token ``i`` to token ``j``."""
    target = tokens[j]
    return [
        token
        for token in tokens[i + 1 : j]
        if not token.optional and token.groups <= target.groups and not token.excludes(target)
    ]


def _open_pairs(tokens: list[_Token]) -> Iterable[tuple[_Token, _Token, list[_Token]]]:
    for i, first in enumerate(tokens):
        if not first.open_ended:
            continue
        for j in range(i + 1, len(tokens)):
            if tokens[j].open_ended and not first.excludes(tokens[j]):
                yield first, tokens[j], _required_between(tokens, i, j)


def _check_adjacent(tokens: list[_Token]) -> None:
    """Refuse two open-ended repetitions that can trade the same characters between them."""
    for first, second, between in _open_pairs(tokens):
        shared = first.chars & second.chars
        for token in between:
            shared &= token.chars
        if shared:
            raise UnsafePattern(
                "two repetitions can match the same text one after the other (like \\w+\\w+ or .*a.*), "
                "which backtracks badly; merge them or put a distinct character between them"
            )


def _unanchored_start(tree: list, tokens: list[_Token]) -> bool:
    """Whether the pattern opens with a repetition and no ``^``: searching then retries it at every position."""
    anchored = bool(tree) and tree[0][0] == sre_constants.AT
    return not anchored and bool(tokens) and tokens[0].open_ended


def _check_competing(tokens: list[_Token], unanchored_start: bool) -> None:
    """Refuse chains of repetitions that can each swallow the text meant for the next.

    An opening repetition without ``^`` competes with the search itself, which
    tries every starting position, so it counts as one pair already.
    """
    pairs = 1 if unanchored_start else 0
    for first, second, between in _open_pairs(tokens):
        if first.chars & second.chars and all(token.chars <= first.chars for token in between):
            pairs += 1
    if pairs > MAX_COMPETING:
        raise UnsafePattern(
            "several open-ended repetitions (like .* or \\w+) can each run over the text meant for the others, "
            "which gets slow on long text; keep at most two of them, e.g. 'foo.*bar' rather than 'a.*b.*c'"
        )


def _sample_for(tree: list) -> str:
    """The shared sample plus every character the pattern names and the ends and middle of its ranges.

    Without them ``[а-я]+[а-я]+`` would look safe: no Cyrillic letter is in
    the shared sample, so the two repetitions would seem to share nothing.
    """
    extra: set[str] = set()
    for op, arg in _walk(tree):
        members = arg if op == sre_constants.IN else [(op, arg)]
        for member_op, member_arg in members:
            if member_op == sre_constants.LITERAL:
                extra.add(chr(member_arg))
            elif member_op == sre_constants.RANGE:
                low, high = member_arg
                extra.update(chr(code) for code in (low, (low + high) // 2, high))
    return _SAMPLE + "".join(sorted(extra - set(_SAMPLE)))


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
