"""What every part of the plan builder shares: the per-parse log, spans, and gathering statements.

The builder is handed to ``Lark(transformer=...)``, so each grammar rule
becomes its part of the plan the moment it is reduced and no tree is ever
built: a value (a date, an amount, a quoted text) or a block is its frozen
model node at once (:func:`planlint.frozen.frozen_node`, no second
validation), a statement a :class:`Stmt` for its block to gather. Its
methods take their children as named parameters (see
:meth:`BuilderBase._spread_children`; optional parts are ``[x]`` in the
grammar, so a part left out arrives as None). Values that parse but make no sense (an unknown role, ``2027-02-30``, a
second ``owner``) go to the :class:`BuildLog` of the parse under way rather
than being raised, so one run reports all of them. The log belongs to the
builder instance and to the thread (the parser is shared, the results are
not): :meth:`BuilderBase.session` opens one for each parse.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from enum import Enum
from typing import Any, Collection, Iterable, Iterator, Mapping, NamedTuple, Optional

from lark import Token, Transformer
from ..frozen import frozen_node
from ..model import Comment, Span, Spanned, Text
from ..suggest import did_you_mean

_make_span = functools.partial(tuple.__new__, Span)  # Span._make without its Python frame: the builder makes ~5 spans a line


class Stmt(NamedTuple):
    """A reduced statement: the field it sets and its value.

    ``span`` is the whole statement, so a repeated one can say where the
    first stood; ``value_span`` is where a text value stands, for the fields
    the model gives a ``<field>_span`` (``account``, ``owner``, ``title``...).
    """

    tag: str
    value: Any
    span: Span
    value_span: Optional[Span] = None


class BuildLog:
    """What one parse collects besides the plan: value problems, comments, and the quarters it read.

    ``quarters`` are the dates written as quarters and ``periods`` the
    periods, so the plan can re-read them once it knows the customer's fiscal
    year (which may be declared after they were read).
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget everything: a parse that failed is tried again, and only the last attempt's log counts."""
        self.problems: list[tuple[Span, str]] = []
        self.comments: list[Comment] = []
        self.quarters: list[Any] = []  # DateValue
        self.periods: list[tuple[dict[str, Any], Any, Any]] = []  # (the period's fields, its first and last DateValue)


def token_span(token: Token) -> Span:
    return _make_span((token.line, token.column, token.end_line, token.end_column))


def _end(child: Any) -> Any:
    """Where ``child`` ends (anything with ``end_line`` and ``end_column``), or None to look at the part before it.

    Kept exactly as spans have always been measured, since findings print
    them: a statement's span ends at its last token, value node (a date, an
    amount) or statement whose value is a node or a block; a statement with a
    text value (an action's `owner "..."`) is passed over, and a list of
    texts counts by its first text.
    """
    if isinstance(child, Token):
        return child
    if isinstance(child, Stmt):
        value = child.value
        if isinstance(value, Spanned):
            return value.span
        return value.get("span") if isinstance(value, dict) else None
    if isinstance(child, Spanned):
        return child.span
    if isinstance(child, Span):
        return child
    if isinstance(child, dict):  # `source "..."` after a sentence: not a value, passed over
        return child.get("span")
    if isinstance(child, list):
        for item in child:
            found = _end(item)
            if found is not None:
                return found
    return None


def span(first: Token, *rest: Any) -> Span:
    """From ``first`` (the statement's keyword) to the end of its last part that was written."""
    for child in reversed(rest):
        last = _end(child)
        if last is not None:
            return _make_span((first.line, first.column, last.end_line, last.end_column))
    return _make_span((first.line, first.column, first.end_line, first.end_column))


def unquote(token: Token) -> str:
    text = str(token)[1:-1]
    if "\\" in text:
        text = text.replace('\\"', '"').replace("\\\\", "\\")
    return text


def text_of(token: Token) -> Text:
    return frozen_node(Text, {"text": unquote(token), "span": token_span(token)})


def statements(children: Iterable[Any]) -> Iterator[Stmt]:
    return (child for child in children if isinstance(child, Stmt))


_CHOICES: dict[type[Enum], dict[str, None]] = {}  # each enum's values, in order: listed once, not at every word

# How a field is named in a message when its tag is not the keyword the writer typed.
WORDS = {"cycle_days": "cycle", "current_revenue": "current", "future_revenue": "future", "objective": "objective"}


