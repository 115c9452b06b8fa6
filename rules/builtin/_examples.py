"""A compact way to write rule examples as plan text.

Most examples need only one or two statements; ``plan(...)`` wraps them in a
plan header so each example stays short and readable in `planlint explain`.
"""

from __future__ import annotations

HEADER = 'plan "Example" {\n  owner "Jane Doe"\n  team "Raj Patel"\n  period 2027-01-01 to 2027-12-31\n'


def plan(*lines: str) -> str:
    body = "\n".join("  " + line for chunk in lines for line in chunk.strip("\n").split("\n"))
    return f"{HEADER}{body}\n}}\n"


def objective(category: str = "revenue", name: str = "Win the ERP deal", *lines: str) -> str:
    inner = "\n".join("  " + line for chunk in lines for line in chunk.strip("\n").split("\n"))
    return f'objective {category} "{name}" {{\n{inner}\n}}'


ACTIONS = '''strategy "Prove it" {
  action "Briefing with the CFO" owner "Jane Doe" due 2027-02-15
  action "Reference call" owner "Raj Patel" due 2027-03-01
}'''
