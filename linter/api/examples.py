"""A rule's examples as whole plans: authors write only the lines that matter.

Every rule's ``passing`` and ``failing`` examples, TOML or Python, are
wrapped the same way, so `planlint explain` shows them alike and
`planlint test-rules` runs them alike: a snippet such as
``objective revenue "..." { ... }`` goes inside a small plan with an owner,
a team and a period (:data:`EXAMPLE_HEADER`); a snippet that starts with
``plan`` or ``portfolio`` is a whole file already and is used as it is.
"""

from __future__ import annotations

import re

EXAMPLE_HEADER = 'plan "Example" {\n  owner "Jane Doe"\n  team "Raj Patel"\n  period 2027-01-01 to 2027-12-31\n'
_WHOLE_FILE = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(?:plan|portfolio)\b")


def example_text(*snippets: str) -> str:
    """An example as a whole plan: a snippet of plan statements goes inside :data:`EXAMPLE_HEADER`.

    Authors write only the lines that matter (``objective revenue "..." { ... }``);
    a snippet that starts with ``plan`` or ``portfolio`` is used as it is. Several snippets are
    joined one after another (``example_text(cadence, stakeholder)``).
    """
    text = "\n".join(snippet.strip("\n") for snippet in snippets)
    if _WHOLE_FILE.match(text):
        return text + "\n"
    body = "\n".join(("  " + line) if line.strip() else "" for line in text.splitlines())
    return f"{EXAMPLE_HEADER}{body}\n}}\n"
