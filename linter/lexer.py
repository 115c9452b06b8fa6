"""A faster lexer for the plan grammar: one combined regular expression, words typed by context.

Why: profiling the full pipeline showed Lark's contextual lexer taking about
half of the parse time. It matches twice per token (the whitespace, then the
token), keeps a line counter object up to date, and runs a keyword check per
word. Here one ``finditer`` over one combined pattern finds every token,
whitespace and comment in C; Python only looks at the tokens.

It gives the same tokens as Lark's contextual lexer. Every word (anything
the ``NAME`` terminal matches) is matched once and typed afterwards, from
what the parser can accept at that point, exactly as the contextual lexer
decides: a keyword when the parser accepts that keyword, else the first
word-shaped terminal (``NAME``, ``KIND``, ``STATUS``...) the parser accepts,
in Lark's own order of precedence. When the parser accepts none of them the
word is typed as Lark's root lexer would type it, and the parser reports the
unexpected token as before. Everything is derived from the grammar's
terminals, so a grammar change needs no change here.

Hand the class to ``Lark(lexer=PlanLexer)``; it follows Lark's lexer
interface version 2 (``lex(lexer_state, parser_state)``).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Optional

from lark import Token
from lark.common import LexerConf
from lark.exceptions import UnexpectedCharacters
from lark.lexer import Lexer, LexerState, PatternStr, TerminalDef

WORD_TERMINAL = "NAME"
# The shapes of a terminal that only ever matches whole words: `plan`, `plan(?![\w-])`,
# `(?:goal|pressure|note)(?![\w-])`. Its words are typed by context instead of matched.
LOOKAHEAD = re.compile(r"\(\?![^()]*\)$")
WORDS = re.compile(r"(?:[A-Za-z_]|\\-)(?:[\w]|\\-)*(?:\|(?:[A-Za-z_]|\\-)(?:[\w]|\\-)*)*")
MAX_CACHED_WORDS = 4096
NEWLINE_SIGNS = ("\n", r"\n", r"\s")  # in a regexp: a terminal that may span lines


def _lark_order(terminal: TerminalDef) -> tuple[int, int, int, str]:
    """The precedence Lark's scanner gives terminals that match the same text."""
    return (-terminal.priority, -terminal.pattern.max_width, -len(terminal.pattern.value), terminal.name)


def whole_words(terminal: TerminalDef) -> Optional[frozenset[str]]:
    """The words a keyword-like terminal matches, or None when it is not one."""
    pattern = terminal.pattern
    if pattern.flags:
        return None
    if isinstance(pattern, PatternStr):
        body = re.escape(pattern.value)
    else:
        body = LOOKAHEAD.sub("", pattern.value)
        if body.startswith("(?:") and body.endswith(")"):
            body = body[3:-1]
    if not WORDS.fullmatch(body):
        return None
    return frozenset(word.replace("\\", "") for word in body.split("|"))


class PlanLexer(Lexer):
    __future_interface__ = 2

    def __init__(self, conf: LexerConf) -> None:
        terminals = {t.name: t for t in conf.terminals}
        if WORD_TERMINAL not in terminals:
            raise ValueError(f"PlanLexer needs a {WORD_TERMINAL} terminal in the grammar")
        name_terminal = terminals[WORD_TERMINAL]
        word = re.compile(name_terminal.pattern.to_regexp())
        self.ignore = frozenset(conf.ignore)
        self.callbacks: dict[str, Callable[[Token], Token]] = dict(conf.callbacks)
        self.terminal_names = frozenset(terminals)
        self.terminals_by_name = conf.terminals_by_name

        # Terminals that only match whole words, in Lark's precedence, NAME among them.
        self.word_terminals: list[tuple[str, frozenset[str]]] = []
        others: list[TerminalDef] = []
        for terminal in sorted(terminals.values(), key=_lark_order):
            words = whole_words(terminal) if terminal is not name_terminal else frozenset()
            if terminal is name_terminal or (words and all(word.fullmatch(w) for w in words)):
                self.word_terminals.append((terminal.name, words or frozenset()))
            else:
                others.append(terminal)

        # Terminals tried before NAME in Lark's order (QUARTER's "Q3 2027", MONEY's "EUR 40")
        # stay ahead of the word pattern; the rest follow it.
        before = [t for t in others if _lark_order(t) < _lark_order(name_terminal)]
        after = [t for t in others if t not in before]
        alternatives = [f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in before]
        alternatives.append(f"(?P<{WORD_TERMINAL}>{word.pattern})")
        alternatives += [f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in after]
        self.pattern = re.compile("|".join(alternatives), conf.g_regex_flags)
        self.multiline = frozenset(t.name for t in others if any(s in t.pattern.to_regexp() for s in NEWLINE_SIGNS))
        self._types: dict[str, tuple[str, ...]] = {}

    def _word_types(self, value: str) -> tuple[str, ...]:
        """The terminals this word can be, in Lark's precedence (NAME matches every word)."""
        found = tuple(name for name, words in self.word_terminals if name == WORD_TERMINAL or value in words)
        if len(self._types) < MAX_CACHED_WORDS:
            self._types[value] = found
        return found

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        text_slice = lexer_state.text
        text, position, end = text_slice.text, text_slice.start, text_slice.end
        line_ctr = lexer_state.line_ctr
        line, line_start = line_ctr.line, line_ctr.line_start_pos
        states = parser_state.parse_conf.states
        state_stack = parser_state.state_stack
        ignore, callbacks, multiline = self.ignore, self.callbacks, self.multiline
        word_types, cached_types = self._word_types, self._types.get
        last: Optional[Token] = None
        for match in self.pattern.finditer(text, position, end):
            start = match.start()
            if start != position:
                break  # a character no terminal matches
            kind = match.lastgroup
            value = match.group()
            position = match.end()
            if kind == WORD_TERMINAL:
                accepted = states[state_stack[-1]]
                candidates = cached_types(value) or word_types(value)
                kind = candidates[0]  # what Lark's root lexer says when none is accepted
                for candidate in candidates:
                    if candidate in accepted:
                        kind = candidate
                        break
            elif kind in ignore:
                if kind in callbacks:  # comments: single-line by the grammar
                    column = start - line_start + 1
                    callbacks[kind](Token(kind, value, start, line, column, line, column + len(value), position))
                if kind in multiline and "\n" in value:
                    line += value.count("\n")
                    line_start = start + value.rindex("\n") + 1
                continue
            token_line, column = line, start - line_start + 1
            if kind in multiline and "\n" in value:
                line += value.count("\n")
                line_start = start + value.rindex("\n") + 1
            last = Token(kind, value, start, token_line, column, line, position - line_start + 1, position)
            if kind in callbacks:
                last = callbacks[kind](last)
            yield last
        lexer_state.last_token = last
        line_ctr.char_pos, line_ctr.line, line_ctr.line_start_pos = position, line, line_start
        line_ctr.column = position - line_start + 1
        if position < end:
            accepted = states[state_stack[-1]]
            allowed = {name for name in accepted if name in self.terminal_names} - self.ignore
            raise UnexpectedCharacters(text, position, line, position - line_start + 1, allowed=allowed,
                                       token_history=last and [last], state=parser_state,
                                       terminals_by_name=self.terminals_by_name)
