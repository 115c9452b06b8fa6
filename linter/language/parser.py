"""Reading plan text into the model, with errors a sales rep can act on.

The Lark parser (LALR, contextual lexer, the transformer run during parsing)
is built once per process and its analysis cached on disk as plain data in a
private folder (:mod:`planlint.language.grammar_cache`), so start-up stays
fast. After a syntax error the parser blanks out the broken statement (keeping
line and column numbers intact) and parses again, so one run reports several
independent errors instead of only the first.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from pathlib import Path
from typing import Any, Iterator, Optional

import lark
from lark import Lark, Token
from lark.lexer import PatternRE, PatternStr, TerminalDef
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from ..reading import DEFAULT_LIMIT, InputRefused, read_input
from . import grammar_cache
from .builder import BuildLog, PlanBuilder
from .fast_parser import FastParser
from .recovery import blank, close_block, line_bounds, open_block, unclosed_brace
from .diagnostics import INVALID_VALUE, SYNTAX_ERROR, UNREADABLE_FILE, Diagnostic, PlanSyntaxError
from ..frozen import frozen_node
from ..model import PlanFile
from .syntax_errors import keyword_of, message_for

GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")
MAX_ERRORS = 20
LARGE_FILE = 1_000_000  # bytes; recovery re-parses, so large files get fewer passes
EMPTY_MESSAGE = 'the file is empty: a plan starts with  plan "Name" { ... }'

VALUE_TERMINALS = frozenset({"STRING", "DATE", "QUARTER", "MONEY", "PERCENT", "NUMBER", "NAME"})

_parser: Optional[Lark] = None
_fast: Optional[FastParser] = None
_builder = PlanBuilder()  # the one transformer; each parse opens its own log on it (PlanBuilder.session)
_KEYWORD = re.compile(r"[A-Za-z_]\w*")
_LONE_CR = re.compile(r"\r(?!\n)")
PARSER_VERSION = "3"  # bump when the Lark options change, so old caches are not reused


def _whole_word_keywords(terminal: TerminalDef) -> None:
    """Make every keyword match only a whole word (Lark's ``edit_terminals`` hook).

    Lark's contextual lexer only tries the terminals the parser can take next,
    so where the keyword ``plan`` is due, ``plann`` would be read as ``plan``
    followed by ``n``. As a regex with a word-boundary look-ahead the keyword
    no longer matches; the lexer falls back to its full terminal set, reads
    the whole word as NAME, and the error names the word the rep wrote ("did
    you mean 'plan'?"). Priority 1 keeps a keyword ahead of NAME (priority 0)
    where both may stand, e.g. ``target 3 by 2027-06-30``.
    """
    pattern = terminal.pattern
    if isinstance(pattern, PatternStr) and _KEYWORD.fullmatch(pattern.value):
        terminal.pattern = PatternRE(re.escape(pattern.value) + r"(?![\w-])", pattern.flags, pattern.raw)
        terminal.priority = max(terminal.priority, 1)


def get_builder() -> PlanBuilder:
    """The transformer behind both parsers: ``with get_builder().session() as log:`` around a parse collects its problems."""
    return _builder


def get_parser() -> Lark:
    """The process-wide parser, built on first use (its tables read from the private cache when there)."""
    global _parser
    if _parser is None:
        grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
        static: dict[str, Any] = dict(parser="lalr", lexer="contextual", edit_terminals=_whole_word_keywords,
                                      keep_all_tokens=True, maybe_placeholders=True)
        runtime: dict[str, Any] = dict(transformer=_builder, lexer_callbacks={"COMMENT": _builder.comment})
        _parser = grammar_cache.load_lark(grammar, f"engine {PARSER_VERSION}", static, runtime)
    return _parser


def get_fast_parser() -> FastParser:
    """The fast path over the same tables and callbacks (see :mod:`planlint.language.fast_parser`)."""
    global _fast
    if _fast is None:
        _fast = FastParser(get_parser(), _builder.comment)
    return _fast


# --------------------------------------------------------------------------- recovery


def _error_region(parser: Lark, text: str, error: UnexpectedInput, position: int) -> tuple[int, int]:
    """The statement to drop after an error: its line, or the previous line when
    that one stopped short of a value (``target $5k by`` + newline)."""
    line_start, line_end = line_bounds(text, position)
    expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    wants_value = bool(expected & VALUE_TERMINALS) and not any(keyword_of(parser, name) for name in expected)
    first_on_line = not text[line_start:position].strip()
    if wants_value and first_on_line and line_start > 0:
        previous_start, _ = line_bounds(text, line_start - 1)
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


def _expected(error: UnexpectedInput) -> set[str]:
    """The terminals really acceptable at the error.

    LALR merges look-ahead sets, so Lark's own ``expected`` may list terminals
    that would fail one reduction later (after ``period 2027-01-01`` it lists
    ``action`` and ``done``). Asking the interactive parser gives the true set.
    Reductions it tries run builder callbacks, which may record value
    problems; those are de-duplicated by the caller.
    """
    fallback = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    interactive = getattr(error, "interactive_parser", None)
    if interactive is None:
        return fallback
    try:
        accepted = set(interactive.accepts())
    except Exception:  # noqa: BLE001 - a better message is a nicety, never a crash
        return fallback
    return accepted or fallback


def _is_brace_error(error: UnexpectedInput) -> bool:
    """A keyword arriving where the parser did not expect it may mean a block
    above lost its '}'; the indentation check decides."""
    return isinstance(error, UnexpectedToken) and _KEYWORD.fullmatch(str(error.token)) is not None


def _parse_with_recovery(text: str, path: str, log: BuildLog) -> tuple[Optional[dict[str, Any]], list[Diagnostic]]:
    parser = get_parser()
    diagnostics: list[Diagnostic] = []
    work = text
    reported_openers: set[int] = set()
    passes = MAX_ERRORS if len(text) < LARGE_FILE else 3
    for attempt in range(passes):
        log.clear()
        try:
            if attempt == 0:  # most plans are well formed: try the fast path first
                data = get_fast_parser().parse(work)
                if data is not None:
                    return data, diagnostics
                log.clear()
            return parser.parse(work), diagnostics
        except UnexpectedInput as error:
            offset, line, column, width = _position(work, error)
            at_end = isinstance(error, UnexpectedToken) and error.token.type == "$END"
            found = None
            if at_end:
                found = unclosed_brace(work, None, reported_openers)
            elif _is_brace_error(error):
                found = unclosed_brace(work, offset, reported_openers)
            if found is not None:
                unclosed, closer = found
                if unclosed not in reported_openers:
                    reported_openers.add(unclosed)
                    start, _ = line_bounds(work, unclosed)
                    opener = work[start:unclosed].strip() or "block"
                    brace_line = work.count("\n", 0, unclosed) + 1
                    diagnostics.append(_diagnostic(path, text, brace_line, unclosed - start + 1,
                                                   f"the block '{opener} {{' is never closed: add a '}}' where it ends"))
                work = close_block(work, closer)
                continue
            expected = _expected(error)
            if not any((d.line, d.column) == (line, column) for d in diagnostics):
                diagnostics.append(_diagnostic(path, text, line, column, message_for(parser, work, error, expected), width=width))
            if at_end:
                break
            if expected == {"LBRACE"}:
                work = open_block(work, offset)
                continue
            start, end = _error_region(parser, work, error, offset)
            blanked = blank(work, start, end)
            if blanked == work:
                blanked = blank(work, start, max(end, offset + 1), keep_closers=False)
            if blanked == work or not blanked.strip():
                break
            work = blanked
        except RecursionError:
            diagnostics.append(_diagnostic(path, text, 1, 1, "the file is nested too deeply to read"))
            break
    return None, diagnostics


# --------------------------------------------------------------------------- public API


def parse_text(text: str, path: str = "<string>") -> PlanFile:
    """Parse plan text into a :class:`PlanFile`, or raise :class:`PlanSyntaxError` with every problem found."""
    if isinstance(text, (bytes, bytearray)):
        return parse_bytes(bytes(text), path)
    if not isinstance(text, str):
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1, code=UNREADABLE_FILE,
                                          message=f"planlint can only read text, not {type(text).__name__}")])
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:  # CR-only line ends (old Mac editors) are line ends: same length, so no column moves
        text = _LONE_CR.sub("\n", text)
    if not text.strip():
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1, message=EMPTY_MESSAGE)])
    if "\x00" in text:
        raise PlanSyntaxError([_binary_diagnostic(path, text)])
    with _builder.session() as log, _collector_paused():
        return _parse_logged(text, path, log)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a plan is read.

    Reading makes objects by the hundred thousand (tokens, statements, nodes)
    and none of them form cycles, yet each batch of allocations made Python's
    collector walk the young objects, and every so often all of them: a 10 MB
    plan read in 4.0 s instead of 5.6 s CPU without it (measured
    2026-12-01). Reference counting still frees everything at once; any cycle
    waits for the next collection after the read. Process-wide, as the
    collector is: a parse that finds it already paused leaves it to the one
    that paused it.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse_logged(text: str, path: str, log: BuildLog) -> PlanFile:
    """Parse, then report the syntax errors and value problems together, in the order they stand."""
    try:
        data, diagnostics = _parse_with_recovery(text, path, log)
    except PlanSyntaxError:
        raise
    except Exception as error:  # noqa: BLE001 - no input may produce a traceback
        raise PlanSyntaxError([Diagnostic(path=path, line=1, column=1,
                                          message=f"planlint could not read this file ({type(error).__name__}: {error})")]) from None
    unique = {(span, message): span for span, message in log.problems}
    # Only the first MAX_ERRORS are shown: pick them before quoting their source lines, which costs a
    # pass over the text each, so a file with thousands of bad values stays linear.
    first = sorted(unique.items(), key=lambda item: (item[1].line, item[1].column))[:MAX_ERRORS]
    value_problems = [
        _diagnostic(path, text, span.line, span.column, message, INVALID_VALUE,
                    width=span.end_column - span.column if span.end_line == span.line else 1)
        for (_, message), span in first
    ]
    all_problems = sorted(diagnostics + value_problems, key=lambda d: (d.line, d.column))
    if all_problems or data is None:
        raise PlanSyntaxError(all_problems[:MAX_ERRORS] or [_diagnostic(path, text, 1, 1, "this file could not be read as a plan")])
    # Built from nodes the builder made and checked (a value it could not read is a PL002 above): not validated again.
    return frozen_node(PlanFile, {"document": data, "comments": list(log.comments)})


def _binary_diagnostic(path: str, text: str) -> Diagnostic:
    """NUL bytes never occur in text a person typed: say "binary", not "syntax error"."""
    offset = text.index("\x00")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Diagnostic(path=path, line=line, column=column, code=UNREADABLE_FILE,
                      message="this is a binary file, not a plan (it contains NUL bytes)")


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data:
        raise PlanSyntaxError([_binary_diagnostic(path, data.decode("latin-1"))])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        line_end = data.find(b"\n", error.start)
        source = data[line_start:len(data) if line_end == -1 else line_end].decode("utf-8", "replace")
        raise PlanSyntaxError([Diagnostic(
            path=path, line=line, column=column, code=UNREADABLE_FILE, end_line=line, end_column=column + 1,
            source_line=source.rstrip("\r"),
            message=f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at line {line}, column {column}; "
                    "save it as UTF-8")]) from None


def parse_file(path: str | os.PathLike[str], display: Optional[str] = None, limit: int = DEFAULT_LIMIT) -> PlanFile:
    """Read (a regular file, at most ``limit`` bytes) and parse; an unreadable file is a PL003 diagnostic, not an exception."""
    shown = display or str(path)
    try:
        data = read_input(path, limit)
    except InputRefused as error:
        raise PlanSyntaxError([Diagnostic(path=shown, line=1, column=1, code=UNREADABLE_FILE,
                                          message=f"cannot read {shown}: {error.reason}")]) from None
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else (error.strerror or str(error)).lower()
        raise PlanSyntaxError([Diagnostic(path=shown, line=1, column=1, code=UNREADABLE_FILE,
                                          message=f"cannot read {shown}: {reason}")]) from None
    return parse_bytes(data, shown)


def parse_bytes(data: bytes, path: str = "<bytes>") -> PlanFile:
    """Parse a file's raw bytes (what the result cache hashes), decoding them as :func:`parse_file` does."""
    return parse_text(_decode(data, path), path)
