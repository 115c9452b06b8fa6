"""Inline suppressions: ``# planlint: ignore[PL102] -- sole-source contract, no competitor``.

Three forms, each naming the rules it excuses (codes, code prefixes or names,
comma-separated) and a reason after ``--``:

``# planlint: ignore[CODES] -- reason``
    Excuses the items that start on one line: the line the comment is on
    when it follows code, or the next line with code when the comment stands
    on a line of its own.

``# planlint: ignore-block[CODES] -- reason``
    Excuses every item inside the block that starts on that line (an
    objective, a stakeholder, a competitor, the research section...).

``# planlint: ignore-file[CODES] -- reason``
    Excuses the items of the whole file, wherever the comment stands.

Why these rules:

* **A reason is required.** A suppression hides a gap in the plan; the reason
  tells the next reader (and the sales manager) it was a decision. Without
  one the suppression does not take effect and is itself a finding (PL010).
* **Suppressed means not applicable.** The items a suppression covers drop out
  of the rule's score: they are neither passes nor failures. A failing item
  that was suppressed is still shown, with its reason, but does not count.
* **An unused suppression is reported** (PL011), per code, so that stale
  excuses do not pile up and silently swallow the next real problem.
* **A misspelt directive or an unknown code is reported** (PL012) rather than
  ignored, because a suppression that does nothing is never what was meant.

The engine asks :meth:`Suppressions.reason_for` about each item and appends
:meth:`Suppressions.findings` to the plan's findings; everything else lives here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from pydantic import BaseModel

from .meta import INVALID_SUPPRESSION, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION
from ..frozen import node_fields
from ..model import Comment, Plan, Span
from ..suggest import did_you_mean
from .findings import finding_at
from .results import Finding
from ..api.rule import Item, Rule, RuleInfo
from ..config.settings import Settings, selector_matches

DIRECTIVE = re.compile(r"^#?\s*planlint\s*:\s*(?P<body>.*)$", re.IGNORECASE)
FORM = re.compile(r"^(?P<kind>[A-Za-z_-]*)\s*(?:\[(?P<codes>[^\]]*)\])?\s*(?P<rest>.*)$")
REASON = re.compile(r"^(?:--|—|–)\s*(?P<reason>.*)$")
KINDS = ("ignore", "ignore-block", "ignore-file")
SCOPE_WORDS = {"ignore": "on this line", "ignore-block": "in this block", "ignore-file": "in this file"}
WHOLE_FILE = 10**9


@dataclass
class Suppression:
    """One understood ``# planlint: ignore...`` comment and the lines it covers."""

    kind: str
    selectors: tuple[str, ...]
    reason: str
    span: Span
    first: int = 0
    last: int = -1
    used: set[str] = field(default_factory=set)

    def selectors_for(self, info: RuleInfo) -> list[str]:
        """The selectors of this suppression that name ``info`` (empty: none)."""
        return [selector for selector in self.selectors if selector_matches(selector, info)]


class _Coverage:
    """Which suppressions cover a line, without testing every suppression for every item.

    A plan checked item by item against each of its suppressions costs items
    x suppressions: a 10 MB plan with a suppression every few hundred lines
    spent most of its time there. Scopes of up to :data:`WIDE` lines are
    indexed line by line; wider ones (a whole file, a large block) are few and
    tested directly. Each line's answer keeps the order of ``active``.
    """

    WIDE = 200

    def __init__(self, active: list[Suppression]) -> None:
        self.active = active
        self.by_line: dict[int, list[int]] = {}
        self.wide: list[int] = []
        for position, suppression in enumerate(active):
            if suppression.last - suppression.first >= self.WIDE:
                self.wide.append(position)
                continue
            for line in range(suppression.first, suppression.last + 1):
                self.by_line.setdefault(line, []).append(position)
        self.memo: dict[int, list[Suppression]] = {}

    def at(self, line: int) -> list[Suppression]:
        found = self.memo.get(line)
        if found is None:
            wide = [p for p in self.wide if self.active[p].first <= line <= self.active[p].last]
            found = self.memo[line] = [self.active[p] for p in sorted(self.by_line.get(line, []) + wide)]
        return found


@dataclass
class Suppressions:
    """The suppressions of one plan, and the problems found in its ``# planlint:`` comments."""

    active: list[Suppression] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    reasonless: list[Suppression] = field(default_factory=list)
    _coverage: Optional[_Coverage] = field(default=None, repr=False)

    def may_excuse(self, info: RuleInfo) -> bool:
        """Whether any suppression of the plan names ``info``: when none does, no item of its needs looking up."""
        return any(suppression.selectors_for(info) for suppression in self.active)

    def reason_for(self, info: RuleInfo, item: Item) -> Optional[str]:
        """The reason when ``item`` is suppressed, else None. A covered failing item uses the suppression."""
        if not self.active:
            return None
        if self._coverage is None:
            self._coverage = _Coverage(self.active)
        reason: Optional[str] = None
        for suppression in self._coverage.at(item.span.line):  # ordered line, block, file: the most specific reason wins
            matched = suppression.selectors_for(info)
            if not matched:
                continue
            if reason is None:
                reason = suppression.reason
            if not item.passed:
                suppression.used.update(matched)
        return reason

    def findings(self, selected_rules: Sequence[Rule], settings: Settings) -> list[Finding]:
        """Problems with the comments themselves, after every rule has run."""
        if self is NO_SUPPRESSIONS:
            return []
        selected = [rule.info for rule in selected_rules]
        out = list(self.problems)
        for suppression in self.reasonless:
            out.append(finding_at(SUPPRESSION_WITHOUT_REASON, suppression.span,
                                f"'{suppression.kind}[{', '.join(suppression.selectors)}]' has no reason, so it does "
                                f"not take effect: add ' -- why this does not apply'"))
        for suppression in self.active:
            for selector in suppression.selectors:
                if selector in suppression.used or not any(selector_matches(selector, info) for info in selected):
                    continue  # used, or its rule is switched off by configuration: nothing to say
                out.append(finding_at(UNUSED_SUPPRESSION, suppression.span,
                                    f"unused suppression: no {selector} finding {SCOPE_WORDS[suppression.kind]} to suppress"))
        return [finding for finding in out if not _ignored(_META[finding.code], settings)]


