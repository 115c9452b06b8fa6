"""Form, not tool: placeholders, boilerplate, pasted sentences, one-word answers.

Methodology point 11. Every piece of text the writer typed is an item, so a
plan with a few placeholders among much real text loses a little, and a plan
of placeholders loses everything. :func:`form_ratio` sums it up per plan: the
share of the plan's text that reads as form, reported by PL905 with its
breakdown. Each text counts under one reason only (a placeholder first), so
``"TBD"`` is one placeholder, not also a one-word answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

from planlint.model import Plan
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.prose import LABEL, MIN_WORDS, NAME, SENTENCE, STEP, WRITTEN, Prose, iter_text
from planlint.api.text import (PASTED_WORDS, boilerplate, long_enough, normalise, pasted_sentences, placeholder, prompt,
                               shared_pasted, shared_texts, word_count)

MAX_FORM_RATIO = 0.20

PLACEHOLDER, BOILERPLATE, PASTED, ONE_WORD = "placeholder", "boilerplate", "pasted", "one-word"
QUESTION_TEXT = "open question"  # the one field where a question is what belongs (see prose.iter_text)


class Verdict(NamedTuple):
    """Why one text reads as form (``reason`` empty when it does not). A tuple: one is made for every text of a plan."""

    prose: Prose
    reason: str = ""
    detail: str = ""


def verdicts(plan: Plan, pasted: Optional[frozenset[str]] = None, texts: Optional[Sequence[Prose]] = None) -> list[Verdict]:
    """Every text of the plan with the first reason it reads as form, in a fixed order.

    ``pasted`` is the plan's :func:`pasted_sentences` and ``texts`` its
    :func:`iter_text` when the caller already has them.
    """
    texts = list(iter_text(plan)) if texts is None else texts
    pasted = pasted_sentences(plan, texts) if pasted is None else pasted
    keys = [normalise(prose.text) for prose in texts]
    copies: dict[str, dict[int, int]] = {}  # each pasted sentence: how many copies stand on each line
    for prose, key in zip(texts, keys):
        if key in pasted and prose.kind in WRITTEN:
            on_line = copies.setdefault(key, {})
            on_line[prose.span.line] = on_line.get(prose.span.line, 0) + 1
    places = {key: _Places(sorted(on_line), on_line, sum(on_line.values())) for key, on_line in copies.items()}
    return [_verdict(prose, places.get(key)) for prose, key in zip(texts, keys)]


@dataclass(frozen=True)
class _Places:
    """Where one pasted sentence stands: its lines in order, and how many copies each holds."""

    lines: list[int]
    copies: dict[int, int]
    count: int  # copies in all: summed once, not once per copy (that grew with the square of the copies)


def shared_verdicts(ctx: CheckContext) -> list[Verdict]:
    """:func:`verdicts` judged once per plan check and shared by the five form rules (it is their main cost)."""
    shared = ctx.shared
    return ctx.memo("form.verdicts", lambda plan: verdicts(plan, shared_pasted(shared, plan), shared_texts(shared, plan)))


def _verdict(prose: Prose, place: Optional["_Places"]) -> Verdict:
    found = placeholder(prose.text)
    if found is not None:
        return Verdict(prose, PLACEHOLDER, found)
    if prose.where != QUESTION_TEXT:  # a question is a template's prompt everywhere but in a question
        asked = prompt(prose.text)
        if asked is not None:
            return Verdict(prose, PLACEHOLDER, f"template prompt: {asked}")
    if prose.kind == NAME:
        return Verdict(prose)
    phrase = boilerplate(prose.text)
    if phrase is not None:
        return Verdict(prose, BOILERPLATE, phrase)
    if prose.kind == LABEL:
        return Verdict(prose)
    if place is not None and place.count - (prose.kind in WRITTEN) > 0:  # every copy is form: which came first is chance
        return Verdict(prose, PASTED, _lines(prose, place))
    if not long_enough(prose.text, MIN_WORDS[prose.kind]):
        return Verdict(prose, ONE_WORD, str(word_count(prose.text)))
    return Verdict(prose)


MAX_LINES_LISTED = 10  # a sentence pasted a thousand times names ten other places, not 999 in each copy


def _lines(prose: Prose, place: _Places) -> str:
    """Where the other copies stand: ``line 12``, ``lines 12, 30 and 41``, or the first ten ``and 990 more``.

    Each copy reads at most eleven of the sentence's lines: listing every
    other copy in every copy made a big plan's work and messages grow with
    the square of its size (a 10 MB plan took 1.9 GB and two minutes).
    """
    own = prose.span.line
    alone = prose.kind in WRITTEN and place.copies[own] == 1  # its own line is another copy's only when two stand on it
    lines: list[int] = []
    for line in place.lines:
        if line == own and alone:
            continue
        lines.append(line)
        if len(lines) > MAX_LINES_LISTED:
            break
    if len(lines) == 1:
        return f"line {lines[0]}"
    if len(lines) <= MAX_LINES_LISTED:
        return "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    more = len(place.lines) - alone - MAX_LINES_LISTED
    return "lines " + ", ".join(map(str, lines[:MAX_LINES_LISTED])) + f" and {more} more"


@dataclass(frozen=True)
class FormRatio:
    """How much of a plan's text reads as form, and why.

    The share is counted in words, as a reader meets the text: a paragraph
    pasted into eighteen boxes is most of the page, however many short real
    lines sit beside it. A text that reads as form weighs at least the
    shortest honest answer its field takes (:data:`MIN_WORDS`: a sentence 3
    words, a step 2, a name or label 1), so ``"TBD"`` in a research box is
    not weightless.
    """

    form: int
    total: int
    reasons: dict[str, int] = field(default_factory=dict)
    form_words: int = 0
    total_words: int = 0

    @property
    def ratio(self) -> Optional[float]:
        return None if self.total_words == 0 else self.form_words / self.total_words

    def describe(self) -> str:
        """``38% of the plan's text reads as form, in words (19 of 50 texts: 12 placeholder, 7 one-word)``."""
        parts = ", ".join(f"{count} {reason}" for reason, count in sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0])))
        share = 0 if self.ratio is None else round(self.ratio * 100)
        return (f"{share}% of the plan's text reads as form, in words ({self.form} of {self.total} texts"
                + (f": {parts})" if parts else ")"))