class BuilderBase(Transformer):
    """The log, the problem reporter and statement gathering, for the rule methods in the mixins."""

    def __init__(self) -> None:
        super().__init__()
        self._local = threading.local()
        self._spread_children()

    def _spread_children(self) -> None:
        """Give Lark, for each rule method, a function that spreads the children into its named parameters.

        Lark calls ``getattr(transformer, rule)(children)``. An instance
        attribute of that name, one small function deep, is cheaper than
        Lark's ``v_args(inline=True)`` wrappers, which cost three more calls
        per reduction; the methods themselves stay plain and readable.
        """
        self.rule_methods: dict[str, Any] = {}  # the plain methods, which the fast path calls with the children spread
        for cls in type(self).__mro__:
            if cls is BuilderBase:
                break
            for name, value in vars(cls).items():
                if not name.startswith("_") and callable(value) and name not in self.__dict__:
                    method = self.rule_methods[name] = getattr(self, name)
                    setattr(self, name, lambda children, method=method: method(*children))

    @contextlib.contextmanager
    def session(self) -> Iterator[BuildLog]:
        """A fresh log for one parse on this thread (the previous one comes back after, for nested use)."""
        previous = getattr(self._local, "log", None)
        self._local.log = log = BuildLog()
        try:
            yield log
        finally:
            self._local.log = previous

    @property
    def log(self) -> BuildLog:
        log = getattr(self._local, "log", None)
        if log is None:  # a parse outside a session (a caller using the Lark object directly) still works
            log = self._local.log = BuildLog()
        return log

    def problem(self, where: Span, message: str) -> None:
        self.log.problems.append((where, message))

    def comment(self, token: Token) -> None:
        """The lexer's callback for a ``#`` comment (suppressions are read from these)."""
        self.log.comments.append(frozen_node(Comment, {"text": str(token)[1:].strip(), "span": token_span(token)}))

    def choice(self, enum: type[Enum], token: Token, what: str) -> Optional[str]:
        """The enum value named by ``token``, or a PL002 listing the valid ones."""
        word = str(token)
        lower = word.lower()
        valid = _CHOICES.get(enum)
        if valid is None:
            valid = _CHOICES[enum] = {member.value: None for member in enum}  # type: ignore[attr-defined]
        if lower in valid:
            return lower
        names = list(valid)
        hint = did_you_mean(word, names)
        self.problem(token_span(token), f"unknown {what} '{word}'{hint} (use one of: {', '.join(names)})")
        return None

    def gather(self, children: Iterable[Any], into: dict[str, Any], lists: Mapping[str, str] = {},
               merged: Collection[str] = ()) -> dict[str, Any]:
        """Put each statement's value into its field of ``into``.

        ``lists`` maps a repeatable statement to the list it appends to, and
        ``merged`` statements (``team``, ``supports``) add up; every other field
        takes one value. A single-valued statement given again is a PL002 naming
        the first one: letting the last silently win hides a plan's contradiction.
        """
        first: dict[str, Span] = {}
        for stmt in statements(children):
            tag = stmt.tag
            if tag in lists:
                if stmt.value is not None:
                    into.setdefault(lists[tag], []).append(stmt.value)
            elif tag in merged:
                into[tag] = into.get(tag, []) + stmt.value
            elif tag in first:
                self.problem(stmt.span, f"'{WORDS.get(tag, tag)}' is given twice (first on line {first[tag].line})")
            else:
                first[tag] = stmt.span
                if stmt.value is not None:
                    into[tag] = stmt.value
                if stmt.value_span is not None:
                    into[f"{tag}_span"] = stmt.value_span
        return into

    def place_statements(self, block: str, children: Iterable[Any], into: dict[str, Any]) -> list[Stmt]:
        """File each `goal`/`fact`/`note`... sentence under its field; return the other statements."""
        homes = STATEMENT_HOMES[block]
        others = []
        for stmt in statements(children):
            if stmt.tag != "statement":
                others.append(stmt)
                continue
            payload = stmt.value
            field = homes.get(payload.kind)
            if field is None:
                self.problem(payload.span, f"'{payload.kind}' does not belong in a {block} block (use: {', '.join(homes)})")
                continue
            into.setdefault(field, []).append(payload)
        return others


STATEMENT_HOMES = {
    "customer": {"goal": "goals", "pressure": "pressures", "initiative": "initiatives", "obstacle": "obstacles", "fact": "facts"},
    "competitor": {"strength": "strengths", "weakness": "weaknesses", "fact": "facts"},
    "company": {"strength": "strengths", "reference": "references", "differentiator": "differentiators"},
    "stakeholder": {"note": "notes"},
    "party": {"note": "notes"},
}


def text_stmt(tag: str, keyword: Token, value: Token) -> Stmt:
    """A statement whose value is one quoted text, with the text's own span."""
    where = token_span(value)
    return Stmt(tag, unquote(value), span(keyword, value), where)