NO_SUPPRESSIONS = Suppressions()
_META = {info.code: info for info in (SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION, INVALID_SUPPRESSION)}


def _ignored(info: RuleInfo, settings: Settings) -> bool:
    """Problems with suppressions are shown whatever ``select`` says, unless ``ignore`` names them."""
    return any(selector.upper() != "ALL" and selector_matches(selector, info)
               for selector in [*settings.ignore, *settings.file_ignores])



# --------------------------------------------------------------------------- reading comments


def read_suppressions(comments: Sequence[Comment], plan: Plan, rules: Sequence[Rule]) -> Suppressions:
    """Understand every ``# planlint:`` comment of a plan. Plans without one cost almost nothing.

    ``rules`` are all the loaded rules, selected or not: a suppression may name any of them.
    """
    directives = [(comment, match) for comment in comments if (match := DIRECTIVE.match(comment.text.strip()))]
    if not directives:
        return NO_SUPPRESSIONS
    known = [rule.info for rule in rules]
    result = Suppressions()
    layout = _Layout(plan)
    for comment, match in directives:
        suppression = _parse(comment, match.group("body").strip(), known, result.problems)
        if suppression is None:
            continue
        if not suppression.reason:
            result.reasonless.append(suppression)
            continue
        suppression.first, suppression.last = layout.scope(suppression.kind, comment.span.line)
        result.active.append(suppression)
    result.active.sort(key=lambda s: (KINDS.index(s.kind), s.span.line, s.span.column))
    return result


def _parse(comment: Comment, body: str, known: Sequence[RuleInfo], problems: list[Finding]) -> Optional[Suppression]:
    form = FORM.match(body)
    kind = (form.group("kind") if form else "").lower()
    if form is None or kind not in KINDS:
        hint = _closest(kind, KINDS) if kind else ""
        problems.append(finding_at(INVALID_SUPPRESSION, comment.span,
                                 f"cannot read '# planlint: {body}': expected ignore[CODES], ignore-block[CODES] "
                                 f"or ignore-file[CODES] followed by ' -- reason'{hint}"))
        return None
    selectors = tuple(part.strip() for part in (form.group("codes") or "").split(",") if part.strip())
    if not selectors:
        problems.append(finding_at(INVALID_SUPPRESSION, comment.span,
                                 f"'{kind}' must name the rules it excuses, e.g. {kind}[PL102]"))
        return None
    unknown = [s for s in selectors if s.upper() == "ALL" or not any(selector_matches(s, info) for info in known)]
    for selector in unknown:
        names = [name for info in known for name in (info.code, info.name)]
        problems.append(finding_at(INVALID_SUPPRESSION, comment.span,
                                 f"'{selector}' is not a rule code, prefix or name{_closest(selector, names)}"))
    selectors = tuple(s for s in selectors if s not in unknown)
    if not selectors:
        return None
    rest = form.group("rest").strip()
    reason_match = REASON.match(rest)
    reason = reason_match.group("reason").strip() if reason_match else ""
    return Suppression(kind=kind, selectors=selectors, reason=reason, span=comment.span)


def _closest(wrong: str, candidates: Sequence[str]) -> str:
    return did_you_mean(wrong, candidates, lead="; ")


# --------------------------------------------------------------------------- where a comment applies


class _Layout:
    """Which lines hold code, and which block starts on a line: all a comment needs to find its target.

    Found by walking every node of the model (no per-node-type knowledge
    needed), reading only the fields that can hold nodes (:func:`node_fields`).
    """

    def __init__(self, plan: Plan) -> None:
        code_lines: set[int] = set()
        block_end: dict[int, int] = {}
        stack: list[object] = [plan]
        while stack:
            current = stack.pop()
            if isinstance(current, list):
                stack.extend(current)
            elif isinstance(current, BaseModel):
                fields = current.__dict__  # a model's fields are its __dict__: no lookup per field name
                span = fields.get("span")
                if isinstance(span, Span):
                    line, end = span.line, span.end_line
                    code_lines.add(line)
                    code_lines.add(end)
                    block_end[line] = max(block_end.get(line, line), end)
                for name in node_fields(type(current)):
                    value = fields.get(name)
                    if isinstance(value, (BaseModel, list)):
                        stack.append(value)
        self.code_lines = code_lines
        self.block_end = block_end
        self.sorted_lines = sorted(code_lines)

    def target(self, comment_line: int) -> Optional[int]:
        """The comment's own line when it follows code there, else the next line with code."""
        if comment_line in self.code_lines:
            return comment_line
        after = bisect.bisect_right(self.sorted_lines, comment_line)
        return self.sorted_lines[after] if after < len(self.sorted_lines) else None

    def scope(self, kind: str, comment_line: int) -> tuple[int, int]:
        if kind == "ignore-file":
            return 0, WHOLE_FILE
        line = self.target(comment_line)
        if line is None:
            return 0, -1  # covers nothing: reported as unused
        if kind == "ignore-block":
            return line, self.block_end.get(line, line)
        return line, line
