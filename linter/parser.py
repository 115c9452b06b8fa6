"""Reading plan text into the model, with errors a sales rep can act on.

The Lark parser (LALR, contextual lexer, the transformer run during parsing)
is built once per process and its analysis cached on disk, so start-up stays
fast. After a syntax error the parser blanks out the broken statement (keeping
line and column numbers intact) and parses again, so one run reports several
independent errors instead of only the first.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

import lark
from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from pydantic import ValidationError

from .builder import STATE, PlanBuilder
from .diagnostics import INVALID_VALUE, SYNTAX_ERROR, UNREADABLE_FILE, Diagnostic, PlanSyntaxError
from .model import PlanFile
from .syntax_errors import keyword_of, message_for

GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")
MAX_ERRORS = 20
LARGE_FILE = 1_000_000  # bytes; recovery re-parses, so large files get fewer passes
EMPTY_MESSAGE = 'the file is empty: a plan starts with  plan "Name" { ... }'

VALUE_TERMINALS = frozenset({"STRING", "DATE", "QUARTER", "MONEY", "PERCENT", "NUMBER", "NAME"})

_parser: Optional[Lark] = None


def _on_comment(token: Token) -> None:
    STATE.comments.append({"text": str(token)[1:].strip(), "span": {
        "line": token.line, "column": token.column, "end_line": token.end_line, "end_column": token.end_column}})


def _cache_file(grammar: str) -> Optional[str]:
    """A writable cache path for Lark's analysis, or None to build without a cache."""
    digest = hashlib.sha256(grammar.encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for folder in (os.path.join(base, "planlint"), os.path.join(tempfile.gettempdir(), f"planlint-{os.getuid()}")):
        try:
            os.makedirs(folder, exist_ok=True)
            if os.access(folder, os.W_OK):
                return os.path.join(folder, f"grammar-{lark.__version__}-{digest}.cache")
        except OSError:
            continue
    return None


def get_parser() -> Lark:
    """The process-wide parser, built on first use."""
    global _parser
    if _parser is None:
        grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
        options: dict[str, Any] = dict(parser="lalr", lexer="contextual", transformer=PlanBuilder(),
                                       keep_all_tokens=True, lexer_callbacks={"COMMENT": _on_comment})
        cache = _cache_file(grammar)
        try:
            _parser = Lark(grammar, cache=cache or False, **options)
        except Exception:  # noqa: BLE001 - a broken or unwritable cache must never stop a run
            _parser = Lark(grammar, **options)
    return _parser


# --------------------------------------------------------------------------- recovery


def _scan_braces(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, str]]:
    """Positions of '{' and '}' outside strings and comments."""
    found: list[tuple[int, str]] = []
    end = len(text) if end is None else end
    i, in_string = start, False
    while i < end:
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"' or ch == "\n":
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "#":
            newline = text.find("\n", i)
            i = end if newline == -1 else newline
            continue
        elif ch in "{}":
            found.append((i, ch))
        i += 1
    return found


def _unclosed_brace(text: str) -> Optional[int]:
    stack: list[int] = []
    for position, ch in _scan_braces(text):
        if ch == "{":
            stack.append(position)
        elif stack:
            stack.pop()
    return stack[-1] if stack else None


def _blank(text: str, start: int, end: int, keep_closers: bool = True) -> str:
    """Replace ``text[start:end]``, extended over any block it opens, with spaces.

    Newlines stay, so every later line and column is unchanged. A '}' that
    closes a block opened before the region is kept (unless ``keep_closers``
    is off), so the surrounding structure survives.
    """
    depth = 0
    for position, ch in _scan_braces(text, start):
        if position >= end and depth <= 0:
            break
        depth += 1 if ch == "{" else -1
        if depth == 0 and position >= end:
            end = position + 1
            break
    else:
        if depth > 0:
            end = len(text)
    chars = list(text)
    depth = 0
    for position in range(start, min(end, len(text))):
        ch = chars[position]
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0 and keep_closers:
                continue
            depth = max(depth - 1, 0)
        if ch != "\n":
            chars[position] = " "
    return "".join(chars)


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _error_region(parser: Lark, text: str, error: UnexpectedInput, position: int) -> tuple[int, int]:
    """The statement to drop after an error: its line, or the previous line when
    that one stopped short of a value (``target $5k by`` + newline)."""
    line_start, line_end = _line_bounds(text, position)
    expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    wants_value = bool(expected & VALUE_TERMINALS) and not any(keyword_of(parser, name) for name in expected)
    first_on_line = not text[line_start:position].strip()
    if wants_value and first_on_line and line_start > 0:
        previous_start, _ = _line_bounds(text, line_start - 1)
        return previous_start, position
    return line_start, line_end


