"""What makes a piece of text read as *form* rather than *tool* (methodology point 11).

One place decides what a placeholder (template residue included), a
boilerplate phrase, a pasted sentence or a one-word answer is, so the form
rules, the form ratio, the rules that count "substantive" research and every
TOML pack's ``present`` / ``real`` / ``substantive`` checks all agree. A
research rule that counted ``fact "TBD"`` as a fact would let a long form
outscore a short honest plan.

Part of the API for rule authors (``planlint.api.text``): a Python plugin
asks :func:`placeholder`, :func:`is_substantive`, :func:`normalise` or
:func:`name_key` rather than writing its own, and the built-in pack imports
them exactly as a plugin does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional, Sequence

from .prose import ACTION, WRITTEN, Prose, iter_text

if TYPE_CHECKING:
    from .. import model

# The same text is judged by several rules of one plan (the form rules, the
# research and objective rules, the TOML pack's "real"/"substantive" counts),
# so the pure judgements below are memoised per text. The bound is far above
# one plan's few hundred texts and keeps memory flat over any number of plans.
TEXT_MEMO = 8192

PLACEHOLDER = re.compile(
    r"\b(?:TBD|TBC|TBA|TODO|FIXME|X{2,}|lorem ipsum|placeholder)\b"
    r"|\bto be (?:determined|confirmed|defined|decided|added)\b"
    r"|\?\?+|\{\{[^{}]*\}\}|\.\.\.|…|<[^<>]{1,40}>|\[[^\[\]]{1,40}\]"
    r"|^\s*(?:N/?A|none|nil|-+|\?|x|\.)\s*$"
    # A whole text that is one bracketed prompt, however long: "<Describe the customer's #1 goal, with a date>".
    r"|^\s*<[^<>]+>\s*$|^\s*\[[^\[\]]+\]\s*$"
    # A template's sample row: "Jane Smith (example)".
    r"|\((?:example|sample|e\.\s?g\.?|placeholder)\)"
    # A name that names nobody: "Other vendors", "Competitor A", "Various suppliers".
    r"|^\s*(?:the\s+)?(?:other|various|several|many|multiple|all|some|misc\.?|miscellaneous)\s+"
    r"(?:vendors?|competitors?|suppliers?|providers?|players|companies|firms)\s*$"
    r"|^\s*(?:competitor|vendor|supplier|customer|company|stakeholder|contact|person)\s+(?:[A-Z]|\d{1,2})\s*$"
    # A rank or a role instead of a name: "Main competitor", "The incumbent", "Key vendor".
    r"|^\s*(?:the\s+|our\s+)?(?:(?:main|key|primary|biggest|largest|major|principal|chief|current|existing|local"
    r"|incumbent|unnamed|unknown)\s+)+(?:competitors?|vendors?|suppliers?|providers?|rivals?)\s*$"
    r"|^\s*(?:the\s+)?incumbent\s*$",
    re.IGNORECASE,
)

# A prompt left in a field that expects a fact: a question ("What are the customer's top 3 priorities?"),
# or an instruction to the form-filler about the box ("List the customer's funded initiatives ...").
# Only questions asked in a `question` field are honest questions; see :func:`prompt`.
QUESTION = re.compile(r"\?(?:\s|$)")
PROMPT_VERBS = frozenset(
    "enter describe list insert type fill provide write specify outline summarise summarize explain copy paste "
    "detail capture indicate complete select choose".split()
)
# The box a prompt asks about (plural or singular): an instruction naming one is about the form, not the account.
BOXES = re.compile(
    r"\b(?:goals?|pressures?|initiatives?|obstacles?|facts?|strengths?|weakness(?:es)?|references?|differentiators?"
    r"|priorit(?:y|ies)|objectives?|metrics?|opportunit(?:y|ies)|competitors?|stakeholders?|examples?|answers?"
    r"|details?|information|info)\b",
    re.IGNORECASE,
)

# Template instructions left in: "Describe the customer's goals here".
TEMPLATE_RESIDUE = re.compile(
    r"^\s*(?:describe|enter|insert|list|type|fill in|write|provide|state|add|name)\b.*\bhere\b"
    r"|\b(?:goes here|click here|enter text)\b"
    r"|^\s*names? of\b",
    re.IGNORECASE,
)

# Text that only gives an example of what belongs in the box: "e.g. ERP renewal", "Example: ...".
EXAMPLE_ONLY = re.compile(
    r"^\s*(?:e\.\s?g\.|eg[.:,]|i\.\s?e\."
    r"|(?:for )?(?:example|instance|sample)\s*[:\-\u2013\u2014]|for (?:example|instance),)",
    re.IGNORECASE,
)

# Phrases that sound like a plan and say nothing; excused when the sentence
# carries a number (a number is the first sign of something specific).
BOILERPLATE = re.compile(
    r"\b(?:"
    r"(?:grow|strengthen|deepen|build|improve|develop|expand|enhance) (?:the |our |a |strong |stronger )?(?:relationships?|partnership|footprint|presence|account|business)"
    r"|(?:increase|grow|maximi[sz]e|drive|boost|improve) (?:the )?(?:revenue|sales|growth|wallet share|share of wallet)"
    r"|drive growth|leverage (?:our )?synerg\w*|synergies|win[- ]win|trusted advisor|best[- ]in[- ]class"
    r"|world[- ]class|value[- ]add(?:ed)?|add(?:ing)? value|deliver(?:ing)? value|strategic partner(?:ship)?"
    r"|customer[- ]centric|thought leader(?:ship)?|move the needle|low[- ]hanging fruit|paradigm shift"
    r"|holistic approach|going forward|touch base|circle back|next level|one[- ]stop[- ]shop"
    r"|end[- ]to[- ]end solutions?|think outside the box|key stakeholders|various|and so on|etc\.?"
    r"|as (?:needed|appropriate|required)|on an ongoing basis|continue to (?:engage|work|support)"
    r"|(?:raise|increase|build) (?:brand )?(?:awareness|visibility)|build rapport|improve (?:customer )?satisfaction"
    # Consultancy phrases that fit any account: the sentence around them says nothing about this one.
    r"|digital transformation|market dynamics|evolving (?:customer |market )?(?:expectations|needs)|do more with less"
    r"|(?:challenging|uncertain|difficult|tough) (?:macro)?economic (?:environment|climate|conditions)"
    r"|accelerate (?:innovation|growth)|innovation and growth|agility and efficiency|organi[sz]ational silos"
    r"|drive (?:agility|efficiency|innovation|adoption|alignment|value|mindshare|engagement|results|success)"
    r"|long[- ]standing (?:strategic )?(?:partner(?:ship)?|relationship)|(?:at|on) (?:all|multiple|every) levels"
    r"|trusted advi[cs]e|depth of expertise|domain expertise|proven track record|industry[- ]leading|market[- ]leading"
    r"|end[- ]to[- ]end (?:capabilities|portfolio|offering)|numerous successful|unique ability|cross[- ]sell and up[- ]?sell"
    r"|shared vision|executive alignment|value[- ]based|mindshare|success stories|best practices|strategic priorities"
    r"|proactively engage|ensure (?:customer )?(?:success|satisfaction)|value realization|new opportunities"
    # Vendor self-praise that every vendor writes about itself: it is no reason for this customer to choose us.
    r"|broad (?:portfolio|range) of (?:[\w-]+ )?(?:solutions|products|services|offerings)|high[- ]quality solutions"
    r"|solutions that (?:fit|meet|match) (?:their|your|the customer'?s?) needs|our people,? our expertise"
    r"|commitment to (?:customer success|excellence|quality)|(?:many|numerous|lots of) (?:satisfied|happy) customers"
    r")\b",
    re.IGNORECASE,
)

# An aim with nothing but a vague verb and a generic object, as the whole text: "Win more business",
# "Improve our brand awareness in the account". Anchored at both ends, so "Win more business in Logistics"
# or "Win the ERP consolidation" (a concrete object) are not vague.
VAGUE_AIM = re.compile(
    r"^\s*(?:grow|increase|improve|win|drive|boost|expand|strengthen|deepen|build|raise|enhance|maximi[sz]e|develop"
    r"|gain|generate|get|secure|maintain|sustain|keep|create|deliver|do)"
    r"(?:\s+(?:the|our|their|its|a|an|more|much|better|greater|higher|stronger|deeper|bigger|new|additional|further"
    r"|overall|brand|customer|market|wallet|mind|long[- ]term|good|great|some))*"
    r"\s+(?:business|revenue|sales|deals|growth|share|presence|footprint|relationships?|partnership|awareness"
    r"|visibility|satisfaction|engagement|loyalty|trust|value|opportunit(?:y|ies)|pipeline|profit(?:ability)?"
    r"|margins?|results|performance|position|reputation|image|perception|success)"
    r"(?:\s+(?:in|with|at|across|for|within)\s+(?:the|this|our|that)\s+(?:account|customer|client|company))?"
    r"[\s.!]*$",
    re.IGNORECASE,
)

DIGIT = re.compile(r"\d")
_FOLDED = re.compile(r"[^\w$€£%]+")
WORD = re.compile(r"[A-Za-z0-9$€£%][\w$€£%'’.,/-]*")


# Template residue is told apart from an honest sentence by its vocabulary, not
# by its first word: "Enter the main pressures the customer faces" is made only
# of words any template uses, "Enter the EU market by Q3 2027" is not. A text
# is residue when *every* word is form vocabulary (so any name, number or
# concrete noun excuses it) and it either names a box ("Competitor name",
# "Job title", "Action description") or instructs the form-filler about one
# ("Insert obstacles to success").
INSTRUCTIONS = frozenset(
    "enter describe list add insert type fill provide write state specify outline summarise summarize identify "
    "explain name include give detail document note record select choose replace complete indicate capture put "
    "define".split()
)
# The box a template asks about: saying "goals" or "strengths" says nothing about this account.
FIELDS = frozenset(
    "goal goals pressure pressures initiative initiatives obstacle obstacles fact facts question questions strength "
    "strengths weakness weaknesses reference references differentiator differentiators objective objectives strategy "
    "strategies action actions metric metrics stakeholder stakeholders competitor competitors opportunity "
    "opportunities solution solutions product products customer customers client clients company companies account "
    "accounts business unit units division divisions contact contacts person people role roles job date "
    "partner partners project projects relationship revenue marketing partnering research success development "
    "item items point points step steps note notes comment comments example examples answer answers".split()
)
# Words that label a box rather than fill it: their presence marks a field-label echo.
HEADS = frozenset(
    "name names title titles description descriptions details detail summary text firstname lastname surname last "
    "story area proposition information info".split()
)
# Words that address the form-filler or hold the sentence together; none is specific to any account.
FILLERS = frozenset(
    "the a an your our their its this that these those any all each other another key main top major biggest "
    "primary relevant unique value brief short open important current new first full given family middle of for to "
    "in on at with and or from about by as here below above box field section space cell column line faces face has "
    "have is are wants needs goes go etc".split()
)
ADDRESSED = frozenset({"here", "below", "above", "box", "field", "section", "space", "cell", "column", "your"})
VOCABULARY = INSTRUCTIONS | FIELDS | HEADS | FILLERS
TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
POSSESSIVE = re.compile(r"['\u2019]s$")


def template_echo(text: str) -> bool:
    """Whether ``text`` is only form vocabulary: a field label or an instruction to the form-filler.

    Word by word (no substring matching), so "Enterprise goals" or "Listed in 2019" are never residue;
    one word outside the vocabulary (a name, a number, a concrete noun) makes the text honest.
    """
    # One lazy pass that stops at the first honest word: a 10 MB text is never held as a list of words.
    first: Optional[str] = None
    head = about_box = False
    for token in TOKEN.finditer(text):
        word = POSSESSIVE.sub("", token.group().lower())
        if word not in VOCABULARY:
            return False
        head = head or word in HEADS
        if first is None:
            first = word
        else:
            about_box = about_box or word in FIELDS or word in ADDRESSED
    if first is None:
        return False
    return head or (first in INSTRUCTIONS and about_box)


@lru_cache(maxsize=TEXT_MEMO)
def placeholder(text: str) -> Optional[str]:
    """The placeholder or template residue in ``text``, or ``None``."""
    match = PLACEHOLDER.search(text) or TEMPLATE_RESIDUE.search(text) or EXAMPLE_ONLY.search(text)
    if match is not None:
        return match.group(0).strip() or "(blank)"
    if not text.strip():
        return "(empty)"
    return text.strip() if template_echo(text) else None


@lru_cache(maxsize=TEXT_MEMO)
def prompt(text: str) -> Optional[str]:
    """The template prompt ``text`` is, when it asks or instructs instead of stating: else ``None``.

    A question (a ``?`` ending a sentence) or an instruction about the box
    ("Enter key facts from CRM", "List the customer's funded initiatives")
    is what a template ships in a field that expects a fact. An instruction
    needs a prompting verb first, a word naming the box and no number, so
    "Replace the legacy ERP before the 2027 audit" or "Enter the Nordic
    market" stay facts. Callers judging a ``question`` field do not ask.
    """
    if QUESTION.search(text):
        return "a question"
    first = TOKEN.search(text)
    if first is not None and first.group().lower() in PROMPT_VERBS and BOXES.search(text) and not DIGIT.search(text):
        return "an instruction"
    return None


@lru_cache(maxsize=TEXT_MEMO)
def boilerplate(text: str) -> Optional[str]:
    """The empty phrase in ``text`` when the sentence has nothing specific (no number).

    A boilerplate phrase anywhere in the text, or a whole text that is only a vague aim (:data:`VAGUE_AIM`):
    "Win more business" is empty as an objective, a goal or a strategy alike.
    """
    if DIGIT.search(text):
        return None
    match = BOILERPLATE.search(text) or VAGUE_AIM.search(text)
    return None if match is None else match.group(0).strip()


@lru_cache(maxsize=TEXT_MEMO)
def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))  # counted, not listed: memory stays flat on a huge text


@lru_cache(maxsize=TEXT_MEMO)
def normalise(text: str) -> str:
    """Lower case, punctuation and spacing folded: how 'the same sentence' is compared."""
    # Every run of spacing or punctuation becomes one space, so trimming the ends is all that is left
    # (the same as joining the split words, without a list of every word).
    return _FOLDED.sub(" ", text.lower()).strip(" ")


NUMBER = re.compile(r"\d")
NUMBERED_WORDS = 2  # "15% cheaper", "12-week lead time": a short line with a number in it is an answer


def long_enough(text: str, min_words: int) -> bool:
    """At least ``min_words`` words, or at least two when one of them is a number: a figure is the answer."""
    words = word_count(text)
    return words >= min_words or (words >= NUMBERED_WORDS and NUMBER.search(text) is not None)


@lru_cache(maxsize=TEXT_MEMO)
def is_substantive(text: str, min_words: int = 3, question: bool = False) -> bool:
    """Text that says something: no placeholder, no boilerplate, long enough (:func:`long_enough`).

    A template prompt (:func:`prompt`) says nothing either, except where a
    question is what the field holds (``question=True``: an open question).
    """
    return (placeholder(text) is None and boilerplate(text) is None and long_enough(text, min_words)
            and (question or prompt(text) is None))


CAPITALISED = re.compile(r"[A-Z][\w&'’.-]*")
NUMBER_WORDS = re.compile(  # "overran by nine months", "doubled in a year": a figure written out is still a figure
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozen|half|quarter|double[ds]?|twice|triple[ds]?|halved)\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_MEMO)
def is_specific(text: str, own: frozenset[str] = frozenset()) -> bool:
    """A research line that carries something a colleague could check: a number (in figures or words) or date, or a name.

    "Stellan wants to grow its business" fits any account with its name
    swapped in; "Procurement moved under the CFO in March" and "Claims backlog
    doubled in 2026" do not. A name is a capitalised word after the first
    (a person, product, site, team, regulator, document or acronym); the
    account's own name (``own``, lower-cased words) does not count, since
    every line about the account may use it.
    """
    if NUMBER.search(text) is not None or NUMBER_WORDS.search(text) is not None:
        return True
    words = CAPITALISED.finditer(text)
    first = re.search(r"\S", text)
    start = first.start() if first else 0
    return any(word.start() > start and word.group().lower().strip(".'’") not in own for word in words)


def name_key(name: str) -> str:
    """How two names are compared: case and spacing do not matter (``"Mary  chen"`` is ``"Mary Chen"``)."""
    return " ".join(name.split()).casefold()


def is_real_name(text: Optional[str]) -> bool:
    """A name that is a name, not ``TBD`` or ``{{Stakeholder}}``."""
    return bool(text and text.strip()) and placeholder(text or "") is None


# A kind of firm, not a firm: "Local IT providers", "Global SIs", "OEM fleet suppliers". The last word is a
# generic plural and no word after the first is capitalised as a name (an acronym of up to four capitals
# is not a name): "Kinetic Partners" and "Tata Consultancy Services" are firms.
CATEGORY_PLURALS = frozenset("competitors vendors suppliers providers players sis integrators consultancies firms "
                             "companies resellers partners oems startups boutiques agencies contractors".split())
ACRONYM = re.compile(r"^[A-Z]{1,4}s?$")


def is_category(name: str) -> bool:
    """A name that is a kind of competitor rather than one ("Local IT providers"): nobody to research."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in CATEGORY_PLURALS:
        return False
    # A capitalised last word makes it a firm's name ("Kinetic Partners"), as does a name in the middle.
    return not any(word[:1].isupper() and not ACRONYM.match(word) for word in words[1:])