def weight(verdict: Verdict) -> int:
    """A text's words; a form text at least the shortest honest answer its field takes."""
    words = word_count(verdict.prose.text)
    return max(words, MIN_WORDS.get(verdict.prose.kind, 1)) if verdict.reason else words


def form_ratio(plan: Plan, judged: Optional[list[Verdict]] = None) -> FormRatio:
    """The plan's form ratio: the words of texts that read as form over the words the writer typed.

    Names (people, accounts, units) count only when they are placeholders: a
    real name is not evidence that a plan is a tool, so it cannot dilute the ratio.
    ``judged`` is the plan's :func:`verdicts` when the caller already has them.
    """
    judged = verdicts(plan) if judged is None else judged
    counted = [v for v in judged if v.reason or v.prose.kind != NAME]  # names count only as placeholders
    reasons: dict[str, int] = {}
    for verdict in counted:
        if verdict.reason:
            reasons[verdict.reason] = reasons.get(verdict.reason, 0) + 1
    weights = [weight(verdict) for verdict in counted]
    return FormRatio(form=sum(reasons.values()), total=len(counted), reasons=reasons,
                     form_words=sum(w for w, v in zip(weights, counted) if v.reason), total_words=sum(weights))


def _judge(ctx: CheckContext, reason: str, message: Callable[[Verdict], str]) -> list[Item]:
    """One item per text of the rule's kinds that no other form rule has claimed (see :func:`_claims`)."""
    return [failed(verdict.prose.span, message(verdict)) if verdict.reason else passed(verdict.prose.span)
            for verdict in _claims(ctx)[reason]]


