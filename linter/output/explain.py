"""A rule explained in words: what ``planlint explain`` prints and the language server's "explain rule" shows."""

from __future__ import annotations

import re

from ..api.rule import RuleInfo, rule_link

TEMPLATE_FIELD = re.compile(r"\{(\w+(?:\.\w+)*)\}")


def readable_template(message: str) -> tuple[str, list[str]]:
    """A TOML rule's message template for reading: ``{name}`` shown as ``<name>``, and the fields it names."""
    fields = list(dict.fromkeys(f"<{name}>" for name in TEMPLATE_FIELD.findall(message)))
    return TEMPLATE_FIELD.sub(lambda found: f"<{found.group(1)}>", message), fields


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").splitlines())


def explanation(info: RuleInfo) -> str:
    """What ``planlint explain`` prints for a rule (the language server's "explain rule" shows the same)."""
    message, fields = readable_template(info.message)
    parts = [
        f"{info.code} {info.name}",
        f"category {info.category} · severity {info.severity.value} · weight {info.weight:g} · pack {info.pack}",
        "",
        message,
        *([f"({', '.join(fields)}: filled in from the plan when the rule reports)"] if fields else []),
        "",
        "Why it matters:",
        _indent(info.why),
        "",
        "How to fix:",
        _indent(info.fix),
    ]
    if info.failing:
        parts += ["", "Fails:", _indent(info.failing[0])]
    if info.passing:
        parts += ["", "Passes:", _indent(info.passing[0])]
    for kind, rows in info.crm:
        parts += ["", f"Against the CRM rows ({kind}.csv):", _indent(rows)]
    if rule_link(info):
        parts += ["", f"More: {rule_link(info)}"]
    return "\n".join(parts) + "\n"
