"""What makes a piece of text read as *form* rather than *tool* (methodology point 11).

One place decides what a placeholder, a boilerplate phrase, a pasted sentence
or a one-word answer is, so the form rules, the form ratio and the rules that
count "substantive" research all agree. A research rule that counted
``fact "TBD"`` as a fact would let a long form outscore a short honest plan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

# The same text is judged by several rules of one plan (the form rules, the
# research and objective rules, the TOML pack's "real"/"substantive" counts),
# so the pure judgements below are memoised per text. The bound is far above
# one plan's few hundred texts and keeps memory flat over any number of plans.
TEXT_MEMO = 8192

PLACEHOLDER = re.compile(
    r"\b(?:TBD|TBC|TBA|TODO|FIXME|X{2,}|lorem ipsum|placeholder)\b"
    r"|\bto be (?:determined|confirmed|defined|decided|added)\b"
    r"|\?\?+|\{\{[^{}]*\}\}|\.\.\.|…|<[^<>]{1,40}>|\[[^\[\]]{1,40}\]"
    r"|^\s*(?:N/?A|none|nil|-+|\?|x|\.)\s*$",
    re.IGNORECASE,
)

# Template instructions left in: "Describe the customer's goals here".
TEMPLATE_RESIDUE = re.compile(
    r"^\s*(?:describe|enter|insert|list|type|fill in|write|provide|state|add|name)\b.*\bhere\b"
    r"|\b(?:goes here|click here|enter text)\b",
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
    r")\b",
    re.IGNORECASE,
)

DIGIT = re.compile(r"\d")
WORD = re.compile(r"[A-Za-z0-9$€£%][\w$€£%'’.,/-]*")


@lru_cache(maxsize=TEXT_MEMO)
def placeholder(text: str) -> Optional[str]:
    """The placeholder or template residue in ``text``, or ``None``."""
    match = PLACEHOLDER.search(text) or TEMPLATE_RESIDUE.search(text)
    if match is None and not text.strip():
        return "(empty)"
    return None if match is None else (match.group(0).strip() or "(blank)")


@lru_cache(maxsize=TEXT_MEMO)
def boilerplate(text: str) -> Optional[str]:
    """The empty phrase in ``text`` when the sentence has nothing specific (no number)."""
    if DIGIT.search(text):
        return None
    match = BOILERPLATE.search(text)
    return None if match is None else match.group(0)


@lru_cache(maxsize=TEXT_MEMO)
def word_count(text: str) -> int:
    return len(WORD.findall(text))


@lru_cache(maxsize=TEXT_MEMO)
def normalise(text: str) -> str:
    """Lower case, punctuation and spacing folded: how 'the same sentence' is compared."""
    return " ".join(re.sub(r"[^\w$€£%]+", " ", text.lower()).split())


@lru_cache(maxsize=TEXT_MEMO)
def is_substantive(text: str, min_words: int = 3) -> bool:
    """Text that says something: no placeholder, no boilerplate, at least ``min_words`` words."""
    return placeholder(text) is None and boilerplate(text) is None and word_count(text) >= min_words


def is_real_name(text: Optional[str]) -> bool:
    """A name that is a name, not ``TBD`` or ``{{Stakeholder}}``."""
    return bool(text and text.strip()) and placeholder(text or "") is None


WHOLE_ACCOUNT = re.compile(r"^\s*(?:all|whole|entire|every|any)\b|^\s*(?:company|group|corporate)[- ]wide\s*$", re.IGNORECASE)


def is_whole_account(name: str) -> bool:
    """A "unit" that is the whole account ("All divisions"): no focus at all."""
    return WHOLE_ACCOUNT.search(name) is not None