WHOLE_ACCOUNT = re.compile(r"^\s*(?:all|whole|entire|every|any)\b|^\s*(?:company|group|corporate)[- ]wide\s*$", re.IGNORECASE)


def is_whole_account(name: str) -> bool:
    """A "unit" that is the whole account ("All divisions"): no focus at all."""
    return WHOLE_ACCOUNT.search(name) is not None


PASTED_WORDS = 4  # a sentence this long found in two places was pasted, not written twice


PASTED_KEY = "pasted_sentences"  # what rules share the plan's pasted sentences under (CheckContext.memo / shared)


PROSE_KEY = "prose"  # what rules share the plan's texts under (iter_text, walked once per plan check)


def shared_texts(shared: dict[str, Any], plan: "model.Plan") -> Sequence[Prose]:
    """The plan's texts (:func:`planlint.api.prose.iter_text`), walked once per plan check and kept in ``shared``
    (a :class:`~planlint.api.rule.CheckContext`'s ``shared``): the form rules and :func:`pasted_sentences` read the same walk."""
    texts = shared.get(PROSE_KEY)
    if texts is None:
        texts = shared[PROSE_KEY] = tuple(iter_text(plan))
    return texts  # type: ignore[no-any-return]


def shared_pasted(shared: dict[str, Any], plan: "model.Plan") -> frozenset[str]:
    """The plan's :func:`pasted_sentences`, worked out once per plan check and kept in ``shared`` under :data:`PASTED_KEY`."""
    pasted = shared.get(PASTED_KEY)
    if pasted is None:
        pasted = shared[PASTED_KEY] = pasted_sentences(plan, shared_texts(shared, plan))
    return pasted  # type: ignore[no-any-return]


