"""Findings: the one way a rule's failed item, a crash or a load problem becomes a :class:`Finding`.

Plans, portfolios, suppressions and the baseline all report through
:func:`finding_at`, and every selected rule is run by :func:`checked`, so a
crashing rule is reported the same way wherever it runs.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional, TypeVar

from ..api.registry import LoadProblem
from ..api.rule import Item, Rule, RuleInfo, Severity
from ..model import DEFAULT_SPAN, Span
from .meta import INTERNAL_ERROR
from .results import Finding

R = TypeVar("R", bound=Rule)


def finding_order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


def finding_at(info: RuleInfo, span: Span, message: str, severity: Optional[Severity] = None,
               suppressed: Optional[str] = None, source_line: Optional[str] = None) -> Finding:
    """``info``'s finding at ``span``; ``severity`` is the configured one when it differs from the rule's."""
    return Finding(code=info.code, name=info.name, severity=severity or info.severity, message=message,
                   category=info.category, line=span.line, column=span.column, end_line=span.end_line,
                   end_column=span.end_column, suppressed=suppressed, source_line=source_line)


def internal_error(code: str, pack: str, exc: BaseException) -> Finding:
    return _internal(f"rule {code} from '{pack}' crashed ({type(exc).__name__}: {exc}); the other rules still ran")


def load_error(problem: LoadProblem) -> Finding:
    """A plugin that failed to load or whose hook raised, shown on every plan it would have checked."""
    return _internal(f"{problem.source}: {problem.message}; the other rules still ran")


def _internal(message: str) -> Finding:
    return finding_at(INTERNAL_ERROR, DEFAULT_SPAN, message)


def checked(rules: Iterable[R], check: Callable[[R], Iterable[Item]], findings: list[Finding]) -> Iterator[tuple[R, list[Item]]]:
    """Each rule with the items ``check(rule)`` gives; a rule that raises becomes a PL000 finding and the rest still run."""
    for rule in rules:
        try:
            items = list(check(rule))
        except Exception as exc:  # noqa: BLE001 - a broken rule is reported, the rest still run
            findings.append(internal_error(rule.info.code, rule.info.pack, exc))
            continue
        yield rule, items
