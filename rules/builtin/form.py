"""Form, not tool: placeholder text left in the plan (methodology point 11).

`TBD`, `TODO`, `???`, `{{name}}` and `...` are the marks of a box filled in to
get past a review. Every piece of prose is an item, so a plan with a few
placeholders among much real text loses a little, and a plan of placeholders
loses everything.
"""

from __future__ import annotations

import re
from typing import Iterable

from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed
from planlint.walk import iter_header, iter_prose

PLACEHOLDER = re.compile(
    r"\b(?:TBD|TBC|TODO|FIXME|XXX|lorem ipsum)\b|\?\?\?|\{\{[^{}]*\}\}|\.\.\.|…|<[^<>]{1,40}>|^\s*(?:N/?A|-+|\?)\s*$",
    re.IGNORECASE,
)


class Placeholders(Rule):
    info = RuleInfo(
        code="PL901",
        name="placeholder-text",
        category="form",
        severity=Severity.error,
        weight=3.0,
        message="placeholder text left in the plan",
        why="Placeholders show a box filled in to pass a review, not a plan anyone works from.",
        fix="Replace the placeholder with what you know, or turn it into a `question \"...\" ask \"Name\"`.",
        methodology=(11,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        # Header labels only count against a plan: a real name is no evidence of a real plan.
        for prose in iter_header(ctx.plan):
            match = PLACEHOLDER.search(prose.text)
            if match:
                yield failed(prose.span, f"placeholder '{match.group(0).strip()}' in {prose.where}: \"{prose.text}\"")
        for prose in iter_prose(ctx.plan):
            match = PLACEHOLDER.search(prose.text)
            if match:
                yield failed(prose.span, f"placeholder '{match.group(0).strip()}' in {prose.where}: \"{prose.text}\"")
            else:
                yield passed(prose.span)


RULES: list[Rule] = [Placeholders()]