def pasted_sentences(plan: "model.Plan", texts: Optional[Sequence[Prose]] = None) -> frozenset[str]:
    """The sentences (normalised) the plan holds in more than one place: pasted, so substance in none of them.

    Free text only, as :func:`planlint.api.prose.iter_text` walks it
    (sentences and steps: research, notes, proofs, hypotheses, objective,
    strategy, action and risk names); references such as ``supports "..."``
    repeat a goal on purpose and names are names. A plan that pastes the same
    three sentences into every box has written three sentences, not a plan's
    worth of research: which copy came first is an accident of order, so the
    pillars count none of the copies and the form rules report every one.
    ``texts`` are the plan's :func:`iter_text` when the caller has them already.
    """
    count: dict[str, int] = {}
    places: dict[str, set[str]] = {}
    for prose in iter_text(plan) if texts is None else texts:
        if prose.kind not in WRITTEN or word_count(prose.text) < PASTED_WORDS:
            continue
        key = normalise(prose.text)
        count[key] = count.get(key, 0) + 1
        places.setdefault(key, set()).add(prose.where)
    shared = _shared_commitments(plan)
    return frozenset(key for key, times in count.items()
                     if times > 1 and not (places[key] == {ACTION} and key in shared))


def _shared_commitments(plan: "model.Plan") -> frozenset[str]:
    """Actions written the same under several strategies with one owner and one date or repeat: one commitment.

    A monthly steering meeting owned by Jane Doe can serve two objectives and
    be listed under both; the same line with no owner, or with different
    owners and dates, was pasted to fill the strategy.
    """
    terms: dict[str, set[tuple[object, ...]]] = {}
    for action in plan.actions():
        key = normalise(action.text)
        terms.setdefault(key, set()).add((action.owner, action.due.text if action.due else None, action.repeats))
    return frozenset(key for key, found in terms.items()
                     if len(found) == 1 and all(owner and (due or repeats) for owner, due, repeats in found))
