"""Objectives: present, measurable, in the period, serving the customer, not vague.

Methodology points 2 and 6. An objective without a number and a date cannot
be tracked; one outside the plan period is not part of this plan; one that
serves none of the customer's stated goals or initiatives will not get the
customer's attention; "grow the relationship" with no number is a form entry.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from planlint.model import Count, Money, ObjectiveCategory, Percent, Statement, Target
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.text import boilerplate, is_substantive, normalise
from .real import real_objectives

MIN_CATEGORIES = 2
# A `supports "..."` refers to a driver whose content words it shares at least this much (Dice
# coefficient, see `overlap`): "Cut operating costs by 10%" matches "Cut operating cost 10% by FY2028"
# (0.89), "Reduce the operating costs" does not (0.5) and is pointed at that goal instead.
WORD_OVERLAP = 0.6
SMALL_WORDS = frozenset("a an the of to in on at by for from into with and or our their its is are be this that".split())

# A percentage is a share of something or a change in something, and the metric must say which.
# "Revenue 20%" is a change in money with no base (20% more than what?): money is written as the
# amount, or as the base and the amount. A metric that names a share or a rate is read as a share.
MONEY_WORDS = frozenset("revenue revenues sales bookings booking spend spending arr mrr acv tcv income turnover "
                        "billings pipeline profit profits".split())
SHARE_WORDS = frozenset("share rate rates ratio margin margins percent percentage proportion mix penetration "
                        "wallet".split())
# Qualities no instrument reads: "Partnership 100%" or "Relationship health 80%" cannot be read off
# anything at a review, so they do not say what the number counts. (Satisfaction is read off a survey.)
QUALITY_WORDS = frozenset("partnership partnerships relationship relationships awareness visibility engagement "
                          "loyalty trust value success reputation image perception position alignment "
                          "collaboration growth health strength intimacy presence footprint".split())
QUALITY_MODIFIERS = frozenset("customer client account overall strategic brand business level score index "
                              "general mutual strong stronger".split()) | SMALL_WORDS
QUALITY_ONLY = QUALITY_WORDS | QUALITY_MODIFIERS  # a metric of nothing but these words names a quality
WORDS = re.compile(r"[a-z]+")

_GOAL = '  research {\n    customer {\n      initiative "Consolidate three ERPs into one by Q3 2027"\n    }\n  }\n'
_PERIOD = "  period 2027-01-01 to 2027-12-31\n"
_REVENUE = '  objective revenue "Win the ERP consolidation" {\n    target $500k by 2027-06-30\n  }\n'
_RELATIONSHIP = '  objective relationship "Quarterly review with the CFO" {\n    target 4 meetings by 2027-12-31\n  }\n'


class ObjectiveMeasurable(Rule):
    info = RuleInfo(
        code="PL202",
        name="objective-measurable",
        essential="objectives",
        category="objectives",
        severity=Severity.error,
        weight=3.0,
        message="objective has no metric, numeric target or date",
        why="Only a metric, a number and a date make an objective something the team can track and the customer "
        "can feel. Money is its own metric; a percentage or a bare count needs `metric \"...\"` to say of what, "
        "something that can be counted rather than a quality ('partnership', 'awareness'). A percentage of money "
        "('Revenue 20%') needs its base: 20% more than what? Write the amount, or the base and the amount.",
        fix="Give the objective `target $500k by 2027-06-30` (money, a count such as `4 meetings`, or a "
        "percentage with `metric \"share of IT spend\"`) and a date.",
        methodology=(6,),
        failing=(
            'plan "Acme" {\n  objective revenue "Win the ERP consolidation" {\n    target $500k\n  }\n}\n',
            'plan "Acme" {\n  objective marketing "Raise awareness" {\n    target 30% by 2027-06-30\n  }\n}\n',
            'plan "Acme" {\n  objective revenue "Grow our share of wallet" {\n    metric "Revenue"\n'
            "    target 20% by 2027-12-31\n  }\n}\n",
            'plan "Acme" {\n  objective relationship "Be the partner of choice" {\n    metric "Partnership"\n'
            "    target 100% by 2027-12-31\n  }\n}\n",
        ),
        passing=(
            'plan "Acme" {\n' + _REVENUE + "}\n",
            'plan "Acme" {\n  objective revenue "Grow our share of wallet" {\n    metric "Share of their analytics spend"\n'
            "    target 30% by 2027-12-31\n  }\n}\n",
            'plan "Acme" {\n  objective revenue "Grow the analytics line" {\n    metric "Revenue"\n'
            "    target from $1M to $1.2M by 2027-12-31\n  }\n}\n",
            'plan "Acme" {\n  objective marketing "Raise awareness in plant IT" {\n    metric "plant IT managers who attended a demo"\n'
            "    target 30% by 2027-06-30\n  }\n}\n",
            'plan "Acme" {\n  objective customer_success "Raise weekly use of the app" {\n'
            '    metric "share of nurses using the app each week"\n    target from 66% to 74% by Q3 2027\n  }\n}\n',
            'plan "Acme" {\n  objective relationship "Bring the CMO round" {\n    target from opponent to neutral by Q3 2027\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            target = objective.target
            value = target.value if target else None
            missing = []
            if value is None and target is not None and target.from_stance and target.to_stance:
                pass  # `from opponent to neutral`: a stance is its own measure, like money
            elif value is None:
                missing.append("numeric target")
            else:
                missing.extend(unread_number(objective.metric or "", target))
            if target is None or target.by is None:
                missing.append("date")
            if missing:
                yield failed(objective.span, f"objective '{objective.name}' has no {' and no '.join(missing)}")
            else:
                yield passed(objective.span)


class RevenueObjective(Rule):
    info = RuleInfo(
        code="PL203",
        name="revenue-objective",
        category="objectives",
        severity=Severity.error,
        weight=2.0,
        message="the plan has no revenue objective",
        why="An account plan is a sales plan first: it commits to revenue over the plan period, combined across the "
        "units with current opportunities.",
        fix="Add `objective revenue \"...\" { target $... by DATE ... }`.",
        methodology=(6,),
        failing=('plan "Acme" {\n' + _RELATIONSHIP + "}\n",),
        passing=('plan "Acme" {\n' + _REVENUE + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        if any(o.category == ObjectiveCategory.revenue for o in real_objectives(ctx)):
            yield passed(ctx.plan.span)
        else:
            yield failed(ctx.plan.span, self.info.message)


class ObjectiveCategories(Rule):
    info = RuleInfo(
        code="PL204",
        name="objective-categories",
        category="objectives",
        severity=Severity.warning,
        weight=1.5,
        message=f"objectives cover fewer than {MIN_CATEGORIES} categories",
        why="Revenue alone is next quarter. Business-development, marketing and account-wide objectives "
        "(relationship, partnering, research, customer success) are what make next year's revenue possible.",
        fix="Add an objective of another category, e.g. `objective relationship \"...\"` or "
        "`objective business_development \"...\"`.",
        quadrants=("A", "C"),  # a B account needs revenue and business development first; a D account no breadth
        methodology=(6,),
        failing=('plan "Acme" {\n' + _REVENUE + "}\n",),
        passing=('plan "Acme" {\n' + _REVENUE + _RELATIONSHIP + "}\n",),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        if not real_objectives(ctx):
            return
        categories = sorted({o.category.value for o in real_objectives(ctx)})
        if len(categories) >= MIN_CATEGORIES:
            yield passed(ctx.plan.span)
        else:
            yield failed(ctx.plan.span, f"all objectives are {', '.join(categories)}; add one of another category")


def drivers(ctx: CheckContext) -> list[Statement]:
    research = ctx.plan.research
    customer = research.customer if research else None
    if customer is None:
        return []
    return [*customer.goals, *customer.initiatives, *customer.pressures, *customer.obstacles]


def content_words(text: str) -> frozenset[str]:
    """The words that carry a sentence's meaning: normalised, small words dropped, plurals folded.

    ``"Reduce the operating costs"`` gives ``{reduce, operating, cost}``, so
    a claim and a driver that say the same thing in a different order, or
    with "the" and a plural, share their words.
    """
    words = (word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
             for word in normalise(text).split())
    return frozenset(word for word in words if word not in SMALL_WORDS)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The Dice coefficient of two sets of words: twice the shared words over the words of both."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


class StatedDrivers:
    """The plan's drivers, each normalised once, deciding whether a `supports "..."` refers to one.

    A claim refers to a driver when it is the same text (case, punctuation
    and spacing folded), when one contains the other (12 characters or more),
    or when their content words overlap by :data:`WORD_OVERLAP` or more
    (see :func:`overlap`). No language model: the claim is expected to quote
    or closely paraphrase the research, and a loose paraphrase is told which
    driver it is closest to.
    """

    def __init__(self, drivers: Iterable[Statement]) -> None:
        self._drivers = [(driver, normalise(driver.text), content_words(driver.text)) for driver in drivers]
        self._drivers = [entry for entry in self._drivers if entry[1]]

    def supports(self, claim: str) -> bool:
        a, words = normalise(claim), content_words(claim)
        if not a:
            return False
        for _, b, driver_words in self._drivers:
            if a == b or (len(a) >= 12 and a in b) or (len(b) >= 12 and b in a):
                return True
            if overlap(words, driver_words) >= WORD_OVERLAP:
                return True
        return False

    def closest(self, claim: str) -> Optional[Statement]:
        """The driver sharing the most content words with ``claim`` (the first on a tie), or None if none shares any."""
        words = content_words(claim)
        best: Optional[Statement] = None
        best_overlap = 0.0
        for driver, _, driver_words in self._drivers:
            score = overlap(words, driver_words)
            if score > best_overlap:
                best, best_overlap = driver, score
        return best


class ObjectiveSupportsDriver(Rule):
    info = RuleInfo(
        code="PL206",
        name="objective-supports-goal",
        category="objectives",
        severity=Severity.warning,
        weight=2.0,
        message="objective supports none of the customer's stated goals or initiatives",
        why="Objectives that serve the customer's own goals, initiatives, pressures or obstacles are the ones the "
        "customer will fund; the rest are our quota, and they can tell.",
        fix="Add `supports \"...\"` quoting a goal, initiative, pressure or obstacle from the customer research "
        "(the same text, or the same content words: see docs/rules.md for the threshold).",
        methodology=(2, 6),
        failing=(
            'plan "Acme" {\n' + _GOAL + '  objective revenue "Win the ERP consolidation" {\n    target $500k by 2027-06-30\n  }\n}\n',
            'plan "Acme" {\n' + _GOAL + '  objective revenue "Win the ERP consolidation" {\n    supports "Make more money"\n  }\n}\n',
        ),
        passing=(
            'plan "Acme" {\n' + _GOAL + '  objective revenue "Win the ERP consolidation" {\n'
            '    supports "Consolidate three ERPs into one by Q3 2027"\n    target $500k by 2027-06-30\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        stated = StatedDrivers(d for d in drivers(ctx) if is_substantive(d.text))
        for objective in real_objectives(ctx):
            claims = [t.text for t in objective.supports]
            if not claims:
                yield failed(objective.span, f"objective '{objective.name}' does not say which customer goal or initiative it supports")
            elif any(stated.supports(claim) for claim in claims):
                yield passed(objective.span)
            else:
                closest = stated.closest(claims[0])
                hint = (f"; did you mean the {closest.kind} on line {closest.span.line} (\"{closest.text}\")?"
                        if closest is not None else "")
                yield failed(
                    objective.span,
                    f"objective '{objective.name}' supports \"{claims[0]}\", which is not a goal, initiative, pressure "
                    f"or obstacle in the customer research{hint}",
                )


class VagueObjective(Rule):
    info = RuleInfo(
        code="PL207",
        name="vague-objective",
        essential="objectives",
        category="objectives",
        severity=Severity.error,
        weight=2.0,
        message="vague objective with no number",
        why="'Grow the relationship', 'increase revenue', 'win more business' and 'improve our brand awareness in "
        "the account' fit every account and commit to nothing: a vague verb with a generic object (business, "
        "revenue, awareness, relationship...) and nothing of this account. With no number they are the surest "
        "sign of a plan written as a form; a target number, or a concrete object, makes the objective specific.",
        fix="Say what changes, by how much and by when: `objective revenue \"Win the ERP consolidation\" "
        "{ target $500k by 2027-06-30 }`.",
        methodology=(6, 11),
        failing=(
            'plan "Acme" {\n  objective relationship "Grow the relationship" {\n  }\n}\n',
            'plan "Acme" {\n  objective revenue "Win more business" {\n    metric "revenue"\n  }\n}\n',
            'plan "Acme" {\n  objective marketing "Improve our brand awareness in the account" {\n  }\n}\n',
        ),
        passing=(
            'plan "Acme" {\n' + _REVENUE + "}\n",
            'plan "Acme" {\n  objective marketing "Improve our brand awareness in the account" {\n'
            '    metric "finance leaders at our cost roundtable"\n    target 4 attendees by 2027-06-30\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            phrase = boilerplate(objective.name)
            has_number = objective.target is not None and objective.target.value is not None
            if phrase and not has_number:
                yield failed(objective.span, f"objective '{objective.name}' is vague ('{phrase}') and has no number")
            else:
                yield passed(objective.span)


def unread_number(metric: str, target: Target) -> list[str]:
    """What keeps a target's number from being read at a review: what it counts, or its base.

    Money and a count with its unit say what they count. A bare percentage or count needs a
    metric that names something countable, not a quality; a percentage of money with no
    baseline needs the base (the amount it is a percentage of).
    """
    value = target.value
    if isinstance(value, Money) or (isinstance(value, Count) and value.unit):
        return []
    if not is_substantive(metric, 1):
        return ["metric (what the number counts)"]
    words = set(WORDS.findall(metric.lower()))
    if words <= QUALITY_ONLY:
        return [f"metric that can be counted ('{metric}' is a quality: name what is counted, such as "
                "'plants on the platform')"]
    if isinstance(value, Percent) and target.baseline is None and words & MONEY_WORDS and not words & SHARE_WORDS:
        return [f"base for its percentage ({value.text or value.value} of '{metric}': write the amount, "
                "`target $1.2M`, or the base and the amount, `target from $1M to $1.2M`)"]
    return []


RULES: list[Rule] = [
    ObjectiveMeasurable(),
    RevenueObjective(),
    ObjectiveCategories(),
    ObjectiveSupportsDriver(),
    VagueObjective(),
]
