"""A lean driver for Lark's own LALR tables: the fast path for well-formed plans.

Why it exists: profiling ``planlint check`` showed that three quarters of the
parse went to Lark's generic per-token machinery (the contextual lexer's
``next_token`` and the parser's ``feed_token``), not to the grammar or to our
transformer. This module runs the *same* grammar, the *same* LALR parse table
and the *same* transformer callbacks that Lark built, but with one combined
regular expression for the lexer and the shift/reduce loop written out in a
single function, which is about twice as fast.

It is still contextual lexing: a word is a keyword, a word class such as
``KIND`` (``goal``, ``fact``...) or a plain ``NAME`` according to what the
parser state accepts, with the priorities Lark uses (word class 2, keyword 1,
``NAME`` 0). Anything unusual (a token the state does not accept, a character
no terminal matches, an ambiguity) makes :func:`FastParser.parse` give up and
return ``None``; the caller then parses with Lark's own contextual lexer and
parser, which produce the error messages and the recovery. So the fast path
only ever handles text that Lark would accept, and it must build exactly what
Lark builds: ``tests/test_fast_parser.py`` checks that on every sample, on
generated plans and on fuzzed text.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from lark import Lark, Token, Tree
from lark.grammar import Rule
from lark.parse_tree_builder import maybe_create_child_filter
from lark.parsers.lalr_analysis import Reduce, Shift

# A terminal that only ever matches whole words: ``plan(?![\w-])`` or
# ``(?:goal|fact|...)(?![\w-])`` (the shape parser._whole_word_keywords and the
# grammar's word classes give them).
_WORD_TERMINAL = re.compile(r"(?:\(\?:)?([A-Za-z_][A-Za-z0-9_]*(?:\|[A-Za-z_][A-Za-z0-9_]*)*)\)?\(\?!\[\\w-\]\)")
_WORD_TOKEN = "NAME"
_MAX_CACHED_WORDS = 16384  # (state, word) pairs; keywords in their states are a few thousand
_END = "$END"
_SHIFTED, _STUCK = object(), object()  # what feeding a token did, besides finishing the parse

OnComment = Callable[[Token], None]
Reduction = tuple[int, Callable[[list[Any]], Any], str]  # (children taken, what builds the value, rule reduced to)
_COMPILED: dict[str, Any] = {}  # a reduction's source -> its compiled code (see _reduction)


def _reduction(rule: Rule, methods: dict[str, Callable[..., Any]]) -> Reduction:
    """One function that does what Lark's callback chain for ``rule`` does, in one call.

    Lark wraps each builder method in a child filter (which drops or splices
    children and puts None where an optional ``[x]`` part was left out), and
    builds a ``Tree`` for each of its internal ``__x_star`` rules only for the
    parent to take its children out again. Here the same plan (taken from
    Lark's own ``maybe_create_child_filter``) is written out as one small
    function per rule: internal rules build a plain list, extended in place as
    Lark does for left recursion, and the method gets its children spread as
    arguments. The source is generated from integers only (child positions,
    counts of None), never from the grammar's text.
    """
    name = rule.origin.name
    size = len(rule.expansion)
    options = rule.options
    found = maybe_create_child_filter(rule.expansion, options.keep_all_tokens, False, options.empty_indices)
    if found is None:
        plan = [(index, False, 0) for index in range(size)]
        trailing = 0
    elif len(found.args) == 2:
        plan, trailing = found.args
    else:
        plan, trailing = [(index, expand, 0) for index, expand in found.args[0]], 0
    parts: list[str] = []
    for index, expand, nones in plan:
        parts += ["None"] * nones
        parts.append(f"*c[{index}]" if expand else f"c[{index}]")
    parts += ["None"] * trailing
    method = methods.get(rule.alias or name)
    namespace: dict[str, Any] = {"m": method, "Tree": Tree, "name": name}
    if method is None and name.startswith("_"):  # an internal repetition: the list its parent splices in
        if plan and plan[0][:3] == (0, True, 0):  # left recursion: extend the list in place, as Lark does
            rest = parts[1:]
            body = f"l = c[0]\n    l += ({', '.join(rest)},)\n    return l" if rest else "return c[0]"
        else:
            body = f"return [{', '.join(parts)}]"
    else:
        call = f"m({', '.join(parts)})" if method is not None else f"Tree(name, [{', '.join(parts)}])"
        if options.expand1 and not rule.alias and parts == ["c[0]"]:
            body = "return c[0]"
        elif options.expand1 and not rule.alias:
            body = f"l = [{', '.join(parts)}]\n    return l[0] if len(l) == 1 else {call}"
        else:
            body = f"return {call}"
    source = f"def reduce(c):\n    {body}\n"
    code = _COMPILED.get(source)
    if code is None:  # the grammar's 255 rules have about 20 shapes: each is compiled once (start-up, issue 19)
        code = _COMPILED[source] = compile(source, "<reduce>", "exec")
    exec(code, namespace)  # noqa: S102 - see docstring
    reduce = namespace["reduce"]
    reduce.__code__ = reduce.__code__.replace(co_filename=f"<reduce {name}>")  # a traceback still names the rule
    return size, reduce, name


class FastParser:
    """Parse with Lark's tables and callbacks, or return None to leave the text to Lark."""

    def __init__(self, lark: Lark, on_comment: OnComment) -> None:
        lalr = lark.parser.parser.parser  # lark.parsers.lalr_parser._Parser
        table = lalr.parse_table
        methods = getattr(lark.options.transformer, "rule_methods", None)
        self.start_state = table.start_states["start"]
        self.end_state = table.end_states["start"]
        self.on_comment = on_comment
        # No terminal callbacks expected, and a builder whose methods take their children spread.
        self.enabled = methods is not None and not any(isinstance(key, str) for key in lalr.callbacks)
        # The parse table with each reduction's rule replaced by what performs it (see _reduction).
        reductions: dict[Rule, Reduction] = {}
        self.states: dict[Any, dict[str, tuple[Any, Any]]] = {
            state: {kind: (action, reductions[argument] if argument in reductions else
                                   reductions.setdefault(argument, _reduction(argument, methods)))
                    if action is Reduce and methods is not None else (action, argument)
                    for kind, (action, argument) in actions.items()}
            for state, actions in table.states.items()}

        ignored = set(lark.lexer_conf.ignore)
        by_word: dict[str, list[tuple[int, str]]] = {}
        others = []
        for terminal in lark.terminals:
            if terminal.name in ignored or terminal.name == _WORD_TOKEN:
                continue
            words = _WORD_TERMINAL.fullmatch(terminal.pattern.to_regexp()) if not terminal.pattern.flags else None
            if words:
                for word in words.group(1).split("|"):
                    by_word.setdefault(word, []).append((terminal.priority, terminal.name))
            else:
                others.append(terminal)
        # Lark's own order for a lexer's alternatives: priority, then longest pattern.
        others.sort(key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
        names = {t.name: t for t in lark.terminals}
        self.comment = "COMMENT" if "COMMENT" in ignored else None
        # Spacing is matched in front of the token it precedes, not as a token of its own: half as many
        # turns of the loop. No terminal starts with a space, so this reads the text exactly as before.
        spacing = "|".join(f"(?:{names[name].pattern.to_regexp()})" for name in sorted(ignored) if name != self.comment)
        alternatives = [f"(?P<{name}>{names[name].pattern.to_regexp()})" for name in sorted(ignored) if name == self.comment]
        alternatives += [f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in others]
        alternatives.append(f"(?P<{_WORD_TOKEN}>{names[_WORD_TOKEN].pattern.to_regexp()})")
        self.master = re.compile(f"(?:{spacing})?(?:{'|'.join(alternatives)})" if spacing else "|".join(alternatives))
        self.trailing = re.compile(f"(?:{spacing})?" if spacing else "")
        self.ignored = frozenset(ignored)
        self.word_terminals = {word: sorted(found, reverse=True) for word, found in by_word.items()}
        # What a word is in a parser state, remembered across parses (it depends on the tables only): a plan's
        # words are mostly the same keywords in the same states, so each file no longer learns them again.
        self.word_types: dict[tuple[Any, str], Optional[str]] = {}

    def _word_type(self, word: str, accepts: dict[str, Any]) -> Optional[str]:
        """The terminal a word is in this parser state, by Lark's priorities; None to give up."""
        candidates = [(priority, name) for priority, name in self.word_terminals.get(word, ()) if name in accepts]
        if candidates:
            if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
                return None  # two word terminals of one priority: leave the choice to Lark
            return candidates[0][1]
        return _WORD_TOKEN if _WORD_TOKEN in accepts else None

    def parse(self, text: str) -> Optional[Any]:
        """The transformer's result for ``text``, or None when Lark must handle it."""
        if not self.enabled:
            return None
        states, ignored, feed = self.states, self.ignored, self._feed
        make_token = Token._future_new  # Token() minus its deprecated-argument check
        state_stack = [self.start_state]
        value_stack: list[Any] = []
        word_types = self.word_types
        line, line_start, position = 1, 0, 0
        match_at, length = self.master.match, len(text)

        while position < length:
            match = match_at(text, position)  # at this position or not at all: a bad character ends it at once
            if match is None:
                if self.trailing.fullmatch(text, position):
                    break  # only spacing is left
                return None  # a character no terminal matches
            kind = match.lastgroup
            start = match.start(kind)
            if start != position:  # the spacing in front of the token
                spaced = text.count("\n", position, start)
                if spaced:
                    line += spaced
                    line_start = text.rindex("\n", position, start) + 1
            value = match.group(kind)
            position = match.end()
            newlines = value.count("\n")
            if kind in ignored:
                if kind == self.comment:
                    self.on_comment(make_token(kind, value, start, line, start - line_start + 1,
                                               line, position - line_start + 1, position))
            else:
                accepts = states[state_stack[-1]]
                if kind == _WORD_TOKEN:
                    key = (state_stack[-1], value)
                    kind = word_types[key] if key in word_types else self._remembered_word_type(word_types, key, value, accepts)
                    if kind is None:
                        return None
                step = accepts.get(kind)
                if step is None:
                    return None
                column = start - line_start + 1
                if newlines:  # a quarter or an amount written over a line break
                    end_line, end_column = line + newlines, position - (start + value.rindex("\n"))
                else:
                    end_line, end_column = line, column + len(value)
                token = make_token(kind, value, start, line, column, end_line, end_column, position)
                if step[0] is Shift:  # most tokens shift at once: skip the call
                    state_stack.append(step[1])
                    value_stack.append(token)
                elif feed(token, step, state_stack, value_stack) is _STUCK:
                    return None
            if newlines:
                line += newlines
                line_start = start + value.rindex("\n") + 1
        return self._finish(position, line, line_start, state_stack, value_stack)

    def _remembered_word_type(self, seen: dict[tuple[Any, str], Optional[str]], key: tuple[Any, str], word: str,
                              accepts: dict[str, Any]) -> Optional[str]:
        """:meth:`_word_type`, remembered in ``seen`` (up to a bound) for the next time the word comes in this state."""
        kind = self._word_type(word, accepts)
        if len(seen) < _MAX_CACHED_WORDS:
            seen[key] = kind
        return kind

    def _finish(self, position: int, line: int, line_start: int, state_stack: list[Any], value_stack: list[Any]) -> Optional[Any]:
        """The end of input fed to the parser: the finished result, or None when the text is not a whole file."""
        step = self.states[state_stack[-1]].get(_END)
        if step is None:
            return None
        column = position - line_start + 1
        end = Token._future_new(_END, "", position, line, column, line, column, position)
        result = self._feed(end, step, state_stack, value_stack)
        return None if result is _STUCK or result is _SHIFTED else result

    def _feed(self, token: Token, step: tuple[Any, Any], state_stack: list[Any], value_stack: list[Any]) -> Any:
        """Reduce as far as ``token`` asks, then shift it: Lark's ``feed_token``.

        Returns ``_SHIFTED``, ``_STUCK`` when some state on the way does not
        take the token, or, for the end of input, the finished result.
        """
        states, kind = self.states, token.type
        while True:
            action, argument = step
            if action is Shift:
                if kind == _END:
                    return _STUCK
                state_stack.append(argument)
                value_stack.append(token)
                return _SHIFTED
            size, reduce, origin = argument
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = reduce(children)
            goto = states[state_stack[-1]][origin][1]
            state_stack.append(goto)
            value_stack.append(value)
            if kind == _END and goto == self.end_state:
                return value
            step = states[goto].get(kind)
            if step is None:
                return _STUCK