def _claims(ctx: CheckContext) -> dict[str, list[Verdict]]:
    """For each of the four item rules, the verdicts it judges, in the plan's order, sorted out in one pass.

    A rule judges the texts of its kinds (:data:`KINDS_OF`): it fails those
    that read as form for its reason, passes those that read as form for no
    reason (a real name earns no credit: an empty plan is not a tidy one), and
    leaves those another reason claimed to that reason's rule.
    """
    def sort_out(plan: Plan) -> dict[str, list[Verdict]]:
        claims: dict[str, list[Verdict]] = {reason: [] for reason in KINDS_OF}
        for verdict in shared_verdicts(ctx):
            kind = verdict.prose.kind
            if verdict.reason:
                if kind in KINDS_OF.get(verdict.reason, ()):
                    claims[verdict.reason].append(verdict)
            elif kind != NAME:
                for reason in _PASSED_BY[kind]:
                    claims[reason].append(verdict)
        return claims

    return ctx.memo("form.claims", sort_out)


def placeholder_message(verdict: Verdict) -> str:
    return f"placeholder '{verdict.detail}' in {verdict.prose.where}: \"{verdict.prose.text}\""


def boilerplate_message(verdict: Verdict) -> str:
    return f"boilerplate '{verdict.detail}' in {verdict.prose.where}: \"{verdict.prose.text}\" says nothing specific"


def pasted_message(verdict: Verdict) -> str:
    return f"{verdict.prose.where}: \"{verdict.prose.text}\" is pasted (same text as {verdict.detail})"


def one_word_message(verdict: Verdict) -> str:
    need = MIN_WORDS[verdict.prose.kind]
    return f"{verdict.prose.where}: \"{verdict.prose.text}\" is a {verdict.detail}-word answer; write at least {need} words"


ALL_KINDS = frozenset({NAME, LABEL, SENTENCE, STEP})
PROSE_KINDS = frozenset({LABEL, SENTENCE, STEP})
ANSWER_KINDS = frozenset({SENTENCE, STEP})
KINDS_OF = {PLACEHOLDER: ALL_KINDS, BOILERPLATE: PROSE_KINDS, PASTED: ANSWER_KINDS, ONE_WORD: ANSWER_KINDS}  # what each rule judges
_PASSED_BY = {kind: [reason for reason, kinds in KINDS_OF.items() if kind in kinds] for kind in ALL_KINDS}

_FORM = (
    'plan "{{Account}} plan" {\n  owner "TBD"\n  research {\n    customer {\n      goal "TBD"\n      fact "..."\n    }\n  }\n}\n'
)
_TOOL = (
    'plan "Acme FY2027" {\n  owner "Jane Doe"\n  research {\n    customer {\n'
    '      goal "Cut operating cost 10% by FY2028"\n      fact "IT budget frozen until April 2027"\n    }\n  }\n}\n'
)


