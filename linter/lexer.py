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
# A terminal of whole words, as written in the grammar: /(?:goal|pressure|...)(?![\w-])/
WORD_LIST = re.compile(r"\(\?:[A-Za-z_][\w|-]*\)(?:\(\?![^()]*\))?")
MAX_CACHED_WORDS = 4096


def _lark_order(terminal: TerminalDef) -> tuple[int, int, int, str]:
    """The precedence Lark's scanner gives terminals that match the same text."""
    return (-terminal.priority, -terminal.pattern.max_width, -len(terminal.pattern.value), terminal.name)


class PlanLexer(Lexer):
    __future_interface__ = 2

    def __init__(self, conf: LexerConf) -> None:
        terminals = {t.name: t for t in conf.terminals}
        if WORD_TERMINAL not in terminals:
            raise ValueError(f"PlanLexer needs a {WORD_TERMINAL} terminal in the grammar")
        word = re.compile(terminals[WORD_TERMINAL].pattern.to_regexp())
        self.ignore = frozenset(conf.ignore)
        self.callbacks: dict[str, Callable[[Token], Token]] = dict(conf.callbacks)
        self.terminal_names = frozenset(terminals)
        self.terminals_by_name = conf.terminals_by_name

        self.keywords: dict[str, str] = {}  # "objective" -> the terminal Lark made for it
        self.word_terminals: list[tuple[str, re.Pattern[str]]] = []  # regex terminals matching whole words
        others: list[TerminalDef] = []
        for terminal in terminals.values():
            pattern = terminal.pattern
            if isinstance(pattern, PatternStr) and word.fullmatch(pattern.value) and not pattern.flags:
                self.keywords[pattern.value] = terminal.name
            elif terminal.name == WORD_TERMINAL or (not pattern.flags and WORD_LIST.fullmatch(pattern.value)):
                self.word_terminals.append((terminal.name, re.compile(pattern.to_regexp())))
            else:
                others.append(terminal)
        order = {t.name: _lark_order(t) for t in conf.terminals}
        self.word_terminals.sort(key=lambda entry: order[entry[0]])

        # Terminals that may stand before a word (QUARTER's "Q3 2027", MONEY's "EUR 40") must be
        # tried first, as in Lark; the word pattern comes after them and before the rest.
        others.sort(key=_lark_order)
        alternatives = [f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in others]
        alternatives.insert(self._word_slot(others, terminals[WORD_TERMINAL]), f"(?P<{WORD_TERMINAL}>{word.pattern})")
        self.pattern = re.compile("|".join(alternatives), conf.g_regex_flags)
        self.multiline = frozenset(t.name for t in others if "\n" in t.pattern.to_regexp() or "\\s" in t.pattern.to_regexp()
                                   or "\\n" in t.pattern.to_regexp())
        self._types: dict[str, tuple[tuple[str, ...], str]] = {}

    @staticmethod
    def _word_slot(others: list[TerminalDef], word: TerminalDef) -> int:
        """Where the word pattern goes: after every terminal Lark would try before NAME."""
        key = _lark_order(word)
        return sum(1 for t in others if _lark_order(t) < key or t.priority > word.priority)

    def _word_types(self, value: str) -> tuple[tuple[str, ...], str]:
        """(the terminals this word can be, in precedence order; the type when none is accepted)."""
        found = self._types.get(value)
        if found is None:
            keyword = self.keywords.get(value)
            candidates = tuple(name for name, pattern in self.word_terminals if pattern.fullmatch(value))
            found = ((keyword, *candidates) if keyword else candidates, keyword or (candidates or (WORD_TERMINAL,))[0])
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
        word_types = self._word_types
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
                candidates, kind = word_types(value)
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
