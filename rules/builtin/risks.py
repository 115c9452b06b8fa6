"""Risks with mitigations, and win themes (why this customer should choose us), each owned by our team.

Methodology points 1 and 6. A risk the plan names but nobody watches, or that
has nothing done about it, is a note of regret written in advance; a win
theme nobody carries and nothing proves is a slogan. Plans that name no
risks and no win themes are not judged here.
"""

from __future__ import annotations

from typing import Iterable, Optional

from planlint.model import Plan
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.examples import example_text as plan
from planlint.api.text import is_real_name, is_substantive

_RISK = 'risk "Globex undercuts the renewal on price" {\n  impact high\n  likelihood medium\n'
_THEME = 'win_theme "Nurses get time back at the bedside" {\n'


def _owner_problem(owner: Optional[str], plan_: Plan) -> Optional[str]:
    """Why ``owner`` does not own something for our side ("no owner", "not on the team"), or None."""
    if not is_real_name(owner):
        return "no owner"
    if owner not in plan_.people():
        return f"an owner ('{owner}') who is not on the plan's team"
    return None


class RiskMitigated(Rule):
    info = RuleInfo(
        code="PL308",
        name="risk-mitigated",
        category="actions",
        severity=Severity.warning,
        weight=2.0,
        message="a high risk has no mitigation or no owner",
        why="A risk of high impact or high likelihood (and neither low) can lose the deal. Unless someone on the "
        "team watches it and a dated, owned mitigation is under way, naming it changes nothing.",
        fix="Give the risk `owner \"Name\"` from the team and at least one "
        "`mitigation \"...\" owner \"Name\" due DATE`.",
        methodology=(6,),
        failing=(plan(_RISK + "}"), plan(_RISK + '  mitigation "Three-year cost study" owner "Raj Patel" due 2027-03-01\n}')),
        passing=(plan(_RISK + '  owner "Jane Doe"\n  mitigation "Three-year cost study for the CFO" owner "Raj Patel" '
                      "due 2027-03-01\n}"),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for risk in ctx.plan.risks:
            if not risk.high or not is_real_name(risk.name):
                continue
            problems = []
            owner = _owner_problem(risk.owner, ctx.plan)
            if owner:
                problems.append(owner)
            if not any(is_substantive(m.text, 2) for m in risk.mitigations):
                problems.append("no mitigation")
            if problems:
                yield failed(risk.span, f"high risk '{risk.name}' has {' and '.join(problems)}")
            else:
                yield passed(risk.span)


class WinThemeOwned(Rule):
    info = RuleInfo(
        code="PL110",
        name="win-theme",
        category="research",
        severity=Severity.warning,
        weight=1.5,
        message="a win theme has no owner on our team or no proof",
        why="A win theme is why this customer should choose us. It persuades only when someone carries it into "
        "every meeting and a reference, a figure or a document proves it; otherwise it is what every vendor says.",
        fix="Give the win theme `owner \"Name\"` from the team and at least one `proof \"...\" source ...`.",
        methodology=(1,),
        failing=(plan(_THEME + '  owner "Jane Doe"\n}'),),
        passing=(plan(_THEME + '  owner "Jane Doe"\n  proof "Riverside: 22 minutes saved per nurse per shift" source customer\n}'),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for theme in ctx.plan.win_themes:
            if not is_real_name(theme.name):
                continue
            problems = []
            owner = _owner_problem(theme.owner, ctx.plan)
            if owner:
                problems.append(owner)
            if not any(is_substantive(proof.text) for proof in theme.proofs):
                problems.append("no proof")
            if problems:
                yield failed(theme.span, f"win theme '{theme.name}' has {' and '.join(problems)}")
            else:
                yield passed(theme.span)


RULES: list[Rule] = [RiskMitigated(), WinThemeOwned()]
