"""The review agenda: at most three questions a coach asks about one plan.

A plan review is a conversation, not a list of 40 findings. Each question
comes from something the plan itself shows: a failed pillar of the method
(:mod:`planlint.engine.essentials`), the fix that would gain it most, or one
of the plan's own open ``question``s. Each names the person to ask where the
plan says who: the question's ``ask``, else the plan's owner. The pillars
are asked about first (two at most when there is anything else to ask), then
the top fix and the plan's own question take turns, so three questions cover
different things.
"""

from __future__ import annotations

from typing import Optional

from ...api.packs.values import is_placeholder
from ...api.pillars import LABELS
from ...engine.results import FileResult
from ...model import Plan
from .model import AgendaItem

MAX_QUESTIONS = 3
MAX_PILLAR_QUESTIONS = 2  # when a top fix or the plan's own question is there too, it gets the third turn

# A coach's question per pillar of the method: open, about the account, answerable in the meeting.
PILLAR_QUESTIONS = {
    "customer": "What is {account} trying to achieve this year, what is in its way, and where did we learn it?",
    "competitor": "Who else is selling to {account}, and where are they stronger than us?",
    "company": "Why would {account} choose us: which strength or reference of ours would they recognise?",
    "objectives": "What number, by which date, will tell us this plan worked?",
    "actions": "What happens next on {account}, who does it, and by when?",
    "in-use": "When did the team last work from this plan, and when is the next review?",
}


def person(name: Optional[str]) -> str:
    """A name the plan gives, or nothing when it is missing or a placeholder."""
    return name.strip() if name and name.strip() and not is_placeholder(name) else ""


def open_questions(plan: Plan) -> list[AgendaItem]:
    """The plan's own open questions (not placeholders such as ``???``), each asking its ``ask`` where given."""
    items = []
    customer = plan.research.customer if plan.research is not None else None
    for question in (customer.questions if customer is not None else []):
        if is_placeholder(question.text):
            continue
        ask = person(question.ask)
        follow = f"Has {ask} been asked, and what did they say?" if ask else "Who can answer it, and by when?"
        items.append(AgendaItem(question=f"The plan asks “{question.text}”. {follow}", because="the plan's own open question",
                                tag="the plan's own question",
                                source="question", ask=ask or person(plan.owner)))
    return items


def agenda(result: FileResult, plan: Optional[Plan]) -> list[AgendaItem]:
    """At most :data:`MAX_QUESTIONS` questions for the plan's review (none for a file that cannot be read)."""
    if plan is None or not result.parsed:
        return []
    owner = person(plan.owner)
    account = person(plan.account) or "the account"
    pillars, covered = [], set()
    for essential in result.essentials:
        if essential.state != "failed":
            continue
        covered.update(essential.rules)
        template = PILLAR_QUESTIONS.get(essential.pillar, "What would put {pillar} into this plan?")
        pillars.append(AgendaItem(question=template.format(account=account, pillar=LABELS.get(essential.pillar, essential.pillar)),
                                  because=f"pillar failed: {LABELS.get(essential.pillar, essential.pillar)} ({essential.reason})",
                                  tag=f"failed pillar: {LABELS.get(essential.pillar, essential.pillar)}",
                                  source="pillar", ask=owner))
    first_failure = {}
    for finding in result.failing():
        first_failure.setdefault(finding.code, finding.message)
    fixes = [
        AgendaItem(question=f"The biggest gain (+{fix.gain:.1f} points): {first_failure.get(fix.code, fix.name)}. "
                            "What is in the way of fixing it, and by when?",
                   because=f"top fix {fix.code} {fix.name}: {fix.message}", tag=f"top fix {fix.code}", source="fix", ask=owner)
        for fix in result.fixes if fix.code not in covered
    ]
    questions = open_questions(plan)
    chosen = pillars[:MAX_PILLAR_QUESTIONS if fixes or questions else MAX_QUESTIONS]
    turns = [fixes, questions]
    while len(chosen) < MAX_QUESTIONS and any(turns):
        for source in turns:
            if source and len(chosen) < MAX_QUESTIONS:
                chosen.append(source.pop(0))
    return chosen