class Placeholders(Rule):
    info = RuleInfo(
        code="PL901",
        name="placeholder-text",
        category="form",
        severity=Severity.error,
        weight=3.0,
        message="placeholder text left in the plan",
        why="Placeholders (TBD, TODO, ???, {{name}}, ..., N/A with no reason) and template text left in (an "
        "instruction to the form-filler such as 'Enter the main pressures the customer faces', a field label such "
        "as 'Competitor name' or 'Action description', an 'e.g. ...' example) show a box filled in to pass a "
        "review, not a plan anyone works from. Template text is told by its words: when every word is one any "
        "template uses, it says nothing; one name, number or concrete noun makes it the writer's own. Every "
        "text is checked, references such as `source`, `supports` and `with` included.",
        fix="Replace the placeholder with what you know, or turn it into a `question \"...\" ask \"Name\"`.",
        methodology=(11,),
        failing=(
            _FORM,
            'plan "Acme" {\n  research {\n    customer {\n      pressure "Enter the main pressures the customer faces"\n'
            '    }\n    competitor "Competitor name" {\n      strength "e.g. price"\n    }\n  }\n}\n',
            'plan "Acme" {\n  research {\n    customer {\n      goal "Cut operating cost 10% by FY2028" source "TBD"\n'
            '    }\n  }\n}\n',
        ),
        passing=(
            _TOOL,
            'plan "Acme" {\n  research {\n    customer {\n      initiative "Enter the EU market by Q3 2027 with Initech"\n'
            '    }\n    competitor "Globex" {\n      strength "Name recognition in the retail division"\n    }\n  }\n}\n',
        ),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return _judge(ctx, PLACEHOLDER, placeholder_message)


class Boilerplate(Rule):
    info = RuleInfo(
        code="PL902",
        name="boilerplate",
        category="form",
        severity=Severity.warning,
        weight=2.0,
        message="boilerplate phrase that says nothing specific",
        why="'Trusted advisor', 'leverage synergies', 'add value' fit every account and so say nothing about this "
        "one. A sentence with a number in it is excused: a number is the first sign of something specific.",
        fix="Say what, how much and by when for this customer, or delete the line.",
        methodology=(11,),
        failing=('plan "Acme" {\n  research {\n    company {\n      strength "We are a trusted advisor with world-class service"\n    }\n  }\n}\n',),
        passing=('plan "Acme" {\n  research {\n    company {\n      strength "Two ERP migration references in manufacturing"\n    }\n  }\n}\n',),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return _judge(ctx, BOILERPLATE, boilerplate_message)


class PastedText(Rule):
    info = RuleInfo(
        code="PL903",
        name="pasted-text",
        category="form",
        severity=Severity.warning,
        weight=2.0,
        message="the same sentence is pasted in several places",
        why="The same sentence as a goal, a pressure and a strength means one thought was pasted to fill three "
        f"boxes. Sentences of {PASTED_WORDS} words or more are compared, ignoring case and punctuation; the "
        "every copy fails, the first included: which copy came first is an accident of order, and a pasted sentence "
        "is research, proof or a step in none of the places it fills.",
        fix="Keep the sentence where it belongs and write what is true in the other places, or leave them out.",
        methodology=(11,),
        failing=(
            'plan "Acme" {\n  research {\n    customer {\n'
            '      goal "Cut operating cost across the group"\n      pressure "Cut operating cost across the group"\n'
            "    }\n  }\n}\n",
        ),
        passing=(_TOOL,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return _judge(ctx, PASTED, pasted_message)


class OneWordAnswers(Rule):
    info = RuleInfo(
        code="PL904",
        name="one-word-answer",
        category="form",
        severity=Severity.warning,
        weight=2.0,
        message="one-word answer where a sentence is needed",
        why=f"'Growth' as a goal or 'Price' as a weakness is a box ticked. Research lines need at least "
        f"{MIN_WORDS[SENTENCE]} words; objective, strategy and action names at least {MIN_WORDS[STEP]}. "
        "Two words are enough when one is a number ('15% cheaper', '12-week lead time'): the figure is the answer. "
        "Names, titles and white-space entries may be one word.",
        fix="Write the sentence a colleague would need: what, who, how much.",
        methodology=(11,),
        failing=('plan "Acme" {\n  research {\n    customer {\n      goal "Growth"\n    }\n  }\n}\n',),
        passing=(_TOOL,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        return _judge(ctx, ONE_WORD, one_word_message)


class FormRatioRule(Rule):
    info = RuleInfo(
        code="PL905",
        name="form-ratio",
        category="form",
        severity=Severity.warning,
        weight=3.0,
        message=f"more than {MAX_FORM_RATIO:.0%} of the plan's text reads as form",
        why="One placeholder is an oversight; a fifth of the text as placeholders, boilerplate, pasted sentences and "
        "one-word answers is a form filled in for a review. This rule judges the plan as a whole, so a long form "
        "cannot hide its filler among its length. The message gives the share and the breakdown.",
        fix="Work down the placeholder, boilerplate, pasted-text and one-word findings; delete what you cannot fill "
        "honestly and list it as an open question instead.",
        methodology=(11,),
        failing=(_FORM,),
        passing=(_TOOL,),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        ratio = form_ratio(ctx.plan, shared_verdicts(ctx))
        if ratio.ratio is None:
            return
        ctx.metrics["form_ratio"] = round(ratio.ratio, 3)  # shown per plan in JSON and reports, pass or fail
        ctx.metrics["form_texts"] = ratio.total  # what the ratio is of: the engine works out a fix's gain from it
        ctx.metrics["form_count"] = ratio.form  # how many of them read as form
        if ratio.ratio <= MAX_FORM_RATIO:
            yield passed(ctx.plan.span)
        else:
            yield failed(ctx.plan.span, f"{ratio.describe()}; more than {MAX_FORM_RATIO:.0%} is a form")


RULES: list[Rule] = [Placeholders(), Boilerplate(), PastedText(), OneWordAnswers(), FormRatioRule()]
