"""Running a rule's own examples, like ESLint's RuleTester: rule tests as data.

A failing example must make the rule report at least one finding; a passing
plan example must give the rule at least one item to look at and no finding
(an example the rule does not even apply to proves nothing; portfolio rules
are judged on their findings only). Each example runs
with only its own rule, through the real parser and engine, and, for a rule
that holds the plan against the CRM, with the rule's own CRM rows
(``RuleInfo.crm``) as the run's exports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

from ..api.crm import EXPORT_KINDS, CrmData, CrmError, read_texts
from ..api.registry import Registry
from ..api.rule import Rule, RuleInfo
from ..config.settings import Settings
from .documents import lint_text
from .linter import Linter
from .meta import INTERNAL_ERROR
from .results import FileResult


@dataclass(frozen=True)
class ExampleResult:
    code: str
    name: str
    kind: str  # "passing" or "failing"
    index: int  # 1-based, as authors count
    ok: bool
    detail: str = ""

    def describe(self) -> str:
        verdict = "ok" if self.ok else "FAIL"
        text = f"{verdict}  {self.code} {self.name}: {self.kind} example {self.index}"
        return f"{text}: {self.detail}" if self.detail else text


def run_examples(rules: Iterable[Rule], as_of: dt.date) -> list[ExampleResult]:
    """Every example of every rule, in rule order."""
    results: list[ExampleResult] = []
    for rule in rules:
        info = rule.info
        try:
            linter = example_linter(Registry(rules=[rule]), info, as_of)
        except CrmError as error:
            results.append(ExampleResult(info.code, info.name, "crm", 1, False, f"the rule's CRM rows: {error}"))
            continue
        for kind, texts in (("failing", info.failing), ("passing", info.passing)):
            for index, text in enumerate(texts, start=1):
                results.append(_judge(linter, info.code, info.name, kind, index, text))
    return results


def example_linter(registry: Registry, info: RuleInfo, as_of: dt.date) -> Linter:
    """The linter a rule's examples run with: only that rule, and its CRM rows (if any) as the run's exports."""
    return Linter(registry, Settings(select=[info.code]), as_of=as_of, crm=example_crm(info))


def example_crm(info: RuleInfo) -> Optional[CrmData]:
    """The rule's CRM rows read as exports; raises CrmError on an unknown kind or a row that cannot be read."""
    if not info.crm:
        return None
    texts = dict(info.crm)
    unknown = sorted(set(texts) - set(EXPORT_KINDS))
    if unknown:
        raise CrmError(f"unknown export kind {', '.join(map(repr, unknown))} (expected {', '.join(EXPORT_KINDS)})")
    data = read_texts(texts)
    if data.problems:
        first = data.problems[0]
        raise CrmError(f"{first.path}:{first.line}: {first.message}")
    return data


def _judge(linter: Linter, code: str, name: str, kind: str, index: int, text: str) -> ExampleResult:
    result: FileResult = lint_text(linter, text, f"{code}-{kind}-{index}.plan")
    if not result.parsed:
        first = result.findings[0]
        return ExampleResult(code, name, kind, index, False,
                             f"the example is not a valid plan (line {first.line}:{first.column}: {first.message})")
    crashed = [f.message for f in result.findings if f.code == INTERNAL_ERROR.code]
    if crashed:
        return ExampleResult(code, name, kind, index, False, crashed[0])
    found = [f"line {f.line}: {f.message}" for f in result.failing() if f.code == code]
    score = next((r for r in result.rules if r.code == code), None)
    if kind == "failing":
        if found:
            return ExampleResult(code, name, kind, index, True)
        return ExampleResult(code, name, kind, index, False, "expected a finding, but the rule reported none")
    if found:
        return ExampleResult(code, name, kind, index, False, "expected no finding, but got: " + "; ".join(found))
    if result.kind == "plan" and (score is None or score.total == 0):
        return ExampleResult(code, name, kind, index, False,
                             "the rule found nothing to check in this example, so it proves nothing")
    return ExampleResult(code, name, kind, index, True)
