"""Research for insight: the Three Cs, the customer's drivers, sources and unknowns.

Methodology points 1 (customer, competitor, company), 2 (goals, pressures,
initiatives, obstacles), 3 (facts name their source) and 8 (open questions
with whom to ask). Only *substantive* lines count (see
:func:`planlint.api.text.is_substantive`): ``fact "TBD"`` is not research, so a long
form cannot outscore a short honest plan by having many lines.
"""

from __future__ import annotations

from typing import Iterable

from planlint.model import Statement
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.text import is_category, is_real_name, is_substantive, name_key, normalise, shared_pasted

MIN_SOURCE_KINDS = 2
MIN_REASON_WORDS = 5


def substantive(statements: Iterable[Statement], pasted: frozenset[str] = frozenset()) -> list[Statement]:
    """Statements that say something, each sentence counted once; one pasted elsewhere in the plan adds nothing."""
    seen: set[str] = set()
    result = []
    for statement in statements:
        key = normalise(statement.text)
        if is_substantive(statement.text) and key not in seen and key not in pasted:
            seen.add(key)
            result.append(statement)
    return result


class CompetitorResearch(Rule):
    info = RuleInfo(
        code="PL102",
        name="competitor-research",
        essential="competitor",
        category="research",
        severity=Severity.error,
        weight=2.0,
        message="competitor research is missing, or a competitor lacks a strength or a weakness",
        why="The customer is comparing you with someone, even if it is doing nothing; not knowing who, "
        "and where they are strong and weak, means losing to them.",
        fix="Add `competitor \"Name\" { strength \"...\" weakness \"...\" }`, or "
        f"`no_competitor \"reason\"` (at least {MIN_REASON_WORDS} words) when there truly is none.",
        methodology=(1,),
        failing=(
            'plan "Acme" {\n  research {\n    competitor "Globex" {\n      strength "Installed in two divisions"\n    }\n  }\n}\n',
            'plan "Acme" {\n  research {\n    no_competitor "N/A"\n  }\n}\n',
        ),
        passing=(
            'plan "Acme" {\n  research {\n    competitor "Globex" {\n'
            '      strength "Installed in two divisions"\n'
            '      weakness "Slow support response, 3 escalations in 2026"\n'
            "    }\n  }\n}\n",
            'plan "Acme" {\n  research {\n    no_competitor "Sole-source framework contract signed in 2025 until 2029"\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        if research is not None and research.no_competitor is not None:
            reason = research.no_competitor
            if is_substantive(reason.reason, MIN_REASON_WORDS):
                yield passed(reason.span)
            else:
                yield failed(reason.span, f"no_competitor needs a reason of at least {MIN_REASON_WORDS} words, not \"{reason.reason}\"")
            if not research.competitors:
                return
        if research is None or not research.competitors:
            yield failed((research or ctx.plan).span, "no competitor research: name at least one competitor, or say why there is none")
            return
        pasted = shared_pasted(ctx.shared, ctx.plan)
        for competitor in research.competitors:
            if not is_real_name(competitor.name):  # what is known about nobody is not research
                yield failed(competitor.span, f"competitor '{competitor.name}' names no one: write the competitor's name")
                continue
            if is_category(competitor.name):
                yield failed(competitor.span, f"competitor '{competitor.name}' is a kind of competitor, not one: "
                             "name the firms you meet in this account")
                continue
            missing = []
            if not substantive(competitor.strengths, pasted):
                missing.append("strength")
            if not substantive(competitor.weaknesses, pasted):
                missing.append("weakness")
            if missing:
                yield failed(competitor.span, f"competitor '{competitor.name}' has no {' and no '.join(missing)}")
            else:
                yield passed(competitor.span)


DRIVERS = (("goals", "goal"), ("pressures", "pressure"), ("initiatives", "initiative"), ("obstacles", "obstacle"))


class BusinessDrivers(Rule):
    info = RuleInfo(
        code="PL104",
        name="business-drivers",
        category="research",
        severity=Severity.warning,
        weight=2.0,
        message="a customer business driver (goal, pressure, initiative or obstacle) is missing",
        why="Goals, pressures, initiatives and obstacles are what the customer's executives think about; "
        "objectives that serve them get attention, objectives that do not get ignored. Each of the four counts "
        "separately, so a plan with goals only scores a quarter.",
        fix="In `customer { ... }` write at least one substantive `goal`, `pressure`, `initiative` and `obstacle`.",
        methodology=(2,),
        failing=('plan "Acme" {\n  research {\n    customer {\n      goal "Cut operating cost 10% by FY2028"\n    }\n  }\n}\n',),
        passing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      goal "Cut operating cost 10% by FY2028"\n'
            '      pressure "New low-cost entrants in the EU market"\n'
            '      initiative "Consolidate three ERPs into one by Q3 2027"\n'
            '      obstacle "No internal integration team"\n'
            "    }\n  }\n}\n",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        customer = research.customer if research else None
        span = customer.span if customer else ctx.plan.span
        for field, word in DRIVERS:
            statements = getattr(customer, field) if customer else []
            if substantive(statements):
                yield passed(span)
            else:
                yield failed(span, f"no customer {word}: add `{word} \"...\"` to the customer research")


class FactSources(Rule):
    info = RuleInfo(
        code="PL105",
        name="fact-source",
        category="research",
        severity=Severity.warning,
        weight=1.5,
        message="a researched line does not say where it came from",
        why="A fact with a source can be checked and trusted in a review; one without is an opinion. "
        "Naming the source also shows which sources the plan has not used yet.",
        fix="Add `source crm`, `source account_team`, `source customer`, `source external` or "
        "`source \"document name\"` after the line.",
        methodology=(3,),
        failing=('plan "Acme" {\n  research {\n    customer {\n      fact "IT budget frozen until April 2027"\n    }\n  }\n}\n',),
        passing=('plan "Acme" {\n  research {\n    customer {\n      fact "IT budget frozen until April 2027" source crm\n    }\n  }\n}\n',),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for statement in sourced_statements(ctx):
            if statement.source is not None or is_real_name(statement.source_text):
                yield passed(statement.span)
            else:
                yield failed(statement.span, f"{statement.kind} \"{statement.text}\" names no source")


def sourced_statements(ctx: CheckContext) -> list[Statement]:
    """The lines that should name a source: customer research and competitor facts."""
    research = ctx.plan.research
    if research is None:
        return []
    statements = list(research.customer.statements()) if research.customer else []
    for competitor in research.competitors:
        statements += competitor.facts
    return substantive(statements)


def source_kind(statement: Statement) -> str | None:
    """The kind of source: a keyword, or 'document' for a quoted document."""
    if statement.source is not None:
        return statement.source.value
    if is_real_name(statement.source_text):
        return "document"
    return None


class SourceVariety(Rule):
    info = RuleInfo(
        code="PL106",
        name="integrated-sources",
        category="research",
        severity=Severity.warning,
        weight=1.0,
        message=f"research draws on fewer than {MIN_SOURCE_KINDS} kinds of source",
        why="Insight comes from integrating CRM data, the account team, the customer and outside research; "
        "a plan built from one source sees the account from one side only.",
        fix="Name sources on your facts and add facts from a source you have not used yet "
        "(crm, account_team, customer, external, or a quoted document).",
        methodology=(3,),
        failing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      fact "IT budget frozen until April 2027" source crm\n'
            '      fact "Three open support tickets on invoicing" source crm\n'
            "    }\n  }\n}\n",
        ),
        passing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      fact "IT budget frozen until April 2027" source crm\n'
            '      goal "Cut operating cost 10% by FY2028" source "FY2026 annual report"\n'
            "    }\n  }\n}\n",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        statements = sourced_statements(ctx)
        if not statements:
            return
        kinds = sorted({kind for kind in map(source_kind, statements) if kind})
        span = ctx.plan.research.span if ctx.plan.research else ctx.plan.span
        if len(kinds) >= MIN_SOURCE_KINDS:
            yield passed(span)
        else:
            used = ", ".join(kinds) or "none named"
            yield failed(span, f"research uses {len(kinds)} kind(s) of source ({used}); integrate at least {MIN_SOURCE_KINDS}")


class OpenQuestions(Rule):
    info = RuleInfo(
        code="PL107",
        name="open-questions",
        category="research",
        severity=Severity.warning,
        weight=1.5,
        message="the plan lists no open question",
        why="A plan that only records what is known is a report. Listing what you do not know yet, "
        "and whom to ask, is what turns research into next week's conversations.",
        fix="Add `question \"...\" ask \"Name\"` (or `how \"...\"`) to the customer research.",
        methodology=(8,),
        failing=('plan "Acme" {\n  research {\n    customer {\n      fact "IT budget frozen until April 2027"\n    }\n  }\n}\n',),
        passing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      question "Who owns the integration budget?" ask "Mary Chen"\n'
            "    }\n  }\n}\n",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        customer = research.customer if research else None
        questions = [q for q in customer.questions if is_substantive(q.text, question=True)] if customer else []
        span = customer.span if customer else ctx.plan.span
        if questions:
            yield passed(span)
        else:
            yield failed(span, "no open question: list what you still need to find out, and from whom")


class QuestionHasAsk(Rule):
    info = RuleInfo(
        code="PL108",
        name="question-ask",
        category="research",
        severity=Severity.warning,
        weight=1.0,
        message="an open question says neither whom to ask nor how to find out",
        why="A question nobody is going to ask stays open for ever.",
        fix="Add `ask \"Name\"` or `how \"...\"` to the question.",
        methodology=(8,),
        failing=('plan "Acme" {\n  research {\n    customer {\n      question "Who owns the integration budget?"\n    }\n  }\n}\n',),
        passing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      question "Who owns the integration budget?" ask "Mary Chen"\n'
            '      question "What did the last ERP project cost?" how "Annual report 2024, capex note"\n'
            "    }\n  }\n}\n",
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        if research is None or research.customer is None:
            return
        for question in research.customer.questions:
            if is_substantive(question.ask or "", 1) or is_substantive(question.how or "", 2):
                yield passed(question.span)
            else:
                yield failed(question.span, f"question \"{question.text}\" says neither whom to ask nor how to find out")


class CompetitorUnits(Rule):
    info = RuleInfo(
        code="PL109",
        name="competitor-unit",
        category="research",
        severity=Severity.warning,
        weight=1.0,
        message="a competitor is said to play in a unit the plan does not name",
        why="Saying where a competitor plays (`unit \"...\"` in its block) makes competitor research per unit: "
        "the incumbent in one division is a challenger in the next. A unit the plan does not map is usually a "
        "misspelling, and then the competitor is placed nowhere.",
        fix="Name the unit exactly as in its `unit \"...\" { ... }` block, or add that unit to the plan.",
        methodology=(1, 5),
        failing=('plan "Acme" {\n  unit "Manufacturing" {\n    current "ERP consolidation"\n  }\n  research {\n'
                 '    competitor "Globex" {\n      position incumbent\n      unit "Manufactoring"\n    }\n  }\n}\n',),
        passing=('plan "Acme" {\n  unit "Manufacturing" {\n    current "ERP consolidation"\n  }\n  research {\n'
                 '    competitor "Globex" {\n      position incumbent\n      unit "Manufacturing"\n    }\n  }\n}\n',),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        research = ctx.plan.research
        units = {name_key(unit.name) for unit in ctx.plan.units}
        for competitor in research.competitors if research else []:
            for unit in competitor.units:
                if not is_real_name(unit.text):
                    continue
                if name_key(unit.text) in units:
                    yield passed(unit.span)
                else:
                    yield failed(unit.span, f"competitor '{competitor.name}' plays in '{unit.text}', which is not a unit "
                                 "of this plan")


RULES: list[Rule] = [
    CompetitorResearch(),
    BusinessDrivers(),
    FactSources(),
    SourceVariety(),
    OpenQuestions(),
    QuestionHasAsk(),
    CompetitorUnits(),
]
