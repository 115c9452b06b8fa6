"""A corpus of pack patterns that hang a backtracking engine, and text to run them on.

Every pattern here either is refused when the pack loads (with the construct
named) or runs on RE2, in time linear in the text, on every text below. The
first group is issue 13's reproductions: each took over 10 s on less than
1,000 characters with Python's ``re`` and got past the old vetting.
"""

from __future__ import annotations

ISSUE_13 = [
    r"^(?:a|a){40}$",
    r"^(a?){30}a{30}$",
    r"^(?:aa?){30}b",
    r"(?>(a+)+b)",
    r"^(?:.*?,){11}P",
    r"(?s)^(?:.*?\n){11}P",
    r"(?s)(.*a){12}",
]

CLASSICS = [
    r"(a+)+$", r"(a|aa)*b", r"(a*)*b", r"(\w+\s?)*$", r"^(\w+\s?){1,20}\.$", r"(\w{1,20}){1,20}!",
    r"\w*\w*\w*\w*x", r".*a.*a.*a.*a.*a.*!", r"^(a|a?)+$", r"(x+x+)+y", r"^(([a-z])+.)+[A-Z]([a-z])+$",
    r"^(\d+)*$", r"(.*){1,32000}[bc]", r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    r"(?:(?:a{100}){100}){100}", r"(a{2,}){2,}b", r"^(?:[a-z]+\s?)+:$", r"(\s*,\s*)*$", r"(?i)(?:é+)+x",
]

NEEDS_MORE_THAN_RE2 = [
    r"(a)\1", r"(?P<n>a+)(?P=n)", r"(?=(a+))\1b", r"(?!a)(?:a+)+b", r"(?<=a)b", r"(?<!a)(?:a|a)*b",
    r"(?>a+)+b", r"a*+b", r"(?:a+)++b", r"(a)?(?(1)a|b)+$",
]

CORPUS = ISSUE_13 + CLASSICS + NEEDS_MORE_THAN_RE2

TEXTS = [
    "a" * 1000, "a" * 50_000 + "!", "ab" * 20_000, "a," * 5_000 + "P", "a\n" * 5_000 + "Q", "1" * 50_000 + "x",
    " " * 50_000 + "!", "é" * 20_000, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
    "x" * 20_000 + "@" + "a" * 20_000, "word " * 10_000 + ";",
]
