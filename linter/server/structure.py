"""What the syntax tree says about a plan's structure: its outline and where people are named.

Both read the tree of :mod:`planlint.syntax_tree`, so a block added to the
grammar appears in the outline with no change here: every block is a symbol
named by its header, and the statements in :data:`LEAF_STATEMENTS` are
symbols inside their block.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from lark import Token, Tree

from ..language.formatter import OPEN, is_block
from ..language.syntax_tree import tokens_of

LEAF_STATEMENTS = frozenset({"action", "customer_action", "experiment", "no_competitor", "question"})
# Keywords whose quoted text names a person: declared by stakeholder, team and the plan's owner.
PEOPLE_KEYWORDS = frozenset({"owner", "ask", "with", "stakeholder", "team", "reports_to"})
DECLARING = ("stakeholder", "team", "owner")  # where a name's definition is looked for, in this order


class Symbol(NamedTuple):
    keyword: str
    name: str
    detail: str
    start: Token
    end: Token
    children: list["Symbol"]


class Mention(NamedTuple):
    """A person's name written after ``keyword``; ``declares`` when this is where the name is defined."""

    name: str
    keyword: str
    token: Token
    declares: bool


def unquote(token: Token) -> str:
    text = str(token)
    if token.type == "STRING" and len(text) >= 2:
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


def outline(tree: Tree) -> list[Symbol]:
    """The plan's symbols: each block, with its blocks and leaf statements inside."""
    found: list[Symbol] = []
    for child in tree.children:
        found.extend(_symbols(child))
    return found


def _symbols(node: Optional[object]) -> list[Symbol]:
    if not isinstance(node, Tree):
        return []
    tokens = list(tokens_of(node))
    if not tokens:
        return []
    if is_block(node):
        header: list[Token] = []
        for token in tokens:
            if token.type == OPEN:
                break
            header.append(token)
        children = [symbol for child in node.children for symbol in _symbols(child)]
        return [_symbol(header, tokens[0], tokens[-1], children)]
    if str(tokens[0]) in LEAF_STATEMENTS:
        return [_symbol(tokens, tokens[0], tokens[-1], [])]
    return [symbol for child in node.children for symbol in _symbols(child)]


def _symbol(header: list[Token], start: Token, end: Token, children: list[Symbol]) -> Symbol:
    keyword = str(header[0])
    names = [unquote(token) for token in header[1:] if token.type == "STRING"]
    words = [str(token) for token in header[1:] if token.type != "STRING"]
    name = names[0] if names else keyword
    detail = " ".join([keyword, *words]) if names else " ".join(words)
    return Symbol(keyword, name, detail, start, end, children)


def mentions(tree: Tree) -> list[Mention]:
    """Every person's name in ``owner``, ``ask``, ``with``, ``stakeholder``, ``team`` (and ``reports_to``)."""
    found: list[Mention] = []
    _mentions(tree, found, parent="")
    return found


def _mentions(node: object, found: list[Mention], parent: str) -> None:
    if not isinstance(node, Tree):
        return
    first = next(tokens_of(node), None)
    keyword = str(first) if first is not None else ""
    if keyword in PEOPLE_KEYWORDS and node.data not in ("plan", "portfolio"):
        block = is_block(node)
        for child in node.children:
            if isinstance(child, Token) and child.type == OPEN:
                break
            for token in tokens_of(child):
                if token.type == "STRING":
                    declares = keyword in ("stakeholder", "team") or (keyword == "owner" and parent == "plan")
                    found.append(Mention(unquote(token), keyword, token, declares))
        if not block:
            return
    for child in node.children:
        _mentions(child, found, str(node.data))


def definition(found: list[Mention], name: str) -> Optional[Mention]:
    """Where ``name`` is declared: as a stakeholder, else on the team, else as the plan's owner."""
    for keyword in DECLARING:
        for mention in found:
            if mention.declares and mention.keyword == keyword and mention.name == name:
                return mention
    return None