def _diagnostic(path: str, text: str, line: int, column: int, message: str, code: str = SYNTAX_ERROR, width: int = 1) -> Diagnostic:
    lines = text.split("\n", line)[line - 1:line]
    source = lines[0] if lines else ""
    return Diagnostic(path=path, line=line, column=column, message=message, code=code,
                      end_line=line, end_column=column + max(width, 1), source_line=source.rstrip("\r\n"))


def _position(text: str, error: UnexpectedInput) -> tuple[int, int, int, int]:
    """(offset, line, column, width) of an error; end of text when Lark gives none."""
    if isinstance(error, UnexpectedToken) and error.token.type != "$END":
        token = error.token
        return token.start_pos or 0, token.line or 1, token.column or 1, len(str(token))
    if isinstance(error, UnexpectedCharacters):
        return error.pos_in_stream, error.line, error.column, 1
    lines = text.split("\n")
    return len(text), len(lines), len(lines[-1]) + 1, 1


def _parse_with_recovery(text: str, path: str) -> tuple[Optional[dict[str, Any]], list[Diagnostic]]:
    parser = get_parser()
    diagnostics: list[Diagnostic] = []
    work = text
    passes = MAX_ERRORS if len(text) < LARGE_FILE else 3
    for _ in range(passes):
        STATE.reset()
        try:
            return parser.parse(work), diagnostics
        except UnexpectedInput as error:
            offset, line, column, width = _position(work, error)
            at_end = isinstance(error, UnexpectedToken) and error.token.type == "$END"
            unclosed = _unclosed_brace(work) if at_end else None
            if unclosed is not None:
                start, _ = _line_bounds(work, unclosed)
                opener = work[start:unclosed].strip() or "block"
                brace_line = work.count("\n", 0, unclosed) + 1
                diagnostics.append(_diagnostic(path, text, brace_line, unclosed - start + 1,
                                               f"the block '{opener} {{' is never closed: add a '}}' where it ends"))
                work = work + "\n}"
                continue
            if not any((d.line, d.column) == (line, column) for d in diagnostics):
                diagnostics.append(_diagnostic(path, text, line, column, message_for(parser, work, error), width=width))
            if at_end:
                break
            start, end = _error_region(parser, work, error, offset)
            blanked = _blank(work, start, end)
            if blanked == work:
                blanked = _blank(work, start, max(end, offset + 1), keep_closers=False)
            if blanked == work:
                break
            work = blanked
        except RecursionError:
            diagnostics.append(_diagnostic(path, text, 1, 1, "the file is nested too deeply to read"))
            break
    return None, diagnostics


# --------------------------------------------------------------------------- public API


def parse_text(text: str, path: str = "<string>") -> PlanFile:
    """Parse plan text into a :class:`PlanFile`, or raise :class:`PlanSyntaxError` with every problem found."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1, message=EMPTY_MESSAGE)])
    try:
        data, diagnostics = _parse_with_recovery(text, path)
    except PlanSyntaxError:
        raise
    except Exception as error:  # noqa: BLE001 - no input may produce a traceback
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1,
                                          message=f"planlint could not read this file ({type(error).__name__}: {error})")]) from None
    value_problems = [
        _diagnostic(path, text, span["line"], span["column"], message, INVALID_VALUE,
                    width=span["end_column"] - span["column"] if span["end_line"] == span["line"] else 1)
        for span, message in STATE.problems
    ]
    all_problems = sorted(diagnostics + value_problems, key=lambda d: (d.line, d.column))
    if all_problems or data is None:
        raise PlanSyntaxError(all_problems[:MAX_ERRORS] or [_diagnostic(path, text, 1, 1, "this file could not be read as a plan")])
    data = {"document": data, "comments": list(STATE.comments)}
    try:
        return PlanFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1, code=INVALID_VALUE,
                                          message=f"invalid value at {'.'.join(map(str, first['loc']))}: {first['msg']}")]) from None


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192]:
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1, code=UNREADABLE_FILE,
                                          message="this is a binary file, not a plan (it contains NUL bytes)")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise PlanSyntaxError([Diagnostic(path=path, line=line, column=column, code=UNREADABLE_FILE,
                                          message=f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} cannot be read; save it as UTF-8")]) from None


def parse_file(path: str | os.PathLike[str], display: Optional[str] = None) -> PlanFile:
    """Read and parse a file; unreadable files become a PL003 diagnostic, not an exception."""
    shown = display or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else (error.strerror or str(error)).lower()
        raise PlanSyntaxError([Diagnostic(path=shown, line=1, column=1, code=UNREADABLE_FILE,
                                          message=f"cannot read {shown}: {reason}")]) from None
    return parse_text(_decode(data, shown), shown)
