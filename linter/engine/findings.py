"""Findings: the one way a rule's failed item, a crash or a load problem becomes a :class:`Finding`.

Plans, portfolios, suppressions and the baseline all report through
:func:`finding_at`, and every selected rule is run by :func:`checked`, so a
crashing rule is reported the same way wherever it runs.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Iterable, Iterator, Optional, TypeVar

from ..api.registry import LoadProblem
from ..api.rule import Item, Rule, RuleInfo, Severity, rule_link
from ..model import DEFAULT_SPAN, Span
from ..api import containment
from ..api.containment import DEFAULT_TIMEOUT, FileTimeout, ProcessExit, describe, guarded, malformed, was_interrupted
from .meta import INTERNAL_ERROR
from .results import Finding, trusted

R = TypeVar("R", bound=Rule)


def finding_order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


def finding_at(info: RuleInfo, span: Span, message: str, severity: Optional[Severity] = None,
               suppressed: Optional[str] = None, source_line: Optional[str] = None) -> Finding:
    """``info``'s finding at ``span``; ``severity`` is the configured one when it differs from the rule's.

    Every field is given, so every finding shares one set of given fields
    (pydantic keeps one per model, over 700 bytes for the names: half of what a
    finding costs, on a plan with tens of thousands of them). It links to the
    rule's page under the default docs (one string per rule, interned, not one per finding); a :class:`~planlint.engine.linter.Linter`
    whose configuration moves them (``rules-docs-url``) re-points its findings
    (``Linter.linked``).

    A rule's first finding is validated; the rest copy its rule's fields
    (code, name, severity, category, link: what validation made of them) and
    take the place and the texts as they are when they are plain ``str`` and
    the place a :class:`Span` (its parts are ints), so nothing can reach a
    finding that validation would have refused or changed.
    """
    known = _RULE_FIELDS.get((id(info), severity))
    if (known is not None and known[0] is info and type(message) is str and type(span) is Span
            and (suppressed is None or type(suppressed) is str) and (source_line is None or type(source_line) is str)):
        code, name, severity, category, link = known[1]  # in field order: a finding is dumped in its __dict__'s order
        return trusted(Finding, {"code": code, "name": name, "severity": severity, "message": message, "category": category,
                                 "link": link, "line": span.line, "column": span.column, "end_line": span.end_line,
                                 "end_column": span.end_column, "suppressed": suppressed, "source_line": source_line},
                       _ALL_GIVEN)
    finding = Finding(code=info.code, name=info.name, severity=severity or info.severity, message=message,
                      category=info.category, link=sys.intern(rule_link(info)), line=span.line, column=span.column, end_line=span.end_line,
                      end_column=span.end_column, suppressed=suppressed, source_line=source_line)
    object.__setattr__(finding, "__pydantic_fields_set__", _ALL_GIVEN)
    if len(_RULE_FIELDS) < _MAX_RULES:
        _RULE_FIELDS[id(info), severity] = (info, tuple(finding.__dict__[name] for name in _OF_THE_RULE))
    return finding


# Shared by every finding finding_at makes, never changed: a field set later (Linter.linked sets link) is in it already.
_ALL_GIVEN = set(Finding.model_fields)
_OF_THE_RULE = ("code", "name", "severity", "category", "link")  # the rest are the finding's own
# Each rule's validated fields, by the rule's identity and configured severity (the rule is kept, so its id stays its own).
_RULE_FIELDS: dict[tuple[int, Optional[Severity]], tuple[RuleInfo, tuple[Any, ...]]] = {}
_MAX_RULES = 4096


def internal_error(code: str, pack: str, exc: BaseException) -> Finding:
    return rule_problem(code, pack, f"crashed ({describe(exc)})")


def rule_problem(code: str, pack: str, what: str) -> Finding:
    """A rule that misbehaved (raised, exited, printed, gave garbage), named with its pack."""
    return internal_finding(f"rule {code} from '{pack}' {what}; the other rules still ran")


def load_error(problem: LoadProblem) -> Finding:
    """A plugin that failed to load or whose hook raised, shown on every plan it would have checked."""
    return internal_finding(f"{problem.source}: {problem.message}; the other rules still ran")


def internal_finding(message: str) -> Finding:
    return finding_at(INTERNAL_ERROR, DEFAULT_SPAN, message)


def checked(rules: Iterable[R], check: Callable[[R], Iterable[Item]], findings: list[Finding],
            seconds: Optional[float] = DEFAULT_TIMEOUT,
            keep: Callable[[R, list[Item]], Any] = lambda rule, items: (rule, items)) -> Iterator[Any]:
    """``keep(rule, items)`` for each rule with the items ``check(rule)`` gave, run under :func:`guarded`.

    ``keep`` runs as soon as a rule's items are in, so a caller that reduces
    them (the engine judges them into findings and a tally) never holds every
    rule's items at once: on a big plan those were a third of the peak memory.

    A rule that raises anything (``SystemExit`` and its own ``KeyboardInterrupt``
    too), calls ``os._exit``, prints to standard output or gives something
    that is not an item becomes a PL000 finding naming it, and the rest still
    run. So does one over the time budget, except on the one-process command
    line, where :class:`FileTimeout` ends the run. A real Ctrl-C goes through.
    """
    collected: list[Any] = []
    announce = containment.on_rule  # a pool worker's: the rule it runs, for the parent should the worker die
    with guarded(seconds) as guard:
        for rule in rules:
            info = rule.info
            if announce is not None:
                announce(info.code)
            try:
                guard.current = info.code  # what the budget names if it runs out now
                try:
                    items = list(check(rule))
                finally:
                    guard.current = ""
            except FileTimeout as exc:
                if containment.end_run_on_timeout:  # the one-process command line stops the run, naming rule and file
                    raise
                findings.append(rule_problem(info.code, info.pack, exc.overrun()))
                guard.restart()  # the rules after it get their own budget
                continue
            except KeyboardInterrupt:
                if was_interrupted():
                    raise
                findings.append(rule_problem(info.code, info.pack, "raised KeyboardInterrupt"))
                continue
            except ProcessExit as exc:
                findings.append(rule_problem(info.code, info.pack, f"called os._exit({exc.args[0] if exc.args else ''})"))
                continue
            except BaseException as exc:  # noqa: BLE001 - a broken rule is reported, the rest still run
                findings.append(internal_error(info.code, info.pack, exc))
                continue
            finally:
                output = guard.printed()
                if output:
                    findings.append(rule_problem(info.code, info.pack,
                                                 f"printed to standard output ({output.strip()[:60]!r}); rules must not print"))
            problem = malformed(items, Span, Item)
            if problem:
                findings.append(rule_problem(info.code, info.pack, problem))
                continue
            collected.append(keep(rule, items))
    yield from collected
