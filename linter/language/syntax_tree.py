"""The plan's concrete syntax tree: every token kept, nothing built.

The engine's parser (:mod:`planlint.parser`) runs the model builder while it
parses, so it never yields a tree. The formatter needs the tokens exactly as
written, and the language server needs to ask the LALR parser what it would
accept at the cursor and where each person's name is written. Both use this
second Lark parser over the *same* grammar file, with the same whole-word
keyword rule, but without a transformer: so any construct added to the
grammar reaches them with no change here.

Comments are not in the tree (the grammar ignores them); :func:`comments_of`
finds them in the gaps between tokens, where nothing but blanks and comments
can stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Union

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken

from . import grammar_cache
from .parser import GRAMMAR_PATH, PARSER_VERSION, _whole_word_keywords

Node = Union[Tree, Token]
_COMMENT = re.compile(r"#[^\n]*")
_tree_parser: Optional[Lark] = None


def get_tree_parser() -> Lark:
    """The process-wide tree parser, built on first use (its analysis cached on disk like the engine's)."""
    global _tree_parser
    if _tree_parser is None:
        grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
        options: dict[str, Any] = dict(parser="lalr", lexer="contextual", edit_terminals=_whole_word_keywords,
                                       keep_all_tokens=True)
        _tree_parser = grammar_cache.load_lark(grammar, f"tree {PARSER_VERSION}", options, {})
    return _tree_parser


def parse_tree(text: str) -> Tree:
    """The syntax tree of well-formed ``text`` (raises Lark's ``UnexpectedInput`` otherwise)."""
    return get_tree_parser().parse(text)


def tokens_of(node: Optional[Node]) -> Iterator[Token]:
    """Every token under ``node``, in source order (``None`` stands for an optional part left out)."""
    if node is None:
        return
    if isinstance(node, Token):
        yield node
        return
    for child in node.children:
        yield from tokens_of(child)


@dataclass(frozen=True)
class Comment:
    """A ``#`` comment: its text (``#`` included, trailing blanks dropped) and where it starts."""

    text: str
    offset: int
    end: int
    line: int
    column: int


def comments_of(text: str, tokens: list[Token]) -> list[Comment]:
    """The comments of ``text``, whose tokens (in order) are ``tokens``."""
    found: list[Comment] = []
    start = 0
    bounds = [(token.start_pos or 0, token.end_pos or 0) for token in tokens] + [(len(text), len(text))]
    for token_start, token_end in bounds:
        for match in _COMMENT.finditer(text, start, token_start):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            found.append(Comment(match.group().rstrip(), match.start(), match.end(), line, column))
        start = token_end
    return found


def accepted_terminals(prefix: str) -> set[str]:
    """The terminals the LALR parser would take after ``prefix`` (what may be typed next).

    Tokens the parser cannot take (a mistake earlier in the file) are skipped,
    so one error above the cursor does not leave the editor with nothing to
    offer; the set is read from the parser state at the end of ``prefix``.
    """
    found: set[str] = set()

    def on_error(error: UnexpectedInput) -> bool:
        if isinstance(error, UnexpectedToken) and error.token.type == "$END":
            found.update(error.interactive_parser.accepts())
            return False
        return True  # skip the token or character and go on

    try:
        get_tree_parser().parse(prefix, on_error=on_error)
    except UnexpectedInput:
        pass
    except Exception:  # noqa: BLE001 - completion is a nicety: never crash the server over it
        return found
    else:  # the prefix is a whole plan: only the end may follow
        found.add("$END")
    found.discard("$END")
    return found
