"""`planlint format`'s one canonical layout for plan files.

The layout follows the grammar's shape, not a list of statements, so a new
construct in ``grammar.lark`` is laid out with no change here:

* a node whose children hold ``{`` and ``}`` is a block: its header stays on
  one line ending in ``{``, every child between the braces is a statement on
  a line of its own, indented two spaces per level, and ``}`` closes on a line
  of its own (``{}`` when nothing is inside);
* the tokens of a statement are joined by one space (none before a comma);
  each token is kept exactly as written, since the model records how a
  value was spelt (``$ 500k`` stays ``$ 500k``: its ``text`` is part of
  what the plan says);
* blank lines: at most one where the author left one, none right after
  ``{`` or before ``}``, and always one between top-level statements of
  different kinds when either is a block (``research {...}`` then ``unit``);
* every comment stays with the token it was written beside: a comment at the
  end of a line stays at the end of that token's line, a comment on a line of
  its own stays on its own line before the token that followed it (inside a
  statement that means the statement goes on over a continuation line, one
  level deeper), and a comment before ``}`` stays inside the block.

What the file means never changes: ``tests/test_formatter.py`` checks that
the model (spans aside), the comments and the findings are equal before and
after, and that formatting twice gives the same bytes. A file that cannot be
read is never formatted: :func:`format_text` raises the parser's
:class:`~planlint.diagnostics.PlanSyntaxError`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from lark import Token, Tree

from .syntax_tree import Comment, Node, comments_of, parse_tree, tokens_of

INDENT = "  "
OPEN, CLOSE, COMMA = "LBRACE", "RBRACE", "COMMA"


def is_block(node: Node) -> bool:
    return isinstance(node, Tree) and any(isinstance(c, Token) and c.type == OPEN for c in node.children) \
        and any(isinstance(c, Token) and c.type == CLOSE for c in node.children)


@dataclass
class _Line:
    depth: int
    parts: list[str] = field(default_factory=list)
    comment: str = ""
    blank_before: bool = False

    def render(self) -> str:
        body = ""
        for part in self.parts:
            body += part if not body or part == "," else " " + part
        if self.comment:
            body = f"{body}  {self.comment}" if body else self.comment
        return (INDENT * self.depth + body).rstrip()


class _Layout:
    """Writes tokens and comments into lines, in source order, keeping each comment by its token."""

    def __init__(self, text: str, tokens: list[Token], comments: list[Comment]) -> None:
        self.text = text
        self.lines: list[_Line] = []
        self.current: Optional[_Line] = None
        self.last_end = 0  # source offset after the last token or comment written
        self.leading: dict[int, list[Comment]] = defaultdict(list)  # token start -> own-line comments before it
        self.trailing: dict[int, list[Comment]] = defaultdict(list)  # token start -> comments after it on its line
        self.final: list[Comment] = []
        index = 0
        for comment in comments:
            while index < len(tokens) and (tokens[index].start_pos or 0) < comment.offset:
                index += 1
            before = tokens[index - 1] if index else None
            if before is not None and before.end_line == comment.line:
                self.trailing[before.start_pos or 0].append(comment)
            elif index < len(tokens):
                self.leading[tokens[index].start_pos or 0].append(comment)
            else:
                self.final.append(comment)

    def blank_between(self, start: int, end: int) -> bool:
        """Whether the author left a blank line between two source offsets."""
        return bool(self.lines or self.current) and self.text.count("\n", start, end) >= 2

    def first_offset(self, token: Token) -> int:
        """Where the source lines of ``token`` begin: at its first own-line comment, if it has one."""
        leading = self.leading.get(token.start_pos or 0)
        return leading[0].offset if leading else token.start_pos or 0

    def _open(self, depth: int, blank: bool) -> _Line:
        self.end_line()
        self.current = _Line(depth, blank_before=blank)
        return self.current

    def end_line(self) -> None:
        if self.current is not None and (self.current.parts or self.current.comment):
            self.lines.append(self.current)
        self.current = None

    def comment_line(self, comment: Comment, depth: int, blank: bool) -> None:
        self._open(depth, blank).comment = comment.text
        self.last_end = comment.end
        self.end_line()

    def ends_in_comment(self) -> bool:
        """Whether the line being written ends in a comment, so what follows must go below it."""
        return self.current is not None and bool(self.current.comment)

    def token(self, token: Token, depth: int, starts_line: bool, blank: bool = False,
              comment_depth: Optional[int] = None) -> None:
        """Write ``token``: first on a new line at ``depth`` when ``starts_line``, else after the last one.

        Own-line comments before it go on lines of their own (at
        ``comment_depth`` if given), which also puts the token on a new line;
        comments after it on its source line go at the end of its line.
        """
        start = token.start_pos or 0
        leading = self.leading.pop(start, [])
        for comment in leading:
            self.comment_line(comment, depth if comment_depth is None else comment_depth, blank)
            blank = False
        if leading:  # a blank line between the comments and the token stays, except before a '}'
            starts_line, blank = True, comment_depth is None and self.blank_between(leading[-1].end, start)
        if starts_line or self.current is None or self.ends_in_comment():
            self._open(depth, blank)
        assert self.current is not None
        self.current.parts.append(str(token))
        self.last_end = token.end_pos or start
        self.trailing_comments(token)

    def trailing_comments(self, token: Token) -> None:
        trailing = self.trailing.pop(token.start_pos or 0, [])
        if trailing:
            assert self.current is not None
            self.current.comment = "  ".join(comment.text for comment in trailing)
            self.last_end = trailing[-1].end

    def close_empty(self, closer: Token) -> bool:
        """Write ``{}`` for a block with nothing inside (no statement, no comment); False when it has some."""
        if self.leading.get(closer.start_pos or 0) or self.ends_in_comment() or self.current is None:
            return False
        self.current.parts[-1] += "}"
        self.last_end = closer.end_pos or 0
        self.trailing_comments(closer)
        return True


def _braces(node: Tree) -> tuple[int, int]:
    children = node.children
    opener = next(i for i, c in enumerate(children) if isinstance(c, Token) and c.type == OPEN)
    closer = max(i for i, c in enumerate(children) if isinstance(c, Token) and c.type == CLOSE)
    return opener, closer


def _kind(node: Node) -> str:
    return str(node.data) if isinstance(node, Tree) else node.type


class _Writer:
    """Walks the tree: blocks open and close lines, statements start them, other tokens follow."""

    def __init__(self, layout: _Layout) -> None:
        self.layout = layout
        self.depth = 0
        self.first = True
        self.blank = False

    def statement(self, node: Node, depth: int, blank: bool) -> None:
        self.depth, self.first, self.blank = depth, True, blank
        self._walk(node)

    def _walk(self, node: Optional[Node]) -> None:
        if node is None:  # an optional part left out ([x] in the grammar)
            return
        if isinstance(node, Token):
            self._token(node)
        elif is_block(node):
            self._block(node)
        else:
            for child in node.children:
                self._walk(child)

    def _token(self, token: Token) -> None:
        if self.first:
            self.layout.token(token, self.depth, True, self.blank)
            self.first = False
        else:  # a line break inside a statement (after a comment) goes on one level deeper
            self.layout.token(token, self.depth + 1, False)

    def _block(self, node: Tree) -> None:
        opener, closer = _braces(node)
        depth = self.depth
        for child in node.children[:opener + 1]:
            self._walk(child)
        statements = node.children[opener + 1:closer]
        previous: Optional[Node] = None
        for child in statements:
            if child is None:
                continue
            forced = depth == 0 and previous is not None and _kind(previous) != _kind(child) \
                and (is_block(previous) or is_block(child))
            start = self.layout.first_offset(next(tokens_of(child)))
            blank = previous is not None and (forced or self.layout.blank_between(self.layout.last_end, start))
            self.statement(child, depth + 1, blank)
            previous = child
        self.depth, self.first = depth, False
        end = node.children[closer]
        assert isinstance(end, Token)
        if statements or not self.layout.close_empty(end):
            blank = bool(statements) and self.layout.blank_between(self.layout.last_end, self.layout.first_offset(end))
            self.layout.token(end, depth, True, blank and bool(self.layout.leading.get(end.start_pos or 0)),
                              comment_depth=depth + 1)
        for child in node.children[closer + 1:]:
            self._walk(child)


def format_tree(text: str, tree: Tree) -> str:
    tokens = list(tokens_of(tree))
    layout = _Layout(text, tokens, comments_of(text, tokens))
    writer = _Writer(layout)
    for child in tree.children:
        writer.statement(child, 0, False)
    layout.end_line()
    for comment in layout.final:
        layout.comment_line(comment, 0, layout.blank_between(layout.last_end, comment.offset))
    out: list[str] = []
    for line in layout.lines:
        if line.blank_before and out:
            out.append("")
        out.append(line.render())
    return "\n".join(out) + "\n"


def format_text(text: str, path: str = "<string>") -> str:
    """``text`` in the canonical layout; raises :class:`PlanSyntaxError` when it cannot be read."""
    from .parser import parse_text

    if text.startswith("\ufeff"):
        text = text[1:]
    parse_text(text, path)  # the engine's own reading: its errors, its recovery, its value checks
    return format_tree(text, parse_tree(text))
